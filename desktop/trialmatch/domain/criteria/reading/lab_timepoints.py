"""A lab value at another time than now: "Pre-pregnancy BMI ≥ 40", "Previous CD4 count < 200 cells/µL",
"Initial WBC < 30,000/mm³", "PSA < 10 ng/mL before prostatectomy", "Blood glucose > 200 mg/dL on the day of
surgery", "LVEF ≥ 50% at the last assessment during the induction therapy phase".

The patient file holds today's values, so the threshold keeps the time as written (``AtTime.timepoint``) and
is judged unknown, never against today's value. A time that only says when today's value is drawn ("within
14 days prior to registration", "at screening", "preoperative haemoglobin") is ``lab_timing``'s and the
lab reader's, read as today's. A tumour marker or testosterone named before or after surgery or therapy
("Pretreatment PSA ≤ 20 ng/mL", "Post-operative PSA < 0.2") is a value at another time: surgery, radiotherapy
and hormone therapy bring these down, so today's value is not that one.

The time is put on the rule only when it names one test, without exceptions, strata, a sex or a qualifier:
which of several tests "initial" or "before surgery" binds to is not said, and the reader leaves such a
sentence for review.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from trialmatch.domain.criteria.derived import DerivedValueRule
from trialmatch.domain.criteria.lab import LabThreshold
from trialmatch.domain.criteria.logic import leaves, map_leaves
from trialmatch.domain.criteria.reading.text import Segment, Span, inside
from trialmatch.domain.criteria.registry import Rule

_MARKERS = frozenset({"psa", "ca125", "cea", "afp", "testosterone"})
_MARKER_TIME = re.compile(
    r"(?<![a-z])(?:pre|post)[\s-]?(?:treatment|therapy|therapeutic|operative|op|surgical|surgery)(?![a-z])"
    r"(?=(?:\s+(?:serum|plasma|blood|total))?\s*$)"
)
""""Pretherapy serum prostate-specific antigen": a marker's value before or after surgery or therapy."""
_PRE_SURGICAL = re.compile(r"(?<![a-z])pre[\s-]?surgical\s+(?:(?:serum|plasma|blood)\s+)?$")
""""pre-surgical hematocrit": said as "preoperative" is, the draw before the trial's surgery, today's value
for an ordinary test (a marker's is above)."""
_BEFORE_NAME = re.compile(
    r"(?<![a-z])(previous|prior|initial|first|highest|lowest|pre[\s-]?pregnancy|pre[\s-]?gestational|pregestational)"
    r"\s+(?:(?:serum|plasma|blood)\s+)?$"
)
""""Previous CD4", "Initial WBC", "Highest WBC", "Pre-pregnancy BMI", "Pregestational BMI": the word just
before the test's name."""
_BEFORE_CUES = ("previous", "prior", "initial", "first", "highest", "lowest", "pregnancy", "gestational")

_EVENT = (
    r"(?:(?:radical\s+)?prostatectomy|cystectomy|nephrectomy|hysterectomy|surgery|delivery|pregnancy|conception"
    r"|diagnosis|presentation|(?:(?:renal|kidney|liver)\s+)?transplant(?:ation)?|autografting\s+evaluation"
    r"|hospitali[sz]ation"
    r"|anti-?androgen\s+withdrawal)"
)
_WITHIN = re.compile(r"within\s+(?:the\s+)?\d+\s*(?:days?|weeks?|hours?)\s*$")
"""A window before the event ("within 7 days prior to surgery") says when today's value is drawn: the
screening value, which lab_timing reads, not a value at another time."""
_AT_EVENT = re.compile(
    r"(?<![a-z])(?:(?:obtained|measured|drawn)\s+)?(?:(?:on|at)\s+the\s+day\s+of|at\s+the\s+time\s+of"
    r"|(?:\d+\s*(?:to|-)\s*)?\d+\s*(?:days?|d)\s+(?:after|following)"
    r"|before|prior\s+to|after|following|during|at)"
    r"\s+(?:(?:the|his|her)\s+)?(?:initial\s+|clinical\s+)?" + _EVENT + r"(?![a-z])"
    r"|(?<![a-z])(?:(?:obtained|measured|drawn)\s+)?post[\s-]?surgery(?![a-z])"
    r"|(?<![a-z])at\s+the\s+last\s+assessment\s+during\s+(?:the\s+)?(?:induction|consolidation)"
    r"(?:\s+(?:therapy|treatment|chemotherapy))?(?:\s+phase)?(?![a-z])"
)
""""before prostatectomy", "on the day of surgery", "at the time of delivery", "at presentation", "10 to 15
days after renal transplantation", "during hospitalization", "within 7 days prior to surgery", "obtained
post surgery", "at the last assessment during the induction therapy phase": an event of the patient's
course, not the trial's start (which ``lab_timing`` reads as the draw of today's value)."""
_EVENT_CUES = (
    "before",
    "prior",
    "after",
    "following",
    "day of",
    "time of",
    "presentation",
    "diagnosis",
    "during",
    "surgery",
)


def read_timepoint(
    segment: Segment, mentions: Iterable[tuple[int, tuple[str, ...]]], claimed: list[Span]
) -> tuple[str | None, list[Span]]:
    """The time the sentence's value is taken at when it is not now, as written, and the spans saying it
    (which also hold a "pre-surgical" said of today's draw, with no time); none inside a ``claimed`` span,
    which another note has read ("not increasing for 2-4 weeks prior to transplant")."""
    found: list[tuple[str, Span]] = []
    spans: list[Span] = []
    surgical = segment.contains("surgical")
    before = segment.contains(*_BEFORE_CUES)
    marker = segment.contains("pre", "post")
    for start, analytes in mentions:
        window = max(segment.start, start - 40)
        if marker and not _MARKERS.isdisjoint(analytes):
            when = _MARKER_TIME.search(segment.norm, window, start)
            if when:
                found.append((segment.quote(*when.span()), when.span()))
                continue
        if surgical:
            draw = _PRE_SURGICAL.search(segment.norm, window, start)
            if draw:
                spans.append(draw.span())
                continue
        if before:
            named = _BEFORE_NAME.search(segment.norm, window, start)
            if named:
                found.append((segment.quote(named.start(), named.end(1)), named.span()))
    if segment.contains(*_EVENT_CUES):
        for event in _AT_EVENT.finditer(segment.norm, segment.start, segment.end):
            if _WITHIN.search(segment.norm, max(segment.start, event.start() - 30), event.start()):
                continue
            if not inside(event.span(), claimed):
                found.append((segment.quote(*event.span()).strip(), event.span()))
    spans += [span for _, span in found]
    if not found:
        return None, spans
    return ", ".join(dict.fromkeys(phrase for phrase, _ in found)), spans


def at_timepoint(rule: Rule, timepoint: str) -> Rule | None:
    """The rule with ``timepoint`` on its thresholds; None when it is not clear which value it is said of
    (several tests, or a threshold with exceptions, strata, a sex or a qualifier)."""
    parts = list(leaves(rule))
    if not all(isinstance(p, LabThreshold | DerivedValueRule) and not p.timepoint for p in parts):
        return None
    if len({p.analyte for p in parts if isinstance(p, LabThreshold | DerivedValueRule)}) != 1:
        return None
    if any(isinstance(p, LabThreshold) and not p.is_plain for p in parts):
        return None

    def timed(part: Rule) -> Rule:
        return part.model_copy(update={"timepoint": timepoint})

    return map_leaves(rule, timed)
