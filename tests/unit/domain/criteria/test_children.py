"""Children and adolescents: a paediatric patient is judged by the limits for a child, and a trial's heading
that waives its lab limits for disease in the organ keeps the child with leukaemia in the marrow."""

from __future__ import annotations

from typing import Any

from one_criterion import patient

from trialmatch.domain.compiled import compile_trial
from trialmatch.domain.evaluation import Outcome, TrialEvaluation, Verdict, evaluate
from trialmatch.domain.facts import PatientFacts
from trialmatch.domain.trial import Criterion, Section, Trial

INC = Section.INCLUSION


def _judged(text: str, facts: PatientFacts, context: str | None = None) -> TrialEvaluation:
    criterion = Criterion(section=INC, text=text, context=context)
    trial = Trial(id="NCT00000001", registry="ctgov", title="t", criteria=[criterion])
    return evaluate(compile_trial(trial), facts)


def _boy(**labs: Any) -> PatientFacts:
    """An 8-year-old boy, 26 kg, 128 cm, with relapsed stage 4 neuroblastoma."""
    entries = [{"test": test, **value} for test, value in labs.items()]
    return patient(age=8, sex="male", weight_kg=26, height_cm=128, stage="4", labs=entries)


ALP = "Alkaline phosphatase no greater than 1.5 times ULN"


def test_a_childs_alkaline_phosphatase_is_not_judged_by_the_adult_upper_limit():
    # 200 U/L is normal in a growing child (upper limit for age about 400 U/L); against the adult default
    # of 130 U/L it read as 1.54 x ULN and failed him.
    evaluation = _judged(ALP, _boy(ALP={"value": 200, "unit": "U/L"}))
    assert evaluation.results[0].result is Outcome.UNKNOWN
    assert evaluation.verdict is not Verdict.INELIGIBLE


def test_a_childs_alkaline_phosphatase_is_judged_by_the_laboratorys_limit_for_age():
    within = _boy(ALP={"value": 200, "unit": "U/L", "uln": 400})
    above = _boy(ALP={"value": 700, "unit": "U/L", "uln": 400})
    assert _judged(ALP, within).results[0].result is Outcome.PASS
    assert _judged(ALP, above).results[0].result is Outcome.FAIL


def test_an_adults_alkaline_phosphatase_still_uses_the_default_upper_limit():
    adult = patient(labs=[{"test": "ALP", "value": 200, "unit": "U/L"}])
    assert _judged(ALP, adult).results[0].result is Outcome.FAIL


def test_a_childs_creatinine_is_not_passed_on_the_adult_upper_limit():
    # 1.1 mg/dL is within 1.5 x the adult ULN (1.2) but twice the upper limit for an 8-year-old.
    evaluation = _judged("Creatinine ≤ 1.5 x ULN", _boy(creatinine={"value": 1.1, "unit": "mg/dL"}))
    assert evaluation.results[0].result is Outcome.UNKNOWN


ORGAN_WAIVER = "Laboratory tests (unless impairment due to respective organ involvement by tumor)"
ANC = "Absolute neutrophil count (ANC) greater than or equal to 1000/mm(3)"


def _girl(anc: float) -> PatientFacts:
    """A 15-year-old girl with relapsed B-ALL filling the marrow."""
    return patient(
        age=15,
        findings={"bone marrow involvement": True, "pregnancy": False},
        labs=[
            {"test": "ANC", "value": anc, "unit": "10^9/L"},
            {"test": "platelets", "value": 60, "unit": "10^9/L"},
        ],
    )


def test_a_heading_waiving_limits_for_organ_involvement_leaves_a_low_count_to_the_clinician():
    evaluation = _judged(ANC, _girl(0.9), ORGAN_WAIVER)
    assert evaluation.results[0].result is Outcome.UNKNOWN
    assert "organ involvement by tumor" in evaluation.results[0].reason
    assert evaluation.verdict is not Verdict.INELIGIBLE


def test_under_the_waiving_heading_a_count_within_the_limit_still_passes():
    assert _judged(ANC, _girl(1.2), ORGAN_WAIVER).results[0].result is Outcome.PASS


