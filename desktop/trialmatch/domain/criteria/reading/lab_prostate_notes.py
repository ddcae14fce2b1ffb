"""A bracket beside a primary Gleason pattern limit that names the pattern pairs it stands for: "Primary
Gleason pattern 5 (Gleason score 5+4 or 5+5)". Each pair has primary pattern 5, so the limit on the primary
pattern is the criterion, and the bracket asks nothing more.

A bracket naming a pair of another primary pattern ("Primary Gleason pattern 4 (4+3 or 5+4)") contradicts
the limit, as does one that does not add up ("5+4=8"): not claimed, the notation reader then leaves the
sentence for review.
"""

from __future__ import annotations

import re

from trialmatch.domain.criteria.reading.text import Segment, Span

_PAIR = r"[1-5]\s*\+\s*[1-5](?:\s*=\s*\d{1,2})?"
_PRIMARY_PAIRS = re.compile(
    r"primary\s+gleason\s+(?:pattern|grade)\s+(?:of\s+)?(?P<primary>[3-5])\s*"
    r"(?P<bracket>[(\[]\s*(?:(?:i\.\s?e\.?|ie)\s*,?\s*)?(?:gleason(?:\s+(?:score|sum|grade)s?)?\s*(?:of\s+)?)?"
    r"(?P<pairs>" + _PAIR + r"(?:\s*(?:,\s*(?:or\s+)?|or\s+|and\s+)" + _PAIR + r")*)\s*[)\]])"
)


def prostate_note_spans(segment: Segment) -> list[Span]:
    """The brackets that restate a primary Gleason pattern limit as its pattern pairs."""
    spans: list[Span] = []
    if segment.contains("primary gleason"):
        for match in _PRIMARY_PAIRS.finditer(segment.norm, segment.start, segment.end):
            pairs = [re.findall(r"\d+", pair) for pair in re.findall(_PAIR, match["pairs"])]
            added_up = all(len(p) == 2 or int(p[0]) + int(p[1]) == int(p[2]) for p in pairs)
            if added_up and {p[0] for p in pairs} == {match["primary"]}:
                spans.append(match.span("bracket"))
    return spans
