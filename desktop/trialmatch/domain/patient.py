"""The patient file, format ``trialmatch-patient/1``: a public contract between clinicians, GUI and engine.

Loading never stops at the first mistake: every problem comes back at once, each naming its field and saying
what is wrong in a clinician's words ("labs[2].unit: 'mg' is not a unit for haemoglobin (use g/dL, g/L,
mmol/L)"), so a hand-written file is fixed in one pass and nothing typed is silently dropped.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    FiniteFloat,
    ValidationError,
)
from pydantic_core import PydanticCustomError

from trialmatch.domain.analytes import Analyte, resolve_analyte
from trialmatch.domain.derived import age_at, ecog_from_karnofsky, karnofsky_range
from trialmatch.domain.lexicon import ancestors, resolve_finding, says_active
from trialmatch.domain.units import convert, format_number, format_quantity, is_unit_for, units_for

PATIENT_FORMAT = "trialmatch-patient/1"

TREATMENT_CATEGORIES = (
    "chemotherapy",
    "immunotherapy",
    "targeted therapy",
    "radiotherapy",
    "surgery",
    "hormone therapy",
    "stem cell transplant",
    "cell therapy",
    "other",
)


def _problem(message: str) -> PydanticCustomError:
    return PydanticCustomError("patient", message)


def _iso_date(value: object) -> object:
    """Dates are written YYYY-MM-DD; pydantic alone would also take timestamps and datetimes."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()) if len(value.strip()) == 10 else _not_a_date(value)
        except ValueError:
            _not_a_date(value)
    return _not_a_date(value)


def _not_a_date(value: object) -> object:
    raise _problem(f"{_shown(value)} is not a date (YYYY-MM-DD)")


def _shown(value: object) -> str:
    return repr(value) if isinstance(value, str) else json.dumps(value, default=str)


IsoDate = Annotated[dt.date, BeforeValidator(_iso_date)]


def _known_test(test: str) -> str:
    if resolve_analyte(test) is None:
        raise _problem(f"unknown test {test!r}")
    return test


def _known_category(category: str | None) -> str | None:
    if category is None:
        return None
    normalised = " ".join(category.lower().split())
    if normalised not in TREATMENT_CATEGORIES:
        raise _problem(f"{category!r} is not a treatment category (use {', '.join(TREATMENT_CATEGORIES)})")
    return normalised


def _sex(value: object) -> object:
    """ "Female", "F" and "female" are the same answer; anything else is refused by the Literal."""
    if isinstance(value, str):
        key = value.strip().lower()
        return {"f": "female", "m": "male", "female": "female", "male": "male"}.get(key, value)
    return value


def _age(age: float) -> float:
    if age < 0:
        raise _problem("must not be negative")
    if age > 130:
        raise _problem(f"{format_number(age)} is not a possible age (expected 0–130 years)")
    return age


def _in_range(low: float, high: float, what: str, unit: str) -> AfterValidator:
    def check(value: float) -> float:
        if not low <= value <= high:
            shown = f"{format_number(value)} {unit}"
            raise _problem(f"{shown} is not a possible {what} (expected {low:g}–{high:g} {unit})")
        return value

    return AfterValidator(check)


def _ecog(ecog: int) -> int:
    if not 0 <= ecog <= 5:
        raise _problem(f"ECOG {ecog} does not exist (0–5)")
    return ecog


def _karnofsky(karnofsky: int) -> int:
    if not 0 <= karnofsky <= 100 or karnofsky % 10:
        raise _problem(f"Karnofsky {karnofsky} does not exist (0–100 in steps of 10)")
    return karnofsky


def _finding_terms(findings: dict[str, bool]) -> dict[str, bool]:
    for term in findings:
        if not term.strip():
            raise _problem("a finding needs a name")
    return findings


class _Model(BaseModel):
    """Unknown fields are refused so that a misspelt field is reported, not silently ignored."""

    model_config = ConfigDict(extra="forbid")


