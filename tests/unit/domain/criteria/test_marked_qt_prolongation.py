"""The standard exclusion "A marked baseline prolongation of QT/QTc interval (e.g. repeated demonstration of
a QTc interval > 450 ms)": its example is the limit meant, read as the QTc threshold (Bazett's when it says
so)."""

from __future__ import annotations

import pytest
from one_criterion import entered, lab, patient, result, review

from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

_MARKED = (
    "A marked baseline prolongation of QT/QTc interval (e.g. repeated demonstration of a QTc interval "
    "> 450 ms)"
)


@pytest.mark.parametrize(
    ("text", "analyte", "value"),
    [
        (_MARKED, "qtcf", 450.0),
        (
            "Marked screening or baseline prolongation of QT/QTc interval using the Fridericia formula (ie, "
            "repeated demonstration of a QTc interval > 470 msec)",
            "qtcf",
            470.0,
        ),
        (
            "A marked baseline prolongation of QT/QTc interval (e.g. repeated demonstration of a QTc "
            "interval > 450 ms, according to Bazett's correction formula)",
            "qtcb",
            450.0,
        ),
    ],
)
def test_a_marked_prolongation_is_the_qtc_limit_of_its_example(text: str, analyte: str, value: float):
    rule = lab(text, Section.EXCLUSION)
    assert (rule.analyte, rule.comparator.value, rule.value, rule.unit, rule.multiple_of) == (
        analyte,
        ">",
        value,
        "ms",
        None,
    )


@pytest.mark.parametrize(
    ("qtc", "outcome"), [(430.0, Outcome.PASS), (480.0, Outcome.FAIL), (None, Outcome.UNKNOWN)]
)
def test_a_marked_prolongation_excludes_a_qtc_past_its_example(qtc: float | None, outcome: Outcome):
    labs = entered(("QTcF", qtc, "ms")) if qtc is not None else []
    assert result("exclusion", _MARKED, patient(labs=labs)).result is outcome


def test_a_marked_prolongation_without_a_value_is_left_for_review():
    assert review("A marked baseline prolongation of QT/QTc interval", Section.EXCLUSION).startswith(
        "words not understood"
    )
