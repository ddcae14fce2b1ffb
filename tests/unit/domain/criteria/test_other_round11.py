"""Assorted sentences read in round 11: each wording is read as a clinician reads it, and judged for the
patients a clinician would check it on."""

from __future__ import annotations

import pytest
from one_criterion import entered, outcome, patient

from trialmatch.domain.criteria import LabThreshold, Rule, parse_criterion
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


COCKCROFT = "Creatinine ≤ 30 mL/minute (using Cockroft-Gault formula)."


def test_creatinine_in_a_clearance_unit_takes_the_method_named_after_it() -> None:
    rule = parse_criterion(COCKCROFT, INC, None)
    assert isinstance(rule, DerivedValueRule)
    assert _limits(rule) == [("crcl", "≤", 30.0, "mL/min", None)]
    assert rule.method == "cockcroft-gault"


def test_a_method_after_a_serum_creatinine_limit_still_names_no_clearance() -> None:
    rule = parse_criterion("Creatinine ≤ 1.5 mg/dL (Cockcroft-Gault)", INC, None)
    assert rule.kind == "review"


@pytest.mark.parametrize(("clearance", "expected"), [(25.0, PASS), (45.0, FAIL), (None, UNKNOWN)])
def test_creatinine_in_a_clearance_unit_verdicts(clearance: float | None, expected: Outcome) -> None:
    labs = entered(("Creatinine clearance", clearance, "mL/min")) if clearance is not None else []
    assert outcome(INC, COCKCROFT, patient(labs=labs)) is expected
