"""A bracket after a threshold that names a finding and the limit for it, with no "if" or "for patients with":
"ALT and AST ≤ 3 × ULN (liver metastasis ≤ 5.0 × ULN)", "ALT > 3 × ULN (tumor liver metastasis ≥ 5 × ULN)",
"TBIL ≤ 1.5 × ULN (Gilbert's syndrome subjects: TBIL ≤ 3 mg/dL)". Registries translated from Chinese print
the exception so; read as the same bracket with "if" it is the threshold's exception for the finding.

Only a finding known to raise the threshold's analytes (``RAISED_BY``: liver metastases for the liver tests,
Gilbert's syndrome for bilirubin, bone metastases for alkaline phosphatase) and nothing else before the limit
but "tumour", "known", "in", "for" or "patients": any other word may narrow or change the condition, and the
bracket stays unread.
"""

from __future__ import annotations

import re

from trialmatch.domain.criteria.reading.lab_shared_waiver import RAISED_BY
from trialmatch.domain.criteria.reading.text import Segment, Span
from trialmatch.domain.lexicon import find_concepts

_PREFIX = re.compile(
    r"[(\[]\s*(?:(?:in|for)\s+)?(?:(?:tumou?r|known|documented|confirmed)\s+)*(?P<finding>[a-z][a-z' -]*?)"
    r"(?:\s+(?:subjects|patients|participants))?\s*:?\s*"
)


def named_exception(segment: Segment, start: int, end: int, limit_start: int) -> Span | None:
    """The condition span (from the finding to the bracket's end) of the bracket ``start:end`` whose limit (or
    the analyte named again before it) begins at ``limit_start``; None when the bracket is not so printed."""
    match = _PREFIX.fullmatch(segment.norm, start, limit_start)
    if match is None:
        return None
    finding_start, finding_end = match.span("finding")
    concepts = find_concepts(segment.printed[finding_start:finding_end])
    if len(concepts) != 1:
        return None
    (concept_start, concept_end, concept) = concepts[0]
    if concept.id not in RAISED_BY or (concept_start, concept_end) != (0, finding_end - finding_start):
        return None
    return finding_start, end
