"""T category rule: the primary tumour's extent in TNM ("clinical stage T1c-T2b", "≤ T2", "T3a"), compared
with the T category the patient's stage is written in ("cT2a N0 M0").

A category without a sub-category letter covers all of them: the criterion "T1c-T2" reaches T2c, and a
patient recorded as "T2" is undecided against "T2a" (T2b and T2c are not). A criterion that names the clinical
category ("clinical stage T2", "cT2") is not judged on a pathological one ("pT3a"), which is staged on the
removed organ and often differs.
"""

from __future__ import annotations

import re
from typing import Literal

from trialmatch.domain.criteria.base import RuleBase

_T_GLUED = re.compile(
    r"(?<![a-z0-9])(?P<prefix>[cpy]{0,2})t(?P<n>[1-4x])(?P<letter>[a-d])?(?=[nm\s,;/).:\-–]|$)"
)

_Range = tuple[float, float]


def category_span(text: str) -> _Range:
    """ "T2a" → (2.1, 2.1); "T2" → (2.0, 2.9), all its sub-categories."""
    number, letter = int(text[1]), text[2:3]
    if letter:
        value = number + (ord(letter) - ord("a") + 1) / 10
        return value, value
    return float(number), number + 0.9


class TCategoryRule(RuleBase):
    """The statement "the primary tumour is ``low`` to ``high``" (an end open when None), of the clinical
    category when ``clinical``."""

    kind: Literal["t_category"] = "t_category"
    low: str | None
    high: str | None
    clinical: bool = False

    def describe(self) -> str:
        """ "cT1c–T2b", "T ≤ T2", "T ≥ T3a"."""
        c = "c" if self.clinical else ""
        if self.low and self.high:
            return f"{c}{self.low}" if self.low == self.high else f"{c}{self.low}–{self.high}"
        return f"≤ {c}{self.high}" if self.high else f"≥ {c}{self.low}"

    def holds(self, patient: str) -> bool | None:
        """Whether the patient's category ("T2a") is within; None when only a sub-category would tell."""
        low, high = category_span(patient)
        wanted_low = category_span(self.low)[0] if self.low else 0.0
        wanted_high = category_span(self.high)[1] if self.high else 9.0
        if wanted_low <= low and high <= wanted_high:
            return True
        if high < wanted_low or low > wanted_high:
            return False
        return None


def patient_category(stage: str) -> tuple[str, bool] | str:
    """The T category in the patient's stage text and whether it may be the clinical one ("cT2a N0 M0" →
    ("T2a", True), "pT3a" → ("T3a", False)); else why it cannot be read (no T category, TX, several)."""
    found = list(_T_GLUED.finditer(stage.lower()))
    if not found:
        return "no T category recorded"
    if len(found) > 1:
        return "several T categories recorded"
    match = found[0]
    if match.group("n") == "x":
        return "T category not assessed (TX)"
    return f"T{match.group('n')}{match.group('letter') or ''}", "p" not in match.group("prefix")
