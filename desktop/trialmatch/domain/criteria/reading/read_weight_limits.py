"""Reader for limits that hold by body weight: "Creatinine clearance (calculated) greater than 50 mL/min in
patients weighing at least 45 kg and measured creatinine clearance at least 50 mL/min in patients weighing
less than 45 kg".

The patient file holds the weight, so each limit is read for the patients it names: an inclusion holds a
patient to the limit of each weight band they are in ("not in the band, or the limit"), an exclusion excludes
one in a band whose limit they reach ("in the band and the limit"). A patient of unknown weight passes only
when every limit holds. Each part must be one plain threshold and its band one weight limit in kilograms;
anything else is left to the other readers.
"""

from __future__ import annotations

import re

from trialmatch.domain.criteria.derived import DerivedValueRule
from trialmatch.domain.criteria.lab import LabThreshold
from trialmatch.domain.criteria.logic import AllOf, AnyOf
from trialmatch.domain.criteria.reading.numbers import find_quantities
from trialmatch.domain.criteria.reading.read_labs import read_labs
from trialmatch.domain.criteria.reading.text import Read, Segment
from trialmatch.domain.criteria.registry import Rule
from trialmatch.domain.trial import Section

_WEIGHING = re.compile(
    r"\s*,?\s*(?:in|for)\s+(?:patients|subjects|participants|those|children|adults)\s+(?:who\s+weigh|weighing"
    r"|with\s+(?:a\s+)?(?:body\s+)?weight(?:\s+of)?)\s+(?P<weight>[^,;()]*?(?:kg|kilograms?))(?![a-z])"
)
""""in patients weighing at least 45 kg", "for subjects with a body weight of < 50 kg"."""
_JOINER = re.compile(r"\s*(?:[,;]\s*)?(?:and\s+)?")
_END = re.compile(r"[\s.;,]*")


def read_weight_limits(segment: Segment, section: Section) -> Read | None:
    """The limits with the weight band each holds in; None when the segment is not wholly such parts."""
    if not segment.contains("weigh"):
        return None
    parts: list[Rule] = []
    position = segment.start
    for band in _WEIGHING.finditer(segment.norm, segment.start, segment.end):
        joiner = _JOINER.match(segment.norm, position, band.start())
        start = joiner.end() if joiner and parts else position
        limit = read_labs(segment.sub(start, band.start()), section)
        weight = _weight(segment, band)
        if limit is None or weight is None or not _plain(limit.rule):
            return None
        assert isinstance(limit.rule, LabThreshold | DerivedValueRule)
        span = (start, band.end())
        if section is Section.EXCLUSION:
            parts.append(AllOf(source_span=span, children=[weight, limit.rule]))
        else:
            other = weight.model_copy(update={"comparator": weight.comparator.opposite})
            parts.append(AnyOf(source_span=span, children=[other, limit.rule]))
        position = band.end()
    if not parts or not _END.fullmatch(segment.norm, position, segment.end):
        return None
    if len(parts) == 1:
        return Read(parts[0].model_copy(update={"source_span": segment.span}))
    if section is Section.EXCLUSION:
        return Read(AnyOf(source_span=segment.span, children=parts))
    return Read(AllOf(source_span=segment.span, children=parts))


def _weight(segment: Segment, band: re.Match[str]) -> LabThreshold | None:
    """The band's weight limit: one number in kilograms with its comparator."""
    start, end = band.span("weight")
    quantities = find_quantities(segment.norm[:end], segment.printed, start)
    if len(quantities) != 1:
        return None
    (weight,) = quantities
    if weight.comparator is None or weight.unit != "kg" or weight.upper or weight.end != end:
        return None
    return LabThreshold(
        source_span=(weight.start, weight.end),
        analyte="body_weight",
        comparator=weight.comparator,
        value=weight.number.value,
        unit="kg",
    )


def _plain(rule: Rule | None) -> bool:
    return isinstance(rule, LabThreshold | DerivedValueRule) and rule.is_plain
