"""HBsAg and detectable HCV RNA say a hepatitis infection is there now: a patient whose hepatitis B resolved
(recorded present, not active) is not excluded by "positive for HBsAg", nor failed by "HBsAg negative"."""

from __future__ import annotations

from one_criterion import exclusion, finding_shape, inclusion, outcome, patient

from trialmatch.domain.criteria import AnyOf, FindingRule
from trialmatch.domain.evaluation import Outcome

RESOLVED = {"hepatitis B": True, "active hepatitis B": False}


def test_positive_for_hbsag_excludes_a_current_infection_only():
    text = "Known to be positive for HBsAg"
    assert finding_shape(exclusion(text)) == ("hbv", True, "active", [])
    assert outcome("exclusion", text, patient(findings=RESOLVED)) is Outcome.PASS
    # hepatitis B recorded without saying whether it is active now: asked, not failed
    assert outcome("exclusion", text, patient(findings={"hepatitis B": True})) is Outcome.UNKNOWN
    assert outcome("exclusion", text, patient(findings={"active hepatitis B": True})) is Outcome.FAIL
    assert outcome("exclusion", text, patient(findings={"hepatitis B": False})) is Outcome.PASS


def test_hbsag_negative_admits_a_resolved_hepatitis_b():
    text = "Negative hepatitis B surface antigen test"
    assert finding_shape(inclusion(text)) == ("hbv", False, "active", [])
    assert outcome("inclusion", text, patient(findings=RESOLVED)) is Outcome.PASS
    assert outcome("inclusion", text, patient(findings={"active hepatitis B": True})) is Outcome.FAIL
    assert outcome("inclusion", text, patient(findings={"hepatitis B": False})) is Outcome.PASS


def test_an_antibody_or_a_history_keeps_its_reading():
    assert finding_shape(exclusion("History of HBsAg positive"))[2] == "history"
    rule = exclusion(
        "Positive serology for hepatitis B surface antigen (HBsAg) or a positive hepatitis C virus (HCV) "
        "antibody test at screening"
    )
    assert isinstance(rule, AnyOf), rule
    assert [(c.concept, c.qualifier) for c in rule.children if isinstance(c, FindingRule)] == [
        ("hbv", "active"),
        ("hcv", "any"),
    ]
    assert finding_shape(exclusion("Hepatitis B"))[2] == "any"
