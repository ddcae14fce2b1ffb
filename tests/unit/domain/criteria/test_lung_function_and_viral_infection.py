"""Lung function and viral infections with a number: TLC beside spirometry, a DLCO "(corrected)", "% of
predicted level", supplemental oxygen as an alternative to a low DLCO; what each reads as, how a patient is
judged by it, and what must stay for review."""

from __future__ import annotations

import pytest
from one_criterion import exclusion, inclusion, lab, limits, outcome, patient

from trialmatch.domain.criteria import parse_criterion
from trialmatch.domain.criteria.base import Comparator
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

GT, GE, LT = Comparator.GT, Comparator.GE, Comparator.LT


# --- TLC: total lung capacity beside spirometry, the leukocyte count beside a blood count -------------------


def test_tlc_beside_spirometry_is_the_total_lung_capacity():
    rule = inclusion("FEV1, FVC, and TLC greater than 60% predicted")
    assert rule.kind == "all_of"
    assert limits(rule) == [("fev1", GT, 60.0, "%"), ("fvc", GT, 60.0, "%"), ("tlc_lung", GT, 60.0, "%")]


def test_tlc_named_with_total_lung_capacity_is_one_threshold():
    rule = exclusion(
        "Diffusion capacity of carbon monoxide (DLCO) < 50% of predicted, total lung capacity (TLC) < 50%,"
        " forced expiratory volume in one second (FEV1) < 50%"
    )
    assert rule.kind == "any_of"
    assert limits(rule) == [("dlco", LT, 50.0, "%"), ("tlc_lung", LT, 50.0, "%"), ("fev1", LT, 50.0, "%")]


def test_tlc_beside_a_cell_count_stays_the_leukocyte_count():
    rule = lab("TLC: > 4,000 per cumm")
    assert (rule.analyte, rule.comparator, rule.value, rule.unit) == ("wbc", GT, 4000.0, "/µL")


@pytest.mark.parametrize(
    ("history", "tlc", "expected"),
    [
        (True, 55.0, Outcome.FAIL),
        (True, 75.0, Outcome.PASS),
        (False, 55.0, Outcome.PASS),
        (None, 75.0, Outcome.PASS),
        (None, 55.0, Outcome.UNKNOWN),
    ],
)
def test_lung_volumes_are_asked_only_of_patients_with_a_history_of_pulmonary_disease(
    history: bool | None, tlc: float, expected: Outcome
):
    text = (
        "If history of pulmonary disease, FEV1, FVC, and TLC greater than 60% predicted and DLCO greater than"
        " 50% predicted"
    )
    labs = [
        {"test": "FEV1", "value": 80.0, "unit": "%"},
        {"test": "FVC", "value": 80.0, "unit": "%"},
        {"test": "DLCO", "value": 80.0, "unit": "%"},
        {"test": "total lung capacity", "value": tlc, "unit": "%"},
    ]
    findings = {} if history is None else {"pulmonary disease": history}
    assert outcome("inclusion", text, patient(findings=findings, labs=labs)) is expected


# --- DLCO "(corrected)", "% of predicted level" -------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "DLCO ≥ 50% (corrected)",
        "DLCO ≥ 50% (corrected for hemoglobin)",
        "DLCO ≥ 50% of predicted (corrected for hemoglobin)",
        "carbon monoxide diffusion test (DLCO) ≥50% of predicted level",
    ],
)
def test_a_corrected_dlco_is_the_dlco_of_the_file(text: str):
    rule = lab(text)
    assert (rule.analyte, rule.comparator, rule.value, rule.unit) == ("dlco", GE, 50.0, "%")


def test_the_haemoglobin_a_correction_names_is_no_threshold_but_a_stated_one_is():
    rule = inclusion("DLCO ≥ 50%, corrected for hemoglobin, and hemoglobin ≥ 9 g/dL")
    assert limits(rule) == [("dlco", GE, 50.0, "%"), ("hemoglobin", GE, 9.0, "g/dL")]


# --- supplemental oxygen beside a low DLCO ------------------------------------------------------------------


def test_continuous_oxygen_is_an_alternative_reason_to_exclude():
    rule = exclusion(
        "Diffusion lung capacity of carbon monoxide (DLCO) < 50% (corrected) or receiving continuous"
        " supplemental oxygen"
    )
    assert rule.kind == "any_of"
    dlco, oxygen = rule.children
    assert limits(dlco) == [("dlco", LT, 50.0, "%")]
    assert (oxygen.kind, oxygen.concept, oxygen.present) == ("finding", "continuous_oxygen", True)


