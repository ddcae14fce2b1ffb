"""Alternatives a finding list names are each read: the first adjective sharing "failure" ("severe liver and
renal failure"), an "active" after "history of" bounding its own items, and an item "will not be eligible"
refuses rather than accepts back. Read otherwise, a patient in liver failure, with a heart failure, or with a
resolved hepatitis B was judged on a sentence the engine had half read."""

from __future__ import annotations

from one_criterion import exclusion, finding_shape, outcome, patient

from trialmatch.domain.criteria import AnyOf, FindingRule, NeedsReview
from trialmatch.domain.evaluation import Outcome


def test_liver_shares_the_failure_of_renal_failure():
    text = "Severe liver and renal failure"
    rule = exclusion(text)
    assert isinstance(rule, AnyOf), rule
    assert [finding_shape(c) for c in rule.children] == [
        ("hepatic_failure", True, "any", ["Severe"]),
        ("renal_failure", True, "any", ["Severe"]),
    ]
    # a patient in liver failure passed: the liver was never read
    liver_failure = patient(findings={"liver failure": True, "renal failure": False})
    assert outcome("exclusion", text, liver_failure) is Outcome.UNKNOWN
    neither = patient(findings={"liver failure": False, "renal failure": False})
    assert outcome("exclusion", text, neither) is Outcome.PASS
    assert outcome("exclusion", text, patient()) is Outcome.UNKNOWN
    hepatic = exclusion("Severe hepatic or renal failure")
    assert isinstance(hepatic, AnyOf)
    assert [c.concept for c in hepatic.children if isinstance(c, FindingRule)] == [
        "hepatic_failure",
        "renal_failure",
    ]


HISTORY_OR_ACTIVE = (
    "Have a known history of human immunodeficiency virus infection or active hepatitis B or C infection, "
    "active tuberculosis."
)


def test_active_after_a_history_bounds_its_own_items():
    rule = exclusion(HISTORY_OR_ACTIVE)
    assert isinstance(rule, AnyOf), rule
    assert [finding_shape(c) for c in rule.children] == [
        ("hiv", True, "history", []),
        ("hbv", True, "active", []),
        ("hcv", True, "active", []),
        ("tuberculosis", True, "active", []),
    ]
    others = {"HIV": False, "hepatitis C": False, "tuberculosis": False}
    resolved_b = patient(findings={**others, "hepatitis B": True, "active hepatitis B": False})
    assert outcome("exclusion", HISTORY_OR_ACTIVE, resolved_b) is Outcome.PASS
    active_b = patient(findings={**others, "active hepatitis B": True})
    assert outcome("exclusion", HISTORY_OR_ACTIVE, active_b) is Outcome.FAIL
    treated_tb = {"HIV": False, "hepatitis B": False, "hepatitis C": False}
    treated_tb |= {"tuberculosis": True, "active tuberculosis": False}
    assert outcome("exclusion", HISTORY_OR_ACTIVE, patient(findings=treated_tb)) is Outcome.PASS
    assert outcome("exclusion", HISTORY_OR_ACTIVE, patient(findings={"HIV": True})) is Outcome.FAIL
    # with no later "active", the history covers the whole list
    plain = exclusion("History of hepatitis B or C")
    assert isinstance(plain, AnyOf)
    assert [(c.concept, c.qualifier) for c in plain.children if isinstance(c, FindingRule)] == [
        ("hbv", "history"),
        ("hcv", "history"),
    ]


def test_will_not_be_eligible_refuses_and_does_not_accept_back():
    text = (
        "Patients with a history of coronary artery disease with angina pectoris, or a history of congestive "
        "heart failure will not be eligible to receive. DA-Epoch-R chemotherapy."
    )
    # refused from one regimen only, and the heart failure was lost into an 'exception': a patient with
    # heart failure passed. The regimen is the trial's own arm: left to the clinician
    rule = exclusion(text)
    assert isinstance(rule, NeedsReview), rule
    heart_failure = patient(findings={"congestive heart failure": True, "coronary artery disease": False})
    assert outcome("exclusion", text, heart_failure) is Outcome.UNKNOWN
    plain = "Patients with a history of congestive heart failure will not be eligible."
    assert finding_shape(exclusion(plain)) == ("heart_failure", True, "history", [])
    assert outcome("exclusion", plain, patient(findings={"congestive heart failure": True})) is Outcome.FAIL
