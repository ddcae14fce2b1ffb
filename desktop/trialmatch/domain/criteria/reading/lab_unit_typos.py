"""A unit misprinted right after a bare number: "White blood cell count > 2000/mL", "platelet count of >
100,000/um", "WBC count of >= 4000 cells/ml3" (per µL meant: 2 white cells or 0.1 platelets per µL is no
threshold anyone sets), "ANC ≥ 1000ml" (a count has no bare volume), "Fasting plasma glucose >126 mg/d",
"random blood sugar at least 200 mg" (mg/dL), "Hemoglobin ≥ 9/g/dL", "Hemoglobin ≥ 9.0 g/gL", "Hgb > 10 gms"
(g/dL), "Creatinine clearance ≥60/mL" (a clearance per minute, its "/min" lost), "Creatinine clearance at
least 50 mg/mL", "CrCl > 40 mL/sec" (mL/min), "eGFR < 30 ml/min/m2" (the "1.73" of mL/min/1.73 m² lost),
"eGFR<60/ml/min/1,73 m2" (a slash before the unit), "Creatinine no greater than 2.5 mg/ml", "Serum bilirubin ≤
1mg/d" (mg/dL: no blood level is per day), "SGOT less than 60 IU/mL" (a transaminase in units per litre:
60,000 U/L is no limit anyone sets).

A clearance or GFR "per m²" is the 1.73 m² normalisation with its "1.73" dropped: no laboratory reports an
eGFR per square metre, and a per-m² clearance differs from the normalised one by the patient's body surface
only. The number is then read as printed in the analyte's own unit (a clearance in mL/min, a GFR in
mL/min/1.73 m²), flagged as inferred. "mL/sec" is a real unit of clearance (normal about 1.5-2 mL/s): only a
number of 10 or more, which no clearance in mL/s reaches, is read per minute; any other stays for review.

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
from dataclasses import replace

from trialmatch.domain.criteria.derived import RENAL_ANALYTES
from trialmatch.domain.criteria.lab import GLUCOSES
from trialmatch.domain.criteria.reading.numbers import Quantity
from trialmatch.domain.criteria.reading.text import Segment, Span

_COUNTS = frozenset({"anc", "wbc", "platelets", "lymphocytes", "eosinophils", "cd4"})
_END = r"(?![a-z0-9/])"
_MISPRINTS: tuple[tuple[frozenset[str], re.Pattern[str]], ...] = (
    (_COUNTS, re.compile(r"\s*(?:(?:cells?\s*)?/\s*(?:ml3?|um)|ml)" + _END)),
    (
        RENAL_ANALYTES,
        re.compile(
            r"\s*(?:/\s*ml|ml\s*/\s*min(?:ute)?\s*/\s*m\s*(?:2|\^\s*2|²)|mg\s*/\s*ml|ml\s*/\s*sec"
            r"|/\s*ml\s*/\s*min\s*/\s*1[.,]73\s*m\s*(?:2|\^\s*2|²))" + _END
        ),
    ),
    (GLUCOSES, re.compile(r"\s*mg(?:\s*/\s*d)?" + _END)),
    (frozenset({"hemoglobin"}), re.compile(r"\s*(?:/\s*g\s*/\s*dl|g\s*/\s*gl|gms?|grams?)" + _END)),
    (frozenset({"creatinine"}), re.compile(r"\s*mg\s*/\s*(?:ml|d)" + _END)),  # see _PER_DAY_CEILING
    (frozenset({"bilirubin"}), re.compile(r"\s*mg\s*/\s*d" + _END)),
    (frozenset({"ast", "alt"}), re.compile(r"\s*i?u\s*/\s*ml" + _END)),  # see _PER_ML_ENZYME
)
_PRINTED_CUES = ("/m", "ml", "/sec")
"""The misprints of the table that the number reader takes for a unit (or for the start of one)."""
_PER_SECOND = re.compile(r"\s*ml\s*/\s*sec")
_SECONDS_FLOOR = 10.0
"""No clearance reaches 10 mL/s (600 mL/min): "CrCl > 40 mL/sec" is per minute, "CrCl > 1.0 mL/sec" may be
meant."""
_PER_DAY = re.compile(r"\s*mg\s*/\s*d$")
_PER_DAY_CEILING = 10.0
"""A creatinine or bilirubin "mg/d" is mg/dL only for a number under 10, which unit-less is read in mg/dL;
a larger one would be read in µmol/L, which the printed "mg" denies: it stays for review."""
_PER_ML_ENZYME = re.compile(r"\s*i?u\s*/")
_ENZYME_FLOOR = 10.0
"""No transaminase limit is set below 10 U/L: "AST ≤ 0.05 IU/mL" may be meant as printed (50 U/L), and a
number that small read unit-less would be taken for µkat/L; it stays for review."""


def unprinted(
    segment: Segment, mentions: Sequence[tuple[int, tuple[str, ...]]], quantities: list[Quantity]
) -> list[Quantity]:
    """``quantities`` with the unit dropped from those whose printed unit (with what follows it) is a misprint
    of the table for the analyte named last before them: the number is then read as unit-less and the
    misprint claimed by ``misprinted_units``."""
    if not segment.contains(*_PRINTED_CUES):
        return quantities
    found = []
    for quantity in quantities:
        if quantity.unit_text and not quantity.multiple_of:
            number_end = quantity.end - len(quantity.unit_text)
            if segment.norm[number_end : quantity.end] == quantity.unit_text and _misprint(
                segment, mentions, quantity, number_end
            ):
                quantity = replace(quantity, end=number_end, unit=None, unit_text=None)
        found.append(quantity)
    return found


def misprinted_units(
    segment: Segment, mentions: Sequence[tuple[int, tuple[str, ...]]], quantities: Sequence[Quantity]
) -> list[Span]:
    """The misprinted units right after the bare numbers of ``quantities`` (``mentions``: the analytes'
    starts and ids)."""
    if not segment.contains("/", "mg", "gm", "gram", "ml"):
        return []
    found: list[Span] = []
    for quantity in quantities:
        if quantity.unit_text or quantity.multiple_of or quantity.times_only or quantity.time_unit:
            continue
        match = _misprint(segment, mentions, quantity, quantity.end)
        if match:
            found.append(match.span())
    return found


def _misprint(
    segment: Segment, mentions: Sequence[tuple[int, tuple[str, ...]]], quantity: Quantity, end: int
) -> re.Match[str] | None:
    """The misprint at ``end`` for the analyte named last before the quantity, if the table holds one."""
    named = [analytes for start, analytes in mentions if start < quantity.start]
    if not named or not named[-1]:
        return None
    for family, misprint in _MISPRINTS:
        if set(named[-1]) <= family:
            match = misprint.match(segment.norm, end, segment.end)
            if match and _PER_SECOND.match(match.group()) and quantity.number.value < _SECONDS_FLOOR:
                return None
            if match and _PER_ML_ENZYME.match(match.group()) and quantity.number.value < _ENZYME_FLOOR:
                return None
            per_day = match and family is not GLUCOSES and _PER_DAY.match(match.group())
            if per_day and quantity.number.value >= _PER_DAY_CEILING:
                return None
            return match
    return None
