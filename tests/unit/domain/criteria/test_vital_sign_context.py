"""Vital signs with the context they are measured in: how the value is taken ("when breathing air", "Under
resting conditions", "(pre-dialysis for HD patients)") is how the file's value is taken, and words that ask
more than the one reading the file holds ("Persistent", "Resting and exercise") are carried as a qualifier
whose side the verdict leaves to the clinician."""

from __future__ import annotations

from typing import Any

import pytest
from one_criterion import exclusion, inclusion, lab, limits_with_multiples, outcome, patient, result

from trialmatch.domain.criteria import AnyOf, LabThreshold
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

INC, EXC = Section.INCLUSION, Section.EXCLUSION


def _vital(test: str, value: float, unit: str) -> Any:
    return patient(labs=[{"test": test, "value": value, "unit": unit}])


def _spo2(value: float) -> Any:
    return _vital("oxygen saturation", value, "%")


def _rate(value: float) -> Any:
    return _vital("heart rate", value, "/min")


# --- how the value is taken ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "comparator", "value"),
    [
        ("oxygen saturation ≤93% when breathing air", "≤", 93.0),
        ("Under resting conditions, oxygen saturation ≤93% when breathing air", "≤", 93.0),
        ("the oxygen saturation when inhaling air at rest is > 93%", ">", 93.0),
    ],
)
def test_breathing_air_at_rest_is_how_the_saturation_is_taken(text: str, comparator: str, value: float):
    rule = lab(text)
    assert limits_with_multiples(rule) == [("spo2", comparator, value, "%", None)]
    assert (rule.exceptions, rule.qualifier) == ([], None)  # not a condition waiving the limit


def test_breathing_air_verdicts():
    text = "Under resting conditions, oxygen saturation ≤93% when breathing air"
    assert outcome(INC, text, _spo2(91)) is Outcome.PASS
    assert outcome(INC, text, _spo2(96)) is Outcome.FAIL
    assert outcome(INC, text, patient()) is Outcome.UNKNOWN


def test_a_pressure_taken_before_dialysis_is_the_pressure_entered():
    text = "systolic blood pressure <100 mm Hg (pre-dialysis for HD patients)"
    assert limits_with_multiples(lab(text, EXC)) == [("sbp", "<", 100.0, "mmHg", None)]
    assert outcome(EXC, text, _vital("systolic blood pressure", 92, "mmHg")) is Outcome.FAIL
    assert outcome(EXC, text, _vital("systolic blood pressure", 118, "mmHg")) is Outcome.PASS
    assert outcome(EXC, text, patient()) is Outcome.UNKNOWN


# --- more than one reading ----------------------------------------------------------------------------------

PERSISTENT = "Persistent resting heart rate lower than 45 beats/minute or higher than 120 beats/minute."


def test_a_persistent_rate_is_qualified_on_each_limit():
    rule = exclusion(PERSISTENT)
    assert isinstance(rule, AnyOf)
    assert limits_with_multiples(rule) == [
        ("heart_rate", "<", 45.0, "/min", None),
        ("heart_rate", ">", 120.0, "/min", None),
    ]
    for child in rule.children:
        assert isinstance(child, LabThreshold)
        assert (child.qualifier, child.confirm_when) == ("persistent ('Persistent')", "met")


def test_one_reading_past_the_limit_is_not_persistent_but_one_within_it_decides():
    assert outcome(EXC, PERSISTENT, _rate(72)) is Outcome.PASS
    low = result(EXC, PERSISTENT, _rate(40))
    assert low.result is Outcome.UNKNOWN
    assert "to confirm: persistent ('Persistent')" in low.reason
    assert outcome(EXC, PERSISTENT, _rate(130)) is Outcome.UNKNOWN
    assert outcome(EXC, PERSISTENT, patient()) is Outcome.UNKNOWN


def test_persistent_is_read_only_before_vital_signs():
    assert inclusion("No persistent heart rate < 45 bpm").kind == "review"  # its opposite is not stated here
    assert exclusion("Sustained ALT > 3 x ULN").kind == "review"


AND_EXERCISE = "Resting and exercise oxygen saturation at least 90% on room air"
OR_EXERCISE = "Resting or exercise SaO2 on room air at least 90% by pulse oximetry"


@pytest.mark.parametrize(("text", "side"), [(AND_EXERCISE, "met"), (OR_EXERCISE, "unmet")])
def test_resting_and_or_exercise_saturation(text: str, side: str):
    rule = lab(text)
    assert limits_with_multiples(rule) == [("spo2", "≥", 90.0, "%", None)]
    assert (rule.qualifier or "").startswith("the exercise value ('Resting")
    assert rule.confirm_when == side


def test_resting_and_exercise_saturation_needs_the_exercise_value_too():
    assert outcome(INC, AND_EXERCISE, _spo2(86)) is Outcome.FAIL  # the resting value already fails
    met = result(INC, AND_EXERCISE, _spo2(95))
    assert met.result is Outcome.UNKNOWN
    assert "to confirm: the exercise value ('Resting and exercise')" in met.reason
    assert outcome(INC, AND_EXERCISE, patient()) is Outcome.UNKNOWN


def test_resting_or_exercise_saturation_is_met_by_the_resting_value():
    assert outcome(INC, OR_EXERCISE, _spo2(95)) is Outcome.PASS
    assert outcome(INC, OR_EXERCISE, _spo2(86)) is Outcome.UNKNOWN  # the exercise value may meet it
    assert outcome(INC, OR_EXERCISE, patient()) is Outcome.UNKNOWN


# --- the P/F ratio ------------------------------------------------------------------------------------------

SEVERE = (
    "Under resting conditions, oxygen saturation ≤93% when breathing air, or P/F value ≤ 300 mmHg"
    " (1 mmHg = 0.133 kPa)."
)


def test_a_saturation_or_a_pf_ratio_is_met_by_either():
    rule = inclusion(SEVERE)
    assert isinstance(rule, AnyOf)
    assert limits_with_multiples(rule) == [
        ("spo2", "≤", 93.0, "%", None),
        ("pf_ratio", "≤", 300.0, "mmHg", None),
    ]


def test_pf_ratio_verdicts():
    assert outcome(INC, SEVERE, _vital("P/F ratio", 240, "mmHg")) is Outcome.PASS
    assert outcome(INC, SEVERE, _spo2(91)) is Outcome.PASS
    both_fine = patient(
        labs=[
            {"test": "oxygen saturation", "value": 97, "unit": "%"},
            {"test": "P/F ratio", "value": 420, "unit": "mmHg"},
        ]
    )
    assert outcome(INC, SEVERE, both_fine) is Outcome.FAIL
    assert outcome(INC, SEVERE, _spo2(97)) is Outcome.UNKNOWN  # the P/F ratio may meet it
    assert outcome(INC, SEVERE, patient()) is Outcome.UNKNOWN
