""" "Post-bronchodilator FEV1/FVC ≤ 0.7 but FEV1 ≥ 50% of predicted": a "but" between one value and the next
test's name joins the two thresholds as "and" does (the joiner reads it so); the word is claimed here only
there, right after a value and right before a name, so "but not", or a "but" opening a clause of its own
("..., but patients on dialysis are eligible"), stays unread."""

from __future__ import annotations

import re
from collections.abc import Iterable

from trialmatch.domain.criteria.reading.numbers import Quantity
from trialmatch.domain.criteria.reading.text import Segment, Span

_BUT = re.compile(r"\s*,?\s*but\s+(?!not(?![a-z]))")


_LUNG_FUNCTION = frozenset({"fev1", "fev1_volume", "fvc", "fev1_fvc", "dlco", "tlc_lung", "vital_capacity"})


def but_before_a_name(
    segment: Segment, quantities: list[Quantity], analytes: frozenset[str], names: Iterable[int]
) -> list[Span]:
    """The spans of each "but" right after a value and right before a test named at one of ``names``, when
    ``analytes`` (every test the segment names) are lung function tests."""
    if not analytes or not analytes <= _LUNG_FUNCTION:
        return []
    starts = set(names)
    spans = []
    for quantity in quantities:
        but = _BUT.match(segment.norm, quantity.end, segment.end)
        if but is not None and but.end() in starts:
            spans.append(but.span())
    return spans
