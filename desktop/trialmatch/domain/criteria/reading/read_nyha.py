"""Reader for a New York Heart Association class named without the heart failure it grades, as registries
translated from Chinese print it: "New York Heart Association (NYHA) cardiac function grade ≥ Grade II",
"NYHA ≥ 2", "according to NYHA standards, grade Ⅲ～Ⅳ insufficiency", "cardiac function class III-IV
according to NYHA".

A NYHA class is a class of heart failure: the item excludes heart failure of that class. The class narrows the
finding and is kept as an unchecked narrowing, as ``read_findings`` keeps "NYHA class III or IV heart
failure": a patient without heart failure is decided, one with it goes to the clinician. An inclusion is read
only when it refuses the class ("No NYHA class III or IV"): "NYHA class I-II" there may ask for heart failure
(a cardiology trial) or only limit it, and a class below a limit ("NYHA class < 3") admits patients with heart
failure and patients without it.
"""

from __future__ import annotations

import re

from trialmatch.domain.criteria.finding import FindingException, FindingRule
from trialmatch.domain.criteria.reading.finding_grades import NYHA_LEVEL, NYHA_NAME
from trialmatch.domain.criteria.reading.text import Read, Segment
from trialmatch.domain.trial import Section

_BY_NYHA = (
    rf"(?:according\s+to|per|by)\s+(?:the\s+)?{NYHA_NAME}(?:\s+(?:cardiac\s+function\s+)?(?:standards?|criteria"
    r"|classification|scale))?"
)
_KIND = r"(?:(?:(?:cardiac|heart)\s+function(?:al)?|functional)\s+)?(?:class(?:es)?|grades?|stage)"
_CLASS = (
    rf"(?:(?:≥|>=|>)\s*)?(?:{_KIND}\s*)?(?:of\s+)?(?:≥|>=|>)?\s*(?:(?:class|grade)\s*)?{NYHA_LEVEL}"
    rf"(?:\s*(?:-|–|~|to|or|/|and)\s*{NYHA_LEVEL})?(?:\s+(?:or\s+)?(?:above|higher|greater|more|worse))?"
)
_FAILURE = r"(?:insufficiency|insufficient\s+(?:cardiac\s+)?function)"
"""The noun left after the class when the heart failure is not named ("grade Ⅲ～Ⅳ insufficiency"); a named one
("NYHA class III heart failure") is the finding reader's."""
_DISEASE_CLASS = rf"(?:cardiac|heart)\s+disease\s*\(\s*{_CLASS}\s*\)"
""""New York Heart Association cardiac disease (Class II or greater)": the class printed in a bracket."""
_ITEM = re.compile(
    rf"\s*(?P<no>no\s+)?(?:{_BY_NYHA}\s*,?\s*)?(?:(?:the\s+)?{NYHA_NAME}\s*)?(?P<class>{_CLASS}|{_DISEASE_CLASS})(?:\s+{_FAILURE})?"
    rf"(?:\s*,?\s*{_BY_NYHA})?\s*[.;,]?\s*"
)


def read_nyha(segment: Segment, section: Section) -> Read | None:
    """Heart failure narrowed to the NYHA class the segment names alone; None for any other segment."""
    if not segment.contains("nyha", "new york"):
        return None
    match = _ITEM.fullmatch(segment.norm, segment.start, segment.end)
    if match is None:
        return None
    refused = match.group("no") is not None
    if section is Section.INCLUSION and not refused:
        return None
    start = match.end("no") if refused else segment.start
    narrowing = FindingException(
        concept=None, text=segment.quote(start).strip(" .;,"), source_span=(start, segment.end)
    )
    rule = FindingRule(
        source_span=segment.span,
        concept="heart_failure",
        present=not refused,
        exceptions=[narrowing],
    )
    return Read(rule)