class LabEntry(_Model):
    test: Annotated[str, AfterValidator(_known_test)]
    """Common name, abbreviation or LOINC code ("ANC", "Absolute neutrophil count", "751-8")."""
    value: FiniteFloat
    unit: str | None = None
    """As written ("K/uL", "10^9/L"); None only when the test has a single unit (INR, LVEF %)."""
    uln: FiniteFloat | None = None
    """The reporting lab's upper limit, in ``unit``; None means the default ULN is assumed."""
    lln: FiniteFloat | None = None
    date: IsoDate | None = None


class TreatmentEntry(_Model):
    name: str
    category: Annotated[str | None, AfterValidator(_known_category)] = None
    start: IsoDate | None = None
    end: IsoDate | None = None
    """None with a start date means ongoing."""


class Patient(_Model):
    format: Literal["trialmatch-patient/1"]
    as_of: IsoDate | None = None
    """The date the file describes (lab values, age); evaluation may happen later."""
    age: Annotated[float, AfterValidator(_age)] | None = None
    birth_date: IsoDate | None = None
    sex: Annotated[Literal["female", "male"] | None, BeforeValidator(_sex)] = None
    weight_kg: Annotated[float, _in_range(1, 400, "weight", "kg")] | None = None
    height_cm: Annotated[float, _in_range(30, 250, "height", "cm")] | None = None
    ecog: Annotated[int, AfterValidator(_ecog)] | None = None
    karnofsky: Annotated[int, AfterValidator(_karnofsky)] | None = None
    diagnosis: str | None = None
    stage: str | None = None
    findings: Annotated[dict[str, bool], AfterValidator(_finding_terms)] = Field(default_factory=dict)
    """Term as the clinician wrote it -> present (true) or known absent (false); absent key = unknown.
    "active hepatitis B" (a finding that may be past) says whether it is active now: false is not absent."""
    labs: list[LabEntry] = Field(default_factory=list)
    treatments: list[TreatmentEntry] = Field(default_factory=list)
    location: str | None = None


@dataclass(frozen=True)
class FieldProblem:
    field: str
    """Path in the file: "labs[1].unit", "age", "findings.hiv"."""
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}" if self.field else self.message


