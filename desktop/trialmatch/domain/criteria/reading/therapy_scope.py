"""Where a narrowing word of a therapy sentence reaches.

"No prior chemotherapy for the current cancer": every word of "for the current cancer" is filler to the
therapy reader, so the sentence read as "no prior chemotherapy" and failed a patient treated years ago for
another cancer. Which cancer a therapy was for the patient file does not say: the words narrow the therapy
as "major" narrows surgery, and a patient with chemotherapy on record goes to the clinician. "Receiving
chemotherapy for the first time" narrows it the same way (a second line is not a first time).

"At least 3 weeks since prior major surgery, radiation therapy, or chemotherapy": "major" says which surgery,
not which radiotherapy; set on the whole rule it sent a patient irradiated last week to the clinician
("whether major is not recorded") instead of failing them. Likewise "irradiation to the pelvis or
chemotherapy". A word that can only narrow one category ("major" surgery, radiotherapy "to the
pelvis") binds the category written next to it, and the others are read unqualified.
"""

from __future__ import annotations

import re

from trialmatch.domain.criteria.logic import AllOf, AnyOf
from trialmatch.domain.criteria.reading.text import Segment, Span
from trialmatch.domain.criteria.registry import Rule
from trialmatch.domain.criteria.temporal import TemporalTherapyRule

_SCOPE = re.compile(
    r"(?<![a-z])for\s+(?:the\s+)?(?:first\s+time|(?:current|present)\s+(?:cancer|disease|malignancy|tumou?r))"
    r"(?![a-z])"
)
_SCOPE_CUES = ("for the current", "for current", "for the present", "for present", "first time")

_BEFORE_ITS_CATEGORY = {"major": "surgery", "minor": "surgery"}
"""Narrowing words written before the one category they can narrow."""
_AFTER_ITS_CATEGORY = "radiotherapy"
"""Radiotherapy "to the pelvis": the site follows the radiotherapy it narrows."""
_BETWEEN = re.compile(r"[\s,]*(?:(?:prior|previous|any|the)\s+)*")


def scope_of_therapy(
    segment: Segment, named: list[tuple[re.Match[str], tuple[str, ...]]]
) -> re.Match[str] | None:
    """ "for the current cancer", "for the first time": which course of the therapy the sentence means.
    "For the first time" right after the therapy only: "before receiving the study drug for the first time"
    is the trial's first dose, the anchor of the window."""
    if not segment.contains(*_SCOPE_CUES):
        return None
    scope = _SCOPE.search(segment.norm, segment.start, segment.end)
    if scope and scope.group(0).endswith("first time"):
        after_therapy = any(not segment.norm[m.end() : scope.start()].strip() for m, _ in named)
        return scope if after_therapy else None
    return scope


def without(segment: Segment, span: Span) -> Segment:
    """The segment with ``span`` blanked: "for the current cancer" does not say the therapy is current."""
    start, end = span
    norm = segment.norm[:start] + " " * (end - start) + segment.norm[end:]
    return Segment(segment.printed, norm, segment.start, segment.end)


def bound_qualifier(
    rule: TemporalTherapyRule, qualifier: re.Match[str], named: list[tuple[re.Match[str], tuple[str, ...]]]
) -> Rule:
    """The rule, split when its qualifier narrows only one of the categories it names: the qualified
    category and the others unqualified, either one received meeting a "prior" or "current" statement, and
    a washout ("none") asking for neither."""
    if len(rule.categories) + len(rule.agents) < 2:
        return rule
    word = qualifier.group(0)
    if word in _BEFORE_ITS_CATEGORY:
        wanted = _BEFORE_ITS_CATEGORY[word]
        bound = [
            names
            for match, names in named
            if _BETWEEN.fullmatch(qualifier.string, qualifier.end(), match.start())
        ]
    elif word.startswith("to "):
        wanted = _AFTER_ITS_CATEGORY
        bound = [
            names
            for match, names in named
            if _BETWEEN.fullmatch(qualifier.string, match.end(), qualifier.start())
        ]
    else:
        return rule
    if bound != [(wanted,)]:
        return rule
    others = [c for c in rule.categories if c != wanted]
    narrowed = rule.model_copy(update={"categories": [wanted], "agents": []})
    rest = rule.model_copy(update={"categories": others, "qualifier": None})
    children: list[Rule] = [narrowed, rest]
    if rule.relation == "none":
        return AllOf(source_span=rule.source_span, children=children)
    return AnyOf(source_span=rule.source_span, children=children)
