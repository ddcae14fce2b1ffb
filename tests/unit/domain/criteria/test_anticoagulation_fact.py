"""Clotting limits and exclusions judged on the patient's anticoagulation (see
``trialmatch.domain.anticoagulation``): waivers "unless receiving anticoagulant therapy" checked, "taking
blood thinners and INR > 3" read."""

from __future__ import annotations

from typing import Any

from one_criterion import exclusion, inclusion, limits_with_multiples, patient, result, review, thresholds

from trialmatch.domain.criteria import AllOf, FindingRule, LabThreshold
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

INC, EXC = Section.INCLUSION, Section.EXCLUSION
WARFARIN = [{"name": "warfarin", "start": "2025-01-10"}]


def inr(value: float, uln: float | None = 1.1) -> dict[str, Any]:
    return {"test": "INR", "value": value, "unit": "1", "uln": uln}


PTT = {"test": "aPTT", "value": 30, "unit": "s", "uln": 35}


def judged(section: Section, text: str, **fields: Any) -> tuple[Outcome, str]:
    found = result(section, text, patient(**fields))
    return found.result, found.reason


UNLESS = (
    "international normalized ratio (INR) or activated partial thromboplastin time ( aPTT) ≤1.5 X ULN unless "
    "the subject is receiving anticoagulant therapy."
)


def test_unless_receiving_anticoagulant_therapy_is_a_checked_waiver():
    rule = inclusion(UNLESS)
    assert limits_with_multiples(rule) == [("inr", "≤", 1.5, None, "uln"), ("ptt", "≤", 1.5, None, "uln")]
    for limit in thresholds(rule):
        (waiver,) = limit.exceptions
        assert (waiver.concept, waiver.waived, waiver.requirement) == ("anticoagulation", True, None)


def test_a_patient_on_warfarin_above_the_limit_passes_saying_why():
    outcome, reason = judged(INC, UNLESS, labs=[inr(2.6), PTT], treatments=WARFARIN)
    assert outcome is Outcome.PASS
    assert reason == (
        "INR 2.6 is 2.4 × ULN (1.1), above the allowed 1.5 × ULN; waived: on warfarin (treatments); "
        "PTT 30 s is 0.9 × ULN (35 s), within ≤ 1.5 × ULN"
    )


def test_a_patient_recorded_as_not_anticoagulated_is_held_to_the_limit():
    outcome, reason = judged(INC, UNLESS, labs=[inr(2.6), PTT], findings={"anticoagulation": False})
    assert outcome is Outcome.FAIL
    assert reason.startswith("INR 2.6 is 2.4 × ULN (1.1), above the allowed 1.5 × ULN")


def test_a_heparin_flush_is_no_anticoagulation_and_a_recorded_no_beside_a_drug_is_a_clash():
    flush = [{"name": "Heparin flush (port)", "start": "2026-01-01"}]
    outcome, reason = judged(INC, UNLESS, labs=[inr(2.6), PTT], treatments=flush)
    assert outcome is Outcome.UNKNOWN
    assert reason == (
        "INR 2.6 is 2.4 × ULN (1.1), above the allowed 1.5 × ULN; "
        "another limit applies with anticoagulation, not recorded"
    )
    current = judged(EXC, "Current use of anticoagulants", treatments=flush)
    assert current == (Outcome.UNKNOWN, "active anticoagulation not recorded")
    clash = {"anticoagulation": False, "warfarin": True}
    assert judged(INC, UNLESS, labs=[inr(2.6), PTT], findings=clash)[0] is Outcome.UNKNOWN


def test_anticoagulation_unknown_above_the_limit_is_left_open():
    assert judged(INC, UNLESS, labs=[inr(2.6), PTT])[0] is Outcome.UNKNOWN
    assert judged(INC, UNLESS, labs=[inr(1.0), PTT])[0] is Outcome.PASS
    assert judged(INC, UNLESS, labs=[PTT], treatments=WARFARIN)[0] is Outcome.UNKNOWN  # INR not entered


NOTE = (
    "Coagulation: International normalized ratio (INR) ≤ 1.5 ULN and activated partial thromboplastin time "
    "(aPTT) ≤ 1.5 ULN. Patients on therapeutic doses of anticoagulation medication must have INR and/or "
    "aPTT ≤ the upper limit of the therapeutic range for intended use."
)


