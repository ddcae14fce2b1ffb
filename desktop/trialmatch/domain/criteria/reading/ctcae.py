"""CTCAE v5.0 lab grades as thresholds: "neutrophils ≤ grade 1" is ANC ≥ 1500/mm³, "bilirubin < grade 2" is
bilirubin ≤ 1.5 × ULN, "magnesium not > grade 2" is 0.9 to 3.0 mg/dL.

The grade texts (``resources/ctcae/ncictcaev5_labs.json``, from pharmaverse admiral) are read here, never
the R rules that come with them. A grade's range is read from its first lab segment in the term's own unit;
parts relative to baseline are left out, because at screening the patient's value is the baseline. "At most
grade N" is the bound where grade N ends, and it is only given when no higher grade reaches back into that
range: where symptoms decide between two grades over the same values (hypokalaemia 1 and 2) the bound does
not exist, and the criterion is left for review.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Literal

from trialmatch.domain.criteria.base import Comparator
from trialmatch.domain.units import canonical_unit

_TERMS: dict[str, tuple[str, ...]] = {
    "hemoglobin": ("Anemia",),
    "anc": ("Neutrophil count decreased",),
    "platelets": ("Platelet count decreased",),
    "wbc": ("White blood cell decreased",),
    "lymphocytes": ("Lymphocyte count decreased",),
    "cd4": ("CD4 lymphocytes decreased",),
    "alt": ("Alanine aminotransferase increased",),
    "ast": ("Aspartate aminotransferase increased",),
    "alp": ("Alkaline phosphatase increased",),
    "ggt": ("GGT increased",),
    "bilirubin": ("Blood bilirubin increased",),
    "creatinine": ("Creatinine increased",),
    "ptt": ("Activated partial thromboplastin time prolonged",),
    "inr": ("INR increased",),
    "lipase": ("Lipase increased",),
    "amylase": ("Serum amylase increased",),
    "albumin": ("Hypoalbuminemia",),
    "potassium": ("Hyperkalemia", "Hypokalemia"),
    "sodium": ("Hypernatremia", "Hyponatremia"),
    "magnesium": ("Hypermagnesemia", "Hypomagnesemia"),
    "cholesterol": ("Cholesterol high",),
    "triglycerides": ("Hypertriglyceridemia",),
}
"""Analyte to the CTCAE terms that grade it: both directions where both are lab-graded."""

Multiple = Literal["uln", "lln"]


@dataclass(frozen=True, slots=True)
class GradeBound:
    """A threshold a grade means: ``unit`` canonical, or ``multiple_of`` the normal limit."""

    comparator: Comparator
    value: float
    unit: str | None
    multiple_of: Multiple | None


@dataclass(frozen=True, slots=True)
class _Term:
    high: bool
    """Direction: True for "increased" terms (grades rise with the value)."""
    unit: str | None
    """The term's unit: a canonical unit, "uln"/"lln" for multiples, "1" for INR."""
    ranges: tuple[tuple[tuple[float, float], ...], ...]
    """Per grade 1-4, the value ranges (low, high) in ``unit``; ±inf where the end is the normal limit."""


_SEGMENT = re.compile(
    r"(?P<sign>[<>])?\s*(?P<a>ULN|LLN|\d[\d,]*(?:\.\d+)?)\s*(?P<ua>mg/dL|g/dL|g/L|mmol/L|/mm3)?"
    r"(?:\s*-\s*(?P<b>\d[\d,]*(?:\.\d+)?))?\s*(?P<unit>x\s*ULN|x\s*LLN|x\s*10e9\s*/\s*L|/mm3|g/dL|g/L|mmol/L|mg/dL)?"
)
_BASELINE = re.compile(r"baseline|anticoagulation", re.I)


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def _unit(text: str | None) -> str | None:
    if text is None:
        return None
    spaced = re.sub(r"\s+", "", text).lower()
    if spaced in {"xuln", "xlln"}:
        return spaced[1:]
    return canonical_unit(text)


def _parse(entry: dict[str, str]) -> _Term:
    high = entry["DIRECTION"] == "H"
    term_unit: str | None = None
    ranges: list[tuple[tuple[float, float], ...]] = []
    for grade in range(1, 5):
        found: list[tuple[float, float]] = []
        for segment in entry[f"GRADE_{grade}"].split(";"):
            segment = segment.replace("if baseline was normal", "")
            match = _SEGMENT.search(segment)
            if match is None or _BASELINE.search(segment):
                continue
            unit = _unit(match.group("unit") or match.group("ua")) or "1"
            if term_unit is None:
                term_unit = unit
            if unit != term_unit:
                continue
            found.append(_range(match, high, unit))
        ranges.append(tuple(found))
    return _Term(high, term_unit, tuple(ranges))


def _range(match: re.Match[str], high: bool, unit: str) -> tuple[float, float]:
    """(low, high) of one printed range; a normal limit as an end is 1 for multiples, else unbounded."""
    first, second = match.group("a"), match.group("b")

    def end(text: str) -> float:
        if text in {"ULN", "LLN"}:
            return 1.0 if unit in {"uln", "lln"} else (-math.inf if high else math.inf)
        return _number(text)

    start = end(first)
    if second is None:
        return (start, math.inf) if match.group("sign") == ">" else (0.0, start)
    if match.group("sign") == "<":
        return _number(second), start
    return start, _number(second)


@cache
def _terms() -> dict[str, _Term]:
    text = files("trialmatch_resources").joinpath("ctcae", "ncictcaev5_labs.json").read_text(encoding="utf-8")
    return {entry["TERM"]: _parse(entry) for entry in json.loads(text)}


def _at_most(term: _Term, grade: int) -> GradeBound | None:
    """The bound where ``grade`` ends for one term, or None when a higher grade reaches into it."""
    if grade == 0:
        limit: Multiple = "uln" if term.high else "lln"
        return GradeBound(Comparator.LE if term.high else Comparator.GE, 1.0, None, limit)
    below = [r for ranges in term.ranges[:grade] for r in ranges]
    above = [r for ranges in term.ranges[grade:] for r in ranges]
    if not below or term.unit is None:
        return None
    if term.high:
        bound = max(high for _, high in below)
        if not math.isfinite(bound) or any(low < bound for low, _ in above):
            return None
        comparator = Comparator.LE
    else:
        bound = min(low for low, _ in below)
        if not math.isfinite(bound) or any(high > bound for _, high in above):
            return None
        comparator = Comparator.GE
    if term.unit in {"uln", "lln"}:
        return GradeBound(comparator, bound, None, "uln" if term.unit == "uln" else "lln")
    return GradeBound(comparator, bound, term.unit, None)


def grade_bounds(analyte_id: str, at_most: bool, grade: int) -> tuple[GradeBound, ...] | None:
    """What "grade ≤ ``grade``" (``at_most``) or "grade ≥ ``grade``" means for the analyte: thresholds that
    must all hold (at most: one per direction) or of which any holds (at least). None when the analyte has no
    CTCAE lab term or a bound does not exist."""
    names = _TERMS.get(analyte_id)
    if names is None or not 0 <= grade <= 4 or (not at_most and grade == 0):
        return None
    found = []
    for name in names:
        bound = _at_most(_terms()[name], grade if at_most else grade - 1)
        if bound is None:
            return None
        if not at_most:
            bound = GradeBound(bound.comparator.opposite, bound.value, bound.unit, bound.multiple_of)
        found.append(bound)
    return tuple(found)
