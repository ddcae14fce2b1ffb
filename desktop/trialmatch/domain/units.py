"""Clinical units: one canonical spelling per unit, and exact conversions between them.

Clinicians and registries spell the same unit many ways ("x10^9/L", "10*9/L", "K/uL", "G/L"); our alias table
(``resources/lexicon/units.csv``) maps each spelling onto one canonical spelling and a pint expression, and
pint does the dimensional arithmetic. Mass <-> molar conversion needs the analyte's molar mass, mEq <-> mmol
its charge: without them the conversion is refused rather than guessed.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    import pint

    from trialmatch.domain.analytes import Analyte


class UnitError(ValueError):
    """A unit that is unknown, or a conversion that is impossible (the message names both units)."""


@dataclass(frozen=True, slots=True)
class _Unit:
    canonical: str
    pint: str
    per_charge: bool
    display: str


# Clinical units pint does not define. Cells get their own dimension so a count per volume never converts
# to a mass per volume; international units (WHO standards) are not enzyme units. The urine ratios printed per
# mmol ("albumin 22.6 mg/mmol") are per mmol of creatinine, which weighs 113.12 mg (the 88.4 µmol/L per mg/dL
# laboratories use), so they convert to the ratios per gram. A lakh is 100,000 (Indian registries: "platelets
# > 1.5 lakh per cumm" is 150,000/µL).
_PINT_DEFINITIONS = (
    "cell = [cell_count] = cells",
    "lakh_cell = 1e5 * cell",
    "international_unit = [international_unit] = IU",
    "milli_international_unit = 1e-3 * international_unit",
    "standard_bsa = 1.73 * meter ** 2",
    "part_per_billion = 1e-9",
    "creatinine_millimole = 113.12217194570135 * milligram",
)

_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_SUPERSCRIPT_RUN = re.compile("[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
_TEN_POWER = re.compile(r"10(?:\*|e|\^)(\d+)")


def _unit_key(text: str) -> str:
    """Fold the spelling variants clinicians use onto one key: case, micro signs, "10*9", "cells/", spaces."""
    key = _SUPERSCRIPT_RUN.sub(lambda m: "^" + m.group(0).translate(_SUPERSCRIPTS), text.strip())
    key = key.replace("µ", "u").replace("μ", "u").replace("×", "x").replace("**", "^").lower()
    key = re.sub(r"\s+", "", key).replace(",", ".")
    key = key.replace("mcg", "ug").replace("mcl", "ul").replace("mcmol", "umol")
    key = key.replace("litre", "l").replace("liter", "l")
    key = _TEN_POWER.sub(r"10^\1", key)
    key = re.sub(r"^x(?=\d)", "", key)
    return re.sub(r"cells?/", "/", key)


@cache
def _table() -> tuple[dict[str, _Unit], dict[str, str], dict[str, str]]:
    """Units by canonical spelling, and the two alias maps (folded keys; exact case-sensitive spellings)."""
    text = files("trialmatch_resources").joinpath("lexicon", "units.csv").read_text(encoding="utf-8")
    units: dict[str, _Unit] = {}
    folded: dict[str, str] = {}
    exact: dict[str, str] = {}
    for row in csv.DictReader(io.StringIO(text)):
        unit = _Unit(row["unit"], row["pint"], row["per_charge"] == "1", row["display"])
        units[unit.canonical] = unit
        for alias in {unit.canonical, *row["aliases"].split("|")} - {""}:
            key = _unit_key(alias)
            if folded.setdefault(key, unit.canonical) != unit.canonical:
                raise ValueError(f"units.csv: {alias!r} spells both {folded[key]} and {unit.canonical}")
        for alias in filter(None, row["case_sensitive_aliases"].split("|")):
            exact[alias] = unit.canonical
    return units, folded, exact


@cache
def _registry() -> pint.UnitRegistry[float]:
    """Built on first conversion only: pint's registry takes a tenth of a second to load."""
    import pint

    registry: pint.UnitRegistry[float] = pint.UnitRegistry()
    for definition in _PINT_DEFINITIONS:
        registry.define(definition)
    return registry


@lru_cache(maxsize=4096)
def canonical_unit(text: str) -> str | None:
    """The canonical spelling of a unit as a clinician wrote it ("K/uL" -> "10^9/L"); None if unknown."""
    _, folded, exact = _table()
    stripped = text.strip()
    if stripped in exact:
        return exact[stripped]
    return folded.get(_unit_key(stripped))


def _require(text: str) -> _Unit:
    canonical = canonical_unit(text)
    if canonical is None:
        raise UnitError(f"unknown unit {text!r}")
    return _table()[0][canonical]


