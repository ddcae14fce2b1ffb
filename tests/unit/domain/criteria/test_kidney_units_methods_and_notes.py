"""Kidney function and electrolyte sentences: units with a wrong prefix, methods named after another limit,
notes opening a conditional sentence; each judged for the patients a clinician would check it on."""

from __future__ import annotations

import pytest
from one_criterion import entered, limits_with_multiples, outcome, patient, review

from trialmatch.domain.criteria import AllOf, AnyOf, FindingRule, LabThreshold, parse_criterion
from trialmatch.domain.criteria.derived import DerivedValueRule
from trialmatch.domain.criteria.logic import leaves
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

INC, EXC = Section.INCLUSION, Section.EXCLUSION
PASS, FAIL, UNKNOWN = Outcome.PASS, Outcome.FAIL, Outcome.UNKNOWN


NOTE_IF = (
    "Creatinine =< institutional upper limit normal (ULN), CTCAE v 3.0 grade 0; NOTE: if creatinine > ULN, "
    "creatinine clearance must be > 50 mL/min"
)


def test_a_note_opening_a_conditional_sentence_is_read_as_the_condition() -> None:
    rule = parse_criterion(NOTE_IF, INC, None)
    assert isinstance(rule, AnyOf)
    assert limits_with_multiples(rule) == [
        ("creatinine", "≤", 1.0, None, "uln"),
        ("crcl", ">", 50.0, "mL/min", None),
    ]


@pytest.mark.parametrize(
    ("creatinine", "clearance", "expected"),
    [(0.9, None, PASS), (1.8, 70.0, PASS), (1.8, 40.0, FAIL), (1.8, None, UNKNOWN)],
)
def test_a_note_opening_a_conditional_sentence_verdicts(
    creatinine: float, clearance: float | None, expected: Outcome
) -> None:
    labs = [("Creatinine", creatinine, "mg/dL")]
    if clearance is not None:
        labs.append(("Creatinine clearance", clearance, "mL/min"))
    facts = patient(labs=[{**lab, "uln": 1.2} for lab in entered(*labs)])
    assert outcome(INC, NOTE_IF, facts) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Renal: Creatinine no greater than 2.0 g/dL", [("creatinine", "≤", 2.0, "mg/dL", None)]),
        ("Hemoglobin greater than 8 mg/dL", [("hemoglobin", ">", 8.0, "g/dL", None)]),
        (
            "Creatinine < 130 mmol/l or creatinine clearance > 50 ml/min; measured or calculated",
            [("creatinine", "<", 130.0, "µmol/L", None), ("crcl", ">", 50.0, "mL/min", None)],
        ),
    ],
)
def test_a_unit_printed_with_the_wrong_prefix_is_read_in_the_one_prefix_that_fits(
    text: str, expected: list[tuple[str, str, float, str | None, str | None]]
) -> None:
    rule = parse_criterion(text, INC, None)
    assert limits_with_multiples(rule) == expected
    assert [t.unit_inferred for t in leaves(rule) if isinstance(t, LabThreshold)] == [True]


def test_a_misprint_of_the_volume_is_no_prefix_and_stays_for_review() -> None:
    # "Hemoglobin >= 9 g/L" is read (9 g/dL and 90 g/L are one limit); PSA in ng/dL is 4 ng/mL or 40?
    assert "a unit typo?" in review("PSA <4.00 ng/dL")


@pytest.mark.parametrize(("creatinine", "expected"), [(1.4, PASS), (2.6, FAIL)])
def test_a_creatinine_limit_printed_in_grams_verdicts(creatinine: float, expected: Outcome) -> None:
    facts = patient(labs=entered(("Creatinine", creatinine, "mg/dL")))
    assert outcome(INC, "Renal: Creatinine no greater than 2.0 g/dL", facts) is expected


@pytest.mark.parametrize(("creatinine", "expected"), [(110.0, PASS), (160.0, FAIL)])
def test_a_creatinine_limit_printed_in_millimoles_verdicts(creatinine: float, expected: Outcome) -> None:
    facts = patient(labs=entered(("Creatinine", creatinine, "µmol/L")))
    assert outcome(INC, "Creatinine < 130 mmol/l", facts) is expected


