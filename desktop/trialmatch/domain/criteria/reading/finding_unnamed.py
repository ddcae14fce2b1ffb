"""An illness the lexicon cannot name, offered as an alternative to a finding it can.

"Unstable medical or psychiatric disorder" excludes an unstable medical disorder as well as an unstable
psychiatric one. "medical" is filler elsewhere ("medical history of ..."), so the finding reader read the
sentence as the psychiatric disorder alone, and passed the patient whose unstable illness is a medical one.
"""

from __future__ import annotations

import re

from trialmatch.domain.criteria.reading.text import Segment
from trialmatch.domain.lexicon import Concept

_JOINER = r"\s*(?:,\s*(?:or\s+|and/or\s+|and\s+)?|or\s+|and/or\s+|/\s*)"
_ILLNESS = r"(?:\s+(?:illness(?:es)?|conditions?|disorders?|diseases?|problems?|comorbidit(?:y|ies)))?"
_MEDICAL_BEFORE = re.compile(r"(?<![a-z])medical" + _ILLNESS + _JOINER + r"(?:[a-z]+\s+)?$")
_MEDICAL_AFTER = re.compile(_JOINER + r"(?:[a-z]+\s+)?medical(?![a-z])")


def unnamed_alternative(segment: Segment, main: list[tuple[int, int, Concept]]) -> str | None:
    """Why the findings cannot be read alone when "medical" (illness) is listed beside them, else None."""
    if not segment.contains("medical"):
        return None
    for start, end, _ in main:
        before = _MEDICAL_BEFORE.search(segment.norm, max(segment.start, start - 40), start)
        after = _MEDICAL_AFTER.match(segment.norm, end, segment.end)
        if before is not None or after is not None:
            return "a medical illness the lexicon cannot name is listed beside the finding: judge it"
    return None
