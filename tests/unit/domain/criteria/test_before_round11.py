"""Sentences read in round 11 whose threshold came before any analyte the reader knew: a plural spelling of a
test, a "recent" value."""

from __future__ import annotations

import pytest
from one_criterion import entered, exclusion, limit_of, outcome, patient

from trialmatch.domain.criteria import AnyOf, FindingRule
from trialmatch.domain.evaluation import Outcome

POOR_CONTROL = (
    "Known history of poorly controlled diabetes, defined as fasting morning blood sugars > 300 mg/dL or "
    "recent hemoglobin A1c >= 8"
)


def test_blood_sugars_and_a_recent_value_are_the_tests_latest_values():
    rule = exclusion(POOR_CONTROL)
    assert isinstance(rule, AnyOf)
    diabetes, sugar, a1c = rule.children
    assert isinstance(diabetes, FindingRule)
    assert diabetes.concept == "uncontrolled_diabetes"
    assert limit_of(sugar) == ("fasting_glucose", ">", 300.0, "mg/dL")
    assert limit_of(a1c) == ("hba1c", ">=", 8.0, "%")


@pytest.mark.parametrize(
    ("labs", "expected"),
    [
        ((("hba1c", 8.4, "%"),), Outcome.FAIL),
        ((("fasting glucose", 320, "mg/dL"),), Outcome.FAIL),
        ((("hba1c", 7.1, "%"),), Outcome.UNKNOWN),  # glucose and the diabetes history unrecorded
    ],
)
def test_poor_control_excludes_on_either_value(labs, expected):
    assert outcome("exclusion", POOR_CONTROL, patient(labs=entered(*labs))) is expected
