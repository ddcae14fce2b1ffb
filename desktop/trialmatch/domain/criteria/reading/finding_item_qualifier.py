"""When a later item of a finding list says its own time: "Active hepatitis B or C, history of HIV infection,
active syphilis", "Known active tuberculosis; ...; Any known or suspected autoimmune disease".

The list's qualifier is read before its first concept. Carried to an item that says "history of", it asked
only whether that finding is active now, and a patient with a tuberculosis treated years ago passed "history
of tuberculosis"; carried past a semicolon into an item of its own ("Any known or suspected autoimmune
disease"), a patient with an inactive autoimmune disease passed a sentence that excludes any. An item joined
to such an item by a bare "or" shares its time ("history of HIV or hepatitis B").
"""

from __future__ import annotations

import re

from trialmatch.domain.criteria.finding import Qualifier
from trialmatch.domain.criteria.reading.text import Segment
from trialmatch.domain.lexicon import Concept

HISTORY_WORDS = re.compile(r"(?<![a-z])(?:history|prior|previous|previously|past|ever)(?![a-z])")
ACTIVE_WORDS = re.compile(
    r"(?<![a-z])(?:active|current|currently|ongoing|present|concurrent|existing)(?![a-z])"
)
HAD_BEFORE = re.compile(r"(?<![a-z])(?:have|has)\s+(?:ever\s+)?had(?![a-z])")
""""Subjects who have an active autoimmune disease or have had an autoimmune disease with risk of
recurrence": "have had" names the past as "history of" does."""


def own_words(segment: Segment, main: list[tuple[int, int, Concept]], index: int) -> str:
    """The words of item ``index`` from the list mark before it (comma, semicolon, "or", "and") to its end."""
    (_, previous_end, _), (start, end, _) = main[index - 1], main[index]
    own = segment.norm[previous_end:end]
    return own[max(own.rfind(mark, 0, start - previous_end) for mark in (",", ";", " or ", " and ")) + 1 :]


def item_qualifier(
    segment: Segment, main: list[tuple[int, int, Concept]], index: int, previous: Qualifier | None
) -> Qualifier | None:
    """The qualifier item ``index`` of a list read as "active" says for itself, or None for the list's own.

    ``previous`` is what the item before it was given (None: the list's)."""
    own = own_words(segment, main, index)
    if ACTIVE_WORDS.search(own) and not HISTORY_WORDS.search(own):
        return None
    if HISTORY_WORDS.search(own):
        return "history"
    (_, previous_end, _), (start, _, _) = main[index - 1], main[index]
    if ";" in segment.norm[previous_end:start]:
        return "any"
    return previous
