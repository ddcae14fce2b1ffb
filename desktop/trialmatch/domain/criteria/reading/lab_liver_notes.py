"""Words around liver tests that name no condition of their own: "Liver function tests including total
bilirubin, SGPT and SGOT > 2x the upper limit of normal" (the tests the threshold is for are the ones listed,
as in "Liver function tests (total bilirubin, SGPT and SGOT)"), and the PDQ pointer "Hepatic: See Disease
Characteristics SGOT/SGPT no greater than 4 times ULN" (the disease characteristics are criteria of their
own, read apart).

"Including" is claimed only right after "liver function tests" and right before the analytes it lists:
"abnormalities including" or "including but not limited to" leave the list open, and stay unread.

"SAP" stands for serum alkaline phosphatase as well as systolic arterial pressure; listed with the liver
tests under a limit on the upper limit of normal ("SAP and SGOT less than 2 times upper limit of normal") it
is the phosphatase: no pressure has an upper limit of normal.

A threshold whose subject is the group itself ("Bilirubin and liver function tests less than 2 times ULN")
names no test: which of AST, ALT, ALP or GGT the trial means is the clinician's to judge, so the lab reader
refuses the sentence rather than keep the one test it names.
"""

from __future__ import annotations

import re

from trialmatch.domain.criteria.reading.numbers import COMPARATOR
from trialmatch.domain.criteria.reading.text import Segment, Span

_LISTED = re.compile(
    r"(?<![a-z])(?:liver\s+function\s+tests?|lfts?)(?:\s*[(\[]\s*lfts?\s*[)\]])?\s*,?\s+(?P<including>including)"
    r"(?=\s+[a-z])(?!\s+but\s)"
)
_GROUP_THRESHOLD = re.compile(
    r"(?<![a-z])(?:liver\s+function\s+tests?|liver\s+tests?|liver\s+enzymes?|lfts?)"
    r"\s*(?:(?:levels?|values?|results?)\s+)?(?:(?:must\s+be|should\s+be|are|is)\s+)?(?:" + COMPARATOR + r")"
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


def group_threshold(segment: Segment) -> str | None:
    """Where a threshold's subject is "liver function tests" (or "LFTs", "liver enzymes"), if anywhere."""
    if not segment.contains("liver", "lft"):
        return None
    match = _GROUP_THRESHOLD.search(segment.norm, segment.start, segment.end)
    return segment.quote(*match.span()) if match else None


_WITH_LIVER_TESTS = re.compile(
    r"\s*(?:,|and/or|and|or|&|/)\s*(?:sgot|sgpt|ast|alt|(?:total\s+)?bilirubin|ggt)(?![a-z])[^;.]*?"
    r"(?:"
    + COMPARATOR
    + r")\s*[\d.]+\s*(?:x|×|times)?\s*(?:the\s+)?(?:uln|upper\s+limit\s+of\s+normal)(?![a-z])"
)


def listed_with_liver_tests(segment: Segment, end: int) -> bool:
    """Whether a name ending at ``end`` is listed with liver tests sharing a limit on the ULN."""
    return bool(_WITH_LIVER_TESTS.match(segment.norm, end, segment.end))
