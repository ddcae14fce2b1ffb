"""Medications that prolong the QT interval, a finding beside the QTc limit of a cardiac exclusion."""

from __future__ import annotations

import pytest
from one_criterion import exclusion, finding_shape, inclusion, limit_of, outcome, patient

from trialmatch.domain.criteria import AnyOf, FindingRule, LabThreshold
from trialmatch.domain.evaluation import Outcome

LONG_QT = (
    "Patients with long QT syndrome, or QTc interval duration > 480 msec, or use of concomitant medications "
    "that significantly prolong the QTc interval."
)


@pytest.mark.parametrize(
    "text",
    [
        "The use of concomitant medications that prolong the QT/QTc interval",
        "Concomitant use of agents known to prolong the QT interval",
        "Use of drugs known to prolong the QTc interval",
    ],
)
def test_medications_that_prolong_the_qt_interval_are_one_finding(text: str):
    assert finding_shape(exclusion(text)) == ("qt_prolonging_medication", True, "any", [])


def test_an_inclusion_refusing_them_asks_for_their_absence():
    rule = inclusion("No concomitant medications that prolong the QT interval")
    assert finding_shape(rule) == ("qt_prolonging_medication", False, "any", [])


def test_the_syndrome_the_limit_and_the_medications_each_exclude():
    rule = exclusion(LONG_QT)
    assert isinstance(rule, AnyOf)
    syndrome, qtc, medication = rule.children
    assert isinstance(syndrome, FindingRule)
    assert syndrome.concept == "long_qt_syndrome"
    assert isinstance(qtc, LabThreshold)
    assert limit_of(qtc) == ("qtcf", ">", 480.0, "ms")
    assert isinstance(medication, FindingRule)
    assert medication.concept == "qt_prolonging_medication"


NONE_OF_THEM = {"long_qt_syndrome": False, "qt_prolonging_medication": False}


@pytest.mark.parametrize(
    ("findings", "qtcf", "expected"),
    [
        (NONE_OF_THEM, 450.0, Outcome.PASS),
        (NONE_OF_THEM, 490.0, Outcome.FAIL),
        ({"long_qt_syndrome": False, "qt_prolonging_medication": True}, 450.0, Outcome.FAIL),
        ({"long_qt_syndrome": False}, 450.0, Outcome.UNKNOWN),  # the medications not recorded
        (NONE_OF_THEM, None, Outcome.UNKNOWN),
    ],
)
def test_a_patient_is_excluded_by_any_of_them(
    findings: dict[str, bool], qtcf: float | None, expected: Outcome
):
    labs = [] if qtcf is None else [{"test": "QTcF", "value": qtcf, "unit": "ms"}]
    assert outcome("exclusion", LONG_QT, patient(findings=findings, labs=labs)) is expected
