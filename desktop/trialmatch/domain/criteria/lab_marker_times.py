"""A tumour marker or testosterone named with the time it was measured: "Pretreatment PSA ≤ 20 ng/mL",
"Preoperative CA-125 > 35 U/mL", "Pretherapy serum prostate-specific antigen level > 100".

Surgery, radiotherapy and hormone therapy bring these values down (a PSA falls to undetectable after a
prostatectomy, testosterone to castrate levels under androgen deprivation), so the value before or after them
is not the one the patient file holds today. The lab reader takes "pretreatment" and "preoperative" as saying
when a blood count or a creatinine is drawn, which for these analytes would read a past value as today's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from trialmatch.domain.criteria.text import Segment

_MARKERS = frozenset({"psa", "ca125", "cea", "afp", "testosterone"})
_WHEN = re.compile(
    r"(?<![a-z])(?:pre|post)[\s-]?(?:treatment|therapy|therapeutic|operative|op|surgical|surgery)(?![a-z])"
    r"(?:\s+[a-z][a-z-]*){0,3}\s*$"
)


def marker_time(segment: Segment, mentions: Iterable[tuple[int, tuple[str, ...]]]) -> str | None:
    """The words naming another time than now before a marker's name (mention start, analytes), if any."""
    for start, analytes in mentions:
        if _MARKERS.isdisjoint(analytes):
            continue
        if not segment.contains("pre", "post"):
            return None
        when = _WHEN.search(segment.norm, max(segment.start, start - 40), start)
        if when:
            return segment.quote(when.start(), start).strip()
    return None
