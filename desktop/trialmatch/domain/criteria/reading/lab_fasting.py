"""Fasting or random: which glucose a threshold is about.

A fasting limit ("fasting plasma glucose < 126 mg/dL", "glucose ≤ 60 mg/dL (after at least 8 hours
fasting)") judged on a random glucose would fail patients whose fasting value meets it, so a fasting glucose
is its own analyte: the patient's fasting value decides, and a plain glucose does not. A "non-fasting
glucose" is a random one.
"""

from __future__ import annotations

import re

from trialmatch.domain.criteria.reading.text import Segment

_FASTING = ("fasting_glucose",)
_GLUCOSE = ("glucose",)
_NON_BEFORE = re.compile(r"(?<![a-z])non[\s-]*$")
_FASTING_NEAR = re.compile(r"(?<![a-z])(?<!non)(?<!non-)(?<!non\s)fast(?:ing|ed)?(?![a-z])")
_BEFORE, _AFTER = 40, 60
"""How far from the glucose named a fasting word still says how that value is taken."""


def fasting_state(analytes: tuple[str, ...], segment: Segment, start: int, end: int) -> tuple[str, ...]:
    """The analytes the name at ``start:end`` means once fasting is taken into account."""
    if analytes == _FASTING:
        before = segment.norm[max(segment.start, start - 6) : start]
        return _GLUCOSE if _NON_BEFORE.search(before) else analytes
    if analytes != _GLUCOSE or not segment.contains("fast"):
        return analytes
    window_start = max(segment.start, start - _BEFORE)
    window_end = min(segment.end, end + _AFTER)
    if _FASTING_NEAR.search(segment.norm, window_start, window_end):
        return _FASTING
    return analytes
