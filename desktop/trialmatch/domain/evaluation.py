"""One patient against one compiled trial: a three-valued result per criterion, then the trial's verdict.

Inclusion: statement holds → pass, does not → fail. Exclusion: holds → fail, does not → pass. Cannot tell →
unknown: missing data never fails a patient. A criterion restricted to a stratum excludes only from that
stratum; the trial is ineligible only when every stratum is excluded.

This runs on every keystroke against thousands of trials, so the per-trial plan (one check per rule, built
by ``criteria.checks``) is made once and kept on the compiled trial; a rule's answer is memoised per patient
(the same "ECOG 0-1" in a thousand trials is decided once); and after a keystroke only the trials and
criteria that read a changed input (the lab just typed) are evaluated again, the rest keep their results.
"""

from __future__ import annotations

import dataclasses
import threading
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from trialmatch.domain.compiled import CompiledCriterion, CompiledTrial
from trialmatch.domain.criteria.checks import (
    Assessment,
    Check,
    Input,
    PatientView,
    build_check,
    has_review,
    register_inputs,
    review_assessment,
    rule_inputs,
    rule_strata,
)
from trialmatch.domain.criteria.logic import Alternative
from trialmatch.domain.criteria.registry import rule_to_json
from trialmatch.domain.criteria.review import NeedsReview
from trialmatch.domain.facts import PatientFacts
from trialmatch.domain.trial import Section


class Outcome(StrEnum):
    PASS = "pass"  # noqa: S105 — an outcome, not a password
    FAIL = "fail"
    UNKNOWN = "unknown"


class Verdict(StrEnum):
    ELIGIBLE = "eligible"
    POSSIBLE = "possible"
    INELIGIBLE = "ineligible"


@dataclass(frozen=True, slots=True)
class Override:
    """A clinician's decision on one criterion ("met: platelets 98 accepted by the PI"), shown with it."""

    result: Outcome
    note: str


@dataclass(frozen=True, slots=True)
class CriterionResult:
    index: int
    """Position in ``CompiledTrial.criteria`` (the key of overrides)."""
    section: Section
    number: str | None
    text: str
    stratum: str | None
    """Strata this result applies to ("D", "A, B, C"); None for every stratum."""
    kind: str
    result: Outcome
    reason: str
    values_used: tuple[str, ...]
    missing: tuple[str, ...]
    to_satisfy: str | None
    """For an unmet criterion: what would meet it."""
    override: Override | None
    needs_review: bool
    """Part of the criterion could not be read and is left to the clinician."""


_ORDER = {Outcome.FAIL: 0, Outcome.UNKNOWN: 1, Outcome.PASS: 2}


@dataclass(frozen=True, slots=True)
class TrialEvaluation:
    trial_id: str
    verdict: Verdict
    reason: str
    results: tuple[CriterionResult, ...]
    open_strata: tuple[str, ...]
    """Strata the patient is not excluded from; empty when the trial has no strata."""
    n_fail: int
    n_unknown: int
    near_miss: str | None
    """When exactly one criterion is unmet: which, and what would meet it."""

    def ordered(self) -> tuple[CriterionResult, ...]:
        """Unmet first, then unknown, then met; printed order within each."""
        return tuple(sorted(self.results, key=lambda r: (_ORDER[r.result], r.index)))


# --- plan -------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Step:
    """One criterion, ready to run: its check and the questions (memo key, stratum) it asks."""

    index: int
    criterion: CompiledCriterion
    check: Check
    inclusion: bool
    asks: tuple[tuple[str, str | None], ...]
    """One question for a plain rule; one more per in-item stratum variant ((key, None), (key+D, "D"))."""
    inputs: frozenset[Input]
    needs_review: bool
    fixed: Assessment | None
    """The answer when it cannot depend on the patient (a rule left for review)."""
    last: list[tuple[PatientView, Override | None, tuple[CriterionResult, ...]]] = field(default_factory=list)
    """The patient and results of the step's latest run, reused while its inputs keep their values."""


class _Plan:
    """A compiled trial's steps, and its previous evaluation, reused while no answer has changed."""

    __slots__ = ("alternatives", "has_criteria", "inputs", "last", "steps", "strata")

    def __init__(self, steps: tuple[_Step, ...], strata: tuple[str, ...], has_criteria: bool) -> None:
        self.steps = steps
        self.strata = strata
        self.has_criteria = has_criteria
        self.inputs = frozenset(i for step in steps for i in step.inputs)
        self.alternatives = _alternative_groups(steps)
        """Items judged together with the other alternatives under their heading, by position: the rule, and
        whether its list is flat (every item right under the heading, no sub-headings)."""
        self.last: tuple[PatientView, Mapping[int, Override] | None, TrialEvaluation] | None = None


