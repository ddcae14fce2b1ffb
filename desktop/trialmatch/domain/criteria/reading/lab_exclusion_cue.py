"""An exclusion that opens by saying it excludes: "Exclude if FEV1 < 50% of predicted normal", "Excluded if
creatinine > 2 mg/dL". Among the exclusions the words restate the section: the thresholds after them are
what excludes, as they are without them. In an inclusion they would turn the thresholds around, and are left
unread there.
"""

from __future__ import annotations

import re

from trialmatch.domain.criteria.reading.text import Segment, Span
from trialmatch.domain.trial import Section

_CUE = re.compile(
    r"\s*(?:(?:patients?|subjects?|participants?)\s+(?:will\s+be\s+|are\s+)?)?(?:exclude[ds]?)\s+if(?![a-z])"
)


def exclusion_cue(segment: Segment, section: Section) -> list[Span]:
    """The span of "exclude if" opening an exclusion's segment; none elsewhere."""
    if section is not Section.EXCLUSION or not segment.contains("exclude"):
        return []
    match = _CUE.match(segment.norm, segment.start, segment.end)
    return [match.span()] if match else []
