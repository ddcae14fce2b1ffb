"""Conditions, notes and lists around lab thresholds that the reader reads whole (theme: partly read lists,
lab conditions and exceptions): what each reading decides for a patient on either side of the threshold."""

from __future__ import annotations

from typing import Any

from one_criterion import outcome, patient

from trialmatch.domain.criteria import AllOf, NeedsReview, parse_criterion
from trialmatch.domain.criteria.lab import LabThreshold
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.facts import PatientFacts
from trialmatch.domain.trial import Section

INC, EXC = Section.INCLUSION, Section.EXCLUSION


# --- a condition that narrows whom the threshold is for ---------------------------------------------------

SIGNIFICANT = "Alkaline phosphatase >2.5 × ULN, if considered clinically significant by Investigator"


def test_a_narrowing_condition_is_kept_as_an_unchecked_exception_without_a_concept():
    rule = parse_criterion(SIGNIFICANT, EXC)
    assert isinstance(rule, LabThreshold)
    assert (rule.analyte, rule.comparator.symbol, rule.value, rule.multiple_of) == ("alp", ">", 2.5, "uln")
    (exception,) = rule.exceptions
    assert (exception.concept, exception.waived) == (None, True)
    assert exception.text == "if considered clinically significant by Investigator"


def test_an_exclusion_value_past_a_narrowed_threshold_is_unknown_and_a_normal_one_passes():
    high = patient(labs=[{"test": "ALP", "value": 400, "unit": "U/L", "uln": 120}])
    normal = patient(labs=[{"test": "ALP", "value": 100, "unit": "U/L", "uln": 120}])
    assert outcome(EXC, SIGNIFICANT, high) is Outcome.UNKNOWN
    assert outcome(EXC, SIGNIFICANT, normal) is Outcome.PASS


def test_an_inclusion_value_short_of_a_narrowed_threshold_is_unknown_and_one_meeting_it_passes():
    text = "Oxygen saturation greater than 90% for patients with symptomatic lung disease"
    assert outcome(INC, text, patient(labs=[{"test": "SpO2", "value": 85, "unit": "%"}])) is Outcome.UNKNOWN
    assert outcome(INC, text, patient(labs=[{"test": "SpO2", "value": 96, "unit": "%"}])) is Outcome.PASS


def test_a_condition_after_several_thresholds_is_kept_for_review():
    # the exclusion needs the thresholds and the condition: met thresholds leave it to the clinician
    # (see test_partial_readings)
    rule = parse_criterion(
        "The ANC <1000/cmm, or platelet count <50,000/cmm, if not judged by the"
        " investigator to be due to underlying disease",
        EXC,
    )
    assert isinstance(rule, AllOf)
    assert isinstance(rule.children[1], NeedsReview)
    assert rule.children[1].text.startswith("if not judged by the investigator")


def test_with_adds_an_alternative_and_a_cause_in_an_inclusion_gives_a_reason_neither_narrows():
    alternative = "Diabetics with HbA1c greater than or equal to 10%, or with a history of retinopathy"
    assert isinstance(parse_criterion(alternative, EXC), NeedsReview)
    reason = "Patient weight of ≥ 50 kg due to fixed cell dosing and pre-dosed packaging."
    weight = parse_criterion(reason, INC)  # the reason is the product's (lab_size_reasons): no exception
    assert isinstance(weight, LabThreshold)
    assert (weight.analyte, weight.value, weight.exceptions) == ("body_weight", 50.0, [])


# --- how the value is obtained ------------------------------------------------------------------------------


def test_a_machine_derived_qt_value_by_another_correction_is_not_claimed():
    text = (
        "Mean resting QTc > 470 msec, obtained from 3 ECGs, using the screening clinic ECG machine-derived"
        " {} value."
    )
    read = parse_criterion(text.format("QTcF"), EXC)
    assert isinstance(read, LabThreshold)
    assert (read.analyte, read.comparator.symbol, read.value, read.unit) == ("qtcf", ">", 470.0, "ms")
    assert isinstance(parse_criterion(text.format("QTcB"), EXC), NeedsReview)


def test_a_note_on_who_must_be_tested_is_claimed_only_when_its_subject_is_the_test_alone():
    text = "Cardiac ejection fraction < 40%; {} is required if the patient has a history of anthracyclines"
    read = parse_criterion(text.format("ejection fraction"), EXC)
    assert isinstance(read, LabThreshold)
    assert (read.analyte, read.comparator.symbol, read.value, read.unit) == ("lvef", "<", 40.0, "%")
    assert isinstance(parse_criterion(text.format("normal ejection fraction"), EXC), NeedsReview)


