"""A condition named and defined by thresholds, and thresholds held "despite treatment": what is read, with
the values a clinician checks, and what must stay for review."""

from __future__ import annotations

import pytest

from trialmatch.domain.criteria import (
    AllOf,
    AnyOf,
    FindingRule,
    LabThreshold,
    NeedsReview,
    Rule,
    parse_criterion,
)
from trialmatch.domain.trial import Section

INC, EXC = Section.INCLUSION, Section.EXCLUSION


def _leaves(rule: Rule) -> list[tuple[str, str, float, str | None, str | None]]:
    assert isinstance(rule, AnyOf), rule
    leaves = []
    for child in rule.children:
        assert isinstance(child, LabThreshold), child
        leaves.append((child.analyte, child.comparator.value, child.value, child.unit, child.qualifier))
    return leaves


def test_condition_words_before_a_bracketed_definition():
    text = "Current uncontrolled hypertension (diastolic > 100 mmHg or systolic > 200 mmHg)"
    rule = parse_criterion(text, EXC)
    assert _leaves(rule) == [("dbp", ">", 100.0, "mmHg", None), ("sbp", ">", 200.0, "mmHg", None)]


def test_if_there_is_a_condition_defined_in_brackets():
    rule = parse_criterion("If there is an uncontrolled diabetes (HbA1C> 12%) at Visit 1", EXC)
    assert isinstance(rule, LabThreshold)
    assert (rule.analyte, rule.comparator.value, rule.value, rule.unit) == ("hba1c", ">", 12.0, "%")


def test_ie_definition_in_an_inclusion_no_is_negated():
    rule = parse_criterion(
        "No uncontrolled hypertension (i.e., systolic blood pressure [BP] > 150 mm Hg or "
        "diastolic BP > 90 mm Hg)",
        INC,
    )
    assert isinstance(rule, AllOf), rule
    children = [c for c in rule.children if isinstance(c, LabThreshold)]
    read = [(c.analyte, c.comparator.value, c.value) for c in children]
    assert read == [("sbp", "<=", 150.0), ("dbp", "<=", 90.0)]


@pytest.mark.parametrize(
    ("text", "qualifier", "sbp", "dbp"),
    [
        pytest.param(
            "Patients with systolic blood pressure ≥ 185 mmHg or diastolic blood pressure ≥ 110 mmHg after "
            "anti-hypertension treatment.",
            "measured on treatment ('after anti-hypertension treatment')",
            185.0,
            110.0,
            id="after_every_threshold_of_an_exclusion",
        ),
        pytest.param(
            "Uncontrolled arterial hypertension even after standard treatment "
            "(systolic blood pressure ≥ 160 mmHg or diastolic blood pressure ≥ 100 mmHg)",
            "measured on treatment ('even after standard treatment')",
            160.0,
            100.0,
            id="inside_the_condition_words",
        ),
        pytest.param(
            "Uncontrollable hypertension (systolic blood pressure ≥150 mmHg or "
            "diastolic blood pressure ≥100 mmHg, despite the best medical treatment);",
            "measured on treatment ('despite the best medical treatment')",
            150.0,
            100.0,
            id="despite_after_a_comma_inside_the_definition",
        ),
    ],
)
def test_a_treatment_qualifier_is_held_on_every_threshold(text: str, qualifier: str, sbp: float, dbp: float):
    rule = parse_criterion(text, EXC)
    assert _leaves(rule) == [("sbp", ">=", sbp, "mmHg", qualifier), ("dbp", ">=", dbp, "mmHg", qualifier)]


@pytest.mark.parametrize(
    ("text", "section"),
    [
        # thresholds joined by a bare comma: all or any? (with a treatment qualifier either reading excludes
        # no one: see test_blood_pressure_readings)
        (
            "Patients with uncontrollable hypertension (systolic blood pressure> 140 mmHg, diastolic blood "
            "pressure> 90 mmHg).",
            EXC,
        ),
    ],
)
def test_stays_for_review(text: str, section: Section):
    rule = parse_criterion(text, section)
    assert isinstance(rule, NeedsReview), rule


# A narrowing tail after the definition ("... in patients who are not yet on dialysis") is kept for review
# beside the threshold it narrows: see test_partial_readings.


def test_repeated_readings_are_carried_as_a_qualifier():
    rule = parse_criterion(
        "Uncontrolled severe hypertension on repeated readings (systolic > 180mmHg or diastolic > 105mmHg)",
        EXC,
    )
    qualifier = "persistent ('on repeated readings')"
    assert _leaves(rule) == [("sbp", ">", 180.0, "mmHg", qualifier), ("dbp", ">", 105.0, "mmHg", qualifier)]


def test_a_finding_narrowed_by_thresholds_needs_both():
    rule = parse_criterion("COPD with a FEV1 <50% of predicted normal.", EXC)
    assert isinstance(rule, AllOf), rule
    finding, threshold = rule.children
    assert isinstance(finding, FindingRule)
    assert (finding.concept, finding.present) == ("copd", True)
    assert isinstance(threshold, LabThreshold)
    read = (threshold.analyte, threshold.comparator.value, threshold.value, threshold.unit)
    assert read == ("fev1", "<", 50.0, "%")


def test_an_absent_finding_is_not_narrowed():
    rule = parse_criterion("No COPD with a FEV1 <50% of predicted normal.", INC)
    assert not isinstance(rule, AllOf), rule


def test_a_ctcae_grade_defined_in_brackets():
    rule = parse_criterion("Have Grade ≥3 hypercalcemia (serum calcium >12.5 mg/dL).", EXC)
    assert isinstance(rule, LabThreshold), rule
    assert (rule.analyte, rule.comparator.value, rule.value, rule.unit) == ("calcium", ">", 12.5, "mg/dL")


def test_an_inclusion_requiring_a_normal_state_needs_every_value_listed():
    text = "Adequate nutritional status (total protein at least 60.0 g/L, albumin at least 35 g/L)"
    rule = parse_criterion(text, INC)
    assert isinstance(rule, AllOf), rule
    children = [c for c in rule.children if isinstance(c, LabThreshold)]
    read = [(c.analyte, c.comparator.value, c.value, c.unit) for c in children]
    assert read == [("total_protein", ">=", 60.0, "g/L"), ("albumin", ">=", 35.0, "g/L")]
    assert isinstance(parse_criterion(text, EXC), NeedsReview)


def test_one_diabetes_type_is_a_diagnosis_beside_its_threshold_not_defined_by_it():
    # "HbA1c > 9 %" alone would exclude a type 1 diabetic from a trial that excludes type 2 only
    rule = parse_criterion("Type 2 diabetes (HbA1c > 9%)", Section.EXCLUSION)
    assert rule.kind == "all_of"
    assert [child.kind for child in rule.children] == ["finding", "lab"]
    assert rule.children[0].concept == "type2_diabetes"
    either = parse_criterion(
        "Type 1 or type 2 diabetes mellitus that is not well controlled (hemoglobin A1c > 8).",
        Section.EXCLUSION,
    )
    assert (either.kind, either.analyte, either.value) == ("lab", "hba1c", 8.0)
