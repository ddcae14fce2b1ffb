"""A finding named beside the thresholds that define or exemplify it: the finding and the thresholds a
clinician checks, joined as the sentence says, and what stays for review."""

from __future__ import annotations

import pytest

from trialmatch.domain.criteria import (
    AllOf,
    AnyOf,
    DerivedValueRule,
    FindingRule,
    LabThreshold,
    NeedsReview,
    parse_criterion,
)
from trialmatch.domain.trial import Section

INC, EXC = Section.INCLUSION, Section.EXCLUSION


def _lab(rule: object) -> tuple[str, str, float, str | None]:
    assert isinstance(rule, LabThreshold), rule
    return rule.analyte, rule.comparator.value, rule.value, rule.unit


def test_a_diagnosis_with_a_defining_bracket_needs_both_in_an_exclusion():
    rule = parse_criterion("Heart failure (LVEF < 40%)", EXC)
    assert isinstance(rule, AllOf), rule
    finding, lab = rule.children
    assert isinstance(finding, FindingRule)
    assert (finding.concept, finding.present, finding.exceptions) == ("heart_failure", True, [])
    assert _lab(lab) == ("lvef", "<", 40.0, "%")


def test_a_diagnosis_an_ejection_fraction_alone_does_not_make_needs_both():
    rule = parse_criterion("Left heart failure (ejection fraction (EF) <35%)", EXC)
    assert isinstance(rule, AllOf), rule
    finding, lab = rule.children
    assert isinstance(finding, FindingRule)
    assert (finding.concept, finding.present) == ("heart_failure", True)
    assert _lab(lab) == ("lvef", "<", 35.0, "%")


def test_an_exception_for_immune_thrombocytopenia_is_a_lower_platelet_limit():
    rule = parse_criterion("Platelets >= 75,000/mm3 (patients with ITP >= 30,000/mm3)", INC)
    assert _lab(rule) == ("platelets", ">=", 75000.0, "/µL")
    assert isinstance(rule, LabThreshold)
    [exception] = rule.exceptions
    assert (exception.concept, exception.comparator.value, exception.value, exception.unit) == (
        "immune_thrombocytopenia",
        ">=",
        30000.0,
        "/µL",
    )


def test_a_narrowing_word_on_the_finding_is_kept_for_the_clinician():
    rule = parse_criterion("Symptomatic congestive heart failure (LVEF < 50%)", EXC)
    assert isinstance(rule, AllOf), rule
    finding, lab = rule.children
    assert isinstance(finding, FindingRule)
    assert finding.concept == "heart_failure"
    assert [e.text for e in finding.exceptions] == ["Symptomatic"]
    assert _lab(lab) == ("lvef", "<", 50.0, "%")


def test_a_condition_a_threshold_defines_is_its_bracket_with_a_finding_alternative():
    rule = parse_criterion("Severe renal impairment (eGFR < 30 mL/min/1.73 m2 or on dialysis)", EXC)
    assert isinstance(rule, AnyOf), rule
    threshold, dialysis = rule.children
    assert isinstance(threshold, DerivedValueRule), threshold
    assert (threshold.analyte, threshold.comparator.value, threshold.value) == ("egfr", "<", 30.0)
    assert isinstance(dialysis, FindingRule)
    assert (dialysis.concept, dialysis.present) == ("dialysis", True)


def test_an_example_in_an_exclusion_excludes_as_the_finding_does():
    rule = parse_criterion("Uncontrolled diabetes (e.g. HbA1c > 10%)", EXC)
    assert isinstance(rule, AnyOf), rule
    finding, lab = rule.children
    assert isinstance(finding, FindingRule)
    assert (finding.concept, finding.present) == ("uncontrolled_diabetes", True)
    assert _lab(lab) == ("hba1c", ">", 10.0, "%")


@pytest.mark.parametrize(
    ("text", "section"),
    [
        # an example does not say what an inclusion requires
        ("Diabetes (e.g. HbA1c > 6.5%)", INC),
        # words before the bracket that name no finding of the lexicon
        ("Clinically significant vital sign abnormalities (systolic blood pressure < 90 mmHg)", EXC),
        # a bare comma in a definition: all or any?
        ("Severe renal impairment (creatinine > 2 mg/dL, on dialysis)", EXC),
        # a part of the bracket not read
        ("Severe COPD (defined as FEV1 below 50 % or acute ongoing exacerbation)", EXC),
    ],
)
def test_stays_for_review(text: str, section: Section):
    rule = parse_criterion(text, section)
    assert isinstance(rule, NeedsReview), rule
