"""Reader for prostate cancer named, then defined by its PSA, Gleason score and T category: "Histologically
proven prostate cancer (Gleason <8; PSA<10ng/ml)", "High-risk prostate cancer according to NCCN risk
categories (T3a or Gleason score 8-10 or PSA >20 µg/L)".

A risk group (NCCN, D'Amico) is defined by exactly these values, and the trial prints the definition it
means: the bracket is the criterion, read by the whole parser, as ``read_defined`` reads a condition defined
by thresholds. The words before it name the disease the trial is about and a risk group the bracket defines,
nothing more: "localized" (no nodes, no metastases) or "patients with" (who the bracket concerns) say more,
and are left to the other readers. The bracket must hold a Gleason score or a T category, which only a
prostate cancer has, beside any PSA limit, and nothing else; one that gives examples ("e.g."), turns the
label ("excluding", "allowed") or opens with "or" is not its definition.
"""

from __future__ import annotations

import re

from trialmatch.domain.criteria.lab import LabThreshold
from trialmatch.domain.criteria.logic import AllOf, AnyOf
from trialmatch.domain.criteria.reading.lab_gleason import GLEASON_SCORES
from trialmatch.domain.criteria.reading.lab_notes import ALTERNATIVE, EXAMPLES
from trialmatch.domain.criteria.reading.read_composite import ReadPart
from trialmatch.domain.criteria.reading.text import Read, Segment, parenthesised
from trialmatch.domain.criteria.registry import Rule
from trialmatch.domain.criteria.t_category import TCategoryRule
from trialmatch.domain.trial import Section

_LABEL = re.compile(
    r"(?:(?:histologically|histologic|pathologically|cytologically|biopsy)"
    r"(?:\s+(?:and|or)\s+(?:cytologically|histologically))?[\s-]+(?:proven|confirmed|documented)\s+)?"
    r"(?:(?:(?:very\s+)?(?:low|high)|(?:(?:favou?rable|unfavou?rable)\s+)?intermediate)[\s-]+risk\s+)?"
    r"(?:(?:adenocarcinoma|carcinoma|cancer)\s+of\s+the\s+prostate|prostat(?:e|ic)\s+(?:adeno)?(?:cancer|carcinoma))"
    r"(?:\s*,?\s*(?:according\s+to|as\s+per|per)\s+(?:the\s+)?(?:nccn|d'?\s?amico|aua|eau)"
    r"(?:\s+(?:risk\s+)?(?:categories|classification|criteria|groups?|stratification))?)?"
)
_TURNING = re.compile(
    r"(?<![a-z])(?:allowed|permitted|eligible|unless|except|excluding|other\s+than|may|if|not|no|without)(?![a-z])"
)
_PSA = "psa"


def read_prostate_risk(segment: Segment, section: Section, read_part: ReadPart) -> Read | None:
    """The thresholds defining the prostate cancer the segment names; None when it is not so read."""
    if not segment.contains("prostat"):
        return None
    end = len(segment.norm[: segment.end].rstrip(" .;,"))
    if end <= segment.start or segment.norm[end - 1] not in ")]":
        return None
    groups = parenthesised(segment.sub(segment.start, end))
    if not groups or groups[-1][1] != end:
        return None
    start = groups[-1][0]
    if _LABEL.fullmatch(segment.norm, segment.start, len(segment.norm[:start].rstrip())) is None:
        return None
    inner = segment.sub(start + 1, end - 1)
    if (
        inner.start >= inner.end
        or EXAMPLES.match(inner.norm, inner.start, inner.end)
        or ALTERNATIVE.match(inner.norm, inner.start, inner.end)
        or _TURNING.search(inner.norm, inner.start, inner.end)
    ):
        return None
    rule = read_part(inner, section)
    if rule is None or not _prostate_measures(rule) or not _names_the_tumour(rule):
        return None
    if isinstance(rule, AnyOf | AllOf):
        rule = rule.model_copy(update={"source_span": segment.span})
    return Read(rule)


def _prostate_measures(rule: Rule) -> bool:
    """Whether the rule holds PSA, Gleason and T category limits only (of today's value, no review)."""
    if isinstance(rule, AnyOf | AllOf):
        return all(_prostate_measures(child) for child in rule.children)
    if isinstance(rule, TCategoryRule):
        return True
    return (
        isinstance(rule, LabThreshold)
        and (rule.analyte == _PSA or rule.analyte in GLEASON_SCORES)
        and not rule.relative
        and not rule.exceptions
        and not rule.strata
        and rule.qualifier is None
    )


def _names_the_tumour(rule: Rule) -> bool:
    """Whether a Gleason or T category limit is among them: a PSA alone may be raised without the cancer."""
    if isinstance(rule, AnyOf | AllOf):
        return any(_names_the_tumour(child) for child in rule.children)
    return isinstance(rule, TCategoryRule) or (
        isinstance(rule, LabThreshold) and rule.analyte in GLEASON_SCORES
    )
