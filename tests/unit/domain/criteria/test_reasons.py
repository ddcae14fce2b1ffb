"""The sentence a clinician reads with each result: it never contradicts the verdict, shows the comparison
that would meet the criterion, and writes numbers, methods and names as a clinician does."""

from __future__ import annotations

import pytest
from one_criterion import patient, result

from trialmatch.domain.evaluation import Outcome

PEMBROLIZUMAB = {
    "name": "pembrolizumab",
    "category": "immunotherapy",
    "start": "2026-01-10",
    "end": "2026-09-15",
}


def test_an_exclusion_the_patient_meets_says_what_would_meet_it_not_the_printed_comparison():
    found = result("exclusion", "PSA > 20 ng/ml,", patient(sex="male", labs=[{"test": "PSA", "value": 48.6}]))
    assert (found.result, found.reason, found.to_satisfy) == (
        Outcome.FAIL,
        "PSA 48.6 ng/mL, > 20 ng/mL: excluded",
        "PSA ≤ 20 ng/mL required, patient 48.6 ng/mL",
    )


def test_an_exclusion_on_a_multiple_of_a_limit_says_the_opposite_comparison():
    found = result(
        "exclusion",
        "Aspartate aminotransferase > ULN",
        patient(labs=[{"test": "AST", "value": 88, "unit": "U/L", "uln": 40}]),
    )
    assert found.to_satisfy == "AST ≤ ULN required, patient 88 U/L is 2.2 × ULN (40 U/L)"


def test_a_derived_value_exclusion_says_the_opposite_comparison():
    found = result("exclusion", "Patients with BMI below 30 kg/m2.", patient(weight_kg=68, height_cm=165))
    assert (found.result, found.reason, found.to_satisfy) == (
        Outcome.FAIL,
        "BMI 25 kg/m², < 30 kg/m²: excluded",
        "BMI ≥ 30 kg/m² required, patient 25 kg/m²",
    )


@pytest.mark.parametrize(
    ("text", "weight", "height", "reason"),
    [
        ("BMI of ≥25", 68, 165, "BMI 24.98 kg/m² is below the required 25 kg/m²"),
        ("BMI ≤ 30 kg/m2", 92, 175, "BMI 30.04 kg/m² is above the allowed 30 kg/m²"),
    ],
)
def test_a_value_just_across_the_limit_is_never_printed_as_the_limit(text, weight, height, reason):
    found = result("inclusion", text, patient(weight_kg=weight, height_cm=height))
    assert (found.result, found.reason) == (Outcome.FAIL, reason)


def test_a_ratio_just_under_the_limit_is_not_printed_as_the_limit():
    found = result(
        "exclusion",
        "Hemoglobin < LLN",
        patient(labs=[{"test": "Hemoglobin", "value": 11.9, "unit": "g/dL", "lln": 12}]),
    )
    assert (found.result, found.reason) == (
        Outcome.FAIL,
        "haemoglobin 11.9 g/dL is 0.99 × LLN (12 g/dL), < LLN: excluded",
    )


def test_the_method_a_trial_asks_for_is_named_as_written_and_the_unknown_says_no_verdict():
    found = result(
        "exclusion",
        "Estimated glomerular filtration rate (eGFR) <60 mL/min/1•73 m2 using the Modification of Diet in "
        "Renal Disease Study (MDRD) equation.",
        patient(age=71, sex="male", labs=[{"test": "creatinine", "value": 1.3, "unit": "mg/dL"}]),
    )
    assert (found.result, found.reason) == (
        Outcome.UNKNOWN,
        "eGFR CKD-EPI 2021 58.7 mL/min/1.73 m², within < 60 mL/min/1.73 m²; the trial asks for MDRD, "
        "which may give another value",
    )


@pytest.mark.parametrize(
    ("sex", "outcome", "reason"),
    [
        ("male", Outcome.FAIL, "patient male, trial excludes male patients"),
        ("female", Outcome.PASS, "patient female, trial excludes male patients"),
    ],
)
def test_an_exclusion_naming_a_sex_says_the_trial_excludes_it(sex, outcome, reason):
    found = result("exclusion", "Male.", patient(sex=sex))
    assert (found.kind, found.result, found.reason) == ("sex", outcome, reason)


