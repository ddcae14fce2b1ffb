"""A finding named beside the thresholds that define or exemplify it, and a sentence admitting the patients
with a finding at another limit: the finding and the thresholds a clinician checks, joined as the sentence
says, how a patient fares under them, and what stays for review."""

from __future__ import annotations

import pytest
from one_criterion import limit_of, outcome, patient

from trialmatch.domain.criteria import (
    AllOf,
    AnyOf,
    DerivedValueRule,
    FindingRule,
    LabThreshold,
    NeedsReview,
    parse_criterion,
)
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

INC, EXC = Section.INCLUSION, Section.EXCLUSION


def test_a_diagnosis_with_a_defining_bracket_needs_both_in_an_exclusion():
    rule = parse_criterion("Heart failure (LVEF < 40%)", EXC)
    assert isinstance(rule, AllOf), rule
    finding, lab = rule.children
    assert isinstance(finding, FindingRule)
    assert (finding.concept, finding.present, finding.exceptions) == ("heart_failure", True, [])
    assert limit_of(lab) == ("lvef", "<", 40.0, "%")


def test_a_diagnosis_an_ejection_fraction_alone_does_not_make_needs_both():
    rule = parse_criterion("Left heart failure (ejection fraction (EF) <35%)", EXC)
    assert isinstance(rule, AllOf), rule
    finding, lab = rule.children
    assert isinstance(finding, FindingRule)
    assert (finding.concept, finding.present) == ("heart_failure", True)
    assert limit_of(lab) == ("lvef", "<", 35.0, "%")


def test_an_exception_for_immune_thrombocytopenia_is_a_lower_platelet_limit():
    rule = parse_criterion("Platelets >= 75,000/mm3 (patients with ITP >= 30,000/mm3)", INC)
    assert limit_of(rule) == ("platelets", ">=", 75000.0, "/µL")
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
    assert limit_of(lab) == ("lvef", "<", 50.0, "%")


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
    assert limit_of(lab) == ("hba1c", ">", 10.0, "%")


@pytest.mark.parametrize(
    ("text", "section"),
    [
        # an example does not say what an inclusion requires
        ("Diabetes (e.g. HbA1c > 6.5%)", INC),
        # words before the bracket that name no finding of the lexicon
        ("Clinically significant cardiopulmonary abnormalities (systolic blood pressure < 90 mmHg)", EXC),
        # a bare comma in a definition: all or any?
        ("Severe renal impairment (creatinine > 2 mg/dL, on dialysis)", EXC),
        # a part of the bracket not read
        ("Severe COPD (defined as FEV1 below 50 % or acute ongoing exacerbation)", EXC),
    ],
)
def test_stays_for_review(text: str, section: Section):
    rule = parse_criterion(text, section)
    assert isinstance(rule, NeedsReview), rule


def _bilirubin_exception(rule: object) -> tuple[str | None, str, float, str | None]:
    assert isinstance(rule, LabThreshold), rule
    assert (rule.analyte, rule.comparator.value, rule.value) == ("bilirubin", "<=", 1.5)
    assert rule.multiple_of == "uln"
    [exception] = rule.exceptions
    return exception.concept, exception.comparator.value, exception.value, exception.multiple_of


def test_a_sentence_admitting_gilbert_patients_at_a_wider_limit_is_the_threshold_exception():
    rule = parse_criterion(
        "Total bilirubin ≤ 1.5X ULN. Patients with known Gilbert's disease and a total bilirubin ≤ 3X ULN "
        "may be enrolled.",
        INC,
    )
    assert _bilirubin_exception(rule) == ("gilbert_syndrome", "<=", 3.0, "uln")


