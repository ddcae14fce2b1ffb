"""A limit for an age band printed in a bracket after the limit for everyone: "Pre-BD FEV₁ ≥40% and <80% (<90%
for participants 12 to 17 years of age) of predicted", "FEV1 ≥ 50% (≥ 40% for patients aged ≥ 65 years)".

The bracket replaces the limit before it for the patients of those ages, as a bracket for one sex does
(``lab_sex_variant``): the item is then one reading per age band, "the other ages and the limit for everyone,
or the ages named and their own limit", an AnyOf that reads the same in either section (an exclusion
excludes the patients of either band past their band's limit). Only a bracket that opens right after a
threshold and holds one limit on the same side, in the same unit, and an age band with nothing else is read
so; the item with the bracket left out must read fully with a threshold. Read as one lab sentence, the ages
were a time span the lab reader could not place.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from trialmatch.domain.criteria.age import AgeRule
from trialmatch.domain.criteria.derived import DerivedValueRule
from trialmatch.domain.criteria.lab import LabThreshold
from trialmatch.domain.criteria.logic import (
    AnyOf,
    all_of_merged,
    leaf_kinds,
    leaves,
    map_leaves,
    reads_with_threshold,
)
from trialmatch.domain.criteria.reading.numbers import find_quantities
from trialmatch.domain.criteria.reading.read_people import read_age_and_sex
from trialmatch.domain.criteria.reading.text import Segment, masked
from trialmatch.domain.criteria.registry import Rule
from trialmatch.domain.trial import Section

_BRACKET = re.compile(
    r"\(\s*(?P<limit>(?:<=|>=|[<>≤≥])\s*\d+(?:\.\d+)?\s*[^\s()\d][^\s()]*)\s+(?:for|in)\s+(?P<who>[^()]*?years?"
    r"(?:\s+(?:of\s+age|old))?|[^()]*?ages?\s+\d+(?:\s*(?:to|-)\s*\d+)?)\s*\)"
)
""""(<90% for participants 12 to 17 years of age)", "(≥ 40% for patients aged ≥ 65 years)": the limit, then
the ages it is for."""


def read_age_variant(
    whole: Segment, section: Section, heading: str, read_part: Callable[[Segment, Section, str], Rule | None]
) -> Rule | None:
    """The item read once per age band when a bracket after one of its thresholds gives that threshold for an
    age band; else None."""
    if "(" not in whole.text or not whole.contains("year", "age"):
        return None
    brackets = list(_BRACKET.finditer(whole.norm, whole.start, whole.end))
    if len(brackets) != 1:
        return None
    bracket = brackets[0]
    ages = read_age_and_sex(whole.sub(*bracket.span("who")), heading)
    if ages is None or not isinstance(ages.rule, AgeRule):
        return None
    band = ages.rule
    limits = find_quantities(whole.norm[: bracket.end("limit")], whole.printed, bracket.start("limit"))
    if len(limits) != 1 or limits[0].upper or limits[0].multiple_of:
        return None
    limit = limits[0]
    comparator = limit.comparator
    if comparator is None:
        return None
    base = read_part(masked(whole, [bracket.span()]), section, heading)
    if base is None or not reads_with_threshold(base) or not leaf_kinds(base) <= {"lab", "derived"}:
        return None
    before = whole.norm[: bracket.start()].rstrip()
    replaced = [
        leaf
        for leaf in leaves(base)
        if isinstance(leaf, LabThreshold | DerivedValueRule) and leaf.source_span[1] == len(before)
    ]
    if len(replaced) != 1:
        return None
    target = replaced[0]
    same_side = target.comparator.is_lower_bound == comparator.is_lower_bound
    if not same_side or target.multiple_of or limit.unit != target.unit:
        return None
    variant = target.model_copy(
        update={
            "comparator": comparator,
            "value": limit.number.value,
            "source_span": (limit.start, limit.end),
        }
    )
    for_the_band = map_leaves(base, lambda leaf: variant if leaf is target else leaf)
    return AnyOf(
        source_span=whole.span,
        children=[
            all_of_merged([_other_ages(band), base], whole.span),
            all_of_merged([band, for_the_band], whole.span),
        ],
    )


def _other_ages(band: AgeRule) -> AgeRule | AnyOf:
    """The ages outside the band: below its minimum or above its maximum."""
    span = band.source_span
    below = (
        AgeRule(source_span=span, max=band.min, max_inclusive=not band.min_inclusive)
        if band.min is not None
        else None
    )
    above = (
        AgeRule(source_span=span, min=band.max, min_inclusive=not band.max_inclusive)
        if band.max is not None
        else None
    )
    if below is not None and above is not None:
        return AnyOf(source_span=span, children=[below, above])
    return below or above or AnyOf(source_span=span, children=[])
