"""A CTCAE grade printed before the analyte whose bracketed threshold restates it: "Grade 2 or higher QTc
prolongation (>480 msec per NCI-CTCAE criteria version 5.0)", and the grading scale cited after a threshold
("per NCI-CTCAE criteria version 5.0", "(CTCAE v5.0)").

The bracket states the number the trial applies; the grade before the name says the same in CTCAE's words
(grade 2 QTc prolongation is 481-500 ms), so the lab reader claims the grade and reads the bracket. Only a
grade directly before the analyte's name, whose threshold in the bracket right after the name (past the
words "interval" or "prolongation") bounds the same side as the grade does ("grade 2 or higher" with ">",
"grade ≤ 1" with "≤"); a grade with no such bracket stays the threshold, resolved per analyte.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from trialmatch.domain.criteria.reading.lab_notes import GradeLimit
from trialmatch.domain.criteria.reading.numbers import Quantity
from trialmatch.domain.criteria.reading.text import Segment, Span, masked

_BEFORE_NAME = re.compile(r"\s*(?:\(\s*ctcae\s*\)\s*)?$")
_NAME_TO_BRACKET = re.compile(r"\s*(?:(?:interval|prolongation|prolonged|elevation|increased?)\s*)*[(\[]\s*")
_VERSION = re.compile(
    r"[,;]?\s*(?:[(\[]\s*)?(?:as\s+)?(?:per|according\s+to|by|using)?\s*(?:the\s+)?(?:nci[\s-]*)?ctcae"
    r"(?:\s+criteria)?\s*,?\s*(?:v(?:ersion)?\.?\s*)\d(?:\.\d{1,2})?(?=\s*(?:[)\]]|[.;]?\s*$))"
)


def grades_named_before(
    segment: Segment, grades: Sequence[GradeLimit], mentions: Sequence[Span], quantities: Sequence[Quantity]
) -> list[Span]:
    """The spans of grades printed right before an analyte whose bracketed threshold restates them."""
    found: list[Span] = []
    norm = segment.norm
    for grade in grades:
        end = grade.span[1]
        named = [m for m in mentions if m[0] >= end and _BEFORE_NAME.match(norm, end, m[0])]
        if not named:
            continue
        bracket = _NAME_TO_BRACKET.match(norm, named[0][1], segment.end)
        if bracket is None:
            continue
        restating = next(
            (q.comparator for q in quantities if q.start == bracket.end() and q.comparator is not None), None
        )
        if restating is not None and restating.is_lower_bound is not grade.at_most:
            found.append(grade.span)
    return found


_OPENS = re.compile(r"\s*[(\[]\s*")
_BRACKETS_ONLY = re.compile(r"[\s()\[\]]*")


def grades_restated_after(
    segment: Segment,
    grades: Sequence[GradeLimit],
    mentions: Sequence[tuple[int, int, frozenset[str]]],
    quantities: Sequence[Quantity],
) -> list[Span]:
    """ "Creatine phosphokinase (CPK) elevation < grade 2 (creatine phosphokinase [CPK] =< 2.5 ULN)": a grade
    as the threshold, then a bracket opening with the threshold it means for the analyte named before it
    (named again or not), bounding the same side. As with a grade before the name, the bracket states the
    number the trial applies, and the grade is claimed."""
    found: list[Span] = []
    norm = segment.norm
    for grade in grades:
        named = [m for m in mentions if m[1] <= grade.span[0]]
        opened = _OPENS.match(norm, grade.span[1], segment.end)
        if not named or opened is None:
            continue
        first = next((q for q in quantities if q.start >= opened.end()), None)
        if first is None or first.comparator is None:
            continue
        again = [m for m in mentions if opened.end() <= m[0] and m[1] <= first.start]
        if any(m[2] != named[-1][2] for m in again):
            continue
        gap = masked(segment, [(start, end) for start, end, _ in again]).norm
        if not _BRACKETS_ONLY.fullmatch(gap, opened.end(), first.start):
            continue
        if first.comparator.is_lower_bound is not grade.at_most:
            found.append(grade.span)
    return found


def ctcae_versions(segment: Segment) -> list[Span]:
    """ "per NCI-CTCAE criteria version 5.0" closing a bracket or the sentence: the grading scale's edition,
    which the number before it already states."""
    if "ctcae" not in segment.norm[segment.start : segment.end]:
        return []
    return [m.span() for m in _VERSION.finditer(segment.norm, segment.start, segment.end)]
