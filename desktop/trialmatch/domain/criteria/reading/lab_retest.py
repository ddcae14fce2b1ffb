"""A note after the thresholds that the test may be done again: "Eosinophil count of ≥0.30x10⁹/L at Screening
Visit 1. If the initial value is between 0.250x10⁹/L to 0.299x10⁹/L, then this may be repeated once at an
unscheduled visit (prior to Screening Visit 2)", "eGFR can be reassessed once within 48 hours".

A repeat changes which value is on record, not the limit: the patient file holds the latest value, which the
threshold before the note judges, so the lab reader claims the note. Only a clause of its own after a
threshold (it starts after a ";" or a full stop), whose subject is "this", "it", "the test" or "the value", or
an analyte the sentence names, which only permits a repeat, and whose words after the verb only say when; a
note with any other word ("must be confirmed by a repeat", "if the repeat is normal") stays unread.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from trialmatch.domain.criteria.reading.text import Segment, Span, leftover_words, word_set

_RETEST = re.compile(
    r"(?<=[;.])\s*(?:if\s+the\s+(?:initial|first|screening)\s+(?:value|result|measurement|test)\s+is\s+"
    r"[^;]*?,\s*(?:then\s+)?)?(?P<subject>[a-z][a-z0-9 ()/-]{0,40}?)\s+(?:may|can|could)\s+be\s+"
    r"(?:repeated|re-?tested|re-?assessed|re-?measured|re-?checked)(?![a-z])(?P<tail>[^;]*?)[\s;.]*$"
)
_SUBJECT_WORDS = word_set("this it test value result measurement assessment")
_WHEN_WORDS = word_set(
    """
    once twice again at an a unscheduled visit visits prior to before within hours hour days day during
    screening period window
    """
)
_NUMBER = re.compile(r"\d+")


def retest_notes(segment: Segment, mentions: Sequence[Span]) -> list[Span]:
    """The note ending the segment, when it only permits the test before it to be done again."""
    if not segment.contains("repeat", "retest", "re-test", "reassess", "re-assess", "remeasur", "recheck"):
        return []
    match = _RETEST.search(segment.norm, segment.start, segment.end)
    if match is None:
        return []
    start, end = match.span("subject")
    named = [(s, e) for s, e in mentions if start <= s and e <= end]
    if leftover_words(Segment(segment.printed, segment.norm, start, end), named, _SUBJECT_WORDS):
        return []
    tail_start, tail_end = match.span("tail")
    numbers = [m.span() for m in _NUMBER.finditer(segment.norm, tail_start, tail_end)]
    if leftover_words(Segment(segment.printed, segment.norm, tail_start, tail_end), numbers, _WHEN_WORDS):
        return []
    return [match.span()]
