"""Why a trial limits body size, printed beside the limit: "Weight less than 298 pounds and height less than
6'2\" (based on treadmill contraindications)", "Patient weight of ≥ 50 kg due to FT538 fixed cell dosing and
FT538 product pre-dosed packaging".

The reason is the equipment's or the product's (a treadmill's load, a fixed dose), the same for every patient,
so it adds no condition to the weight or height limit. Only a reason naming such a thing is read, and only
beside a weight, height or BMI limit: "due to liver metastases" names the patients a limit holds for, and is
left to the other readers.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from trialmatch.domain.criteria.reading.numbers import COMPARATOR
from trialmatch.domain.criteria.reading.text import Segment, Span

HEIGHT_LIMIT = re.compile(
    r"\s*(?:(?:of|is)\s+)?(?:"
    + COMPARATOR
    + r")\s*\d+(?:[.,]\d+)?\s*(?:cms?(?![a-z])|centimet|inch|['’′]\s*\d)"
)
""""Height less than 6'2\"", "body height < 150 cm": "height" alone names the patient's height only before a
limit in a length; "adjusted for sex, age and height ≥ 50% predicted" names what a lung volume is adjusted
for."""

_SIZES = frozenset({"body_weight", "height", "bmi"})
_THING = (
    r"(?:treadmill|scanner|table|bore|gantry|equipment|machine|device|couch|bed)s?"
    r"|(?:fixed\s+)?(?:cell\s+|flat\s+)?dos(?:e|es|ing)|(?:pre-?\s?dosed\s+)?packag(?:e|es|ing)|vial\s+sizes?"
)
_WORDS = r"(?:[a-z0-9-]+\s+){0,4}?"
_REASON = re.compile(
    r"[(\[]\s*(?:based\s+on|due\s+to|because\s+of)\s+(?:the\s+)?"
    + _WORDS
    + r"(?:"
    + _THING
    + r")(?:\s+(?:contraindications?|limits?|limitations?|restrictions?|capacity|requirements?))?\s*[)\]]"
    r"|(?<![a-z])(?:due\s+to|because\s+of)\s+(?:the\s+)?"
    + _WORDS
    + r"(?:"
    + _THING
    + r")(?:\s+and\s+(?:the\s+)?"
    + _WORDS
    + r"(?:"
    + _THING
    + r"))?(?![a-z])"
)
_CUES = ("based on", "due to", "because of")


def size_reason_spans(segment: Segment, analytes: Collection[str]) -> list[Span]:
    """The spans of such reasons, when every test the segment names is a body size."""
    if not analytes or not set(analytes) <= _SIZES or not segment.contains(*_CUES):
        return []
    return [m.span() for m in _REASON.finditer(segment.norm, segment.start, segment.end)]
