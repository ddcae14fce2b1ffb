"""What the evaluator knows about one patient on one date, in canonical units, derived values included.

Built once per (patient, as_of) and then read for every criterion of every trial, so lookups are dictionary
reads. Every value carries how it was obtained: entered as written, derived by a named formula from named
inputs, or a reference limit assumed because the lab gave none — the explanation shown to the clinician
depends on it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from types import MappingProxyType

from trialmatch.domain.analytes import Analyte, get_analyte, resolve_analyte
from trialmatch.domain.anticoagulation import ANTICOAGULATION, drug_term, read_anticoagulation
from trialmatch.domain.derived import age_at, bmi, ckd_epi_2021, cockcroft_gault, ecog_from_karnofsky
from trialmatch.domain.derived import karnofsky_range as ecog_karnofsky_range
from trialmatch.domain.lexicon import ancestors, descendants, resolve_finding, says_active
from trialmatch.domain.patient import LabEntry, Patient, TreatmentEntry
from trialmatch.domain.units import UnitError, canonical_unit, convert, format_number, format_quantity


@dataclass(frozen=True, slots=True)
class Reading:
    analyte_id: str
    value: float
    """In the analyte's canonical unit."""
    display: str
    """As the clinician entered it ("1.2 × 10⁹/L"), or the formula and result for a derived value."""
    uln: float | None
    """Canonical unit."""
    lln: float | None
    uln_assumed: bool
    """The analyte's default ULN stands in for the lab's own (explanations say "assumed ULN ...")."""
    lln_assumed: bool
    derived_from: str | None
    """"Cockcroft-Gault from creatinine 1.1 mg/dL, 68 kg, 62 y, female"; None when entered."""
    date: dt.date | None = None
    """When the value was drawn (an undated entry: the file's date); for a derived value, the date of the
    oldest value it is computed from, so a trial's draw window holds it to its oldest part."""


class PatientFacts:
    """The patient as the evaluator reads it on ``as_of``."""

    def __init__(self, patient: Patient, as_of: dt.date) -> None:
        self.patient = patient
        self.as_of = as_of
        self.sex: str | None = patient.sex
        self.diagnosis = patient.diagnosis
        self.stage = patient.stage
        self.weight_kg = patient.weight_kg
        self.height_cm = patient.height_cm
        self.treatments: tuple[TreatmentEntry, ...] = tuple(patient.treatments)
        self.age, self.age_derived_from = self._age()
        self.age_derived = self.age_derived_from is not None
        self.ecog, self.ecog_derived = patient.ecog, False
        self.karnofsky, self.karnofsky_derived = patient.karnofsky, False
        self.karnofsky_range: tuple[int, int] | None = None
        if patient.karnofsky is not None:
            self.karnofsky_range = (patient.karnofsky, patient.karnofsky)
            if patient.ecog is None:
                self.ecog, self.ecog_derived = ecog_from_karnofsky(patient.karnofsky), True
        elif patient.ecog is not None:
            low, high = ecog_karnofsky_range(patient.ecog)
            self.karnofsky_range = (low, high)
            self.karnofsky, self.karnofsky_derived = (low + high) // 2, True
        self._findings, self.activity, unknown = _resolve_findings(patient.findings)
        """``activity``: concept id -> recorded as active now or not ("active hepatitis B": false)."""
        drugs = {t: drug_term(t) for t in unknown}
        self.unknown_terms = tuple(t for t in unknown if drugs[t] is None)
        self.anticoagulation = read_anticoagulation(
            self._findings.get(ANTICOAGULATION),
            {drug: patient.findings[t] for t, drug in drugs.items() if drug is not None},
            self.treatments,
            as_of,
        )
        """Also the finding ``anticoagulation`` (see ``trialmatch.domain.anticoagulation``)."""
        if self.anticoagulation.present is None:
            self._findings.pop(ANTICOAGULATION, None)
        else:
            self._findings[ANTICOAGULATION] = self.anticoagulation.present
        self._labs, self.unusable_labs = self._entered_labs()

    def _age(self) -> tuple[float | None, str | None]:
        """Age on ``as_of`` and what it was derived from: the birth date if known, else the entered age
        carried from the file's date to ``as_of``; None as the source when the entered age is used as is."""
        patient = self.patient
        if patient.birth_date is not None and patient.birth_date <= self.as_of:
            return age_at(patient.birth_date, self.as_of), f"birth date {patient.birth_date}"
        if patient.age is None:
            return None, None
        if patient.as_of is not None and patient.as_of != self.as_of:
            source = f"age {format_number(patient.age)} on {patient.as_of}"
            if self.as_of > patient.as_of:
                return patient.age + age_at(patient.as_of, self.as_of), source
            return patient.age - age_at(self.as_of, patient.as_of), source
        return patient.age, None

    @property
    def findings(self) -> Mapping[str, bool]:
        """Concept id -> known present/absent, after propagation through the concept hierarchy."""
        return MappingProxyType(self._findings)

    def finding(self, concept_id: str) -> bool | None:
        """True present, False known absent, None unknown (a parent is present when any child is)."""
        return self._findings.get(concept_id)

    def evidence(self, concept_id: str) -> str | None:
        """What in the file says the patient is anticoagulated ("on warfarin (treatments)", "anticoagulation
        recorded"), for the reason shown; None for any other finding, whose reason says how it was entered."""
        if concept_id == ANTICOAGULATION and self.anticoagulation.present:
            return self.anticoagulation.evidence
        return None

    def lab(self, analyte_id: str) -> Reading | None:
        """The latest reading on or before ``as_of``, entered or derived (CrCl, eGFR, BMI; body weight from
        the file's weight); else None."""
        try:
            return self._labs[analyte_id]
        except KeyError:
            derive = _DERIVATIONS.get(analyte_id)
            reading = derive(self) if derive is not None else None
            self._labs[analyte_id] = reading
            return reading

    def _entered_labs(self) -> tuple[dict[str, Reading | None], tuple[str, ...]]:
        """The most recent entry per analyte, undated entries counting as of the file's date."""
        file_date = self.file_date
        latest: dict[str, tuple[dt.date, Reading]] = {}
        unusable: list[str] = []
        for entry in self.patient.labs:
            when = entry.date or file_date
            if when > self.as_of:
                continue
            reading = _reading(entry, adult=self.age is None or self.age >= 18, sex=self.sex)
            if reading is None:
                unusable.append(f"{entry.test} {format_number(entry.value)} {entry.unit or ''}".strip())
                continue
            reading = replace(reading, date=when)
            if reading.analyte_id not in latest or when >= latest[reading.analyte_id][0]:
                latest[reading.analyte_id] = (when, reading)
        return {analyte_id: reading for analyte_id, (_, reading) in latest.items()}, tuple(unusable)

    @property
    def file_date(self) -> dt.date:
        """The date of what the file records without a date of its own (weight, height, undated labs)."""
        return self.patient.as_of or self.as_of

    def _creatinine_inputs(self) -> tuple[Reading, float, str] | None:
        """Creatinine, age and sex for the adult renal formulas (both are validated from 18 years only)."""
        creatinine = self.lab("creatinine")
        if creatinine is None or self.age is None or self.sex is None or self.age < 18:
            return None
        return creatinine, self.age, self.sex


