"""Child-Pugh class as a threshold on the Child-Pugh score: "Child-Pugh class A", "Child-Pugh A or B7",
"Child-Pugh B or C", "Child-Pugh C or higher [score of 10 or higher]", "Child-Pugh A5-6".

The score (5-15 points) is what the patient file holds, entered among the labs as clinical scores are; a class
is a band of it: A 5-6, B 7-9, C 10-15. A class named with points ("B7", "A5-6") is those points only. A
bracket that restates the class in points ("Child-Pugh class B (score 7-9)") or the points as a class
("Child-Pugh score of 5-7 (A or B)") is read with it when the two agree; one that disagrees is left unread, so
the item goes to the clinician.
"""

from __future__ import annotations

import re
from itertools import pairwise

from trialmatch.domain.criteria.base import Comparator
from trialmatch.domain.criteria.lab import LabThreshold
from trialmatch.domain.criteria.logic import AllOf, leaves
from trialmatch.domain.criteria.reading.numbers import Number, Quantity, find_quantities
from trialmatch.domain.criteria.reading.text import Segment
from trialmatch.domain.criteria.registry import Rule

CHILD_PUGH = "child_pugh"
LOWEST, HIGHEST = 5, 15
CLASSES = {"a": (5, 6), "b": (7, 9), "c": (10, 15)}

_POINTS = r"\d{1,2}(?:\s*[-–]\s*\d{1,2})?"
_LETTER = rf"(?:(?:class|grade|stage)\s+)?[abc](?:{_POINTS})?(?![a-z0-9])"
_CLASS = re.compile(
    r"\s*(?:(?:liver\s+function\s+)?(?:class(?:ification)?|grades?|scores?|stage|category|status|rating)"
    r"\s*(?::\s*)?(?:of\s+)?)?"
    rf"(?P<letters>{_LETTER}(?:\s*(?:,|/|or|and|and/or|to|-|–)\s*{_LETTER})*)"
    r"(?P<up>\s*(?:or\s+(?:higher|above|greater|worse|more)|and\s+above|\+))?"
)
_ONE = re.compile(rf"(?P<letter>[abc])(?P<points>{_POINTS})?(?![a-z0-9])")
_BRACKET = re.compile(r"\s*[(\[]\s*(?:i\.?\s*e\.?\s*,?\s*|that\s+is\s+)?(?P<inner>[^()\[\]]{1,40}?)\s*[)\]]")
_POINT_WORDS = re.compile(r"(?:score|of|points?|total|=|:|\s)*")
_LETTERS_ONLY = re.compile(
    rf"(?:class\s+|grade\s+)?(?P<letters>{_LETTER}(?:\s*(?:,|/|or|and|to|-|–)\s*{_LETTER})*)"
)


def _letters_band(text: str, up: bool) -> tuple[int, int] | None:
    """The points the named classes cover, when they are one band ("A or B" → 5-9, "B7" → 7)."""
    bands = []
    for match in _ONE.finditer(text):
        low, high = CLASSES[match.group("letter")]
        points = match.group("points")
        if points:
            numbers = [int(n) for n in re.findall(r"\d+", points)]
            if not all(low <= n <= high for n in numbers):
                return None
            low, high = numbers[0], numbers[-1]
        bands.append((low, high))
    bands.sort()
    if not bands or any(b[0] > a[1] + 1 for a, b in pairwise(bands)):
        return None
    return bands[0][0], HIGHEST if up else max(b[1] for b in bands)


def classes_touched(low: int, high: int) -> set[str]:
    """The classes with points from ``low`` to ``high``."""
    return {letter for letter, (a, b) in CLASSES.items() if a <= high and low <= b}


def admitted_points(limits: list[tuple[Comparator, float]]) -> list[int]:
    """The scores every (comparator, value) limit admits."""
    return [p for p in range(LOWEST, HIGHEST + 1) if all(c.holds(p, value) for c, value in limits)]


