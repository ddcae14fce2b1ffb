"""The NCI template's clearance held only "for patients with creatinine levels above institutional normal".

Beside its creatinine alternative ("creatinine ≤ ULN OR clearance ≥ 60 mL/min for patients with creatinine
above normal") the clause restates that alternative. Printed alone ("Creatinine clearance ≥ 45 mL/min/1.73 m²
for patients with creatinine levels above institutional normal") it is the only place the creatinine
alternative is stated: read as the clearance alone, it failed a patient with a normal creatinine whom the
trial does not hold to a clearance.
"""

from __future__ import annotations

import re
from typing import TypeAlias

from trialmatch.domain.criteria.base import Comparator
from trialmatch.domain.criteria.derived import DerivedValueRule
from trialmatch.domain.criteria.lab import LabThreshold
from trialmatch.domain.criteria.logic import AllOf, AnyOf, leaves
from trialmatch.domain.criteria.reading.text import Segment, Span
from trialmatch.domain.trial import Section

LabRule: TypeAlias = AnyOf | AllOf | LabThreshold | DerivedValueRule
"""What the lab reader reads a sentence as (not ``text.Read``, its answer)."""

_MULTIPLE = re.compile(r"(\d+(?:\.\d+)?)\s*x")


def with_creatinine_condition(rule: LabRule, section: Section, segment: Segment, clause: Span) -> LabRule:
    """``rule`` (the clearance) with the creatinine condition the clause states, unless the sentence holds
    its own creatinine threshold: then the clause restates it. Inclusion: creatinine within the limit, or
    the clearance; exclusion: creatinine above the limit and the clearance."""
    if _names_creatinine(rule):
        return rule
    multiple = _MULTIPLE.search(segment.norm, *clause)
    limit = float(multiple.group(1)) if multiple else 1.0
    inclusion = section is Section.INCLUSION
    creatinine = LabThreshold(
        source_span=clause,
        comparator=Comparator.LE if inclusion else Comparator.GT,
        value=limit,
        multiple_of="uln",
        analyte="creatinine",
    )
    if inclusion:
        return AnyOf(source_span=segment.span, children=[creatinine, rule])
    return AllOf(source_span=segment.span, children=[creatinine, rule])


def _names_creatinine(rule: LabRule) -> bool:
    return any(isinstance(leaf, LabThreshold) and leaf.analyte == "creatinine" for leaf in leaves(rule))
