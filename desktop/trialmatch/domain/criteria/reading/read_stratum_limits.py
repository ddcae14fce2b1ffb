"""Reader for limits given per cohort or per drug in one sentence: "Hemoglobin A1c (HbA1c) ≤ 10% (cohort 1)/
Hemoglobin A1c (HbA1c) < 6.5% (cohort 2)", "Total bilirubin =< 3mg/dl for gemcitabine and any value for
Capecitabine", "Creatinine clearance > 60mL/min ... for cisplatin administration; creatinine clearance >/=
51mL/min ... for carboplatin administration".

Every part must name its cohort (as the segmenter labels one: "1", "A") or its drug (an INN stem the pattern
knows) and read fully as lab or derived thresholds; a part without a label, or a limit the reader cannot take
whole, leaves the sentence for review. Read so, each limit binds its stratum only (``PerStratum``).
"""

from __future__ import annotations

import re

from trialmatch.domain.criteria.logic import THRESHOLD_KINDS, leaf_kinds
from trialmatch.domain.criteria.per_stratum import PerStratum
from trialmatch.domain.criteria.reading.read_labs import read_labs
from trialmatch.domain.criteria.reading.text import Read, Segment, split_top_level
from trialmatch.domain.criteria.registry import Rule
from trialmatch.domain.trial import Section

_DRUG = (
    r"[a-z]{3,}(?:mab|platin|citabine|taxel|trexed|tinib|rubicin|fosfamide|tecan|parib|ciclib|mustine|poside"
    r"|lutamide)(?![a-z])"
)
"""A drug named by its INN stem: "gemcitabine", "pembrolizumab", "cisplatin", "carboplatin", "pemetrexed"."""
_DRUGS = rf"{_DRUG}(?:\s+(?:plus|and|\+|/|with)\s+{_DRUG})*"
_COHORT = re.compile(
    r"\s*[(\[]\s*(?:only\s+)?(?:for\s+|in\s+)?(?:the\s+)?(?:cohort|arm|group|part|strat(?:um|a))\s+"
    r"(?P<tag>[a-z]\d?|\d{1,2}[a-z]?)\s*(?:only\s*)?[)\]]\s*$"
)
_FOR_DRUG = re.compile(
    rf"\s+(?:for|with)\s+(?:(?:patients|participants)\s+(?:receiving|treated\s+with)\s+)?(?P<drug>{_DRUGS})"
    r"(?:\s+(?:administration|treatment|therapy|arm|cohort))?\s*$"
)
_ANY_VALUE = re.compile(
    rf"\s*(?:any\s+value|no\s+(?:limit|restriction|requirement))\s+(?:for|with)\s+(?P<drug>{_DRUGS})\s*$"
)
_PARTS = re.compile(r"(?<=[)\]])\s*[/;,]\s*|;\s*|\s+and\s+(?=(?:any\s+value|no\s+limit))")


def read_stratum_limits(segment: Segment, section: Section) -> Read | None:
    """One limit per named cohort or drug; None when not read fully."""
    if not segment.contains("(", " for ", " with "):
        return None
    strata: list[str] = []
    children: list[Rule] = []
    free: list[str] = []
    for part, _ in split_top_level(segment, _PARTS):
        unlimited = _ANY_VALUE.match(part.norm, part.start, part.end)
        if unlimited is not None:
            free.append(" ".join(unlimited.group("drug").split()))
            continue
        label = _COHORT.search(part.norm, part.start, part.end)
        name = label.group("tag").upper() if label is not None else None
        if label is None:
            label = _FOR_DRUG.search(part.norm, part.start, part.end)
            name = " ".join(label.group("drug").split()) if label is not None else None
        if label is None or name is None:
            return None
        read = read_labs(part.sub(part.start, label.start()), section)
        if read is None or read.rule is None or not leaf_kinds(read.rule) <= THRESHOLD_KINDS:
            return None
        strata.append(name)
        children.append(read.rule)
    names = [*strata, *free]
    if not children or len(names) < 2 or len(set(names)) != len(names):
        return None
    return Read(PerStratum(source_span=segment.span, strata=strata, children=children, free=free))