CYSTATIN = (
    "eGFR <60 mL/min/1.73 m^2 and UACR >100 mg/g (0.100 mg/mg), or eGFR <75 mL/min/1.73 m^2 and UACR "
    ">300 mg/g (0.300 mg/mg) (eGFR is calculated by central lab based on Chronic Kidney Disease "
    "Epidemiology Collaboration (CKD-EPI) creatinine-cystatin c equation as determined by central lab)"
)


def test_a_method_naming_its_gfr_after_another_threshold_is_the_method_of_every_gfr_before_it() -> None:
    rule = parse_criterion(CYSTATIN, INC, None)
    assert isinstance(rule, AnyOf)
    assert [limits_with_multiples(pair) for pair in rule.children] == [
        [("egfr", "<", 60.0, "mL/min/1.73m2", None), ("uacr", ">", 100.0, "mg/g", None)],
        [("egfr", "<", 75.0, "mL/min/1.73m2", None), ("uacr", ">", 300.0, "mg/g", None)],
    ]
    methods = [t.method for t in leaves(rule) if isinstance(t, DerivedValueRule)]
    assert methods == ["cystatin-c", "cystatin-c"]


def test_a_method_after_a_creatinine_limit_is_the_clearances_before_it() -> None:
    rule = parse_criterion(
        "Creatinine clearance ≥ 60 mL/min or serum creatinine ≤ 1.5 mg/dL (Cockcroft-Gault)", INC, None
    )
    clearance, creatinine = rule.children  # type: ignore[union-attr]
    assert (clearance.analyte, clearance.method) == ("crcl", "cockcroft-gault")
    assert (creatinine.analyte, creatinine.value, creatinine.unit) == ("creatinine", 1.5, "mg/dL")


@pytest.mark.parametrize(
    ("egfr", "uacr", "expected"),
    [(40.0, 150.0, PASS), (70.0, 400.0, PASS), (70.0, 150.0, FAIL), (40.0, None, UNKNOWN)],
)
def test_a_gfr_band_with_its_albuminuria_verdicts(egfr: float, uacr: float | None, expected: Outcome) -> None:
    labs = [("eGFR", egfr, "mL/min/1.73m2")] + ([("UACR", uacr, "mg/g")] if uacr is not None else [])
    assert outcome(INC, CYSTATIN, patient(labs=entered(*labs))) is expected


DUE_TO_CKD = "Estimated glomerular filtration rate (eGFR) < 30 mL/min due to chronic kidney disease; or"


def test_a_limit_due_to_a_finding_asks_both() -> None:
    rule = parse_criterion(DUE_TO_CKD, EXC, None)
    assert isinstance(rule, AllOf)
    threshold, cause = rule.children
    assert limits_with_multiples(threshold) == [("crcl", "<", 30.0, "mL/min", None)]
    assert isinstance(cause, FindingRule)
    assert (cause.concept, cause.present) == ("chronic_kidney_disease", True)


@pytest.mark.parametrize(
    ("clearance", "ckd", "expected"),
    [(20.0, True, FAIL), (20.0, False, PASS), (20.0, None, UNKNOWN), (50.0, True, PASS), (50.0, None, PASS)],
)
def test_a_limit_due_to_a_finding_excludes_only_with_both(
    clearance: float, ckd: bool | None, expected: Outcome
) -> None:
    findings = {} if ckd is None else {"Chronic kidney disease": ckd}
    facts = patient(labs=entered(("Creatinine clearance", clearance, "mL/min")), findings=findings)
    assert outcome(EXC, DUE_TO_CKD, facts) is expected


def test_several_limits_before_a_cause_stay_for_review() -> None:
    text = "Platelets < 50,000/mm3 or ANC < 1,000/mm3 due to marrow involvement"
    rule = parse_criterion(text, EXC, None)
    assert not any(isinstance(leaf, FindingRule) for leaf in leaves(rule))
