import datetime as dt
import json
from pathlib import Path

import pytest

from trialmatch.domain.patient import (
    FieldProblem,
    LabEntry,
    PatientError,
    TreatmentEntry,
    load_patient,
    patient_json_schema,
)

PATIENTS = Path(__file__).parents[2] / "data" / "patients"


def problems_of(raw):
    with pytest.raises(PatientError) as caught:
        load_patient(raw)
    return [(p.field, p.message) for p in caught.value.problems]


def test_the_example_of_the_issue_loads_as_written():
    patient = load_patient((PATIENTS / "example_melanoma.json").read_text(encoding="utf-8"))
    assert patient.format == "trialmatch-patient/1"
    assert patient.as_of == dt.date(2026, 11, 20)
    assert (patient.age, patient.sex, patient.weight_kg, patient.height_cm) == (62, "female", 68, 165)
    assert (patient.ecog, patient.karnofsky) == (1, None)
    assert (patient.diagnosis, patient.stage) == ("metastatic melanoma", "IV")
    assert patient.findings == {"liver metastases": True, "HIV infection": False}
    assert patient.labs == [
        LabEntry(test="ANC", value=2.1, unit="10^9/L"),
        LabEntry(test="AST", value=88, unit="U/L", uln=40),
    ]
    assert patient.treatments == [
        TreatmentEntry(
            name="pembrolizumab",
            category="immunotherapy",
            start=dt.date(2026, 1, 10),
            end=dt.date(2026, 9, 15),
        )
    ]
    assert patient.location == "Lyon, France"


def test_birth_date_karnofsky_and_si_units_load():
    patient = load_patient((PATIENTS / "nsclc_si_units_karnofsky.json").read_bytes())
    assert (patient.age, patient.birth_date) == (None, dt.date(1958, 3, 14))
    assert (patient.ecog, patient.karnofsky) == (None, 80)
    assert [(lab.test, lab.value, lab.unit) for lab in patient.labs[:4]] == [
        ("Neutrophils", 3.4, "x10^9/L"),
        ("PLT", 212, "G/L"),
        ("Hb", 128, "g/L"),
        ("Creatinine", 97, "µmol/L"),
    ]
    assert patient.treatments[2].category == "targeted therapy"
    assert patient.treatments[2].end is None


def test_us_units_a_one_letter_sex_and_a_unitless_single_unit_test_load():
    patient = load_patient((PATIENTS / "prostate_us_units.json").read_text(encoding="utf-8"))
    assert patient.sex == "male"
    assert [(lab.test, lab.unit) for lab in patient.labs[:2]] == [
        ("ANC", "cells/mm3"),
        ("Platelet count", "K/uL"),
    ]
    assert patient.labs[-1] == LabEntry(test="HbA1c", value=7.1)


def test_format_is_the_only_required_field():
    patient = load_patient((PATIENTS / "minimal.json").read_text(encoding="utf-8"))
    assert patient.labs == []
    assert patient.findings == {}
    assert patient.age is None


def test_a_mapping_is_read_like_json_and_labs_may_be_named_by_loinc_code():
    patient = load_patient(
        {"format": "trialmatch-patient/1", "labs": [{"test": "777-3", "value": 150000, "unit": "/mm3"}]}
    )
    assert patient.labs[0].test == "777-3"


def test_every_problem_of_a_file_is_reported_at_once_in_file_order():
    assert problems_of((PATIENTS / "bad_many_problems.json").read_text(encoding="utf-8")) == [
        ("as_of", "'tomorrow' is not a date (YYYY-MM-DD)"),
        ("age", "must not be negative"),
        ("sex", "'woman' is not a sex this format records (use female or male)"),
        ("weight_kg", "6800 kg is not a possible weight (expected 1–400 kg)"),
        ("ecog", "ECOG 6 does not exist (0–5)"),
        ("karnofsky", "Karnofsky 75 does not exist (0–100 in steps of 10)"),
        ("findings.HIV infection", "'unknown' is not true or false (leave out a finding not known)"),
        ("labs[0].value", "platelets 5000 × 10⁹/L is not a possible value (expected 0–2000)"),
        ("labs[1].unit", "missing (absolute neutrophil count is reported in 10^9/L or /µL)"),
        ("labs[2].unit", "'mg' is not a unit for haemoglobin (use g/dL, g/L, mmol/L)"),
        ("labs[3].test", "unknown test 'XYZ'"),
        ("labs[4].value", "'88 U/L' is not a number"),
        ("labs[5].lln", "56 is not below the ULN 7"),
        ("labs[6].date", "'2026-13-01' is not a date (YYYY-MM-DD)"),
        (
            "treatments[0].category",
            "'chemo' is not a treatment category (use chemotherapy, immunotherapy, targeted therapy, "
            "radiotherapy, surgery, hormone therapy, stem cell transplant, cell therapy, other)",
        ),
        ("treatments[1].name", "required"),
        ("treatments[1].stop", "unknown field"),
        ("weight", "unknown field (did you mean weight_kg?)"),
        ("labs_date", "unknown field"),
    ]


