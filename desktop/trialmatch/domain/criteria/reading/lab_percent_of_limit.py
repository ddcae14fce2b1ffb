"""A limit printed as a percentage of a reference limit: "DLCO at least 60% of the lower limit of predicted
value" is ≥ 0.6 × LLN, "DLCO greater than 50% of predicted lower limit" > 0.5 × LLN, "bilirubin ≤ 150% of
ULN" ≤ 1.5 × ULN: the multiple the rule keeps.

For a pulmonary function test the lower limit of the predicted value is the lower limit of normal of the
reference equations, which the laboratory reports beside the percentage of predicted (the engine assumes its
default limit, saying so, when it does not). A percentage of that limit is not a percentage of the predicted
value: "≥ 60 %" would fail a DLCO of 50 % of predicted that meets the trial's 0.6 × LLN (45 % for an LLN of
75 %).

A share of the upper limit below the whole of it is not read: "serum creatinine exceeds 50% of the upper limit
of normal value" would exclude nearly every patient; it means above the limit by 50 %, or is misprinted."""

from __future__ import annotations

import re
from dataclasses import replace

from trialmatch.domain.criteria.reading.numbers import LLN, ULN, Number, Quantity
from trialmatch.domain.criteria.reading.text import Segment

_PREDICTED = r"(?:\s+(?:of\s+)?(?:the\s+)?predicted(?:\s+(?:normal\s+)?values?)?)?"
_OF_LIMIT = re.compile(
    r"\s*(?:of\s+)?(?:the\s+)?(?:(?P<lln>(?:predicted\s+)?"
    + LLN
    + _PREDICTED
    + r"|predicted\s+lower\s+limit(?:\s+of\s+normal)?)|(?P<uln>"
    + ULN
    + r"))(?![a-z])"
)
_CUES = ("lower", "lln", "upper", "uln")


def percent_of_limit(segment: Segment, quantities: list[Quantity]) -> list[Quantity]:
    """The quantities with each "N% of LLN" ("N% of the lower limit of predicted", "N% of ULN") read as
    N/100 × that limit; the limit is no threshold of its own there."""
    if not segment.contains(*_CUES):
        return quantities
    read: dict[int, Quantity] = {}
    for q in quantities:
        limit = (
            _OF_LIMIT.match(segment.norm, q.end, segment.end)
            if q.unit == "%" and segment.norm[q.end - 1] == "%"  # not "≥ 50% or above the LLN"
            else None
        )
        if limit and limit.group("uln") and q.number.value < 100:
            continue  # "creatinine exceeds 50% of the upper limit of normal": by 50 %, or a misprint
        if limit and q.comparator and q.upper is None:
            multiple = Number(round(q.number.value / 100, 6), None)
            read[q.start] = replace(
                q,
                end=limit.end(),
                number=multiple,
                unit=None,
                unit_text=None,
                multiple_of="lln" if limit.group("lln") else "uln",
            )
    if not read:
        return quantities
    spans = [(q.start, q.end) for q in read.values()]
    return [
        read.get(q.start, q)
        for q in quantities
        if q.start in read or not any(s < q.end and q.start < e for s, e in spans)
    ]
