"""Cardiac wordings: QTc corrected by Bazett's formula, ..."""

from __future__ import annotations

import pytest
from one_criterion import exclusion, lab, outcome, patient, review

from trialmatch.domain.criteria.base import Comparator
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

GT = Comparator.GT


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Corrected QT interval (QTc) > 500 ms, using Bazett's formula.", 500.0),
        ("QTc (Bazzett) interval >460 ms on ECG at screening and/or at Cycle 1 Day 1 pre-dose.", 460.0),
        ("QTcB > 480 ms", 480.0),
    ],
)
def test_a_qtc_corrected_by_bazett_is_a_qtcb_threshold(text: str, value: float) -> None:
    rule = lab(text, Section.EXCLUSION)
    assert (rule.analyte, rule.comparator, rule.value, rule.unit) == ("qtcb", GT, value, "ms")


def test_bazett_limits_for_each_sex_are_qtcb_limits() -> None:
    rule = exclusion(
        "QTc (Bazzett) interval >450 ms for male patients or >460 ms for female patients on ECG at screening "
        "and/or at Cycle 1 Day 1 predose."
    )
    assert [(c.analyte, c.comparator, c.value, c.sex) for c in rule.children] == [
        ("qtcb", GT, 450.0, "male"),
        ("qtcb", GT, 460.0, "female"),
    ]


def test_a_sentence_naming_bazett_and_fridericia_in_one_limit_is_not_read() -> None:
    why = review("QTc > 470 ms by Fridericia or Bazett's formula", Section.EXCLUSION)
    assert "another formula than Fridericia" in why


BAZETT = "Corrected QT interval (QTc) > 500 ms, using Bazett's formula."


@pytest.mark.parametrize(
    ("labs", "expected"),
    [
        ([{"test": "QTcB", "value": 510, "unit": "ms"}], Outcome.FAIL),
        ([{"test": "QTcB", "value": 460, "unit": "ms"}], Outcome.PASS),
        ([{"test": "QTcF", "value": 510, "unit": "ms"}], Outcome.UNKNOWN),
        ([], Outcome.UNKNOWN),
    ],
)
def test_a_bazett_limit_is_judged_on_the_qtcb_only(labs: list[dict[str, object]], expected: Outcome) -> None:
    assert outcome("exclusion", BAZETT, patient(labs=labs)) is expected


@pytest.mark.parametrize(
    "text",
    ["Corrected QT interval (QTc) > 500 ms, using Bazett's formula.", "QTcF ≥ 470 ms"],
)
def test_an_inclusion_requiring_a_prolonged_qtc_is_left_for_review(text: str) -> None:
    # an exclusion filed among the inclusions: read literally it fails every patient with a normal QT
    assert "prolonged QTc" in review(text, Section.INCLUSION)


def test_an_inclusion_qtc_upper_limit_is_still_read() -> None:
    rule = lab("QTcB ≤ 480 ms", Section.INCLUSION)
    assert (rule.analyte, rule.comparator, rule.value) == ("qtcb", Comparator.LE, 480.0)
