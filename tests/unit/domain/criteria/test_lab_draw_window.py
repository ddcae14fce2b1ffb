"""A lab value's draw window: "ANC ≥ 1.5 × 10⁹/L within 14 days prior to registration" asks for a value of
those 14 days. The window is kept on the threshold; a value drawn earlier is unknown whichever side of the
limit it is on, with its date and the window in the reason; an undated value counts as of the file's date."""

from __future__ import annotations

import json
from datetime import date

import pytest
from one_criterion import inclusion, patient, result

from trialmatch.domain.criteria import LabThreshold, parse_criterion
from trialmatch.domain.criteria.derived import DerivedValueRule
from trialmatch.domain.criteria.logic import leaves
from trialmatch.domain.criteria.registry import rule_from_json
from trialmatch.domain.facts import PatientFacts
from trialmatch.domain.patient import load_patient
from trialmatch.domain.trial import Section

ANC = "ANC ≥ 1.5 × 10⁹/L within 14 days prior to registration"
CRCL = "Creatinine clearance ≥ 60 mL/min within 14 days prior to registration"
RECENT, OLD = "2026-11-10", "2026-08-01"


def _windows(rule: object) -> list[tuple[str, int | None, str | None]]:
    return [
        (leaf.analyte, leaf.within_days, leaf.window)
        for leaf in leaves(rule)  # type: ignore[arg-type]
        if isinstance(leaf, LabThreshold | DerivedValueRule)
    ]


def _anc(value: float, drawn: str | None = None, **fields: object) -> PatientFacts:
    entry: dict[str, object] = {"test": "ANC", "value": value, "unit": "10^9/L"}
    if drawn:
        entry["date"] = drawn
    return patient(labs=[entry], **fields)


@pytest.mark.parametrize(
    ("text", "window"),
    [
        (ANC, (14, "14 days before registration")),
        (
            "LVEF ≥ 50 % by ECHO or MUGA within 28 days before randomisation",
            (28, "28 days before randomisation"),
        ),
        (
            "Creatinine clearance ≥ 60 mL/min obtained ≤ 7 days before the first dose",
            (7, "7 days before the first dose"),
        ),
        ("Platelets ≥ 100,000/mm3 within 4 weeks of study entry", (28, "4 weeks before study entry")),
        ("A1C level ≤ 7% within 1 month prior to enrollment.", (30, "month before enrollment")),
        ("Serum PSA of ≤ 15ng/ml during the month before study entry", (30, "month before study entry")),
    ],
)
def test_a_window_before_the_trials_start_is_kept_in_days(text, window):
    (only,) = _windows(inclusion(text))
    assert only[1:] == window


@pytest.mark.parametrize(
    "text",
    [
        "ANC ≥ 1500/mm3 within 14 days",  # counted from nothing named
        "ANC ≥ 1500/mm3 within 14 days from registration",  # not said to lie before it
        # the window dates the transfusion
        "Hemoglobin ≥ 9 g/dL without transfusion within 14 days prior to registration",
    ],
)
def test_a_span_that_is_no_draw_window_is_read_as_before(text):
    assert [w[1:] for w in _windows(inclusion(text))] == [(None, None)]


def test_a_note_on_a_regimen_dates_the_regimen_not_the_blood_pressure():
    rule = parse_criterion(
        "Subjects with hypertension that cannot be well controlled by antihypertensive medication "
        "(systolic blood pressure ≥150 mmHg or diastolic blood pressure ≥100 mmHg) (Note: a stable "
        "antihypertensive regimen should be in place within 1 week before the first dose);",
        Section.EXCLUSION,
    )
    assert _windows(rule) == [("sbp", None, None), ("dbp", None, None)]


def test_a_headings_draw_window_dates_the_items_under_it():
    heading = (
        "Patients must have normal organ and marrow function as defined below, obtained within 28 days prior "
        "to enrollment"
    )
    rule = parse_criterion("absolute neutrophil count ≥1,500/mcL", Section.INCLUSION, heading)
    assert _windows(rule) == [("anc", 28, "28 days before enrollment")]


def test_a_headings_note_on_transfusion_is_no_draw_window():
    heading = (
        "Adequate organ function defined as:（No blood transfusion or hematopoietic stimulator treatment "
        "within 14 days before screening）: Adequate Hematological function"
    )
    rule = parse_criterion("Platelets ≥ 100 × 10^9/L", Section.INCLUSION, heading)
    assert _windows(rule) == [("platelets", None, None)]


def test_a_rule_stored_before_windows_loads_and_one_without_a_window_stores_no_new_field():
    stored = {
        "kind": "lab",
        "source_span": [0, 20],
        "analyte": "anc",
        "comparator": ">=",
        "value": 1.5,
        "unit": "10^9/L",
    }
    rule = rule_from_json(json.dumps(stored))
    assert isinstance(rule, LabThreshold)
    assert (rule.within_days, rule.window) == (None, None)
    assert "within_days" not in rule.model_dump_json()
    windowed = inclusion(ANC)
    assert rule_from_json(windowed.model_dump_json()) == windowed


