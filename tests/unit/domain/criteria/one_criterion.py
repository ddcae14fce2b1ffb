"""One criterion sentence, parsed as the app parses it, or judged for one patient as a trial of that criterion
alone: the rule, result and verdict a clinician checks, through the same parse, compile and evaluate path as
the app."""

from __future__ import annotations

from datetime import date
from typing import Any

from trialmatch.domain.compiled import compile_trial
from trialmatch.domain.criteria import LabThreshold, NeedsReview, Rule, parse_criterion
from trialmatch.domain.criteria.base import Comparator
from trialmatch.domain.criteria.derived import DerivedValueRule
from trialmatch.domain.criteria.finding import FindingRule
from trialmatch.domain.criteria.logic import leaves
from trialmatch.domain.criteria.temporal import TemporalTherapyRule
from trialmatch.domain.evaluation import CriterionResult, Outcome, TrialEvaluation, evaluate
from trialmatch.domain.facts import PatientFacts
from trialmatch.domain.patient import load_patient
from trialmatch.domain.trial import Criterion, Section, Trial

AS_OF = date(2026, 11, 20)


def inclusion(text: str) -> Rule:
    return parse_criterion(text, Section.INCLUSION, None)


def exclusion(text: str) -> Rule:
    return parse_criterion(text, Section.EXCLUSION, None)


def lab(text: str, section: Section = Section.INCLUSION, context: str | None = None) -> LabThreshold:
    """The sentence's rule, which must be one lab threshold."""
    rule = parse_criterion(text, section, context)
    assert isinstance(rule, LabThreshold), rule
    return rule


def review(text: str, section: Section = Section.INCLUSION) -> str:
    """Why the sentence is left for review, which it must be."""
    rule = parse_criterion(text, section, None)
    assert isinstance(rule, NeedsReview), rule
    return rule.why


def limits(rule: Any) -> list[tuple[str, Comparator, float, str | None]]:
    """(analyte, comparator, value, unit) of a threshold, or of each threshold an all_of or any_of joins."""
    parts = rule.children if rule.kind in {"all_of", "any_of"} else [rule]
    return [(p.analyte, p.comparator, p.value, p.unit) for p in parts]


def limits_with_multiples(rule: Rule) -> list[tuple[str, str, float, str | None, str | None]]:
    """(analyte, comparator symbol, value, unit, ULN/LLN multiple) of every lab or derived threshold in the
    rule, in order, however deeply joined."""
    return [
        (t.analyte, t.comparator.symbol, t.value, t.unit, t.multiple_of)
        for t in leaves(rule)
        if isinstance(t, LabThreshold | DerivedValueRule)
    ]


def finding_shape(rule: object) -> tuple[str, bool, str, list[str]]:
    """(concept, present, qualifier, exception texts) of a rule that must be one finding."""
    assert isinstance(rule, FindingRule), rule
    return rule.concept, rule.present, rule.qualifier, [e.text for e in rule.exceptions]


def therapy_shape(rule: object) -> tuple[list[str], str, int | None, str, bool, str | None]:
    """(categories, relation, window, window unit, window inclusive, qualifier) of a rule that must be one
    therapy rule."""
    assert isinstance(rule, TemporalTherapyRule), rule
    return (
        rule.categories,
        rule.relation,
        rule.window,
        rule.window_unit,
        rule.window_inclusive,
        rule.qualifier,
    )


def limit_of(rule: object) -> tuple[str, str, float, str | None]:
    """(analyte, comparator, value, unit) of a part that must be one lab threshold."""
    assert isinstance(rule, LabThreshold), rule
    return rule.analyte, rule.comparator.value, rule.value, rule.unit


def entered(*labs: tuple[str, float, str]) -> list[dict[str, object]]:
    """The patient file's ``labs`` entries for (test, value, unit) triples."""
    return [{"test": test, "value": value, "unit": unit} for test, value, unit in labs]


def thresholds(rule: Rule) -> list[LabThreshold]:
    """Every lab threshold in the rule, in order, however deeply joined."""
    if isinstance(rule, LabThreshold):
        return [rule]
    return [lab for child in getattr(rule, "children", []) for lab in thresholds(child)]


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