@pytest.mark.parametrize(
    ("oxygen", "dlco", "expected"),
    [
        ({"continuous oxygen": True}, 60.0, Outcome.FAIL),
        ({"continuous oxygen": False}, 25.0, Outcome.FAIL),
        ({"continuous oxygen": False}, 60.0, Outcome.PASS),
        ({"supplemental oxygen": False}, 60.0, Outcome.PASS),
        ({"supplemental oxygen": True}, 60.0, Outcome.UNKNOWN),
        ({}, 60.0, Outcome.UNKNOWN),
        ({}, 25.0, Outcome.FAIL),
    ],
)
def test_a_patient_on_oxygen_is_excluded_and_one_on_occasional_oxygen_is_left_to_the_clinician(
    oxygen: dict[str, bool], dlco: float, expected: Outcome
):
    text = (
        "Diffusion capacity of the lung for carbon monoxide (DLCO) < 30% and/or receiving supplementary"
        " continuous oxygen"
    )
    facts = patient(findings=oxygen, labs=[{"test": "DLCO", "value": dlco, "unit": "%"}])
    assert outcome("exclusion", text, facts) is expected


# --- "No <finding> (unless <threshold>)" -------------------------------------------------------------------

_NO_LUNG_DISEASE = "No chronic lung disease (unless DLCO at least 60%)"


def test_a_finding_ruled_out_unless_a_threshold_is_met_is_either():
    rule = inclusion(_NO_LUNG_DISEASE)
    assert rule.kind == "any_of"
    finding, dlco = rule.children
    assert (finding.kind, finding.concept, finding.present) == ("finding", "lung_disease", False)
    assert limits(dlco) == [("dlco", GE, 60.0, "%")]


@pytest.mark.parametrize(
    ("lung_disease", "dlco", "expected"),
    [
        (True, 70.0, Outcome.PASS),
        (True, 50.0, Outcome.FAIL),
        (True, None, Outcome.UNKNOWN),
        (False, 50.0, Outcome.PASS),
        (None, 70.0, Outcome.PASS),
        (None, 50.0, Outcome.UNKNOWN),
    ],
)
def test_a_patient_with_lung_disease_is_judged_by_the_dlco(
    lung_disease: bool | None, dlco: float | None, expected: Outcome
):
    findings = {} if lung_disease is None else {"chronic lung disease": lung_disease}
    labs = [] if dlco is None else [{"test": "DLCO", "value": dlco, "unit": "%"}]
    facts = patient(findings=findings, labs=labs)
    assert outcome("inclusion", _NO_LUNG_DISEASE, facts, "PATIENT CHARACTERISTICS: Pulmonary") is expected


def test_a_narrowed_finding_or_an_exclusion_so_worded_is_not_read_so():
    narrowed = inclusion("No clinically significant lung disease (unless DLCO at least 60%)")
    assert narrowed.kind != "any_of"
    excluded = exclusion("HIV infection (unless CD4 count > 350/µL)")
    assert excluded.kind not in {"any_of", "all_of"}


# --- an "If <condition>:" heading ---------------------------------------------------------------------------

_IF_SYMPTOMATIC = "PATIENT CHARACTERISTICS: Pulmonary: If history of symptomatic pulmonary disease"
_IF_HISTORY = "PATIENT CHARACTERISTICS: Pulmonary: If history of pulmonary disease:"


def test_an_item_under_an_if_heading_with_a_qualified_condition_leaves_the_qualifier_to_the_clinician():
    rule = parse_criterion("DLCO greater than 50% predicted", Section.INCLUSION, _IF_SYMPTOMATIC)
    assert rule.kind == "any_of"
    condition, dlco = rule.children
    assert (condition.concept, condition.present) == ("lung_disease", False)
    assert [e.text for e in condition.exceptions] == ["symptomatic"]
    assert limits(dlco) == [("dlco", GT, 50.0, "%")]


@pytest.mark.parametrize(
    ("history", "dlco", "expected"),
    [
        (False, 40.0, Outcome.PASS),
        (True, 40.0, Outcome.FAIL),
        (True, 60.0, Outcome.PASS),
        (None, 40.0, Outcome.UNKNOWN),
        (None, 60.0, Outcome.PASS),
    ],
)
def test_an_item_under_an_if_heading_is_asked_only_of_the_patients_it_names(
    history: bool | None, dlco: float, expected: Outcome
):
    findings = {} if history is None else {"pulmonary disease": history}
    facts = patient(findings=findings, labs=[{"test": "DLCO", "value": dlco, "unit": "%"}])
    assert outcome("inclusion", "DLCO greater than 50% predicted", facts, _IF_HISTORY) is expected


@pytest.mark.parametrize(
    ("history", "dlco", "expected"),
    [(False, 40.0, Outcome.PASS), (True, 40.0, Outcome.FAIL), (True, 60.0, Outcome.PASS)],
)
def test_an_exclusion_under_an_if_heading_excludes_only_the_patients_it_names(
    history: bool, dlco: float, expected: Outcome
):
    facts = patient(
        findings={"pulmonary disease": history}, labs=[{"test": "DLCO", "value": dlco, "unit": "%"}]
    )
    assert outcome("exclusion", "DLCO < 50%", facts, _IF_HISTORY) is expected


