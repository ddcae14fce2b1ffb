"""Reader for glycaemic limits held by the diabetic patients only, or setting one type of diabetes apart:

- "Participant with type I or uncontrolled type II diabetes mellitus (HbA1c > 7)" (exclusion): type 1
  diabetes excludes; type 2 diabetes excludes when the bracket's values say it is uncontrolled;
- "Participants may be without type 2 diabetes (T2D), or with T2D if their HbA1c is 10% or lower"
  (inclusion): a patient without the diagnosis passes, one with it is judged by the limit;
- "On standard anti-diabetic agents (metformin and/or insulin) with an HbA1c of <= 9% at screening"
  (inclusion): the glucose-lowering therapy and the limit; the agents the bracket lists narrow the therapy,
  so a treated patient is left to the clinician to check which agents.

Each wording is read only whole, with the limits read fully by the whole parser; anything else stays with the
other readers.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from trialmatch.domain.criteria.finding import FindingException, FindingRule
from trialmatch.domain.criteria.logic import AllOf, AnyOf, leaf_kinds, reads_with_threshold
from trialmatch.domain.criteria.reading.read_findings import read_findings
from trialmatch.domain.criteria.reading.text import Read, Segment, word_set
from trialmatch.domain.criteria.registry import Rule
from trialmatch.domain.trial import Section

ReadPart = Callable[[Segment, Section], Rule | None]

_WHO = r"(?:(?:the\s+)?(?:patients?|participants?|subjects?|individuals?|persons?)\s+(?:with|who\s+have)\s+)?"
_TYPE_1_OR_CONTROLLED_2 = re.compile(
    r"\s*" + _WHO + r"(?:known\s+)?(?P<first>type[\s-]*(?:1|i))\s+(?:or|and/or)\s+"
    r"(?P<rest>(?:un|poorly\s+|inadequately\s+)controlled\s+type[\s-]*(?:2|ii)[\s-]+diabet)"
)
""""type I or uncontrolled type II diabetes mellitus (...)": the first type shares the noun, the control
word and its bracket are the second's."""
_WITHOUT_OR_WITH_IF = re.compile(
    r"\s*(?:(?:patients|participants|subjects|individuals)\s+)?(?:(?:may|can)\s+be\s+)?without\s+"
    r"(?P<finding>[^,;]+?)\s*,?\s+or\s+with\s+(?P<again>[^,;]+?)\s*,?\s+if\s+(?:their|the|his|her)?\s*"
    r"(?P<rule>[^;]+?)[\s.;]*$"
)
_ON_AGENTS = re.compile(
    r"\s*(?:(?:patients|participants|subjects)\s+)?(?:on|receiving|treated\s+with)\s+(?P<agents>(?:standard\s+)?"
    r"anti-?\s?diabetic\s+(?:agents|medications?|drugs|therapy|treatment))\s*[(\[](?P<listed>[^()\[\]]+)[)\]]\s*"
    r"with\s+(?P<rule>[^;]+?)[\s.;]*$"
)
_AGENT_WORDS = word_set(
    """
    metformin biguanides dpp 4 dpp4 inhibitors inhibitor sulphonylureas sulfonylureas sulphonylurea
    sulfonylurea insulin insulins sglt 2 sglt2 glp 1 glp1 receptor agonists thiazolidinediones pioglitazone
    and or in any combination a
    """
)
"""The agents a bracket may list after the therapy it narrows; any other word is not read."""


def read_diabetic_subgroups(segment: Segment, section: Section, read_part: ReadPart) -> Read | None:
    """The rule for a limit held by the diabetic patients, or by one type of diabetes; None otherwise."""
    if not segment.contains("diabet", "t2d", "t1d"):
        return None
    if section is Section.EXCLUSION:
        return _type_1_or_controlled_2(segment, section, read_part)
    return _without_or_with_if(segment, section, read_part) or _on_agents(segment, section, read_part)


def _type_1_or_controlled_2(segment: Segment, section: Section, read_part: ReadPart) -> Read | None:
    match = _TYPE_1_OR_CONTROLLED_2.match(segment.norm, segment.start, segment.end)
    if match is None:
        return None
    rest = read_part(segment.sub(match.start("rest"), segment.end), section)
    if rest is None or not reads_with_threshold(rest):
        return None
    first = FindingRule(source_span=(segment.start, match.end("first")), concept="type1_diabetes")
    return Read(AnyOf(source_span=segment.span, children=[first, rest]))


def _without_or_with_if(segment: Segment, section: Section, read_part: ReadPart) -> Read | None:
    match = _WITHOUT_OR_WITH_IF.fullmatch(segment.norm, segment.start, segment.end)
    if match is None:
        return None
    finding = _present_finding(segment.sub(*match.span("finding")), section)
    again = _present_finding(segment.sub(*match.span("again")), section)
    if finding is None or again is None or finding.concept != again.concept:
        return None
    requirement = read_part(segment.sub(*match.span("rule")), section)
    if requirement is None or not reads_with_threshold(requirement) or leaf_kinds(requirement) != {"lab"}:
        return None
    without = finding.model_copy(update={"present": False, "source_span": match.span("finding")})
    return Read(AnyOf(source_span=segment.span, children=[without, requirement]))


def _on_agents(segment: Segment, section: Section, read_part: ReadPart) -> Read | None:
    match = _ON_AGENTS.fullmatch(segment.norm, segment.start, segment.end)
    if match is None or not set(re.findall(r"[a-z]+|\d+", match.group("listed"))) <= _AGENT_WORDS:
        return None
    therapy = _present_finding(segment.sub(*match.span("agents")), section)
    if therapy is None or therapy.concept != "antidiabetic_therapy":
        return None
    requirement = read_part(segment.sub(*match.span("rule")), section)
    if requirement is None or not reads_with_threshold(requirement) or leaf_kinds(requirement) != {"lab"}:
        return None
    listed = FindingException(
        concept=None, text=segment.quote(*match.span("listed")).strip(), source_span=match.span("listed")
    )
    narrowed = therapy.model_copy(
        update={"exceptions": [listed], "source_span": (segment.start, match.end("listed") + 1)}
    )
    return Read(AllOf(source_span=segment.span, children=[narrowed, requirement]))


def _present_finding(segment: Segment, section: Section) -> FindingRule | None:
    read = read_findings(segment, section)
    rule = read.rule if read is not None else None
    if isinstance(rule, FindingRule) and rule.present and not rule.exceptions:
        return rule
    return None
