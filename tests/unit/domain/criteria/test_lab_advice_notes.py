"""Advice, a rationale and a correction note beside kidney and electrolyte limits: claimed, so the limit is
read alone; a recommendation that could be a limit, or a rationale in an exclusion, stays for review."""

from __future__ import annotations

from one_criterion import (
    entered,
    exclusion,
    inclusion,
    limits,
    limits_with_multiples,
    outcome,
    patient,
)

from trialmatch.domain.criteria.base import Comparator
from trialmatch.domain.evaluation import Outcome

_ADVICE = (
    "creatinine clearance ≥30 ml/min. We recommend avoiding cisplatin for patients with creatinine clearance "
    "<50 ml/min."
)
_NOT_RENAL = (
    "Creatinine =< 1.5 x institutional ULN or creatinine clearance levels >= 30 mL/min/1.73 m^2 are "
    "permitted as the study agents are not secreted by the kidney"
)
_CORRECTED = (
    "Serum Potassium more than 1.0 x ULN or less than 1.0 x LLN. Note: Patients experiencing hypokalemia are "
    "permitted to undergo treatment to attain normal potassium levels during the screening period."
)


def test_advice_on_treatment_below_a_clearance_is_no_limit() -> None:
    assert limits(inclusion(_ADVICE)) == [("crcl", Comparator.GE, 30.0, "mL/min")]
    # Cockcroft-Gault, woman of 62, 60 kg: creatinine 1.2 mg/dL ≈ 46 mL/min (under the advised 50), 2.0 ≈ 28
    assert outcome(
        "inclusion", _ADVICE, patient(weight_kg=60, labs=entered(("creatinine", 1.2, "mg/dL")))
    ) is (Outcome.PASS)
    assert outcome(
        "inclusion", _ADVICE, patient(weight_kg=60, labs=entered(("creatinine", 2.0, "mg/dL")))
    ) is (Outcome.FAIL)
    assert outcome("inclusion", _ADVICE, patient()) is Outcome.UNKNOWN


def test_a_recommendation_to_exclude_stays_for_review() -> None:
    rule = inclusion(
        "creatinine clearance ≥30 ml/min. We recommend excluding patients with albumin < 3 g/dL."
    )
    assert "recommend excluding" in rule.children[1].why


def test_why_low_values_are_accepted_is_no_condition() -> None:
    assert limits_with_multiples(inclusion(_NOT_RENAL)) == [
        ("creatinine", "≤", 1.5, None, "uln"),
        ("egfr", "≥", 30.0, "mL/min/1.73m2", None),
    ]
    creatinine = patient(labs=[{"test": "creatinine", "value": 1.4, "unit": "mg/dL", "uln": 1.1}])
    assert outcome("inclusion", _NOT_RENAL, creatinine) is Outcome.PASS
    high = patient(labs=[{"test": "creatinine", "value": 2.4, "unit": "mg/dL", "uln": 1.1}])
    assert outcome("inclusion", _NOT_RENAL, high) is Outcome.FAIL  # CKD-EPI 2021 eGFR of a woman of 62 ≈ 22
    assert outcome("inclusion", _NOT_RENAL, patient()) is Outcome.UNKNOWN


def test_the_rationale_in_an_exclusion_stays_for_review() -> None:
    text = "Creatinine clearance < 30 mL/min are permitted as the study agents are not secreted by the kidney"
    assert exclusion(text).kind == "review"


def test_an_electrolyte_that_may_be_corrected_during_screening_is_not_failed_below_its_range() -> None:
    rule = exclusion(_CORRECTED)
    assert limits_with_multiples(rule) == [
        ("potassium", ">", 1.0, None, "uln"),
        ("potassium", "<", 1.0, None, "lln"),
    ]
    assert (
        outcome("exclusion", _CORRECTED, patient(labs=entered(("potassium", 4.2, "mmol/L")))) is Outcome.PASS
    )
    assert (
        outcome("exclusion", _CORRECTED, patient(labs=entered(("potassium", 3.1, "mmol/L"))))
        is Outcome.UNKNOWN  # hypokalaemia may be treated during screening (see test_lab_correctable)
    )
    assert outcome("exclusion", _CORRECTED, patient()) is Outcome.UNKNOWN
