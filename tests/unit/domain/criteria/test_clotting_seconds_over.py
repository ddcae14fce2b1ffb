"""Clotting times held to seconds over a reference: "PT > ULN + 4 seconds", "PTT ≤ 5 seconds above the ULN",
"PT or PTT prolonged by greater than 2 seconds", "PT within 3 seconds of institutional norm"."""

from __future__ import annotations

from typing import Any

import pytest
from one_criterion import exclusion, inclusion, lab, limit_of, outcome, patient, result, thresholds

from trialmatch.domain.criteria import AllOf, AnyOf
from trialmatch.domain.evaluation import Outcome


def _seconds_over(rule: Any) -> list[tuple[str, str, float, str | None, float | None]]:
    return [(t.analyte, t.comparator.value, t.value, t.multiple_of, t.plus_seconds) for t in thresholds(rule)]


def _pt(value: float, lln: float | None = 11.0, uln: float | None = 13.5, test: str = "PT") -> Any:
    entry: dict[str, object] = {"test": test, "value": value, "unit": "s"}
    if lln is not None:
        entry["lln"] = lln
    if uln is not None:
        entry["uln"] = uln
    return patient(labs=[entry])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Prothrombin time (PT) > ULN + 4 seconds", ("pt", ">", 1.0, "uln", 4.0)),
        ("PT> ULN +4s", ("pt", ">", 1.0, "uln", 4.0)),
        ("PTT ≤ 5 seconds above the ULN", ("ptt", "<=", 1.0, "uln", 5.0)),
        ("PT within 3 seconds of institutional norm", ("pt", "<=", 1.0, "control", 3.0)),
        ("PTT prolonged by less than or equal to 3 seconds", ("ptt", "<=", 1.0, "control", 3.0)),
    ],
)
def test_seconds_over_a_reference_are_added_to_it(text: str, expected: tuple[Any, ...]) -> None:
    assert _seconds_over(inclusion(text)) == [expected]


def test_the_threshold_reads_as_the_reference_plus_the_seconds() -> None:
    assert lab("PT > ULN + 4 seconds").describe() == "> ULN + 4 s"
    assert lab("PT within 3 seconds of institutional norm").describe() == "≤ control + 3 s"


def test_uln_plus_seconds_in_the_chinese_coagulation_limits() -> None:
    rule = exclusion("INR > 1.5 or prothrombin time (PT) > ULN + 4 seconds or APTT > 1.5 ULN")
    assert isinstance(rule, AnyOf)
    assert _seconds_over(rule) == [
        ("inr", ">", 1.5, None, None),
        ("pt", ">", 1.0, "uln", 4.0),
        ("ptt", ">", 1.5, "uln", None),
    ]


def test_a_pt_past_the_uln_plus_seconds_fails_and_within_it_passes() -> None:
    text = "PTT ≤ 5 seconds above the ULN"
    within = result("inclusion", text, _pt(39.0, 25, 35, test="aPTT"))
    assert within.result is Outcome.PASS
    assert "ULN 35 s + 5 s = 40 s" in within.reason
    assert outcome("inclusion", text, _pt(41.0, 25, 35, test="aPTT")) is Outcome.FAIL
    assert outcome("inclusion", text, patient()) is Outcome.UNKNOWN


def test_an_exclusion_on_pt_over_the_uln_plus_seconds() -> None:
    text = "Prothrombin time (PT) > ULN + 4 seconds"
    assert outcome("exclusion", text, _pt(18.0)) is Outcome.FAIL
    assert outcome("exclusion", text, _pt(17.0)) is Outcome.PASS
    assert outcome("exclusion", text, patient()) is Outcome.UNKNOWN


def test_prolonged_by_seconds_is_decided_only_where_both_ends_of_the_normal_range_agree() -> None:
    """ "Prolonged by > 2 seconds" names no reference: over 13.5 + 2 it is prolonged whichever, under 11 + 2
    it is not, between them it depends on the control."""
    text = "PT or PTT prolonged by greater than 2 seconds"
    rule = exclusion(text)
    assert _seconds_over(rule) == [("pt", ">", 1.0, "control", 2.0), ("ptt", ">", 1.0, "control", 2.0)]
    assert outcome("exclusion", "PT prolonged by greater than 2 seconds", _pt(16.0)) is Outcome.FAIL
    assert outcome("exclusion", "PT prolonged by greater than 2 seconds", _pt(12.5)) is Outcome.PASS
    assert outcome("exclusion", "PT prolonged by greater than 2 seconds", _pt(14.0)) is Outcome.UNKNOWN
    no_range = _pt(16.0, lln=None, uln=None)
    assert outcome("exclusion", "PT prolonged by greater than 2 seconds", no_range) is Outcome.UNKNOWN


def test_prothrombin_activity_and_prolonged_pt_both_exclude() -> None:
    text = "Prothrombin activity was < 40%, and prothrombin time (PT) was prolonged for > 5s;"
    rule = exclusion(text)
    assert isinstance(rule, AllOf)
    assert limit_of(rule.children[0]) == ("pt_activity", "<", 40.0, "%")
    assert _seconds_over(rule.children[1]) == [("pt", ">", 1.0, "control", 5.0)]
    both = patient(
        labs=[
            {"test": "prothrombin activity", "value": 30, "unit": "%"},
            {"test": "PT", "value": 20.0, "unit": "s", "lln": 11.0, "uln": 13.5},
        ]
    )
    assert outcome("exclusion", text, both) is Outcome.FAIL
    activity_only = patient(
        labs=[
            {"test": "prothrombin activity", "value": 30, "unit": "%"},
            {"test": "PT", "value": 12.0, "unit": "s", "lln": 11.0, "uln": 13.5},
        ]
    )
    assert outcome("exclusion", text, activity_only) is Outcome.PASS


def test_more_seconds_than_a_protocol_adds_is_not_read_as_an_excess() -> None:
    assert _seconds_over(inclusion("PT prolonged by less than 25 seconds")) != [
        ("pt", "<", 1.0, "control", 25.0)
    ]
