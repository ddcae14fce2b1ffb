"""Reader for thresholds given apart for the patients with a finding and those without it: "Adequate blood
counts (HIV positive volunteers: hemoglobin ≥ 9.0 g/dL, platelets ≥ 75,000; HIV negative volunteers:
hemoglobin ≥ 11.2 g/dL, platelets ≥ 150,000)".

Each part is "the patient is in the subgroup and meets its thresholds", and the item is met by either part: a
patient with the finding is held to the first limits, one without it to the second, and one whose status is
unknown is left to the clinician unless it is settled either way. Read only in an inclusion whose parts name
the same lexicon finding once present and once absent, so every patient is in exactly one subgroup; subgroups
that could both miss a patient ("patients with liver metastases: ...; patients with bone metastases: ...")
would fail the patients in neither, and stay for review.
"""

from __future__ import annotations

import re

from trialmatch.domain.criteria.finding import FindingRule
from trialmatch.domain.criteria.logic import AnyOf, all_of_merged, leaf_kinds
from trialmatch.domain.criteria.reading.read_findings import read_findings
from trialmatch.domain.criteria.reading.read_labs import read_labs
from trialmatch.domain.criteria.reading.read_regimen_limits import read_regimen_limits
from trialmatch.domain.criteria.reading.read_stratum_limits import read_stratum_limits
from trialmatch.domain.criteria.reading.text import Read, Segment, parenthesised, split_top_level
from trialmatch.domain.criteria.registry import Rule
from trialmatch.domain.trial import Section

_HEAD = re.compile(
    r"\s*(?:(?:must\s+)?(?:have|has)\s+)?(?:adequate|sufficient|normal)\s+(?:blood\s+counts?"
    r"|h(?:a)?ematologic(?:al)?\s+(?:function|values|parameters)|bone\s+marrow\s+function)\s*"
)
_PARTS = re.compile(r";\s*")
_WHO = re.compile(
    r"\s*(?P<who>[^:;]+?)\s+(?:volunteers?|patients?|participants?|subjects?|individuals?)\s*:\s*"
)


def read_subgroup_limits(segment: Segment, section: Section) -> Read | None:
    """Either subgroup with its thresholds, or one limit per cohort or drug; None when not read fully."""
    per_stratum = read_stratum_limits(segment, section) or read_regimen_limits(segment, section)
    if per_stratum is not None:
        return per_stratum
    if section is not Section.INCLUSION or not segment.contains(";") or not segment.contains(":"):
        return None
    groups = parenthesised(segment)
    if not groups or groups[-1][1] != segment.end:
        return None
    start, end = groups[-1]
    if not _HEAD.fullmatch(segment.norm, segment.start, start):
        return None
    inner = segment.sub(start + 1, end - 1)
    parts: list[Rule] = []
    findings: list[FindingRule] = []
    for part, _ in split_top_level(inner, _PARTS):
        who = _WHO.match(part.norm, part.start, part.end)
        if who is None:
            return None
        found = read_findings(part.sub(*who.span("who")), section)
        finding = found.rule if found is not None else None
        limits = read_labs(part.sub(who.end(), part.end), section)
        rule = limits.rule if limits is not None else None
        if not isinstance(finding, FindingRule) or finding.exceptions or rule is None:
            return None
        if not leaf_kinds(rule) <= {"lab", "derived"}:
            return None
        findings.append(finding)
        parts.append(all_of_merged([finding, rule], part.span))
    if len(findings) != 2 or len({f.concept for f in findings}) != 1:
        return None
    if {f.present for f in findings} != {True, False} or len({f.qualifier for f in findings}) != 1:
        return None
    return Read(AnyOf(source_span=segment.span, children=parts))
