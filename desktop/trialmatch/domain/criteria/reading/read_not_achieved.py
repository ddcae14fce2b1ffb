"""Reader for a limit the patient failed to reach: "Failure to achieve prostate specific antigen level of less
than 0.1ng/ml prior to enrollment in study", "Inability to reach a hemoglobin ≥ 9 g/dL".

What the item names is the value's opposite: a PSA that did not fall below 0.1 ng/mL is one at 0.1 or above.
In an exclusion that opposite excludes, in an inclusion it is required; either way the rule is the opposite
threshold, judged on today's value. Only one plain threshold is read so: the opposite of several, or of one
with an exception or a qualifier, is not one threshold, and the sentence is left for review.
"""

from __future__ import annotations

import re

from trialmatch.domain.criteria.derived import DerivedValueRule
from trialmatch.domain.criteria.lab import LabThreshold
from trialmatch.domain.criteria.reading.read_labs import read_labs
from trialmatch.domain.criteria.reading.text import Read, Segment
from trialmatch.domain.trial import Section

_NOT_ACHIEVED = re.compile(
    r"\s*(?:failure|inability|failed|unable)\s+to\s+(?:achieve|reach|attain)\s+(?:an?\s+|the\s+)?(?=\S)"
)


def read_not_achieved(segment: Segment, section: Section) -> Read | None:
    """The opposite of the one plain threshold the item says was not reached; None otherwise."""
    if not segment.contains("to achieve", "to reach", "to attain"):
        return None
    opening = _NOT_ACHIEVED.match(segment.norm, segment.start, segment.end)
    if opening is None:
        return None
    read = read_labs(segment.sub(opening.end(), segment.end), Section.INCLUSION)
    rule = read.rule if read is not None else None
    if not isinstance(rule, LabThreshold | DerivedValueRule) or not rule.is_plain:
        return None
    opposite = rule.model_copy(update={"comparator": rule.comparator.opposite, "source_span": segment.span})
    return Read(opposite)
