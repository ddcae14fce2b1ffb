"""Hypertension defined by pressures held despite treatment and persisting: "Even after drug treatment,
hypertension is still poorly controlled (continuous increase in systolic blood pressure ≥150mmHg or diastolic
blood pressure ≥100mmHg)". A pressure under both limits passes; one above is left to the clinician, who knows
whether it was on treatment and persisted."""

from __future__ import annotations

import pytest
from one_criterion import entered, exclusion, limits_with_multiples, patient, result, thresholds

from trialmatch.domain.criteria import AnyOf
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

STILL = (
    "Even after drug treatment, hypertension is still poorly controlled (continuous increase in systolic "
    "blood pressure ≥150mmHg or diastolic blood pressure ≥100mmHg);"
)


def test_the_thresholds_carry_both_qualifiers() -> None:
    rule = exclusion(STILL)
    assert isinstance(rule, AnyOf)
    assert limits_with_multiples(rule) == [
        ("sbp", "≥", 150.0, "mmHg", None),
        ("dbp", "≥", 100.0, "mmHg", None),
    ]
    assert {t.qualifier for t in thresholds(rule)} == {
        "measured on treatment ('Even after drug treatment'); persistent ('continuous increase in')"
    }


@pytest.mark.parametrize(
    ("pressure", "expected"),
    [
        ((130.0, 80.0), Outcome.PASS),
        ((165.0, 95.0), Outcome.UNKNOWN),
        ((140.0, 105.0), Outcome.UNKNOWN),
        (None, Outcome.UNKNOWN),
    ],
)
def test_a_pressure_above_a_limit_is_left_to_the_clinician(
    pressure: tuple[float, float] | None, expected: Outcome
) -> None:
    labs = [] if pressure is None else entered(("SBP", pressure[0], "mmHg"), ("DBP", pressure[1], "mmHg"))
    judged = result(Section.EXCLUSION, STILL, patient(labs=labs))
    assert judged.result is expected
    if pressure == (165.0, 95.0):
        assert "continuous increase in" in judged.reason


def test_a_pressure_merely_said_to_be_poorly_controlled_is_read_as_before() -> None:
    rule = exclusion("Hypertension is poorly controlled (systolic blood pressure ≥150mmHg)")
    assert limits_with_multiples(rule) == [("sbp", "≥", 150.0, "mmHg", None)]