@lru_cache(maxsize=4096)
def _factor(source: str, target: str, molar_mass: float | None, charge: int | None) -> float:
    """Multiplier from one canonical unit to another (every unit here is proportional: no offsets)."""
    import pint

    units = _table()[0]
    src, dst = units[source], units[target]
    if (src.per_charge or dst.per_charge) and charge is None:
        raise UnitError("needs the ion's charge")
    registry = _registry()
    quantity = registry.Quantity(1.0 / charge if src.per_charge and charge else 1.0, src.pint)
    target_dimensions = registry.Quantity(1, dst.pint).dimensionality
    try:
        if molar_mass is None or quantity.dimensionality == target_dimensions:
            converted = quantity.to(dst.pint)
        elif _as_mass(quantity.dimensionality.items()) == _as_mass(target_dimensions.items()):
            converted = quantity.to(dst.pint, "chemistry", mw=registry.Quantity(molar_mass, "g/mol"))
        else:
            raise UnitError("different kinds of quantity")
    except pint.DimensionalityError:
        if molar_mass is None and {"[mass]", "[substance]"} <= _dimensions(
            quantity, registry.Quantity(1, dst.pint)
        ):
            raise UnitError("needs the molar mass") from None
        raise UnitError("different kinds of quantity") from None
    factor = float(converted.magnitude)
    return factor * charge if dst.per_charge and charge else factor


def _dimensions(*quantities: pint.Quantity[float]) -> set[str]:
    return {str(name) for q in quantities for name in q.dimensionality}


def _as_mass(dimensions: Iterable[tuple[str, object]]) -> dict[str, float]:
    """The dimensions with amount of substance counted as mass: what the molar mass can bridge. Asking pint's
    chemistry context for anything else ("%" to ng/dL) divides by zero inside it."""
    found: dict[str, float] = {}
    for name, power in dimensions:
        key = "[mass]" if str(name) == "[substance]" else str(name)
        found[key] = found.get(key, 0.0) + float(cast(float, power))
    return {name: power for name, power in found.items() if power}


def convert(value: float, from_unit: str, to_unit: str, analyte: Analyte | None = None) -> float:
    """``value`` in ``from_unit`` expressed in ``to_unit``; spellings as clinicians write them are accepted.

    Raises UnitError naming both units (and the analyte) when the conversion is impossible.
    """
    source, target = _require(from_unit), _require(to_unit)
    if source.canonical == target.canonical:
        return value
    molar_mass = analyte.molar_mass if analyte else None
    charge = analyte.charge if analyte else None
    try:
        factor = _factor(source.canonical, target.canonical, molar_mass, charge)
    except UnitError as exc:
        subject = f" for {analyte.label}" if analyte else ""
        raise UnitError(f"cannot convert {from_unit} to {to_unit}{subject}: {exc}") from None
    return _clean(value * factor)


def _clean(value: float) -> float:
    """Drop binary noise (2800/µL is 2.8, not 2.8000000000000003) so a value equal to a threshold meets it."""
    return float(f"{value:.12g}")


def is_unit_for(unit: str, analyte: Analyte) -> bool:
    """Whether a value in ``unit`` can be expressed in the analyte's canonical unit."""
    canonical = canonical_unit(unit)
    if canonical is None:
        return False
    try:
        _factor(canonical, analyte.unit, analyte.molar_mass, analyte.charge)
    except UnitError:
        return False
    return True


def units_for(analyte: Analyte) -> tuple[str, ...]:
    """The units a clinician may pick for this analyte (GUI unit picker), canonical unit first."""
    return analyte.units or (analyte.unit,)


def format_number(value: float) -> str:
    """A value as a clinician writes it: "2.1", "88", "0.25", "1500"; never "1e+04" nor "2.1000000001"."""
    if not math.isfinite(value):
        return str(value)
    rounded = float(f"{value:.6g}")
    if rounded == int(rounded) and abs(rounded) < 1e15:
        return str(int(rounded))
    text = f"{rounded:.6f}".rstrip("0").rstrip(".")
    return text if text not in {"0", "-0"} else f"{value:.3g}"


def format_quantity(value: float, unit: str) -> str:
    """Display form: "1.2 × 10⁹/L", "1500/µL", "9.8 g/dL", "88 U/L", "55%", "1.3" (INR)."""
    canonical = canonical_unit(unit)
    display = _table()[0][canonical].display if canonical else unit
    number = format_number(value)
    if not display:
        return number
    if display.startswith(("/", "%")):
        return f"{number}{display}"
    return f"{number} {display}"
