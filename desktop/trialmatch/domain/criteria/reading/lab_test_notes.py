"""A note after the thresholds on which patients must have a test done: "ejection fraction is required if
the patient has a history of anthracyclines", "confirmation of creatinine clearance is only required when
creatinine is > 1.5 times ULN", "only when creatinine > 1.5 × ULN, creatinine clearance rate needs to be
confirmed", and after a dash closing a bracketed list, "... with creatinine clearance < 50 mL/min - creatinine
clearance only needs to be confirmed when creatinine > 1.5 ULN)".

Such a note says who must be tested, not which values the trial accepts: a patient whose value is entered
is judged by the thresholds before it, and one whose value is missing is unknown either way, so the lab
reader claims it. Only when it ends the item, after a threshold (it starts after a ";", a full stop or a
dash), and its subject is nothing but a test the sentence names: "normal LVEF is required if ..." is a
requirement, and stays unread.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from trialmatch.domain.criteria.reading.text import Segment, Span, leftover_words, word_set

_DONE = r"needs?\s+to\s+be\s+(?:confirmed|measured|assessed|obtained)"
_SUBJECT = r"[a-z][a-z ()-]{1,60}?"
_REQUIRED = re.compile(
    r"(?:(?<=[;.])|(?<=\s-))\s*(?:(?:(?:confirmation|measurement|assessment)\s+of\s+)?(?P<subject>"
    + _SUBJECT
    + r")\s+"
    r"(?:(?:is|are)\s+(?:only\s+)?required|(?:only\s+)?"
    + _DONE
    + r")\s+(?:only\s+)?(?:if|when|for|in)(?![a-z])"
    r"[^;]*|only\s+(?:if|when)(?![a-z])[^;,]*,\s*(?P<late>" + _SUBJECT + r")\s+" + _DONE + r")[\s;.)\]]*$"
)
_TEST_WORDS = word_set("rate measurement")


def test_notes(segment: Segment, mentions: Sequence[Span]) -> list[Span]:
    """The note ending the segment, when its subject is one of the analytes ``mentions`` name."""
    if not segment.contains("required", "to be"):
        return []
    match = _REQUIRED.search(segment.norm, segment.start, segment.end)
    if match is None:
        return []
    start, end = match.span("subject") if match.group("subject") else match.span("late")
    named = [(s, e) for s, e in mentions if start <= s and e <= end]
    subject = Segment(segment.printed, segment.norm, start, end)
    if not named or leftover_words(subject, named, _TEST_WORDS):
        return []
    return [match.span()]
