"""Words after the thresholds that only say what they mean: "HbA1c higher than 8% at screening indicating
unbalanced diabetes", and, in an exclusion, that they exclude: "BMI ≥ 50 kg/m2 is not suitable for TAP block",
"Platelets < 50,000/µL are not eligible".

A gloss names what a value beyond the threshold shows; the trial judges the value, so the gloss adds no
condition. Only a trailing clause is read so, and one holding a word that could bind the threshold to some
patients or make an exception ("unless", "if", "only", "except", "but") is not: "creatinine > 1.5 × ULN
indicating renal impairment unless due to myeloma" stays to be read whole. Restating the section ("are not
eligible") is the exclusion's own verdict; "for <purpose>" after it (at most six words, no number) names the
procedure the trial does, not another population.
"""

from __future__ import annotations

import re

from trialmatch.domain.criteria.reading.text import Segment, Span
from trialmatch.domain.trial import Section

_BINDING = (
    r"(?<![a-z])(?:unless|except|excluding|if|when|whenever|provided|only|but|however|without"
    r"|or\s+those)(?![a-z])"
)
_GLOSS = re.compile(
    r",?\s*(?:indicating|indicative\s+of|suggesting|suggestive\s+of)\s+(?:(?!"
    + _BINDING
    + r")[^.;()\[\]\d<>≤≥=])+"
    r"(?=[.;]?\s*$)"
)
_NOT_ELIGIBLE = re.compile(
    r",?\s*(?:(?:is|are|will\s+be)\s+(?:not\s+(?:eligible|suitable|allowed)|ineligible|unsuitable|excluded))"
    r"(?:\s+for\s+(?:[a-z/-]+\s+){0,5}[a-z/-]+)?(?=[.;]?\s*$)"
)


def gloss_spans(segment: Segment, section: Section, first_mention: int) -> list[Span]:
    """The trailing gloss or section restatement after the first analyte named, if any."""
    found: list[Span] = []
    if segment.contains("indicat", "suggest"):
        found.extend(m.span() for m in _GLOSS.finditer(segment.norm, first_mention, segment.end))
    if section is Section.EXCLUSION and segment.contains("eligible", "suitable", "excluded", "not allowed"):
        found.extend(m.span() for m in _NOT_ELIGIBLE.finditer(segment.norm, first_mention, segment.end))
    return found
