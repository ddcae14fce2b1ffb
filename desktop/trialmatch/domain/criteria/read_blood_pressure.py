"""Reader for a blood pressure printed as a systolic/diastolic pair: "Blood pressure > 160/100 mmHg", "resting
BP < 140/90 mmHg".

A pressure above a pair is high when either value is (hypertension guidelines all say "systolic and/or
diastolic"), and a pressure below a pair is under both; so an exclusion of a pressure above the pair excludes
on either value, and an inclusion of a pressure below it requires both. The other two ("BP < 90/50" as an
exclusion, "BP > 90/60" as a requirement) are hypotension limits whose combination trials word both ways:
not read. Only the pair with its name and measuring words is read here; a sentence saying more goes on to
the other readers, and to review.
"""

from __future__ import annotations

import re

from trialmatch.domain.criteria.base import Comparator
from trialmatch.domain.criteria.lab import LabThreshold
from trialmatch.domain.criteria.logic import AllOf, AnyOf
from trialmatch.domain.criteria.numbers import COMPARATOR, comparator_of
from trialmatch.domain.criteria.registry import Rule
from trialmatch.domain.criteria.text import Read, Segment
from trialmatch.domain.trial import Section

_PAIR = re.compile(
    r"\s*(?:(?:patients?|subjects?|participants?)\s+with\s+|(?:has|have)\s+)?(?:an?\s+)?"
    r"(?:(?:resting|seated|sitting|supine|mean|average|baseline|screening|arterial)\s+)*"
    r"(?:blood\s+pressure|bp)(?:\s*\(\s*bp\s*\))?(?:\s+(?:reading|measurement|value)s?)?"
    r"(?:\s+of|\s*:|\s+is|\s+was)?\s*"
    r"(?P<cmp>" + COMPARATOR + r")\s*(?P<sbp>\d{2,3})\s*/\s*(?P<dbp>\d{2,3})(?![\d.,/])"
    r"(?P<unit>\s*mm\s*-?\s*hg)?(?:\s+(?:at\s+rest|at\s+screening))?\s*[.;,]?\s*"
)


def read_blood_pressure(segment: Segment, section: Section) -> Read | None:
    """The systolic and diastolic thresholds of "BP > 160/100 mmHg"; None when the segment is not such a
    pair alone, or is one whose combination is not settled (see the module)."""
    window = segment.text
    if "/" not in window or ("pressure" not in window and "bp" not in window):
        return None
    match = _PAIR.fullmatch(segment.norm, segment.start, segment.end)
    if match is None:
        return None
    comparator = comparator_of(match.group("cmp"))
    if comparator.is_lower_bound != (section is Section.EXCLUSION):
        return None
    inferred = match.group("unit") is None
    span = match.span("cmp")[0], match.end("dbp")
    children: list[Rule] = [
        _threshold(analyte, comparator, float(match.group(analyte)), inferred, span)
        for analyte in ("sbp", "dbp")
    ]
    rule = AnyOf if comparator.is_lower_bound else AllOf
    return Read(rule(source_span=segment.span, children=children))


def _threshold(
    analyte: str, comparator: Comparator, value: float, inferred: bool, span: tuple[int, int]
) -> LabThreshold:
    return LabThreshold(
        source_span=span,
        analyte=analyte,
        comparator=comparator,
        value=value,
        unit="mmHg",
        unit_inferred=inferred,
    )
