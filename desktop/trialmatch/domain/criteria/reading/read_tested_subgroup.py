"""Reader for limits an inclusion asks of a subgroup the patient file cannot name: "FEV1 or VC greater than
65% of predicted in patients with significant smoking history or with suspected pulmonary disease by history,
physical exam, or x-ray", "FEV1 and VC greater than 65% of predicted (tests performed in patients with
significant smoking history and in those with potential pulmonary disease ...)".

The limits hold for the patients in the subgroup only; the others are not held to them. A patient whose values
meet the limits meets the item either way; one whose values do not is failed only if in the subgroup, which
the file does not say ("significant" smoking, a disease "suspected" on examination), so the limit carries the
subgroup as an unchecked waiver and such a patient is left to the clinician, quoting it. A subgroup the
findings lexicon names in full ("in patients with COPD") is not read here: the conditional reading of the
whole item ("no COPD, or the limits") settles more patients.
"""

from __future__ import annotations

import re

from trialmatch.domain.criteria.logic import leaf_kinds
from trialmatch.domain.criteria.reading.lab_shared_waiver import with_waiver
from trialmatch.domain.criteria.reading.read_findings import read_findings
from trialmatch.domain.criteria.reading.read_labs import read_labs
from trialmatch.domain.criteria.reading.text import Read, Segment
from trialmatch.domain.trial import Section

_SUBGROUP = re.compile(
    r"(?P<rule>.+?)\s*(?:,|\()?\s*(?P<who>(?:(?:the\s+)?tests?\s+(?:performed|done|required|obtained)\s+)?"
    r"(?:only\s+)?in\s+(?:patients|subjects|participants|those)\s+with\s+(?P<condition>[^()\d]+?))\s*\)?\s*[.;]?\s*"
)
_CUES = ("patients with", "subjects with", "participants with", "those with")


def read_tested_subgroup(segment: Segment, section: Section) -> Read | None:
    """The limits before "in patients with <subgroup>", each waived for the patients outside the subgroup;
    None when the limits do not read fully or the lexicon names the subgroup (see the module)."""
    if section is not Section.INCLUSION or not segment.contains(*_CUES):
        return None
    match = _SUBGROUP.fullmatch(segment.norm, segment.start, segment.end)
    if match is None:
        return None
    limits = read_labs(segment.sub(*match.span("rule")), section)
    if limits is None or limits.rule is None or "review" in leaf_kinds(limits.rule):
        return None
    named = read_findings(segment.sub(*match.span("condition")), Section.EXCLUSION)
    if named is not None and named.rule is not None and "review" not in leaf_kinds(named.rule):
        return None
    text = f"the limit applies only {segment.quote(*match.span('who')).strip()}"
    rule = with_waiver(limits.rule, text, match.span("who"))
    return Read(rule.model_copy(update={"source_span": segment.span})) if rule is not None else None