def test_a_recent_value_is_judged_as_now():
    passed = result("inclusion", ANC, _anc(2.1, RECENT))
    assert (passed.result, passed.reason) == ("pass", "ANC 2.1 × 10⁹/L, meets ≥ 1.5 × 10⁹/L")
    failed = result("inclusion", ANC, _anc(1.2, RECENT))
    assert (failed.result, failed.reason) == ("fail", "ANC 1.2 × 10⁹/L is below the required 1.5 × 10⁹/L")


def test_a_value_of_the_windows_first_day_is_recent_and_one_of_the_day_before_is_not():
    assert result("inclusion", ANC, _anc(2.1, "2026-11-06")).result == "pass"
    assert result("inclusion", ANC, _anc(2.1, "2026-11-05")).result == "unknown"


def test_an_old_value_that_meets_the_limit_is_unknown_naming_the_recent_value():
    found = result("inclusion", ANC, _anc(2.1, OLD))
    assert found.result == "unknown"
    assert found.reason == (
        "ANC 2.1 × 10⁹/L of 2026-08-01, meets ≥ 1.5 × 10⁹/L, but the trial asks for a value from the 14 "
        "days before registration"
    )
    assert found.missing == ("ANC from the 14 days before registration",)


def test_an_old_value_past_the_limit_is_unknown_too():
    found = result("inclusion", ANC, _anc(1.2, OLD))
    assert found.result == "unknown"
    assert found.reason == (
        "ANC 1.2 × 10⁹/L of 2026-08-01 is below the required 1.5 × 10⁹/L; the trial asks for a value "
        "from the 14 days before registration"
    )


def test_an_old_value_in_an_exclusion_neither_excludes_nor_clears():
    text = "LVEF < 50% within 28 d prior to treatment initiation."
    old = patient(labs=[{"test": "LVEF", "value": 40, "unit": "%", "date": "2025-11-19"}])
    found = result("exclusion", text, old)
    assert found.result == "unknown"
    assert found.reason == (
        "LVEF 40% of 2025-11-19, < 50%: would exclude; the trial asks for a value from the 28 days before "
        "treatment initiation"
    )
    recent = patient(labs=[{"test": "LVEF", "value": 40, "unit": "%", "date": "2026-11-01"}])
    assert result("exclusion", text, recent).result == "fail"


def test_an_undated_value_counts_as_of_the_files_date():
    assert result("inclusion", ANC, _anc(2.1)).result == "pass"  # the file is of the day judged
    found = result("inclusion", ANC, _anc(2.1, as_of="2026-01-05"))
    assert found.result == "unknown"
    assert found.reason.startswith("ANC 2.1 × 10⁹/L of 2026-01-05, meets ≥ 1.5 × 10⁹/L, but")


def test_a_later_judgement_date_makes_the_same_value_old():
    facts = PatientFacts(
        load_patient(
            {
                "format": "trialmatch-patient/1",
                "as_of": "2026-11-20",
                "age": 62,
                "sex": "female",
                "labs": [{"test": "ANC", "value": 2.1, "unit": "10^9/L", "date": RECENT}],
            }
        ),
        date(2027, 1, 15),
    )
    assert result("inclusion", ANC, facts).result == "unknown"


def test_a_clearance_from_an_old_creatinine_is_unknown():
    old = patient(
        weight_kg=70, labs=[{"test": "creatinine", "value": 0.8, "unit": "mg/dL", "date": "2026-03-01"}]
    )
    found = result("inclusion", CRCL, old)
    assert found.result == "unknown"
    assert found.reason == (
        "CrCl Cockcroft-Gault 80.6 mL/min (from creatinine of 2026-03-01), meets ≥ 60 mL/min, but the "
        "trial asks for a value from the 14 days before registration"
    )
    recent = patient(
        weight_kg=70, labs=[{"test": "creatinine", "value": 0.8, "unit": "mg/dL", "date": "2026-11-19"}]
    )
    assert result("inclusion", CRCL, recent).result == "pass"
    low = patient(
        weight_kg=70, labs=[{"test": "creatinine", "value": 2.0, "unit": "mg/dL", "date": "2026-11-19"}]
    )
    assert result("inclusion", CRCL, low).result == "fail"


def test_no_value_is_unknown():
    found = result("inclusion", ANC, patient())
    assert (found.result, found.reason, found.missing) == ("unknown", "ANC not entered", ("ANC",))


def test_an_old_multiple_of_the_uln_names_its_date_before_the_ratio():
    old = patient(labs=[{"test": "AST", "value": 88, "unit": "U/L", "uln": 40, "date": "2026-08-01"}])
    met = result("inclusion", "AST ≤ 2.5 x ULN within 14 days prior to registration", old)
    assert (met.result, met.reason) == (
        "unknown",
        "AST 88 U/L of 2026-08-01 is 2.2 × ULN (40 U/L), within ≤ 2.5 × ULN, but the trial asks for a value "
        "from the 14 days before registration",
    )
    past = result("exclusion", "AST > 2 x ULN within 14 days prior to registration", old)
    assert (past.result, past.reason) == (
        "unknown",
        "AST 88 U/L of 2026-08-01 is 2.2 × ULN (40 U/L), > 2 × ULN: would exclude; the trial asks for a "
        "value from the 14 days before registration",
    )
