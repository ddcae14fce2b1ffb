"""Gleason notations the lab reader cannot read as "<comparator> <number>": a pattern pair ("Gleason 3+4=7",
"Gleason ≥ 7 (4+3)"), a score or grade group printed bare ("Gleason score 7", "ISUP grade 1") and lists of
them ("Gleason 3+3 or 3+4", "grade groups 3, 4 or 5").

The order of the patterns matters: 3+4 is grade group 2 and 4+3 grade group 3, both Gleason score 7. A
notation naming an order is therefore read on the grade group (ISUP 2014), which keeps it: "Gleason ≥ 7
(4+3)" is grade group ≥ 3, never Gleason ≥ 7. Grade groups and scores line up as 1 = score ≤ 6, 2 = 3+4,
3 = 4+3, 4 = score 8, 5 = score 9-10; scores below 6 are no longer assigned (ISUP 2005), so a bare 6 and
3+3 both stand for grade group 1 when a list mixes scores with patterns.

Each notation becomes one threshold of the lab reader (``multiple_of`` ``NOTATION``), expanded into the bounds
it means by ``notation_bounds``. What names no grade group exactly is left for review: a pattern pair
printed without a comparator that other pairs share a grade group with ("4+4", "4+5": 3+5 and 5+4 are the same
groups), a pair with a pattern below 3, a bare "Gleason 5" (a pattern or a score?).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from trialmatch.domain.criteria.base import Comparator
from trialmatch.domain.criteria.gleason_derived import SCORE_OF_GROUP
from trialmatch.domain.criteria.reading.numbers import COMPARATOR, Number, Quantity, comparator_of
from trialmatch.domain.criteria.reading.text import Segment

GLEASON_SCORES = frozenset({"gleason", "grade_group", "gleason_primary"})
"""The Gleason score (sum of the two patterns, 2-10), the grade group (1-5) and the primary pattern (1-5)."""
NOTATION = "gleason"
"""``Quantity.multiple_of`` of a notation read here: its ``unit_text`` names the analyte it bounds."""

_SCALES = {"gleason": (2, 10), "grade_group": (1, 5), "gleason_primary": (1, 5)}
_GROUP_OF_PAIR = {(3, 3): 1, (3, 4): 2, (4, 3): 3}
"""The pairs that are the only ones of their grade group in current grading, so a pair printed without a
comparator names a group."""

_PAIR = r"[1-5]\s*\+\s*[1-5]"
_ITEM = re.compile(
    r"(?:(?P<cmp>" + COMPARATOR + r")\s*)?"
    r"(?:(?P<pair>" + _PAIR + r")(?:\s*=\s*(?P<sum>\d{1,2}))?"
    r"|(?P<num>\d{1,2})(?:\s*\(\s*(?P<pairs>" + _PAIR + r"(?:\s*(?:,|or|and)\s*" + _PAIR + r")*)\s*\))?)"
    r"(?:\s*,?\s+or\s+(?P<post>less|lower|below|fewer|more|higher|greater|above))?"
    r"(?![\d.+]|\s*(?:%|-\s*\d|to\s+\d|/))"
)
_LIST_JOINER = re.compile(r"\s*(?:,\s*(?:or|and)|,|or|and)\s+(?=[\d<>≤≥=(])|\s*,\s*(?=\d)")
_LEADING = re.compile(r"(?P<cmp>" + COMPARATOR + r")\s*$")
_GAP = re.compile(r"\s*(?:(?:score|sum|grade)\s+)?(?:(?:of|is|was|=|:|-)\s*)?(?=[\d<>≤≥=a-z])")
_POSTFIX = {
    **dict.fromkeys(("less", "lower", "below", "fewer"), Comparator.LE),
    **dict.fromkeys(("more", "higher", "greater", "above"), Comparator.GE),
}


@dataclass(frozen=True, slots=True)
class _Interval:
    """The values an item admits on one scale (``grade_group`` once a pattern pair is named)."""

    scale: str
    low: int
    high: int


_PATTERN_OR_SCORE = frozenset({"gleason", "gleason grade"})
"""Names printed before a bare number that may be a pattern ("Gleason grade 4 or 5") or a score."""


class NotationError(ValueError):
    """A Gleason notation that names no score or grade group exactly: the sentence is left for review."""


def gleason_notations(segment: Segment, mentions: list[tuple[int, int, str]]) -> list[Quantity]:
    """The notations printed right after a Gleason score, grade group or primary pattern named at (start, end,
    analyte); only those the number reader does not read: with a pattern pair, or bare numbers. Raises
    ``NotationError`` for one that names no score or group exactly."""
    found = []
    for start, end, analyte in mentions:
        gap = _GAP.match(segment.norm, end, segment.end)
        if gap is None:
            continue
        items = _items(segment, gap.end())
        if not items or not any(m.group("pair") or m.group("pairs") or _bare(m) for m in items):
            continue
        printed = segment.quote(items[0].start(), items[-1].end())
        bare_score = analyte == "gleason" and segment.norm[start:end].strip() in _PATTERN_OR_SCORE
        intervals = [_interval(m, analyte, printed, bare_score) for m in items]
        leading = _LEADING.search(segment.norm, max(segment.start, start - 30), start)
        if leading:  # "≥ Gleason score 4+3": the bound printed before the name
            if len(items) > 1 or not _bare(items[0]):
                raise NotationError(f"a comparator before and after the Gleason name: '{printed}'")
            bound = comparator_of(leading.group("cmp"))
            value = intervals[0].low
            intervals = [_bounded(intervals[0].scale, value, bound)]
        low, high, scale = _union(intervals, printed)
        found.append(
            Quantity(
                items[0].start(), items[-1].end(), None, Number(low, None), Number(high, None),
                None, scale, NOTATION, False, None,
            )
        )  # fmt: skip
    return found


def notation_bounds(quantity: Quantity) -> tuple[str, list[tuple[Comparator, float]]]:
    """The analyte a notation bounds and its bounds: "grade group 2" is ≥ 2 and ≤ 2, "grade groups 3, 4 or 5"
    ≥ 3 (the top of the scale is no bound)."""
    scale = quantity.unit_text or "gleason"
    low, high = int(quantity.number.value), int((quantity.upper or quantity.number).value)
    bottom, top = _SCALES[scale]
    bounds = []
    if low > bottom:
        bounds.append((Comparator.GE, float(low)))
    if high < top:
        bounds.append((Comparator.LE, float(high)))
    return scale, bounds


def _items(segment: Segment, at: int) -> list[re.Match[str]]:
    items = []
    item = _ITEM.match(segment.norm, at, segment.end)
    while item is not None and item.end() > item.start():
        items.append(item)
        joiner = _LIST_JOINER.match(segment.norm, item.end(), segment.end)
        if joiner is None:
            break
        item = _ITEM.match(segment.norm, joiner.end(), segment.end)
    return items


def _bare(item: re.Match[str]) -> bool:
    return not item.group("cmp") and not item.group("post")


def _interval(item: re.Match[str], analyte: str, printed: str, bare_score: bool) -> _Interval:
    comparator = comparator_of(item.group("cmp")) if item.group("cmp") else None
    if item.group("post"):
        if comparator is not None:
            raise NotationError(f"two comparators in '{printed}'")
        comparator = _POSTFIX[item.group("post")]
    pairs = [_pair(p) for p in re.findall(_PAIR, item.group("pair") or item.group("pairs") or "")]
    total = item.group("sum") or item.group("num")
    if pairs and analyte != "gleason":
        raise NotationError(f"a Gleason pattern pair after a grade group or pattern: '{printed}'")
    if pairs and total is not None and any(sum(p) != int(total) for p in pairs):
        raise NotationError(f"a Gleason pattern pair that does not add up: '{printed}'")
    if len(pairs) == 2 and set(pairs) == {(3, 4), (4, 3)}:
        pairs = []  # "7 (3+4 or 4+3)": every score 7
    if len(pairs) > 1:
        raise NotationError(f"several Gleason pattern pairs for one score: '{printed}'")
    if pairs:
        return _pair_interval(pairs[0], comparator, printed)
    value = int(total or 0)
    bottom, top = _SCALES[analyte]
    if not bottom <= value <= top:
        raise NotationError(f"not a {analyte.replace('_', ' ')}: '{printed}'")
    if comparator is None and bare_score and value < 6:
        raise NotationError(f"'Gleason {value}': a pattern or a score?")
    return _bounded(analyte, value, comparator)


def _pair(printed: str) -> tuple[int, int]:
    primary, secondary = printed.split("+")
    return int(primary), int(secondary)


def _pair_interval(pair: tuple[int, int], comparator: Comparator | None, printed: str) -> _Interval:
    if min(pair) < 3:
        raise NotationError(f"a Gleason pattern below 3, which names no grade group: '{printed}'")
    total = sum(pair)
    group = _GROUP_OF_PAIR.get(pair) or (4 if total == 8 else 5)
    if comparator is None and pair not in _GROUP_OF_PAIR:
        raise NotationError(f"a Gleason pattern pair that shares its grade group with others: '{printed}'")
    return _bounded("grade_group", group, comparator)


def _bounded(scale: str, value: int, comparator: Comparator | None) -> _Interval:
    bottom, top = _SCALES[scale]
    if comparator is None:
        return _Interval(scale, value, value)
    if comparator.is_lower_bound:
        return _Interval(scale, value + (comparator is Comparator.GT), top)
    return _Interval(scale, bottom, value - (comparator is Comparator.LT))


_GROUP_LOW = {
    score: group
    for group, (low, high) in sorted(SCORE_OF_GROUP.items(), reverse=True)
    for score in (range(low, high + 1) if group == 1 else (low,))
}
_GROUP_HIGH = {high: group for group, (_, high) in sorted(SCORE_OF_GROUP.items())}
"""Scores that begin (end) a grade group: a run of scores from one to the other is a run of whole groups.
Every score up to 6 is group 1, so "Gleason ≥ 4" begins it; a score of 7 begins group 2 and ends group 3."""


def _union(intervals: list[_Interval], printed: str) -> tuple[int, int, str]:
    """One run of values: on the grade group when a pattern pair is named, else on the item's own scale."""
    scales = {i.scale for i in intervals}
    if len(scales) > 1:
        if scales != {"gleason", "grade_group"}:
            raise NotationError(f"a list mixing Gleason measures: '{printed}'")
        intervals = [_as_group(i, printed) for i in intervals]
    ordered = sorted(intervals, key=lambda i: i.low)
    low, high = ordered[0].low, ordered[0].high
    for interval in ordered[1:]:
        if interval.low > high + 1:
            raise NotationError(f"values with a gap between them: '{printed}'")
        high = max(high, interval.high)
    scale = ordered[0].scale
    if (low, high) == _SCALES[scale]:
        raise NotationError(f"any Gleason value: '{printed}'")
    return low, high, scale


def _as_group(interval: _Interval, printed: str) -> _Interval:
    if interval.scale == "grade_group":
        return interval
    low, high = _GROUP_LOW.get(interval.low), _GROUP_HIGH.get(interval.high)
    if low is None or high is None:
        raise NotationError(f"Gleason scores that are no whole grade groups: '{printed}'")
    return _Interval("grade_group", low, high)
