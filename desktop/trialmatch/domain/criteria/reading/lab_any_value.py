"""A prostate test named only to say it does not matter: "Clinical stage ≥ T2 and Gleason score ≥ 8 (any
prostate-specific antigen)", "(any PSA, any Gleason)".

The risk groups of prostate cancer (NCCN, D'Amico) are printed as a stage, a Gleason score and a PSA, and a
group set by the first two says so of the third: "any PSA" bounds nothing. The lab reader claims the bracket
with the names in it, so the test it names is no analyte left without a threshold; the other limits of the
sentence hold as printed.
"""

from __future__ import annotations

import re

from trialmatch.domain.criteria.reading.text import Segment, Span

_TEST = (
    r"(?:psa|prostate[\s-]*specific\s+antigen(?:\s*[(\[]\s*psa\s*[)\]])?|gleason(?:\s+(?:score|grade|sum))?)"
)
_ANY = re.compile(
    r"[(\[]\s*any\s+" + _TEST + r"(?:\s*(?:,|and|or)\s*any\s+" + _TEST + r")*\s*(?:level|value)?\s*[)\]]"
)


def any_value_notes(segment: Segment) -> list[Span]:
    """ "(any PSA)", "(any prostate-specific antigen)", "(any PSA, any Gleason)": brackets saying the tests
    they name are not bounded."""
    if not segment.contains("any"):
        return []
    return [m.span() for m in _ANY.finditer(segment.norm, segment.start, segment.end)]
