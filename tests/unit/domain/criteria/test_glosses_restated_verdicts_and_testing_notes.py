"""Thresholds with a short clause beside them: a gloss on what the value indicates, an exclusion restating its
verdict, a bracket of examples of the finding before it, a note on who must be tested."""

from __future__ import annotations

import pytest
from one_criterion import entered, exclusion, limit_of, outcome, patient

from trialmatch.domain.criteria import AnyOf, FindingRule, LabThreshold, NeedsReview
from trialmatch.domain.evaluation import Outcome


def test_a_gloss_on_what_the_value_indicates_adds_no_condition():
    rule = exclusion(
        "Hemoglobin A1C (HbA1c) higher than 8% at screening indicating unbalanced diabetes and/or target "
        "organ damage associated with diabetes"
    )
    assert limit_of(rule) == ("hba1c", ">", 8.0, "%")


def test_a_gloss_with_an_exception_in_it_is_not_claimed():
    rule = exclusion("Creatinine > 1.5 x ULN indicating renal impairment unless due to myeloma")
    assert not isinstance(rule, LabThreshold)
    assert "unless due to myeloma" in rule.model_dump_json()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("BMI ≥ 50kg/m2 is not suitable for TAP block", ("bmi", ">=", 50.0, "kg/m2")),
        ("Platelets < 50,000/µL are not eligible.", ("platelets", "<", 50000.0, "/µL")),
    ],
)
def test_an_exclusion_restating_its_verdict_is_its_threshold(text, expected):
    rule = exclusion(text)
    assert (rule.analyte, rule.comparator.value, rule.value, rule.unit) == expected


@pytest.mark.parametrize(
    ("bmi", "expected"), [(52.0, Outcome.FAIL), (31.0, Outcome.PASS), (None, Outcome.UNKNOWN)]
)
def test_the_restated_verdict_excludes_only_the_values_beyond_the_limit(bmi, expected):
    labs = entered(("bmi", bmi, "kg/m2")) if bmi is not None else []
    facts = patient(labs=labs)
    assert outcome("exclusion", "BMI ≥ 50kg/m2 is not suitable for TAP block", facts) is expected


LIVER = (
    "Chronic liver disease (including active hepatitis) and/or alanine aminotransferase (ALT) or aspartate "
    "aminotransferase (AST) >3x normal limit."
)


def test_examples_of_the_finding_in_a_bracket_are_the_finding():
    rule = exclusion(LIVER)
    assert isinstance(rule, AnyOf)
    disease, enzymes = rule.children
    assert isinstance(disease, FindingRule)
    assert disease.concept == "liver_disease"
    assert [c.text for c in disease.exceptions] == ["Chronic"]
    assert isinstance(enzymes, AnyOf)
    assert [(c.analyte, c.comparator.value, c.value, c.multiple_of) for c in enzymes.children] == [
        ("alt", ">", 3.0, "uln"),
        ("ast", ">", 3.0, "uln"),
    ]


@pytest.mark.parametrize(
    ("findings", "alt", "expected"),
    [
        ({"liver_disease": False}, 30.0, Outcome.PASS),
        ({"liver_disease": False}, 200.0, Outcome.FAIL),
        ({}, 30.0, Outcome.UNKNOWN),
    ],
)
def test_the_liver_exclusion_judges_the_disease_and_the_enzymes(findings, alt, expected):
    labs = entered(("alt", alt, "U/L"), ("ast", 30.0, "U/L"))
    assert outcome("exclusion", LIVER, patient(labs=labs, findings=findings)) is expected


@pytest.mark.parametrize(
    "text",
    ["Chronic liver disease (including diabetes)", "Chronic liver disease (including hepatitis carriers)"],
)
def test_a_bracket_naming_another_finding_or_word_is_not_an_example(text):
    assert isinstance(exclusion(text), NeedsReview)


TESTED = (
    "Cardiac ejection fraction < 40% or a history of congestive heart failure; ejection fraction is required "
    "if the patient has a history of anthracyclines or history of cardiac disease"
)


def test_a_note_on_who_must_be_tested_after_a_finding_and_a_threshold_adds_no_condition():
    rule = exclusion(TESTED)
    assert isinstance(rule, AnyOf)
    fraction, failure = rule.children
    assert limit_of(fraction) == ("lvef", "<", 40.0, "%")
    assert isinstance(failure, FindingRule)
    assert (failure.concept, failure.qualifier) == ("heart_failure", "history")


@pytest.mark.parametrize(
    ("lvef", "failure", "expected"),
    [
        (None, False, Outcome.UNKNOWN),  # not tested: the note says not everyone is
        (55.0, False, Outcome.PASS),
        (35.0, False, Outcome.FAIL),
        (55.0, True, Outcome.FAIL),
    ],
)
def test_an_untested_patient_is_unknown_not_passed(lvef, failure, expected):
    labs = entered(("lvef", lvef, "%")) if lvef is not None else []
    facts = patient(labs=labs, findings={"heart_failure": failure})
    assert outcome("exclusion", TESTED, facts) is expected


def test_a_note_requiring_a_value_is_not_a_note_on_testing():
    text = (
        "Cardiac ejection fraction < 40%; normal ejection fraction is required if the patient has a "
        "history of anthracyclines"
    )
    assert isinstance(exclusion(text), NeedsReview)
