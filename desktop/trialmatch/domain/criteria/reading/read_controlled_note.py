"""Reader for an excluded uncontrolled hypertension whose note admits the controlled one within stated limits:
"Subject has uncontrolled hypertension. (Note: Subjects with medically controlled hypertension [diastolic
blood pressure <95 mm Hg, systolic blood pressure <165 mm Hg] may participate.)"

The patient is excluded with the hypertension unless it is controlled on treatment with the pressure within
the limits. A pressure beyond a limit cannot be so controlled: with the finding, the patient is excluded.
Within every limit, whether the pressure is controlled by treatment is more than the patient file says: the
limits are kept with that qualifier, so the patient is left to the clinician, not passed. Without the finding
nothing excludes. Only an exclusion: a requirement so worded would have to be negated with its qualifier.
"""

from __future__ import annotations

import re

from trialmatch.domain.criteria.finding import FindingRule
from trialmatch.domain.criteria.lab import BLOOD_PRESSURES, LabThreshold
from trialmatch.domain.criteria.logic import AllOf, AnyOf
from trialmatch.domain.criteria.reading.read_findings import read_findings
from trialmatch.domain.criteria.reading.read_labs import read_labs
from trialmatch.domain.criteria.reading.text import Read, Segment
from trialmatch.domain.criteria.registry import Rule
from trialmatch.domain.trial import Section

_NOTE = re.compile(
    r"(?P<finding>[^.;()\[\]]*?uncontrolled\s+(?:arterial\s+|systemic\s+)?hypertension)\s*[.;]?\s*"
    r"(?P<note>[(\[]?\s*(?:note\s*:\s*)?(?:patients|subjects|participants)\s+with\s+(?:medically\s+|well\s+"
    r"|adequately\s+)?controlled\s+hypertension\s*[(\[]\s*(?P<limits>[^()\[\]]+?)\s*[)\]]\s*(?:may|can)\s+"
    r"(?:participate|be\s+(?:enrolled|included|eligible)|enrol{1,2})\s*\.?\s*[)\]]?)\s*[.;]?\s*"
)


def read_controlled_note(segment: Segment, section: Section) -> Read | None:
    """The hypertension and the limits its note admits within; None when the segment is not so worded."""
    if section is not Section.EXCLUSION or not segment.contains("controlled hypertension"):
        return None
    match = _NOTE.fullmatch(segment.norm, segment.start, segment.end)
    if match is None:
        return None
    found = read_findings(segment.sub(*match.span("finding")), section)
    finding = found.rule if found is not None else None
    if not isinstance(finding, FindingRule) or not finding.present or finding.exceptions:
        return None
    limits = read_labs(segment.sub(*match.span("limits")), Section.INCLUSION)
    thresholds = _upper_limits(limits.rule if limits is not None else None)
    if not thresholds:
        return None
    qualifier = f"controlled on treatment ('{segment.quote(*match.span('note')).strip('()[]. ')}')"
    beyond: list[Rule] = [t.model_copy(update={"comparator": t.comparator.opposite}) for t in thresholds]
    within = AllOf(
        source_span=match.span("limits"),
        children=[t.model_copy(update={"qualifier": qualifier}) for t in thresholds],
    )
    admitted = AnyOf(source_span=match.span("note"), children=[*beyond, within])
    return Read(AllOf(source_span=segment.span, children=[finding, admitted]))


def _upper_limits(rule: Rule | None) -> list[LabThreshold]:
    """The plain upper limits on blood pressure the note states, all required; empty for anything else."""
    parts = rule.children if isinstance(rule, AllOf) else [rule]
    if not parts or not all(
        isinstance(p, LabThreshold)
        and p.analyte in BLOOD_PRESSURES
        and not p.comparator.is_lower_bound
        and p.is_plain
        for p in parts
    ):
        return []
    return [p for p in parts if isinstance(p, LabThreshold)]
