"""Finding sentences whose words ask less, or other, than the lexicon concept they map to, and a finding named
twice as active and as past: each verdict is the one a clinician reading the sentence would give."""

from __future__ import annotations

from typing import Any

from one_criterion import exclusion, inclusion, outcome, patient, review

from trialmatch.domain.criteria import AnyOf, FindingRule
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

INC, EXC = Section.INCLUSION, Section.EXCLUSION
PASS, FAIL, UNKNOWN = Outcome.PASS, Outcome.FAIL, Outcome.UNKNOWN


def judged(section: Section, text: str, **findings: bool) -> Outcome:
    return outcome(section, text, patient(findings=findings))


def finding(rule: Any) -> tuple[str, bool, str, list[tuple[str | None, str]]]:
    assert isinstance(rule, FindingRule), rule
    return rule.concept, rule.present, rule.qualifier, [(e.concept, e.text) for e in rule.exceptions]


IBD = (
    "Active inflammatory bowel disease requiring immunosuppressive medication or previous history of "
    "inflammatory bowel disease."
)


def test_a_finding_named_as_active_or_past_excludes_a_past_one_too() -> None:
    rule = exclusion(IBD)
    assert isinstance(rule, AnyOf)
    assert [finding(c) for c in rule.children] == [
        ("inflammatory_bowel_disease", True, "active", [(None, "requiring immunosuppressive medication")]),
        ("inflammatory_bowel_disease", True, "history", []),
    ]
    # A past IBD recorded as not active now: read as the first half only, the patient passed.
    past = {"inflammatory bowel disease": True, "active inflammatory bowel disease": False}
    assert judged(EXC, IBD, **past) is FAIL
    assert judged(EXC, IBD, **{"crohn's disease": True}) is FAIL
    assert judged(EXC, IBD, **{"inflammatory bowel disease": False}) is PASS
    assert judged(EXC, IBD) is UNKNOWN


def test_active_or_past_cardiac_disease_both_exclude() -> None:
    text = "Active cardiac disease or history of cardiac dysfunction"
    rule = exclusion(text)
    assert isinstance(rule, AnyOf)
    assert [finding(c)[2] for c in rule.children] == ["active", "history"]
    assert judged(EXC, text, **{"heart failure": True}) is FAIL
    assert judged(EXC, text, **{"cardiovascular disease": False}) is PASS


def test_a_repeat_under_one_list_qualifier_adds_nothing() -> None:
    rule = exclusion("Subject is currently pregnant, breast-feeding and/or lactating.")
    assert isinstance(rule, AnyOf)
    assert [finding(c)[:3] for c in rule.children] == [
        ("pregnancy", True, "active"),
        ("breastfeeding", True, "active"),
    ]
    assert "smoking" in review("Current smoker or history of any tobacco use.", EXC)


def test_previous_treatment_for_a_finding_is_not_the_finding() -> None:
    # Latent TB is whom the trial enrols; read as the finding, every participant with it failed.
    assert review("Previous treatment for LTBI.", EXC) == "a treatment for the finding, not the finding"
    assert review("Cardiovascular: No concurrent treatment for congestive cardiac failure", INC) == (
        "a treatment for the finding, not the finding"
    )
    text = (
        "History within 6 months prior to starting study treatment of myocardial infarction (MI), angina "
        "pectoris, and coronary artery bypass graft (CABG)"
    )
    assert isinstance(exclusion(text), AnyOf)


CRISIS = "Prior history of hypertensive crisis or hypertensive encephalopathy"


def test_a_past_hypertensive_crisis_is_not_uncontrolled_hypertension_now() -> None:
    # A concept of its own (see test_narrower_findings): uncontrolled now, no crisis said, was a fail.
    assert judged(EXC, CRISIS, **{"uncontrolled hypertension": True}) is UNKNOWN
    assert judged(EXC, CRISIS, hypertension=False) is PASS


def test_hbsag_is_not_a_hepatitis_b_ever_had() -> None:
    # HBsAg marks an infection now (see test_current_infection_markers): a resolved one was a fail.
    text = "Positive hepatitis B surface antigen (HBsAg) test at screening"
    assert judged(EXC, text, **{"hepatitis b": True}) is UNKNOWN
    assert judged(EXC, text, **{"hepatitis b": False}) is PASS


def test_symptomatic_brain_metastases_are_not_all_active_ones() -> None:
    # Untreated asymptomatic metastases are active, and the trial takes them: was a fail.
    text = "symptomatic CNS metastases;"
    assert judged(EXC, text, **{"active brain metastases": True}) is UNKNOWN
    assert judged(EXC, text, **{"cns metastases": False}) is PASS
    no = "No symptomatic brain metastasis"
    assert judged(INC, no, **{"active brain metastases": True}) is UNKNOWN
    assert judged(INC, no, **{"brain metastases": False}) is PASS


def test_an_acute_coronary_syndrome_is_angina_or_an_infarction() -> None:
    text = "Concurrent acute coronary syndrome"
    assert finding(exclusion(text)) == (
        "coronary_artery_disease",
        True,
        "active",
        [(None, "acute coronary syndrome")],
    )
    # An infarction with no angina: read as angina, the patient passed.
    assert judged(EXC, text, **{"myocardial infarction": True, "angina": False}) is UNKNOWN
    assert judged(EXC, text, **{"coronary artery disease": False}) is PASS


def test_a_past_bleeding_is_not_the_bleeding_a_patient_file_records() -> None:
    # The patient file says whether the patient bleeds now: "no" passed a patient after a major bleed.
    assert review("No history of clinically significant bleeding", INC) == (
        "a past bleeding: the patient file says only whether the patient bleeds now"
    )
    assert "bleeds now" in review(
        "Has a history of bleeding prior to the initiation of the study treatment;", EXC
    )
    assert finding(exclusion("Active bleeding"))[:3] == ("active_bleeding", True, "active")


def test_acute_or_chronic_is_the_whole_finding() -> None:
    text = (
        "History of acute or chronic pancreatitis within the 6 months prior to start of the study treatment."
    )
    assert finding(exclusion(text)) == (
        "pancreatitis",
        True,
        "history",
        [(None, "within the 6 months prior to start of the study treatment")],
    )
    assert finding(exclusion("History of acute or chronic depression")) == ("depression", True, "history", [])
    assert judged(EXC, "History of acute or chronic depression", depression=True) is FAIL
    # "Chronic" beside "congestive" names heart failure a second way: the patient with it fails, not review.
    no = "No chronic or congestive heart failure"
    assert finding(inclusion(no)) == ("heart_failure", False, "any", [])
    assert judged(INC, no, **{"heart failure": True}) is FAIL
    assert judged(INC, no, **{"heart failure": False}) is PASS
    # Two narrowings joined by "or" still narrow.
    assert [e.text for e in exclusion("Severe or uncontrolled hypertension").exceptions] != []
