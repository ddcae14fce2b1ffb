"""Criteria judged for a woman with metastatic HR-positive HER2-positive breast cancer on trastuzumab and
letrozole after adjuvant doxorubicin and cyclophosphamide, and for a man with metastatic pancreatic cancer
after FOLFIRINOX: a word that narrows a therapy ("investigational", "small molecule") is not dropped, so a
patient on a standard antibody is not failed by a rule about other drugs; an item under "at least one high
risk factor" is one alternative, not a requirement; "greater than 3 times normal if ... stented" lifts a
bilirubin limit."""

from __future__ import annotations

from one_criterion import outcome, patient

from trialmatch.domain.compiled import compile_trial
from trialmatch.domain.evaluation import Outcome, Verdict, evaluate
from trialmatch.domain.trial import Criterion, Section, Trial

BREAST = patient(
    age=55,
    ecog=0,
    diagnosis="metastatic HR-positive HER2-positive breast cancer",
    stage="IV",
    findings={"her2 positive": True, "hormone receptor positive": True, "bone metastases": True},
    treatments=[
        {"name": "trastuzumab", "category": "targeted therapy", "start": "2026-02-01"},
        {"name": "letrozole", "category": "hormone therapy", "start": "2026-02-01"},
        {"name": "doxorubicin", "category": "chemotherapy", "start": "2022-03-01", "end": "2022-06-01"},
        {"name": "cyclophosphamide", "category": "chemotherapy", "start": "2022-03-01", "end": "2022-06-01"},
    ],
)
ON_ERLOTINIB = patient(
    treatments=[{"name": "erlotinib", "category": "targeted therapy", "start": "2026-09-01"}],
)
ON_UNNAMED_TARGETED = patient(
    treatments=[{"name": "XYZ-123", "category": "targeted therapy", "start": "2026-09-01"}],
)
PANCREAS = patient(
    age=68,
    sex="male",
    ecog=1,
    treatments=[
        {"name": "apixaban", "category": "other", "start": "2026-03-01"},
        {"name": "FOLFIRINOX", "category": "chemotherapy", "start": "2026-01-05", "end": "2026-07-20"},
    ],
)


def test_investigational_agents_are_not_the_approved_antibody_the_patient_receives():
    text = "No other concurrent investigational anticancer agents"
    assert outcome("inclusion", text, BREAST) is Outcome.UNKNOWN
    assert outcome("inclusion", "Other: No other concurrent investigational anticancer therapy", BREAST) is (
        Outcome.UNKNOWN
    )
    assert outcome("inclusion", "At least 28 days since prior investigational biologic therapy", BREAST) is (
        Outcome.UNKNOWN
    )


def test_investigational_drug_or_anticancer_therapy_still_names_every_anticancer_therapy():
    text = "No other concurrent investigational drug or anticancer therapy"
    assert outcome("inclusion", text, BREAST) is Outcome.FAIL
    assert outcome("inclusion", "No other concurrent anticancer therapy", BREAST) is Outcome.FAIL
    text = "No other concurrent anticancer therapy or investigational anticancer agents"
    assert outcome("inclusion", text, BREAST) is Outcome.FAIL
    assert outcome("exclusion", "Prior chemotherapy or investigational targeted therapy", BREAST) is (
        Outcome.UNKNOWN
    )


def test_a_targeted_small_molecule_is_not_trastuzumab():
    text = (
        "Has had prior chemotherapy, immunotherapy or targeted small molecule therapy within 6 months"
        " prior to study Day 1."
    )
    assert outcome("exclusion", text, BREAST) is Outcome.PASS
    assert outcome("exclusion", "Prior tyrosine kinase inhibitor therapy", BREAST) is Outcome.PASS
    assert outcome("exclusion", "Prior tyrosine kinase inhibitor therapy", ON_ERLOTINIB) is Outcome.FAIL
    assert outcome("exclusion", "Prior tyrosine kinase inhibitor therapy", ON_UNNAMED_TARGETED) is (
        Outcome.UNKNOWN
    )
    assert outcome("exclusion", "Prior targeted therapy", BREAST) is Outcome.FAIL


def test_recent_folfirinox_still_fails_a_six_month_chemotherapy_washout():
    assert outcome("exclusion", "Has had prior chemotherapy within 6 months", PANCREAS) is Outcome.FAIL
    assert outcome("inclusion", "At least 6 months since prior chemotherapy", PANCREAS) is Outcome.FAIL


def test_one_risk_factor_of_several_is_not_a_requirement_for_every_patient():
    heading = (
        "(1) An age of 18 years or over (inclusive); (5) Presence of at least one high risk factor for severe"
        " COVID-19 infection"
    )
    trial = Trial(
        id="NCT00000001",
        registry="ctgov",
        title="t",
        criteria=[
            Criterion(section=Section.INCLUSION, text="Age ≥ 60 years;", context=heading),
            Criterion(section=Section.INCLUSION, text="BMI>25；", context=heading),
        ],
    )
    fifty_five = patient(age=55, weight_kg=60, height_cm=170)
    none_met = evaluate(compile_trial(trial), fifty_five)
    assert [r.result for r in none_met.results] == [Outcome.FAIL, Outcome.FAIL]
    assert none_met.verdict is Verdict.INELIGIBLE
    unknown_bmi = evaluate(compile_trial(trial), patient(age=55)).results
    assert [r.result for r in unknown_bmi] == [Outcome.UNKNOWN, Outcome.UNKNOWN]
    sixty_two = evaluate(compile_trial(trial), patient(age=62, weight_kg=60, height_cm=170))
    assert [r.result for r in sixty_two.results] == [Outcome.PASS, Outcome.PASS]
    assert sixty_two.results[1].reason.startswith("met through another alternative (1 of the 2")


STENTED_TEXT = (
    "Bilirubin no greater than 3.0 mg/dL. Greater than 3 times normal if increase in bilirubin is due to"
    " biliary obstruction from tumor as long as biliary system is stented or bypassed and bilirubin, SGOT, or"
    " SGPT is stable or decreasing"
)


def bilirubin(value: float) -> list[dict[str, object]]:
    return [{"test": "bilirubin", "value": value, "unit": "mg/dL", "uln": 1.2}]


def test_a_greater_than_exception_for_a_stented_biliary_system_lifts_the_limit_it_does_not_replace_it():
    assert outcome("inclusion", STENTED_TEXT, patient(labs=bilirubin(2.0))) is Outcome.PASS
    assert outcome("inclusion", STENTED_TEXT, patient(labs=bilirubin(5.0))) is Outcome.UNKNOWN
    text = (
        "Alkaline phosphatase less than 2 times ULN (if greater than 2 times ULN then a gamma glutamyl"
        " transferase test must be performed)"
    )
    alp = [{"test": "alkaline phosphatase", "value": 80, "unit": "U/L", "uln": 130}]
    assert outcome("inclusion", text, patient(labs=alp)) is Outcome.PASS


def test_the_pancreatic_patient_with_bilirubin_above_one_and_a_half_times_normal_still_fails_that_limit():
    text = "Total bilirubin ≤ 1.5 × ULN"
    assert outcome("inclusion", text, patient(labs=bilirubin(2.0))) is Outcome.FAIL
    text = "Total bilirubin ≤ 1.5 × ULN (≤ 3 × ULN in patients with biliary stent)"
    assert outcome("inclusion", text, patient(labs=bilirubin(2.0))) is Outcome.UNKNOWN
