"""A threshold joined to the next analyte's threshold by "with": "Weight ≥ 55 kg with calculated body mass
index (BMI) of 18 to 30 kg/m2", "WBC ≥ 2.5 × 10⁹/L with ANC ≥ 1.5 × 10⁹/L", "No SGOT greater than 1.5 times
ULN with alkaline phosphatase greater than 2.5 times ULN".

Between two complete thresholds "with" joins them as "and": both values hold together, in an inclusion and
in an exclusion alike (read literally, an exclusion "and" needs both). Elsewhere "with" opens a condition on
the threshold before it ("≤ 5 × ULN with liver metastases", "CrCl ≥ 60 mL/min for patients with creatinine >
1.5 × ULN"): only a "with" right after a threshold's number or unit, before an analyte named with a number of
its own, is read as "and".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from trialmatch.domain.criteria.reading.numbers import Quantity
from trialmatch.domain.criteria.reading.text import Segment

_WITH = re.compile(r"\s+with\s+(?:(?:an?|the|calculated|a\s+calculated|an?\s+estimated|estimated)\s+)?")
_CLAUSE_END = re.compile(r"[;.](?:\s|$)")


def with_as_and(
    segment: Segment, mentions: Sequence[tuple[int, int, tuple[str, ...]]], quantities: Sequence[Quantity]
) -> Segment:
    """The segment with each "with" that joins two thresholds written "and " (same length, so every span
    stays where it was). ``mentions`` are the analytes named (start, end, ids); the same analyte named again
    ("body mass index (BMI)") does not end the run to its threshold."""
    if " with " not in segment.text:
        return segment
    norm = segment.norm
    for q in quantities:
        if q.comparator is None and q.upper is None:
            continue
        joint = _WITH.match(norm, q.end, segment.end)
        if joint is None:
            continue
        mention = next((m for m in mentions if m[0] == joint.end()), None)
        if mention is None:
            continue
        stop = _CLAUSE_END.search(norm, mention[1], segment.end)
        limit = stop.start() if stop else segment.end
        following = [m for m in mentions if m[0] >= mention[1] and m[2] != mention[2]]
        if following:
            limit = min(limit, following[0][0])
        if not any(
            mention[1] <= o.start < limit and (o.comparator is not None or o.upper is not None)
            for o in quantities
        ):
            continue
        at = norm.index("with", q.end)
        norm = norm[:at] + "and " + norm[at + 4 :]
    if norm is segment.norm:
        return segment
    return Segment(segment.printed, norm, segment.start, segment.end)
