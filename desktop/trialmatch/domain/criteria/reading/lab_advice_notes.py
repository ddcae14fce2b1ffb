"""Sentences beside kidney and electrolyte limits that advise or explain, and do not change the limit: advice
on the treatment ("creatinine clearance ≥30 ml/min. We recommend avoiding cisplatin for patients with
creatinine clearance <50 ml/min."), why low values are accepted ("... or creatinine clearance ≥ 30
mL/min/1.73 m^2 are permitted as the study agents are not secreted by the kidney") and that an electrolyte
may be corrected before it is judged ("Note: Patients experiencing hypokalemia are permitted to undergo
treatment to attain normal potassium levels during the screening period.").

Advice to avoid a drug below a value tells the investigator how to treat an enrolled patient, not whom to
enrol. The reason a limit is lenient is said of the limit already read. A correction during screening gives
no limit of its own: ``lab_correctable`` puts it on the limit it lets be corrected. Each is claimed only
as a whole sentence or clause ending the item; the rationale only in an inclusion ("are permitted" in an
exclusion would turn the item round).
"""

from __future__ import annotations

import re

from trialmatch.domain.criteria.reading.lab_correctable import CORRECTION_NOTE
from trialmatch.domain.criteria.reading.text import Segment, Span
from trialmatch.domain.trial import Section

_ADVICE = re.compile(
    r"(?<=[.;])\s*(?:we|it\s+is)\s+(?:strongly\s+)?recommend(?:ed)?\s+(?:that\s+(?:you\s+)?)?"
    r"(?:avoid(?:ing)?|against|caution|(?:a\s+)?dose\s+reduction)(?![a-z])[^.;]*[.;]?\s*$"
)
""""We recommend avoiding cisplatin for patients with ...": a closing sentence of advice on treatment."""
_NOT_RENAL = re.compile(
    r"\s*(?:(?:are|is)\s+(?:permitted|allowed|acceptable)\s+)?(?:as|since|because)\s+(?:the\s+)?study\s+"
    r"(?:agents?|drugs?|treatments?|medications?)\s+(?:is|are)\s+not\s+(?:renally\s+)?"
    r"(?:secreted|excreted|cleared|eliminated)(?:\s+(?:by|through|via)\s+the\s+kidneys?)?\s*[.;]?\s*$"
)
""""are permitted as the study agents are not secreted by the kidney": why a low clearance is accepted."""


def advice_notes(segment: Segment, section: Section) -> list[Span]:
    """The spans of a closing advice, rationale or correction note."""
    spans: list[Span] = []
    if segment.contains("recommend"):
        spans += [m.span() for m in _ADVICE.finditer(segment.norm, segment.start, segment.end)]
    if section is Section.INCLUSION and segment.contains(" not "):
        spans += [m.span() for m in _NOT_RENAL.finditer(segment.norm, segment.start, segment.end)]
    if segment.contains("emia"):
        spans += [m.span() for m in CORRECTION_NOTE.finditer(segment.norm, segment.start, segment.end)]
    return spans
