"""The grade a cardiac finding is narrowed to, as registries translated from Chinese print it: "grade II or
above myocardial ischemia", "myocardial infarction above grade II", "≥ grade 2 congestive heart failure [New
York Heart Association (NYHA)]", "according to NYHA standard, grade Ⅲ ~ Ⅳ heart failure", "cardiac
insufficiency of grade III to IV according to NYHA criteria".

A grade only makes the finding rarer: like "uncontrolled" it is kept as an unchecked narrowing, so a patient
with the finding goes to the clinician and one without it is decided. Only beside cardiac findings, whose
grades are NYHA classes or ischaemia grades; the grade of a toxicity is read elsewhere.
"""

from __future__ import annotations

import re

from trialmatch.domain.criteria.reading.text import Segment
from trialmatch.domain.lexicon import Concept, ancestors

NYHA_LEVEL = r"(?:[1-4]|iv|i{1,3}|[ⅰⅱⅲⅳ])(?![a-z0-9])"
"""A class or grade as registries print it: "2", "II", "Ⅲ"."""
NYHA_NAME = r"(?:new\s+york\s+heart\s+association|nyha)(?:\s*\(\s*nyha\s*\))?"
_GRADE = re.compile(
    rf"(?:(?:≥|>=|>)\s*)?(?:grades?|class(?:es)?)\s*(?:of\s+)?(?:≥|>=|>)?\s*{NYHA_LEVEL}"
    rf"(?:\s*(?:-|–|~|to|or|/)\s*{NYHA_LEVEL})?(?:\s+(?:or\s+)?(?:above|higher|greater|more|worse))?"
    rf"|(?<![a-z])above\s+grade\s*{NYHA_LEVEL}"
    rf"|(?<![a-z])(?:(?:,\s*)?(?:according\s+to|per|by)\s+(?:the\s+)?{NYHA_NAME}(?:\s+(?:standards?|criteria|classification"
    rf"|scale))?\s*,?)"
    rf"|[(\[]\s*{NYHA_NAME}\s*[)\]]"
)
_ORDINAL = r"(?:first|second|third|1st|2nd|3rd|[1-3]|i{1,3}|[ⅰⅱⅲ])(?![a-z0-9])"
_DEGREE = re.compile(
    rf"(?<![a-z0-9])(?:(?:≥|>=|>)\s*)?{_ORDINAL}(?:\s*-)?(?:\s*(?:-|–|~|to|or|/|and|,)\s*{_ORDINAL})*[\s-]*degrees?"
    rf"(?:\s+(?:or\s+)?(?:above|higher|greater|more|worse))?"
    rf"|(?<![a-z])(?:of\s+)?degree\s*(?:≥|>=|>)?\s*{_ORDINAL}(?:\s*(?:-|–|~|to|or|/)\s*{_ORDINAL})?"
    rf"(?:\s+(?:or\s+)?(?:above|higher|greater|more|worse))?"
    rf"|(?<=block)\s*(?:type\s+)?(?:i{{1,3}}|[23]|[ⅱⅲ])(?:\s*(?:-|/|or)\s*(?:i{{1,3}}|[23]|[ⅱⅲ]))?(?![a-z0-9])"
    rf"|(?<![a-z])mobitz\s*(?:type\s*)?(?:ii|2|i)(?![a-z0-9])|(?<![a-z])high(?:er)?[\s-]+(?:grade|degree)(?![a-z])"
)
""""Second- or third-degree AV block", "AV block III", "heart block with second degree or greater",
"Mobitz II", "high-grade AV block": the degree of a heart block, a narrowing like a NYHA class."""
_CUES = ("grade", "class", "nyha", "new york")
_DEGREE_CUES = ("degree", "block", "mobitz")
_CARDIAC = "cardiovascular_disease"


def cardiac_grades(segment: Segment, concepts: list[Concept]) -> list[re.Match[str]]:
    """The grade words narrowing the segment's findings, when every one of them is cardiac."""
    if not concepts or not all(c.id == _CARDIAC or _CARDIAC in ancestors(c.id) for c in concepts):
        return []
    grades = (
        list(_GRADE.finditer(segment.norm, segment.start, segment.end)) if segment.contains(*_CUES) else []
    )
    if segment.contains(*_DEGREE_CUES):
        taken = [m.span() for m in grades]
        grades += [
            m
            for m in _DEGREE.finditer(segment.norm, segment.start, segment.end)
            if not any(s < m.end() and m.start() < e for s, e in taken)
        ]
    return grades


_KIDNEY = "chronic_kidney_disease"
_KIDNEY_STAGE = re.compile(
    r"(?<![a-z])(?:ckd\s*)?(?:stage|grade)\s*(?:≥|>=|>)?\s*(?:[1-5]|iv|v|i{1,3})[ab]?(?![a-z0-9])"
    r"(?:\s*(?:-|–|~|to|or|/)\s*(?:(?:[1-5]|iv|v|i{1,3})[ab]?|[ab])(?![a-z0-9]))?"
    r"(?:\s+(?:or|and)\s+(?:above|higher|greater|more|worse|over|beyond))?"
)
""""CKD stage 4 or greater", "(CKD stage 3 and above)", "stage 4 CKD", "CKD stage 3a/b": the KDIGO stage of a
chronic kidney disease. Kept as an unchecked narrowing like a NYHA class: a patient without the disease is
decided, one with it goes to the clinician with the stage the trial names (the file holds no stage)."""


def kidney_stages(segment: Segment, concepts: list[Concept]) -> list[re.Match[str]]:
    """The stage words narrowing the segment's findings, when every one of them is a chronic kidney
    disease."""
    if not concepts or not segment.contains("stage", "grade"):
        return []
    if not all(c.id == _KIDNEY or _KIDNEY in ancestors(c.id) for c in concepts):
        return []
    return list(_KIDNEY_STAGE.finditer(segment.norm, segment.start, segment.end))
