"""A clotting time called "spontaneous": "High bleeding risk (spontaneous international normalized ratio (INR)
> 1.6)".

A spontaneous INR or clotting time is one raised by the patient's own coagulation, not by an anticoagulant,
so the limit does not hold for anticoagulated patients. The word is read as the waiver "unless on
anticoagulation" is (see ``lab_anticoagulation``): checked against the finding ``anticoagulation``, so a
patient recorded as not anticoagulated is held to the limit, an anticoagulated one is not, and one whose
anticoagulation is not recorded is left open above the limit. Only right before a clotting test's name: before
any other analyte the word would say something the threshold cannot hold ("spontaneous bleeding").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from trialmatch.domain.criteria.reading.lab_anticoagulation import CLOTTING
from trialmatch.domain.criteria.reading.text import Segment, Span

_SPONTANEOUS = re.compile(r"(?<![a-z])spontaneous(?:ly\s+(?:raised|elevated|prolonged|increased))?\s+$")
SPONTANEOUS_WAIVER = "a spontaneous value: not raised by anticoagulation"
"""The waiver it puts on each clotting limit, checked against the finding ``anticoagulation``."""


def spontaneous_clotting(segment: Segment, mentions: Sequence[tuple[int, tuple[str, ...]]]) -> Span | None:
    """The span of "spontaneous" right before a clotting test's name, if the segment has one."""
    if not segment.contains("spontaneous"):
        return None
    for start, analytes in mentions:
        if CLOTTING.intersection(analytes):
            word = _SPONTANEOUS.search(segment.norm, max(segment.start, start - 40), start)
            if word is not None:
                return word.span()
    return None
