"""Reader for one lab limit with the finding it is due to: "Estimated glomerular filtration rate (eGFR) < 30
mL/min due to chronic kidney disease; or" (exclusion).

"Due to" (also "secondary to", "caused by") asks both the value and its cause, in either section: the value
from another cause does not meet the item, and a patient whose cause is not known is unknown. Only a whole
item whose head reads as one plain threshold, and a tail that reads whole as one finding: a list of
thresholds before it may share the cause ("platelets < 50,000 or ANC < 1,000 due to marrow involvement").
"""

from __future__ import annotations

import re

from trialmatch.domain.criteria.derived import DerivedValueRule
from trialmatch.domain.criteria.finding import FindingRule
from trialmatch.domain.criteria.lab import LabThreshold
from trialmatch.domain.criteria.logic import AllOf
from trialmatch.domain.criteria.reading.read_findings import read_findings
from trialmatch.domain.criteria.reading.read_labs import read_labs
from trialmatch.domain.criteria.reading.text import Read, Segment
from trialmatch.domain.trial import Section

_TAIL = re.compile(
    r"(?<![a-z])(?:due\s+to|secondary\s+to|caused\s+by)\s+(?P<finding>[^;,.()]+?)\s*(?:[;,]\s*(?:and\s*/\s*)?or)?"
    r"\s*[.;]?\s*\Z"
)
""""due to chronic kidney disease; or": the cause, to the item's end (an exclusion item ending in "or"
excludes on its own)."""


def read_threshold_cause(segment: Segment, section: Section) -> Read | None:
    """The threshold and the finding, both; None when the segment is not one threshold and such a tail."""
    if not segment.contains("due to", "secondary to", "caused by") or not _whole_item(segment):
        return None
    tail = _TAIL.search(segment.norm, segment.start, segment.end)
    if tail is None:
        return None
    head = read_labs(segment.sub(segment.start, tail.start()), section)
    threshold = head.rule if head is not None else None
    if not isinstance(threshold, LabThreshold | DerivedValueRule) or not threshold.is_plain:
        return None
    finding = read_findings(segment.sub(*tail.span("finding")), section)
    if finding is None or not isinstance(finding.rule, FindingRule):
        return None
    return Read(AllOf(source_span=segment.span, children=[threshold, finding.rule]))


def _whole_item(segment: Segment) -> bool:
    """Only a whole item: the last part of "Platelets < 50,000 or ANC < 1,000 due to marrow involvement" may
    share its cause with the parts before it."""
    return not segment.norm[: segment.start].strip() and not segment.norm[segment.end :].strip(" .;,")
