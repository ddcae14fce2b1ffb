""" "FEV1/FVC at least 75% predicted": the ratio given as a percentage of the ratio predicted for the patient
(age, sex, height), not the ratio itself. Predicted ratios run near 0.75-0.85, so 75% of predicted is a
ratio near 0.6: read as "FEV1/FVC ≥ 75%" it failed patients the trial accepts. The limit is kept on the
percent-predicted ratio, an analyte of its own, which a patient file reporting it holds (else unknown)."""

from __future__ import annotations

import re

from trialmatch.domain.criteria.reading.numbers import COMPARATOR
from trialmatch.domain.criteria.reading.text import Segment, Span

_PREDICTED = (
    r"\s*(?:of\s+)?(?:the\s+)?predicted(?:\s+(?:values?|normal))?(?![a-z])(?!\s+(?:fev|fvc|dlco|diffusi))"
)
_OF_PREDICTED = re.compile(
    r"(?:\s+ratio)?\s*(?:(?:of|is|was|must\s+be)\s+)?(?:"
    + COMPARATOR
    + r")\s*\d+(?:[.,]\d+)?\s*%"
    + _PREDICTED
)
_PREDICTED_AFTER = re.compile(r"(?<=%)" + _PREDICTED)


def ratio_of_predicted(analytes: tuple[str, ...], segment: Segment, end: int) -> tuple[str, ...]:
    """``analytes``, the FEV1/FVC ratio there read as the percent-predicted ratio when its value is followed
    by "% predicted" or "% of predicted"."""
    if analytes != ("fev1_fvc",) or not segment.contains("predicted"):
        return analytes
    if _OF_PREDICTED.match(segment.norm, end, segment.end) is None:
        return analytes
    return ("fev1_fvc_predicted",)


def ratio_predicted_spans(segment: Segment, analytes: frozenset[str]) -> list[Span]:
    """The "predicted" words after the percent-predicted ratio's value: what the analyte is, claimed."""
    if "fev1_fvc_predicted" not in analytes:
        return []
    return [m.span() for m in _PREDICTED_AFTER.finditer(segment.norm, segment.start, segment.end)]
