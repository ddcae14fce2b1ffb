"""A blood pressure limit whose two values are each followed by their name: "Systolic and diastolic BP values
of >155 SBP and >95 DBP would result in exclusion from the study"."""

from __future__ import annotations

import pytest
from one_criterion import entered, exclusion, inclusion, limits_with_multiples, outcome, patient, result

from trialmatch.domain.criteria import AllOf, AnyOf, NeedsReview
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

BOTH = "Systolic and diastolic BP values of >155 SBP and >95 DBP would result in exclusion from the study."


def test_the_exclusion_reads_both_values_with_their_names() -> None:
    rule = exclusion(BOTH)
    assert isinstance(rule, AllOf)
    assert rule.read_both_ways  # hypertension is either value raised; the "and" may still mean both
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
        ((160.0, 90.0), Outcome.UNKNOWN),
        ((150.0, 100.0), Outcome.UNKNOWN),
        ((130.0, 80.0), Outcome.PASS),
        (None, Outcome.UNKNOWN),
    ],
)
def test_a_patient_is_excluded_when_both_values_are_above_and_undecided_with_one(
    pressure: tuple[float, float] | None, expected: Outcome
) -> None:
    labs = [] if pressure is None else entered(("SBP", pressure[0], "mmHg"), ("DBP", pressure[1], "mmHg"))
    assert outcome(Section.EXCLUSION, BOTH, patient(labs=labs)) is expected


def test_words_that_exclude_are_not_read_in_an_inclusion() -> None:
    assert isinstance(inclusion(BOTH), NeedsReview)


def test_one_value_above_is_shown_as_undecided_with_both_values() -> None:
    labs = entered(("SBP", 160.0, "mmHg"), ("DBP", 90.0, "mmHg"))
    found = result(Section.EXCLUSION, BOTH, patient(labs=labs))
    assert found.reason == (
        "systolic blood pressure 160 mmHg, > 155 mmHg: excluded"
        " (unit not printed or misprinted, read as mmHg);"
        " diastolic blood pressure 90 mmHg, not > 95 mmHg"
        " (unit not printed or misprinted, read as mmHg);"
        " the sentence's 'and' may mean both or either: to confirm"
    )
