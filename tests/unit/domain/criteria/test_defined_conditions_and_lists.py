"""Condition words around lab thresholds the engine now reads: a narrowing word on a condition the thresholds
define ("Untreated hypogonadism (testosterone < 300 ng/dL)")."""

from __future__ import annotations

from one_criterion import exclusion, inclusion, lab, limits, outcome, patient, thresholds

from trialmatch.domain.criteria import LabThreshold
from trialmatch.domain.criteria.base import Comparator
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

EXC = Section.EXCLUSION
INC = Section.INCLUSION

UNTREATED = "Untreated hypogonadism (morning total testosterone <300 ng/dL)"


def test_an_untreated_condition_defined_by_a_threshold_carries_untreated_on_it() -> None:
    rule = lab(UNTREATED, EXC)
    assert (rule.analyte, rule.comparator, rule.value, rule.unit) == (
        "testosterone",
        Comparator.LT,
        300.0,
        "ng/dL",
    )
    assert rule.qualifier == "untreated ('Untreated hypogonadism')"


def test_a_value_within_the_definition_passes_and_one_beyond_it_is_left_to_the_clinician() -> None:
    low = patient(sex="male", labs=[{"test": "testosterone", "value": 210, "unit": "ng/dL"}])
    normal = patient(sex="male", labs=[{"test": "testosterone", "value": 450, "unit": "ng/dL"}])
    assert outcome(EXC, UNTREATED, low) is Outcome.UNKNOWN
    assert outcome(EXC, UNTREATED, normal) is Outcome.PASS
    assert outcome(EXC, UNTREATED, patient(sex="male")) is Outcome.UNKNOWN


def test_symptomatic_is_carried_on_every_threshold_of_the_definition() -> None:
    text = (
        "Uncontrolled or symptomatic hypercalcemia (ionized calcium > 1.5 mmol/L, calcium > 12 mg/dL or "
        "corrected serum calcium > ULN)."
    )
    rule = exclusion(text)
    assert rule.kind == "any_of"
    found = [(t.analyte, t.comparator, t.value, t.unit, t.multiple_of) for t in thresholds(rule)]
    assert found == [
        ("ionized_calcium", Comparator.GT, 1.5, "mmol/L", None),
        ("calcium", Comparator.GT, 12.0, "mg/dL", None),
        ("calcium_corrected", Comparator.GT, 1.0, None, "uln"),
    ]
    assert {t.qualifier for t in thresholds(rule)} == {"symptomatic ('symptomatic hypercalcemia')"}
    high = patient(labs=[{"test": "calcium", "value": 13.1, "unit": "mg/dL"}])
    assert outcome(EXC, text, high) is Outcome.UNKNOWN


def test_a_narrowing_word_after_an_inclusions_no_leaves_a_value_past_the_limit_to_the_clinician() -> None:
    rule = lab("No symptomatic hypercalcemia (corrected calcium > 12 mg/dL)", INC)
    assert (rule.analyte, rule.comparator.symbol, rule.value, rule.unit) == (
        "calcium_corrected",
        "≤",
        12,
        "mg/dL",
    )
    assert (rule.qualifier, rule.confirm_when) == ("symptomatic ('symptomatic hypercalcemia')", "unmet")


def test_a_unit_misprinted_in_the_definition_is_read_in_the_prefix_that_fits() -> None:
    """300 mg/dL of testosterone is no threshold anyone sets: the ng/dL meant, flagged as inferred."""
    misprinted = lab("Untreated hypogonadism (serum total testosterone < 300 mg/dL)", EXC)
    printed = lab("Untreated hypogonadism (serum total testosterone < 300 ng/dL)", EXC)
    assert misprinted.model_dump(exclude={"unit_inferred"}) == printed.model_dump(exclude={"unit_inferred"})
    assert (misprinted.unit, misprinted.unit_inferred, printed.unit_inferred) == ("ng/dL", True, False)


LTBI_DIABETES = "LTBI+ and uncontrolled DM (HbA1c >8%);"


def test_a_latent_tuberculosis_infection_is_a_finding_of_its_own() -> None:
    rule = inclusion(LTBI_DIABETES)
    assert rule.kind == "all_of"
    finding, threshold = rule.children
    assert (finding.kind, finding.concept, finding.present) == ("finding", "latent_tuberculosis", True)
    assert (threshold.analyte, threshold.comparator, threshold.value, threshold.unit) == (
        "hba1c",
        Comparator.GT,
        8.0,
        "%",
    )
    malnourished = inclusion("LTBI+ and severe to moderate malnutrition (BMI <17 kg/m2);")
    assert [c.kind for c in malnourished.children] == ["finding", "derived"]
    assert limits(malnourished.children[1]) == [("bmi", Comparator.LT, 17.0, "kg/m2")]


