"""Reader for an exclusion's threshold the patient's value must also resist treatment to meet: "hemoglobin
levels less than 10 g/dL and is not responsive to the standard medical intervention for CKD-related anemia",
"platelets < 50,000/µL which cannot be corrected", "potassium < 3.0 mEq/L that is persistent and refractory to
correction".

The clause only narrows the threshold to values that stay there on treatment, which the patient file does not
record: each threshold carries it as its qualifier, so a value short of the bound is not excluded and one that
meets it is left to the clinician. The clause must end the item and name no alternative ("or") nor a number
of its own, which could add a condition the qualifier would hide. Exclusions only: an inclusion would need the
qualifier negated with the threshold, which the threshold model cannot say.
"""

from __future__ import annotations

import re

from trialmatch.domain.criteria.reading.lab_qualified import qualified_thresholds
from trialmatch.domain.criteria.reading.read_labs import read_labs
from trialmatch.domain.criteria.reading.text import Read, Segment
from trialmatch.domain.trial import Section

_CUES = ("responsive", "refractory", "corrected")
_REFRACTORY = re.compile(
    r"\s*,?\s*(?:and\s+)?(?:(?:that|which)\s+)?(?:(?:is|are|was|were|remains?)\s+)?"
    r"(?P<clause>(?:persistent(?:ly)?\s+and\s+)?(?:not\s+responsive|unresponsive|non-?responsive|refractory)\s+to"
    r"|(?:can\s*not|could\s+not)\s+be\s+corrected)"
    r"(?P<rest>[^;0-9]*?)\s*\.?\s*$"
)
_ALTERNATIVE = re.compile(r"(?<![a-z])(?:or|unless|except|if)(?![a-z])")


def read_refractory(segment: Segment, section: Section) -> Read | None:
    """The thresholds before the clause, each qualified as refractory; None when the segment is not
    thresholds read fully and then the clause alone."""
    if section is not Section.EXCLUSION or not segment.contains(*_CUES):
        return None
    found = _REFRACTORY.search(segment.norm, segment.start, segment.end)
    if found is None or _ALTERNATIVE.search(found.group("rest")):
        return None
    head = segment.sub(segment.start, found.start())
    read = read_labs(head, section) if head.start < head.end else None
    if read is None or read.rule is None:
        return None
    quote = segment.quote(found.start("clause"), found.end("rest")).strip()
    rule = qualified_thresholds(read.rule, f"refractory to treatment ('{quote}')")
    return Read(rule) if rule is not None else None
