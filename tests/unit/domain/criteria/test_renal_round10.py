"""Kidney function and electrolyte sentences read in round 10: each wording is read as a clinician reads it,
and judged for the patients a clinician would check it on."""

from __future__ import annotations

import pytest
from one_criterion import entered, outcome, patient

from trialmatch.domain.criteria import AnyOf, LabThreshold, Rule, parse_criterion
from trialmatch.domain.criteria.derived import DerivedValueRule
from trialmatch.domain.criteria.logic import leaves
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

INC, EXC = Section.INCLUSION, Section.EXCLUSION
PASS, FAIL, UNKNOWN = Outcome.PASS, Outcome.FAIL, Outcome.UNKNOWN


def _limits(rule: Rule) -> list[tuple[str, str, float, str | None, str | None]]:
    """(analyte, comparator, value, unit, multiple) of every lab or derived threshold, in order."""
    return [
        (t.analyte, t.comparator.symbol, t.value, t.unit, t.multiple_of)
        for t in leaves(rule)
        if isinstance(t, LabThreshold | DerivedValueRule)
    ]


NOTE_IF = (
    "Creatinine =< institutional upper limit normal (ULN), CTCAE v 3.0 grade 0; NOTE: if creatinine > ULN, "
    "creatinine clearance must be > 50 mL/min"
)


def test_a_note_opening_a_conditional_sentence_is_read_as_the_condition() -> None:
    rule = parse_criterion(NOTE_IF, INC, None)
    assert isinstance(rule, AnyOf)
    assert _limits(rule) == [("creatinine", "≤", 1.0, None, "uln"), ("crcl", ">", 50.0, "mL/min", None)]


@pytest.mark.parametrize(
    ("creatinine", "clearance", "expected"),
    [(0.9, None, PASS), (1.8, 70.0, PASS), (1.8, 40.0, FAIL), (1.8, None, UNKNOWN)],
)
def test_a_note_opening_a_conditional_sentence_verdicts(
    creatinine: float, clearance: float | None, expected: Outcome
) -> None:
    labs = [("Creatinine", creatinine, "mg/dL")]
    if clearance is not None:
        labs.append(("Creatinine clearance", clearance, "mL/min"))
    facts = patient(labs=[{**lab, "uln": 1.2} for lab in entered(*labs)])
    assert outcome(INC, NOTE_IF, facts) is expected
