"""A translated name of the aPTT ("activated partial coagulation activity Enzyme time (APTT)") read as the
aPTT, in the coagulation line of an organ-function list."""

from __future__ import annotations

from one_criterion import entered, inclusion, limits_with_multiples, outcome, patient

from trialmatch.domain.evaluation import Outcome

_LINE = (
    "c) coagulation function: activated partial coagulation activity Enzyme time (APTT), international "
    "normalized ratio (INR), prothrombin time (PT)≤1.5×ULN"
)


def test_the_translated_name_is_the_aptt_sharing_the_limit():
    assert limits_with_multiples(inclusion(_LINE)) == [
        ("ptt", "≤", 1.5, None, "uln"),
        ("inr", "≤", 1.5, None, "uln"),
        ("pt", "≤", 1.5, None, "uln"),
    ]


def test_a_patient_is_judged_on_the_aptt_against_its_assumed_limit():
    normal = entered(("aptt", 40, "s"), ("inr", 1.0, "1"), ("pt", 12, "s"))
    slow = entered(("aptt", 60, "s"), ("inr", 1.0, "1"), ("pt", 12, "s"))  # past 1.5 × 35 s
    assert outcome("inclusion", _LINE, patient(labs=normal)) is Outcome.PASS
    assert outcome("inclusion", _LINE, patient(labs=slow)) is Outcome.FAIL
    assert outcome("inclusion", _LINE, patient(labs=entered(("inr", 1.0, "1")))) is Outcome.UNKNOWN
