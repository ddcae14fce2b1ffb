"""A unit misprinted right after a bare number: "White blood cell count > 2000/mL", "platelet count of >
100,000/um", "WBC count of >= 4000 cells/ml3" (per µL meant: 2 white cells or 0.1 platelets per µL is no
threshold anyone sets), "Fasting plasma glucose >126 mg/d", "random blood sugar at least 200 mg" (mg/dL),
"Hemoglobin ≥ 9/g/dL", "Hemoglobin ≥ 9.0 g/gL", "Hgb > 10 gms" (g/dL), "Creatinine clearance ≥60/mL" (a
clearance per minute, its "/min" lost).

The lab reader claims the misprint and reads the number as unit-less: the unit is then inferred from the
value (``_infer_unit``, which takes only a unit that puts the number within a clinical window of the
analyte's normal range) and the rule is flagged ``unit_inferred``, which the explanation shows ("unit not
printed or misprinted, read as /µL"). Only the misprints of this table, right after a number without a unit,
and only when the analyte named last before the number is one the misprint can belong to; a value that fits
no unit stays for review.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from trialmatch.domain.criteria.derived import RENAL_ANALYTES
from trialmatch.domain.criteria.lab import GLUCOSES
from trialmatch.domain.criteria.numbers import Quantity
from trialmatch.domain.criteria.text import Segment, Span

_COUNTS = frozenset({"anc", "wbc", "platelets", "lymphocytes", "eosinophils", "cd4"})
VOLUME_MISPRINTED = _COUNTS
""""ANC ≥ 1000ml": a count printed with a bare volume, which no count is measured in (the lab reader reads the
number as unit-less, so the unit is inferred and flagged)."""
_END = r"(?![a-z0-9/])"
_MISPRINTS: tuple[tuple[frozenset[str], re.Pattern[str]], ...] = (
    (_COUNTS, re.compile(r"\s*(?:cells?\s*)?/\s*(?:ml3?|um)" + _END)),
    (RENAL_ANALYTES, re.compile(r"\s*/\s*ml" + _END)),
    (GLUCOSES, re.compile(r"\s*mg(?:\s*/\s*d)?" + _END)),
    (frozenset({"hemoglobin"}), re.compile(r"\s*(?:/\s*g\s*/\s*dl|g\s*/\s*gl|gms?|grams?)" + _END)),
)


def misprinted_units(
    segment: Segment, mentions: Sequence[tuple[int, tuple[str, ...]]], quantities: Sequence[Quantity]
) -> list[Span]:
    """The misprinted units right after the bare numbers of ``quantities`` (``mentions``: the analytes'
    starts and ids)."""
    if not segment.contains("/", "mg", "gm", "gram"):
        return []
    found: list[Span] = []
    for quantity in quantities:
        if quantity.unit_text or quantity.multiple_of or quantity.times_only or quantity.time_unit:
            continue
        named = [analytes for start, analytes in mentions if start < quantity.start]
        if not named or not named[-1]:
            continue
        for family, misprint in _MISPRINTS:
            if set(named[-1]) <= family:
                match = misprint.match(segment.norm, quantity.end, segment.end)
                if match:
                    found.append(match.span())
                break
    return found
