"""What body-size sentences print beside their thresholds: the BMI formula ("calculation = body weight
(kg)/height (m2)", "[BMI = weight (kg)/height2 (m2)]") and a note that the range includes its ends ("19 ~ 26
kg/m2 (including cut-off value)", "(including both ends)", "(including the boundary value)").

The formula is how the patient's BMI is computed already, so it restates the analyte. A range is read with
its ends included, so the note restates that too; but beside a strict comparator ("> 18.5 (including the
boundary value)") it contradicts what the reader would keep, and it is then left in the sentence for review.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from trialmatch.domain.criteria.reading.text import Segment, Span

_SQUARE = r"(?:2|\^2|²)"
_BMI_FORMULA = re.compile(
    r"(?:calculation\s*=\s*|bmi\s*=\s*|calculated\s+as\s+)?(?:body\s+)?weight\s*"
    r"(?:[(\[]\s*kg\s*[)\]]|in\s+(?:kg|kilograms))?\s*(?:/|per|divided\s+by)\s*"
    r"(?:the\s+)?(?:square\s+of\s+(?:the\s+)?)?height\s*" + _SQUARE + r"?\s*"
    r"(?:[(\[]\s*m" + _SQUARE + r"?\s*[)\]]\s*" + _SQUARE + r"?|in\s+m(?:eters|etres)?(?:\s+squared)?)?"
    r"(?:\s*(?:metered\s+square|squared))?(?:\s*[(\[]\s*kg\s*/\s*m" + _SQUARE + r"\s*[)\]])?"
)
_INCLUSIVE = re.compile(
    r"[(\[]\s*including\s+(?:the\s+)?(?:both\s+ends|(?:boundary|cut-?off|critical|threshold)\s+values?"
    r"|thresholds|boundaries|limits)\s*[)\]]"
)
_CLASS_BEFORE = re.compile(
    r"(?<![a-z])(?:(?:morbid(?:ly)?\s+|severe\s+)?(?:obesity|obese)|overweight|underweight)\s+(?=\d)"
)
""""(overweight 25-29.9 kg/m2 or obesity 30 kg/m2 or greater)": the weight class each BMI range defines, named
right before it; the range is what the trial means by the class."""
_STRICT = re.compile(
    r"(?<![<>=≤≥])[<>](?!=)|(?<!not\s)(?:less|greater|more|lower|higher)\s+than(?!\s+or\s+equal)"
    r"|(?<![a-z])(?:above|below|over|under|exceed(?:s|ing)?)(?![a-z])"
)


def body_size_notes(segment: Segment, analytes: Collection[str]) -> list[Span]:
    """The spans of a BMI formula and of weight classes named before their ranges (when the sentence names
    BMI), and of an inclusive-range note."""
    spans: list[Span] = []
    if "bmi" in analytes and segment.contains("height"):
        spans += [m.span() for m in _BMI_FORMULA.finditer(segment.norm, segment.start, segment.end)]
    if "bmi" in analytes and (segment.contains("weight") or segment.contains("obes")):
        spans += [m.span() for m in _CLASS_BEFORE.finditer(segment.norm, segment.start, segment.end)]
    if segment.contains("including") and not _STRICT.search(segment.norm, segment.start, segment.end):
        spans += [m.span() for m in _INCLUSIVE.finditer(segment.norm, segment.start, segment.end)]
    return spans