def _limit(
    given: float | None, default: float | None, unit: str, analyte: Analyte
) -> tuple[float | None, bool]:
    if given is not None:
        return convert(given, unit, analyte.unit, analyte), False
    return default, default is not None


_LIMITS_BY_AGE = frozenset({"alp", "creatinine", "phosphate", "ldh", "heart_rate", "uric_acid", "bun"})
"""Analytes whose normal range in a child is not the adult one (alkaline phosphatase up to 400 U/L while bones
grow, creatinine rising with muscle mass, a faster heart): under 18, the adult default limit is not assumed,
so "ALP ≤ 1.5 × ULN" waits for the laboratory's limit for age instead of failing a healthy 8-year-old."""


def _reading(entry: LabEntry, *, adult: bool = True, sex: str | None = None) -> Reading | None:
    """An entered value in canonical units, None when its test or unit cannot be read. ``adult`` False: the
    patient is a child, for whom an age-dependent analyte has no default limit; ``sex`` picks the assumed
    limit where the sexes' differ."""
    analyte = resolve_analyte(entry.test)
    if analyte is None:
        return None
    unit = canonical_unit(entry.unit) if entry.unit else analyte.unit
    if unit is None:
        return None
    defaults = adult or analyte.id not in _LIMITS_BY_AGE
    try:
        value = convert(entry.value, unit, analyte.unit, analyte)
        uln, uln_assumed = _limit(entry.uln, analyte.assumed_uln(sex) if defaults else None, unit, analyte)
        lln, lln_assumed = _limit(entry.lln, analyte.default_lln if defaults else None, unit, analyte)
    except UnitError:
        return None
    return Reading(
        analyte_id=analyte.id,
        value=value,
        display=format_quantity(entry.value, unit),
        uln=uln,
        lln=lln,
        uln_assumed=uln_assumed,
        lln_assumed=lln_assumed,
        derived_from=None,
    )


