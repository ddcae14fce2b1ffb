"""A thromboembolic event or a thrombosis may be venous or arterial. Read as venous thromboembolism, a
patient with an arterial thrombosis recorded and no venous one passed "Thromboembolic event within 3
months"."""

from __future__ import annotations

import pytest
from one_criterion import exclusion, finding_shape, outcome, patient

from trialmatch.domain.evaluation import Outcome

TEXT = "Thromboembolic event within 3 months"


def test_a_thromboembolic_event_names_either_kind() -> None:
    assert finding_shape(exclusion(TEXT)) == ("thromboembolism", True, "any", ["within 3 months"])
    assert finding_shape(exclusion("History of venous thromboembolism."))[:2] == (
        "venous_thromboembolism",
        True,
    )


@pytest.mark.parametrize(
    ("findings", "expected"),
    [
        (
            {"arterial thrombosis": True, "venous thromboembolism": False},
            Outcome.UNKNOWN,
        ),  # when: not recorded
        ({"deep vein thrombosis": True}, Outcome.UNKNOWN),
        ({"venous thromboembolism": False}, Outcome.UNKNOWN),  # an arterial one is not known
        # the two kinds are not taken for every kind there is: the clinician records thromboembolism itself
        ({"venous thromboembolism": False, "arterial thromboembolism": False}, Outcome.UNKNOWN),
        ({"thromboembolism": False}, Outcome.PASS),
    ],
)
def test_either_kind_counts_and_only_its_recorded_absence_clears(
    findings: dict[str, bool], expected: Outcome
) -> None:
    assert outcome("exclusion", TEXT, patient(findings=findings)) is expected


def test_thrombosis_history_excludes_an_arterial_thrombosis() -> None:
    found = patient(findings={"arterial thrombosis": True})
    assert outcome("exclusion", "thrombosis history", found) is Outcome.FAIL
    assert outcome("exclusion", "History of venous thromboembolism.", found) is Outcome.UNKNOWN
