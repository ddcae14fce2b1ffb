"""Thresholds that hold under a condition (theme: conditions on a finding, a value or a population): the rule
each sentence gets, and what it decides for a patient on either side of the condition."""

from __future__ import annotations

from one_criterion import exclusion, inclusion, outcome, patient, thresholds

from trialmatch.domain.criteria import (
    AllOf,
    AnyOf,
    DerivedValueRule,
    LabThreshold,
    NeedsReview,
    parse_criterion,
)
from trialmatch.domain.criteria.base import Comparator
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

INC, EXC = Section.INCLUSION, Section.EXCLUSION


# --- a condition on a body size before a threshold ---------------------------------------------------------

LEAN_HEART = "If Body Mass Index (BMI) < 30, cardiac index < 2.0 L/min/m2"


def test_a_cardiac_index_is_read_with_its_unit():
    rule = inclusion("Cardiac index ≥ 2.2 L/min/m²")
    assert isinstance(rule, LabThreshold)
    assert (rule.analyte, rule.comparator, rule.value, rule.unit) == (
        "cardiac_index",
        Comparator.GE,
        2.2,
        "L/min/m2",
    )


def test_a_leading_condition_with_a_bracketed_abbreviation_bounds_the_exclusion():
    rule = exclusion(LEAN_HEART)
    assert isinstance(rule, AllOf)
    bmi, index = rule.children
    assert isinstance(bmi, DerivedValueRule)
    assert (bmi.analyte, bmi.comparator, bmi.value) == ("bmi", Comparator.LT, 30.0)
    assert isinstance(index, LabThreshold)
    assert (index.analyte, index.comparator, index.value, index.unit) == (
        "cardiac_index",
        Comparator.LT,
        2.0,
        "L/min/m2",
    )


def test_only_a_patient_with_the_condition_is_excluded_by_the_threshold():
    low = [{"test": "Cardiac index", "value": 1.9, "unit": "L/min/m2"}]
    normal = [{"test": "Cardiac index", "value": 2.6, "unit": "L/min/m2"}]
    assert outcome(EXC, LEAN_HEART, patient(weight_kg=60, height_cm=170, labs=low)) is Outcome.FAIL
    assert outcome(EXC, LEAN_HEART, patient(weight_kg=60, height_cm=170, labs=normal)) is Outcome.PASS
    assert outcome(EXC, LEAN_HEART, patient(weight_kg=100, height_cm=170, labs=low)) is Outcome.PASS
    assert outcome(EXC, LEAN_HEART, patient(weight_kg=60, height_cm=170)) is Outcome.UNKNOWN


def test_the_other_branch_is_the_opposite_condition():
    rule = exclusion("If BMI ≥ 30, cardiac index < 1.8 L/min/m2")
    assert [(t.analyte, t.comparator, t.value) for t in thresholds(rule)] == [
        ("cardiac_index", Comparator.LT, 1.8)
    ]
    assert isinstance(rule, AllOf)
    bmi = rule.children[0]
    assert isinstance(bmi, DerivedValueRule)
    assert (bmi.comparator, bmi.value) == (Comparator.GE, 30.0)


# --- a bracket that holds the item's thresholds -------------------------------------------------------------


def test_a_bracket_opening_with_thresholds_is_not_a_condition_on_them():
    rule = inclusion(
        "Adequate liver function (AST (SGOT)/ALT (SGPT) ≤2.5 x institutional upper limit of normal unless"
        " liver metastases are present, in which case it must be ≤5x ULN)"
    )
    assert isinstance(rule, AllOf)
    for threshold, analyte in zip(thresholds(rule), ["ast", "alt"], strict=True):
        assert (threshold.analyte, threshold.comparator, threshold.value, threshold.multiple_of) == (
            analyte,
            Comparator.LE,
            2.5,
            "uln",
        )
        (exception,) = threshold.exceptions
        assert (exception.concept, exception.value, exception.multiple_of) == ("liver_metastases", 5.0, "uln")
    assert not isinstance(rule, AnyOf)


# --- a further limit on one alternative ---------------------------------------------------------------------

HYPERTENSIVE = (
    "Has systolic blood pressure (SBP) ≥ 140 mmHg and/or diastolic blood pressure (DBP) ≥ 90 mmHg (if DBP"
    " criteria alone is met, SBP must be ≥130 mmHg) at screening (Visit 1)."
)


def test_a_limit_for_one_alternative_met_alone_joins_that_alternative():
    rule = inclusion(HYPERTENSIVE)
    assert isinstance(rule, AnyOf)
    systolic, diastolic_alone = rule.children
    assert isinstance(systolic, LabThreshold)
    assert (systolic.analyte, systolic.comparator, systolic.value, systolic.unit) == (
        "sbp",
        Comparator.GE,
        140.0,
        "mmHg",
    )
    assert isinstance(diastolic_alone, AllOf)
    assert [(t.analyte, t.comparator, t.value) for t in thresholds(diastolic_alone)] == [
        ("dbp", Comparator.GE, 90.0),
        ("sbp", Comparator.GE, 130.0),
    ]


