"""Notes on how a count may be reached (transfusion, growth factors): read onto the thresholds they concern,
never onto another threshold, and never read as failing a patient the trial could accept."""

from __future__ import annotations

import one_criterion
import pytest
from one_criterion import lab

from trialmatch.domain.criteria import AllOf, AnyOf, LabThreshold, NeedsReview, parse_criterion
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

INC, EXC = Section.INCLUSION, Section.EXCLUSION


def labs(text: str, section: Section = INC) -> list[LabThreshold]:
    rule = parse_criterion(text, section, None)
    assert isinstance(rule, AllOf | AnyOf), rule
    assert all(isinstance(child, LabThreshold) for child in rule.children), rule
    return [child for child in rule.children if isinstance(child, LabThreshold)]


def outcome(text: str, *values: tuple[str, float, str], section: Section = INC) -> Outcome:
    """The criterion's result for a 62-year-old man with these (test, value, unit) lab values."""
    labs = [{"test": test, "value": value, "unit": unit} for test, value, unit in values]
    return one_criterion.outcome(section, text, one_criterion.patient(sex="male", labs=labs))


def test_a_clause_forbidding_transfusion_holds_the_threshold_before_it():
    text = (
        "Platelet count ≥75,000/mm^3; platelet transfusions to help patients meet eligibility criteria are "
        "not allowed within seven days before study enrollment."
    )
    rule = lab(text)
    assert (rule.analyte, rule.comparator.value, rule.value, rule.unit) == ("platelets", ">=", 75000.0, "/µL")
    assert rule.qualifier == (
        "platelet transfusions to help patients meet eligibility criteria are not allowed within seven days "
        "before study enrollment"
    )
    assert outcome(text, ("platelets", 80, "10^9/L")) is Outcome.UNKNOWN
    assert outcome(text, ("platelets", 60, "10^9/L")) is Outcome.FAIL


def test_sentences_after_a_limit_per_sex_hold_both_limits():
    text = (
        "Hemoglobin > 12.5 g/dL for men and > 11.5 g/dL for women. It is not acceptable for patients to be "
        "transfused within the prior month to meet this requirement. The use of Epogen is permitted."
    )
    men, women = labs(text)
    assert [(r.sex, r.value) for r in (men, women)] == [("male", 12.5), ("female", 11.5)]
    for rule in (men, women):
        assert rule.qualifier == (
            "It is not acceptable for patients to be transfused within the prior month to meet this "
            "requirement"
        )
        assert [(e.concept, e.waived, e.text) for e in rule.exceptions] == [
            (None, True, "The use of Epogen is permitted")
        ]
    # below the limit, Epogen could still raise it; above it, whether transfused is not recorded
    assert outcome(text, ("Hb", 11.0, "g/dL")) is Outcome.UNKNOWN
    assert outcome(text, ("Hb", 13.5, "g/dL")) is Outcome.UNKNOWN


def test_one_bracket_restricting_one_support_and_allowing_another():
    rule = lab(
        "hemoglobin ≥80 g/L (without transfusion of red blood cells [RBC] within 7 days before the "
        "laboratory test; the use of recombinant human erythropoietin is permitted)"
    )
    assert (
        rule.qualifier
        == "without transfusion of red blood cells [RBC] within 7 days before the laboratory test"
    )
    assert [(e.waived, e.text) for e in rule.exceptions] == [
        (True, "the use of recombinant human erythropoietin is permitted")
    ]


def test_a_trailing_note_ends_before_the_next_threshold():
    anc, platelets, hemoglobin = labs(
        "ANC ≥ 1200/μL (without WBC growth factor support) Platelet count ≥ 90,000/μL without transfusion "
        "support Hemoglobin ≥ 9 g/dL (Transfusion is allowed to achieve this Hb)"
    )
    assert (anc.analyte, anc.value, anc.qualifier) == ("anc", 1200.0, "without WBC growth factor support")
    assert (platelets.analyte, platelets.value, platelets.qualifier) == (
        "platelets",
        90000.0,
        "without transfusion support",
    )
    assert (hemoglobin.analyte, hemoglobin.value, hemoglobin.qualifier) == ("hemoglobin", 9.0, None)
    assert [e.waived for e in hemoglobin.exceptions] == [True]


