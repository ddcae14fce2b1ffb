"""Reader for a liver condition named with the Child-Pugh class it has: "Child-Pugh class B or C cirrhosis",
"Advanced liver cirrhosis (Child-Pugh Score C)", "Mild liver disease (Child-Pugh A)".

The patient has the condition and a score in the class's band. A severity word ("mild", "advanced") is what
the class states, so it narrows nothing more; one the class contradicts ("mild ... Child-Pugh C") is not read.
The condition stays a requirement beside the score: a normal liver scores 5 (class A), and a score is no
diagnosis of cirrhosis. Conditions a score from 7 up defines ("moderate hepatic impairment (Child-Pugh B)")
are read by ``read_defined`` as the score alone.
"""

from __future__ import annotations

import re
from typing import TypeGuard

from trialmatch.domain.criteria.base import Comparator
from trialmatch.domain.criteria.finding import FindingRule
from trialmatch.domain.criteria.lab import LabThreshold
from trialmatch.domain.criteria.logic import AnyOf, all_of_merged, leaves
from trialmatch.domain.criteria.reading.lab_child_pugh import (
    CHILD_PUGH,
    admitted_points,
    classes_touched,
    stated_limits,
)
from trialmatch.domain.criteria.reading.read_findings import read_findings
from trialmatch.domain.criteria.reading.read_labs import read_labs
from trialmatch.domain.criteria.reading.text import Read, Segment
from trialmatch.domain.criteria.registry import Rule
from trialmatch.domain.trial import Section

_SEVERITY = {
    "mild": {"a"},
    "moderate": {"b"},
    "moderate to severe": {"b", "c"},
    "moderate or severe": {"b", "c"},
    "severe": {"b", "c"},
    "advanced": {"b", "c"},
    "significant": {"b", "c"},
    "clinically significant": {"b", "c"},
}
_LIVER = (
    r"(?:liver\s+cirrhosis|hepatic\s+cirrhosis|cirrhosis(?:\s+of\s+the\s+liver)?|(?:chronic\s+)?(?:liver|hepatic)"
    r"\s+(?:disease|impairment|insufficiency|dysfunction))"
)
_WORDS = "|".join(sorted((w.replace(" ", r"\s+") for w in _SEVERITY), key=len, reverse=True))
_NAMED = re.compile(
    rf"(?:the\s+presence\s+of\s+|(?:patients?|participants?|subjects?)\s+(?:with|has|have)\s+)?(?:known\s+)?"
    rf"(?:(?P<severity>{_WORDS})\s+)?(?P<condition>{_LIVER})\s*,?\s*"
    r"(?P<class>(?:[(\[]\s*)?(?:(?:i\.\s?e\.?,?|defined\s+as|with)\s+)?(?:child|class|grade|[<>≤≥]|\d).*?)[.;,]?"
)
""""Advanced liver cirrhosis (Child-Pugh Score C)": the condition, then its class."""
_CLASS_FIRST = re.compile(
    rf"(?P<class>child.*?)\s+(?P<condition>{_LIVER})\s*(?P<more>[(\[][^()\[\]]+[)\]])?\s*[.;]?"
)
""""Child-Pugh class B or C cirrhosis", "Child's B and C cirrhosis (CTP ≤ 12)": the class, the condition, and
a further limit on the score."""
_CHILDS = re.compile(r"child'?s\s+(?P<band>.+)")
""""Child's B and C": the class by the name of Child's original classification."""
_MEET = re.compile(r"(?:must\s+)?meets?\s+(?P<class>child.*?)[.;]?")
""""Meet Child-Pugh liver function rating: Grade A or B": the class alone."""
_SCALE_AFTER = re.compile(
    r"(?:[(\[]\s*)?(?:(?:i\.\s?e\.?,?|defined\s+as|with)\s+)?(?P<band>.+?)\s+(?:on|in|according\s+to|by|of)\s+"
    r"the\s+child(?:[\s-]+(?:turcotte[\s-]+)?pugh|'s)\s+(?:scale|classification|score|criteria)\s*[)\]]?"
)
""""Class B and C on the Child-Pugh scale", "(> 5 points according to the Child-Pugh classification)": the
band printed before the scale's name."""
_TOP_SCORE_FREE_OF = re.compile(
    r"(?P<class>child.*?)\s*[,;]\s*(?:patients?|participants?|subjects?|those)\s+with\s+(?:a\s+)?"
    r"(?:child[\s-]+pugh\s+)?score\s+of\s+(?P<top>\d{1,2})\s+must\s+(?:be\s+free\s+of|have\s+no|not\s+have)\s+"
    r"(?P<finding>[^,;.]+?)\s*[.;]?"
)
""""Child-Pugh score of 5-7 (A or B), patients with a score of 7 must be free of ascites": the band, and at
its top score the finding absent."""
_CONCEPTS = frozenset({"cirrhosis", "liver_disease", "hepatic_impairment"})


