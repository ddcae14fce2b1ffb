"""Where a threshold comes from, printed beside it: "BMI >= 25 kg/m2 (as per Endocrine Society of India, Ref
12)", "HbA1c > 7 % [as per ADA/ACP guidelines 2020]", "(according to the WHO criteria)".

The bracket names the guideline the trial took the number from; the number is the trial's, so the bracket
adds no condition. Only a bracket that opens with its citing words and names a source (a guideline, a
society, a classification, a reference) is read so: "(as per investigator's judgement)" is a judgement, not a
source, and a bracket holding a value, a condition word or an alternative says more than where the number
came from.
"""

from __future__ import annotations

import re

from trialmatch.domain.criteria.reading.text import Segment, Span

_CITING = re.compile(r"[(\[]\s*(?:as\s+per|according\s+to|per|based\s+on|see|ref(?:erence)?\.?)(?![a-z])")
_SOURCE = re.compile(
    r"(?<![a-z])(?:guidelines?|societ(?:y|ies)|associations?|college|criteria|recommendations?|classifications?"
    r"|consensus|definitions?|standards?|ref(?:erences?)?)(?![a-z])"
)
_SAYS_MORE = re.compile(
    r"(?<![a-z])(?:if|unless|except|or|without|with|when|while|but|not|no|judge?ment|discretion|opinion"
    r"|investigators?|physicians?|treating)(?![a-z])|[<>≤≥=%]"
)
_BRACKET = re.compile(r"[(\[][^()\[\]]*[)\]]")
"""An innermost bracket: "(HbA1c > 7, [as per ADA/ACP guidelines 2020])" cites inside another."""
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_YEAR_OR_REFERENCE = re.compile(
    r"(?:19|20)\d\d|(?<=ref\s)\d{1,3}|(?<=ref\.\s)\d{1,3}|(?<=reference\s)\d{1,3}"
)


_NAMED_CLASSIFICATION = re.compile(
    r"[(\[]\s*(?:the\s+)?(?:[a-z]+\s+){1,5}[(\[]\s*[a-z]{2,6}\s*[)\]]\s+(?:classification|criteria|guidelines?)\s*[)\]]"
)
""""(American Thoracic Society (ATS) classification)": a source named in full, its abbreviation beside it."""


def citation_spans(segment: Segment) -> list[Span]:
    """The spans of brackets that only cite the source of the sentence's threshold."""
    found = []
    if segment.contains("classification", "criteria", "guideline"):
        for named in _NAMED_CLASSIFICATION.finditer(segment.norm, segment.start, segment.end):
            if _SOURCE.search(named.group()) and not _SAYS_MORE.search(named.group()):
                found.append(named.span())
    if not segment.contains("per", "according", "based", "see", "ref"):
        return found
    for bracket in _BRACKET.finditer(segment.norm, segment.start, segment.end):
        start, end = bracket.span()
        if not _CITING.match(segment.norm, start, end):
            continue
        inner = segment.norm[start + 1 : end - 1]
        if not _SOURCE.search(inner) or _SAYS_MORE.search(inner):
            continue
        numbers = [m.span() for m in _NUMBER.finditer(inner)]
        cited = {m.span() for m in _YEAR_OR_REFERENCE.finditer(inner)}
        if all(span in cited for span in numbers):
            found.append((start, end))
    return found


_COMMA_BEFORE = re.compile(r"[\s,;]*$")


def before_citation(segment: Segment) -> Segment:
    """The segment without a citing bracket that ends it, nor the comma before that bracket: "HbA1c > 7,
    [as per ADA/ACP guidelines 2020]" is one threshold, not a list of two parts."""
    cited = [span for span in citation_spans(segment) if span[1] == segment.end]
    if not cited:
        return segment
    start = cited[-1][0]
    comma = _COMMA_BEFORE.search(segment.norm, segment.start, start)
    return segment.sub(segment.start, comma.start() if comma else start)
