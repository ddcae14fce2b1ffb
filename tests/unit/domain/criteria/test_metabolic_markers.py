"""Endocrine and metabolic thresholds beside the diagnosis they narrow: what is read, with the values a
clinician checks, and what must stay for review."""

from __future__ import annotations

from typing import Any

from one_criterion import outcome, patient

from trialmatch.domain.criteria import AllOf, FindingRule, LabThreshold, NeedsReview, Rule, parse_criterion
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

INC, EXC = Section.INCLUSION, Section.EXCLUSION
UNCONTROLLED_T2DM = "Uncontrolled T2DM at screening: HbA1C > 10.5% (> 91 mmol/mol)."


def _outcome(section: Section, text: str, **fields: Any) -> Outcome:
    """The criterion's result for a 58-year-old man with ``fields``."""
    return outcome(section, text, patient(age=58, sex="male", **fields))


def _diagnosis_and_threshold(rule: Rule) -> tuple[str, bool, int, tuple[str, str, float, str | None]]:
    assert isinstance(rule, AllOf), rule
    finding, threshold = rule.children
    assert isinstance(finding, FindingRule), finding
    assert isinstance(threshold, LabThreshold), threshold
    lab = (threshold.analyte, threshold.comparator.value, threshold.value, threshold.unit)
    return finding.concept, finding.present, len(finding.exceptions), lab


def test_uncontrolled_type_2_diabetes_is_defined_by_its_hba1c():
    rule = parse_criterion("Uncontrolled T2DM with HbA1c > 10.5% (> 91 mmol/mol)", EXC)
    assert _diagnosis_and_threshold(rule) == ("type2_diabetes", True, 0, ("hba1c", ">", 10.5, "%"))


def test_poorly_controlled_type_1_diabetes_with_a_glucose_limit():
    rule = parse_criterion("Poorly controlled type 1 diabetes with random glucose > 300 mg/dL", EXC)
    assert _diagnosis_and_threshold(rule) == ("type1_diabetes", True, 0, ("glucose", ">", 300.0, "mg/dL"))


def test_the_type_printed_after_diabetes():
    rule = parse_criterion("Diabetes Type II with A1C level > 8.5% within 1 month prior to enrollment.", EXC)
    assert _diagnosis_and_threshold(rule) == ("type2_diabetes", True, 0, ("hba1c", ">", 8.5, "%"))
    finding = parse_criterion("Diabetes mellitus type 1", EXC)
    assert isinstance(finding, FindingRule)
    assert (finding.concept, finding.present) == ("type1_diabetes", True)


def test_control_beside_a_threshold_that_does_not_measure_it_stays_a_narrowing():
    """The CD4 count does not say what "uncontrolled HIV" means: not read as the count alone."""
    rule = parse_criterion("Uncontrolled HIV with CD4 < 200 cells/µL", EXC)
    assert not (isinstance(rule, AllOf) and any(isinstance(c, LabThreshold) for c in rule.children))


def test_a_symptom_word_is_not_control_and_stays_with_the_clinician():
    rule = parse_criterion("Symptomatic type 2 diabetes with HbA1c > 9%", EXC)
    assert isinstance(rule, FindingRule), rule
    assert [e.text for e in rule.exceptions] == ["with HbA1c > 9%", "Symptomatic"]


def test_a_colon_joins_the_control_word_to_its_glycaemic_definition():
    rule = parse_criterion(UNCONTROLLED_T2DM, EXC)
    assert _diagnosis_and_threshold(rule) == ("type2_diabetes", True, 0, ("hba1c", ">", 10.5, "%"))


def test_only_a_type_2_diabetic_past_the_hba1c_is_excluded():
    """A type 1 diabetic with the same HbA1c is not what the trial excludes; an unrecorded diagnosis is
    unknown, never a failure."""
    high = [{"test": "HbA1c", "value": 11.2, "unit": "%"}]
    t2 = {"type 2 diabetes": True}
    t1 = {"type 1 diabetes": True, "type 2 diabetes": False}
    assert _outcome(EXC, UNCONTROLLED_T2DM, labs=high, findings=t2) is Outcome.FAIL
    assert _outcome(
        EXC, UNCONTROLLED_T2DM, labs=[{"test": "HbA1c", "value": 8.1, "unit": "%"}], findings=t2
    ) is (Outcome.PASS)
    assert _outcome(EXC, UNCONTROLLED_T2DM, labs=high, findings=t1) is Outcome.PASS
    assert _outcome(EXC, UNCONTROLLED_T2DM, labs=high) is Outcome.UNKNOWN


def test_a_colon_without_a_control_word_is_no_definition():
    """ "T2DM: HbA1c > 10.5%" may be a heading over a condition: left for review."""
    assert isinstance(parse_criterion("T2DM: HbA1C > 10.5%", EXC), NeedsReview)
    assert isinstance(parse_criterion("Uncontrolled HIV: CD4 < 200 cells/µL", EXC), NeedsReview)


def test_a_documented_value_may_be_a_past_episode_and_is_left_for_review():
    """An insulinoma trial asks for documented hypoglycaemia: today's normal fasting glucose must not fail the
    patient."""
    rule = parse_criterion("Patients with documented fasting blood glucose below 55 mg/dl.", INC)
    assert isinstance(rule, NeedsReview)
    assert "documented" in rule.why


def test_a_value_documented_by_todays_test_is_still_read():
    rule = parse_criterion("Adequate renal function documented by serum creatinine of ≤1.5 mg/dL", INC)
    assert isinstance(rule, LabThreshold)
    assert (rule.analyte, rule.comparator.value, rule.value, rule.unit) == ("creatinine", "<=", 1.5, "mg/dL")
