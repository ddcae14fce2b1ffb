"""A requirement headed by the ages it is for: "Over age 8: FEV1 and FVC at least 50% predicted" asks the
spirometry of the patients over 8 only (children younger cannot perform it). Read for everyone, it would fail
the 6-year-old the trial never asked it of."""

from __future__ import annotations

import re

from trialmatch.domain.criteria.age import AgeRule
from trialmatch.domain.criteria.reading.text import Segment

_AGE_LABEL = re.compile(
    r"\s*(?:(?:for|in)\s+(?:patients|subjects|participants|children)\s+(?:aged\s+)?)?"
    r"(?P<side>over|above|older\s+than|under|below|younger\s+than)\s+"
    r"(?:(?:the\s+)?age\s+(?:of\s+)?(?P<years>\d{1,2})(?:\s+years?)?"
    r"|(?P<aged>\d{1,2})\s+years?(?:\s+of\s+age|\s+old)?)\s*[:,]\s+(?=\S)"
)
""""Over age 8:", "For patients over 8 years of age,": the ages a requirement after it is for."""
_OLDER = ("over", "above", "older")


def age_label(whole: Segment) -> tuple[AgeRule, AgeRule, Segment] | None:
    """(the ages the label names, the other ages, the requirement after it), or None without such a label."""
    if "age" not in whole.text and "year" not in whole.text:
        return None
    label = _AGE_LABEL.match(whole.norm, whole.start, whole.end)
    if label is None:
        return None
    years = float(label.group("years") or label.group("aged"))
    span = (whole.start, label.end())
    if label.group("side").startswith(_OLDER):
        named = AgeRule(source_span=span, min=years, min_inclusive=False)
        others = AgeRule(source_span=span, max=years)
    else:
        named = AgeRule(source_span=span, max=years, max_inclusive=False)
        others = AgeRule(source_span=span, min=years)
    return named, others, whole.sub(label.end(), whole.end)
