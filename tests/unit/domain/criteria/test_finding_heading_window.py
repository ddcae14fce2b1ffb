"""Findings listed under a heading that prints their time window ("History of one or more of the following
cardiovascular disorders in the previous 6 months"): a finding recorded without a date goes to the clinician
instead of failing a patient whose infarction was years ago; one recorded absent is decided."""

from __future__ import annotations

from one_criterion import outcome, patient, result

from trialmatch.domain.criteria import AnyOf, FindingRule, parse_criterion
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

EXC = Section.EXCLUSION
PASS, FAIL, UNKNOWN = Outcome.PASS, Outcome.FAIL, Outcome.UNKNOWN

PREVIOUS_6_MONTHS = (
    "To be checked before the induction phase (only for patient included before induction phase): History of "
    "one or more of the following cardiovascular disorders in the previous 6 months"
)
WITHIN_90_DAYS = (
    "CV related: Participants have any of the following cardiovascular conditions ≤ 90 days prior to "
    "randomization"
)


def test_a_heading_window_narrows_each_finding_under_it() -> None:
    rule = parse_criterion("Myocardial infarction", EXC, PREVIOUS_6_MONTHS)
    assert isinstance(rule, FindingRule)
    assert (rule.concept, rule.present, rule.qualifier) == ("myocardial_infarction", True, "any")
    assert [(e.concept, e.text) for e in rule.exceptions] == [(None, "in the previous 6 months")]
    mi = "Myocardial infarction"
    assert outcome(EXC, mi, patient(findings={"myocardial_infarction": True}), PREVIOUS_6_MONTHS) is UNKNOWN
    assert outcome(EXC, mi, patient(findings={"myocardial_infarction": False}), PREVIOUS_6_MONTHS) is PASS
    assert outcome(EXC, mi, patient(), PREVIOUS_6_MONTHS) is UNKNOWN
    said = result(EXC, mi, patient(findings={"myocardial_infarction": True}), PREVIOUS_6_MONTHS)
    assert "in the previous 6 months" in said.reason


def test_a_window_written_with_a_sign_counts_too() -> None:
    rule = parse_criterion("Stroke, or", EXC, WITHIN_90_DAYS)
    assert isinstance(rule, FindingRule)
    assert rule.concept == "stroke"
    assert [e.text for e in rule.exceptions] == ["≤ 90 days prior to randomization"]
    assert outcome(EXC, "Stroke, or", patient(findings={"stroke": True}), WITHIN_90_DAYS) is UNKNOWN
    assert outcome(EXC, "Stroke, or", patient(findings={"stroke": False}), WITHIN_90_DAYS) is PASS


def test_every_finding_of_a_list_item_gets_the_window() -> None:
    text = "Severe or unstable angina pectoris, or congestive heart failure"
    rule = parse_criterion(text, EXC, PREVIOUS_6_MONTHS)
    assert isinstance(rule, AnyOf)
    assert all(
        isinstance(child, FindingRule) and "in the previous 6 months" in [e.text for e in child.exceptions]
        for child in rule.children
    )
    clear = patient(findings={"angina": False, "heart_failure": False})
    assert outcome(EXC, text, clear, PREVIOUS_6_MONTHS) is PASS
    assert outcome(EXC, text, patient(findings={"heart_failure": True}), PREVIOUS_6_MONTHS) is UNKNOWN


def test_a_finding_with_its_own_window_keeps_it() -> None:
    heading = "Any of the following cardiovascular conditions or values within 6 months before the first dose"
    rule = parse_criterion("Myocardial infarction within 2 years of enrollment", EXC, heading)
    assert isinstance(rule, FindingRule)
    assert [e.text for e in rule.exceptions] == ["within 2 years of enrollment"]


def test_a_heading_without_a_window_leaves_the_finding_decided() -> None:
    heading = "History of one or more of the following cardiovascular disorders"
    rule = parse_criterion("Myocardial infarction", EXC, heading)
    assert isinstance(rule, FindingRule)
    assert rule.exceptions == []
    assert (
        outcome(EXC, "Myocardial infarction", patient(findings={"myocardial_infarction": True}), heading)
        is FAIL
    )