# --- limits given apart for HIV-positive and HIV-negative participants --------------------------------------

_BY_HIV_STATUS = (
    "Adequate blood counts (HIV positive volunteers: hemoglobin greater than or equal to 9.0 g/dL,"
    " HCT greater than or equal to 28%, platelets greater than or equal to 75,000; HIV negative"
    " volunteers: hemoglobin greater than or equal to 11.2 g/dL, HCT greater than or equal to 34.1%,"
    " platelets greater than or equal to 150,000)."
)


def test_limits_given_per_hiv_status_are_one_set_per_subgroup():
    rule = inclusion(_BY_HIV_STATUS)
    assert rule.kind == "any_of"
    positive, negative = rule.children
    assert (positive.children[0].concept, positive.children[0].present) == ("hiv", True)
    assert [(p.analyte, p.comparator, p.value, p.unit) for p in positive.children[1:]] == [
        ("hemoglobin", GE, 9.0, "g/dL"),
        ("hematocrit", GE, 28.0, "%"),
        ("platelets", GE, 75000.0, "/µL"),
    ]
    assert (negative.children[0].concept, negative.children[0].present) == ("hiv", False)
    assert [(p.analyte, p.comparator, p.value, p.unit) for p in negative.children[1:]] == [
        ("hemoglobin", GE, 11.2, "g/dL"),
        ("hematocrit", GE, 34.1, "%"),
        ("platelets", GE, 150000.0, "/µL"),
    ]


@pytest.mark.parametrize(
    ("hiv", "hemoglobin", "expected"),
    [
        (True, 10.0, Outcome.PASS),
        (False, 10.0, Outcome.FAIL),
        (False, 12.0, Outcome.PASS),
        (True, 8.5, Outcome.FAIL),
        (None, 12.0, Outcome.UNKNOWN),
        (None, 8.5, Outcome.FAIL),
    ],
)
def test_each_patient_is_held_to_the_limits_of_their_hiv_status(
    hiv: bool | None, hemoglobin: float, expected: Outcome
):
    labs = [
        {"test": "hemoglobin", "value": hemoglobin, "unit": "g/dL"},
        {"test": "hematocrit", "value": 40.0, "unit": "%"},
        {"test": "platelets", "value": 200.0, "unit": "10^9/L"},
    ]
    findings = {} if hiv is None else {"HIV": hiv}
    assert outcome("inclusion", _BY_HIV_STATUS, patient(findings=findings, labs=labs)) is expected


def test_subgroups_that_could_miss_a_patient_are_not_read_as_alternatives():
    rule = inclusion(
        "Adequate blood counts (patients with liver metastases: platelets ≥ 50,000; patients with bone"
        " metastases: platelets ≥ 75,000)"
    )
    assert rule.kind == "review"


# --- a range joined by "but"; an amended item ---------------------------------------------------------------


def test_but_between_a_lower_and_an_upper_bound_joins_one_range():
    rule = inclusion("CD4 lymphocyte count >= 100 but < 500 cells/mm3.")
    assert rule.kind == "all_of"
    assert limits(rule) == [("cd4", GE, 100.0, "/µL"), ("cd4", LT, 500.0, "/µL")]


@pytest.mark.parametrize(
    "text",
    ["Creatinine ≤ 1.5 but ≥ 2", "platelets ≥ 100,000 but ANC < 1000", "CD4 count > 200 but > 350 cells/mm3"],
)
def test_but_joining_no_range_is_left_for_review(text: str):
    assert inclusion(text).kind == "review"


_AMENDED = (
    "PER AMENDMENT 11/20/95: CD4 lymphocyte count >= 100 but < 500 cells/mm3. (Changed from - HIV infection.)"
)


def test_an_amended_item_is_read_as_amended_without_the_wording_it_replaced():
    rule = inclusion(_AMENDED)
    assert limits(rule) == [("cd4", GE, 100.0, "/µL"), ("cd4", LT, 500.0, "/µL")]


@pytest.mark.parametrize(
    ("cd4", "expected"), [(50.0, Outcome.FAIL), (300.0, Outcome.PASS), (600.0, Outcome.FAIL)]
)
def test_the_amended_cd4_range_holds_both_ends(cd4: float, expected: Outcome):
    facts = patient(labs=[{"test": "CD4 count", "value": cd4, "unit": "cells/µL"}])
    assert outcome("inclusion", _AMENDED, facts) is expected


def test_the_replaced_wording_is_not_read_as_a_requirement():
    rule = inclusion(
        "PER AMENDMENT 11/20/95: All Patients will receive antiretroviral therapy. (Changed from - Current"
        " antiretroviral therapy IF CD4 count < 500 cells/mm3 (per 12/30/94 amendment).)"
    )
    assert rule.kind == "review"
