"""Reader for a further limit on one alternative: "Has SBP ≥ 140 mmHg and/or DBP ≥ 90 mmHg (if DBP criteria
alone is met, SBP must be ≥130 mmHg) at screening".

The bracket binds the alternative it names: a patient who qualifies by that one alone must also meet its
limit, so the rule is "SBP ≥ 140, or DBP ≥ 90 and SBP ≥ 130". Read whole, the bracket would be a condition
on a threshold of another analyte, which the lab reader leaves to the clinician.
"""

from __future__ import annotations

import re

from trialmatch.domain.analytes import resolve_analyte
from trialmatch.domain.criteria.lab import LabThreshold
from trialmatch.domain.criteria.logic import AllOf, AnyOf
from trialmatch.domain.criteria.reading.read_labs import read_labs
from trialmatch.domain.criteria.reading.text import Read, Segment, masked
from trialmatch.domain.trial import Section

_ALONE = re.compile(
    r"\(\s*if\s+(?:the\s+)?(?P<name>[a-z0-9 ]{2,40}?)\s+(?:criteri(?:a|on)\s+|threshold\s+|limit\s+)?alone\s+"
    r"(?:is|are)\s+met\s*,\s*(?P<limit>[^()]+?)\s*\)"
)


def read_alone_met(segment: Segment, section: Section) -> Read | None:
    """The alternatives with the bracket's limit joined to the one it names; None unless the rest reads as
    two or more plain thresholds joined by "or", one of them on the analyte the bracket names, and the
    bracket's limit as one plain threshold."""
    if not segment.contains("alone"):
        return None
    match = _ALONE.search(segment.norm, segment.start, segment.end)
    if match is None:
        return None
    base = read_labs(masked(segment, [match.span()]), section)
    limit = read_labs(segment.sub(*match.span("limit")), section)
    if base is None or limit is None or not isinstance(base.rule, AnyOf):
        return None
    alternatives = base.rule.children
    if not all(isinstance(a, LabThreshold) and a.is_plain for a in alternatives):
        return None
    if not (isinstance(limit.rule, LabThreshold) and limit.rule.is_plain):
        return None
    named = resolve_analyte(match.group("name"))
    which = named.id if named is not None else None
    bound = [a for a in alternatives if isinstance(a, LabThreshold) and a.analyte == which]
    if len(bound) != 1 or limit.rule.analyte == which:
        return None
    (alone,) = bound
    joined = AllOf(source_span=alone.source_span, children=[alone, limit.rule])
    children = [joined if a is alone else a for a in alternatives]
    return Read(AnyOf(source_span=segment.span, children=children))
