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

How an oxygen saturation or a pressure is taken is the standard way the file's value is taken too, as "on room
air" and "at rest" are (``lab_notes``): "when breathing air", "the oxygen saturation when inhaling air",
"Under resting conditions", "(pre-dialysis for HD patients)". The P/F ratio (PaO2/FiO2, in mmHg) is entered as
the ratio the laboratory or the ICU chart reports.

Words before the value that ask more than the one reading the file holds are carried on the thresholds as a
qualifier (``lab_qualified``), never dropped: "Persistent heart rate < 45 bpm" is met by a persistently low
rate, and one low reading is not that, so a rate below the limit is left to the clinician while one above it
decides; "Resting and exercise oxygen saturation at least 90%" needs the exercise value too, so a resting
value that meets the limit is left to the clinician and one below it decides; "Resting or exercise SaO2 at
least 90%" is met by either, so a resting value that meets it decides and one below it is left.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from trialmatch.domain.criteria.lab import LabThreshold
from trialmatch.domain.criteria.logic import leaves
from trialmatch.domain.criteria.reading.lab_qualified import Side, qualified_thresholds
from trialmatch.domain.criteria.reading.numbers import COMPARATOR
from trialmatch.domain.criteria.reading.text import Segment, Span
from trialmatch.domain.criteria.registry import Rule

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
    r"(?:screening|study\s+entry|enrol{1,2}ment|randomi[sz]ation)"
)
_STABLE_REGIMEN = re.compile(
    r"[(\[]\s*note\s*:\s*(?:an?\s+|the\s+)?stable\s+(?:anti-?\s?hypertensive|bp|blood\s+pressure)\s+"
    r"(?:regimen|treatment|therapy|medications?)\s+(?:should|must|shall)\s+be\s+in\s+place\s+"
    r"(?:within|for\s+at\s+least|at\s+least)\s+\d{1,2}\s+(?:weeks?|days?)\s+(?:before|prior\s+to)\s+(?:the\s+)?"
    r"(?:first\s+dose|randomi[sz]ation|enrol{1,2}ment|study\s+entry)(?:\s+of\s+(?:the\s+)?study\s+(?:drug|treatment))?"
    r"\s*[)\]]"
)
""""(Note: a stable antihypertensive regimen should be in place within 1 week before the first dose)": how the
pressure on treatment is taken, on a regimen that has settled, as an average of readings is how it is taken;
the patient file holds that pressure and the limit does not change."""
_CUES = ("regardless", "irrespective", "without", "visit one", "average", "mean", "pressure", "adjustment")


def vital_sign_notes(segment: Segment, analytes: frozenset[str]) -> list[Span]:
    """The spans of such words, when the segment names a blood pressure or heart rate, and of the ways an
    oxygen saturation or a pressure is taken (see the module)."""
    spans = []
    if analytes & {"sbp", "dbp", "heart_rate"} and segment.contains(*_CUES):
        spans = [m.span() for m in _NOTES.finditer(segment.norm, segment.start, segment.end)]
    if analytes & {"sbp", "dbp"} and segment.contains("note"):
        spans += [m.span() for m in _STABLE_REGIMEN.finditer(segment.norm, segment.start, segment.end)]
    if analytes & _TAKEN and segment.contains(*_TAKEN_CUES):
        spans += [m.span() for m in _TAKEN_AS_USUAL.finditer(segment.norm, segment.start, segment.end)]
    return spans


_TAKEN = frozenset({"sbp", "dbp", "heart_rate", "spo2", "po2", "pf_ratio"})
_TAKEN_CUES = ("air", "resting conditions", "dialysis", "kpa")
_TAKEN_AS_USUAL = re.compile(
    r",?\s*(?:(?:when|while)\s+)?(?:breathing|inhaling)\s+(?:room\s+|ambient\s+)?air(?![a-z])"
    r"|(?:under|in)\s+resting\s+conditions\s*,?"
    r"|[(\[]\s*pre-?\s?dialysis(?:\s+(?:for|in)\s+(?:hd|ha?emodialysis)\s+patients)?\s*[)\]]"
    r"|[(\[]\s*1\s*mm\s*hg\s*=\s*0[.,]133\s*kpa\s*[)\]]"
)
""""(1 mmHg = 0.133 kPa)": the unit's value, printed beside a pressure, a P/F ratio in mmHg: no limit."""

VITAL_SIGNS = frozenset({"sbp", "dbp", "heart_rate", "spo2"})
_LEADS_CUES = ("persist", "sustained", "exercis")
_LEADS = re.compile(
    r"(?P<persistent>persistent(?:ly)?|sustained)\s+"
    r"|(?P<exercise>resting\s+(?P<join>and|or)\s+(?:on\s+)?exercis(?:e|ing))\s+"
)


@dataclass(frozen=True, slots=True)
class VitalLead:
    """Words before the first value that ask more than one reading: their ``span`` (claimed as read), the
    ``qualifier`` quoting them, the ``side`` left to the clinician, and the analytes they may qualify."""

    span: Span
    qualifier: str
    side: Side
    analytes: frozenset[str]


def vital_sign_leads(segment: Segment, analytes: frozenset[str], first_mention: int) -> list[VitalLead]:
    """ "Persistent", "sustained", "Resting and exercise", "Resting or exercise" right before the first value
    named (at ``first_mention``), when every value named is a vital sign (see the module)."""
    if not analytes or not analytes <= VITAL_SIGNS or not segment.contains(*_LEADS_CUES):
        return []
    lead = _LEADS.match(segment.norm, segment.start, segment.end)
    if lead is None or lead.end() != first_mention:
        return []
    if lead.group("persistent"):
        quote = segment.quote(*lead.span("persistent"))
        return [VitalLead(lead.span(), f"persistent ('{quote}')", "met", VITAL_SIGNS)]
    quote = segment.quote(*lead.span("exercise"))
    side: Side = "met" if lead.group("join") == "and" else "unmet"
    return [VitalLead(lead.span(), f"the exercise value ('{quote}')", side, frozenset({"spo2"}))]


def with_vital_leads(rule: Rule, leads: list[VitalLead]) -> Rule | None:
    """``rule`` with each lead's qualifier on every threshold; None when a part is no plain threshold of the
    values the lead may qualify."""
    for lead in leads:
        if not all(
            isinstance(leaf, LabThreshold) and leaf.analyte in lead.analytes and leaf.is_plain
            for leaf in leaves(rule)
        ):
            return None
        qualified = qualified_thresholds(rule, lead.qualifier, lead.side)
        if qualified is None:
            return None
        rule = qualified
    return rule
