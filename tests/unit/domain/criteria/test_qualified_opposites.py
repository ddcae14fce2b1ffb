"""The opposite of a qualified threshold: "No uncontrolled hypertension (... despite optimal medical
management)" is a blood pressure within the limits, or one past them that is not the qualified condition; the
file shows the pressure, not the qualifier, so a pressure within the limits passes and one past them is left
to the clinician with the qualifier quoted."""

from __future__ import annotations

from typing import Any

import pytest
from one_criterion import inclusion, limits_with_multiples, outcome, patient, result

from trialmatch.domain.criteria import AllOf, LabThreshold, rule_from_json, rule_to_json
from trialmatch.domain.criteria.base import Comparator
from trialmatch.domain.criteria.reading.lab_qualified import qualified_opposite
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

INC = Section.INCLUSION
WHILE_ON = (
    "No uncontrolled hypertension, defined as systolic BP > 160 mm Hg and/or diastolic BP > 90 mm Hg while on"
    " medication"
)
DESPITE = (
    "No uncontrolled hypertension (i.e., systolic blood pressure [BP] > 150 mm Hg or diastolic BP > 90 mm Hg"
    " despite optimal medical management)"
)
HEADED = "Uncontrolled hypertension (i.e., blood pressure > 150/100 mm Hg on medication)"
HEADING = "PATIENT CHARACTERISTICS: No history of serious systemic disease, including any of the following"


def _pressure(sbp: float, dbp: float) -> Any:
    labs = [
        {"test": "systolic blood pressure", "value": sbp, "unit": "mmHg"},
        {"test": "diastolic blood pressure", "value": dbp, "unit": "mmHg"},
    ]
    return patient(labs=labs)


@pytest.mark.parametrize(
    ("text", "sbp", "dbp", "words"),
    [
        (WHILE_ON, 160.0, 90.0, "while on medication"),
        (DESPITE, 150.0, 90.0, "despite optimal medical management"),
    ],
)
def test_no_qualified_hypertension_requires_both_pressures_within_the_limits(
    text: str, sbp: float, dbp: float, words: str
):
    rule = inclusion(text)
    assert isinstance(rule, AllOf)
    assert limits_with_multiples(rule) == [("sbp", "≤", sbp, "mmHg", None), ("dbp", "≤", dbp, "mmHg", None)]
    for child in rule.children:
        assert isinstance(child, LabThreshold)
        assert (child.qualifier, child.confirm_when) == (f"measured on treatment ('{words}')", "unmet")


def test_no_hypertension_despite_treatment_verdicts():
    assert outcome(INC, DESPITE, _pressure(138, 84)) is Outcome.PASS
    above = result(INC, DESPITE, _pressure(162, 84))
    assert above.result is Outcome.UNKNOWN  # high, but on optimal treatment? the file does not say
    assert "to confirm: measured on treatment ('despite optimal medical management')" in above.reason
    assert outcome(INC, DESPITE, patient()) is Outcome.UNKNOWN


def test_no_hypertension_while_on_medication_verdicts():
    assert outcome(INC, WHILE_ON, _pressure(155, 88)) is Outcome.PASS
    assert outcome(INC, WHILE_ON, _pressure(150, 95)) is Outcome.UNKNOWN
    assert outcome(INC, WHILE_ON, patient()) is Outcome.UNKNOWN


def test_a_qualified_item_under_a_heading_of_what_the_patient_must_not_have_is_negated_with_its_qualifier():
    rule = inclusion(HEADED)
    assert rule.kind == "review"  # alone the item would be a requirement; the heading negates it
    assert outcome(INC, HEADED, _pressure(140, 90), HEADING) is Outcome.PASS
    assert outcome(INC, HEADED, _pressure(150, 105), HEADING) is Outcome.UNKNOWN
    assert outcome(INC, HEADED, patient(), HEADING) is Outcome.UNKNOWN


def test_the_opposite_swaps_the_side_left_to_the_clinician_and_back():
    rule = LabThreshold(
        source_span=(0, 1),
        analyte="sbp",
        comparator=Comparator.GT,
        value=150,
        unit="mmHg",
        qualifier="persistent",
    )
    opposite = qualified_opposite(rule)
    assert opposite is not None
    assert (opposite.comparator, opposite.confirm_when) == (Comparator.LE, "unmet")
    assert qualified_opposite(opposite) == rule
    assert qualified_opposite(rule.model_copy(update={"sex": "male"})) is None


def test_the_side_is_stored_only_when_it_is_not_the_default():
    rule = LabThreshold(source_span=(0, 1), analyte="sbp", comparator=Comparator.GT, value=150, qualifier="q")
    assert "confirm_when" not in rule_to_json(rule)
    assert rule_from_json(rule_to_json(rule)) == rule  # rules stored before the field load as they were
    opposite = qualified_opposite(rule)
    assert opposite is not None
    assert rule_from_json(rule_to_json(opposite)) == opposite
