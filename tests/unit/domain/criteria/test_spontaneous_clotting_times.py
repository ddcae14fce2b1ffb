"""A clotting time called "spontaneous" is one the patient's own coagulation raises: the limit is waived for
anticoagulated patients, checked against the patient's anticoagulation (see ``lab_spontaneous``)."""

from __future__ import annotations

from typing import Any

from one_criterion import exclusion, limits_with_multiples, patient, result, review, thresholds

from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

HIGH_BLEEDING_RISK = "High bleeding risk (spontaneous international normalized ratio (INR) > 1.6)."
WARFARIN = [{"name": "warfarin", "start": "2025-01-10"}]


def _inr(value: float) -> list[dict[str, Any]]:
    return [{"test": "INR", "value": value, "unit": "1"}]


def _judged(**fields: Any) -> Outcome:
    return result(Section.EXCLUSION, HIGH_BLEEDING_RISK, patient(**fields)).result


def test_a_spontaneous_inr_is_the_inr_limit_waived_for_the_anticoagulated():
    rule = exclusion(HIGH_BLEEDING_RISK)
    assert limits_with_multiples(rule) == [("inr", ">", 1.6, "1", None)]
    (waiver,) = thresholds(rule)[0].exceptions
    assert (waiver.concept, waiver.waived, waiver.requirement) == ("anticoagulation", True, None)
    assert waiver.text == "a spontaneous value: not raised by anticoagulation"


def test_a_raised_inr_excludes_only_a_patient_not_anticoagulated():
    assert _judged(labs=_inr(2.0), findings={"anticoagulation": False}) is Outcome.FAIL
    assert _judged(labs=_inr(2.5), treatments=WARFARIN) is Outcome.PASS
    assert _judged(labs=_inr(2.0)) is Outcome.UNKNOWN  # anticoagulation not recorded
    assert _judged(labs=_inr(1.1)) is Outcome.PASS
    assert _judged() is Outcome.UNKNOWN


def test_spontaneous_before_anything_but_a_clotting_test_is_not_read():
    assert review("Spontaneous bleeding or platelets < 50,000/mm3", Section.EXCLUSION).startswith(
        "words not understood: spontaneous"
    )
