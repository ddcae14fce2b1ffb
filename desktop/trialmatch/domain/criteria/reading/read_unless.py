"""Reader for a finding whose bracket admits the patients who meet a threshold: "No chronic lung disease
(unless DLCO at least 60%)".

The finding is what the item rules out; the bracket, the value at which the trial accepts a patient with it.
The inclusion is then "not the finding, or the threshold": a patient without the finding passes, one with it
is judged by the threshold, and one whose finding is unknown passes only when the threshold holds. Only a
plain lexicon finding (no narrowing word) and a bracket the lab reader reads whole as one threshold; anything
else stays with the other readers. Inclusions only: an exclusion so worded ("HIV infection (unless CD4 >
350/µL)") is left to ``read_composite``, which does not read a bracket that turns its finding.
"""

from __future__ import annotations

import re

from trialmatch.domain.criteria.finding import FindingRule
from trialmatch.domain.criteria.lab import LabThreshold
from trialmatch.domain.criteria.logic import AnyOf
from trialmatch.domain.criteria.reading.read_findings import read_findings
from trialmatch.domain.criteria.reading.read_labs import read_labs
from trialmatch.domain.criteria.reading.text import Read, Segment, parenthesised
from trialmatch.domain.trial import Section

_UNLESS = re.compile(r"\s*unless\s+")


def read_unless(segment: Segment, section: Section) -> Read | None:
    """The finding and the threshold its closing "(unless ...)" bracket states; None when not read fully."""
    if section is not Section.INCLUSION or not segment.contains("unless"):
        return None
    groups = parenthesised(segment)
    if not groups or groups[-1][1] != segment.end or groups[-1][0] <= segment.start:
        return None
    start, end = groups[-1]
    unless = _UNLESS.match(segment.norm, start + 1, end - 1)
    if unless is None:
        return None
    limit = read_labs(segment.sub(unless.end(), end - 1), section)
    if limit is None or not isinstance(limit.rule, LabThreshold) or not limit.rule.is_plain:
        return None
    found = read_findings(segment.sub(segment.start, start), section)
    finding = found.rule if found is not None else None
    if not isinstance(finding, FindingRule) or finding.exceptions:
        return None
    if finding.present:
        return None
    return Read(AnyOf(source_span=segment.span, children=[finding, limit.rule]))
