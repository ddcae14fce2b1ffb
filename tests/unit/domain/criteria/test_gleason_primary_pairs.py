"""A primary Gleason pattern limit with the pattern pairs it stands for in a bracket: "Primary Gleason pattern
5 (Gleason score 5+4 or 5+5)" is the limit on the primary pattern; a bracket naming a pair of another
primary pattern, or one that does not add up, contradicts it and is left for review."""

from __future__ import annotations

import pytest
from one_criterion import entered, exclusion, lab, limit_of, limits_with_multiples, patient, result, review

from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

TEXT = "Primary Gleason pattern 5 (Gleason score 5+4 or 5+5)"


def test_the_pairs_restate_the_primary_pattern() -> None:
    rule = lab(TEXT, Section.EXCLUSION)
    assert limit_of(rule) == ("gleason_primary", ">=", 5.0, "1")
    primary_four = patient(sex="male", labs=entered(("primary Gleason pattern", 4, "1")))
    assert result("exclusion", TEXT, primary_four).result is Outcome.PASS
    primary_five = patient(sex="male", labs=entered(("primary Gleason pattern", 5, "1")))
    judged = result("exclusion", TEXT, primary_five)
    assert judged.result is Outcome.FAIL
    assert "primary Gleason pattern 5" in judged.reason
    score_only = patient(sex="male", labs=entered(("Gleason score", 9, "1")))
    assert result("exclusion", TEXT, score_only).result is Outcome.UNKNOWN


def test_pairs_with_the_pattern_of_a_limit_below_the_top_keep_it_exact() -> None:
    text = "Primary Gleason pattern 4 (i.e. Gleason 4+3, 4+4 or 4+5)"
    rule = exclusion(text)
    assert limits_with_multiples(rule) == [
        ("gleason_primary", "≥", 4.0, "1", None),
        ("gleason_primary", "≤", 4.0, "1", None),
    ]
    primary_five = patient(sex="male", labs=entered(("primary Gleason pattern", 5, "1")))
    assert result("exclusion", text, primary_five).result is Outcome.PASS
    primary_four = patient(sex="male", labs=entered(("primary Gleason pattern", 4, "1")))
    assert result("exclusion", text, primary_four).result is Outcome.FAIL


@pytest.mark.parametrize(
    "text",
    [
        "Primary Gleason pattern 4 (Gleason score 4+3 or 5+4)",
        "Primary Gleason pattern 5 (Gleason score 5+4=8)",
    ],
)
def test_a_bracket_contradicting_the_limit_is_left_for_review(text: str) -> None:
    assert review(text, Section.EXCLUSION)