def prepare(compiled: CompiledTrial) -> None:
    """Build the trial's plan now (a loader can do it in the background) rather than at the first match."""
    _plan(compiled)


def _plan(compiled: CompiledTrial) -> _Plan:
    private = compiled.__pydantic_private__
    plan = private.get("_plan") if private is not None else None
    if isinstance(plan, _Plan):
        return plan
    steps = []
    for index, item in enumerate(compiled.criteria):
        inclusion = item.criterion.section is Section.INCLUSION
        key = f"{int(inclusion)}{rule_to_json(item.rule)}"
        variants = sorted(rule_strata(item.rule))
        fixed = review_assessment(item.rule) if isinstance(item.rule, NeedsReview) else None
        steps.append(
            _Step(
                index=index,
                criterion=item,
                check=build_check(item.rule, inclusion),
                inclusion=inclusion,
                asks=() if fixed else ((key, None), *((f"{key}\0{s}", s) for s in variants)),
                inputs=rule_inputs(item.rule),
                needs_review=has_review(item.rule),
                fixed=fixed,
            )
        )
    built = _Plan(tuple(steps), tuple(compiled.strata), any(not c.registry_field for c in compiled.criteria))
    register_inputs(built.inputs)
    compiled._plan = built
    return built


# --- memo per patient -------------------------------------------------------------------------------------

_Memo = dict[str, Assessment]
_MEMOS: OrderedDict[int, tuple[PatientView, _Memo]] = OrderedDict()
_MEMO_LOCK = threading.Lock()
_MEMO_PATIENTS = 8
"""Patients (keystrokes) whose answers are kept; a view holds its facts, so the cache is bounded, not weak."""
_EARLIER: dict[str, tuple[PatientView, Assessment]] = {}
"""Each rule's latest answer with the patient it was given for, reused while the rule's inputs agree."""
_EARLIER_LIMIT = 200_000


def _memo_for(facts: PatientFacts) -> tuple[PatientView, _Memo]:
    """Answers already given for this patient (one facts object per keystroke); the oldest are dropped."""
    with _MEMO_LOCK:
        memo = _MEMOS.get(id(facts))
        if memo is not None and memo[0].facts is facts:
            _MEMOS.move_to_end(id(facts))
            return memo
        memo = (PatientView(facts), {})
        _MEMOS[id(facts)] = memo
        while len(_MEMOS) > _MEMO_PATIENTS:
            _MEMOS.popitem(last=False)
        return memo


def _answer(step: _Step, key: str, stratum: str | None, view: PatientView, memo: _Memo) -> Assessment:
    """The rule's answer for this patient: from this keystroke's memo, else from the previous patient when
    none of the rule's inputs changed (the same object, so results built from it are reused), else new."""
    earlier = _EARLIER.get(key)
    if earlier is not None and (earlier[0] is view or step.inputs.isdisjoint(view.changed_since(earlier[0]))):
        found = earlier[1]
    else:
        found = step.check(view, stratum)
        if len(_EARLIER) > _EARLIER_LIMIT:
            _EARLIER.clear()
        _EARLIER[key] = (view, found)
    memo[key] = found
    return found


# --- evaluate ---------------------------------------------------------------------------------------------


def evaluate(
    compiled: CompiledTrial, facts: PatientFacts, overrides: Mapping[int, Override] | None = None
) -> TrialEvaluation:
    """Every criterion of the trial for this patient, and the verdict with its one-line reason."""
    plan = _plan(compiled)
    view, memo = _memo_for(facts)
    last = plan.last
    if last is not None and last[1] == overrides:
        if last[0] is view:
            return last[2]
        if plan.inputs.isdisjoint(view.changed_since(last[0])):
            plan.last = (view, overrides, last[2])
            return last[2]
    results: list[CriterionResult] = []
    for step in plan.steps:
        override = overrides.get(step.index) if overrides else None
        previous = step.last[0] if step.last else None
        if (
            previous is not None
            and previous[1] == override
            and (previous[0] is view or step.inputs.isdisjoint(view.changed_since(previous[0])))
        ):
            results.extend(previous[2])
            continue
        found = _run(step, view, memo, plan.strata, override)
        step.last[:] = [(view, override, found)]
        results.extend(found)
    if plan.alternatives:
        results = _judge_alternatives(plan.alternatives, results)
    evaluation = _verdict(compiled.trial_id, plan, tuple(results))
    plan.last = (view, overrides, evaluation)
    return evaluation