def _derived(analyte_id: str, value: float, method: str, inputs: str, date: dt.date | None) -> Reading:
    analyte = get_analyte(analyte_id)
    return Reading(
        analyte_id=analyte_id,
        value=value,
        display=f"{method} {format_quantity(round(value, 1), analyte.unit)}",
        uln=None,
        lln=None,
        uln_assumed=False,
        lln_assumed=False,
        derived_from=f"{method} from {inputs}",
        date=date,
    )


def _age_text(age: float) -> str:
    return f"{int(age)} y"


def _derive_crcl(facts: PatientFacts) -> Reading | None:
    inputs = facts._creatinine_inputs()
    if inputs is None or facts.weight_kg is None:
        return None
    creatinine, age, sex = inputs
    value = cockcroft_gault(age, facts.weight_kg, creatinine.value, sex)
    described = (
        f"creatinine {creatinine.display}, {format_number(facts.weight_kg)} kg, {_age_text(age)}, {sex}"
    )
    oldest = min(d for d in (creatinine.date, facts.file_date) if d is not None)  # the weight: the file's
    return _derived("crcl", value, "Cockcroft-Gault", described, oldest)


def _derive_egfr(facts: PatientFacts) -> Reading | None:
    inputs = facts._creatinine_inputs()
    if inputs is None:
        return None
    creatinine, age, sex = inputs
    value = ckd_epi_2021(age, creatinine.value, sex)
    return _derived(
        "egfr",
        value,
        "CKD-EPI 2021",
        f"creatinine {creatinine.display}, {_age_text(age)}, {sex}",
        creatinine.date,
    )


def _derive_bmi(facts: PatientFacts) -> Reading | None:
    if facts.weight_kg is None or facts.height_cm is None:
        return None
    value = bmi(facts.weight_kg, facts.height_cm)
    described = f"{format_number(facts.weight_kg)} kg, {format_number(facts.height_cm)} cm"
    return _derived("bmi", value, "BMI", described, facts.file_date)


def _file_measure(analyte_id: str, value: float | None, unit: str, facts: PatientFacts) -> Reading | None:
    """A body measure from the file's own fields, used when none was entered among the labs."""
    if value is None:
        return None
    return Reading(
        analyte_id=analyte_id,
        value=value,
        display=format_quantity(value, unit),
        uln=None,
        lln=None,
        uln_assumed=False,
        lln_assumed=False,
        derived_from=None,
        date=facts.file_date,
    )


def _body_weight(facts: PatientFacts) -> Reading | None:
    """The file's own weight: the value a weight limit names."""
    return _file_measure("body_weight", facts.weight_kg, "kg", facts)


def _height(facts: PatientFacts) -> Reading | None:
    """The file's own height: the value a height limit names."""
    return _file_measure("height", facts.height_cm, "cm", facts)


def _fasting_as_glucose(facts: PatientFacts) -> Reading | None:
    """A fasting glucose is a glucose: a limit on any glucose is judged on it when no other was entered (the
    reverse does not hold, see ``criteria.lab_fasting``)."""
    fasting = facts.lab("fasting_glucose")
    if fasting is None:
        return None
    return replace(fasting, display=f"{fasting.display} (fasting)")


_DERIVATIONS: dict[str, Callable[[PatientFacts], Reading | None]] = {
    "crcl": _derive_crcl,
    "glucose": _fasting_as_glucose,
    "egfr": _derive_egfr,
    "bmi": _derive_bmi,
    "body_weight": _body_weight,
    "height": _height,
}


def _resolve_findings(
    findings: Mapping[str, bool],
) -> tuple[dict[str, bool], Mapping[str, bool], tuple[str, ...]]:
    """Entered answers first; then present propagates up (liver -> metastatic) and absent down. A term that
    says "active" of a finding that may be past ("active hepatitis B") records whether it is active now:
    true is the finding present and active, false says nothing of a past one (not "no hepatitis B ever")."""
    explicit: dict[str, bool] = {}
    activity: dict[str, bool] = {}
    unknown: list[str] = []
    for term, value in findings.items():
        concept = resolve_finding(term)
        if concept is None:
            unknown.append(term)
            continue
        if says_active(term, concept):
            activity[concept.id] = activity.get(concept.id, False) or value
            if not value:
                continue
        explicit[concept.id] = explicit.get(concept.id, False) or value
    resolved = dict(explicit)
    for concept_id, value in explicit.items():
        if value:
            for parent in ancestors(concept_id):
                resolved[parent] = True
    for concept_id, value in explicit.items():
        if not value:
            for child in descendants(concept_id):
                resolved.setdefault(child, False)
    return resolved, MappingProxyType(activity), tuple(unknown)
