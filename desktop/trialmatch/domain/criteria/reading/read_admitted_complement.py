"""Reader for an exclusion's threshold followed by a note that admits exactly the values it does not exclude:
"Severe hepatic impairment (Child-Pugh C or higher [score of 10 or higher]); subject with mild or moderate
hepatic impairment (Child-Pugh score of 5-9) may be eligible for treatment", "ALT > 3 × ULN; patients with
ALT ≤ 3 × ULN are eligible".

The note says again, from the other side, what the threshold already decides: a patient it admits is one the
threshold does not exclude. It can only admit, so whatever its words before the bracket ("mild or moderate
hepatic impairment") it adds nothing, and the rule is the threshold alone. Only a note whose values are the
threshold's complement exactly (every Child-Pugh point the exclusion leaves, or the opposite comparator at the
same value): a note admitting more ("Child-Pugh B7 may be eligible" after "Child-Pugh B or C") is an
exception to the exclusion, and a note admitting fewer may be a condition, both left for review.
"""

from __future__ import annotations

import re

from trialmatch.domain.criteria.lab import LabThreshold
from trialmatch.domain.criteria.logic import AllOf
from trialmatch.domain.criteria.reading.lab_child_pugh import CHILD_PUGH, HIGHEST, LOWEST, admitted_points
from trialmatch.domain.criteria.reading.read_labs import read_labs
from trialmatch.domain.criteria.reading.text import Read, Segment
from trialmatch.domain.criteria.registry import Rule
from trialmatch.domain.trial import Section

_NOTE = re.compile(
    r"\s*[;.]\s*(?:however\s*,?\s*)?(?:an?\s+|the\s+)?(?:subjects?|patients?|participants?|those)\s+with\s+"
    r"(?P<label>[a-z][a-z ,'-]*?)?\s*[(\[](?P<band>[^()\[\]]*\d[^()\[\]]*)[)\]]\s*"
    r"(?:may\s+(?:still\s+)?be|are|is|will\s+be)\s+(?:eligible|allowed|permitted|included|enrolled)"
    r"(?:\s+(?:for|in)\s+(?:the\s+|this\s+)?(?:treatment|study|trial|enrol?lment|participation))?\s*[.;]?\s*$"
)
_CUES = ("eligible", "allowed", "permitted", "included", "enrolled")
_NARROWING = re.compile(r"(?<![a-z])(?:not|no|only|unless|except|if)(?![a-z])")
"""Words in the note's label that could make it a condition rather than a restatement."""


def read_admitted_complement(segment: Segment, section: Section) -> Read | None:
    """The threshold before the note; None when the segment is not one threshold read fully and then a note
    admitting exactly its complement."""
    if section is not Section.EXCLUSION or not segment.contains(
        "eligible", "allowed", "permitted", "included"
    ):
        return None
    note = _NOTE.search(segment.norm, segment.start, segment.end)
    if note is None or _NARROWING.search(note.group("label") or ""):
        return None
    head = read_labs(segment.sub(segment.start, note.start()), section)
    if head is None or not isinstance(head.rule, LabThreshold) or not head.rule.is_plain:
        return None
    band = read_labs(segment.sub(*note.span("band")), Section.INCLUSION)
    if band is None or band.rule is None or not _complement(head.rule, band.rule):
        return None
    return head


def _complement(excluded: LabThreshold, admitted: Rule) -> bool:
    """Whether ``admitted`` holds for exactly the values ``excluded`` does not."""
    parts = admitted.children if isinstance(admitted, AllOf) else [admitted]
    limits = [
        t for t in parts if isinstance(t, LabThreshold) and t.is_plain and t.analyte == excluded.analyte
    ]
    if not limits or len(limits) != len(parts):
        return False
    if excluded.analyte == CHILD_PUGH:
        left = set(range(LOWEST, HIGHEST + 1)) - set(admitted_points([(excluded.comparator, excluded.value)]))
        return set(admitted_points([(t.comparator, t.value) for t in limits])) == left
    return len(limits) == 1 and (
        limits[0].comparator is excluded.comparator.opposite
        and (limits[0].value, limits[0].unit, limits[0].multiple_of)
        == (excluded.value, excluded.unit, excluded.multiple_of)
    )
