"""Values computed from other patient values, by the published formulas criteria refer to.

Criteria ask for creatinine clearance, eGFR or BMI far more often than a clinician records them; computing
them (and saying so, with the inputs) lets such criteria be decided instead of left unknown.
"""

from __future__ import annotations

from datetime import date

ECOG_TO_KARNOFSKY: dict[int, tuple[int, int]] = {
    0: (90, 100),
    1: (70, 80),
    2: (50, 60),
    3: (30, 40),
    4: (10, 20),
    5: (0, 0),
}
"""The usual correspondence (Oken et al. 1982; ECOG-ACRIN): a Karnofsky derived from ECOG is a range."""


def bmi(weight_kg: float, height_cm: float) -> float:
    """Body mass index in kg/m² (weight / height²)."""
    height_m = height_cm / 100
    return weight_kg / (height_m * height_m)


def cockcroft_gault(age: float, weight_kg: float, creatinine_mg_dl: float, sex: str) -> float:
    """Creatinine clearance in mL/min: (140 − age) × kg / (72 × SCr mg/dL), × 0.85 for women.

    Uses the weight given (actual body weight), as the original formula does; a protocol asking for ideal
    or adjusted weight needs the clinician's own figure.
    """
    clearance = (140 - age) * weight_kg / (72 * creatinine_mg_dl)
    return clearance * 0.85 if sex == "female" else clearance


def ckd_epi_2021(age: float, creatinine_mg_dl: float, sex: str) -> float:
    """eGFR in mL/min/1.73 m² by the race-free CKD-EPI 2021 creatinine equation (Inker et al., NEJM 2021)."""
    female = sex == "female"
    kappa = 0.7 if female else 0.9
    alpha = -0.241 if female else -0.302
    ratio = creatinine_mg_dl / kappa
    egfr: float = 142 * min(ratio, 1.0) ** alpha * max(ratio, 1.0) ** -1.200 * 0.9938**age
    return egfr * 1.012 if female else egfr


def age_at(birth_date: date, as_of: date) -> float:
    """Age in years at ``as_of``: completed years plus the elapsed fraction of the current year of life.

    The whole part is the legal age (so "≥ 18 years" is met on the 18th birthday, not before); the fraction
    keeps "≥ 6 months" decidable. A 29 February birthday falls on 28 February in common years.
    """
    if as_of < birth_date:
        raise ValueError(f"as_of {as_of} is before birth date {birth_date}")
    years = as_of.year - birth_date.year
    if _birthday(birth_date, as_of.year) > as_of:
        years -= 1
    last = _birthday(birth_date, birth_date.year + years)
    following = _birthday(birth_date, birth_date.year + years + 1)
    return years + (as_of - last).days / (following - last).days


def _birthday(birth_date: date, year: int) -> date:
    if birth_date.month == 2 and birth_date.day == 29:
        try:
            return date(year, 2, 29)
        except ValueError:
            return date(year, 2, 28)
    return birth_date.replace(year=year)


def karnofsky_range(ecog: int) -> tuple[int, int]:
    """The Karnofsky scores an ECOG grade corresponds to (ECOG 1 -> 70-80)."""
    return ECOG_TO_KARNOFSKY[ecog]


def ecog_from_karnofsky(karnofsky: int) -> int:
    """The ECOG grade a Karnofsky score corresponds to (80 -> 1, 0 -> 5)."""
    for ecog, (low, high) in ECOG_TO_KARNOFSKY.items():
        if low <= karnofsky <= high:
            return ecog
    raise ValueError(f"Karnofsky {karnofsky} is not a score (0-100 in steps of 10)")