def _points_band(quantity: Quantity) -> tuple[int, int] | None:
    """The points a number read as the score covers ("≥ 10" → 10-15, "7-9" → 7-9)."""
    if quantity.unit_text or quantity.multiple_of or not quantity.number.value.is_integer():
        return None
    value = int(quantity.number.value)
    if quantity.upper is not None:
        if quantity.comparator is not None:
            return None
        return value, int(quantity.upper.value)
    comparator = quantity.comparator
    if comparator is None:
        return value, value
    return {
        Comparator.LE: (LOWEST, value),
        Comparator.LT: (LOWEST, value - 1),
        Comparator.GE: (value, HIGHEST),
        Comparator.GT: (value + 1, HIGHEST),
    }.get(comparator)


def _restating_points(segment: Segment, start: int, band: tuple[int, int]) -> int | None:
    """The end of a bracket right at ``start`` that restates the band in points, else None."""
    bracket = _BRACKET.match(segment.norm, start, segment.end)
    if bracket is None:
        return None
    inner_start, inner_end = bracket.span("inner")
    found = find_quantities(segment.norm[:inner_end], segment.printed, inner_start)
    if len(found) != 1 or _points_band(found[0]) != band:
        return None
    rest = segment.norm[inner_start : found[0].start] + segment.norm[found[0].end : inner_end]
    return bracket.end() if _POINT_WORDS.fullmatch(rest) else None


def _restating_letters(segment: Segment, start: int, band: tuple[int, int]) -> int | None:
    """The end of a bracket right at ``start`` that names the classes the band covers ("5-7 (A or B)")."""
    bracket = _BRACKET.match(segment.norm, start, segment.end)
    if bracket is None:
        return None
    letters = _LETTERS_ONLY.fullmatch(bracket.group("inner"))
    if letters is None or _ONE.search(letters.group("letters"), 0) is None:
        return None
    named = {m.group("letter") for m in _ONE.finditer(letters.group("letters"))}
    if any(m.group("points") for m in _ONE.finditer(letters.group("letters"))):
        return None
    return bracket.end() if named == classes_touched(*band) else None


def _quantity(start: int, end: int, band: tuple[int, int]) -> Quantity:
    low, high = band
    if low == LOWEST:
        return Quantity(start, end, Comparator.LE, Number(high, None), None, None, None, None, False, None)
    if high == HIGHEST:
        return Quantity(start, end, Comparator.GE, Number(low, None), None, None, None, None, False, None)
    return Quantity(start, end, None, Number(low, None), Number(high, None), None, None, None, False, None)


def class_thresholds(segment: Segment, named_at: list[int], quantities: list[Quantity]) -> list[Quantity]:
    """``quantities`` with each Child-Pugh class printed right after the score's name (ending at one of
    ``named_at``) as the band of points it stands for, and a bracket restating a class or a score read with
    it (the numbers inside no second threshold)."""
    found: list[Quantity] = []
    for end in named_at:
        match = _CLASS.match(segment.norm, end, segment.end)
        if match is None:
            number = next((q for q in quantities if q.start >= end), None)
            if number is None or not _CLASS_GAP.fullmatch(segment.norm, end, number.start):
                continue
            band = _points_band(number)
            after = _restating_letters(segment, number.end, band) if band else None
            if band and after:
                found.append(_quantity(number.start, after, band))
            continue
        band = _letters_band(match.group("letters"), bool(match.group("up")))
        if band is None or band == (LOWEST, HIGHEST):
            continue
        stop = _restating_points(segment, match.end(), band) or match.end()
        printed = match.group(0)
        found.append(_quantity(match.start() + len(printed) - len(printed.lstrip()), stop, band))
    if not found:
        return quantities
    kept = [q for q in quantities if not any(f.start <= q.start and q.end <= f.end for f in found)]
    return sorted(kept + found, key=lambda q: q.start)