def _run(
    step: _Step, view: PatientView, memo: _Memo, strata: tuple[str, ...], override: Override | None
) -> tuple[CriterionResult, ...]:
    """The step's result(s) for this patient: one, or one per stratum group when variants disagree."""
    stratum = step.criterion.criterion.stratum
    if step.fixed is not None:
        return (_result(step, step.fixed, stratum, override),)
    answers = [memo.get(key) or _answer(step, key, asked, view, memo) for key, asked in step.asks]
    if len(answers) == 1:
        return (_result(step, answers[0], stratum, override),)
    return tuple(_stratified(step, answers, strata, override))


def _outcome(truth: bool | None, inclusion: bool) -> Outcome:
    if truth is None:
        return Outcome.UNKNOWN
    return Outcome.PASS if truth is inclusion else Outcome.FAIL


def _result(
    step: _Step, assessment: Assessment, stratum: str | None, override: Override | None
) -> CriterionResult:
    result = _outcome(assessment.truth, step.inclusion)
    reason = assessment.reason
    if override is not None:
        word = {Outcome.PASS: "met", Outcome.FAIL: "not met", Outcome.UNKNOWN: "to check"}[override.result]
        reason = f"clinician: {word} ({override.note}); engine: {reason}"
        result = override.result
    criterion = step.criterion.criterion
    return CriterionResult(
        index=step.index,
        section=criterion.section,
        number=criterion.number,
        text=criterion.text,
        stratum=stratum,
        kind=step.criterion.rule.kind,
        result=result,
        reason=reason,
        values_used=assessment.values_used,
        missing=assessment.missing,
        to_satisfy=assessment.hint if result is Outcome.FAIL else None,
        override=override,
        needs_review=step.needs_review,
    )


def _stratified(
    step: _Step, answers: list[Assessment], strata: tuple[str, ...], override: Override | None
) -> list[CriterionResult]:
    """A rule with in-item stratum variants: one result when every stratum gets the same answer, else one
    for each variant stratum and one for the rest."""
    base = answers[0]
    variants = {
        stratum: answer for (_, stratum), answer in zip(step.asks[1:], answers[1:], strict=True) if stratum
    }
    if all(
        _outcome(a.truth, step.inclusion) is _outcome(base.truth, step.inclusion) for a in variants.values()
    ):
        notes = [f"Stratum {s}: {a.reason}" for s, a in variants.items() if a.reason != base.reason]
        merged = Assessment(
            base.truth, "; ".join([base.reason, *notes]), base.values_used, base.missing, base.hint
        )
        return [_result(step, merged, step.criterion.criterion.stratum, override)]
    others = [s for s in strata if s not in variants]
    found = [_result(step, base, ", ".join(others), override)] if others else []
    found += [_result(step, answer, s, override) for s, answer in variants.items()]
    return found


# --- alternatives ----------------------------------------------------------------------------------------


def _alternative_groups(steps: tuple[_Step, ...]) -> dict[int, tuple[Alternative, bool]]:
    """Each alternative item with whether its list is flat, decided once per trial: a list with sub-headings
    ("Group 2:" and the features it needs) puts its items under more than one context."""
    contexts: dict[tuple[Section, str], set[str | None]] = {}
    for step in steps:
        if isinstance(step.criterion.rule, Alternative):
            key = (step.criterion.criterion.section, step.criterion.rule.group)
            contexts.setdefault(key, set()).add(step.criterion.criterion.context)
    return {
        step.index: (rule, len(contexts[(step.criterion.criterion.section, rule.group)]) == 1)
        for step in steps
        if isinstance(rule := step.criterion.rule, Alternative)
    }