def test_the_admitted_limit_may_follow_if():
    rule = parse_criterion(
        "Total bilirubin ≤ 1.5 x ULN; AST and ALT ≤ 3 x ULN. Subjects with Gilbert's syndrome may be "
        "enrolled if total bilirubin is ≤ 3 x ULN",
        INC,
    )
    assert isinstance(rule, AllOf), rule
    bilirubin, ast, alt = rule.children
    assert _bilirubin_exception(bilirubin) == ("gilbert_syndrome", "<=", 3.0, "uln")
    assert [limit_of(ast), limit_of(alt)] == [("ast", "<=", 3.0, None), ("alt", "<=", 3.0, None)]
    assert isinstance(ast, LabThreshold)
    assert isinstance(alt, LabThreshold)
    assert ast.exceptions == alt.exceptions == []


@pytest.mark.parametrize(
    "text",
    [
        # the admitted limit is for another analyte than the threshold
        "Total bilirubin ≤ 1.5 x ULN. Patients with Gilbert's syndrome and a direct bilirubin ≤ 1.5 x ULN "
        "may be enrolled.",
        # a limit bounded the other way is no widening of the threshold
        "Total bilirubin ≤ 1.5 x ULN. Patients with Gilbert's syndrome and a total bilirubin ≥ 1 x ULN may "
        "be enrolled.",
        # a finding outside the lexicon
        "Total bilirubin ≤ 1.5 x ULN. Patients with hemolysis of unknown cause and a total bilirubin ≤ 3 x "
        "ULN may be enrolled.",
    ],
)
def test_an_admitting_sentence_that_does_not_fit_the_threshold_stays_for_review(text: str):
    assert isinstance(parse_criterion(text, INC), NeedsReview)


def test_an_item_only_admitting_gilbert_patients_at_a_limit_asks_nothing_of_the_others():
    rule = parse_criterion(
        "Patients with known Gilbert disease who have serum bilirubin level ≤ 3 x ULN may be enrolled.", INC
    )
    assert isinstance(rule, AnyOf), rule
    without, limit = rule.children
    assert isinstance(without, FindingRule)
    assert (without.concept, without.present) == ("gilbert_syndrome", False)
    assert isinstance(limit, LabThreshold)
    assert (limit.analyte, limit.comparator.value, limit.value) == ("bilirubin", "<=", 3.0)
    assert limit.multiple_of == "uln"


@pytest.mark.parametrize(
    "text",
    [
        # the finding may be what the trial is for
        "Patients with liver metastases and AST ≤ 5 x ULN may be enrolled.",
        # a part of an item: it may relax the other parts
        "Platelets ≥ 100,000/µL; patients with Gilbert disease who have bilirubin ≤ 3 mg/dL may be enrolled",
    ],
)
def test_an_admitting_sentence_that_may_be_more_stays_for_review(text: str):
    assert isinstance(parse_criterion(text, INC), NeedsReview)


@pytest.mark.parametrize(
    "text",
    [
        "Patients with HIV (CD4 > 350/µL)",
        "HIV-positive subjects are eligible (CD4 > 350/µL)",
        "HIV-positive subjects must have (CD4 > 350/µL)",
    ],
)
def test_an_inclusion_naming_whom_the_bracket_concerns_is_not_read_as_a_requirement(text: str):
    rule = parse_criterion(text, INC)
    assert not isinstance(rule, AllOf), rule


def test_an_exclusion_naming_whom_the_bracket_concerns_excludes_only_them():
    rule = parse_criterion("Patients with HIV (CD4 < 200/µL)", EXC)
    assert isinstance(rule, AllOf), rule
    finding, lab = rule.children
    assert isinstance(finding, FindingRule)
    assert (finding.concept, finding.present) == ("hiv", True)
    assert limit_of(lab) == ("cd4", "<", 200.0, "/µL")


@pytest.mark.parametrize(
    "text",
    [
        "Heart failure (LVEF ≥ 50% allowed)",
        "Active hepatitis B (HBV DNA < 2000 IU/mL permitted)",
        "HIV infection (unless CD4 > 350/µL)",
        "Heart failure (not if LVEF > 50%)",
    ],
)
def test_a_bracket_that_turns_the_finding_is_not_read_as_its_thresholds(text: str):
    rule = parse_criterion(text, EXC)
    assert not isinstance(rule, AllOf | AnyOf), rule


