"""One blocking word or phrase: a count unit misprinted, a weight class named before its BMI range, an
exclusion saying it excludes, what the marrow must be adequate for, counts in lakhs; and the words that
change a sentence's meaning, which keep it for review."""

from __future__ import annotations

import pytest
from one_criterion import entered, outcome, patient, review, thresholds

from trialmatch.domain.criteria import parse_criterion
from trialmatch.domain.criteria.logic import leaves
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section
from trialmatch.domain.units import convert

INC, EXC = Section.INCLUSION, Section.EXCLUSION
PASS, FAIL, UNKNOWN = Outcome.PASS, Outcome.FAIL, Outcome.UNKNOWN


def test_a_count_per_ml3_is_a_count_per_cubic_millimetre_misprinted() -> None:
    text = (
        "Patients must have, within 6 weeks prior to entry, a hemoglobin (Hgb) of >=10 gm, a white blood cell"
        " (WBC) count of >= 4000 cells/ml3, a platelet count of >= 100,000 cells/ml3, a serum bilirubin"
        " <= the institutional upper limit of normal, and a serum creatinine of <= 2.0 times the"
        " institutional upper limit of normal."
    )
    rule = parse_criterion(text, INC)
    assert [(t.analyte, t.comparator.value, t.value, t.unit, t.multiple_of) for t in thresholds(rule)] == [
        ("hemoglobin", ">=", 10.0, "g/dL", None),
        ("wbc", ">=", 4000.0, "/µL", None),
        ("platelets", ">=", 100000.0, "/µL", None),
        ("bilirubin", "<=", 1.0, None, "uln"),
        ("creatinine", "<=", 2.0, None, "uln"),
    ]
    assert rule.kind == "all_of"
    low = patient(labs=entered(("wbc", 3.1, "10^9/L"), ("platelets", 250, "10^9/L")))
    assert outcome(INC, "White blood cell (WBC) count of >= 4000 cells/ml3", low) is FAIL


def test_a_weight_class_named_before_its_bmi_range_restates_it() -> None:
    text = (
        "Overweight/obesity will be defined by body mass index (overweight 25-29.9 kg/m2 or obesity 30 kg/m2"
        " or greater)."
    )
    rule = parse_criterion(text, INC)
    assert rule.kind == "any_of"
    assert [(t.analyte, t.comparator.value, t.value, t.unit) for t in leaves(rule)] == [
        ("bmi", ">=", 25.0, "kg/m2"),
        ("bmi", "<=", 29.9, "kg/m2"),
        ("bmi", ">=", 30.0, "kg/m2"),
    ]
    assert outcome(INC, text, patient(weight_kg=78, height_cm=170)) is PASS  # BMI 27.0
    assert outcome(INC, text, patient(weight_kg=98, height_cm=170)) is PASS  # BMI 33.9
    assert outcome(INC, text, patient(weight_kg=64, height_cm=170)) is FAIL  # BMI 22.1
    assert outcome(INC, text, patient()) is UNKNOWN


def test_an_exclusion_saying_it_excludes_repeats_its_section() -> None:
    text = "Participants with liver function tests (AST or ALT) greater than twice the ULN will be excluded."
    rule = parse_criterion(text, EXC)
    assert rule.kind == "any_of"
    assert [(t.analyte, t.comparator.value, t.value, t.multiple_of) for t in thresholds(rule)] == [
        ("ast", ">", 2.0, "uln"),
        ("alt", ">", 2.0, "uln"),
    ]
    raised = patient(labs=entered(("ALT", 95, "U/L"), ("AST", 30, "U/L")))
    assert outcome(EXC, text, raised) is FAIL
    assert outcome(EXC, text, patient(labs=entered(("ALT", 35, "U/L"), ("AST", 30, "U/L")))) is PASS
    assert "not" in review("Patients with creatinine > 2 x ULN are not excluded", EXC)


def test_what_the_marrow_must_be_adequate_for_ends_the_heading() -> None:
    text = (
        "Adequate marrow function for lymphodepletion chemotherapy: 14 days before enrollment, absolute"
        " neutrophil count (ANC) ≥ 1×10^9/L, platelet count ≥ 30×10^9/L, hemoglobin ≥ 80 g/L without blood"
        " transfusion;"
    )
    rule = parse_criterion(text, INC)
    assert rule.kind == "all_of"
    assert [(t.analyte, t.comparator.value, t.value, t.unit) for t in thresholds(rule)] == [
        ("anc", ">=", 1.0, "10^9/L"),
        ("platelets", ">=", 30.0, "10^9/L"),
        ("hemoglobin", ">=", 80.0, "g/L"),
    ]
    assert thresholds(rule)[2].qualifier == "without blood transfusion"
    low = patient(
        labs=entered(("ANC", 0.8, "10^9/L"), ("platelets", 120, "10^9/L"), ("hemoglobin", 11, "g/dL"))
    )
    assert outcome(INC, text, low) is FAIL
    assert "failure chemotherapy" in review("Renal failure for chemotherapy: creatinine > 3 mg/dL", EXC)


def test_a_count_in_lakhs_per_cubic_millimetre_is_read_as_printed() -> None:
    text = "Platelet: >1.5Lakh per cumm"
    rule = parse_criterion(text, INC)
    assert [(t.analyte, t.comparator.value, t.value, t.unit) for t in thresholds(rule)] == [
        ("platelets", ">", 1.5, "10^5/µL"),
    ]
    assert convert(1.5, "10^5/µL", "/µL") == pytest.approx(150_000)
    assert outcome(INC, text, patient(labs=entered(("platelets", 120, "10^9/L")))) is FAIL
    assert outcome(INC, text, patient(labs=entered(("platelets", 210_000, "/µL")))) is PASS
    rule = parse_criterion("Platelet count ≥ 1 x 10^5/mm3", INC)
    assert [(t.analyte, t.value, t.unit) for t in thresholds(rule)] == [("platelets", 1.0, "10^5/µL")]
