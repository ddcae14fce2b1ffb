"""Steroid, immunosuppressant and transplant sentences (theme: a glioblastoma patient on dexamethasone, a man
after allogeneic transplant on tacrolimus): what a drug is given for, examples of a treatment and alternative
risk factors must not refuse the patients the trial would take."""

from __future__ import annotations

from one_criterion import outcome, patient

from trialmatch.domain.compiled import compile_trial
from trialmatch.domain.criteria import Alternative, AnyOf, NeedsReview, parse_criterion
from trialmatch.domain.evaluation import Outcome, evaluate
from trialmatch.domain.facts import PatientFacts
from trialmatch.domain.trial import Criterion, Section, Trial

INC, EXC = Section.INCLUSION, Section.EXCLUSION


def on_dexamethasone_for_glioblastoma() -> PatientFacts:
    """No autoimmune disease, no transplant, no GVHD; dexamethasone for brain oedema."""
    findings = {
        "systemic corticosteroids": True,
        "immunosuppressive therapy": True,
        "autoimmune disease": False,
        "graft versus host disease": False,
        "stem cell transplant": False,
    }
    return patient(age=55, diagnosis="glioblastoma", findings=findings)


def after_transplant_with_gvhd() -> PatientFacts:
    findings = {
        "immunosuppressive therapy": True,
        "systemic corticosteroids": False,
        "autoimmune disease": False,
        "graft versus host disease": True,
        "allogeneic stem cell transplant": True,
    }
    treatments = [
        {"name": "allogeneic stem cell transplant", "category": "stem cell transplant", "start": "2025-09-20"}
    ]
    return patient(age=48, sex="male", findings=findings, treatments=treatments)


AUTOIMMUNE = (
    "Active autoimmune diseases requiring systemic treatments "
    "(e.g., systemic steroids or immunosuppressants)."
)


def test_drugs_given_as_examples_of_a_treatment_do_not_exclude_on_their_own():
    assert outcome(EXC, AUTOIMMUNE, on_dexamethasone_for_glioblastoma()) is Outcome.PASS
    assert outcome(EXC, AUTOIMMUNE, after_transplant_with_gvhd()) is Outcome.PASS
    with_lupus = patient(findings={"systemic lupus erythematosus": True, "systemic corticosteroids": True})
    assert outcome(EXC, AUTOIMMUNE, with_lupus) is Outcome.UNKNOWN


FOR_GVHD = "No concurrent immunosuppressive medications for graft versus host disease"
THERAPY_OTHER = "PRIOR CONCURRENT THERAPY: Other"


def test_immunosuppression_for_another_reason_is_judged_not_refused():
    facts = on_dexamethasone_for_glioblastoma()
    assert outcome(INC, FOR_GVHD, facts, THERAPY_OTHER) is Outcome.UNKNOWN
    none = patient(findings={"immunosuppressive therapy": False, "graft versus host disease": True})
    assert outcome(INC, FOR_GVHD, none, THERAPY_OTHER) is Outcome.PASS
    on_tacrolimus = after_transplant_with_gvhd()
    assert outcome(INC, FOR_GVHD, on_tacrolimus, THERAPY_OTHER) is Outcome.UNKNOWN


def test_a_duration_after_for_is_not_what_the_drug_is_given_for():
    allowed = parse_criterion(
        "Systemic steroids for no more than 1 week in any 30-day period.",
        INC,
        "Concurrent Medication: Allowed",
    )
    assert isinstance(allowed, NeedsReview)


def test_high_dose_narrows_steroids_so_a_moderate_dose_is_judged():
    text = "Other: No concurrent high dose steroids"
    assert outcome(INC, text, on_dexamethasone_for_glioblastoma(), THERAPY_OTHER) is Outcome.UNKNOWN
    without = patient(findings={"systemic corticosteroids": False})
    assert outcome(INC, text, without, THERAPY_OTHER) is Outcome.PASS


