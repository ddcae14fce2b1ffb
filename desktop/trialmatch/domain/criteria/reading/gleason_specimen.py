"""The specimen a Gleason score is graded on: "Biopsy Gleason score ≤ 7", "Clinical (diagnostic biopsy)
Gleason score ≤ 6", "Gleason score < 8 on post-operative pathological sample", "Gleason Score ≤ 6, based on
high-resolution biopsy strategies".

The biopsy and the prostatectomy specimen often grade one tumour differently (upgrading after surgery is
common), and the patient file holds one Gleason measure without saying which specimen it comes from. A limit
on the score of a named specimen is therefore a value at another time (``AtTime.timepoint``): judged unknown,
naming the score it needs ("the biopsy Gleason score"), never against the file's value.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from trialmatch.domain.criteria.reading.lab_gleason import GLEASON_SCORES
from trialmatch.domain.criteria.reading.text import Segment, Span

_BEFORE = re.compile(
    r"(?<![a-z])(?:(?:clinical\s*)?[(\[]\s*diagnostic\s+biopsy\s*[)\]]|(?:diagnostic\s+|prostate\s+|needle\s+)?biopsy"
    r"|patholog(?:ic|ical)|(?:radical\s+)?prostatectomy)\s+$"
)
""""Biopsy Gleason", "Clinical (diagnostic biopsy) Gleason", "Pathological Gleason": the specimen named right
before the measure."""
_AFTER = re.compile(
    r"\s*,?\s*(?P<on>(?:on|in|at|from)\s+(?:the\s+)?(?:(?:post-?\s?operative|prostatectomy|surgical|radical\s+"
    r"prostatectomy)\s+)?(?:pathological\s+|pathology\s+|biopsy\s+)?(?:sample|specimen)s?"
    r"|(?:on|at|from)\s+(?:the\s+)?(?:diagnostic\s+)?biopsy"
    r"|based\s+on\s+(?:(?:high[\s-]resolution|diagnostic|systematic|template|mri[\s-]targeted)\s+)?biops(?:y|ies)"
    r"(?:\s+strateg(?:y|ies))?)(?![a-z])"
)
""""on post-operative pathological sample", "on the prostatectomy specimen", "at biopsy", "based on
high-resolution biopsy strategies": the specimen named right after the threshold (or its bracket)."""
_THRESHOLD_END = re.compile(r"[^;:]*?\d(?:\s*\+\s*\d)?(?:\s*=\s*\d+)?\s*(?:[(\[][^()\[\]]*[)\]])?")
"""The threshold after the measure's name, with a pattern pair or a bracket it carries ("≤ 7 (3+4 or
4+3)")."""
_CUES = ("biops", "patholog", "prostatectomy", "specimen", "sample")


def gleason_specimen(
    segment: Segment,
    mentions: Iterable[tuple[int, int, tuple[str, ...]]],
    when: str | None,
    spans: list[Span],
) -> tuple[str | None, list[Span]]:
    """``when`` and ``spans`` (the timepoint read so far and where it is said) with the specimen each Gleason
    measure mentioned at (start, end, analytes) is graded on added."""
    if not segment.contains(*_CUES):
        return when, spans
    found: list[str] = []
    spans = list(spans)
    for start, end, analytes in mentions:
        if GLEASON_SCORES.isdisjoint(analytes):
            continue
        before = _BEFORE.search(segment.norm, max(segment.start, start - 40), start)
        if before:
            found.append(segment.quote(before.start(), before.end()).strip())
            spans.append(before.span())
        threshold = _THRESHOLD_END.match(segment.norm, end, segment.end)
        after = _AFTER.match(segment.norm, threshold.end(), segment.end) if threshold else None
        if after:
            found.append(segment.quote(*after.span("on")))
            spans.append(after.span())
    if not found:
        return when, spans
    return ", ".join(dict.fromkeys([*([when] if when else []), *found])), spans
