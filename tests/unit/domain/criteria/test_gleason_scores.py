"""Gleason score, ISUP grade group and primary pattern: read as the registry prints them (a pattern pair keeps
its order through the grade group), and judged on whichever of the three the patient file holds where the
mapping is exact."""

from __future__ import annotations

import pytest
from one_criterion import entered, exclusion, inclusion, limits_with_multiples, patient, result, review

from trialmatch.domain.criteria.base import Comparator
from trialmatch.domain.criteria.checks import rule_inputs
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.facts import PatientFacts

GE, LE, LT, GT = Comparator.GE, Comparator.LE, Comparator.LT, Comparator.GT


def _man(*labs: tuple[str, float, str]) -> PatientFacts:
    return patient(sex="male", labs=entered(*labs))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gleason score ≤ 6", [("gleason", "≤", 6.0, "1", None)]),
        ("Gleason score at least 8", [("gleason", "≥", 8.0, "1", None)]),
        ("Gleason 8-10", [("gleason", "≥", 8.0, "1", None), ("gleason", "≤", 10.0, "1", None)]),
        ("Gleason 7", [("gleason", "≥", 7.0, "1", None), ("gleason", "≤", 7.0, "1", None)]),
        ("Gleason score of 6, or 7.", [("gleason", "≥", 6.0, "1", None), ("gleason", "≤", 7.0, "1", None)]),
        # the order of the patterns is the grade group: 4+3 is group 3, 3+4 group 2
        ("Gleason ≥ 7 (4+3)", [("grade_group", "≥", 3.0, "1", None)]),
        ("Gleason score ≤ 7 (3+4)", [("grade_group", "≤", 2.0, "1", None)]),
        ("Gleason 3+4=7", [("grade_group", "≥", 2.0, "1", None), ("grade_group", "≤", 2.0, "1", None)]),
        (
            "Gleason score 7 (4 + 3)",
            [("grade_group", "≥", 3.0, "1", None), ("grade_group", "≤", 3.0, "1", None)],
        ),
        ("Gleason grade of 3+4 or 3+3", [("grade_group", "≤", 2.0, "1", None)]),
        ("Gleason score of 6 or less or 7 (3+4)", [("grade_group", "≤", 2.0, "1", None)]),
        # both orders of 7 named: every score 7
        ("Gleason sum ≤ 7 (3+4 or 4+3)", [("gleason", "≤", 7.0, "1", None)]),
        ("grade group 1-2", [("grade_group", "≥", 1.0, "1", None), ("grade_group", "≤", 2.0, "1", None)]),
        ("ISUP grade 1", [("grade_group", "≤", 1.0, "1", None)]),
        (
            "≥ Gleason score 4+3, (ISUP Grade groups 3,4 or 5)",
            [("grade_group", "≥", 3.0, "1", None), ("grade_group", "≥", 3.0, "1", None)],
        ),
        ("Primary Gleason pattern 5", [("gleason_primary", "≥", 5.0, "1", None)]),
    ],
)
def test_gleason_notations_read_as_printed(text: str, expected: list[object]) -> None:
    assert limits_with_multiples(inclusion(text)) == expected


def test_a_gleason_limit_joins_the_psa_limit_as_the_sentence_does() -> None:
    both = inclusion("Gleason ≤ 6 and PSA < 10 ng/mL")
    assert both.kind == "all_of"
    assert limits_with_multiples(both) == [
        ("gleason", "≤", 6.0, "1", None),
        ("psa", "<", 10.0, "ng/mL", None),
    ]
    either = exclusion("Gleason 8-10 or PSA > 20 ng/mL")
    assert either.kind == "any_of"
    assert limits_with_multiples(either) == [
        ("gleason", "≥", 8.0, "1", None),
        ("gleason", "≤", 10.0, "1", None),
        ("psa", ">", 20.0, "ng/mL", None),
    ]
    pair = inclusion("Gleason 3+4=7 or 4+3=7 and PSA < 10 ng/mL")
    assert limits_with_multiples(pair) == [
        ("grade_group", "≥", 2.0, "1", None),
        ("grade_group", "≤", 3.0, "1", None),
        ("psa", "<", 10.0, "ng/mL", None),
    ]


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("Gleason 4+4", "a Gleason pattern pair that shares its grade group with others: '4+4'"),
        ("Gleason 3+2=5", "a Gleason pattern below 3, which names no grade group: '3+2=5'"),
        ("Gleason 3+4=8", "a Gleason pattern pair that does not add up: '3+4=8'"),
        ("any Gleason 5", "'Gleason 5': a pattern or a score?"),
        ("Gleason grade 4 or 5", "'Gleason 4': a pattern or a score?"),
        ("Gleason score 6 or 8", "values with a gap between them: '6 or 8'"),
        ("grade group 2 (3+4)", "a Gleason pattern pair after a grade group or pattern: '2 (3+4)'"),
    ],
)
def test_notations_naming_no_score_or_group_exactly_are_left_for_review(text: str, why: str) -> None:
    assert review(text) == why


