"""An FEV1 limit naming the tests it is measured by: "For asthmatic patients, has a Spirometry or Peak Flow
with Measurement of FEV1>=80% of predicted" asks the FEV1 of the patients with asthma only."""

from __future__ import annotations

import pytest
from one_criterion import inclusion, limits_with_multiples, outcome, patient

from trialmatch.domain.criteria import AnyOf, FindingRule
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

ASTHMA = "For asthmatic patients, has a Spirometry or Peak Flow with Measurement of FEV1>=80% of predicted"


def test_the_limit_is_the_fev1_of_the_asthmatic_patients() -> None:
    rule = inclusion(ASTHMA)
    assert isinstance(rule, AnyOf)
    no_asthma, fev1 = rule.children
    assert isinstance(no_asthma, FindingRule)
    assert (no_asthma.concept, no_asthma.present) == ("asthma", False)
    assert limits_with_multiples(fev1) == [("fev1", "≥", 80.0, "%", None)]


@pytest.mark.parametrize(
    ("findings", "fev1", "expected"),
    [
        ({"asthma": True}, 85.0, Outcome.PASS),
        ({"asthma": True}, 70.0, Outcome.FAIL),
        ({"asthma": True}, None, Outcome.UNKNOWN),
        ({"asthma": False}, None, Outcome.PASS),
    ],
)
def test_only_an_asthmatic_patient_is_held_to_the_fev1(
    findings: dict[str, bool], fev1: float | None, expected: Outcome
) -> None:
    labs = [] if fev1 is None else [{"test": "FEV1", "value": fev1, "unit": "%"}]
    assert outcome(Section.INCLUSION, ASTHMA, patient(labs=labs, findings=findings)) is expected