_CLASS_GAP = re.compile(r"\s*(?:of\s+|=\s*|:\s*)?")


def class_of(score: float) -> str | None:
    """ "A" for 5 or 6 points: the class a score falls in."""
    return next((letter.upper() for letter, (a, b) in CLASSES.items() if a <= score <= b), None)


def band_name(low: int, high: int) -> str:
    """The classes a band of points covers, as a clinician names them: "class A", "class A or B7",
    "class B or C", "class B8-C"."""
    names = []
    for letter, (a, b) in CLASSES.items():
        lo, hi = max(a, low), min(b, high)
        if lo > hi:
            continue
        name = letter.upper()
        if (lo, hi) != (a, b):
            name += str(lo) if lo == hi else f"{lo}–{hi}"
        names.append(name)
    return "class " + " or ".join(names) if names else "no class"


def limit_class(analyte: str, comparator: Comparator, value: float) -> str:
    """What a limit on the Child-Pugh score admits, in classes, for the reason: " (class A)" for "≤ 6",
    " (class B or C)" for "≥ 7"; nothing for another analyte."""
    if analyte != CHILD_PUGH:
        return ""
    points = admitted_points([(comparator, value)])
    return f" ({band_name(points[0], points[-1])})" if points else ""


def score_class(analyte: str, score: float) -> str:
    """ " (class B)" after a patient's Child-Pugh score of 8; nothing for another analyte."""
    letter = class_of(score) if analyte == CHILD_PUGH else None
    return f" (class {letter})" if letter else ""


def admits_the_healthy(rule: Rule) -> bool:
    """Whether a Child-Pugh limit in the rule admits 5 points, the score of a normal liver: such a limit
    ("Child-Pugh class A") does not define the liver condition named with it ("Mild hepatic impairment
    (Child-Pugh A)"), which then stays a requirement of its own; a band from 7 points up implies it."""
    found = [t for t in leaves(rule) if isinstance(t, LabThreshold) and t.analyte == CHILD_PUGH]
    lows = [t.value + (t.comparator is Comparator.GT) for t in found if t.comparator.is_lower_bound]
    return bool(found) and max(lows, default=LOWEST) <= LOWEST


def stated_limits(segment: Segment) -> LabThreshold | AllOf | None:
    """The Child-Pugh thresholds the whole segment states, as classes ("Class B and C") or as points ("> 5
    points", kept as printed), when it is printed before the scale's name ("... on the Child-Pugh scale")."""
    match = _CLASS.fullmatch(segment.norm, segment.start, segment.end)
    if match is not None:
        band = _letters_band(match.group("letters"), bool(match.group("up")))
        return _band_rule(band, segment.span) if band and band != (LOWEST, HIGHEST) else None
    found = find_quantities(segment.norm[: segment.end], segment.printed, segment.start)
    if len(found) != 1 or found[0].comparator is None or found[0].upper is not None:
        return None
    rest = segment.norm[segment.start : found[0].start] + segment.norm[found[0].end : segment.end]
    if _points_band(found[0]) is None or not _POINT_WORDS.fullmatch(rest):
        return None
    return LabThreshold(
        source_span=segment.span,
        analyte=CHILD_PUGH,
        comparator=found[0].comparator,
        value=found[0].number.value,
        unit="1",
    )


def _band_rule(band: tuple[int, int], span: tuple[int, int]) -> LabThreshold | AllOf:
    """The Child-Pugh thresholds of a band of points: one bound, or both."""
    low, high = band
    bounds = [(Comparator.GE, low)] if low > LOWEST else []
    bounds += [(Comparator.LE, high)] if high < HIGHEST else []
    rules = [
        LabThreshold(source_span=span, analyte=CHILD_PUGH, comparator=c, value=float(v), unit="1")
        for c, v in bounds
    ]
    return rules[0] if len(rules) == 1 else AllOf(source_span=span, children=list(rules))
