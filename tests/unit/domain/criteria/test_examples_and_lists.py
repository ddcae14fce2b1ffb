"""Long items that join several findings, thresholds and notes: each part read as a clinician reads it, how
a patient fares under the whole, and what stays for review."""

from __future__ import annotations

import pytest
from one_criterion import exclusion, inclusion, outcome, patient, thresholds

from trialmatch.domain.criteria import AnyOf, FindingRule, NeedsReview
from trialmatch.domain.criteria.base import Comparator
from trialmatch.domain.evaluation import Outcome

HEART_EXAMPLES = (
    "Significant cardiovascular disease, such as New York Heart Association cardiac disease (Class II or "
    "greater), myocardial infarction within 6 months, heart block with second degree or greater, QTcB > "
    "430ms（male）or > 450ms（female）."
)
HEART_LIKE = (
    "Patients with clinically significant heart diseases like unstable angina/acute myocardial infarction "
    "within 6 months prior to screening, NYHA class III-IV congestive cardiac failure, uncontrolled "
    "hypertension, arrhythmias or QTcF≥470 ms on the screening electrocardiogram (ECG)"
)


def _concepts(rule: AnyOf) -> list[str]:
    return [child.concept for child in rule.children if isinstance(child, FindingRule)]


def test_an_exclusion_finding_and_its_unbracketed_examples_each_exclude():
    rule = exclusion(HEART_EXAMPLES)
    assert isinstance(rule, AnyOf)
    assert _concepts(rule) == [
        "cardiovascular_disease",
        "heart_failure",
        "myocardial_infarction",
        "heart_block",
    ]
    assert [(t.analyte, t.comparator, t.value, t.unit, t.sex) for t in thresholds(rule)] == [
        ("qtcb", Comparator.GT, 430.0, "ms", "male"),
        ("qtcb", Comparator.GT, 450.0, "ms", "female"),
    ]
    assert not any(isinstance(child, NeedsReview) for child in rule.children)


def test_examples_after_like_and_a_slash_between_two_findings():
    rule = exclusion(HEART_LIKE)
    assert isinstance(rule, AnyOf)
    assert _concepts(rule) == [
        "cardiovascular_disease",
        "angina",
        "myocardial_infarction",
        "heart_failure",
        "uncontrolled_hypertension",
        "arrhythmia",
    ]
    assert [(t.analyte, t.comparator, t.value) for t in thresholds(rule)] == [("qtcf", Comparator.GE, 470.0)]


@pytest.mark.parametrize(
    ("findings", "qtc", "expected"),
    [
        ({"cardiovascular disease": False, "hypertension": False}, 440, "pass"),
        ({"cardiovascular disease": False, "hypertension": False}, 480, "fail"),
        ({"cardiovascular disease": True}, 440, "unknown"),
        ({}, None, "unknown"),
    ],
)
def test_a_patient_under_the_examples(findings: dict[str, bool], qtc: float | None, expected: str):
    """A QTcF over the limit excludes; a heart disease recorded present is the clinician's to weigh
    ("clinically significant"); nothing recorded is unknown, never a fail."""
    labs = [] if qtc is None else [{"test": "QTcF", "value": qtc, "unit": "ms"}]
    facts = patient(sex="male", findings=findings, labs=labs)
    assert outcome("exclusion", HEART_LIKE, facts) is Outcome(expected)


def test_examples_in_an_inclusion_are_not_what_is_required():
    rule = inclusion("Significant cardiovascular disease, such as myocardial infarction or QTcF > 470 ms")
    assert isinstance(rule, NeedsReview)


def test_an_example_the_engine_cannot_read_keeps_the_item_for_review():
    rule = exclusion(
        "Uncontrolled co-morbidities, including but not limited to: symptomatic congestive heart failure, "
        "LVEF <50%, intra-abdominal abscess"
    )
    assert isinstance(rule, NeedsReview)


def test_a_head_handed_to_the_investigator_is_not_a_finding_with_examples():
    rule = exclusion(
        "Any condition that in the opinion of the investigator may interfere, such as QTcF > 470 ms or angina"
    )
    assert isinstance(rule, NeedsReview)


@pytest.mark.parametrize(
    ("text", "concept", "narrowing"),
    [
        ("third degree atrioventricular block", "heart_block", "third degree"),
        ("high-grade AV-block", "heart_block", "high-grade"),
        ("second-degree or higher heart block", "heart_block", "second-degree or higher"),
        ("uncontrolled multifocal cardiac arrhythmias", "arrhythmia", "multifocal"),
    ],
)
def test_a_degree_or_grade_narrows_the_finding(text: str, concept: str, narrowing: str):
    rule = exclusion(text)
    assert isinstance(rule, FindingRule)
    assert rule.concept == concept
    assert narrowing in [e.text for e in rule.exceptions]


