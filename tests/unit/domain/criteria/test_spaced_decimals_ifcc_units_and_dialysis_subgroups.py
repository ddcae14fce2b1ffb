"""Items once read only in part: a space after a decimal point, an IFCC HbA1c unit misprinted, a subgroup
named by what its patients are not ("not yet on dialysis"), the two-hour glucose of a tolerance test."""

from __future__ import annotations

import pytest
from one_criterion import entered, exclusion, inclusion, limit_of, outcome, patient, thresholds

from trialmatch.domain.criteria import AllOf, DerivedValueRule, FindingRule, NeedsReview
from trialmatch.domain.criteria.logic import leaf_kinds
from trialmatch.domain.evaluation import Outcome

ORGAN_FUNCTION = (
    "Adequate organ function: ① Blood routine [no blood transfusion or colony-stimulating factor (G-CSF) "
    "treatment within 14 days]: absolute neutrophil count ≥ 1.5 × 109/L; platelet ≥ 75 × 109/L; hemoglobin "
    "≥ 90 g/L; ② Liver function: total bilirubin ≤ 2 times upper limit of normal (ULN); alanine "
    "transaminase and aspartate aminotransferase ≤ 5. 0 ULN; alkaline phosphatase ≤ 2.5 ULN; Albumin > 30 "
    "g/L; ③ Renal function: Cr ≤ 1.5 ULN"
)


def test_a_space_after_the_decimal_point_of_a_limit_is_still_one_number():
    rule = inclusion("alanine transaminase and aspartate aminotransferase ≤ 5. 0 ULN")
    assert [(t.analyte, t.comparator.value, t.value, t.multiple_of) for t in thresholds(rule)] == [
        ("alt", "<=", 5.0, "uln"),
        ("ast", "<=", 5.0, "uln"),
    ]


def test_the_support_note_of_a_heading_holds_for_its_items_once_the_whole_item_reads():
    rule = inclusion(ORGAN_FUNCTION)
    assert "review" not in leaf_kinds(rule)
    read = [(t.analyte, t.value, t.multiple_of, t.qualifier is not None) for t in thresholds(rule)]
    assert read[:3] == [
        ("anc", 1.5, None, True),
        ("platelets", 75.0, None, True),
        ("hemoglobin", 90.0, None, True),
    ]
    assert ("alt", 5.0, "uln", False) in read
    assert ("ast", 5.0, "uln", False) in read


def test_a_sentence_end_after_a_number_is_no_decimal():
    rule = inclusion("Hemoglobin ≥ 9 g/dL. 2 weeks without transfusion")
    assert all(t.value != 9.2 for t in thresholds(rule))


@pytest.mark.parametrize("unit", ["mmol/mol", "mmol/ml"])
def test_an_hba1c_restated_in_ifcc_units_misprinted_per_ml_is_the_same_limit(unit: str):
    assert limit_of(inclusion(f"A1C ≥ 6.5% (48 {unit});")) == ("hba1c", ">=", 6.5, "%")


def test_a_misprinted_ifcc_value_that_disagrees_stays_for_review():
    assert isinstance(inclusion("A1C ≥ 6.5% (58 mmol/ml);"), NeedsReview)


NOT_ON_DIALYSIS = (
    "Severe renal impairment (estimated GFR < 30 ml/min) in patients who are not yet on dialysis"
)


def test_a_limit_for_patients_not_on_dialysis_excludes_only_them():
    rule = exclusion(NOT_ON_DIALYSIS)
    assert isinstance(rule, AllOf)
    clearance, subgroup = rule.children
    assert isinstance(clearance, DerivedValueRule)
    assert (clearance.analyte, clearance.comparator.value, clearance.value, clearance.unit) == (
        "crcl",
        "<",
        30.0,
        "mL/min",
    )
    assert isinstance(subgroup, FindingRule)
    assert (subgroup.concept, subgroup.present) == ("dialysis", False)


@pytest.mark.parametrize(
    ("on_dialysis", "clearance", "expected"),
    [
        (False, 20.0, Outcome.FAIL),
        (True, 20.0, Outcome.PASS),  # on dialysis: the limit is not theirs
        (None, 20.0, Outcome.UNKNOWN),
        (False, 60.0, Outcome.PASS),
    ],
)
def test_dialysis_decides_whom_the_low_clearance_excludes(
    on_dialysis: bool | None, clearance: float, expected: Outcome
):
    findings = {} if on_dialysis is None else {"dialysis": on_dialysis}
    facts = patient(findings=findings, labs=entered(("CrCl", clearance, "mL/min")))
    assert outcome("exclusion", NOT_ON_DIALYSIS, facts) is expected


OGTT = "2-h Plasma Glucose (2h-PG) ≥ 200 mg/dL (11.1 mmol/L) during the oral glucose tolerance test (OGTT);"


def test_the_two_hour_glucose_of_a_tolerance_test_is_its_own_value():
    assert limit_of(inclusion(OGTT)) == ("ogtt_2h_glucose", ">=", 200.0, "mg/dL")


@pytest.mark.parametrize(
    ("labs", "expected"),
    [
        (entered(("2-hour plasma glucose", 11.5, "mmol/L")), Outcome.PASS),
        (entered(("2-hour plasma glucose", 150, "mg/dL")), Outcome.FAIL),
        (entered(("Glucose", 250, "mg/dL")), Outcome.UNKNOWN),  # a random glucose is no tolerance test
    ],
)
def test_only_a_tolerance_test_value_meets_the_two_hour_limit(
    labs: list[dict[str, object]], expected: Outcome
):
    assert outcome("inclusion", OGTT, patient(labs=labs)) is expected


def test_a_fasting_value_taken_during_the_tolerance_test_stays_for_review():
    assert isinstance(inclusion("Fasting glucose ≥ 126 mg/dL during OGTT"), NeedsReview)


LIVER_HEADING = (
    "Liver function (no hepatoprotective drugs within 7 days before the examination): ALT and AST≤3 × ULN "
    "(liver metastasis≤5.0 × ULN); TBIL≤1.5 × ULN（Gilbert's syndrome subjects: TBIL≤3mg/dL）;"
)


def test_a_heading_note_on_hepatoprotective_drugs_qualifies_the_liver_tests_it_heads():
    rule = inclusion(LIVER_HEADING)
    assert "review" not in leaf_kinds(rule)
    read = [(t.analyte, t.comparator.value, t.value, t.multiple_of) for t in thresholds(rule)]
    assert read == [("alt", "<=", 3.0, "uln"), ("ast", "<=", 3.0, "uln"), ("bilirubin", "<=", 1.5, "uln")]
    assert {t.qualifier for t in thresholds(rule)} == {
        "no hepatoprotective drugs within 7 days before the examination"
    }


@pytest.mark.parametrize(
    ("alt", "expected"),
    [
        (400.0, Outcome.FAIL),  # above the bound: no drug could have raised it
        (30.0, Outcome.UNKNOWN),  # within the bound: was it reached on hepatoprotective drugs?
    ],
)
def test_a_liver_test_within_its_bound_on_unknown_hepatoprotection_is_the_clinicians(
    alt: float, expected: Outcome
):
    labs = entered(("ALT", alt, "U/L"), ("AST", 30.0, "U/L"), ("Total bilirubin", 0.5, "mg/dL"))
    assert outcome("inclusion", LIVER_HEADING, patient(labs=labs)) is expected


def test_hepatoprotective_drugs_cannot_help_a_blood_count():
    assert isinstance(
        inclusion("Platelets ≥ 100 × 10^9/L (no hepatoprotective drugs within 7 days)"), NeedsReview
    )
