"""A trial compiled for matching: every criterion with its rule, plus the registry's own age/sex fields.

Compiled once at import (rules stored as JSON) and held in memory; ``evaluation`` builds its per-rule checks
from it on first use and keeps them with it, so matching never parses text or converts units twice.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, ConfigDict, PrivateAttr

from trialmatch.domain.criteria import (
    AgeRule,
    AllOf,
    AnyOf,
    NeedsReview,
    Rule,
    SexRule,
    StageRule,
    parse_criterion,
)
from trialmatch.domain.criteria.checks import rule_strata
from trialmatch.domain.segmentation import named_strata
from trialmatch.domain.trial import Criterion, Section, Sex, Trial


class CompiledCriterion(BaseModel):
    model_config = ConfigDict(extra="forbid")

    criterion: Criterion
    rule: Rule
    registry_field: bool = False
    """True for the synthetic criteria made from the registry's structured age and sex fields."""


class CompiledTrial(BaseModel):
    """``criteria`` keeps the trial's order (index i is ``trial.criteria[i]``), registry-field criteria
    after them, so clinician overrides keyed by index survive a recompile."""

    model_config = ConfigDict(extra="forbid")

    trial_id: str
    min_age: float | None = None
    max_age: float | None = None
    sex: Sex = Sex.ALL
    strata: list[str]
    criteria: list[CompiledCriterion]
    _plan: Any = PrivateAttr(default=None)
    """The evaluation plan (``evaluation._Plan``), built on the first ``evaluate``; never serialised."""


def compile_trial(trial: Trial, rules: Sequence[Rule] | None = None) -> CompiledTrial:
    """Parse each criterion (or take ``rules`` already parsed at import, one per criterion, in order)."""
    if rules is not None and len(rules) != len(trial.criteria):
        raise ValueError(f"{trial.id}: {len(rules)} rules for {len(trial.criteria)} criteria")
    compiled = [
        CompiledCriterion(
            criterion=criterion,
            rule=rules[i]
            if rules is not None
            else parse_criterion(criterion.text, criterion.section, criterion.context),
        )
        for i, criterion in enumerate(trial.criteria)
    ]
    _sibling_stages_as_alternatives(compiled)
    compiled.extend(_registry_criteria(trial))
    strata = {s for c in compiled for s in c.criterion.strata}
    strata.update(s for c in compiled for s in rule_strata(c.rule))
    strata.update(s for c in compiled for s in named_strata(c.criterion.text))
    return CompiledTrial(
        trial_id=trial.id,
        min_age=trial.min_age,
        max_age=trial.max_age,
        sex=trial.sex,
        strata=sorted(strata),
        criteria=compiled,
    )


_STAGE_ITEM = re.compile(r"\W*(?:[A-Za-z]+\s+)?stage\s", re.IGNORECASE)
""""Stage II with amplified N-myc", "INSS stage 3; ...": an item that opens with the stage it names."""


def _sibling_stages_as_alternatives(compiled: list[CompiledCriterion]) -> None:
    """Inclusion items listed side by side under one heading that each name stages ("Study: Histologically
    proven neuroblastoma" - "Stage I", "Stage II with amplified N-myc", "Stage III") are alternatives: no
    patient is at all of them, and each read as a requirement would fail every patient. Met, one settles the
    list; unmet, the clinician judges the others."""
    groups: dict[tuple[str | None, str | None], list[int]] = {}
    for index, item in enumerate(compiled):
        if item.criterion.section is Section.INCLUSION and (
            _names_stages(item.rule) or _STAGE_ITEM.match(item.criterion.text)
        ):
            groups.setdefault((item.criterion.context, item.criterion.stratum), []).append(index)
    why = "one of several stage items listed together: if unmet, judge the others"
    for indices in groups.values():
        if len(indices) < 2:
            continue
        for index in (i for i in indices if _names_stages(compiled[i].rule)):
            item = compiled[index]
            span = item.rule.source_span
            other = NeedsReview(source_span=span, text=item.criterion.text, why=why)
            compiled[index] = item.model_copy(
                update={"rule": AnyOf(source_span=span, children=[item.rule, other])}
            )


def _names_stages(rule: Rule) -> bool:
    if isinstance(rule, AllOf):
        return any(isinstance(child, StageRule) for child in rule.children)
    return isinstance(rule, StageRule)


def _registry_criteria(trial: Trial) -> list[CompiledCriterion]:
    """ "Age 18 years or older (registry field)": the structured fields are criteria a clinician can read."""
    found = []
    low = trial.min_age if trial.min_age else None
    high = trial.max_age
    if low is not None or high is not None:
        if low is not None and high is not None:
            text = f"Age {_years(low)} to {_years(high)} years (registry field)"
        elif low is not None:
            text = f"Age {_years(low)} years or older (registry field)"
        else:
            text = f"Age {_years(high or 0)} years or younger (registry field)"
        rule = AgeRule(source_span=(0, len(text)), min=low, max=high)
        found.append(_synthetic(text, rule))
    if trial.sex is not Sex.ALL:
        text = f"{trial.sex.value.capitalize()} participants only (registry field)"
        sex = "female" if trial.sex is Sex.FEMALE else "male"
        found.append(_synthetic(text, SexRule(source_span=(0, len(text)), sex=sex)))
    return found


def _synthetic(text: str, rule: Rule) -> CompiledCriterion:
    return CompiledCriterion(
        criterion=Criterion(section=Section.INCLUSION, text=text), rule=rule, registry_field=True
    )


def _years(value: float) -> str:
    return f"{value:g}"
