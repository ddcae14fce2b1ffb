"""Glucose and diabetes wordings whose threshold came before any analyte the reader knew: a plural spelling
of a test ("blood sugars"), a "recent" value, "type 1 or 2 diabetes", an obesity grade defined by its
bracket."""

from __future__ import annotations

import pytest
from one_criterion import entered, exclusion, inclusion, limit_of, outcome, patient

from trialmatch.domain.criteria import AnyOf, DerivedValueRule, FindingRule, LabThreshold
from trialmatch.domain.evaluation import Outcome

POOR_CONTROL = (
    "Known history of poorly controlled diabetes, defined as fasting morning blood sugars > 300 mg/dL or "
    "recent hemoglobin A1c >= 8"
)


def test_blood_sugars_and_a_recent_value_are_the_tests_latest_values():
    rule = exclusion(POOR_CONTROL)
    assert isinstance(rule, AnyOf)
    diabetes, sugar, a1c = rule.children
    assert isinstance(diabetes, FindingRule)
    assert diabetes.concept == "uncontrolled_diabetes"
    assert limit_of(sugar) == ("fasting_glucose", ">", 300.0, "mg/dL")
    assert limit_of(a1c) == ("hba1c", ">=", 8.0, "%")


@pytest.mark.parametrize(
    ("labs", "expected"),
    [
        ((("hba1c", 8.4, "%"),), Outcome.FAIL),
        ((("fasting glucose", 320, "mg/dL"),), Outcome.FAIL),
        ((("hba1c", 7.1, "%"),), Outcome.UNKNOWN),  # glucose and the diabetes history unrecorded
    ],
)
def test_poor_control_excludes_on_either_value(labs, expected):
    assert outcome("exclusion", POOR_CONTROL, patient(labs=entered(*labs))) is expected


@pytest.mark.parametrize(
    "text", ["Type 1 or 2 diabetes mellitus", "Have confirmed type 1 or type 2 diabetes mellitus"]
)
def test_type_1_or_type_2_diabetes_names_both_types(text):
    rule = exclusion(text)
    assert isinstance(rule, AnyOf)
    assert [c.concept for c in rule.children if isinstance(c, FindingRule)] == [
        "type1_diabetes",
        "type2_diabetes",
    ]
    assert len(rule.children) == 2  # not the parent "diabetes" too, which would take in any other type


TYPE_OR_A1C = (
    "patients with type 1 or type 2 Diabetes Mellitus or those with an HbA1C level greater than or equal "
    "to 6.5%."
)


def test_type_1_or_type_2_diabetes_stays_one_item_of_a_list():
    rule = inclusion(TYPE_OR_A1C)
    assert isinstance(rule, AnyOf)
    types, a1c = rule.children
    assert isinstance(types, AnyOf)
    assert [c.concept for c in types.children if isinstance(c, FindingRule)] == [
        "type1_diabetes",
        "type2_diabetes",
    ]
    assert limit_of(a1c) == ("hba1c", ">=", 6.5, "%")
    assert outcome("inclusion", TYPE_OR_A1C, patient(labs=entered(("hba1c", 6.8, "%")))) is Outcome.PASS
    assert outcome("inclusion", TYPE_OR_A1C, patient(labs=entered(("hba1c", 5.6, "%")))) is Outcome.UNKNOWN


def test_a_time_frame_on_the_value_is_kept_and_never_judged_against_todays_value():
    text = TYPE_OR_A1C[:-1] + " during hospitalization."
    assert '"timepoint":"during hospitalization"' in inclusion(text).model_dump_json()
    assert outcome("inclusion", text, patient(labs=entered(("hba1c", 7.4, "%")))) is Outcome.UNKNOWN


SEXED_EXAMPLE = "Arrhythmias [including QTc ≥450ms in men, QTc ≥470ms in women]"


def test_a_limit_per_sex_in_an_examples_bracket_is_one_example():
    rule = exclusion(SEXED_EXAMPLE)
    assert isinstance(rule, AnyOf)
    arrhythmia, qtc = rule.children
    assert isinstance(arrhythmia, FindingRule)
    assert arrhythmia.concept == "arrhythmia"
    assert isinstance(qtc, AnyOf)
    assert [(*limit_of(c), c.sex) for c in qtc.children if isinstance(c, LabThreshold)] == [
        ("qtcf", ">=", 450.0, "ms", "male"),
        ("qtcf", ">=", 470.0, "ms", "female"),
    ]
    woman = patient(findings={"arrhythmia": False}, labs=entered(("qtcf", 460, "ms")))
    assert outcome("exclusion", SEXED_EXAMPLE, woman) is Outcome.PASS
    man = patient(sex="male", findings={"arrhythmia": False}, labs=entered(("qtcf", 460, "ms")))
    assert outcome("exclusion", SEXED_EXAMPLE, man) is Outcome.FAIL


def test_malignant_narrows_an_arrhythmia():
    rule = exclusion("Malignant arrhythmias")
    assert isinstance(rule, FindingRule)
    assert rule.concept == "arrhythmia"
    assert [e.text for e in rule.exceptions] == ["Malignant"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Obesity 3 degrees and above (weight over 150 kg),", ("body_weight", ">", 150.0, "kg")),
        ("Class 3 obesity (BMI ≥ 40 kg/m2)", ("bmi", ">=", 40.0, "kg/m2")),
    ],
)
def test_the_grade_of_an_obesity_is_part_of_the_name_its_bracket_defines(text, expected):
    rule = exclusion(text)
    assert isinstance(rule, LabThreshold | DerivedValueRule)
    assert (rule.analyte, rule.comparator.value, rule.value, rule.unit) == expected


def test_an_obesity_grade_excludes_only_above_its_bracket():
    text = "Obesity 3 degrees and above (weight over 150 kg),"
    assert outcome("exclusion", text, patient(weight_kg=152, height_cm=180)) is Outcome.FAIL
    assert outcome("exclusion", text, patient(weight_kg=120, height_cm=180)) is Outcome.PASS
    assert outcome("exclusion", text, patient()) is Outcome.UNKNOWN
