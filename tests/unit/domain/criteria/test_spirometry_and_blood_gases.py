"""Lung function wordings: "spirometry" as the FEV1 and FVC it measures, a percentage of predicted after the
FEV1/FVC ratio's own limit, a severity label with its abbreviation and a cited classification; what each reads
as, how a patient is judged by it, and what stays for review."""

from __future__ import annotations

import pytest
from one_criterion import entered, exclusion, inclusion, limits, outcome, patient, review

from trialmatch.domain.criteria.base import Comparator
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

GT, GE, LT, LE = Comparator.GT, Comparator.GE, Comparator.LT, Comparator.LE


# --- "spirometry": the FEV1 and FVC it measures -------------------------------------------------------------


def test_spirometry_beside_the_dlco_is_the_fev1_and_the_fvc():
    rule = inclusion("Pulmonary: Pulmonary function tests (DLCO and spirometry) greater than 60% predicted")
    assert rule.kind == "all_of"
    assert limits(rule) == [("dlco", GT, 60.0, "%"), ("fev1", GT, 60.0, "%"), ("fvc", GT, 60.0, "%")]


@pytest.mark.parametrize(
    ("fvc", "expected"), [(55.0, Outcome.FAIL), (75.0, Outcome.PASS), (None, Outcome.UNKNOWN)]
)
def test_a_low_fvc_fails_the_spirometry_limit(fvc: float | None, expected: Outcome):
    labs = entered(("DLCO", 70.0, "%"), ("FEV1", 80.0, "%")) + (entered(("FVC", fvc, "%")) if fvc else [])
    text = "Pulmonary: Pulmonary function tests (DLCO and spirometry) greater than 60% predicted"
    assert outcome("inclusion", text, patient(labs=labs)) is expected


def test_spirometry_without_a_number_stays_unread():
    assert review(
        "Must be able to reproducibly perform spirometry based on American Thoracic Society guidelines"
    )


# --- a percentage of predicted after the ratio's own limit --------------------------------------------------


def test_severe_copd_defined_by_the_ratio_and_the_fev1_percent_predicted():
    rule = exclusion(
        "Severe chronic obstructive pulmonary disease (COPD) defined as post-bronchodilator FEV1/FVC ≤0.7 and"
        " FEV1 ≤ 50% of predicted value (American Thoracic Society (ATS) classification)"
    )
    assert rule.kind == "all_of"
    assert limits(rule) == [("fev1_fvc", LE, 0.7, "1"), ("fev1", LE, 50.0, "%")]


@pytest.mark.parametrize(
    ("ratio", "fev1", "expected"),
    [
        (0.6, 40.0, Outcome.FAIL),
        (0.6, 70.0, Outcome.PASS),
        (0.8, 40.0, Outcome.PASS),
        (0.6, None, Outcome.UNKNOWN),
    ],
)
def test_only_both_limits_met_exclude_for_severe_copd(ratio: float, fev1: float | None, expected: Outcome):
    labs = entered(("FEV1/FVC", ratio, "1")) + (entered(("FEV1", fev1, "%")) if fev1 else [])
    text = "Severe COPD defined as FEV1/FVC ≤0.7 and FEV1 ≤ 50% of predicted value"
    assert outcome("exclusion", text, patient(labs=labs)) is expected


def test_a_percentage_of_predicted_on_the_ratio_is_never_the_ratio_itself():
    # the percent-predicted ratio, an analyte of its own (lab_ratio_predicted)
    assert 'fev1_fvc"' not in exclusion("FEV1/FVC < 70% predicted").model_dump_json()
    both = exclusion("FEV1 < 80% predicted and FEV1/FVC < 70% predicted").model_dump_json()
    assert "fev1_fvc_predicted" in both
    assert 'fev1_fvc"' not in both


def test_a_long_label_without_an_abbreviation_is_not_taken_for_a_definition():
    # "Previous BMT" bounds whom the haemoglobin limit is for: not a name the numbers define
    assert review(
        "Previous BMT included full hematopoietic recovery, defined by all of the following: Hemoglobin"
        " at least 10 g/dL (without transfusion)"
    )


# --- "No significant pulmonary disease (<thresholds>)": the bracket defines the disease ---------------------