def test_a_threshold_required_under_a_condition_is_not_a_note_on_testing():
    """The clearance is the alternative of the creatinine limit its condition leaves unmet, not a note."""
    rule = parse_criterion(
        "Creatinine ≤ 1.5 x ULN; creatinine clearance ≥ 60 mL/min is required if creatinine > 1.5 x ULN", INC
    )
    assert rule.kind == "any_of"
    creatinine, clearance = rule.children  # type: ignore[attr-defined]
    assert isinstance(creatinine, LabThreshold)
    assert (creatinine.analyte, creatinine.comparator.symbol, creatinine.value, creatinine.multiple_of) == (
        "creatinine",
        "≤",
        1.5,
        "uln",
    )
    assert (clearance.kind, clearance.analyte, clearance.comparator.symbol, clearance.value) == (
        "derived",
        "crcl",
        "≥",
        60.0,
    )


# --- odd ways to print a limit ------------------------------------------------------------------------------


def test_a_percentage_above_the_upper_limit_is_a_multiple_of_it():
    read = parse_criterion("Creatinine no more than 50% above the upper limit of normal", INC)
    assert isinstance(read, LabThreshold)
    assert (read.analyte, read.comparator.symbol, read.value, read.unit, read.multiple_of) == (
        "creatinine",
        "≤",
        1.5,
        None,
        "uln",
    )
    high = patient(labs=[{"test": "creatinine", "value": 1.6, "unit": "mg/dL", "uln": 1.0}])
    assert outcome(INC, "Creatinine no more than 50% above the upper limit of normal", high) is Outcome.FAIL


# --- a threshold in a condition -----------------------------------------------------------------------------


def test_a_threshold_after_another_analytes_name_in_a_condition_is_not_the_bases_exception():
    text = "Total bilirubin ≤ 1.5 × ULN (except Gilbert syndrome, who need only direct bilirubin ≤ 1.5 × ULN)"
    assert isinstance(parse_criterion(text, INC), NeedsReview)


def test_an_alternative_for_those_above_the_limit_is_read_as_an_alternative():
    text = "Serum bilirubin ≤1.5 x ULN (or direct bilirubin <1.5 x ULN when total bilirubin is above ULN)."
    rule = parse_criterion(text, INC)
    assert [(lab.analyte, lab.comparator.symbol, lab.value) for lab in _labs_of(rule)] == [
        ("bilirubin", "≤", 1.5),
        ("direct_bilirubin", "<", 1.5),
    ]
    assert rule.kind == "any_of"


def test_a_threshold_before_another_analytes_name_in_a_condition_stays_the_bases():
    rule = parse_criterion(
        "Alkaline phosphatase no greater than 2.5 times ULN (no greater than 5.0 times ULN if AST/ALT"
        " normal)",
        INC,
    )
    assert isinstance(rule, LabThreshold)
    (exception,) = rule.exceptions
    assert (exception.concept, exception.comparator.symbol, exception.value, exception.multiple_of) == (
        None,
        "≤",
        5.0,
        "uln",
    )


# --- headings inside an organ-function list -----------------------------------------------------------------


def test_a_heading_naming_a_group_of_tests_is_claimed():
    read = parse_criterion(
        "c) Doppler ultrasound evaluation: left ventricular ejection fraction (LVEF) ≥ 50%", INC
    )
    assert isinstance(read, LabThreshold)
    assert (read.analyte, read.comparator.symbol, read.value, read.unit) == ("lvef", "≥", 50.0, "%")


def test_a_heading_with_a_word_that_is_no_test_group_stays_unread():
    assert isinstance(parse_criterion("Hepatitis examination: ALT ≤ 3 x ULN", INC), NeedsReview)


# --- an alternative set of thresholds for patients with a condition -----------------------------------------

GILBERT = (
    "Total bilirubin ≤1.5 upper limit of normal (ULN) (except in patients with Gilbert's syndrome, who may be"
    " included if total bilirubin is ≤3.0 x ULN and direct bilirubin is ≤1.5 x ULN))"
)


def _bilirubin(total: float, direct: float, **findings: bool) -> PatientFacts:
    labs = [
        {"test": "total bilirubin", "value": total, "unit": "mg/dL", "uln": 1.0},
        {"test": "direct bilirubin", "value": direct, "unit": "mg/dL", "uln": 0.3},
    ]
    return patient(labs=labs, findings={k.replace("_", " "): v for k, v in findings.items()})


