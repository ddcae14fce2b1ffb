"""A clotting-time limit printed as seconds over a reference: "PT > ULN + 4 seconds", "PTT ≤ 5 seconds above
the ULN", "PT or PTT prolonged by greater than 2 seconds", "PT within 3 seconds of institutional norm".

The seconds are added to the reference, which the rule keeps as a multiple (1 × ULN, 1 × control) with
``plus_seconds``: a number of seconds is no clotting time of its own ("≤ 5 seconds" is no PTT).

"Prolonged by", "above normal" and "within ... of the norm" name no limit: the excess may be over the
upper limit of normal or over the control (a normal plasma, inside the normal range). They are read as over
the control, which the evaluator decides only where both ends of the laboratory's normal range agree, so
either reading gives the same verdict or none. "ULN" and "upper limit of normal" are read as printed.
"""

from __future__ import annotations

import re
from dataclasses import replace

from trialmatch.domain.criteria.reading.numbers import Number, Quantity
from trialmatch.domain.criteria.reading.text import Segment

_PLUS = re.compile(r"\s*\+\s*")
_REFERENCE = (
    r"(?:the\s+)?(?:institutional\s+|laboratory\s+|local\s+)?"
    r"(?:(?P<uln>uln|upper\s+limits?\s+of\s+(?:the\s+)?normal(?:\s+range)?)|control|norm|normal(?:\s+range)?)"
    r"(?![a-z])"
)
_ABOVE = re.compile(r"\s+(?:above|over|beyond|(?:greater|more|longer)\s+than)\s+" + _REFERENCE)
_OF = re.compile(r"\s+of\s+" + _REFERENCE)
_PROLONGED = re.compile(r"(?<![a-z])prolonged\s+(?:by|for)\s+$")
_MOST = 20.0
"""More seconds than this over a reference is no excess a protocol sets ("PT prolonged for > 25 s")."""


def seconds_over(segment: Segment, quantities: list[Quantity]) -> list[Quantity]:
    """The quantities with each number of seconds over a reference read as that reference plus the seconds;
    the words naming the reference are part of the threshold."""
    if not any(q.unit == "s" for q in quantities) or not segment.contains(
        "+", "above", "over", "beyond", "than", "prolong", "within"
    ):
        return quantities
    read: list[Quantity] = []
    for index, q in enumerate(quantities):
        if q.unit != "s" or q.upper is not None or not 0 < q.number.value <= _MOST:
            continue
        before = quantities[index - 1] if index else None
        if (
            q.comparator is None
            and before is not None
            and before.multiple_of in {"uln", "control"}
            and before.comparator is not None
            and before.upper is None
            and _PLUS.fullmatch(segment.norm, before.end, q.start)
        ):
            read.append(_over(before, q, before.start, q.end, before.multiple_of, before.number))
            continue
        if q.comparator is None:
            continue
        norm = segment.norm
        within = norm.startswith("within", q.start)
        reference = (_OF if within else _ABOVE).match(norm, q.end, segment.end)
        if reference:
            multiple = "uln" if reference.group("uln") else "control"
            read.append(_over(q, q, q.start, reference.end(), multiple, Number(1.0, None)))
            continue
        prolonged = None if within else _PROLONGED.search(norm, max(segment.start, q.start - 20), q.start)
        if prolonged:
            read.append(_over(q, q, prolonged.start(), q.end, "control", Number(1.0, None)))
    if not read:
        return quantities
    kept = [q for q in quantities if not any(r.start < q.end and q.start < r.end for r in read)]
    return sorted([*kept, *read], key=lambda q: q.start)


def _over(
    limit: Quantity, seconds: Quantity, start: int, end: int, multiple: str, number: Number
) -> Quantity:
    return replace(
        limit,
        start=start,
        end=end,
        number=number,
        unit=None,
        unit_text=None,
        multiple_of=multiple,
        times_only=False,
        plus_seconds=seconds.number.value,
    )
