"""Items printed as one of several alternatives ("INR ≥ 2.0 or"): an exclusion item excludes on its own, an
inclusion item is judged with the item it is joined to (segmentation joins them)."""

from __future__ import annotations

from trialmatch.domain.criteria import LabThreshold, NeedsReview, parse_criterion
from trialmatch.domain.segmentation import split_criteria
from trialmatch.domain.trial import Section


def test_an_exclusion_item_ending_in_or_is_read_as_its_threshold():
    rule = parse_criterion(
        "INR ≥2.0 or",
        Section.EXCLUSION,
        "Subject has uncorrectable abnormal coagulation parameters defined as either",
    )
    assert isinstance(rule, LabThreshold)
    assert (rule.analyte, rule.comparator.value, rule.value) == ("inr", ">=", 2.0)


def test_an_inclusion_item_ending_in_or_alone_stays_for_review():
    rule = parse_criterion(
        "Creatinine no greater than 2.0 mg/dL OR", Section.INCLUSION, "PATIENT CHARACTERISTICS: Renal"
    )
    assert isinstance(rule, NeedsReview)


def test_inclusion_alternatives_on_two_bullets_become_one_either_or_criterion():
    text = (
        "Inclusion Criteria:\n\n"
        "  - Creatinine no greater than 2.0 mg/dL OR\n\n"
        "  - Creatinine clearance at least 50 mL/min\n\n"
        "Exclusion Criteria:\n\n"
        "  - INR ≥2.0 or\n\n"
        "  - Platelet count ≤75,000 per μL\n"
    )
    criteria = split_criteria(text)
    assert [(c.section, c.text) for c in criteria] == [
        (
            Section.INCLUSION,
            "Creatinine no greater than 2.0 mg/dL OR Creatinine clearance at least 50 mL/min",
        ),
        (Section.EXCLUSION, "INR ≥2.0 or"),
        (Section.EXCLUSION, "Platelet count ≤75,000 per μL"),
    ]
    joined = parse_criterion(criteria[0].text, Section.INCLUSION)
    assert joined.kind == "any_of"
    assert [(c.analyte, c.comparator.value, c.value, c.unit) for c in joined.children] == [  # type: ignore[attr-defined]
        ("creatinine", "<=", 2.0, "mg/dL"),
        ("crcl", ">=", 50.0, "mL/min"),
    ]


def test_an_exclusion_item_joined_by_and_to_the_next_stays_for_review():
    rule = parse_criterion(
        "Below 50 years of age, and", Section.EXCLUSION, "Exclusion criteria Non-stroke group."
    )
    assert isinstance(rule, NeedsReview)
    assert "'and'" in rule.why


def test_twice_normal_is_two_times_the_upper_limit():
    rule = parse_criterion("Hepatic: Bilirubin less than twice normal", Section.INCLUSION)
    assert isinstance(rule, LabThreshold)
    assert (rule.analyte, rule.comparator.value, rule.value, rule.multiple_of) == (
        "bilirubin",
        "<",
        2.0,
        "uln",
    )


def test_a_dipstick_grade_contradicting_its_comparator_is_read_as_the_grade():
    """ "less than 1+": the "+" is the dipstick grade, not "1 or more"; it is read on the grade's own analyte
    (see ``read_urine_protein``), never as "at least 1"."""
    rule = parse_criterion(
        "Normal renal function: creatinine less than 1.5 mg/dL, proteinuria less than 1+.", Section.INCLUSION
    )
    dipstick = rule.children[-1] if not isinstance(rule, NeedsReview) else None
    assert isinstance(dipstick, LabThreshold)
    assert (dipstick.analyte, dipstick.comparator.symbol, dipstick.value) == (
        "urine_protein_dipstick",
        "<",
        1.0,
    )


def test_a_unit_less_value_far_below_normal_is_not_given_the_only_unit():
    rule = parse_criterion("AST no more than 2 over baseline", Section.INCLUSION)
    assert isinstance(rule, NeedsReview)
