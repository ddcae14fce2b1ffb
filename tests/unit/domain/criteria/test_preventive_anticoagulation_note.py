"""Coagulation exclusions that name thrombolysis and anticoagulation, then allow their preventive use
("...; Note: ... low-dose heparin ... is allowed for preventive purposes"): the note is the anticoagulation
finding's unchecked exception, the limits and the other findings stand (``read_preventive_use``)."""

from __future__ import annotations

from typing import Any

from one_criterion import entered, exclusion, limits_with_multiples, patient, result

from trialmatch.domain.criteria import AnyOf, FindingRule, NeedsReview
from trialmatch.domain.criteria.logic import leaves
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

EXC = Section.EXCLUSION
ALLOW = (
    "Abnormal blood coagulation function (INR>2.0, PT>16s), have bleeding tendency or are receiving "
    "thrombolysis or anticoagulation therapy, and allow preventive use of low-dose aspirin and low molecular "
    "heparin;"
)
NOTE = (
    "The patient has the coagulation disorders (INR > 1.5 or prothrombin time (PT) > ULN + 4 seconds or "
    "activated partial thromboplastin time (APTT) > 1.5 ULN), or bleeding tendency, or undergoing "
    "thrombolysis or anticoagulation therapy; Note: On the premise that the International Standardized Ratio "
    "of Prothrombin Time (INR) is less than 1.5, low doses of heparin (0.6 million to 12,000 U per day for "
    "adults) or aspirin (less than 100 mg per day) are allowed for preventive purposes."
)
PERMITTED = (
    "Abnormal blood coagulation function (INR>1.5 or prothrombin time (PT)>ULN+4 seconds or APTT>1.5 ULN), "
    "have bleeding tendency or are receiving therapeutic thrombolysis or anticoagulation therapy; Note: in "
    "prothrombin The use of anticoagulant drugs for preventive purposes is permitted provided that the "
    "international normalized ratio of time (INR) ≤ 1.5."
)
WARFARIN = [{"name": "warfarin", "start": "2025-01-10"}]
NORMAL = entered(("INR", 1.1, "1"), ("PT", 13, "s"))
NONE_OF_THEM = {"bleeding_disorder": False, "thrombolytic_therapy": False, "anticoagulation": False}


def findings(rule: Any) -> dict[str, FindingRule]:
    return {leaf.concept: leaf for leaf in leaves(rule) if isinstance(leaf, FindingRule)}


def judged(text: str, **fields: Any) -> tuple[Outcome, str]:
    found = result(EXC, text, patient(**fields))
    return found.result, found.reason


def test_the_limits_and_findings_are_read_and_the_allowance_excuses_anticoagulation_only():
    rule = exclusion(ALLOW)
    assert isinstance(rule, AnyOf)
    assert limits_with_multiples(rule) == [("inr", ">", 2.0, "1", None), ("pt", ">", 16.0, "s", None)]
    named = findings(rule)
    assert set(named) == {"bleeding_disorder", "thrombolytic_therapy", "anticoagulation"}
    assert all(f.present for f in named.values())
    assert named["bleeding_disorder"].exceptions == named["thrombolytic_therapy"].exceptions == []
    (excused,) = named["anticoagulation"].exceptions
    assert (excused.concept, excused.text) == (
        None,
        "allow preventive use of low-dose aspirin and low molecular heparin",
    )


def test_a_note_after_a_semicolon_is_the_exception():
    rule = exclusion(NOTE)
    assert limits_with_multiples(rule) == [
        ("inr", ">", 1.5, "1", None),
        ("pt", ">", 1.0, None, "uln"),
        ("ptt", ">", 1.5, None, "uln"),
    ]
    (excused,) = findings(rule)["anticoagulation"].exceptions
    assert excused.text.startswith("On the premise that the International Standardized Ratio")
    assert excused.text.endswith("are allowed for preventive purposes")
    (permitted,) = findings(exclusion(PERMITTED))["anticoagulation"].exceptions
    assert permitted.text.endswith(
        "is permitted provided that the international normalized ratio of time (INR) ≤ 1.5"
    )


def test_a_patient_within_the_limits_and_without_the_findings_passes():
    assert judged(ALLOW, labs=NORMAL, findings=NONE_OF_THEM) == (
        Outcome.PASS,
        "INR 1.1, not > 2; PT 13 s, not > 16 s; Bleeding disorder recorded as absent; Thrombolytic therapy "
        "recorded as absent; Anticoagulation recorded as absent",
    )


def test_an_inr_past_the_limit_excludes():
    assert judged(ALLOW, labs=entered(("INR", 2.4, "1"), ("PT", 13, "s"))) == (
        Outcome.FAIL,
        "INR 2.4, > 2: excluded",
    )


def test_a_patient_on_an_anticoagulant_goes_to_the_clinician_with_the_allowance():
    fields = {"labs": NORMAL, "findings": {"bleeding_disorder": False, "thrombolytic_therapy": False}}
    assert judged(ALLOW, treatments=WARFARIN, **fields) == (
        Outcome.UNKNOWN,
        "Anticoagulation present; check 'allow preventive use of low-dose aspirin and low molecular heparin'",
    )


def test_findings_not_recorded_are_unknown():
    outcome, reason = judged(ALLOW, labs=NORMAL)
    assert outcome is Outcome.UNKNOWN
    assert reason == (
        "Bleeding disorder not recorded; Thrombolytic therapy not recorded; Anticoagulation not recorded"
    )


def test_a_note_that_forbids_or_an_inclusion_is_not_read_so():
    forbids = NOTE.replace("are allowed for preventive purposes", "are not allowed for preventive purposes")
    assert isinstance(exclusion(forbids), NeedsReview)
    # "with bleeding tendency" may narrow the coagulation disorder rather than list one more: left for review
    with_tendency = PERMITTED.replace("have bleeding tendency", "with bleeding tendency")
    assert isinstance(exclusion(with_tendency), NeedsReview)
