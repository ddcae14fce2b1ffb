"""Study groups named by a risk group or an ordinal study stage, which the stratum labels ("Cohort A",
"Part 2") do not cover.

"Standard risk 1: Patients must be < 11 years of age", "Standard risk 2 (SR2)" over its sites, "Low risk
stage I seminoma-MGCT; site: testicular; ...": each item or heading defines one risk group of the trial;
read for everyone, the standard-risk age limits failed the adult the low-risk stratum takes at any age.
"The first stage:", "(2)The second stage:", "The third stage" over their own ALT ranges: three populations
enrolled one after the other; read for everyone, the first stage's "ALT 2~10 × ULN" failed the patient with
a normal ALT whom the third stage takes. A disease stage ("Stage III patients") is not a study group: only
an ordinal stage ("the second stage") is. "Normal or underweight ... patients (serving as control group)"
beside the same words for the obese: two groups, the first one's "BMI > 25" is not asked of the control.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from trialmatch.domain.trial import Section

__all__ = ["GroupNode", "assign_group_strata", "risk_group", "study_stage"]

_ORDINALS = {"first": "1", "second": "2", "third": "3", "fourth": "4", "fifth": "5"}
_ORDINAL_STAGE = re.compile(
    r"\W*(?:\(?\d{1,2}\)\s*)?(?:the\s+)?(?P<ordinal>first|second|third|fourth|fifth|[1-5](?:st|nd|rd|th))"
    r"\s+(?:study\s+)?(?:stage|phase|part)(?:\s+of\s+the\s+(?:study|trial))?\s*(?::.*)?",
    re.IGNORECASE | re.DOTALL,
)
""""The first stage", "(2)The second stage: Subjects who ...", "2nd phase of the study"."""

_LABEL_WORD = r"(?!(?:of|for|to|or|and|as|per|with|in|on|at|by|if|who|defined|according|patients)\b)[\w/'’-]+"
_RISK_GROUP = re.compile(
    r"(?P<label>(?:very\s+)?(?:low|standard|average|intermediate|high)[\s-]+risk"
    r"(?:\s+(?:group|stratum|arm|cohort))?(?P<tag>\s+(?:\d{1,2}[a-z]?|[IVX]{1,3})\b)?"
    rf"(?:\s+{_LABEL_WORD}){{0,5}}?)"
    r"(?P<abbr>\s*\([A-Z]{1,5}\d?\))?"
    r"\s*(?P<end>[:;]|,?\s+defined\s+as\b|$)",
    re.IGNORECASE,
)
""""Standard risk 1:", "Standard risk 2 (SR2)", "Low risk stage I immature teratoma (IT); site: ...",
"Low-risk disease, defined as WBC ≤ 10,000/mm^3": a risk group's name, then what defines it. "High risk of
relapse", "High-risk prostate cancer according to NCCN" are requirements, not names."""
_RISK_HYPHEN = re.compile(r"-(?=risk\b)", re.IGNORECASE)


def study_stage(text: str) -> str | None:
    """The ordinal study stage a heading or an item is for ("2" for "(2)The second stage:"), else None."""
    low = text.lower()
    if "stage" not in low and "phase" not in low and "part" not in low:
        return None
    stage = _ORDINAL_STAGE.fullmatch(text)
    if stage is None:
        return None
    ordinal = stage.group("ordinal").lower()
    return _ORDINALS.get(ordinal, ordinal[0])


def risk_group(text: str) -> str | None:
    """The risk group an item defines ("Standard risk 1"), else None.

    A bare risk group without a number or abbreviation ("Standard risk" over its criteria, "Intermediate-risk
    disease") is left alone: such headings sit in "one of the following risk groups" lists, read as
    alternatives already."""
    if "risk" not in text.lower():
        return None
    risk = _RISK_GROUP.match(text.strip())
    if risk is None or (risk.group("end") == "" and not (risk.group("tag") or risk.group("abbr"))):
        return None
    # "Low-risk disease" and "Low risk disease" name one group
    return " ".join(_RISK_HYPHEN.sub(" ", risk.group("label")).split())


_GROUP_TAG = re.compile(
    r"\(\s*(?:serving\s+as\s+|as\s+)?(?:the\s+|a\s+)?(?P<name>(?!healthy\b)[a-z]+\s+group)\s*\)\W*$",
    re.IGNORECASE,
)
"""An item ending with the group it defines: "Forefoot pain and diagnosed with RA (patient group)", "...
adult patients receiving Cyclosporine (serving as control group)". A healthy control group is not a way into
a trial for the patient being matched: it stays the text it is."""
_PARALLEL_TAIL = 5
"""Words two items must end alike with to be one list of group definitions, told apart by their heads."""


class GroupNode(Protocol):
    """An item as the segmentation builder holds it: section, text, stratum and the item it is nested in."""

    section: Section
    text: str
    stratum: str | None

    @property
    def parent(self) -> GroupNode | None: ...


def assign_group_strata(nodes: Sequence[GroupNode]) -> None:
    """Give each item defining a study group, and the items nested in it, that group as its stratum.

    Only when the items name two groups or more: a lone "High risk: ..." is a requirement of the trial,
    and an item already restricted to a stratum keeps it."""
    own = {id(node): group for node in nodes if node.stratum is None and (group := _own_group(node.text))}
    own.update(_parallel_groups(nodes, own))
    if len(set(own.values())) < 2:
        return
    groups: dict[int, str] = {}
    for node in nodes:
        parent = node.parent
        group = own.get(id(node)) or (groups.get(id(parent)) if parent is not None else None)
        if group is None:
            continue
        groups[id(node)] = group
        if node.stratum is None:
            node.stratum = group


def _own_group(text: str) -> str | None:
    if (group := study_stage(text) or risk_group(text)) is not None:
        return group
    low = text.lower()
    if "group" not in low or "healthy" in low:
        return None
    tag = _GROUP_TAG.search(text)
    return " ".join(tag.group("name").lower().split()) if tag is not None else None


def _parallel_groups(nodes: Sequence[GroupNode], own: dict[int, str]) -> dict[int, str]:
    """ "Obese and overweight Nephrotic syndrome adult patients receiving Cyclosporine ... (BMI>25 kg/m2)"
    beside "Normal or underweight individuals Nephrotic syndrome adult patients receiving Cyclosporine ...
    (serving as control group)": the sibling printed like a tagged group defines the other group, named by
    the words it starts with; read for everyone, its "BMI > 25" failed the patient the control group takes."""
    found: dict[int, str] = {}
    tagged = [node for node in nodes if id(node) in own and _GROUP_TAG.search(node.text)]
    for group in tagged:
        words = _words(group.text)
        for node in nodes:
            if node.parent is not group.parent or node.section is not group.section:
                continue
            if id(node) in own or node.stratum is not None:
                continue
            other = _words(node.text)
            shared = 0
            while shared < min(len(words), len(other)) and words[-1 - shared] == other[-1 - shared]:
                shared += 1
            head = other[: len(other) - shared]
            if shared >= _PARALLEL_TAIL and 0 < len(head) <= _PARALLEL_TAIL:
                found[id(node)] = " ".join(head)
    return found


def _words(text: str) -> list[str]:
    """The item's words without its closing bracket ("(BMI>25 kg/m2)", "(control group)")."""
    return re.sub(r"\([^()]*\)\W*$", "", text).split()