RISK_HEADING = (
    "DISEASE CHARACTERISTICS: At high risk for developing invasive aspergillosis (IA) due to any of the "
    "following risk factors"
)
CONCURRENT_HSCT = "Concurrent treatment with allogeneic hematopoietic stem cell transplantation (HSCT)"


def test_one_risk_factor_of_several_unmet_is_judged_not_failed():
    rule = parse_criterion(CONCURRENT_HSCT, INC, RISK_HEADING)
    assert isinstance(rule, Alternative)
    assert rule.needed == 1
    trial = Trial(
        id="NCT00000001",
        registry="ctgov",
        title="t",
        criteria=[
            Criterion(section=INC, text=CONCURRENT_HSCT, context=RISK_HEADING),
            Criterion(section=INC, text="Expected prolonged neutropenia", context=RISK_HEADING),
        ],
    )
    results = evaluate(compile_trial(trial), after_transplant_with_gvhd()).results
    assert [r.result for r in results] == [Outcome.UNKNOWN, Outcome.UNKNOWN]


HIGH_RISK = (
    "Patients undergoing standard of care robotic radical prostatectomy for high-risk localized prostate "
    "cancer as defined by any of"
)


def test_a_heading_cut_after_defined_by_any_of_still_offers_alternatives():
    """NCT06521710: "PSA ≥20" is one way to be high-risk; a PSA of 12 with Gleason 8 must not fail it."""
    trial = Trial(
        id="NCT06521710",
        registry="ctgov",
        title="t",
        criteria=[
            Criterion(section=INC, text="Gleason grade ≥8", context=HIGH_RISK),
            Criterion(section=INC, text="PSA ≥20", context=HIGH_RISK),
        ],
    )
    psa_12 = patient(sex="male", labs=[{"test": "PSA", "value": 12, "unit": "ng/mL"}])
    results = evaluate(compile_trial(trial), psa_12).results
    assert [r.result for r in results] == [Outcome.UNKNOWN, Outcome.UNKNOWN]
    # The risk group is set on the PSA at diagnosis: today's 25 does not say it was ≥ 20 then, but a
    # Gleason 8 meets the heading's other alternative.
    psa_25 = patient(sex="male", labs=[{"test": "PSA", "value": 25, "unit": "ng/mL"}])
    assert [r.result for r in evaluate(compile_trial(trial), psa_25).results] == [Outcome.UNKNOWN] * 2
    gleason_8 = patient(sex="male", labs=[{"test": "Gleason score", "value": 8, "unit": "1"}])
    assert [r.result for r in evaluate(compile_trial(trial), gleason_8).results] == [Outcome.PASS] * 2


def test_a_negated_heading_with_any_of_the_following_is_not_a_list_of_alternatives():
    heading = "No clinically significant disease defined by any of the following"
    rule = parse_criterion("Graft versus host disease", INC, heading)
    assert not isinstance(rule, AnyOf) or not any(isinstance(c, NeedsReview) for c in rule.children)


ZUBROD_OR_KARNOFSKY = "Zubrod performance status 0-1; or Karnofsy >80."
OBSTRUCTION = (
    "No signs of intestinal obstruction; "
    "Or intestinal obstruction has been relieved after proximal colostomy;"
)


def test_a_sentence_opening_with_or_is_an_alternative_not_one_more_requirement():
    assert outcome(INC, ZUBROD_OR_KARNOFSKY, patient(ecog=1)) is Outcome.PASS
    assert outcome(INC, ZUBROD_OR_KARNOFSKY, patient(ecog=2)) is Outcome.UNKNOWN
    relieved = patient(findings={"bowel obstruction": True})
    assert outcome(INC, OBSTRUCTION, relieved) is Outcome.UNKNOWN
    assert outcome(INC, OBSTRUCTION, patient(findings={"bowel obstruction": False})) is Outcome.PASS
