"""A blood pressure limit whose two values are each followed by their name: "Systolic and diastolic BP values
of >155 SBP and >95 DBP would result in exclusion from the study"."""

from __future__ import annotations

import pytest
from one_criterion import entered, exclusion, inclusion, limits_with_multiples, outcome, patient

from trialmatch.domain.criteria import AllOf, AnyOf, NeedsReview
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

BOTH = "Systolic and diastolic BP values of >155 SBP and >95 DBP would result in exclusion from the study."


def test_the_exclusion_reads_both_values_with_their_names() -> None:
    rule = exclusion(BOTH)
    assert isinstance(rule, AllOf)  # "and" in an exclusion: both, the reading that excludes no one wrongly
    assert limits_with_multiples(rule) == [
        ("sbp", ">", 155.0, "mmHg", None),
        ("dbp", ">", 95.0, "mmHg", None),
    ]


def test_or_between_the_values_excludes_on_either() -> None:
    assert isinstance(exclusion("BP values of >155 SBP or >95 DBP"), AnyOf)


@pytest.mark.parametrize(
    ("pressure", "expected"),
    [
        ((160.0, 100.0), Outcome.FAIL),
        ((160.0, 90.0), Outcome.PASS),
        ((130.0, 80.0), Outcome.PASS),
        (None, Outcome.UNKNOWN),
    ],
)
def test_a_patient_is_excluded_when_both_values_are_above(
    pressure: tuple[float, float] | None, expected: Outcome
) -> None:
    labs = [] if pressure is None else entered(("SBP", pressure[0], "mmHg"), ("DBP", pressure[1], "mmHg"))
    assert outcome(Section.EXCLUSION, BOTH, patient(labs=labs)) is expected


def test_words_that_exclude_are_not_read_in_an_inclusion() -> None:
    assert isinstance(inclusion(BOTH), NeedsReview)