def test_a_man_fails_an_inclusion_asking_for_pregnancy_with_a_reason_that_says_why():
    found = result(
        "inclusion",
        "Pregnant women with evidence of toxoplasma infection by clinical observation and amniotic fluid "
        "sampling",
        patient(sex="male"),
    )
    assert (found.result, found.reason) == (Outcome.FAIL, "Pregnancy: not possible for a male patient")


@pytest.mark.parametrize(
    ("section", "text", "reason"),
    [
        ("exclusion", "Known active HIV infection", "active HIV infection not recorded"),
        ("exclusion", "History of CNS metastases", "history of CNS metastases not recorded"),
        ("inclusion", "No active infections", "Active infection not recorded"),
    ],
)
def test_a_qualified_finding_keeps_its_acronym_and_says_the_qualifier_once(section, text, reason):
    found = result(section, text, patient())
    assert (found.result, found.reason) == (Outcome.UNKNOWN, reason)


def test_an_agent_class_is_written_as_a_clinician_writes_it():
    found = result(
        "exclusion",
        "Prior treatment with an anti-PD-1 or anti-PD-L1 antibody",
        patient(treatments=[PEMBROLIZUMAB]),
    )
    assert (found.result, found.reason) == (
        Outcome.FAIL,
        "pembrolizumab (2026-01-10 to 2026-09-15): PD-1/PD-L1 inhibitor",
    )


def test_two_printed_values_that_disagree_are_shown_with_their_unit():
    found = result(
        "inclusion",
        "Creatinine less than 1.3 mg/dL (120 micromoles/L)",
        patient(labs=[{"test": "creatinine", "value": 1.3, "unit": "mg/dL"}]),
    )
    assert (found.result, found.reason) == (
        Outcome.UNKNOWN,
        "serum creatinine 1.3 mg/dL: within the printed range 1.3–1.36 mg/dL, which bound applies is not "
        "stated",
    )


@pytest.mark.parametrize(
    ("text", "fields", "reason"),
    [
        ("ECOG performance status ≥ 2", {"ecog": 3}, "ECOG 3, within ECOG ≥ 2: excluded"),
        ("Patients with stage IV.", {"stage": "IV"}, "stage IV, within stage IV: excluded"),
        ("Age greater than 55 or less than 10.", {}, "age 62, within > 55 years: excluded"),
    ],
)
def test_an_exclusion_the_patient_meets_reads_as_excluded(text, fields, reason):
    found = result("exclusion", text, patient(**fields))
    assert (found.result, found.reason) == (Outcome.FAIL, reason)


def test_an_exclusion_the_patient_does_not_meet_is_unchanged():
    found = result("exclusion", "ECOG performance status ≥ 2", patient(ecog=1))
    assert (found.result, found.reason) == (Outcome.PASS, "ECOG 1, outside ECOG ≥ 2")


def test_a_requirement_on_how_the_value_was_obtained_is_quoted_as_what_to_confirm():
    found = result(
        "inclusion",
        "Hemoglobin (Hgb) ≥10 g/dL (no transfusion allowed within 7 days of enrollment)",
        patient(labs=[{"test": "Hemoglobin", "value": 11.9, "unit": "g/dL"}]),
    )
    assert (found.result, found.reason) == (
        Outcome.UNKNOWN,
        "haemoglobin 11.9 g/dL, meets ≥ 10 g/dL; to confirm: no transfusion allowed within 7 days of "
        "enrollment",
    )


def test_a_disease_named_by_a_stage_criterion_is_shown_without_a_cut_parenthesis():
    found = result(
        "inclusion",
        "Histologically or cytologically proven stage III or IV follicular non-Hodgkin's lymphoma (NHL)",
        patient(stage="IV", diagnosis="metastatic melanoma"),
    )
    assert (found.result, found.reason) == (
        Outcome.UNKNOWN,
        "stage IV of metastatic melanoma; the criterion is about follicular non-Hodgkin's lymphoma",
    )


def test_a_finding_inferred_from_a_more_specific_one_names_what_was_recorded():
    found = result(
        "exclusion", "Presence of metastatic disease", patient(findings={"liver metastases": True})
    )
    assert (found.result, found.reason) == (
        Outcome.FAIL,
        "Metastatic disease present (liver metastases recorded)",
    )


def test_a_finding_recorded_itself_says_so():
    found = result("exclusion", "Known HIV infection", patient(findings={"HIV infection": True}))
    assert (found.result, found.reason) == (Outcome.FAIL, "HIV infection recorded as present")
