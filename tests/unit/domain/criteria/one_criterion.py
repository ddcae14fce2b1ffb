"""One criterion sentence judged for one patient, as a trial of that criterion alone: the result and verdict
a clinician checks, through the same parse, compile and evaluate path as the app."""

from __future__ import annotations

from datetime import date
from typing import Any

from trialmatch.domain.compiled import compile_trial
from trialmatch.domain.evaluation import CriterionResult, Outcome, TrialEvaluation, evaluate
from trialmatch.domain.facts import PatientFacts
from trialmatch.domain.patient import load_patient
from trialmatch.domain.trial import Criterion, Section, Trial

AS_OF = date(2026, 11, 20)


def patient(**fields: Any) -> PatientFacts:
    """A 62-year-old woman evaluated on 2026-11-20, with ``fields`` added to or replacing the file's."""
    raw = {"format": "trialmatch-patient/1", "as_of": "2026-11-20", "age": 62, "sex": "female"}
    return PatientFacts(load_patient({**raw, **fields}), AS_OF)


def evaluation(
    section: Section | str, text: str, facts: PatientFacts, context: str | None = None
) -> TrialEvaluation:
    """The trial of this criterion alone, under the heading ``context`` if any, judged for ``facts``."""
    criterion = Criterion(section=Section(section), text=text, context=context)
    trial = Trial(id="NCT00000001", registry="ctgov", title="t", criteria=[criterion])
    return evaluate(compile_trial(trial), facts)


def result(
    section: Section | str, text: str, facts: PatientFacts, context: str | None = None
) -> CriterionResult:
    (only,) = evaluation(section, text, facts, context).results
    return only


def outcome(section: Section | str, text: str, facts: PatientFacts, context: str | None = None) -> Outcome:
    return result(section, text, facts, context).result