def read_child_pugh(segment: Segment, section: Section) -> Read | None:
    """The liver condition and its Child-Pugh band; None for any other segment."""
    if not segment.contains("child"):
        return None
    whole = (segment.norm, segment.start, segment.end)
    if section is Section.INCLUSION and segment.contains("must"):
        top = _TOP_SCORE_FREE_OF.fullmatch(*whole)
        if top is not None:
            return _free_at_the_top(segment, top, section)
    match = _NAMED.fullmatch(*whole) or _CLASS_FIRST.fullmatch(*whole) or _MEET.fullmatch(*whole)
    if match is None:
        return None
    band = _band(segment.sub(*match.span("class")), section)
    if band is None:
        return None
    parts = list(leaves(band))
    scores = [t for t in parts if _is_score(t)]
    if len(scores) != len(parts):
        return None
    severity = match.groupdict().get("severity")
    if severity and not _SEVERITY[re.sub(r"\s+", " ", severity)] & _classes(scores):
        return None
    if "condition" not in match.groupdict():
        return Read(band)
    finding = read_findings(segment.sub(*match.span("condition")), section)
    found = finding.rule if finding is not None else None
    if not isinstance(found, FindingRule) or found.concept not in _CONCEPTS or not found.present:
        return None
    limits = [band]
    if match.groupdict().get("more"):  # "(CTP ≤ 12)"
        more = _band(segment.sub(*match.span("more")), section)
        if more is None or not all(_is_score(t) for t in leaves(more)):
            return None
        limits.append(more)
    return Read(all_of_merged([found, *limits], segment.span))


def _classes(scores: list[LabThreshold]) -> set[str]:
    """The classes of the points the thresholds all admit."""
    points = _points(scores)
    return classes_touched(points[0], points[-1]) if points else set()


def _band(segment: Segment, section: Section) -> Rule | None:
    """The Child-Pugh thresholds the segment states, named first ("Child-Pugh class C") or last ("Class B and
    C on the Child-Pugh scale")."""
    read = read_labs(segment, section)
    if read is not None and read.rule is not None:
        return read.rule
    scale = _SCALE_AFTER.fullmatch(segment.norm, segment.start, segment.end) or _CHILDS.fullmatch(
        segment.norm, segment.start, segment.end
    )
    return stated_limits(segment.sub(*scale.span("band"))) if scale else None


def _is_score(rule: Rule) -> TypeGuard[LabThreshold]:
    return isinstance(rule, LabThreshold) and rule.analyte == CHILD_PUGH and rule.is_plain


def _free_at_the_top(segment: Segment, match: re.Match[str], section: Section) -> Read | None:
    """The band, and below its top score or without the finding: "score of 7 must be free of ascites" within
    5-7 is "score < 7 or no ascites"."""
    band = _band(segment.sub(*match.span("class")), section)
    finding = read_findings(segment.sub(*match.span("finding")), section)
    found = finding.rule if finding is not None else None
    if band is None or not isinstance(found, FindingRule) or not found.present or found.exceptions:
        return None
    scores = [t for t in leaves(band) if isinstance(t, LabThreshold) and t.analyte == CHILD_PUGH]
    top = float(match.group("top"))
    if len(scores) != len(list(leaves(band))) or max(_points(scores), default=None) != top:
        return None
    below = LabThreshold(
        source_span=match.span("top"), analyte=CHILD_PUGH, comparator=Comparator.LT, value=top, unit="1"
    )
    absent = found.model_copy(update={"present": False})
    either = AnyOf(source_span=(match.end("class"), segment.end), children=[below, absent])
    return Read(all_of_merged([band, either], segment.span))


def _points(scores: list[LabThreshold]) -> list[int]:
    """The points the thresholds all admit."""
    return admitted_points([(t.comparator, t.value) for t in scores])
