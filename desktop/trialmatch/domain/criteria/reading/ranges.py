"""Ranges printed as two thresholds joined by "to": "BMI of 18 to <40 kg/m2", "BMI within 18.0 kg/m2 to 32.0
kg/m2". The first number has no comparator of its own (or the "within" that opens the range), so read alone it
stops the reader; it is the range's lower bound, in the unit of the second when it prints none."""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

from trialmatch.domain.criteria.base import Comparator
from trialmatch.domain.criteria.reading.numbers import Quantity

_TO = re.compile(r"\s*(?:to|-|~)\s*")
_WITHIN = re.compile(r"within\s")


def read_ranges(norm: str, quantities: list[Quantity]) -> None:
    """Set the comparators of a lower and an upper bound printed "A to B" or "A to < B" (in place)."""
    for index, (low, high) in enumerate(pairwise(list(quantities))):
        if low.comparator is not None and not (
            low.comparator is Comparator.LE and _WITHIN.match(norm, low.start)
        ):
            continue
        if high.comparator is not None and high.comparator.is_lower_bound:
            continue
        if low.upper or high.upper or low.time_unit or high.time_unit or low.times_only or high.times_only:
            continue
        if low.multiple_of != high.multiple_of or (low.unit_text and low.unit != high.unit):
            continue
        if not _TO.fullmatch(norm, low.end, high.start):
            continue
        quantities[index] = replace(
            low, comparator=Comparator.GE, unit=high.unit, unit_text=low.unit_text or high.unit_text
        )
        quantities[index + 1] = replace(high, comparator=high.comparator or Comparator.LE)


_BUT = re.compile(r"\s*,?\s*but\s+")


def but_between_bounds(norm: str, quantities: list[Quantity]) -> list[tuple[int, int]]:
    """ "CD4 count >= 100 but < 500 cells/mm3", "PSA >10 but ≤ 100": the "but" between a lower and an upper
    bound side by side joins the two ends of one range."""
    spans = []
    for low, high in pairwise(quantities):
        if low.comparator is None or high.comparator is None:
            continue
        if (
            low.comparator.is_lower_bound == high.comparator.is_lower_bound
            or low.multiple_of != high.multiple_of
        ):
            continue
        if low.unit and high.unit and low.unit != high.unit:
            continue
        lower, upper = (low, high) if low.comparator.is_lower_bound else (high, low)
        if lower.number.value >= upper.number.value:
            continue  # "≤ 1.5 but ≥ 2" bounds no range
        but = _BUT.fullmatch(norm, low.end, high.start)
        if but:
            spans.append(but.span())
    return spans
