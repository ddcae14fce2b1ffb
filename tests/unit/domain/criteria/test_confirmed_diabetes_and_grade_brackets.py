"""Metabolic markers and body size: condition labels, restated units and grade brackets read as the
thresholds they state."""

from __future__ import annotations

from one_criterion import exclusion, inclusion, lab, limit_of, limits, outcome, patient

from trialmatch.domain.criteria.base import Comparator
from trialmatch.domain.evaluation import Outcome


def test_biochemically_confirmed_diabetes_is_the_values_that_confirm_it() -> None:
    text = (
        "Biochemically confirmed diabetes with fasting plasma glucose ≥ 7.0 mmol/L, or a random plasma "
        "glucose ≥ 11.1 mmol/L or haemoglobin A1c (HbA1c) level ≥ 6.5%"
    )
    rule = inclusion(text)
    assert rule.kind == "any_of"
    assert limits(rule) == [
        ("fasting_glucose", Comparator.GE, 7.0, "mmol/L"),
        ("glucose", Comparator.GE, 11.1, "mmol/L"),
        ("hba1c", Comparator.GE, 6.5, "%"),
    ]
    diabetic = patient(labs=[{"test": "HbA1c", "value": 7.2, "unit": "%"}])
    assert outcome("inclusion", text, diabetic) is Outcome.PASS
    assert outcome("inclusion", text, patient()) is Outcome.UNKNOWN


def test_a_grade_restated_by_the_bracket_after_it_is_the_bracketed_limit() -> None:
    text = (
        "Creatine phosphokinase (CPK) elevation at the screening < grade 2 (creatine "
        "phosphokinase [CPK] =< 2.5 ULN)"
    )
    rule = lab(text)
    assert (rule.analyte, rule.comparator, rule.value, rule.multiple_of) == ("ck", Comparator.LE, 2.5, "uln")
    assert limit_of(lab("ALT ≤ grade 1 (≤ 3 x ULN)")) == ("alt", "<=", 3.0, None)
    assert lab("ALT ≤ grade 1 (≤ 3 x ULN)").multiple_of == "uln"


def test_a_bracket_naming_another_analyte_does_not_restate_the_grade() -> None:
    rule = inclusion("ALT ≤ grade 1 (AST ≤ 3 x ULN)")
    assert limits(rule) == [("alt", Comparator.LE, 3.0, None), ("ast", Comparator.LE, 3.0, None)]


MRI = (
    "Contra-indications for MRI (e.g. suffering from claustrophobia, the presence of metallic foreign "
    "material in the body, BMI >30kg/m²)"
)


def test_mri_contraindications_spelled_with_a_hyphen_list_their_examples() -> None:
    rule = exclusion(MRI)
    assert rule.kind == "any_of"
    assert [getattr(c, "concept", None) for c in rule.children[:3]] == ["mri_contraindication"] * 3
    bmi = rule.children[3]
    assert (bmi.kind, bmi.analyte, bmi.comparator, bmi.value, bmi.unit) == (
        "derived",
        "bmi",
        Comparator.GT,
        30.0,
        "kg/m2",
    )
    obese = patient(weight_kg=100, height_cm=170)
    assert outcome("exclusion", MRI, obese) is Outcome.FAIL
    assert outcome("exclusion", MRI, patient(weight_kg=60, height_cm=170)) is Outcome.UNKNOWN