def test_without_the_waiving_heading_the_low_count_fails():
    assert _judged(ANC, _girl(0.9), "Laboratory tests").results[0].result is Outcome.FAIL


CONSENT = "Signed informed consent"


def test_a_child_who_cannot_consent_himself_is_left_to_the_parents_consent():
    # An 8-year-old recorded as unable to give informed consent: his parents consent for him.
    boy = patient(age=8, sex="male", findings={"informed consent": False})
    evaluation = _judged(CONSENT, boy)
    assert evaluation.results[0].result is Outcome.UNKNOWN
    assert "parent or guardian" in evaluation.results[0].reason
    assert evaluation.verdict is not Verdict.INELIGIBLE


def test_an_adult_unable_to_consent_still_fails_the_consent_requirement():
    adult = patient(findings={"informed consent": False})
    assert _judged(CONSENT, adult).results[0].result is Outcome.FAIL


def test_consent_printed_among_the_exclusions_does_not_exclude_the_consenting_patient():
    criterion = Criterion(section=Section.EXCLUSION, text="Informed consent must be obtained.")
    trial = Trial(id="NCT00000001", registry="ctgov", title="t", criteria=[criterion])
    evaluation = evaluate(compile_trial(trial), patient(age=15, findings={"informed consent": True}))
    assert evaluation.results[0].result is Outcome.UNKNOWN
    assert evaluation.verdict is not Verdict.INELIGIBLE


def test_an_age_after_a_list_of_alternatives_is_not_one_more_alternative_a_boy_passes_on():
    # "Male or non-pregnant, non-lactating female, at least 18 years of age": the age binds men and women;
    # read as four alternatives, an 8-year-old boy passed on being male.
    text = "Male or non-pregnant, non-lactating female, at least 18 years of age"
    evaluation = _judged(text, patient(age=8, sex="male"))
    assert evaluation.results[0].result is Outcome.UNKNOWN


def test_adults_of_either_sex_is_not_read_as_the_sex_alone():
    evaluation = _judged("Male or female adults.", patient(age=8, sex="male"))
    assert evaluation.results[0].result is Outcome.UNKNOWN
    assert evaluation.results[0].needs_review


def test_an_acceptable_method_of_contraception_does_not_swallow_the_breastfeeding_it_follows():
    # Read with "acceptable" as an exception, the clause took "breastfeeding" with it and a breastfeeding
    # mother was not excluded.
    text = (
        "Pregnancy or breastfeeding, patient with childbearing potential that refused acceptable"
        " contraceptive method"
    )
    criterion = Criterion(section=Section.EXCLUSION, text=text)
    trial = Trial(id="NCT00000001", registry="ctgov", title="t", criteria=[criterion])
    nursing = patient(age=17, findings={"pregnancy": False, "breastfeeding": True})
    evaluation = evaluate(compile_trial(trial), nursing)
    assert evaluation.results[0].result is not Outcome.PASS


def test_the_age_limit_of_a_control_cohort_does_not_judge_the_patient():
    criterion = Criterion(section=Section.EXCLUSION, text="Less than 18 years old", context="Control Cohort")
    trial = Trial(id="NCT00000001", registry="ctgov", title="t", criteria=[criterion])
    evaluation = evaluate(compile_trial(trial), patient(age=15))
    assert evaluation.results[0].result is Outcome.UNKNOWN
    assert "another population" in evaluation.results[0].reason


HIGH_RISK = "PATIENT CHARACTERISTICS: Hematopoietic: For high-risk patients"


def test_a_limit_under_a_subgroup_heading_does_not_fail_a_patient_who_may_not_be_of_it():
    evaluation = _judged("Granulocyte count at least 1,500/mm^3", _girl(0.9), HIGH_RISK)
    assert evaluation.results[0].result is Outcome.UNKNOWN
    assert "high-risk patients" in evaluation.results[0].reason


def test_a_limit_under_a_subgroup_heading_that_is_met_passes():
    assert (
        _judged("Granulocyte count at least 1,500/mm^3", _girl(2.0), HIGH_RISK).results[0].result
        is Outcome.PASS
    )
