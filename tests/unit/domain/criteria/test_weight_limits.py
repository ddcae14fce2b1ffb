"""Limits that hold by body weight: "Creatinine clearance (calculated) greater than 50 mL/min in patients
weighing at least 45 kg and measured creatinine clearance at least 50 mL/min in patients weighing less than 45
kg". The file's weight decides which limit the patient is held to."""

from __future__ import annotations

from one_criterion import entered, exclusion, inclusion, limits, outcome, patient

from trialmatch.domain.criteria.base import Comparator
from trialmatch.domain.evaluation import Outcome

_BY_WEIGHT = (
    "Renal: Creatinine clearance (calculated) greater than 50 mL/min in patients weighing at least 45 kg and "
    "measured creatinine clearance at least 50 mL/min in patients weighing less than 45 kg"
)
_HEADING = "PATIENT CHARACTERISTICS: Renal"


def _weighing(kg: float | None, creatinine: float) -> object:
    fields = {"weight_kg": kg} if kg is not None else {}
    return patient(labs=entered(("creatinine", creatinine, "mg/dL")), **fields)


def test_each_limit_is_read_with_its_weight_band() -> None:
    rule = inclusion(_BY_WEIGHT)
    assert rule.kind == "all_of"
    heavier, lighter = rule.children
    assert limits(heavier) == [
        ("body_weight", Comparator.LT, 45.0, "kg"),
        ("crcl", Comparator.GT, 50.0, "mL/min"),
    ]
    assert limits(lighter) == [
        ("body_weight", Comparator.GE, 45.0, "kg"),
        ("crcl", Comparator.GE, 50.0, "mL/min"),
    ]
    assert heavier.children[1].method is None
    assert lighter.children[1].method == "measured"


def test_a_patient_over_45_kg_is_held_to_the_calculated_clearance() -> None:
    # Cockcroft-Gault, woman of 62: (140 - 62) × 60 / (72 × 0.9) × 0.85 ≈ 61 mL/min; with 1.2 mg/dL ≈ 46
    assert outcome("inclusion", _BY_WEIGHT, _weighing(60, 0.9), _HEADING) is Outcome.PASS
    assert outcome("inclusion", _BY_WEIGHT, _weighing(60, 1.2), _HEADING) is Outcome.FAIL


def test_a_patient_under_45_kg_is_held_to_the_measured_clearance_and_an_unknown_weight_is_unknown() -> None:
    # (140 - 62) × 40 / (72 × 0.5) × 0.85 ≈ 74 mL/min meets it however measured; ≈ 25 with 1.5 mg/dL is
    # below, yet a measured clearance may give another value
    assert outcome("inclusion", _BY_WEIGHT, _weighing(40, 0.5), _HEADING) is Outcome.PASS
    assert outcome("inclusion", _BY_WEIGHT, _weighing(40, 1.5), _HEADING) is Outcome.UNKNOWN
    assert outcome("inclusion", _BY_WEIGHT, _weighing(None, 0.9), _HEADING) is Outcome.UNKNOWN


def test_an_exclusion_excludes_in_its_band_only() -> None:
    text = "Creatinine clearance < 50 mL/min for patients weighing less than 45 kg"
    rule = exclusion(text)
    assert limits(rule) == [
        ("body_weight", Comparator.LT, 45.0, "kg"),
        ("crcl", Comparator.LT, 50.0, "mL/min"),
    ]
    # (140 - 62) × 40 / (72 × 1.2) × 0.85 ≈ 31 mL/min
    assert outcome("exclusion", text, _weighing(40, 1.2)) is Outcome.FAIL
    assert outcome("exclusion", text, _weighing(60, 1.2)) is Outcome.PASS
    assert outcome("exclusion", text, _weighing(None, 1.2)) is Outcome.UNKNOWN
