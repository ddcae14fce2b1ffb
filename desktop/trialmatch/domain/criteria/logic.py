"""AnyOf / AllOf: criteria that join several statements ("ALT and/or AST > 5 x ULN",
"creatinine ≤ 1.5 x ULN or creatinine clearance ≥ 60 mL/min"); Alternative: an item that is one of several
listed under "at least one of the following", judged with the items beside it.

An empty AllOf states nothing and holds ("Hematopoietic: Not specified"); an empty AnyOf never holds.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Literal, overload

from trialmatch.domain.criteria.base import RuleBase
from trialmatch.domain.criteria.per_stratum import PerStratum

if TYPE_CHECKING:
    from trialmatch.domain.criteria.registry import Rule


class AnyOf(RuleBase):
    """Holds when at least one child holds."""

    kind: Literal["any_of"] = "any_of"
    children: list[Rule]
    read_both_ways: bool = False
    """The words joining the children may mean "all" as well as "any": see ``AllOf.read_both_ways``."""


class AllOf(RuleBase):
    """Holds when every child holds."""

    kind: Literal["all_of"] = "all_of"
    children: list[Rule]
    read_both_ways: bool = False
    """An exclusion's "AST and ALT > 3 × ULN" may mean either value raised (as the inclusion's "AST and ALT
    ≤ 3 × ULN" asks each) as well as both: the statement holds only when every child does, fails only when
    none does, and is unknown when they differ, instead of letting in a patient with one value raised."""


class Alternative(RuleBase):
    """One item of a list its heading asks ``needed`` of ("Meets at least 1 of the following"). Its one child
    is what the item states; the evaluation counts the items under the same heading, so an unmet item fails
    only when too few of its siblings can still be met."""

    kind: Literal["alternative"] = "alternative"
    needed: int = 1
    group: str
    """The heading that lists the alternatives, up to "... of the following" (lower case): the group's key."""
    children: list[Rule]


JOINING = (AnyOf, AllOf, Alternative, PerStratum)
"""The kinds that hold other rules in ``children``: a walker over a rule tree descends into these."""


def spanning(rules: Sequence[Rule]) -> tuple[int, int]:
    """The source span from the first rule's start to the last one's end."""
    return min(r.source_span[0] for r in rules), max(r.source_span[1] for r in rules)


def all_of_merged(rules: Sequence[Rule], span: tuple[int, int], read_both_ways: bool = False) -> AllOf:
    """All of ``rules``, an AllOf among them giving its children in its place: one flat AllOf. One read both
    ways, or a plain one inside a whole read both ways (a range's two bounds), stays whole."""
    children = [
        child
        for rule in rules
        for child in (
            rule.children if isinstance(rule, AllOf) and rule.read_both_ways == read_both_ways else [rule]
        )
    ]
    return AllOf(source_span=span, children=children, read_both_ways=read_both_ways)


def leaves(rule: Rule) -> Iterator[Rule]:
    """The statements a joining tree holds, depth first in printed order (the rule itself for any other)."""
    if isinstance(rule, JOINING):
        for child in rule.children:
            yield from leaves(child)
    else:
        yield rule


@overload
def map_leaves(rule: Rule, change: Callable[[Rule], Rule]) -> Rule: ...
@overload
def map_leaves(rule: Rule, change: Callable[[Rule], Rule | None]) -> Rule | None: ...
def map_leaves(rule: Rule, change: Callable[[Rule], Rule | None]) -> Rule | None:
    """The tree with every statement replaced by ``change(statement)`` ("a timepoint on each threshold");
    None when ``change`` gives None for any of them (a part that cannot carry what the others get)."""
    if not isinstance(rule, JOINING):
        return change(rule)
    children = [map_leaves(child, change) for child in rule.children]
    if any(child is None for child in children):
        return None
    return rule.model_copy(update={"children": children})


def leaf_kinds(rule: Rule) -> set[str]:
    """The kinds of the statements a joining tree holds (its own kind for any other rule)."""
    return {leaf.kind for leaf in leaves(rule)}


THRESHOLD_KINDS = frozenset({"lab", "derived"})


def reads_with_threshold(rule: Rule) -> bool:
    """Whether the rule holds a lab or derived threshold and nothing left for review."""
    kinds = leaf_kinds(rule)
    return "review" not in kinds and bool(kinds & THRESHOLD_KINDS)