def test_a_note_asking_more_of_anticoagulated_patients_leaves_them_to_the_clinician():
    rule = inclusion(NOTE)
    assert limits_with_multiples(rule) == [("inr", "≤", 1.5, None, "uln"), ("ptt", "≤", 1.5, None, "uln")]
    for limit in thresholds(rule):
        (waiver,) = limit.exceptions
        assert waiver.concept == "anticoagulation"
        assert waiver.requirement is not None
        assert waiver.requirement.endswith("for intended use")
    ptt = PTT
    outcome, reason = judged(INC, NOTE, labs=[inr(2.6), ptt], treatments=WARFARIN)
    assert outcome is Outcome.UNKNOWN
    assert "waived: on warfarin (treatments); check 'Patients on therapeutic doses" in reason
    # Within the limit on warfarin, yet maybe below the therapeutic range the note asks: the clinician's.
    assert judged(INC, NOTE, labs=[inr(1.0), ptt], treatments=WARFARIN)[0] is Outcome.UNKNOWN
    assert judged(INC, NOTE, labs=[inr(1.0), ptt], findings={"anticoagulation": False})[0] is Outcome.PASS
    assert judged(INC, NOTE, labs=[inr(2.6), ptt], findings={"anticoagulation": False})[0] is Outcome.FAIL


def test_a_note_only_allowing_anticoagulation_waives_outright():
    text = (
        "INR ≤ 1.5 and aPTT within normal limits. Anticoagulation therapy (e.g., warfarin or heparin) allowed"
    )
    for limit in thresholds(inclusion(text)):
        (waiver,) = limit.exceptions
        assert (waiver.concept, waiver.requirement) == ("anticoagulation", None)
    ptt = PTT
    treatments = [{"name": "enoxaparin", "start": "2026-10-01"}]
    assert judged(INC, text, labs=[inr(1.8), ptt], treatments=treatments)[0] is Outcome.PASS
    assert judged(INC, text, labs=[inr(1.8), ptt])[0] is Outcome.UNKNOWN


def test_a_condition_on_some_anticoagulated_patients_keeps_its_words():
    text = "INR ≤ 1.5 unless on therapeutic anticoagulation"
    (limit,) = thresholds(inclusion(text))
    (waiver,) = limit.exceptions
    assert (waiver.concept, waiver.requirement) == (
        "anticoagulation",
        "unless on therapeutic anticoagulation",
    )
    outcome, reason = judged(
        INC, text, labs=[inr(2.0)], treatments=[{"name": "Lovenox", "start": "2026-11-01"}]
    )
    assert outcome is Outcome.UNKNOWN
    assert reason == (
        "INR 2 is above the allowed 1.5; waived: on enoxaparin (treatments); "
        "check 'unless on therapeutic anticoagulation'"
    )
    assert judged(INC, text, labs=[inr(2.0)], findings={"anticoagulation": False})[0] is Outcome.FAIL


def test_a_condition_on_stopped_anticoagulation_stays_unchecked():
    (limit,) = thresholds(inclusion("INR ≤ 1.5 unless anticoagulation was stopped"))
    (waiver,) = limit.exceptions
    assert waiver.concept is None


BLOOD_THINNERS = "The patient is taking blood thinners and has an international normalized ratio (INR) >3."


def test_taking_blood_thinners_and_inr_above_3_excludes_both_together():
    rule = exclusion(BLOOD_THINNERS)
    assert isinstance(rule, AllOf)
    finding, limit = rule.children
    assert isinstance(finding, FindingRule)
    assert isinstance(limit, LabThreshold)
    assert (finding.concept, finding.present) == ("anticoagulation", True)
    assert limits_with_multiples(limit) == [("inr", ">", 3.0, "1", None)]
    outcome, reason = judged(EXC, BLOOD_THINNERS, labs=[inr(3.4)], treatments=WARFARIN)
    assert outcome is Outcome.FAIL
    assert "Anticoagulation present: on warfarin (treatments)" in reason
    assert judged(EXC, BLOOD_THINNERS, labs=[inr(2.5)], treatments=WARFARIN)[0] is Outcome.PASS
    assert (
        judged(EXC, BLOOD_THINNERS, labs=[inr(3.4)], findings={"anticoagulation": False})[0] is Outcome.PASS
    )
    assert judged(EXC, BLOOD_THINNERS, labs=[inr(3.4)])[0] is Outcome.UNKNOWN