def test_a_slash_joins_two_findings_unless_a_synonym_holds_it():
    rule = exclusion("Pregnancy/Lactation")
    assert isinstance(rule, AnyOf)
    assert _concepts(rule) == ["pregnancy", "breastfeeding"]
    kept = inclusion("ER and/or PR positive")
    assert isinstance(kept, FindingRule)
    assert kept.concept == "hormone_receptor_positive"


def test_what_a_finding_required_narrows_it_and_is_no_finding_of_its_own():
    """ "pneumonitis that required systemic steroids" does not exclude every patient ever given steroids."""
    rule = exclusion(
        "Has a history of (noninfectious) pneumonitis that required systemic steroids or current "
        "pneumonitis/interstitial lung disease."
    )
    assert isinstance(rule, AnyOf)
    assert _concepts(rule) == ["pneumonitis", "pneumonitis", "interstitial_lung_disease"]
    assert [e.text for e in rule.children[0].exceptions] == ["that required systemic steroids"]
    assert [(c.qualifier, c.exceptions) for c in rule.children[1:2]] == [
        ("active", [])
    ]  # current pneumonitis


LABELLED = (
    "With clinically significant cardiovascular disease: a) uncontrollable hypertension after treatment "
    "(systolic blood pressure ≥160mmHg and/ or diastolic blood pressure ≥110 mmHg); b) Has a history of "
    "myocardial infarction or unstable angina within 6 months before enrollment; c) Congestive heart "
    "failure or grade II heart failure; d) Arrhythmia in serious need of medical treatment, excluding "
    "asymptomatic atrial fibrillation with controllable heart rate."
)


def test_a_labelled_list_after_a_colon_gives_the_examples_of_the_finding():
    rule = exclusion(LABELLED)
    assert isinstance(rule, AnyOf)
    assert [(t.analyte, t.comparator, t.value, t.unit) for t in thresholds(rule)] == [
        ("sbp", Comparator.GE, 160.0, "mmHg"),
        ("dbp", Comparator.GE, 110.0, "mmHg"),
    ]
    first = rule.children[0]
    assert isinstance(first, AnyOf)
    assert isinstance(first.children[0], FindingRule)
    assert first.children[0].concept == "cardiovascular_disease"


@pytest.mark.parametrize(
    ("sbp", "hypertension", "expected"),
    [(170, True, "unknown"), (130, False, "pass"), (None, False, "unknown")],
)
def test_a_patient_under_the_labelled_list(sbp: float | None, hypertension: bool, expected: str):
    """The pressures were taken on treatment, which the file does not say: a value over the limit goes to
    the clinician, one under it (with every finding recorded absent) passes."""
    labs = [] if sbp is None else [{"test": "SBP", "value": sbp, "unit": "mmHg"}]
    labs += [] if sbp is None else [{"test": "DBP", "value": 80, "unit": "mmHg"}]
    findings = {"cardiovascular disease": False, "hypertension": hypertension}
    assert outcome("exclusion", LABELLED, patient(findings=findings, labs=labs)) is Outcome(expected)


def test_a_list_label_opening_a_sentence_of_the_item_is_not_a_word():
    rule = exclusion("QTcF > 470 ms; b) Has a history of myocardial infarction within 6 months")
    assert isinstance(rule, AnyOf)
    assert [(t.analyte, t.value) for t in thresholds(rule)] == [("qtcf", 470.0)]
    assert _concepts(rule) == ["myocardial_infarction"]


def test_bare_commas_between_bracketed_examples_list_them():
    """In "(such as A, B and C)" each example excludes: the "and" enumerates, it does not ask for all."""
    rule = exclusion(
        "Significant cardiovascular disease (such as unstable angina, myocardial infarction and QTcF > 470 "
        "ms)."
    )
    assert isinstance(rule, AnyOf)
    assert _concepts(rule) == ["cardiovascular_disease", "angina", "myocardial_infarction"]
    assert [(t.analyte, t.comparator, t.value) for t in thresholds(rule)] == [("qtcf", Comparator.GT, 470.0)]
    qtc = [{"test": "QTcF", "value": 480, "unit": "ms"}]
    facts = patient(findings={"cardiovascular disease": False}, labs=qtc)
    text = "Significant cardiovascular disease (such as angina and QTcF > 470 ms)"
    # two examples joined by "and" alone may be one case needing both: the clinician reads it, never "both"
    assert outcome("exclusion", text, facts) is Outcome.UNKNOWN