class PatientError(ValueError):
    """Every problem of a patient file, one per line."""

    def __init__(self, problems: list[FieldProblem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


_PYDANTIC_MESSAGES = {
    "missing": "required",
    "float_parsing": "{input} is not a number",
    "float_type": "{input} is not a number",
    "finite_number": "{input} is not a number",
    "int_parsing": "{input} is not a whole number",
    "int_type": "{input} is not a whole number",
    "int_from_float": "{input} is not a whole number",
    "string_type": "{input} is not text",
    "bool_parsing": "{input} is not true or false",
    "bool_type": "{input} is not true or false",
    "dict_type": "must be an object ({{...}})",
    "list_type": "must be a list ([...])",
    "model_type": "must be an object ({{...}})",
    "model_attributes_type": "must be an object ({{...}})",
}


def _field_path(location: tuple[int | str, ...]) -> str:
    path = ""
    for part in location:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += f".{part}" if path else str(part)
    return path


def _from_pydantic(error: ValidationError) -> Iterator[FieldProblem]:
    for detail in error.errors(include_url=False):
        location = tuple(p for p in detail["loc"] if p not in {"[key]"})
        kind = detail["type"]
        if kind == "patient":
            message = detail["msg"]
        elif kind == "literal_error" and location == ("format",):
            message = (
                f"{_shown(detail['input'])} is not a format TrialMatch reads (expected {PATIENT_FORMAT!r})"
            )
        elif kind == "literal_error" and location == ("sex",):
            message = f"{_shown(detail['input'])} is not a sex this format records (use female or male)"
        elif kind == "extra_forbidden":
            message = _unknown_field(location)
        elif kind in {"bool_parsing", "bool_type"} and location[:1] == ("findings",):
            message = f"{_shown(detail.get('input'))} is not true or false (leave out a finding not known)"
        elif kind in _PYDANTIC_MESSAGES:
            message = _PYDANTIC_MESSAGES[kind].format(input=_shown(detail.get("input")))
        else:
            message = detail["msg"]
        yield FieldProblem(_field_path(location), message)


def _unknown_field(location: tuple[int | str, ...]) -> str:
    """Name the field probably meant: "weight" -> weight_kg."""
    models: dict[str, type[BaseModel]] = {"labs": LabEntry, "treatments": TreatmentEntry}
    model = models.get(str(location[0]), Patient) if len(location) == 3 else Patient
    close = difflib.get_close_matches(str(location[-1]), list(model.model_fields), n=1, cutoff=0.75)
    return f"unknown field (did you mean {close[0]}?)" if close else "unknown field"


def _decode(raw: str | bytes | Mapping[str, object]) -> dict[str, Any]:
    if isinstance(raw, Mapping):
        return dict(raw)
    try:
        data = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        if isinstance(exc, json.JSONDecodeError):
            where = f"line {exc.lineno}, column {exc.colno}: {exc.msg}"
        else:
            where = "not UTF-8 text"
        raise PatientError([FieldProblem("", f"not a JSON file ({where})")]) from None
    if not isinstance(data, dict):
        raise PatientError([FieldProblem("", "a patient file is a JSON object ({...})")])
    return data


def _lab_problems(index: int, entry: LabEntry, as_of: dt.date | None) -> Iterator[FieldProblem]:
    """What a lab entry's fields cannot say alone: unit against test, value against what is possible."""
    analyte = resolve_analyte(entry.test)
    assert analyte is not None  # the test name was validated with the entry
    field = f"labs[{index}]"
    allowed = ", ".join(units_for(analyte))
    if entry.unit is None:
        if len(units_for(analyte)) > 1:
            choices = " or ".join(units_for(analyte))
            yield FieldProblem(f"{field}.unit", f"missing ({analyte.label} is reported in {choices})")
            return
        unit = analyte.unit
    elif not is_unit_for(entry.unit, analyte):
        yield FieldProblem(
            f"{field}.unit", f"{entry.unit!r} is not a unit for {analyte.label} (use {allowed})"
        )
        return
    else:
        unit = entry.unit
    yield from _value_problems(field, analyte, entry, unit)
    if entry.date is not None and as_of is not None and entry.date > as_of:
        yield FieldProblem(f"{field}.date", f"{entry.date} is after as_of {as_of}")


def _value_problems(field: str, analyte: Analyte, entry: LabEntry, unit: str) -> Iterator[FieldProblem]:
    low, high = (convert(limit, analyte.unit, unit, analyte) for limit in analyte.plausible)
    if not low <= entry.value <= high:
        yield FieldProblem(
            f"{field}.value",
            f"{analyte.label} {format_quantity(entry.value, unit)} is not a possible value "
            f"(expected {format_number(low)}–{format_number(high)})",
        )
    for name, limit in (("uln", entry.uln), ("lln", entry.lln)):
        if limit is not None and limit < 0:
            yield FieldProblem(f"{field}.{name}", "must not be negative")
    if entry.uln is not None and entry.lln is not None and entry.lln >= entry.uln:
        yield FieldProblem(
            f"{field}.lln",
            f"{format_number(entry.lln)} is not below the ULN {format_number(entry.uln)}",
        )


def _treatment_problems(index: int, entry: TreatmentEntry) -> Iterator[FieldProblem]:
    if entry.start is not None and entry.end is not None and entry.end < entry.start:
        yield FieldProblem(f"treatments[{index}].end", f"{entry.end} is before the start {entry.start}")


def _finding_problems(findings: Mapping[str, object]) -> Iterator[FieldProblem]:
    """Opposite answers for one concept, or a finding present under a parent said to be absent ("active
    hepatitis B": false beside "hepatitis B": true is a past infection, not a contradiction)."""
    resolved = []
    for term, value in findings.items():
        concept = resolve_finding(term) if isinstance(value, bool) else None
        if concept is not None and not (value is False and says_active(term, concept)):
            resolved.append((term, value, concept))
    for term, value, concept in resolved:
        if value is not True:
            continue
        for other_term, other_value, other in resolved:
            if other_value is False and (other.id == concept.id or other.id in ancestors(concept.id)):
                implied = "the same finding" if other.id == concept.id else f"{concept.label} implies it"
                yield FieldProblem(f"findings.{other_term}", f"false, but {term!r} is true ({implied})")


def _patient_problems(patient: Patient) -> Iterator[FieldProblem]:
    if patient.as_of is not None and patient.birth_date is not None:
        if patient.birth_date > patient.as_of:
            yield FieldProblem("birth_date", f"{patient.birth_date} is after as_of {patient.as_of}")
        elif patient.age is not None:
            computed = age_at(patient.birth_date, patient.as_of)
            if abs(computed - patient.age) >= 1:
                yield FieldProblem(
                    "age",
                    f"{format_number(patient.age)} does not match birth_date {patient.birth_date} "
                    f"({int(computed)} years on {patient.as_of})",
                )
    ecog, karnofsky = patient.ecog, patient.karnofsky
    if ecog is not None and karnofsky is not None and ecog_from_karnofsky(karnofsky) != ecog:
        low, high = karnofsky_range(ecog)
        yield FieldProblem(
            "karnofsky", f"{karnofsky} does not match ECOG {ecog} (ECOG {ecog} is Karnofsky {low}–{high})"
        )


def _valid_part(data: Mapping[str, Any], failed: set[str]) -> Patient:
    """The top-level fields that validated on their own, so cross-field checks still run beside errors."""
    kept = {k: v for k, v in data.items() if k not in failed and k in Patient.model_fields}
    kept.update(format=PATIENT_FORMAT, labs=[], treatments=[], findings={})
    return Patient.model_validate(kept)


def _file_order(field: str, keys: list[str]) -> tuple[int, int]:
    """Problems listed in the order their fields appear in the file, list items by index."""
    top = field.split(".")[0].split("[")[0]
    index = field.split("[")[1].split("]")[0] if "[" in field else "-1"
    return (keys.index(top) if top in keys else len(keys), int(index) if index.isdigit() else -1)


def _items(data: Mapping[str, Any], key: str) -> list[Any]:
    value = data.get(key)
    return value if isinstance(value, list) else []


def load_patient(raw: str | bytes | Mapping[str, object]) -> Patient:
    """Read a patient file (JSON text or already-decoded mapping); PatientError lists every problem in it."""
    data = _decode(raw)
    problems: list[FieldProblem] = []
    failed: set[str] = set()
    patient: Patient | None = None
    try:
        patient = Patient.model_validate(data)
    except ValidationError as exc:
        for problem in _from_pydantic(exc):
            problems.append(problem)
        failed = {str(e["loc"][0]) for e in exc.errors() if e["loc"]}
    whole = patient or _valid_part(data, failed)
    problems.extend(_patient_problems(whole))
    for index, item in enumerate(_items(data, "labs")):
        try:
            entry = LabEntry.model_validate(item)
        except ValidationError:
            continue
        problems.extend(_lab_problems(index, entry, whole.as_of))
    for index, item in enumerate(_items(data, "treatments")):
        try:
            treatment = TreatmentEntry.model_validate(item)
        except ValidationError:
            continue
        problems.extend(_treatment_problems(index, treatment))
    if isinstance(data.get("findings"), Mapping):
        problems.extend(_finding_problems(data["findings"]))
    if problems or patient is None:
        raise PatientError(sorted(problems, key=lambda p: _file_order(p.field, list(data))))
    return patient


def patient_json_schema() -> dict[str, object]:
    """JSON Schema of format v1, for editors and other programs writing patient files."""
    schema = Patient.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "TrialMatch patient file (trialmatch-patient/1)"
    return schema
