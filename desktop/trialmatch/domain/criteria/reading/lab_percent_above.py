"""A limit printed as a percentage above the upper limit of normal: "Bilirubin less than 25% above ULN for
age" is < 1.25 × ULN, the multiple the rule keeps (a percentage of the analyte's own unit it is not)."""

from __future__ import annotations

import re
from dataclasses import replace

from trialmatch.domain.criteria.reading.numbers import Number, Quantity
from trialmatch.domain.criteria.reading.text import Segment

_ABOVE = re.compile(
    r"\s*(?:above|over)\s+(?:the\s+)?(?:institutional\s+)?(?:uln|upper\s+limit\s+of\s+(?:the\s+)?normal)"
    r"(?:\s+for\s+age)?(?![a-z])"
)


def percent_above(segment: Segment, quantities: list[Quantity]) -> list[Quantity]:
    """The quantities with each "N% above ULN" read as (1 + N/100) × ULN; "above ULN" is no limit of its own
    there."""
    if not segment.contains("above", "over"):
        return quantities
    read: dict[int, Quantity] = {}
    for q in quantities:
        above = _ABOVE.match(segment.norm, q.end, segment.end) if q.unit == "%" else None
        if above and q.comparator and q.upper is None:
            multiple = Number(round(1 + q.number.value / 100, 6), None)
            read[q.start] = replace(
                q, end=above.end(), number=multiple, unit=None, unit_text=None, multiple_of="uln"
            )
    if not read:
        return quantities
    spans = [(q.start, q.end) for q in read.values()]
    kept = [
        read.get(q.start, q)
        for q in quantities
        if q.start in read or not any(s < q.end and q.start < e for s, e in spans)
    ]
    return kept
