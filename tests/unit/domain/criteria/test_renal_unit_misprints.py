"""Units misprinted after a kidney-function number: "mL/min/m2" (the 1.73 m² normalisation with its "1.73"
lost), "mg/mL" and "mL/sec" for a clearance per minute, "mg/ml" for a creatinine in mg/dL. The number is read
as unit-less in the analyte's own unit and the rule says the unit was inferred."""

from __future__ import annotations

from one_criterion import entered, exclusion, inclusion, lab, limits, outcome, patient, review

from trialmatch.domain.criteria.base import Comparator
from trialmatch.domain.criteria.derived import DerivedValueRule
from trialmatch.domain.evaluation import Outcome

_PER_M2 = "Adequate renal function with creatinine clearance ≥ 50 mL/min/m2"
_EGFR_PER_M2 = "estimated glomerular filtration rate (eGFR) <30 ml/min/m2,"


def _crcl(value: float) -> object:
    return patient(labs=entered(("crcl", value, "mL/min")))


def _egfr(value: float) -> object:
    return patient(labs=entered(("egfr", value, "mL/min/1.73m2")))


def test_a_clearance_per_m2_is_read_in_ml_per_minute_flagged_inferred() -> None:
    rule = inclusion(_PER_M2)
    assert isinstance(rule, DerivedValueRule)
    assert (rule.analyte, rule.comparator, rule.value, rule.unit) == ("crcl", Comparator.GE, 50.0, "mL/min")
    assert rule.unit_inferred
    assert outcome("inclusion", _PER_M2, _crcl(62)) is Outcome.PASS
    assert outcome("inclusion", _PER_M2, _crcl(41)) is Outcome.FAIL
    assert outcome("inclusion", _PER_M2, patient()) is Outcome.UNKNOWN


def test_an_egfr_per_m2_is_read_per_1_73_m2() -> None:
    rule = exclusion(_EGFR_PER_M2)
    assert isinstance(rule, DerivedValueRule)
    assert (rule.analyte, rule.comparator, rule.value, rule.unit) == (
        "egfr",
        Comparator.LT,
        30.0,
        "mL/min/1.73m2",
    )
    assert rule.unit_inferred
    assert outcome("exclusion", _EGFR_PER_M2, _egfr(24)) is Outcome.FAIL
    assert outcome("exclusion", _EGFR_PER_M2, _egfr(55)) is Outcome.PASS
    assert outcome("exclusion", _EGFR_PER_M2, patient()) is Outcome.UNKNOWN


def test_mg_per_ml_and_ml_per_second_for_a_clearance_are_per_minute() -> None:
    assert limits(inclusion("Creatinine clearance at least 50 mg/mL")) == [
        ("crcl", Comparator.GE, 50.0, "mL/min")
    ]
    text = (
        "Serum creatinine ≤ 1.5 mg/dL or calculated creatinine clearance (CrCL) > 40 mL/sec by "
        "Cockcroft-Gault (using actual body weight)"
    )
    rule = inclusion(text)
    assert limits(rule) == [
        ("creatinine", Comparator.LE, 1.5, "mg/dL"),
        ("crcl", Comparator.GT, 40.0, "mL/min"),
    ]
    assert rule.children[1].method == "cockcroft-gault"
    # CrCl by Cockcroft-Gault: (140 - 62) × 60 / (72 × 1.8) × 0.85 ≈ 30.7 mL/min
    high = patient(weight_kg=60, labs=entered(("creatinine", 1.8, "mg/dL")))
    assert outcome("inclusion", text, high) is Outcome.FAIL
    assert outcome("inclusion", text, patient(labs=entered(("creatinine", 1.1, "mg/dL")))) is Outcome.PASS


def test_a_clearance_in_ml_per_second_that_may_be_meant_stays_for_review() -> None:
    assert "ml sec" in review("CrCl > 1.0 mL/sec")
    assert "ideal body weight" in review("CrCl > 40 mL/min by Cockcroft-Gault (using ideal body weight)")


def test_a_creatinine_in_mg_per_ml_is_mg_per_dl() -> None:
    rule = lab("Creatinine no greater than 2.5 mg/ml")
    assert (rule.analyte, rule.comparator, rule.value, rule.unit) == (
        "creatinine",
        Comparator.LE,
        2.5,
        "mg/dL",
    )
    assert rule.unit_inferred
    text = "Creatinine no greater than 2.5 mg/ml"
    assert outcome("inclusion", text, patient(labs=entered(("creatinine", 1.3, "mg/dL")))) is Outcome.PASS
    assert outcome("inclusion", text, patient(labs=entered(("creatinine", 2.9, "mg/dL")))) is Outcome.FAIL
    assert outcome("inclusion", text, patient()) is Outcome.UNKNOWN