def test_no_significant_pulmonary_disease_requires_the_blood_gases_outside_its_definition():
    rule = inclusion(
        "Pulmonary: No significant pulmonary disease (RA pO2 less than 60 or pCO2 greater than 50)"
    )
    assert rule.kind == "all_of"
    assert limits(rule) == [("po2", GE, 60.0, "mmHg"), ("pco2", LE, 50.0, "mmHg")]


@pytest.mark.parametrize(
    ("po2", "pco2", "expected"),
    [
        (55.0, 40.0, Outcome.FAIL),
        (80.0, 55.0, Outcome.FAIL),
        (80.0, 40.0, Outcome.PASS),
        (80.0, None, Outcome.UNKNOWN),
    ],
)
def test_a_low_po2_or_a_high_pco2_fails(po2: float, pco2: float | None, expected: Outcome):
    labs = entered(("pO2", po2, "mmHg")) + (entered(("pCO2", pco2, "mmHg")) if pco2 else [])
    text = "Pulmonary: No significant pulmonary disease (RA pO2 less than 60 or pCO2 greater than 50)"
    assert outcome("inclusion", text, patient(labs=labs)) is expected


def test_ra_beside_an_oxygen_value_is_room_air():
    assert limits(inclusion("SpO2 ≥ 92% on RA")) == [("spo2", GE, 92.0, "%")]


def test_heart_failure_is_still_more_than_its_ejection_fraction():
    assert review("No heart failure (LVEF < 40%)")


# --- "Pulmonary pathology with hypoxemia: SpO2 < 92%": the colon's threshold defines the condition ----------


@pytest.mark.parametrize(
    ("spo2", "expected"), [(88.0, Outcome.FAIL), (95.0, Outcome.PASS), (None, Outcome.UNKNOWN)]
)
def test_hypoxemia_in_ambient_air_excludes(spo2: float | None, expected: Outcome):
    text = "Pulmonary pathology with hypoxemia: Spo2 <92% in ambient air;"
    rule = exclusion(text)
    assert limits(rule) == [("spo2", LT, 92.0, "%")]
    labs = entered(("SpO2", spo2, "%")) if spo2 else []
    assert outcome("exclusion", text, patient(labs=labs), context="Patient with") is expected


def test_a_cardiac_pathology_is_not_defined_by_a_saturation():
    assert review("Cardiac pathology with hypoxemia: Spo2 <92% in ambient air;", Section.EXCLUSION)


# --- "Over age 8: ...": a requirement only for the ages its label names -------------------------------------


@pytest.mark.parametrize(
    ("age", "fev1", "expected"),
    [
        (6, 40.0, Outcome.PASS),
        (12, 40.0, Outcome.FAIL),
        (12, 70.0, Outcome.PASS),
        (12, None, Outcome.UNKNOWN),
    ],
)
def test_spirometry_is_asked_only_over_age_8(age: int, fev1: float | None, expected: Outcome):
    text = "Over age 8: FEV1 and FVC at least 50% predicted"
    labs = entered(("FVC", 80.0, "%")) + (entered(("FEV1", fev1, "%")) if fev1 else [])
    context = "PATIENT CHARACTERISTICS: Pulmonary"
    assert outcome("inclusion", text, patient(age=age, labs=labs), context) is expected


def test_an_exclusion_under_an_age_label_excludes_only_those_ages():
    rule = exclusion("Under the age of 18: hemoglobin < 8 g/dL")
    assert rule.kind == "all_of"
    age, low = rule.children
    assert (age.max, age.max_inclusive) == (18.0, False)
    assert limits(low) == [("hemoglobin", LT, 8.0, "g/dL")]


@pytest.mark.parametrize(("age", "expected"), [(6, Outcome.PASS), (12, Outcome.FAIL)])
def test_for_patients_over_an_age_is_no_age_requirement(age: int, expected: Outcome):
    # read as "age > 8 and FEV1 ≥ 50%" it failed the 6-year-old the limit was never asked of
    text = "For patients over 8 years of age, FEV1 ≥ 50%"
    assert outcome("inclusion", text, patient(age=age, labs=entered(("FEV1", 40.0, "%")))) is expected
