"""Lung function and body size: the BMI formula, inclusive-range notes and "after withholding SABA" printed
beside a threshold: what each reads as, and what must stay for review."""

from __future__ import annotations

from one_criterion import inclusion, limits

from trialmatch.domain.criteria.base import Comparator


def test_the_bmi_formula_restates_the_analyte():
    bracketed = inclusion("Body mass index [BMI = weight (kg)/height2 (m2)] of between 20 and 28 kg/m2")
    assert bracketed.kind == "all_of"
    assert limits(bracketed) == [
        ("bmi", Comparator.GE, 20.0, "kg/m2"),
        ("bmi", Comparator.LE, 28.0, "kg/m2"),
    ]
    spelt = inclusion(
        "Body mass index (BMI) of 18 to 30 kg/m2, calculated as weight in kg divided by height in meters"
        " squared"
    )
    assert limits(spelt) == [("bmi", Comparator.GE, 18.0, "kg/m2"), ("bmi", Comparator.LE, 30.0, "kg/m2")]


def test_the_formula_is_claimed_only_beside_bmi():
    rule = inclusion("Creatinine ≤ 1.5 mg/dL, calculation = body weight (kg)/height (m2)")
    assert rule.kind == "review"
    assert "height" in rule.why


def test_a_range_including_its_ends_keeps_both_ends():
    rule = inclusion("BMI 19 ~ 26 kg/m2 (including the boundary value)")
    assert limits(rule) == [("bmi", Comparator.GE, 19.0, "kg/m2"), ("bmi", Comparator.LE, 26.0, "kg/m2")]


def test_an_inclusive_note_beside_a_strict_bound_is_left_for_review():
    rule = inclusion("BMI > 18.5 and < 26 kg/m2 (including both ends)")
    assert rule.kind == "review"
    assert "including" in rule.why


def test_spirometry_after_withholding_a_short_acting_agonist_is_the_fev1_of_the_file():
    rule = inclusion(
        "FEV1 ≥ 80% of predicted after withholding short-acting beta2 agonists for at least 6 hours"
    )
    assert limits(rule) == [("fev1", Comparator.GE, 80.0, "%")]


def test_withholding_a_short_acting_agonist_is_claimed_only_beside_spirometry():
    rule = inclusion("Hemoglobin ≥ 9 g/dL after withholding SABA ≥ 8 hours")
    assert rule.kind == "review"
