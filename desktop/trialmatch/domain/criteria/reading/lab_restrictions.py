"""A condition printed after a threshold that narrows whom the threshold is for, without a threshold of its
own: "ALT > 1.5 × ULN, if considered clinically significant by Investigator", "Oxygen saturation > 90 % for
patients with symptomatic lung disease".

The threshold then holds only for the patients the condition names, which the patient file does not record
(or records in words the reader cannot tie to it): a value that meets the threshold is read as usual, and
one that does not is left to the clinician. That is what an unchecked waiving exception does, so the lab
reader keeps such a condition as one, with its text and never a concept: a concept would waive the threshold
for the very patients it is meant for. A condition that names only a finding the patient file records ("for
patients with liver involvement") is not kept so: the item-level reading of conditions checks it.

"with" is not a restriction ("HbA1c ≥ 10 %, or with a history of retinopathy" adds an alternative), nor is a
negation ("if no liver metastases": the opposite of an exception, read as such), nor, in an inclusion, a
cause ("weight ≥ 50 kg due to fixed dosing" says why the limit is set, not for whom).

The opposite, "regardless of whether patients have liver involvement secondary to tumor", says the threshold
holds for every patient: it narrows nothing and excuses no one, and is claimed as such.
"""

from __future__ import annotations

import re

from trialmatch.domain.criteria.reading.text import Segment, Span

_ALWAYS = (
    r"(?:only\s+)?(?:if|when|in\s+(?:the\s+)?case\s+of"
    r"|(?:for|in)\s+(?:patients|subjects|participants|those|pts|people)\s+(?:with|who))"
    r"(?![a-z])(?!\s+(?:no|not|without|there)(?![a-z]))"
)
_CAUSE = r"(?:due\s+to|secondary\s+to|attributable\s+to|caused\s+by|related\s+to)(?![a-z])"
_IN_INCLUSION = re.compile(r"[\s,(\[]*" + _ALWAYS)
_IN_EXCLUSION = re.compile(r"[\s,(\[]*(?:" + _ALWAYS + "|" + _CAUSE + ")")


def restricts(norm: str, start: int, exclusion: bool) -> bool:
    """Whether the condition starting at ``start`` opens with a word that narrows whom the threshold before
    it is for."""
    pattern = _IN_EXCLUSION if exclusion else _IN_INCLUSION
    return pattern.match(norm, start) is not None


_REGARDLESS = re.compile(
    r",?\s*(?:regardless|irrespective)\s+of\s+whether\s+(?:or\s+not\s+)?[a-z][a-z\s'-]*?(?=\s*(?:[.;]|$))"
)


def regardless_spans(segment: Segment) -> list[Span]:
    """ "..., regardless of whether patients have liver involvement secondary to tumor": no exception."""
    if "regardless" not in segment.norm and "irrespective" not in segment.norm:
        return []
    return [m.span() for m in _REGARDLESS.finditer(segment.norm, segment.start, segment.end)]
