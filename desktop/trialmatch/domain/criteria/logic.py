"""AnyOf / AllOf: criteria that join several statements ("ALT and/or AST > 5 x ULN",
"creatinine ≤ 1.5 x ULN or creatinine clearance ≥ 60 mL/min").

An empty AllOf states nothing and holds ("Hematopoietic: Not specified"); an empty AnyOf never holds.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from trialmatch.domain.criteria.base import RuleBase

if TYPE_CHECKING:
    from trialmatch.domain.criteria.registry import Rule


class AnyOf(RuleBase):
    """Holds when at least one child holds."""

    kind: Literal["any_of"] = "any_of"
    children: list[Rule]


class AllOf(RuleBase):
    """Holds when every child holds."""

    kind: Literal["all_of"] = "all_of"
    children: list[Rule]


def leaf_kinds(rule: Rule) -> set[str]:
    """The kinds of the statements an AnyOf/AllOf tree joins (its own kind for any other rule)."""
    if isinstance(rule, AnyOf | AllOf):
        return set().union(*(leaf_kinds(child) for child in rule.children))
    return {rule.kind}
