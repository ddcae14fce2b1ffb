"""Sentences whose first number comes before any analyte name: a grade heading over a lettered lab list, a
grade restated by the bracket after its analyte, a value printed before the test it bounds. The rule values a
clinician checks, and the verdicts they give."""

from __future__ import annotations

from one_criterion import outcome, patient, thresholds

from trialmatch.domain.criteria import Rule, parse_criterion
from trialmatch.domain.criteria.base import Comparator
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.facts import PatientFacts
from trialmatch.domain.trial import Section

INC = Section.INCLUSION
EXC = Section.EXCLUSION
ALL_OF_THE_FOLLOWING = "Subjects must meet all of the following criteria to be enrolled into the study"


def _values(rule: Rule) -> list[tuple[str, Comparator, float, str | None, str | None]]:
    return [(t.analyte, t.comparator, t.value, t.unit, t.multiple_of) for t in thresholds(rule)]


def test_a_ctcae_grade_heading_over_a_lettered_blood_count_list_is_read_as_the_list() -> None:
    text = (
        "Baseline routine blood tests within 1 week prior to enrollment is normal, with CTCAE grade ≤1 "
        "(based on normal values at each site's laboratory): a) Neutrophil count (ANC) ≥ 1.5 × 109/L; b) "
        "platelet count (PLT ) ≥ 100 × 109/L; c) Hemoglobin ≥9.0 g/dL. "
    )
    rule = parse_criterion(text, INC, ALL_OF_THE_FOLLOWING)
    assert rule.kind == "all_of"
    assert _values(rule) == [
        ("anc", Comparator.GE, 1.5, "10^9/L", None),
        ("platelets", Comparator.GE, 100, "10^9/L", None),
        ("hemoglobin", Comparator.GE, 9.0, "g/dL", None),
    ]
    counts = [
        {"test": "anc", "value": 2.0, "unit": "10^9/L"},
        {"test": "platelets", "value": 150, "unit": "10^9/L"},
    ]
    low = patient(labs=[*counts, {"test": "hemoglobin", "value": 8.5, "unit": "g/dL"}])
    fine = patient(labs=[*counts, {"test": "hemoglobin", "value": 11, "unit": "g/dL"}])
    assert outcome(INC, text, low, ALL_OF_THE_FOLLOWING) is Outcome.FAIL
    assert outcome(INC, text, fine, ALL_OF_THE_FOLLOWING) is Outcome.PASS
    assert outcome(INC, text, patient(labs=counts), ALL_OF_THE_FOLLOWING) is Outcome.UNKNOWN


def test_a_ctcae_grade_heading_over_liver_and_kidney_limits_keeps_each_limit() -> None:
    text = (
        "Liver and kidney function test results are normal within 1 week prior to enrollment, with CTCAE "
        "grade ≤1 (based on normal values at each site's laboratory): a) Total bilirubin (TBIL) ≤ 1.5× the "
        "upper limit of normal value (ULN); b) Serum Glutamic Pyruvic Transaminase/Alanine "
        "Aminotransferease (SGPT /ALT) ≤ 2.5× ULN; c) Serum Glutamic-oxaloacetic Transaminase/Aspartate "
        "Aminotransferase (SGOT /AST) ≤ 2.5× ULN; d) Creatinine clearance (Ccr) ≥60 ml/min. "
    )
    rule = parse_criterion(text, INC, ALL_OF_THE_FOLLOWING)
    assert rule.kind == "all_of"
    lab_values = [(t.analyte, t.comparator, t.value, t.multiple_of) for t in thresholds(rule)]
    assert lab_values == [
        ("bilirubin", Comparator.LE, 1.5, "uln"),
        ("alt", Comparator.LE, 2.5, "uln"),
        ("ast", Comparator.LE, 2.5, "uln"),
    ]
    clearance = rule.children[-1]  # type: ignore[attr-defined]
    assert (clearance.analyte, clearance.comparator, clearance.value, clearance.unit) == (
        "crcl",
        Comparator.GE,
        60,
        "mL/min",
    )


