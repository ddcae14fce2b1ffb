"""Words around liver tests that name no condition of their own: "Liver function tests including total
bilirubin, SGPT and SGOT > 2x the upper limit of normal" (the tests the threshold is for are the ones listed,
as in "Liver function tests (total bilirubin, SGPT and SGOT)"), and the PDQ pointer "Hepatic: See Disease
Characteristics SGOT/SGPT no greater than 4 times ULN" (the disease characteristics are criteria of their
own, read apart).

"Including" is claimed only right after "liver function tests" and right before the analytes it lists:
"abnormalities including" or "including but not limited to" leave the list open, and stay unread.
"""

from __future__ import annotations

import re

from trialmatch.domain.criteria.text import Segment, Span

_LISTED = re.compile(
    r"(?<![a-z])(?:liver\s+function\s+tests?|lfts?)(?:\s*[(\[]\s*lfts?\s*[)\]])?\s*,?\s+(?P<including>including)"
    r"(?=\s+[a-z])(?!\s+but\s)"
)
_POINTER = re.compile(r"(?<![a-z])see\s+disease\s+characteristics(?![a-z])")


def liver_notes(segment: Segment, mention_starts: list[int]) -> list[Span]:
    """The spans of such words, for the lab reader to claim; "including" only when an analyte follows it."""
    if not segment.contains("including", "see "):
        return []
    found = [m.span() for m in _POINTER.finditer(segment.norm, segment.start, segment.end)]
    for match in _LISTED.finditer(segment.norm, segment.start, segment.end):
        after = match.end("including")
        if any(after < start <= after + 2 for start in mention_starts):
            found.append(match.span("including"))
    return found
