"""Prostate cancer named, then defined by its PSA, Gleason score and T category in a bracket: "Histologically
proven prostate cancer ( Gleason <8; PSA<10ng/ml)", "High-risk prostate cancer according to NCCN risk
categories (T3a or Gleason score 8-10 or PSA >20 µg/L)". The bracket is the criterion; a label saying more
than the disease and its risk group, or a bracket of PSA alone, is left for review."""

from __future__ import annotations

import pytest
from one_criterion import entered, exclusion, inclusion, limits_with_multiples, patient, result, review

from trialmatch.domain.criteria.logic import AnyOf
from trialmatch.domain.criteria.t_category import TCategoryRule
from trialmatch.domain.evaluation import Outcome

PROVEN = "Histologically proven prostate cancer ( Gleason <8; PSA<10ng/ml)"
HIGH_RISK = (
    "High-risk prostate cancer according to NCCN risk categories (T3a or Gleason score 8-10 or PSA >20 µg/L)"
)


def test_a_proven_cancer_defined_by_gleason_and_psa_needs_both() -> None:
    rule = inclusion(PROVEN)
    assert rule.kind == "all_of"
    assert limits_with_multiples(rule) == [
        ("gleason", "<", 8.0, "1", None),
        ("psa", "<", 10.0, "ng/mL", None),
    ]
    within = patient(sex="male", labs=entered(("Gleason score", 7, "1"), ("PSA", 6.2, "ng/mL")))
    assert result("inclusion", PROVEN, within).result is Outcome.PASS
    high = patient(sex="male", labs=entered(("Gleason score", 8, "1"), ("PSA", 6.2, "ng/mL")))
    judged = result("inclusion", PROVEN, high)
    assert judged.result is Outcome.FAIL
    assert "Gleason score 8" in judged.reason
    no_gleason = patient(sex="male", labs=entered(("PSA", 6.2, "ng/mL")))
    assert result("inclusion", PROVEN, no_gleason).result is Outcome.UNKNOWN


def test_a_high_risk_group_defined_by_any_of_its_features_excludes_on_one() -> None:
    rule = exclusion(HIGH_RISK)
    assert isinstance(rule, AnyOf)
    category = rule.children[0]
    assert isinstance(category, TCategoryRule)
    assert (category.low, category.high, category.clinical) == ("T3a", "T3a", False)
    assert limits_with_multiples(rule) == [
        ("gleason", "≥", 8.0, "1", None),
        ("gleason", "≤", 10.0, "1", None),
        ("psa", ">", 20.0, "ng/mL", None),
    ]
    low = patient(
        sex="male", stage="cT2a N0 M0", labs=entered(("Gleason score", 7, "1"), ("PSA", 8, "ng/mL"))
    )
    assert result("exclusion", HIGH_RISK, low).result is Outcome.PASS
    raised = patient(
        sex="male", stage="cT2a N0 M0", labs=entered(("Gleason score", 7, "1"), ("PSA", 24, "ng/mL"))
    )
    judged = result("exclusion", HIGH_RISK, raised)
    assert judged.result is Outcome.FAIL
    assert "PSA" in judged.reason
    staged = patient(
        sex="male", stage="cT3a N0 M0", labs=entered(("Gleason score", 6, "1"), ("PSA", 8, "ng/mL"))
    )
    assert result("exclusion", HIGH_RISK, staged).result is Outcome.FAIL
    unknown = patient(sex="male", labs=entered(("PSA", 8, "ng/mL")))
    assert result("exclusion", HIGH_RISK, unknown).result is Outcome.UNKNOWN


@pytest.mark.parametrize(
    "text",
    [
        "Prostate cancer (PSA < 10 ng/mL)",  # a PSA alone may be raised without the cancer
        "Localized prostate cancer (Gleason ≤ 7; PSA < 10 ng/mL)",  # localized: no nodes nor metastases
        "Prostate cancer (e.g. Gleason ≥ 8 or PSA > 20 ng/mL)",
        "Prostate cancer (Gleason 7 allowed if PSA < 10 ng/mL)",
    ],
)
def test_a_label_saying_more_or_a_bracket_not_defining_it_is_left_for_review(text: str) -> None:
    assert review(text)