def test_the_alternative_thresholds_hold_for_patients_with_the_condition_only():
    assert outcome(INC, GILBERT, _bilirubin(2.5, 0.3, Gilbert_syndrome=True)) is Outcome.PASS
    assert outcome(INC, GILBERT, _bilirubin(2.5, 0.3, Gilbert_syndrome=False)) is Outcome.FAIL
    assert outcome(INC, GILBERT, _bilirubin(2.5, 0.3)) is Outcome.UNKNOWN
    assert outcome(INC, GILBERT, _bilirubin(2.5, 0.6, Gilbert_syndrome=True)) is Outcome.FAIL
    assert outcome(INC, GILBERT, _bilirubin(1.2, 0.6)) is Outcome.PASS


def test_an_alternative_for_patients_with_a_condition_is_not_read_in_an_exclusion():
    text = (
        "Total bilirubin > 1.5 x ULN; or total bilirubin > 3 x ULN with direct bilirubin > ULN in patients"
        " with Gilbert's syndrome"
    )
    assert isinstance(parse_criterion(text, EXC), NeedsReview)


def test_an_hba1c_in_ifcc_units_takes_the_bracketed_percentage_that_agrees_with_it():
    read = parse_criterion("HbA1c ≥48 mmol/mol (6.5%)", EXC)
    assert isinstance(read, LabThreshold)
    assert (read.analyte, read.comparator.symbol, read.value, read.unit) == ("hba1c", "≥", 6.5, "%")
    assert isinstance(parse_criterion("HbA1c ≥58 mmol/mol (6.5%)", EXC), NeedsReview)


def test_regardless_of_whether_patients_have_a_condition_leaves_the_threshold_for_everyone():
    text = "Serum bilirubin < 1.5 mg/dL, regardless of whether patients have liver involvement due to tumor."
    read = parse_criterion(text, INC)
    assert isinstance(read, LabThreshold)
    assert (read.analyte, read.comparator.symbol, read.value, read.unit, read.exceptions) == (
        "bilirubin",
        "<",
        1.5,
        "mg/dL",
        [],
    )


def test_a_bracket_stating_the_normal_limit_is_not_read_as_a_threshold_of_its_own():
    text = "AST >3 times the upper limit of the reference range (upper normal limit AST >=40 units/L)"
    assert isinstance(parse_criterion(text, EXC), NeedsReview)


def test_an_exclusion_exception_printed_as_the_values_allowed_excludes_from_the_opposite_bound():
    text = (
        "serum total bilirubin >1.5 x upper limit of normal (ULN), in the case of known Gilbert's syndrome, a"
        " higher serum total bilirubin (<2 X ULN) is allowed"
    )
    rule = parse_criterion(text, EXC)
    assert isinstance(rule, LabThreshold)
    (exception,) = rule.exceptions
    assert (exception.comparator.symbol, exception.value, exception.multiple_of) == ("≥", 2.0, "uln")
    between = patient(labs=[{"test": "total bilirubin", "value": 1.8, "unit": "mg/dL", "uln": 1.0}])
    above = patient(labs=[{"test": "total bilirubin", "value": 2.5, "unit": "mg/dL", "uln": 1.0}])
    assert outcome(EXC, text, between) is Outcome.UNKNOWN
    assert outcome(EXC, text, above) is Outcome.FAIL


def test_an_alternative_for_those_failing_the_base_is_read_only_when_its_condition_covers_them():
    text = "Total bilirubin < 1.5 x ULN or direct bilirubin ≤ ULN for subjects with bilirubin {} 1.5 x ULN"
    assert [lab.analyte for lab in _labs_of(parse_criterion(text.format("≥"), INC))] == [
        "bilirubin",
        "direct_bilirubin",
    ]
    assert isinstance(parse_criterion(text.format(">"), INC), NeedsReview)  # 1.5 x ULN itself is left out


def _labs_of(rule: Any) -> list[LabThreshold]:
    if isinstance(rule, LabThreshold):
        return [rule]
    return [lab for child in getattr(rule, "children", []) for lab in _labs_of(child)]


def test_normal_before_an_analyte_with_its_own_threshold_is_what_the_threshold_says():
    read = parse_criterion("Normal serum creatinine ≤ 1.5 mg/dL", INC)
    assert isinstance(read, LabThreshold)
    assert (read.analyte, read.comparator.symbol, read.value, read.unit, read.multiple_of) == (
        "creatinine",
        "≤",
        1.5,
        "mg/dL",
        None,
    )
