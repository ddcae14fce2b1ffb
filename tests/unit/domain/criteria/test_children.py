"""Children and adolescents: a paediatric patient is judged by the limits for a child, and a trial's heading
that waives its lab limits for disease in the organ keeps the child with leukaemia in the marrow."""

from __future__ import annotations

from typing import Any

from one_criterion import evaluation, outcome, patient, result

from trialmatch.domain.evaluation import Outcome, Verdict
from trialmatch.domain.facts import PatientFacts
from trialmatch.domain.trial import Section

INC, EXC = Section.INCLUSION, Section.EXCLUSION


def _boy(**labs: Any) -> PatientFacts:
    """An 8-year-old boy, 26 kg, 128 cm, with relapsed stage 4 neuroblastoma."""
    entries = [{"test": test, **value} for test, value in labs.items()]
    return patient(age=8, sex="male", weight_kg=26, height_cm=128, stage="4", labs=entries)


ALP = "Alkaline phosphatase no greater than 1.5 times ULN"


def test_a_childs_alkaline_phosphatase_is_not_judged_by_the_adult_upper_limit():
    # 200 U/L is normal in a growing child (upper limit for age about 400 U/L); against the adult default
    # of 130 U/L it read as 1.54 x ULN and failed him.
    judged = evaluation(INC, ALP, _boy(ALP={"value": 200, "unit": "U/L"}))
    assert judged.results[0].result is Outcome.UNKNOWN
    assert judged.verdict is not Verdict.INELIGIBLE


def test_a_childs_alkaline_phosphatase_is_judged_by_the_laboratorys_limit_for_age():
    within = _boy(ALP={"value": 200, "unit": "U/L", "uln": 400})
    above = _boy(ALP={"value": 700, "unit": "U/L", "uln": 400})
    assert outcome(INC, ALP, within) is Outcome.PASS
    assert outcome(INC, ALP, above) is Outcome.FAIL


def test_an_adults_alkaline_phosphatase_still_uses_the_default_upper_limit():
    adult = patient(labs=[{"test": "ALP", "value": 200, "unit": "U/L"}])
    assert outcome(INC, ALP, adult) is Outcome.FAIL


def test_a_childs_creatinine_is_not_passed_on_the_adult_upper_limit():
    # 1.1 mg/dL is within 1.5 x the adult ULN (1.2) but twice the upper limit for an 8-year-old.
    assert (
        outcome(INC, "Creatinine ≤ 1.5 x ULN", _boy(creatinine={"value": 1.1, "unit": "mg/dL"}))
        is Outcome.UNKNOWN
    )


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
    judged = evaluation(INC, ANC, _girl(0.9), ORGAN_WAIVER)
    assert judged.results[0].result is Outcome.UNKNOWN
    assert "organ involvement by tumor" in judged.results[0].reason
    assert judged.verdict is not Verdict.INELIGIBLE


def test_under_the_waiving_heading_a_count_within_the_limit_still_passes():
    assert outcome(INC, ANC, _girl(1.2), ORGAN_WAIVER) is Outcome.PASS


def test_without_the_waiving_heading_the_low_count_fails():
    assert outcome(INC, ANC, _girl(0.9), "Laboratory tests") is Outcome.FAIL


CONSENT = "Signed informed consent"


def test_a_child_who_cannot_consent_himself_is_left_to_the_parents_consent():
    # An 8-year-old recorded as unable to give informed consent: his parents consent for him.
    boy = patient(age=8, sex="male", findings={"informed consent": False})
    judged = evaluation(INC, CONSENT, boy)
    assert judged.results[0].result is Outcome.UNKNOWN
    assert "parent or guardian" in judged.results[0].reason
    assert judged.verdict is not Verdict.INELIGIBLE


def test_an_adult_unable_to_consent_still_fails_the_consent_requirement():
    adult = patient(findings={"informed consent": False})
    assert outcome(INC, CONSENT, adult) is Outcome.FAIL


def test_consent_printed_among_the_exclusions_does_not_exclude_the_consenting_patient():
    consenting = patient(age=15, findings={"informed consent": True})
    judged = evaluation(EXC, "Informed consent must be obtained.", consenting)
    assert judged.results[0].result is Outcome.UNKNOWN
    assert judged.verdict is not Verdict.INELIGIBLE


def test_an_age_after_a_list_of_alternatives_is_not_one_more_alternative_a_boy_passes_on():
    # "Male or non-pregnant, non-lactating female, at least 18 years of age": the age binds men and women;
    # read as four alternatives, an 8-year-old boy passed on being male.
    text = "Male or non-pregnant, non-lactating female, at least 18 years of age"
    assert outcome(INC, text, patient(age=8, sex="male")) is Outcome.UNKNOWN


def test_adults_of_either_sex_is_not_read_as_the_sex_alone():
    found = result(INC, "Male or female adults.", patient(age=8, sex="male"))
    assert found.result is Outcome.UNKNOWN
    assert found.needs_review


def test_an_acceptable_method_of_contraception_does_not_swallow_the_breastfeeding_it_follows():
    # Read with "acceptable" as an exception, the clause took "breastfeeding" with it and a breastfeeding
    # mother was not excluded.
    text = (
        "Pregnancy or breastfeeding, patient with childbearing potential that refused acceptable"
        " contraceptive method"
    )
    nursing = patient(age=17, findings={"pregnancy": False, "breastfeeding": True})
    assert outcome(EXC, text, nursing) is not Outcome.PASS


def test_the_age_limit_of_a_control_cohort_does_not_judge_the_patient():
    found = result(EXC, "Less than 18 years old", patient(age=15), "Control Cohort")
    assert found.result is Outcome.UNKNOWN
    assert "another population" in found.reason


HIGH_RISK = "PATIENT CHARACTERISTICS: Hematopoietic: For high-risk patients"


def test_a_limit_under_a_subgroup_heading_does_not_fail_a_patient_who_may_not_be_of_it():
    found = result(INC, "Granulocyte count at least 1,500/mm^3", _girl(0.9), HIGH_RISK)
    assert found.result is Outcome.UNKNOWN
    assert "high-risk patients" in found.reason


def test_a_limit_under_a_subgroup_heading_that_is_met_passes():
    assert outcome(INC, "Granulocyte count at least 1,500/mm^3", _girl(2.0), HIGH_RISK) is Outcome.PASS


NCI_CONSENT = "Ability to understand and the willingness to sign a written informed consent document."


def test_the_nci_consent_wording_is_the_consent_finding():
    # The NCI template's wording was left for review; it asks what "Signed informed consent" asks.
    assert result(INC, NCI_CONSENT, patient()).reason == "Able to give informed consent not recorded"
    assert outcome(INC, NCI_CONSENT, patient(findings={"informed consent": True})) is Outcome.PASS
    assert outcome(INC, NCI_CONSENT, patient(findings={"informed consent": False})) is Outcome.FAIL
    assert outcome(EXC, "Absence of signed written informed consent.", patient()) is Outcome.UNKNOWN


def test_the_nci_surgery_branch_consent_wording_is_the_consent_finding():
    text = "Patient is able to understand and willing to sign a written informed consent document."
    assert outcome(INC, text, patient(findings={"informed consent": True})) is Outcome.PASS
    assert outcome(INC, text, patient(findings={"informed consent": False})) is Outcome.FAIL
    assert outcome(INC, text, patient()) is Outcome.UNKNOWN