def _pressure(systolic: float, diastolic: float) -> list[dict[str, object]]:
    return [
        {"test": "SBP", "value": systolic, "unit": "mmHg"},
        {"test": "DBP", "value": diastolic, "unit": "mmHg"},
    ]


def test_a_diastolic_hypertensive_needs_the_lower_systolic_limit_too():
    assert outcome(INC, HYPERTENSIVE, patient(labs=_pressure(145, 80))) is Outcome.PASS
    assert outcome(INC, HYPERTENSIVE, patient(labs=_pressure(132, 92))) is Outcome.PASS
    assert outcome(INC, HYPERTENSIVE, patient(labs=_pressure(125, 95))) is Outcome.FAIL
    assert outcome(INC, HYPERTENSIVE, patient(labs=_pressure(120, 80))) is Outcome.FAIL


# --- a mistranslated liver metastasis -----------------------------------------------------------------------


def test_a_liver_transfer_is_a_liver_metastasis():
    rule = exclusion(
        "If there is no clear liver transfer, aspartate aminotransferase> 2.5×ULN; if there is liver"
        " transfer, aspartate aminotransferase> 5×ULN;"
    )
    assert isinstance(rule, LabThreshold)
    assert (rule.analyte, rule.comparator, rule.value, rule.multiple_of) == ("ast", Comparator.GT, 2.5, "uln")
    (exception,) = rule.exceptions
    assert (exception.concept, exception.comparator, exception.value) == (
        "liver_metastases",
        Comparator.GT,
        5.0,
    )


# --- a raised electrolyte limit under a condition, below a "within normal limits" heading -------------------

NORMAL_LIMITS = (
    "Patients must have the following laboratory values within normal limits or corrected to within normal"
    " limits with supplements"
)
POTASSIUM = (
    "Potassium (potassium increase of up to 6.0 mmol/L is acceptable if associated with CrCl ≥ 90 mL/min),"
)


def test_a_raised_limit_under_a_condition_is_an_alternative_to_the_upper_normal_limit():
    rule = parse_criterion(POTASSIUM, INC, NORMAL_LIMITS)
    assert isinstance(rule, AllOf)
    floor, ceiling = rule.children
    assert isinstance(floor, LabThreshold)
    assert (floor.analyte, floor.comparator, floor.value, floor.multiple_of) == (
        "potassium",
        Comparator.GE,
        1.0,
        "lln",
    )
    assert isinstance(ceiling, AnyOf)
    normal, raised = ceiling.children
    assert isinstance(normal, LabThreshold)
    assert (normal.comparator, normal.value, normal.multiple_of) == (Comparator.LE, 1.0, "uln")
    assert isinstance(raised, AllOf)
    limit, clearance = raised.children
    assert isinstance(limit, LabThreshold)
    assert (limit.analyte, limit.comparator, limit.value, limit.unit) == (
        "potassium",
        Comparator.LE,
        6.0,
        "mmol/L",
    )
    assert isinstance(clearance, DerivedValueRule)
    assert (clearance.analyte, clearance.comparator, clearance.value, clearance.unit) == (
        "crcl",
        Comparator.GE,
        90.0,
        "mL/min",
    )


def test_a_corrected_calcium_takes_the_first_printed_unit_of_its_raised_limit():
    text = (
        "Total calcium (corrected for serum albumin); (calcium increase of up to 12.5 mg/dl or 3.1 mmol/L is"
        " acceptable if associated with CrCl ≥ 90 mL/min),"
    )
    rule = parse_criterion(text, INC, NORMAL_LIMITS)
    assert [(t.analyte, t.comparator, t.value, t.unit, t.multiple_of) for t in thresholds(rule)] == [
        ("calcium_corrected", Comparator.GE, 1.0, None, "lln"),
        ("calcium_corrected", Comparator.LE, 1.0, None, "uln"),
        ("calcium_corrected", Comparator.LE, 12.5, "mg/dL", None),
    ]


def _labs(potassium: float, clearance: float) -> list[dict[str, object]]:
    return [
        {"test": "potassium", "value": potassium, "unit": "mmol/L", "lln": 3.5, "uln": 5.1},
        {"test": "creatinine clearance", "value": clearance, "unit": "mL/min"},
    ]


def test_a_raised_potassium_passes_only_with_the_clearance_the_bracket_names():
    def judged(potassium: float, clearance: float) -> Outcome:
        return outcome(INC, POTASSIUM, patient(labs=_labs(potassium, clearance)), NORMAL_LIMITS)

    assert judged(4.2, 50) is Outcome.PASS
    assert judged(5.6, 95) is Outcome.PASS
    assert judged(5.6, 60) is Outcome.FAIL
    assert judged(6.4, 95) is Outcome.FAIL
    assert judged(3.1, 95) is Outcome.UNKNOWN  # below the LLN: the heading lets supplements correct it


