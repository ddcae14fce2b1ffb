"""Reader for a limit given per conditioning regimen, the second value printed without its test: "Left
ventricular ejection fraction of at least 40% (Myeloablative Regimen 4, Reduced Intensity Regimen 3) or 30%
(Nonmyeloablative Regimen 2)", "Creatinine < 1.6 mg/dL (Myeloablative Regimen 4, Reduced Intensity Regimen 3)
or < 3.0 mg/dL (Nonmyeloablative Regimen 2)".

The trial assigns its regimens: each limit binds the regimens its bracket names, one stratum each
(``PerStratum``), so a patient held to the stricter limit only fails the regimens that ask it. The value after
"or" is the same test's, with the first comparator when it prints none ("at least 40% ... or 30%"). Both
parts must read as one threshold of that test, and every part must name its regimens; otherwise the sentence
goes on to the other readers.
"""

from __future__ import annotations

import re

from trialmatch.domain.criteria.derived import DerivedValueRule
from trialmatch.domain.criteria.lab import LabThreshold
from trialmatch.domain.criteria.per_stratum import PerStratum
from trialmatch.domain.criteria.reading.numbers import COMPARATOR
from trialmatch.domain.criteria.reading.read_labs import read_labs
from trialmatch.domain.criteria.reading.text import Read, Segment
from trialmatch.domain.criteria.registry import Rule
from trialmatch.domain.trial import Section

_REGIMEN = r"(?:[a-z-]+\s+){0,2}regimen\s+[0-9]{1,2}[a-z]?"
_REGIMENS = _REGIMEN + r"(?:\s*(?:,|and|or)\s*" + _REGIMEN + r")*"
_PAIR = re.compile(
    r"(?P<first>[^()\[\]]+?)\s*[(\[]\s*(?P<one>"
    + _REGIMENS
    + r")\s*[)\]]\s*,?\s*or\s+(?P<second>[^()\[\]]+?)\s*[(\[]\s*(?P<two>"
    + _REGIMENS
    + r")\s*[)\]]\s*[.;]?\s*"
)
_ONE_REGIMEN = re.compile(_REGIMEN)
_COMPARATOR = re.compile(r"(?P<cmp>" + COMPARATOR + r")\s*(?=\d)")
_LEADING_COMPARATOR = re.compile(r"\s*(?:" + COMPARATOR + r")\s*\d")


def read_regimen_limits(segment: Segment, section: Section) -> Read | None:
    """One limit per regimen named in brackets; None when the segment is not two such limits of one test."""
    if not segment.contains("regimen"):
        return None
    match = _PAIR.fullmatch(segment.norm, segment.start, segment.end)
    if match is None:
        return None
    first = _threshold(segment.sub(*match.span("first")), section)
    comparator = _COMPARATOR.search(segment.norm, *match.span("first"))
    if first is None or comparator is None:
        return None
    second_start, second_end = match.span("second")
    has_comparator = _LEADING_COMPARATOR.match(segment.norm, second_start, second_end) is not None
    name_end = comparator.start("cmp") if has_comparator else comparator.end()
    text = segment.printed[match.start("first") : name_end] + " " + segment.printed[second_start:second_end]
    second = _threshold(Segment.of(text), section)
    if second is None or second.analyte != first.analyte:
        return None
    second = second.model_copy(update={"source_span": (second_start, second_end)})
    strata: list[str] = []
    children: list[Rule] = []
    for group, limit in (("one", first), ("two", second)):
        for regimen in _ONE_REGIMEN.finditer(segment.norm, *match.span(group)):
            strata.append(" ".join(segment.printed[regimen.start() : regimen.end()].split()))
            children.append(limit)
    if len(set(strata)) != len(strata):
        return None
    return Read(PerStratum(source_span=segment.span, strata=strata, children=children))


def _threshold(segment: Segment, section: Section) -> LabThreshold | DerivedValueRule | None:
    read = read_labs(segment, section)
    rule = read.rule if read is not None else None
    return rule if isinstance(rule, LabThreshold | DerivedValueRule) else None