def test_latent_tuberculosis_with_a_raised_hba1c_passes_and_active_tuberculosis_is_not_latent() -> None:
    high = [{"test": "HbA1c", "value": 9.1, "unit": "%"}]
    assert outcome(INC, LTBI_DIABETES, patient(labs=high, findings={"LTBI": True})) is Outcome.PASS
    assert outcome(INC, LTBI_DIABETES, patient(labs=high, findings={"LTBI": False})) is Outcome.FAIL
    assert outcome(INC, LTBI_DIABETES, patient(labs=high)) is Outcome.UNKNOWN
    active = patient(labs=high, findings={"active tuberculosis": True})
    assert outcome(INC, LTBI_DIABETES, active) is Outcome.UNKNOWN
    assert outcome(EXC, "Active tuberculosis", patient(findings={"LTBI": True})) is not Outcome.FAIL


def test_a_patient_who_must_carry_a_diagnosis_has_it() -> None:
    text = "patients must carry a diagnosis of heart failure with ejection fraction < 40%"
    rule = inclusion(text)
    finding, threshold = rule.children
    assert (finding.concept, finding.present) == ("heart_failure", True)
    assert limits(threshold) == [("lvef", Comparator.LT, 40.0, "%")]
    failing = patient(findings={"heart failure": True}, labs=[{"test": "LVEF", "value": 30, "unit": "%"}])
    assert outcome(INC, text, failing) is Outcome.PASS
    preserved = patient(findings={"heart failure": True}, labs=[{"test": "LVEF", "value": 55, "unit": "%"}])
    assert outcome(INC, text, preserved) is Outcome.FAIL


HEPATIC = (
    "Hepatic: alanine transaminase (ALT)/aspartate transaminase (AST) ≤ 2.5 x upper limit of normal (ULN) or "
    "≤ 5 x ULN if documented liver metastases, total bilirubin ≤ 1.5 mg/dL or ≤ 3.0 mg/dL for patients with "
    "Gilbert's Syndrome. No history of liver cirrhosis and no ascites."
)


def test_a_sentence_of_lab_limits_is_read_as_a_list_beside_a_sentence_of_findings() -> None:
    rule = inclusion(HEPATIC)
    assert rule.kind == "all_of"
    alt, ast, bilirubin, cirrhosis, ascites = rule.children
    assert [(t.analyte, t.comparator, t.value, t.multiple_of) for t in (alt, ast)] == [
        ("alt", Comparator.LE, 2.5, "uln"),
        ("ast", Comparator.LE, 2.5, "uln"),
    ]
    assert [(e.concept, e.value, e.multiple_of) for e in alt.exceptions] == [("liver_metastases", 5.0, "uln")]
    assert limits(bilirubin) == [("bilirubin", Comparator.LE, 1.5, "mg/dL")]
    assert [(e.concept, e.value, e.unit) for e in bilirubin.exceptions] == [
        ("gilbert_syndrome", 3.0, "mg/dL")
    ]
    assert [(f.concept, f.present) for f in (cirrhosis, ascites)] == [
        ("cirrhosis", False),
        ("ascites", False),
    ]
    labs = [
        {"test": "ALT", "value": 150, "unit": "U/L", "uln": 40},
        {"test": "AST", "value": 60, "unit": "U/L", "uln": 40},
        {"test": "bilirubin", "value": 0.8, "unit": "mg/dL"},
    ]
    metastases = patient(labs=labs, findings={"liver metastases": True, "cirrhosis": False, "ascites": False})
    assert outcome(INC, HEPATIC, metastases) is Outcome.PASS
    none = patient(labs=labs, findings={"liver metastases": False, "cirrhosis": False, "ascites": False})
    assert outcome(INC, HEPATIC, none) is Outcome.FAIL


RISK = (
    "Increased risk of coagulation dysfunction or bleeding (PLT<80 × 109/L or international normalized "
    "ratio> 1.5)"
)


def test_a_bleeding_risk_the_trial_defines_by_platelets_and_inr_is_those_limits() -> None:
    rule = exclusion(RISK)
    assert rule.kind == "any_of"
    assert limits(rule) == [("platelets", Comparator.LT, 80.0, "10^9/L"), ("inr", Comparator.GT, 1.5, "1")]
    low = patient(labs=[{"test": "platelets", "value": 60, "unit": "10^9/L"}, {"test": "INR", "value": 1.1}])
    normal = patient(
        labs=[{"test": "platelets", "value": 210, "unit": "10^9/L"}, {"test": "INR", "value": 1.1}]
    )
    assert outcome(EXC, RISK, low) is Outcome.FAIL
    assert outcome(EXC, RISK, normal) is Outcome.PASS
    assert outcome(EXC, RISK, patient()) is Outcome.UNKNOWN


def test_a_spontaneous_inr_is_not_any_inr() -> None:
    """Not an anticoagulated patient's: the limit carries the checked anticoagulation waiver
    (``test_spontaneous_clotting_times``)."""
    rule = exclusion("High bleeding risk (spontaneous international normalized ratio (INR) > 1.6).")
    assert isinstance(rule, LabThreshold)
    assert [e.concept for e in rule.exceptions] == ["anticoagulation"]