def _judge_alternatives(
    alternatives: Mapping[int, tuple[Alternative, bool]], results: list[CriterionResult]
) -> list[CriterionResult]:
    """Items under "at least one of the following" decide together: an unmet item is met when enough of its
    siblings are, unmet only when too few can still be, and otherwise waits on the unknown ones. A list with
    sub-headings is not a flat choice: there an unmet item is left to the clinician, since counting a group's
    features as alternatives would admit a patient with one of them."""
    groups: dict[tuple[Section, str, str | None], list[int]] = {}
    for position, result in enumerate(results):
        found = alternatives.get(result.index)
        if found is not None:
            groups.setdefault((result.section, found[0].group, result.stratum), []).append(position)
    judged = list(results)
    for (_, heading, _), positions in groups.items():
        rule, flat = alternatives[results[positions[0]].index]
        outcomes = [results[p].result for p in positions]
        met = outcomes.count(Outcome.PASS)
        possible = met + outcomes.count(Outcome.UNKNOWN)
        count = f"{met} of the {len(positions)} alternatives under '{heading}' met, {rule.needed} needed"
        for position in positions:
            result = results[position]
            if not flat:
                if result.result is Outcome.FAIL:
                    reason = f"{result.reason}; one of the alternatives under '{heading}', listed with "
                    reason += "sub-headings: judge it with the others"
                    judged[position] = dataclasses.replace(result, result=Outcome.UNKNOWN, reason=reason)
            elif met >= rule.needed and result.result is not Outcome.PASS:
                reason = f"met through another alternative ({count}); this one: {result.reason}"
                judged[position] = dataclasses.replace(
                    result, result=Outcome.PASS, reason=reason, to_satisfy=None
                )
            elif result.result is Outcome.FAIL and possible >= rule.needed:
                judged[position] = dataclasses.replace(
                    result, result=Outcome.UNKNOWN, reason=f"{result.reason}; {count}: the others decide"
                )
            elif result.result is Outcome.FAIL:
                judged[position] = dataclasses.replace(result, reason=f"{result.reason}; {count}")
    return judged


# --- verdict ----------------------------------------------------------------------------------------------


def _applies(result: CriterionResult, stratum: str) -> bool:
    return result.stratum is None or stratum in {s.strip() for s in result.stratum.split(",")}


def _closed_strata(closed: list[str], failed: list[CriterionResult], word: str) -> str:
    """Each closed stratum with the first failure that closes it: "stratum A, B excluded (FOLFOX ...);
    stratum D excluded (platelets ...)". One reason for all quoted stratum D's platelet limit as the reason
    strata A and B were closed."""
    by_reason: dict[str, list[str]] = {}
    for stratum in closed:
        first = next(r for r in failed if _applies(r, stratum))
        by_reason.setdefault(first.reason, []).append(stratum)
    return "; ".join(f"stratum {', '.join(strata)}{word} ({reason})" for reason, strata in by_reason.items())


def _verdict(trial_id: str, plan: _Plan, results: tuple[CriterionResult, ...]) -> TrialEvaluation:
    failed = [r for r in results if r.result is Outcome.FAIL]
    unknown = [r for r in results if r.result is Outcome.UNKNOWN]
    open_strata: tuple[str, ...] = ()
    if plan.strata:
        open_strata = tuple(s for s in plan.strata if not any(_applies(r, s) for r in failed))
        if not open_strata:
            # A failure binding every stratum says why better than each stratum's own.
            everywhere = next((r for r in failed if r.stratum is None), None)
            why = everywhere.reason if everywhere else _closed_strata(list(plan.strata), failed, "")
            verdict, reason = Verdict.INELIGIBLE, f"every stratum excluded: {why}"
        else:
            eligible = [
                s for s in open_strata if all(r.result is Outcome.PASS for r in results if _applies(r, s))
            ]
            closed = [s for s in plan.strata if s not in open_strata]
            verdict = Verdict.ELIGIBLE if eligible else Verdict.POSSIBLE
            shown = eligible or open_strata
            word = "eligible" if eligible else "possible"
            reason = f"{word} for stratum {', '.join(shown)}"
            if closed:
                reason += "; " + _closed_strata(closed, failed, " excluded")
            elif unknown and not eligible:
                reason += f"; {len(unknown)} to check"
    elif failed:
        verdict = Verdict.INELIGIBLE
        more = f" (+{len(failed) - 1} more)" if len(failed) > 1 else ""
        reason = f"{failed[0].reason}{more}"
    elif not plan.has_criteria:
        verdict, reason = Verdict.POSSIBLE, "no eligibility criteria on record"
    elif unknown:
        verdict = Verdict.POSSIBLE
        reason = f"{len(unknown)} criteria to check, none unmet"
    else:
        verdict, reason = Verdict.ELIGIBLE, f"all {len(results)} criteria met"
    # A near miss is a trial the patient is out of because of one criterion alone; a failure that only
    # closes some strata leaves the trial open and is said in the verdict instead.
    near_miss = None
    if verdict is Verdict.INELIGIBLE and len(failed) == 1:
        near_miss = f"{failed[0].text}: {failed[0].to_satisfy or failed[0].reason}"
    return TrialEvaluation(
        trial_id=trial_id,
        verdict=verdict,
        reason=reason,
        results=results,
        open_strata=open_strata,
        n_fail=len(failed),
        n_unknown=len(unknown),
        near_miss=near_miss,
    )
