"""A NYHA class written as an upper limit in an inclusion ("NYHA class <3"), alone or opening a run of heart
limits printed without separators."""

from __future__ import annotations

import pytest
from one_criterion import exclusion, finding_shape, inclusion, limit_of, outcome, patient, result

from trialmatch.domain.criteria import AllOf, FindingRule, LabThreshold, NeedsReview
from trialmatch.domain.evaluation import Outcome

HEART = "NYHA class <3 Left ventricular ejection fraction (LVEF) ≥50% QTc interval ≤450 ms"


@pytest.mark.parametrize(
    ("text", "printed"),
    [
        ("NYHA class <3", "NYHA class <3"),
        ("NYHA class ≤ II", "NYHA class ≤ II"),
        (
            "New York Heart Association functional class less than III.",
            "New York Heart Association functional class less than III",
        ),
    ],
)
def test_a_class_below_a_limit_refuses_heart_failure_of_a_higher_class(text: str, printed: str):
    assert finding_shape(inclusion(text)) == ("heart_failure", False, "any", [printed])


def test_in_an_exclusion_an_upper_limit_is_not_read():
    assert isinstance(exclusion("NYHA class <3"), NeedsReview)


def test_the_class_and_the_limits_after_it_are_all_required():
    rule = inclusion(HEART)
    assert isinstance(rule, AllOf)
    failure, lvef, qtc = rule.children
    assert finding_shape(failure) == ("heart_failure", False, "any", ["NYHA class <3"])
    assert isinstance(lvef, LabThreshold)
    assert isinstance(qtc, LabThreshold)
    assert limit_of(lvef) == ("lvef", ">=", 50.0, "%")
    assert limit_of(qtc) == ("qtcf", "<=", 450.0, "ms")


def _heart(lvef: float | None, qtcf: float = 430.0) -> list[dict[str, object]]:
    labs: list[dict[str, object]] = [{"test": "QTcF", "value": qtcf, "unit": "ms"}]
    return labs if lvef is None else [*labs, {"test": "LVEF", "value": lvef, "unit": "%"}]


@pytest.mark.parametrize(
    ("failure", "lvef", "expected"),
    [
        (False, 60.0, Outcome.PASS),
        (False, 45.0, Outcome.FAIL),  # under the LVEF limit
        (True, 60.0, Outcome.UNKNOWN),  # heart failure: its class is the clinician's to check
        (None, 60.0, Outcome.UNKNOWN),
        (False, None, Outcome.UNKNOWN),
    ],
)
def test_the_patient_is_judged_on_heart_failure_and_the_limits(
    failure: bool | None, lvef: float | None, expected: Outcome
):
    findings = {} if failure is None else {"heart_failure": failure}
    facts = patient(findings=findings, labs=_heart(lvef))
    assert outcome("inclusion", HEART, facts, "Heart function") is expected


def test_the_reason_names_the_class_to_check():
    facts = patient(findings={"heart_failure": True}, labs=_heart(60.0))
    assert "NYHA class <3" in result("inclusion", HEART, facts, "Heart function").reason
    assert isinstance(inclusion("NYHA class <3"), FindingRule)