def test_a_score_limit_is_judged_on_the_entered_score_or_the_grade_group() -> None:
    text = "Gleason score ≤ 6"
    judged = result("inclusion", text, _man(("Gleason score", 6, "1")))
    assert (judged.result, judged.reason) == (Outcome.PASS, "Gleason score 6, within ≤ 6")
    failed = result("inclusion", text, _man(("Gleason score", 7, "1")))
    assert (failed.result, failed.reason) == (Outcome.FAIL, "Gleason score 7 is above the allowed 6")
    group1 = result("inclusion", text, _man(("grade group", 1, "1")))
    assert (group1.result, group1.reason) == (
        Outcome.PASS,
        "Gleason score ≤ 6 (from grade group 1), within ≤ 6",
    )
    assert group1.values_used == ("grade group 1",)
    group5 = result("inclusion", text, _man(("ISUP grade group", 5, "1")))
    assert (group5.result, group5.reason) == (
        Outcome.FAIL,
        "Gleason score 9–10 (from grade group 5) is above the allowed 6",
    )
    missing = result("inclusion", text, _man())
    assert (missing.result, missing.reason, missing.missing) == (
        Outcome.UNKNOWN,
        "Gleason score not entered",
        ("Gleason score",),
    )


def test_a_score_range_is_decided_only_where_the_whole_grade_group_is() -> None:
    """Grade group 1 is a score of 6 or less: "Gleason score 5-6" may or may not hold."""
    judged = result("inclusion", "Gleason score 5-6", _man(("grade group", 1, "1")))
    assert (judged.result, judged.reason) == (
        Outcome.UNKNOWN,
        "Gleason score ≤ 6 (from grade group 1): ≥ 5 not decided",
    )
    assert judged.missing == ("Gleason score",)


def test_a_pattern_order_is_judged_on_the_grade_group() -> None:
    text = "Gleason ≥ 7 (4+3)"
    group3 = result("inclusion", text, _man(("grade group", 3, "1")))
    assert (group3.result, group3.reason) == (Outcome.PASS, "grade group 3, meets ≥ 3")
    group2 = result("inclusion", text, _man(("grade group", 2, "1")))
    assert (group2.result, group2.reason) == (Outcome.FAIL, "grade group 2 is below the required 3")
    # a score of 7 is group 2 or 3 by the order of its patterns: never read as merely 7
    seven = result("inclusion", text, _man(("Gleason score", 7, "1")))
    assert (seven.result, seven.reason) == (
        Outcome.UNKNOWN,
        "grade group 2 or 3 (from Gleason score 7, order of the patterns not entered): ≥ 3 not decided",
    )
    assert seven.missing == ("grade group (or primary Gleason pattern)",)
    ordered = result("inclusion", text, _man(("Gleason score", 7, "1"), ("primary Gleason pattern", 4, "1")))
    assert (ordered.result, ordered.reason) == (
        Outcome.PASS,
        "grade group 3 (from Gleason score 7 (4+3)), meets ≥ 3",
    )
    assert ordered.values_used == ("Gleason score 7", "primary Gleason pattern 4")
    eight = result("inclusion", text, _man(("Gleason score", 8, "1")))
    assert (eight.result, eight.reason) == (Outcome.PASS, "grade group 4 (from Gleason score 8), meets ≥ 3")
    missing = result("inclusion", text, _man())
    assert (missing.result, missing.missing) == (Outcome.UNKNOWN, ("grade group",))


def test_an_exclusion_on_score_or_psa() -> None:
    text = "Gleason 8-10 or PSA > 20 ng/mL"
    low = result("exclusion", text, _man(("grade group", 1, "1"), ("PSA", 6.2, "ng/mL")))
    assert low.result is Outcome.PASS
    assert low.reason == "Gleason score ≤ 6 (from grade group 1), not ≥ 8; PSA 6.2 ng/mL, not > 20 ng/mL"
    high = result("exclusion", text, _man(("Gleason score", 9, "1"), ("PSA", 6.2, "ng/mL")))
    assert high.result is Outcome.FAIL
    unknown = result("exclusion", text, _man(("Gleason score", 7, "1")))
    assert (unknown.result, unknown.missing) == (Outcome.UNKNOWN, ("PSA",))


def test_a_primary_pattern_is_known_from_grade_groups_2_and_3_only() -> None:
    text = "Primary Gleason pattern 5"
    assert result("exclusion", text, _man(("grade group", 3, "1"))).result is Outcome.PASS
    assert result("exclusion", text, _man(("primary Gleason pattern", 5, "1"))).result is Outcome.FAIL
    assert result("exclusion", text, _man(("grade group", 5, "1"))).result is Outcome.UNKNOWN


def test_a_gleason_rule_is_judged_again_when_any_gleason_measure_changes() -> None:
    """The keystroke cache reuses a rule's answer while its inputs keep their values: a score limit reads
    the grade group and primary pattern too."""
    assert rule_inputs(inclusion("Gleason score ≤ 6")) == {
        ("lab", "gleason"),
        ("lab", "grade_group"),
        ("lab", "gleason_primary"),
    }
