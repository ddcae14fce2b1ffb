"""Alternatives in a therapy sentence that the category wordings alone would lose.

"Chemotherapy, radiotherapy, immunotherapy, or concurrent or recent treatment with any other investigational
agents within 21 days": "investigational agents" names no category, and its words are all filler to the
therapy reader, so the sentence was read as chemotherapy, radiotherapy or immunotherapy alone; a patient on
an investigational kinase inhibitor two weeks ago passed. The investigational drug is another alternative:
any systemic anticancer therapy the file lists may be one, which only the clinician can tell.

"No prior allogeneic or autologous bone marrow transplantations": both kinds together are every transplant,
not a narrowing to the first one named.
"""

from __future__ import annotations

import re

from trialmatch.domain.criteria.logic import AllOf, AnyOf
from trialmatch.domain.criteria.reading.text import Segment, Span
from trialmatch.domain.criteria.registry import Rule
from trialmatch.domain.criteria.temporal import TemporalTherapyRule

SYSTEMIC = ("chemotherapy", "immunotherapy", "targeted therapy", "hormone therapy", "cell therapy")
"""The patient-file categories a systemic anticancer drug, an investigational one among them, may be under."""

_INVESTIGATIONAL_DRUG = re.compile(
    r"(?<![a-z])(?:investigational|experimental)\s+(?:(?:study|research)\s+)?(?:agents?|drugs?|products?"
    r"|compounds?|medications?|medicinal\s+products?|therap(?:y|ies)|treatments?)(?![a-z])"
)
_THE_STUDY_DRUG = re.compile(r"(?<![a-z])(?:of|the|this|dose|receive|receiving)\s+$")
""""The first dose of investigational product", "receiving the investigational agent": the trial's own drug,
the anchor of the window, not another therapy."""
_BOTH_TRANSPLANTS = re.compile(
    r"(?<![a-z])(?:allogeneic\s*(?:,?\s*or|and\s*/\s*or|and|/)\s*autologous|autologous\s*(?:,?\s*or|and\s*/\s*or"
    r"|and|/)\s*allogeneic)(?![a-z])"
)


def investigational_drug(segment: Segment, claimed: list[Span], categories: list[str]) -> Span | None:
    """Where the sentence names investigational drugs as an alternative of their own ("..., or any other
    investigational agents"), when the categories it names do not already hold every systemic therapy
    ("antineoplastic therapy or therapy with investigational agents" needs no second rule)."""
    if not segment.contains("investigational", "experimental") or set(categories) >= set(SYSTEMIC):
        return None
    for match in _INVESTIGATIONAL_DRUG.finditer(segment.norm, segment.start, segment.end):
        if _THE_STUDY_DRUG.search(segment.norm, max(segment.start, match.start() - 12), match.start()):
            continue
        if not any(s < match.end() and match.start() < e for s, e in claimed):
            return match.span()
    return None


def with_investigational_drug(rule: TemporalTherapyRule) -> Rule:
    """The rule and the investigational drugs of the same timing: either one received meets a "prior" or
    "current" statement; a washout ("none") asks for neither."""
    drug = TemporalTherapyRule(
        source_span=rule.source_span,
        categories=list(SYSTEMIC),
        relation=rule.relation,
        window=rule.window,
        window_unit=rule.window_unit,
        window_inclusive=rule.window_inclusive,
        qualifier="investigational",
    )
    children: list[Rule] = [rule, drug]
    if rule.relation == "none":
        return AllOf(source_span=rule.source_span, children=children)
    return AnyOf(source_span=rule.source_span, children=children)


def both_transplants(segment: Segment) -> Span | None:
    """Where "allogeneic or autologous" names both kinds of transplant, which together narrow nothing."""
    if not segment.contains("allogeneic") or not segment.contains("autologous"):
        return None
    found = _BOTH_TRANSPLANTS.search(segment.norm, segment.start, segment.end)
    return found.span() if found else None
