"""Readings found wrong by a clinician's audit of 200 lab thresholds of the shipped catalogue that the reader
read fully: each test states the right reading, with the values and the verdict a clinician checks."""

from __future__ import annotations

from one_criterion import outcome, patient

from trialmatch.domain.criteria import parse_criterion
from trialmatch.domain.criteria.base import Comparator
from trialmatch.domain.criteria.derived import DerivedValueRule
from trialmatch.domain.criteria.lab import LabThreshold
from trialmatch.domain.criteria.logic import AllOf, AnyOf
from trialmatch.domain.criteria.review import NeedsReview
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

INC, EXC = Section.INCLUSION, Section.EXCLUSION


# --- "AST or ALT ≤ limit" in an inclusion: neither may exceed it ------------------------------------------

EITHER_NAMED = "SGOT or SGPT no greater than 4 times normal"


def test_one_maximum_for_two_tests_joined_by_or_in_an_inclusion_holds_both():
    rule = parse_criterion(EITHER_NAMED, INC, "PATIENT CHARACTERISTICS: Hepatic")
    assert isinstance(rule, AllOf)
    assert [
        (c.analyte, c.comparator, c.value, c.multiple_of)
        for c in rule.children
        if isinstance(c, LabThreshold)
    ] == [("ast", Comparator.LE, 4.0, "uln"), ("alt", Comparator.LE, 4.0, "uln")]


def test_a_patient_with_one_transaminase_past_the_shared_maximum_fails_it():
    one_high = patient(
        labs=[
            {"test": "AST", "value": 400, "unit": "U/L", "uln": 40},
            {"test": "ALT", "value": 30, "unit": "U/L", "uln": 40},
        ]
    )
    both_normal = patient(
        labs=[
            {"test": "AST", "value": 35, "unit": "U/L", "uln": 40},
            {"test": "ALT", "value": 30, "unit": "U/L", "uln": 40},
        ]
    )
    assert outcome(INC, EITHER_NAMED, one_high) is Outcome.FAIL
    assert outcome(INC, EITHER_NAMED, both_normal) is Outcome.PASS


def test_inr_and_pt_stay_one_test_among_shared_maximums():
    text = (
        "International Normalized Ratio (INR) or Prothrombin Time (PT) or Activated Partial Thromboplastin "
        "Time (aPTT) <1.5 ULN"
    )
    rule = parse_criterion(text, INC)
    assert isinstance(rule, AllOf)
    either, aptt = rule.children
    assert isinstance(either, AnyOf)
    assert isinstance(aptt, LabThreshold)
    assert sorted(c.analyte for c in either.children if isinstance(c, LabThreshold)) == ["inr", "pt"]
    assert (aptt.analyte, aptt.comparator, aptt.value, aptt.multiple_of) == ("ptt", Comparator.LT, 1.5, "uln")


def test_creatinine_or_bun_and_an_exclusion_keep_reading_either():
    kidney = parse_criterion("Creatinine or BUN less than 1.5 times ULN", INC)
    excluded = parse_criterion("AST or ALT > 3 times ULN", EXC)
    assert isinstance(kidney, AnyOf)
    assert isinstance(excluded, AnyOf)


# --- how the value is measured is not a waiver --------------------------------------------------------------

MEASURED_BY = "LVEF on MRI <56 % (echocardiography allowed if MRI not available)"


def test_an_other_method_if_the_first_is_not_available_is_a_method_note():
    rule = parse_criterion(MEASURED_BY, EXC)
    assert isinstance(rule, LabThreshold)
    assert (rule.analyte, rule.comparator, rule.value, rule.unit) == ("lvef", Comparator.LT, 56.0, "%")
    assert rule.exceptions == []


def test_an_ejection_fraction_under_the_limit_excludes():
    low = patient(labs=[{"test": "LVEF", "value": 50, "unit": "%"}])
    assert outcome(EXC, MEASURED_BY, low) is Outcome.FAIL


# --- a heading's waiver for marrow disease covers a lymphocyte count too ------------------------------------

MARROW_HEADING = (
    "Adequate organ function: Bone marrow function as evidenced by the following (unless directly "
    "attributable to disease within the bone marrow) within 14 days prior to registration."
)


def test_a_lymphocyte_limit_under_a_marrow_disease_waiver_carries_it():
    rule = parse_criterion("Absolute lymphocyte count ≥ 150 cells/ mm3", INC, MARROW_HEADING)
    assert isinstance(rule, LabThreshold)
    assert (rule.analyte, rule.comparator, rule.value, rule.unit) == (
        "lymphocytes",
        Comparator.GE,
        150.0,
        "/µL",
    )
    (waiver,) = rule.exceptions
    assert (waiver.concept, waiver.waived) == ("bone_marrow_involvement", True)


# --- a heading naming a stage group without "for" -----------------------------------------------------------

STAGE_GROUP = "PATIENT CHARACTERISTICS: Renal: Stage III/IV patients receiving concurrent cisplatin"


def test_a_limit_under_a_stage_group_heading_judges_only_that_group():
    rule = parse_criterion("Creatinine clearance at least 50 mL/min", INC, STAGE_GROUP)
    assert isinstance(rule, AnyOf)
    limit, review = rule.children
    assert isinstance(limit, DerivedValueRule)
    assert isinstance(review, NeedsReview)
    assert (limit.analyte, limit.comparator, limit.value, limit.unit) == (
        "crcl",
        Comparator.GE,
        50.0,
        "mL/min",
    )
    assert "stage iii/iv patients receiving concurrent cisplatin" in review.why


def test_a_patient_short_of_a_stage_group_limit_is_left_to_the_clinician_not_failed():
    low = patient(labs=[{"test": "creatinine clearance", "value": 40, "unit": "mL/min"}])
    assert outcome(INC, "Creatinine clearance at least 50 mL/min", low, STAGE_GROUP) is Outcome.UNKNOWN