@pytest.mark.parametrize(
    ("heart_failure", "lvef", "expected"),
    [
        (True, 30.0, Outcome.FAIL),
        (True, 55.0, Outcome.PASS),
        (False, 30.0, Outcome.PASS),
        (None, 30.0, Outcome.UNKNOWN),
        (True, None, Outcome.UNKNOWN),
    ],
)
def test_heart_failure_with_its_bracket_excludes_only_a_patient_with_both(
    heart_failure: bool | None, lvef: float | None, expected: Outcome
):
    findings = {} if heart_failure is None else {"heart failure": heart_failure}
    labs = [] if lvef is None else [{"test": "LVEF", "value": lvef, "unit": "%"}]
    assert (
        outcome("exclusion", "Heart failure (LVEF < 40%)", patient(findings=findings, labs=labs)) is expected
    )


@pytest.mark.parametrize(
    ("gilbert", "expected"),
    [(True, Outcome.PASS), (False, Outcome.FAIL), (None, Outcome.UNKNOWN)],
)
def test_a_gilbert_patient_is_held_to_the_wider_bilirubin_limit(gilbert: bool | None, expected: Outcome):
    findings = {} if gilbert is None else {"Gilbert syndrome": gilbert}
    labs = [{"test": "total bilirubin", "value": 2.0, "unit": "mg/dL", "uln": 1.0}]
    text = (
        "Total bilirubin ≤ 1.5X ULN. Patients with known Gilbert's disease and a total bilirubin ≤ 3X ULN "
        "may be enrolled."
    )
    assert outcome("inclusion", text, patient(findings=findings, labs=labs)) is expected


def test_a_bracket_opening_with_or_is_another_way_to_be_excluded_not_the_condition_s_definition():
    """Read as a definition, the finding was dropped: a patient with uncontrolled diabetes and an HbA1c of
    6.5 % passed an exclusion that names them."""
    text = "Uncontrolled diabetes (or HbA1c > 7 %)"
    rule = parse_criterion(text, EXC)
    assert isinstance(rule, AnyOf)
    finding, threshold = rule.children
    assert isinstance(finding, FindingRule)
    assert (finding.concept, finding.present) == ("uncontrolled_diabetes", True)
    assert limit_of(threshold) == ("hba1c", ">", 7.0, "%")
    diabetic = patient(
        findings={"uncontrolled diabetes": True}, labs=[{"test": "HbA1c", "value": 6.5, "unit": "%"}]
    )
    assert outcome("exclusion", text, diabetic) is Outcome.FAIL
    controlled = patient(
        findings={"uncontrolled diabetes": False}, labs=[{"test": "HbA1c", "value": 8.1, "unit": "%"}]
    )
    assert outcome("exclusion", text, controlled) is Outcome.FAIL
    neither = patient(
        findings={"uncontrolled diabetes": False}, labs=[{"test": "HbA1c", "value": 6.5, "unit": "%"}]
    )
    assert outcome("exclusion", text, neither) is Outcome.PASS


def test_a_value_as_the_condition_of_a_finding_is_not_read_as_not_the_value_or_the_finding():
    """Read as "HbA1c > 10 %, or type 2 diabetes" it failed a non-diabetic patient with an HbA1c of 5.5 %."""
    text = "With type 2 diabetes if their HbA1c is 10% or lower"
    assert isinstance(parse_criterion(text, INC), NeedsReview)
    healthy = patient(
        findings={"type 2 diabetes": False}, labs=[{"test": "HbA1c", "value": 5.5, "unit": "%"}]
    )
    assert outcome("inclusion", text, healthy) is Outcome.UNKNOWN
