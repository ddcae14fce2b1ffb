"""An HbA1c range restated in IFCC units (mmol/mol): checked end by end with the IFCC master equation, then
the percentage range is the rule."""

from __future__ import annotations

from one_criterion import inclusion, limits, outcome, patient

from trialmatch.domain.criteria.base import Comparator
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

INC = Section.INCLUSION
GE, LE = Comparator.GE, Comparator.LE

NOVO = (
    "Glycated haemoglobin (HbA1c) of 7.5-10.0% (58-86 millimoles per moles (mmol/mol)) (both inclusive) as "
    "assessed by central laboratory at screening."
)


def _hba1c(value: float | None) -> object:
    return patient(labs=[] if value is None else [{"test": "HbA1c", "value": value, "unit": "%"}])


def test_a_range_restated_in_mmol_per_mol_is_the_percentage_range():
    assert limits(inclusion(NOVO)) == [("hba1c", GE, 7.5, "%"), ("hba1c", LE, 10.0, "%")]
    assert limits(inclusion("HbA1c of 6.5-10.5% (48-91 mmol/mol)")) == [
        ("hba1c", GE, 6.5, "%"),
        ("hba1c", LE, 10.5, "%"),
    ]


def test_range_verdicts():
    assert outcome(INC, NOVO, _hba1c(8.1)) is Outcome.PASS
    assert outcome(INC, NOVO, _hba1c(10.0)) is Outcome.PASS
    assert outcome(INC, NOVO, _hba1c(7.2)) is Outcome.FAIL
    assert outcome(INC, NOVO, _hba1c(10.4)) is Outcome.FAIL
    assert outcome(INC, NOVO, _hba1c(None)) is Outcome.UNKNOWN


def test_a_bracket_that_disagrees_stays_for_review():
    assert inclusion("HbA1c of 6.5-10.5% (48-95 mmol/mol)").kind == "review"
