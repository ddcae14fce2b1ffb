"""The rule union: every kind, discriminated by ``kind``, and its JSON round trip.

Adding a kind means a module beside the others and a line in ``Rule`` and ``RULE_KINDS``.
"""

from __future__ import annotations

from typing import Annotated, TypeAlias

from pydantic import Field, TypeAdapter

from trialmatch.domain.criteria.age import AgeRule
from trialmatch.domain.criteria.base import RuleBase
from trialmatch.domain.criteria.derived import DerivedValueRule
from trialmatch.domain.criteria.finding import FindingRule
from trialmatch.domain.criteria.lab import LabThreshold
from trialmatch.domain.criteria.logic import AllOf, Alternative, AnyOf
from trialmatch.domain.criteria.per_stratum import PerStratum
from trialmatch.domain.criteria.performance import PerformanceStatusRule
from trialmatch.domain.criteria.review import NeedsReview
from trialmatch.domain.criteria.sex import SexRule
from trialmatch.domain.criteria.stage import StageRule
from trialmatch.domain.criteria.t_category import TCategoryRule
from trialmatch.domain.criteria.temporal import TemporalTherapyRule

Rule: TypeAlias = Annotated[
    LabThreshold
    | AgeRule
    | SexRule
    | PerformanceStatusRule
    | FindingRule
    | TemporalTherapyRule
    | DerivedValueRule
    | StageRule
    | TCategoryRule
    | AnyOf
    | AllOf
    | Alternative
    | PerStratum
    | NeedsReview,
    Field(discriminator="kind"),
]

_KIND_CLASSES: tuple[type[RuleBase], ...] = (
    LabThreshold,
    AgeRule,
    SexRule,
    PerformanceStatusRule,
    FindingRule,
    TemporalTherapyRule,
    DerivedValueRule,
    StageRule,
    TCategoryRule,
    AnyOf,
    AllOf,
    Alternative,
    PerStratum,
    NeedsReview,
)
RULE_KINDS: dict[str, type[RuleBase]] = {cls.model_fields["kind"].default: cls for cls in _KIND_CLASSES}
"""Kind name ("lab", "age", ...) to model class: the coverage report and the GUI legend list kinds from it."""

AnyOf.model_rebuild(_types_namespace={"Rule": Rule})
AllOf.model_rebuild(_types_namespace={"Rule": Rule})
Alternative.model_rebuild(_types_namespace={"Rule": Rule})
PerStratum.model_rebuild(_types_namespace={"Rule": Rule})

_ADAPTER: TypeAdapter[Rule] = TypeAdapter(Rule)


def rule_to_json(rule: Rule) -> str:
    """The stored form: compact JSON, read back exactly by ``rule_from_json``."""
    return _ADAPTER.dump_json(rule).decode()


def rule_from_json(data: str | bytes) -> Rule:
    return _ADAPTER.validate_json(data)
