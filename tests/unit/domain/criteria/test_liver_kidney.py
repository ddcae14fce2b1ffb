"""Liver and kidney thresholds: what each wording holds the patient to, analyte by analyte."""

from __future__ import annotations

from trialmatch.domain.criteria import parse_criterion
from trialmatch.domain.criteria.base import Comparator
from trialmatch.domain.trial import Section


def _limits(rule) -> list[tuple[str, Comparator, float, str | None, str | None]]:
    return [(p.analyte, p.comparator, p.value, p.unit, p.multiple_of) for p in rule.children]


def test_total_and_direct_bilirubin_are_both_held_to_the_threshold():
    rule = parse_criterion("Total and direct bilirubin ≤ 3 times ULN", Section.INCLUSION, None)
    assert rule.kind == "all_of"
    assert _limits(rule) == [
        ("bilirubin", Comparator.LE, 3.0, None, "uln"),
        ("direct_bilirubin", Comparator.LE, 3.0, None, "uln"),
    ]
    conjugated = parse_criterion("Total and conjugated bilirubin > 1.5 x ULN", Section.EXCLUSION, None)
    assert conjugated.kind == "all_of"
    assert [p.analyte for p in conjugated.children] == ["bilirubin", "direct_bilirubin"]


def test_a_total_bilirubin_alone_is_still_one_threshold():
    rule = parse_criterion("Total bilirubin ≤ 1.5 x ULN", Section.INCLUSION, None)
    assert (rule.analyte, rule.comparator, rule.value, rule.multiple_of) == (
        "bilirubin",
        Comparator.LE,
        1.5,
        "uln",
    )


def test_a_clearance_for_patients_with_creatinine_above_normal_spares_a_normal_creatinine():
    text = (
        "Creatinine clearance >= 45 mL/min/1.73 m^2 "
        "for patients with creatinine levels above institutional normal"
    )
    rule = parse_criterion(text, Section.INCLUSION, None)
    assert rule.kind == "any_of"
    assert _limits(rule) == [
        ("creatinine", Comparator.LE, 1.0, None, "uln"),
        ("egfr", Comparator.GE, 45.0, "mL/min/1.73m2", None),
    ]


def test_the_creatinine_limit_of_the_clause_is_kept_as_a_multiple_of_the_uln():
    text = (
        "Creatinine clearance >= 60 mL/min for patients with creatinine levels above 1.5 x institutional ULN"
    )
    rule = parse_criterion(text, Section.INCLUSION, None)
    assert _limits(rule) == [
        ("creatinine", Comparator.LE, 1.5, None, "uln"),
        ("crcl", Comparator.GE, 60.0, "mL/min", None),
    ]


def test_in_an_exclusion_the_clearance_excludes_only_with_a_creatinine_above_normal():
    text = "Creatinine clearance < 45 mL/min for patients with creatinine levels above institutional normal"
    rule = parse_criterion(text, Section.EXCLUSION, None)
    assert rule.kind == "all_of"
    assert _limits(rule) == [
        ("creatinine", Comparator.GT, 1.0, None, "uln"),
        ("crcl", Comparator.LT, 45.0, "mL/min", None),
    ]


def test_beside_its_creatinine_alternative_the_clause_adds_nothing():
    text = (
        "creatinine < 1.5 X institutional upper limit of normal OR creatinine clearance ≥ 60 mL/min/1.73 m2 "
        "for patients with creatinine levels above institutional normal."
    )
    rule = parse_criterion(text, Section.INCLUSION, None)
    assert rule.kind == "any_of"
    assert _limits(rule) == [
        ("creatinine", Comparator.LT, 1.5, None, "uln"),
        ("egfr", Comparator.GE, 60.0, "mL/min/1.73m2", None),
    ]


def test_creatinine_and_or_clearance_in_an_inclusion_is_met_by_either():
    rule = parse_criterion(
        "Renal: Creatinine less than 1.5 mg/dL AND/OR Creatinine clearance greater than 75 mL/min",
        Section.INCLUSION,
        None,
    )
    assert rule.kind == "any_of"
    assert _limits(rule) == [
        ("creatinine", Comparator.LT, 1.5, "mg/dL", None),
        ("crcl", Comparator.GT, 75.0, "mL/min", None),
    ]


def test_calculated_or_measured_names_how_the_clearance_is_obtained_not_an_alternative():
    text = "Serum creatinine > 2.0 mg/dl and a calculated or measured creatinine clearance of < 50 ml/minute"
    rule = parse_criterion(text, Section.EXCLUSION, None)
    assert rule.kind == "all_of"
    assert _limits(rule) == [
        ("creatinine", Comparator.GT, 2.0, "mg/dL", None),
        ("crcl", Comparator.LT, 50.0, "mL/min", None),
    ]
    either = parse_criterion(
        "Serum creatinine > 2.0 mg/dl or measured or calculated creatinine clearance < 50 ml/min",
        Section.EXCLUSION,
        None,
    )
    assert either.kind == "any_of"


def test_an_exclusion_admitting_gilbert_patients_below_a_wider_limit_excludes_them_only_beyond_it():
    text = (
        "Total bilirubin > 1.5 x ULN. "
        "Patients with Gilbert's syndrome may be enrolled if total bilirubin is < 3 x ULN"
    )
    rule = parse_criterion(text, Section.EXCLUSION, None)
    assert (rule.kind, rule.analyte, rule.comparator, rule.value, rule.multiple_of) == (
        "lab",
        "bilirubin",
        Comparator.GT,
        1.5,
        "uln",
    )
    [gilbert] = rule.exceptions
    assert (gilbert.concept, gilbert.comparator, gilbert.value, gilbert.multiple_of) == (
        "gilbert_syndrome",
        Comparator.GE,
        3.0,
        "uln",
    )