def test_values_that_contradict_each_other_are_problems():
    assert problems_of((PATIENTS / "bad_contradictions.json").read_text(encoding="utf-8")) == [
        ("age", "55 does not match birth_date 1961-09-30 (64 years on 2026-05-04)"),
        ("karnofsky", "90 does not match ECOG 1 (ECOG 1 is Karnofsky 70–80)"),
        ("findings.HIV", "false, but 'human immunodeficiency virus infection' is true (the same finding)"),
        (
            "findings.metastatic disease",
            "false, but 'brain metastases' is true (Brain metastases implies it)",
        ),
        ("labs[0].date", "2026-05-20 is after as_of 2026-05-04"),
        ("treatments[0].end", "2025-12-01 is before the start 2026-02-01"),
    ]


def test_a_wrong_format_is_reported_with_the_rest():
    assert problems_of((PATIENTS / "bad_wrong_format.json").read_text(encoding="utf-8")) == [
        (
            "format",
            "'trialmatch-patient/2' is not a format TrialMatch reads (expected 'trialmatch-patient/1')",
        ),
        ("age", "'sixty-two' is not a number"),
        ("labs", "must be a list ([...])"),
    ]


def test_a_file_that_is_not_json_says_where_it_breaks():
    assert problems_of((PATIENTS / "bad_not_json.json").read_bytes()) == [
        ("", "not a JSON file (line 2, column 38: Expecting property name enclosed in double quotes)")
    ]
    assert problems_of("[1, 2]") == [("", "a patient file is a JSON object ({...})")]


def test_missing_format_and_impossible_values_in_other_units():
    assert problems_of(
        {
            "age": 131,
            "labs": [
                {"test": "platelets", "value": 5_000_000, "unit": "/µL"},
                {"test": "creatinine", "value": 97, "unit": "umol/l", "uln": -1},
                {"test": "INR", "value": 1.1, "unit": "s"},
            ],
        }
    ) == [
        ("age", "131 is not a possible age (expected 0–130 years)"),
        ("labs[0].value", "platelets 5000000/µL is not a possible value (expected 0–2000000)"),
        ("labs[1].uln", "must not be negative"),
        ("labs[2].unit", "'s' is not a unit for international normalised ratio (use 1)"),
        ("format", "required"),
    ]


def test_the_error_prints_one_line_per_problem():
    error = PatientError(
        [FieldProblem("age", "must not be negative"), FieldProblem("labs[0].unit", "missing")]
    )
    assert str(error) == "age: must not be negative\nlabs[0].unit: missing"
    assert isinstance(error, ValueError)


def test_the_json_schema_describes_format_v1():
    schema = patient_json_schema()
    assert schema["required"] == ["format"]
    assert list(schema["properties"]) == [
        "format",
        "as_of",
        "age",
        "birth_date",
        "sex",
        "weight_kg",
        "height_cm",
        "ecog",
        "karnofsky",
        "diagnosis",
        "stage",
        "findings",
        "labs",
        "treatments",
        "location",
    ]
    assert schema["additionalProperties"] is False
    json.dumps(schema)


@pytest.mark.parametrize(
    "name", ["example_melanoma", "nsclc_si_units_karnofsky", "prostate_us_units", "minimal"]
)
def test_a_patient_written_back_reads_the_same(name):
    patient = load_patient((PATIENTS / f"{name}.json").read_text(encoding="utf-8"))
    assert load_patient(patient.model_dump_json(exclude_none=True)) == patient


def test_a_finding_recorded_not_active_beside_the_finding_present_is_a_past_one_not_a_contradiction():
    past = {"format": "trialmatch-patient/1", "findings": {"hepatitis B": True, "active hepatitis B": False}}
    assert load_patient(json.dumps(past)).findings == {"hepatitis B": True, "active hepatitis B": False}
    both = {"format": "trialmatch-patient/1", "findings": {"hepatitis B": False, "active hepatitis B": True}}
    assert problems_of(json.dumps(both)) == [
        ("findings.hepatitis B", "false, but 'active hepatitis B' is true (the same finding)")
    ]
