"""The laboratory tests, measurements and scores that eligibility criteria and patient files name.

One table (``resources/lexicon/analytes.csv``) says, per analyte, its canonical unit, the units a clinician
may enter, its LOINC code, the names and abbreviations used for it, the molar mass needed for mass <-> molar
conversion, default reference limits (with their source: they are *assumed* whenever used) and the range
outside which a value is impossible. Criteria and patient values are compared in the canonical unit.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files


@dataclass(frozen=True, slots=True)
class Analyte:
    id: str
    name: str
    unit: str
    """Canonical unit (a spelling from ``units.csv``); every stored value is in it."""
    loinc: str | None
    aliases: tuple[str, ...]
    """Lower-case names and abbreviations clinicians and registries use."""
    molar_mass: float | None
    """g/mol, for mass <-> molar conversion; set from the customary clinical conversion factor."""
    default_uln: float | None
    """Canonical unit; a typical adult value, used only as an *assumed* ULN when the lab's own is missing."""
    default_lln: float | None
    default_uln_by_sex: tuple[tuple[str, float], ...]
    """("female", 1.1), ("male", 1.3) for creatinine: the assumed ULN of a patient whose sex is known, where
    the sexes' ranges differ enough to decide a "≤ ULN" (1.3 mg/dL is normal for a man)."""
    plausible: tuple[float, float]
    """Canonical unit; a value outside is impossible (a typing or unit mistake)."""
    units: tuple[str, ...] = ()
    """Canonical spellings of the units a clinician may enter, the canonical unit first."""
    charge: int | None = None
    """Ion valence, for mEq/L <-> mmol/L."""
    range_source: str = ""
    """Where the default limits come from, quoted wherever an assumed limit is used."""

    @property
    def label(self) -> str:
        """The name as it reads inside a sentence: "platelets", but "AST", "CD4 count" and "Child-Pugh score"
        keep capitals."""
        if any(c.isupper() for c in self.name.split()[0][1:]):
            return self.name
        return self.name[0].lower() + self.name[1:]

    def assumed_uln(self, sex: str | None) -> float | None:
        """The ULN assumed when the lab gave none: the sex's own when the table has one."""
        return dict(self.default_uln_by_sex).get(sex or "", self.default_uln)


def _optional_float(text: str) -> float | None:
    return float(text) if text.strip() else None


def _read_table() -> tuple[Analyte, ...]:
    text = files("trialmatch_resources").joinpath("lexicon", "analytes.csv").read_text(encoding="utf-8")
    analytes = []
    for row in csv.DictReader(io.StringIO(text)):
        analytes.append(
            Analyte(
                id=row["id"],
                name=row["name"],
                unit=row["unit"],
                loinc=row["loinc"] or None,
                aliases=tuple(a for a in row["aliases"].split("|") if a),
                molar_mass=_optional_float(row["molar_mass"]),
                default_uln=_optional_float(row["uln"]),
                default_lln=_optional_float(row["lln"]),
                default_uln_by_sex=tuple(
                    (sex, float(row[f"uln_{sex}"])) for sex in ("female", "male") if row[f"uln_{sex}"].strip()
                ),
                plausible=(float(row["plausible_min"]), float(row["plausible_max"])),
                units=tuple(u for u in row["units"].split("|") if u),
                charge=int(row["charge"]) if row["charge"] else None,
                range_source=row["range_source"],
            )
        )
    return tuple(analytes)


_SPACES = re.compile(r"\s+")
_EDGE_PUNCTUATION = " \t:;,.*#-=()[]"


def _key(text: str) -> str:
    """Lower-case, unaccented, commas as spaces, no surrounding punctuation: "Hémoglobine:" and
    "hemoglobine" meet, as do "Bilirubin, Total" and "bilirubin total"."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))
    return _SPACES.sub(" ", folded.replace(",", " ")).strip(_EDGE_PUNCTUATION)


@cache
def _tables() -> tuple[tuple[Analyte, ...], dict[str, Analyte], dict[str, Analyte]]:
    analytes = _read_table()
    by_id = {a.id: a for a in analytes}
    by_name: dict[str, Analyte] = {}
    for analyte in analytes:
        names = {analyte.id, analyte.name, *analyte.aliases}
        if analyte.loinc:
            names.add(analyte.loinc)
        for name in names:
            key = _key(name)
            other = by_name.setdefault(key, analyte)
            if other is not analyte:
                raise ValueError(f"analytes.csv: {name!r} names both {other.id} and {analyte.id}")
    return analytes, by_id, by_name


def get_analyte(analyte_id: str) -> Analyte:
    """The analyte by its id; KeyError names the unknown id."""
    return _tables()[1][analyte_id]


@lru_cache(maxsize=8192)
def resolve_analyte(text: str) -> Analyte | None:
    """The analyte a test name, abbreviation or LOINC code designates ("ANC", "Hb", "751-8"); None if unknown.

    Cached: the evaluator and the paste parser call it for the same few names over and over.
    """
    by_name = _tables()[2]
    key = _key(text)
    found = by_name.get(key)
    if found is None and key.startswith(("serum ", "plasma ", "blood ", "s-", "p-", "b-")):
        found = by_name.get(key.split(" ", 1)[-1] if " " in key else key[2:])
    return found


def all_analytes() -> tuple[Analyte, ...]:
    return _tables()[0]
