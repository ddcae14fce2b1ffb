"""Time phrases in lab sentences (round 11): a duration that belongs to a finding read as its narrowing, a
measurement window kept with its lab value, and values from another time kept for review; with the values and
verdicts a clinician checks."""

from __future__ import annotations

from one_criterion import entered, exclusion, inclusion, limit_of, outcome, patient

from trialmatch.domain.criteria import FindingRule
from trialmatch.domain.criteria.logic import AllOf
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

INC, EXC = Section.INCLUSION, Section.EXCLUSION


# --- how long a finding has lasted narrows it --------------------------------------------------------------

ITP = (
    "Diagnosis of ITP ≥3 months, and with a platelet count of <30 X 109/L measured within 2 days prior to "
    "inclusion"
)


def test_a_finding_duration_and_a_measured_platelet_count_are_two_requirements():
    rule = inclusion(ITP)
    assert isinstance(rule, AllOf)
    finding, platelets = rule.children
    assert isinstance(finding, FindingRule)
    assert finding.concept == "immune_thrombocytopenia"
    assert [e.text for e in finding.exceptions] == ["≥3 months"]  # the window stays with the count
    assert limit_of(platelets) == ("platelets", "<", 30, "10^9/L")


def test_the_itp_duration_is_left_to_the_clinician_and_the_platelet_count_decides():
    low = entered(("platelets", 22, "10^9/L"))
    high = entered(("platelets", 45, "10^9/L"))
    assert outcome(INC, ITP, patient(findings={"ITP": True}, labs=low)) is Outcome.UNKNOWN
    assert outcome(INC, ITP, patient(findings={"ITP": True}, labs=high)) is Outcome.FAIL
    assert outcome(INC, ITP, patient(findings={"ITP": False}, labs=low)) is Outcome.FAIL


def test_a_duration_after_for_narrows_the_finding_in_an_exclusion():
    text = "Type II Diabetes Mellitus for greater than 11 years at the time of enrollment."
    rule = exclusion(text)
    assert isinstance(rule, FindingRule)
    assert (rule.concept, [e.text for e in rule.exceptions]) == (
        "type2_diabetes",
        ["for greater than 11 years"],
    )
    assert outcome(EXC, text, patient(findings={"type 2 diabetes": False})) is Outcome.PASS
    assert outcome(EXC, text, patient(findings={"type 2 diabetes": True})) is Outcome.UNKNOWN


def test_how_often_a_symptom_occurs_narrows_it():
    rule = inclusion("dysphagia at least 2 days per week")
    assert isinstance(rule, FindingRule)
    assert [e.text for e in rule.exceptions] == ["at least 2 days per week"]


def test_a_bare_number_of_years_is_no_duration_of_the_finding():
    assert inclusion("HIV infection ≥ 18 years").kind == "review"
