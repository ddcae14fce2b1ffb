"""A limit for an age band in a bracket after the limit for everyone: one reading per age band."""

from __future__ import annotations

from one_criterion import (
    entered,
    exclusion,
    inclusion,
    limit_of,
    outcome,
    patient,
)

from trialmatch.domain.criteria import NeedsReview
from trialmatch.domain.criteria.logic import AllOf, AnyOf
from trialmatch.domain.evaluation import Outcome

FEV1 = (
    "Pre-BD FEV₁ ≥40% and <80% (<90% for participants 12 to 17 years of age) of predicted "
    "at Screening Visit 2."
)


def _ages(rule: object) -> list[tuple[float | None, float | None, bool, bool]]:
    parts = rule.children if isinstance(rule, AnyOf) else [rule]
    return [(a.min, a.max, a.min_inclusive, a.max_inclusive) for a in parts]  # type: ignore[attr-defined]


def test_the_bracket_gives_its_limit_to_the_ages_it_names_and_the_other_limit_to_the_other_ages():
    rule = inclusion(FEV1)
    assert isinstance(rule, AnyOf)
    others, band = rule.children
    assert isinstance(others, AllOf)
    assert isinstance(band, AllOf)
    other_ages, low, high = others.children
    assert _ages(other_ages) == [(None, 12, True, False), (17, None, False, True)]
    assert limit_of(low) == ("fev1", ">=", 40, "%")
    assert limit_of(high) == ("fev1", "<", 80, "%")
    band_ages, band_low, band_high = band.children
    assert _ages(band_ages) == [(12, 17, True, True)]
    assert limit_of(band_low) == ("fev1", ">=", 40, "%")
    assert limit_of(band_high) == ("fev1", "<", 90, "%")


def test_an_adolescent_is_held_to_the_bracket_and_an_adult_to_the_limit_before_it():
    assert outcome("inclusion", FEV1, patient(age=15, labs=entered(("fev1", 85, "%")))) is Outcome.PASS
    assert outcome("inclusion", FEV1, patient(age=15, labs=entered(("fev1", 92, "%")))) is Outcome.FAIL
    assert outcome("inclusion", FEV1, patient(age=45, labs=entered(("fev1", 85, "%")))) is Outcome.FAIL
    assert outcome("inclusion", FEV1, patient(age=45, labs=entered(("fev1", 65, "%")))) is Outcome.PASS
    assert outcome("inclusion", FEV1, patient(age=45, labs=entered(("fev1", 35, "%")))) is Outcome.FAIL
    assert outcome("inclusion", FEV1, patient(age=45)) is Outcome.UNKNOWN


def test_an_exclusion_excludes_each_age_band_past_its_own_limit():
    text = "FEV1 < 50% (< 60% for patients aged ≥ 65 years)"
    rule = exclusion(text)
    assert isinstance(rule, AnyOf)
    assert [_ages(part.children[0]) for part in rule.children] == [  # type: ignore[attr-defined]
        [(None, 65, True, False)],
        [(65, None, True, True)],
    ]
    assert outcome("exclusion", text, patient(age=70, labs=entered(("fev1", 55, "%")))) is Outcome.FAIL
    assert outcome("exclusion", text, patient(age=50, labs=entered(("fev1", 55, "%")))) is Outcome.PASS
    assert outcome("exclusion", text, patient(age=50, labs=entered(("fev1", 45, "%")))) is Outcome.FAIL
    assert outcome("exclusion", text, patient(age=70)) is Outcome.UNKNOWN


def test_a_bracket_on_the_other_side_or_in_another_unit_is_not_read_as_the_limit_it_replaces():
    assert isinstance(inclusion("FEV1 ≥ 40% (< 90% for participants 12 to 17 years of age)"), NeedsReview)
    assert isinstance(inclusion("FEV1 ≥ 40% (≥ 1.5 L for participants 12 to 17 years of age)"), NeedsReview)