def test_a_grade_heading_before_words_it_does_not_define_stays_for_review() -> None:
    text = "Patients with liver metastases, with CTCAE grade ≤1: a) Total bilirubin (TBIL) ≤ 1.5× ULN"
    assert parse_criterion(text, INC, None).kind == "review"


def _qtc(value: float) -> PatientFacts:
    return patient(labs=[{"test": "qtcf", "value": value, "unit": "ms"}])


def test_a_grade_before_the_qtc_its_bracket_restates_reads_the_bracketed_threshold() -> None:
    text = "Grade 2 or higher QTc prolongation (>480 msec per NCI-CTCAE criteria version 5.0)"
    rule = parse_criterion(text, EXC, None)
    assert _values(rule) == [("qtcf", Comparator.GT, 480, "ms", None)]
    assert outcome(EXC, text, _qtc(495)) is Outcome.FAIL
    assert outcome(EXC, text, _qtc(450)) is Outcome.PASS
    assert outcome(EXC, text, patient()) is Outcome.UNKNOWN


def test_a_grade_whose_bracket_bounds_the_other_side_stays_for_review() -> None:
    assert parse_criterion("Grade 2 or higher QTc prolongation (<480 msec)", EXC, None).kind == "review"


def test_the_ctcae_edition_cited_after_a_threshold_adds_nothing_to_it() -> None:
    for text in ("Bilirubin ≤ 1.5 x ULN (CTCAE v5.0)", "Bilirubin ≤ 1.5 x ULN per CTCAE version 5"):
        rule = parse_criterion(text, INC, None)
        assert _values(rule) == [("bilirubin", Comparator.LE, 1.5, None, "uln")], text


def _lvef(value: float) -> PatientFacts:
    return patient(labs=[{"test": "lvef", "value": value, "unit": "%"}])


def test_a_bracketed_item_number_is_skipped_and_lv_systolic_dysfunction_is_defined_by_its_bracket() -> None:
    text = (
        "(5) Patients with significant valvular heart disease or severe left ventricular systolic "
        "dysfunction (ejection fraction <35%)"
    )
    rule = parse_criterion(text, EXC, None)
    assert rule.kind == "any_of"
    valves, fraction = rule.children  # type: ignore[attr-defined]
    assert (valves.kind, valves.concept, valves.present) == ("finding", "valvular_heart_disease", True)
    assert (fraction.analyte, fraction.comparator, fraction.value, fraction.unit) == (
        "lvef",
        Comparator.LT,
        35,
        "%",
    )
    for value, verdict in ((30, Outcome.FAIL), (55, Outcome.PASS)):
        no_valve_disease = patient(
            findings={"valvular heart disease": False}, labs=[{"test": "lvef", "value": value, "unit": "%"}]
        )
        assert outcome(EXC, text, no_valve_disease) is verdict
    assert outcome(EXC, text, _lvef(30)) is Outcome.FAIL
    assert outcome(EXC, text, _lvef(55)) is Outcome.UNKNOWN  # valve disease not recorded either way


def test_an_item_number_in_brackets_before_an_age_or_findings_is_skipped() -> None:
    age = parse_criterion("(1) Subject must be at least 19 years of age", INC, None)
    assert (age.kind, age.min) == ("age", 19)  # type: ignore[attr-defined]
    assert parse_criterion("(6) Pregnancy or breast feeding", EXC, None).kind == "any_of"


def test_numbered_parts_left_whole_in_one_item_are_not_read_as_one_item_number() -> None:
    text = "(1) a known allergy to dexmedetomidine; (2) a heart rate (HR) <45 beats per minute (bpm)"
    assert parse_criterion(text, EXC, None).kind == "review"


def test_left_ventricular_failure_stays_a_finding_beside_its_threshold() -> None:
    rule = parse_criterion("left ventricular failure (LVEF < 40%)", EXC, None)
    assert rule.kind == "all_of"