def test_without_the_normal_limits_heading_the_item_names_no_limit_and_stays_for_review():
    assert isinstance(parse_criterion(POTASSIUM, INC, None), NeedsReview)
    assert isinstance(parse_criterion(POTASSIUM, INC, "**Intolerance is defined as"), NeedsReview)


# --- a lower bound printed before a body-mass-index class ---------------------------------------------------


def test_a_lower_bound_before_a_bmi_range_is_the_range_lower_end():
    assert [
        (t.analyte, t.comparator, t.value, t.unit) for t in inclusion("BMI ≥ 30-39.9 kg/m2").children
    ] == [
        ("bmi", Comparator.GE, 30.0, "kg/m2"),
        ("bmi", Comparator.LE, 39.9, "kg/m2"),
    ]
    assert [(t.comparator, t.value) for t in inclusion("BMI- >23- 35Kg/m2").children] == [
        (Comparator.GT, 23.0),
        (Comparator.LE, 35.0),
    ]


def test_a_bmi_inside_the_class_passes_and_one_above_it_fails():
    assert outcome(INC, "BMI ≥ 30-39.9 kg/m2", patient(weight_kg=100, height_cm=170)) is Outcome.PASS
    assert outcome(INC, "BMI ≥ 30-39.9 kg/m2", patient(weight_kg=125, height_cm=170)) is Outcome.FAIL
    assert outcome(INC, "BMI ≥ 30-39.9 kg/m2", patient(weight_kg=60, height_cm=170)) is Outcome.FAIL


def test_a_bound_before_a_range_of_another_analyte_or_an_upper_bound_stays_for_review():
    assert isinstance(inclusion("Platelets ≥ 75-100 x 10^9/L"), NeedsReview)
    assert isinstance(inclusion("BMI ≤ 30-35 kg/m2"), NeedsReview)


# --- "for asthmatic patients, ...": a limit for the patients an adjective names --------------------------

ASTHMATIC = "For asthmatic patients, FEV1 ≥ 80%"
FEV1_60 = [{"test": "FEV1", "value": 60, "unit": "%"}]


def test_a_limit_for_the_patients_an_adjective_names_leaves_the_others_free():
    rule = inclusion(ASTHMATIC)
    assert isinstance(rule, AnyOf)
    no_asthma, limit = rule.children
    assert (no_asthma.kind, no_asthma.concept, no_asthma.present) == ("finding", "asthma", False)
    assert (limit.analyte, limit.comparator, limit.value, limit.unit) == ("fev1", Comparator.GE, 80.0, "%")
    assert outcome(INC, ASTHMATIC, patient(findings={"asthma": False}, labs=FEV1_60)) is Outcome.PASS
    assert outcome(INC, ASTHMATIC, patient(findings={"asthma": True}, labs=FEV1_60)) is Outcome.FAIL
    assert outcome(INC, ASTHMATIC, patient(labs=FEV1_60)) is Outcome.UNKNOWN


def test_in_an_exclusion_the_named_patients_with_the_value_are_excluded():
    text = "In cirrhotic patients, bilirubin > 3 mg/dL"
    rule = exclusion(text)
    assert isinstance(rule, AllOf)
    high = [{"test": "bilirubin", "value": 4, "unit": "mg/dL"}]
    assert outcome(EXC, text, patient(findings={"cirrhosis": True}, labs=high)) is Outcome.FAIL
    assert outcome(EXC, text, patient(findings={"cirrhosis": False}, labs=high)) is Outcome.PASS


def test_a_limit_for_one_sex_opened_by_for_is_left_for_review_as_when_it_follows():
    # The men's limit is not stated: failing every man, as "female and Hb ≥ 10" did, is wrong.
    rule = inclusion("For female patients, hemoglobin ≥ 10 g/dL")
    assert isinstance(rule, NeedsReview)
    assert rule.why == "a limit for female patients only: the other sex's is not stated"


def test_men_with_a_finding_exclude_the_men_with_it_only():
    # "Men with neurological disease" (an exclusion) excluded a woman with one when read as the finding alone.
    text = "Men with neurological disease"
    rule = exclusion(text)
    assert isinstance(rule, AllOf)
    sex, finding = rule.children
    assert (sex.kind, sex.sex, finding.kind, finding.concept) == (
        "sex",
        "male",
        "finding",
        "neurological_disorder",
    )
    ill = {"neurological disorder": True}
    assert outcome(EXC, text, patient(sex="female", findings=ill)) is Outcome.PASS
    assert outcome(EXC, text, patient(sex="male", findings=ill)) is Outcome.FAIL
    assert outcome(EXC, text, patient(sex=None, findings=ill)) is Outcome.UNKNOWN
