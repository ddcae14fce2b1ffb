"""A unit printed with the wrong prefix on its numerator: "Creatinine no greater than 2.0 g/dL" (mg/dL meant),
"Creatinine < 130 mmol/l" (µmol/L), "Hemoglobin greater than 8 mg/dL" (g/dL).

Read as printed the value is no threshold anyone sets (2 g/dL of creatinine, 8 mg/dL of haemoglobin), and the
lab reader would leave it for review. The same unit with another prefix (same substance measure, mass or
molar, same volume) that the analyte is measured in and that puts the number within the analyte's clinical
window is what was meant, when exactly one does: the rule is read in it and flagged ``unit_inferred``, which
the explanation shows. A misprint that changes the volume ("Hemoglobin >= 9 g/L": 9 g/dL or 90 g/L?) is no
prefix, and stays for review.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from trialmatch.domain.analytes import Analyte
from trialmatch.domain.units import UnitError, convert, units_for

_PREFIXED = re.compile(r"(?P<prefix>[mµun]?)(?P<base>g|mol)/(?P<volume>.+)")


def _split(unit: str) -> tuple[str, str, str] | None:
    match = _PREFIXED.fullmatch(unit)
    return (match.group("prefix"), match.group("base"), match.group("volume")) if match else None


def prefix_misprint(
    value: float, unit: str, analyte: Analyte, window: Callable[[Analyte], tuple[float, float]]
) -> str | None:
    """The unit ``unit`` was misprinted for, or None when no other prefix, or more than one, puts ``value``
    within ``window`` of the analyte and its plausible values ("Albumin ≥ 30 mg/dL" is no 30 g/dL either)."""
    printed = _split(unit)
    if printed is None:
        return None
    low, high = window(analyte)
    plausible = analyte.plausible
    fits = []
    for candidate in units_for(analyte):
        other = _split(candidate)
        if other is None or other == printed or other[1:] != printed[1:]:
            continue
        try:
            canonical = convert(value, candidate, analyte.unit, analyte)
        except UnitError:
            continue
        if low <= canonical <= high and plausible[0] <= canonical <= plausible[1]:
            fits.append(candidate)
    return fits[0] if len(fits) == 1 else None
