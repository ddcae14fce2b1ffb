"""The patient's own informed consent, however the registry words it, is one finding the clinician records;
a representative's consent, a language or compliance with the protocol stay for review."""

from __future__ import annotations

import pytest
from one_criterion import exclusion, finding_shape, inclusion, outcome, patient, review

from trialmatch.domain.criteria import AgeRule, AllOf, NeedsReview, PerformanceStatusRule, SexRule
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section


@pytest.mark.parametrize(
    "text",
    [
        "Capable of giving signed informed consent.",
        "Ability to understand and the willingness to sign a written informed consent document",
        "Provide written informed consent before initiation of any study procedures.",
        "Able and willing to give informed consent",
        "Participants who are willing to sign an informed consent form.",
        "Written informed consent must be provided.",
    ],
)
def test_the_patients_own_consent_is_the_consent_finding(text: str) -> None:
    assert finding_shape(inclusion(text)) == ("informed_consent", True, "any", [])


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("Able to read, understand and provide written informed consent in English", "english"),
        ("Willing to give informed consent and comply with the trial protocol", "comply"),
        ("Parents or legal guardians must sign informed consent", "parents legal guardians"),
    ],
)
def test_more_than_the_patients_consent_stays_for_review(text: str, why: str) -> None:
    assert review(text).endswith(why)


@pytest.mark.parametrize(
    ("findings", "expected"),
    [
        ({"informed consent": True}, Outcome.PASS),
        ({}, Outcome.UNKNOWN),
        ({"informed consent": False}, Outcome.FAIL),
    ],
)
def test_consent_is_unknown_until_recorded(findings: dict[str, bool], expected: Outcome) -> None:
    text = "Capable of giving signed informed consent."
    assert outcome(Section.INCLUSION, text, patient(findings=findings)) is expected


def test_male_and_female_cut_apart_by_a_list_accept_either_sex() -> None:
    rule = inclusion("Age ≥ 18 years, Male and female patients, ECOG 0-1")
    assert isinstance(rule, AllOf)
    assert [type(child) for child in rule.children] == [AgeRule, SexRule, PerformanceStatusRule]
    assert [child.sex for child in rule.children if isinstance(child, SexRule)] == ["any"]
    text = "Age ≥ 18 years, male or female, ECOG 0-1"
    assert outcome(Section.INCLUSION, text, patient(ecog=1)) is Outcome.PASS
    assert outcome(Section.INCLUSION, text, patient(ecog=1, sex="male")) is Outcome.PASS


@pytest.mark.parametrize(
    "text", ["Male and female patients", "Age > 75 years, male and female patients, ECOG 3-4"]
)
def test_both_sexes_among_the_exclusions_exclude_no_one(text: str) -> None:
    """Read literally, "Male and female patients" among the exclusions failed every patient."""
    rule = exclusion(text)
    assert isinstance(rule, NeedsReview)
    assert rule.why == "both sexes named among the exclusions: it excludes no one in particular, judge it"
    assert outcome(Section.EXCLUSION, text, patient()) is Outcome.UNKNOWN