def test_a_note_about_the_participant_holds_every_count_before_it():
    note = (
        "participant must not have received any growth factor or blood transfusion within 7 days of the "
        "hematology laboratory obtained at screening"
    )
    rules = labs(
        "Blood counts at screening: hemoglobin ≥ 9.0 g/dL, absolute neutrophil count ≥ 1500/μL "
        f"(1.5 × 109/L), platelet count ≥ 100,000/μL (100 ×109/L) ({note})."
    )
    assert [(r.analyte, r.value, r.qualifier) for r in rules] == [
        ("hemoglobin", 9.0, note),
        ("anc", 1500.0, note),
        ("platelets", 100000.0, note),
    ]


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        (
            "Platelet count >= 100,000/uL (transfusion independent, defined as not receiving platelet "
            "transfusions within a 7-day period prior to enrollment)",
            "transfusion independent, defined as not receiving platelet transfusions within a 7-day period "
            "prior to enrollment",
        ),
        ("Haemoglobin≥9g/dL (prior to transfusions)", "prior to transfusions"),
        (
            "Platelets ≥ 75 x 10^9/L and no platelet transfusion within 14 days",
            "no platelet transfusion within 14 days",
        ),
    ],
)
def test_restricting_notes(text: str, qualifier: str):
    assert lab(text).qualifier == qualifier


def test_a_heading_note_on_correction_by_growth_factors_holds_each_count():
    note = (
        "no blood transfusion and blood products within 14 days, no correction by Granulocyte "
        "Colony-Stimulating Factor (G-CSF) and other hematopoietic stimuli"
    )
    rules = labs(
        f"Blood routine examination criteria ({note}): i) hemoglobin (HB) ≥90g/L ii) Absolute neutrophils "
        "count (ANC) ≥1.5×109/L iii) platelet (PLT) ≥80×109/L"
    )
    assert [(r.analyte, r.value, r.qualifier) for r in rules] == [
        ("hemoglobin", 90.0, note),
        ("anc", 1.5, note),
        ("platelets", 80.0, note),
    ]


def test_a_growth_factor_permission_in_an_exclusion_leaves_a_low_count_to_the_clinician():
    text = (
        "Absolute neutrophil count (ANC) <1000 cells/mm^3 or platelet count <75,000/mm^3 during screening "
        "and on Cycle 1 Day 1. Use of granulocyte-stimulating factors and platelet growth factors prior to "
        "and during the study is acceptable."
    )
    anc, platelets = labs(text, EXC)
    assert [(r.analyte, r.comparator.value, r.value) for r in (anc, platelets)] == [
        ("anc", "<", 1000.0),
        ("platelets", "<", 75000.0),
    ]
    assert [e.waived for e in anc.exceptions + platelets.exceptions] == [True, True]
    platelets_normal = ("platelets", 150, "10^9/L")
    assert outcome(text, ("ANC", 0.8, "10^9/L"), platelets_normal, section=EXC) is Outcome.UNKNOWN
    assert outcome(text, ("ANC", 1.5, "10^9/L"), platelets_normal, section=EXC) is Outcome.PASS


def test_a_transfusion_clause_with_a_limit_support_cannot_help_to_meet_is_left_for_review():
    rule = parse_criterion(
        "Platelet count ≥ 100,000/mm3; bilirubin ≤ 1.5 x ULN; platelet transfusions are not allowed within 7 "
        "days before enrollment.",
        INC,
        None,
    )
    assert isinstance(rule, NeedsReview)


def test_a_heading_note_is_read_onto_the_items_it_heads_and_not_past_the_next_heading():
    rule = parse_criterion(
        "Adequate organ function: ① Blood routine [no blood transfusion or colony-stimulating factor (G-CSF) "
        "treatment within 14 days]: absolute neutrophil count ≥ 1.5 × 109/L; platelet ≥ 75 × 109/L; "
        "hemoglobin ≥ 90 g/L; ② Liver function: total bilirubin ≤ 2 times upper limit of normal (ULN)",
        INC,
        None,
    )
    assert isinstance(rule, AllOf)
    assert [(c.analyte, bool(c.qualifier)) for c in rule.children] == [
        ("anc", True),
        ("platelets", True),
        ("hemoglobin", True),
        ("bilirubin", False),
    ]
