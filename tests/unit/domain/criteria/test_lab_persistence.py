"""Time spans in lab sentences: the ones that only say when or how a value is looked at are read with the
threshold, the ones that change what is measured stay for review."""

from __future__ import annotations

from typing import Any

import one_criterion
from one_criterion import inclusion, lab, review

from trialmatch.domain.criteria import AnyOf, DerivedValueRule, LabThreshold
from trialmatch.domain.criteria.base import Comparator
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

INC, EXC = Section.INCLUSION, Section.EXCLUSION
LE, LT, GT = Comparator.LE, Comparator.LT, Comparator.GT


def outcome(text: str, *labs: dict[str, Any], section: Section = INC) -> Outcome:
    return one_criterion.outcome(section, text, one_criterion.patient(labs=list(labs)))


# A note on the course of the value: today's value must meet the threshold, the course is for the clinician


def test_not_increasing_before_transplant_qualifies_the_threshold_before_it():
    text = (
        "SGOT no greater than 4 times upper limit of normal and not increasing for 2-4 weeks prior to "
        "transplant"
    )
    rule = lab(text)
    assert (rule.analyte, rule.comparator, rule.value, rule.multiple_of) == ("ast", LE, 4.0, "uln")
    assert rule.qualifier == "not increasing for 2-4 weeks prior to transplant"
    assert outcome(text, {"test": "AST", "value": 200, "unit": "U/L", "uln": 40}) is Outcome.FAIL
    assert outcome(text, {"test": "AST", "value": 80, "unit": "U/L", "uln": 40}) is Outcome.UNKNOWN
    assert outcome(text) is Outcome.UNKNOWN


def test_the_note_binds_only_the_alternative_it_follows():
    text = (
        "Renal: Creatinine less than 2 times normal and not increasing for 2-4 weeks prior to transplant OR "
        "Creatinine clearance greater than 60 mL/min"
    )
    rule = inclusion(text)
    assert isinstance(rule, AnyOf)
    creatinine, clearance = rule.children
    assert isinstance(creatinine, LabThreshold)
    assert isinstance(clearance, DerivedValueRule)
    assert (creatinine.comparator, creatinine.value, creatinine.multiple_of) == (LT, 2.0, "uln")
    assert creatinine.qualifier == "not increasing for 2-4 weeks prior to transplant"
    assert (clearance.analyte, clearance.comparator, clearance.value, clearance.unit) == (
        "crcl",
        GT,
        60.0,
        "mL/min",
    )


def test_stable_glycaemic_control_qualifies_the_hba1c_limit():
    text = "HbA1c < 9 at enrolment with stable glycemic control for the last three months"
    rule = lab(text)
    assert (rule.analyte, rule.comparator, rule.value, rule.unit) == ("hba1c", LT, 9.0, "%")
    assert rule.qualifier == "stable glycemic control for the last three months"
    assert outcome(text, {"test": "HbA1c", "value": 10.2, "unit": "%"}) is Outcome.FAIL
    assert outcome(text, {"test": "HbA1c", "value": 7.1, "unit": "%"}) is Outcome.UNKNOWN


def test_a_leading_stable_qualifies_the_count():
    rule = lab("Stable absolute neutrophil count (ANC) > 1000")
    assert (rule.analyte, rule.comparator, rule.value, rule.unit) == ("anc", GT, 1000.0, "/µL")
    assert rule.qualifier == "Stable"


def test_in_an_exclusion_a_persisting_value_past_the_limit_is_left_to_the_clinician():
    text = "Creatinine > 2 mg/dL and stable for at least 4 weeks"
    rule = lab(text, EXC)
    assert (rule.analyte, rule.comparator, rule.value, rule.unit) == ("creatinine", GT, 2.0, "mg/dL")
    assert rule.qualifier == "stable for at least 4 weeks"
    creatinine = {"test": "creatinine", "unit": "mg/dL"}
    assert outcome(text, {**creatinine, "value": 1.0}, section=EXC) is Outcome.PASS
    assert outcome(text, {**creatinine, "value": 2.6}, section=EXC) is Outcome.UNKNOWN


def test_course_words_that_are_no_note_on_the_value_stay_for_review():
    assert "stable" in str(inclusion("ALT ≤ 3 x ULN and stable disease"))
    assert review("No creatinine > 2 mg/dL and not increasing").startswith("'no' before a threshold")
    assert review("eGFR > 60 mL/min/1.73 m2 and stable for 3 months").startswith("a note on the course")


def test_glycaemic_control_qualifies_every_glycaemic_value():
    rule = inclusion("Glucose < 200 mg/dL and HbA1c < 9% with stable glycemic control for 3 months")
    assert [(t.analyte, t.qualifier) for t in one_criterion.thresholds(rule)] == [
        ("glucose", "stable glycemic control for 3 months"),
        ("hba1c", "stable glycemic control for 3 months"),
    ]
    rule = inclusion("Creatinine < 2 mg/dL and HbA1c < 9% with stable glycemic control for 3 months")
    assert [(t.analyte, t.qualifier) for t in one_criterion.thresholds(rule)] == [
        ("creatinine", None),
        ("hba1c", "stable glycemic control for 3 months"),
    ]


# A time span inside a condition that names no finding: the condition is never granted unseen


def test_a_time_span_in_an_unchecked_anticoagulation_condition_is_part_of_its_words():
    text = (
        "International normalized ratio (INR) and Partial thromboplastin time (PTT) =< 3.0 x ULN "
        "(anticoagulation is allowed if target INR =< 3.0 x ULN on a stable dose of warfarin or on a stable "
        "dose of low-molecular-weight [LMW] heparin for > 2 weeks at time of registration)"
    )
    rules = one_criterion.thresholds(inclusion(text))
    assert [(r.analyte, r.comparator, r.value, r.multiple_of) for r in rules] == [
        ("inr", LE, 3.0, "uln"),
        ("ptt", LE, 3.0, "uln"),
    ]
    for rule in rules:
        (exception,) = rule.exceptions
        assert exception.concept is None
        assert exception.text.endswith("heparin for > 2 weeks at time of registration")
    inr = {"test": "INR", "value": 1.1, "unit": "1", "uln": 1.2}
    ptt = {"test": "PTT", "value": 30, "unit": "s", "uln": 35}
    assert outcome(text, inr, ptt) is Outcome.PASS


def test_a_time_span_in_a_condition_naming_a_finding_stays_for_review():
    text = "AST ≤ 3 x ULN (≤ 5 x ULN if liver metastases diagnosed for > 2 weeks)"
    assert review(text) == "a time span in a lab sentence: '> 2 weeks'"
