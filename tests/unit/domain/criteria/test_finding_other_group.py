"""A finding followed by another group of patients ("or being diagnosed with ...", ", patient with ..."): the
group is an alternative that excludes on its own, not a narrowing of the finding. Read as a narrowing, the
patient without the finding passed whatever the group said."""

from __future__ import annotations

from one_criterion import exclusion, outcome, patient, review

from trialmatch.domain.criteria import AnyOf, FindingRule
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

EXC = Section.EXCLUSION
PASS, FAIL, UNKNOWN = Outcome.PASS, Outcome.FAIL, Outcome.UNKNOWN

PACEMAKER = (
    "Have a pacemaker or being diagnosed with a cardiac problem that disables the participant to take "
    "place in an exercise program"
)
CONTRACEPTION = (
    "Pregnancy or breastfeeding, patient with childbearing potential that refused acceptable "
    "contraceptive method"
)


def test_or_being_diagnosed_with_is_a_second_group_left_to_review() -> None:
    assert review(PACEMAKER, EXC) == (
        "'or (those) with ...' names another group of patients, not a narrowing of the finding"
    )
    no_pacemaker = patient(findings={"pacemaker": False, "cardiovascular_disease": True})
    assert outcome(EXC, PACEMAKER, no_pacemaker) is UNKNOWN


def test_a_group_listed_after_a_comma_excludes_on_its_own() -> None:
    rule = exclusion(CONTRACEPTION)
    assert isinstance(rule, AnyOf)
    parts = [
        (c.concept, c.present, [e.text for e in c.exceptions])
        for c in rule.children
        if isinstance(c, FindingRule)
    ]
    assert parts == [
        ("pregnancy", True, []),
        ("breastfeeding", True, []),
        ("childbearing_potential", True, ["that refused acceptable contraceptive method"]),
    ]
    assert outcome(EXC, CONTRACEPTION, patient(findings={"pregnancy": True})) is FAIL
    not_fertile = patient(
        findings={"pregnancy": False, "breastfeeding": False, "childbearing_potential": False}
    )
    assert outcome(EXC, CONTRACEPTION, not_fertile) is PASS
    fertile = patient(findings={"pregnancy": False, "breastfeeding": False, "childbearing_potential": True})
    assert outcome(EXC, CONTRACEPTION, fertile) is UNKNOWN


def test_groups_listed_as_the_exceptions_stay_exceptions() -> None:
    text = (
        "History or active autoimmune disease with the following exceptions: patients with a history of "
        "autoimmune-related hypothyroidism on a stable dose of thyroid replacement hormone, patients with "
        "controlled Type 1 diabetes mellitus on a stable insulin regimen"
    )
    rule = exclusion(text)
    assert isinstance(rule, FindingRule)
    assert rule.concept == "autoimmune_disease"
    assert outcome(EXC, text, patient(findings={"autoimmune_disease": False})) is PASS
    assert outcome(EXC, text, patient(findings={"autoimmune_disease": True})) is UNKNOWN
