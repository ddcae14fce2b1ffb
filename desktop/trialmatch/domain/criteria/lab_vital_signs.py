"""Words around blood pressure and heart rate limits that neither narrow nor add to them, claimed for the lab
reader: "Regardless of usage of antihypertensive drug, systolic blood pressure <=140 mm Hg ...", "Heart rate
>99 on Visit one", "(defined as systolic blood pressure (BP) > or = 150 mmHg ...), based on an average of > or
= 3 BP readings on > or = 2 sessions", "Uncontrolled hypertension (blood pressures: systolic>150 mmHg ...)".

"Regardless of" and "with or without" treatment say the limit holds for every patient, treated or not: no
exception, and nothing for the clinician to confirm (a treatment the limit holds "despite" is a qualifier,
read by ``read_defined``). How many readings make the value is how it is measured, which the patient file does
not record and the limit does not depend on, as for "the mean of 3 ECGs" (``lab_notes``). "Visit one" is the
first visit, "Visit 1", which ``lab_notes`` reads as today's. "Blood pressures:" heads the systolic and
diastolic limits it names. "(initiation or adjustment of antihypertensive medication[s] is allowed prior to
screening)" lets the patient be treated to meet the limit, which still holds at screening.
"""

from __future__ import annotations

import re

from trialmatch.domain.criteria.numbers import COMPARATOR
from trialmatch.domain.criteria.text import Segment, Span

_AGENTS = r"(?:drugs?|medications?|medicines?|therapy|therapies|treatments?)"
_COUNT = r"(?:(?:" + COMPARATOR + r")\s*)?(?:\d{1,2}|two|three|four|five)"
_NOTES = re.compile(
    r"(?:regardless|irrespective)\s+of\s+(?:the\s+)?(?:usage|use)\s+of\s+(?:an?\s+|any\s+)?anti-?\s?hypertensive\s+"
    + _AGENTS
    + r"|with\s+or\s+without\s+(?:medical\s+|drug\s+|anti-?\s?hypertensive\s+)?"
    + _AGENTS
    + r"|(?:on|at)\s+(?:the\s+)?(?:screening\s+)?visit\s+one"
    r"|(?:based\s+on|as)\s+(?:an?|the)\s+(?:average|mean)\s+of\s+"
    + _COUNT
    + r"\s+(?:(?:bp|blood\s+pressure|consecutive|separate|seated|resting)\s+)*(?:readings|measurements)"
    r"(?:\s+(?:on|over|in|at)\s+"
    + _COUNT
    + r"\s+(?:separate\s+|different\s+)?(?:sessions|visits|occasions|days))?"
    r"|blood\s+pressures?\s*:(?=\s*(?:systolic|diastolic|sbp|dbp)(?![a-z]))"
    r"|(?:the\s+)?(?:initiation|start)\s+(?:or|and/or)\s+adjustment\s+of\s+(?:anti-?\s?hypertensive|bp|blood\s+pressure)"
    r"\s+medications?(?:\s*\[\s*s\s*\])?\s+(?:is|are)\s+(?:allowed|permitted)\s+(?:prior\s+to|before)\s+(?:the\s+)?"
    r"(?:screening|study\s+entry|enrol?ment|randomi[sz]ation)"
)
_CUES = ("regardless", "irrespective", "without", "visit one", "average", "mean", "pressure", "adjustment")


def vital_sign_notes(segment: Segment, analytes: frozenset[str]) -> list[Span]:
    """The spans of such words, when the segment names a blood pressure or heart rate."""
    if not analytes & {"sbp", "dbp", "heart_rate"} or not segment.contains(*_CUES):
        return []
    return [m.span() for m in _NOTES.finditer(segment.norm, segment.start, segment.end)]
