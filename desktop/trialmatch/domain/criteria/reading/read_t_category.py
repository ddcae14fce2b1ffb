"""Reader for a T category printed alone or as one item of a list: "Clinical stage T1b-4", "clinical stage
≤T2", "at least T2", "cT1c or cT2a-b", "T1-T2a", "Any T3", "T3a".

"T2a-b" is T2a to T2b and "T1b-4" T1b to T4. Only the T category: an item naming N or M, a pathological
category ("pT2") or a stage group is left to the other readers.
"""

from __future__ import annotations

import re

from trialmatch.domain.criteria.base import Comparator
from trialmatch.domain.criteria.logic import AnyOf
from trialmatch.domain.criteria.reading.numbers import COMPARATOR, comparator_of
from trialmatch.domain.criteria.reading.text import Read, Segment, Span
from trialmatch.domain.criteria.registry import Rule
from trialmatch.domain.criteria.t_category import TCategoryRule

_ITEM = re.compile(
    r"(?P<c>c)?t(?P<n>[1-4])(?P<l>[a-d])?"
    r"(?:\s*(?:-|–|to|through)\s*(?:c?t)?(?P<n2>[1-4])?(?P<l2>[a-d])?)?(?![a-z0-9])"
)
_WHOLE = re.compile(
    r"(?P<lead>(?:any\s+)?(?:(?P<clinical>clinical(?:ly)?)\s+)?(?:(?:tnm\s+)?(?:t[\s-]*)?(?:stage|category)\s+)?)"
    r"(?:(?P<cmp>" + COMPARATOR + r")\s*)?(?P<items>c?t[1-4].*?)"
    r"(?:\s*(?P<up>\+|or\s+(?:higher|greater|more|above)))?\s*[.;,]?"
)
_JOINER = re.compile(r"\s*(?:,\s*or|,|or)\s*")
_RANGE_WORD = re.compile(r"[-–]|to|through")
_NAMES_T = re.compile(r"t[1-4]")
"""The cheap test first: no "t" with a digit after it, no T category (most segments)."""


def read_t_category(segment: Segment) -> Read | None:
    """The T category rule when the whole segment is one; None otherwise. A bare "T3" or "T4" with no
    staging word, prefix, sub-category or range is as likely the thyroid hormone or a thoracic vertebra
    ("Abnormal thyroid function, defined as any of: T3"): it is not read."""
    if _NAMES_T.search(segment.norm, segment.start, segment.end) is None:
        return None
    whole = _WHOLE.fullmatch(segment.norm, segment.start, segment.end)
    if whole is None:
        return None
    clinical = bool(whole.group("clinical"))
    ranges = []
    cursor, end = whole.start("items"), whole.end("items")
    while True:
        item = _ITEM.match(segment.norm, cursor, end)
        if item is None:
            return None
        if _RANGE_WORD.search(item.group(0)) and not (item.group("n2") or item.group("l2")):
            return None
        ranges.append(item)
        joiner = _JOINER.match(segment.norm, item.end(), end)
        if item.end() == end:
            break
        if joiner is None or joiner.end() == end:
            return None
        cursor = joiner.end()
    cmp = comparator_of(whole.group("cmp")) if whole.group("cmp") else None
    up = bool(whole.group("up"))
    if (cmp or up) and (len(ranges) > 1 or ranges[0].group("n2")):
        return None
    marked = whole.group("lead").strip() or cmp or up or _beside_prostate_values(segment)
    if not marked and not any(item.group("c") or item.group("l") or item.group("n2") for item in ranges):
        return None
    rules: list[Rule] = []
    for item in ranges:
        low = f"T{item.group('n')}{item.group('l') or ''}"
        high = low
        if item.group("n2") or item.group("l2"):
            high = f"T{item.group('n2') or item.group('n')}{item.group('l2') or ''}"
            if (high[1], high[2:3] or "z") <= (low[1], low[2:3] or ""):
                return None
        bounds = _bounded(low, cmp, up)
        if bounds is None:
            return None
        marked = clinical or bool(item.group("c"))
        rules.append(
            TCategoryRule(source_span=segment.span, low=bounds[0], high=bounds[1] or high, clinical=marked)
        )
    if len(rules) == 1:
        return Read(rules[0])
    return Read(AnyOf(source_span=segment.span, children=rules))


_PROSTATE_VALUES = re.compile(r"(?<![a-z])(?:psa|prostate[\s-]+specific\s+antigen|gleason)(?![a-z])")


def _beside_prostate_values(segment: Segment) -> bool:
    """ "T2, PSA greater than 20 µg/L AND Gleason score at least 8": a bare T category in an item that also
    holds a PSA or Gleason limit is the tumour's, not a thyroid hormone or a vertebra."""
    text = segment.norm
    return ("psa" in text or "gleason" in text or "prostate" in text) and bool(_PROSTATE_VALUES.search(text))


def _bounded(category: str, cmp: Comparator | None, up: bool) -> tuple[str | None, str | None] | None:
    """(low, high) of a category with a comparator: "≤ T2" is up to all of T2, "≥ T2" from T2 up; a strict
    comparator with a sub-category letter ("< T2b") is not read."""
    if up:
        cmp = Comparator.GE if cmp is None or cmp.is_lower_bound else None
        if cmp is None:
            return None
    if cmp is None:
        return category, None
    number, letter = int(category[1]), category[2:]
    if cmp in (Comparator.LT, Comparator.GT):
        if letter:
            return None
        number += 1 if cmp is Comparator.GT else -1
        if not 1 <= number <= 4:
            return None
        category = f"T{number}"
    return (category, "T4") if cmp.is_lower_bound else (None, category)


_ANY_T = re.compile(r"\(\s*any\s+(?:clinical\s+)?t(?:[\s-]*(?:stage|category))?\s*\)")


def any_t_category(segment: Segment) -> list[Span]:
    """ "(any T stage)" after a threshold: the limits hold whatever the T category, which adds nothing."""
    if not segment.contains("any t"):
        return []
    return [m.span() for m in _ANY_T.finditer(segment.norm, segment.start, segment.end)]