def test_anticoagulants_excluded_by_name_of_the_class():
    text = "Patients who are taking blood thinners or have history of Diabetes Mellitus."
    assert judged(EXC, text, treatments=[{"name": "Xarelto", "start": "2026-01-05"}])[0] is Outcome.FAIL
    no = {"anticoagulation": False, "diabetes": False}
    assert judged(EXC, text, findings=no)[0] is Outcome.PASS
    assert judged(EXC, text, findings={"diabetes": False})[0] is Outcome.UNKNOWN


def test_past_anticoagulation_is_not_judged_on_the_current_state():
    assert (
        review("No prior anticoagulants")
        == "past anticoagulation: the patient file says only whether it is current"
    )


LEADING = "For patients not receiving therapeutic anticoagulation: INR and aPTT ≤ 1.5 ⋅ ULN"


def test_limits_for_patients_not_receiving_anticoagulation_are_waived_for_the_others():
    rule = inclusion(LEADING)
    assert limits_with_multiples(rule) == [("inr", "≤", 1.5, None, "uln"), ("ptt", "≤", 1.5, None, "uln")]
    for limit in thresholds(rule):
        (waiver,) = limit.exceptions
        assert (waiver.concept, waiver.requirement) == ("anticoagulation", waiver.text)
    assert judged(INC, LEADING, labs=[inr(2.0), PTT], findings={"anticoagulation": False})[0] is Outcome.FAIL
    assert judged(INC, LEADING, labs=[inr(1.2), PTT], findings={"anticoagulation": False})[0] is Outcome.PASS
    outcome, reason = judged(INC, LEADING, labs=[inr(2.0), PTT], treatments=WARFARIN)
    assert outcome is Outcome.UNKNOWN
    assert "waived: on warfarin (treatments); check 'For patients not receiving therapeutic" in reason
    assert judged(INC, LEADING, labs=[inr(2.0), PTT])[0] is Outcome.UNKNOWN


def test_limits_for_patients_never_anticoagulated_stay_unchecked():
    (limit,) = thresholds(inclusion("For patients not previously receiving anticoagulation: INR ≤ 1.5"))
    (waiver,) = limit.exceptions
    assert (waiver.concept, waiver.waived) == (None, True)


def test_no_concurrent_anticoagulants_is_judged_on_the_treatments_and_the_record():
    text = "No concurrent anticoagulants"
    rule = inclusion(text)
    assert isinstance(rule, FindingRule)
    assert (rule.concept, rule.present, rule.qualifier) == ("anticoagulation", False, "active")
    outcome, reason = judged(INC, text, treatments=[{"name": "Eliquis 5 mg", "start": "2026-02-01"}])
    assert outcome is Outcome.FAIL
    assert reason == "Anticoagulation present: on apixaban (treatments)"
    assert judged(INC, text, findings={"anticoagulation": False})[0] is Outcome.PASS
    stopped = [{"name": "Eliquis", "start": "2026-02-01", "end": "2026-05-01"}]
    assert judged(INC, text, treatments=stopped)[0] is Outcome.UNKNOWN


def test_a_note_naming_any_listed_anticoagulant_is_a_waiver_for_the_anticoagulated():
    text = "INR ≤ 1.5 × ULN. Patients on apixaban must have INR within the therapeutic range"
    (limit,) = thresholds(inclusion(text))
    (waiver,) = limit.exceptions
    assert (waiver.concept, waiver.requirement) == (
        "anticoagulation",
        "Patients on apixaban must have INR within the therapeutic range",
    )
    on_apixaban = [{"name": "apixaban", "start": "2026-09-01"}]
    assert judged(INC, text, labs=[inr(2.0)], treatments=on_apixaban)[0] is Outcome.UNKNOWN
    assert judged(INC, text, labs=[inr(2.0)], findings={"anticoagulation": False})[0] is Outcome.FAIL
