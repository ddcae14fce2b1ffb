"""The paired organ-function items of a Chinese-sponsored protocol (NCT05686434): "(Lack of) adequate bone
marrow reserve or organ function (demonstrated by any of the following laboratory values: ...; Serum
creatinine ... with creatinine clearance ... [as measured or calculated by Cockcroft and Gault formulas])";
the exclusion's semicolon items each exclude, the "with" binding creatinine and clearance inside its item."""

from __future__ import annotations

from one_criterion import (
    entered,
    exclusion,
    inclusion,
    limits_with_multiples,
    outcome,
    patient,
)

from trialmatch.domain.criteria.logic import AllOf, AnyOf
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

EXC, INC = Section.EXCLUSION, Section.INCLUSION
PASS, FAIL, UNKNOWN = Outcome.PASS, Outcome.FAIL, Outcome.UNKNOWN

LACK = (
    "Lack of adequate bone marrow reserve or organ function (demonstrated by any of the following laboratory "
    "values: absolute neutrophil count <1.5×10⁹/L;Platelet count <100×10⁹/L;Hemoglobin <90 g/L;Alanine "
    "aminotransferase > 2.5 ULN; Aspartate aminotransferase >2.5 times ULN;Total bilirubin > 1.5 ULN;Serum "
    "creatinine >1.5 ULN with creatinine clearance <50 mL/min [as measured or calculated by Cockcroft and "
    "Gault formulas] - creatinine clearance only needs to be confirmed when creatinine >1.5 ULN);"
)
ADEQUATE = (
    "Adequate bone marrow reserve or organ function (demonstrated by any of the following laboratory values: "
    "absolute neutrophil count ≥1.5×10⁹/L; Platelet count ≥100×10⁹/L; Hemoglobin ≥90 g/L; Alanine "
    "aminotransferase ≤ 2.5 ULN; Aspartate aminotransferase ≤2.5 times ULN; Total bilirubin ≤ 1.5 ULN; Serum "
    "creatinine ≤1.5 ULN with creatinine clearance ≥60 mL/min [as measured or calculated by Cockcroft and "
    "Gault formulas]);"
)
NORMAL = (
    ("ANC", 3.0, "10^9/L"),
    ("Platelets", 200.0, "10^9/L"),
    ("Hemoglobin", 120.0, "g/L"),
    ("ALT", 30.0, "U/L"),
    ("AST", 30.0, "U/L"),
    ("Total bilirubin", 0.8, "mg/dL"),
)


def test_the_exclusion_excludes_on_any_item_creatinine_only_with_its_clearance() -> None:
    rule = exclusion(LACK)
    assert isinstance(rule, AnyOf)
    assert limits_with_multiples(rule) == [
        ("anc", "<", 1.5, "10^9/L", None),
        ("platelets", "<", 100.0, "10^9/L", None),
        ("hemoglobin", "<", 90.0, "g/L", None),
        ("alt", ">", 2.5, None, "uln"),
        ("ast", ">", 2.5, None, "uln"),
        ("bilirubin", ">", 1.5, None, "uln"),
        ("creatinine", ">", 1.5, None, "uln"),
        ("crcl", "<", 50.0, "mL/min", None),
    ]
    renal = rule.children[-1]
    assert isinstance(renal, AllOf)
    assert len(renal.children) == 2


def test_a_low_platelet_count_alone_excludes() -> None:
    low = [lab for lab in NORMAL if lab[0] != "Platelets"] + [("Platelets", 50.0, "10^9/L")]
    fine = [
        *NORMAL,
        ("Creatinine", 0.8, "mg/dL"),
        ("Creatinine clearance", 90.0, "mL/min"),
    ]
    assert outcome(EXC, LACK, patient(labs=entered(*low, ("Creatinine clearance", 90.0, "mL/min")))) is FAIL
    assert outcome(EXC, LACK, patient(labs=entered(*fine))) is PASS
    assert outcome(EXC, LACK, patient(labs=entered(*NORMAL))) is UNKNOWN


def test_semicolons_then_a_last_and_stay_one_literal_and() -> None:
    text = (
        "Creatinine > 1.5 x institutional upper limit of normal (ULN); total bilirubin > 1.5 x ULN; and "
        "aspartate aminotransferase (AST) > 2.5 x ULN"
    )
    assert isinstance(exclusion(text), AllOf)


def test_the_inclusion_requires_every_value() -> None:
    rule = inclusion(ADEQUATE)
    assert isinstance(rule, AllOf)
    assert limits_with_multiples(rule)[-2:] == [
        ("creatinine", "≤", 1.5, None, "uln"),
        ("crcl", "≥", 60.0, "mL/min", None),
    ]
    fine = patient(
        labs=entered(*NORMAL, ("Creatinine", 0.8, "mg/dL"), ("Creatinine clearance", 90.0, "mL/min"))
    )
    assert outcome(INC, ADEQUATE, fine) is PASS
    anaemic = [lab for lab in NORMAL if lab[0] != "Hemoglobin"] + [("Hemoglobin", 80.0, "g/L")]
    assert outcome(INC, ADEQUATE, patient(labs=entered(*anaemic))) is FAIL
    assert outcome(INC, ADEQUATE, patient(labs=entered(*NORMAL))) is UNKNOWN


def test_a_scan_that_must_have_demonstrated_the_ejection_fraction() -> None:
    text = (
        "Baseline multiple-gated acquisition scan (MUGA) or echocardiogram must have demonstrated left "
        "ventricular ejection fraction (LVEF) ≥ the lower limit of the institutional normal"
    )
    assert limits_with_multiples(inclusion(text)) == [("lvef", "≥", 1.0, None, "lln")]
