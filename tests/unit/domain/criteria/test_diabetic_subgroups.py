"""Glycaemic limits held by the diabetic patients only, or by one type of diabetes: the rule values a
clinician checks, and the verdicts for a patient who meets them, one who does not and one whose data are
missing."""

from __future__ import annotations

from typing import Any

from one_criterion import exclusion, inclusion, limits, outcome, patient

from trialmatch.domain.criteria import AllOf, AnyOf, FindingRule
from trialmatch.domain.criteria.base import Comparator
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

INC, EXC = Section.INCLUSION, Section.EXCLUSION
GT, LE, LT = Comparator.GT, Comparator.LE, Comparator.LT
PASS, FAIL, UNKNOWN = Outcome.PASS, Outcome.FAIL, Outcome.UNKNOWN


def _patient(findings: dict[str, bool] | None = None, hba1c: float | None = None) -> Any:
    labs = [] if hba1c is None else [{"test": "HbA1c", "value": hba1c, "unit": "%"}]
    return patient(findings=findings or {}, labs=labs)


def _finding(rule: object) -> tuple[str, bool, list[str]]:
    assert isinstance(rule, FindingRule)
    return rule.concept, rule.present, [e.text for e in rule.exceptions]


# --- "type I or uncontrolled type II diabetes (HbA1c > 7)" ------------------------------------------------

TYPE_I_OR_UNCONTROLLED_II = (
    "Participant with type I or uncontrolled type II diabetes mellitus (HbA1c >7, [as per ADA/ACP guidelines "
    "2020])."
)


def test_type_1_excludes_alone_and_type_2_when_the_hba1c_says_it_is_uncontrolled():
    rule = exclusion(TYPE_I_OR_UNCONTROLLED_II)
    assert isinstance(rule, AnyOf)
    first, second = rule.children
    assert _finding(first) == ("type1_diabetes", True, [])
    assert isinstance(second, AllOf)
    finding, threshold = second.children
    # the HbA1c is what "uncontrolled" means: no word left to the clinician
    assert _finding(finding) == ("type2_diabetes", True, [])
    assert limits(threshold) == [("hba1c", GT, 7.0, "%")]


def test_type_1_or_uncontrolled_type_2_verdicts():
    no_type_1 = {"type 1 diabetes": False}
    assert outcome(EXC, TYPE_I_OR_UNCONTROLLED_II, _patient({"type 1 diabetes": True}, 6.0)) is FAIL
    assert (
        outcome(EXC, TYPE_I_OR_UNCONTROLLED_II, _patient({**no_type_1, "type 2 diabetes": True}, 8.2)) is FAIL
    )
    assert (
        outcome(EXC, TYPE_I_OR_UNCONTROLLED_II, _patient({**no_type_1, "type 2 diabetes": True}, 6.4)) is PASS
    )
    assert outcome(EXC, TYPE_I_OR_UNCONTROLLED_II, _patient({**no_type_1, "type 2 diabetes": False})) is PASS
    assert (
        outcome(EXC, TYPE_I_OR_UNCONTROLLED_II, _patient({**no_type_1, "type 2 diabetes": True})) is UNKNOWN
    )
    assert outcome(EXC, TYPE_I_OR_UNCONTROLLED_II, _patient()) is UNKNOWN


def test_a_bracket_defining_uncontrolled_diabetes_leaves_no_control_word_to_the_clinician():
    text = "Uncontrolled type 2 diabetes (HbA1c > 9%)"
    rule = exclusion(text)
    assert isinstance(rule, AllOf)
    assert _finding(rule.children[0]) == ("type2_diabetes", True, [])
    assert outcome(EXC, text, _patient({"type 2 diabetes": True}, 10.1)) is FAIL
    assert outcome(EXC, text, _patient({"type 2 diabetes": True}, 7.0)) is PASS


def test_a_narrowing_that_is_not_control_stays_on_the_finding():
    rule = exclusion("Symptomatic heart failure (LVEF < 40%)")
    assert isinstance(rule, AllOf)
    assert _finding(rule.children[0]) == ("heart_failure", True, ["Symptomatic"])


# --- "without type 2 diabetes, or with T2D if their HbA1c is 10% or lower" ---------------------------------

WITHOUT_OR_WITH_IF = (
    "Participants may be without type 2 diabetes (T2D), or with T2D if their hemoglobin A1c (HbA1c) is 10% "
    "or lower"
)


def test_without_the_diagnosis_or_with_it_under_a_limit():
    rule = inclusion(WITHOUT_OR_WITH_IF)
    assert isinstance(rule, AnyOf)
    without, requirement = rule.children
    assert _finding(without) == ("type2_diabetes", False, [])
    assert limits(requirement) == [("hba1c", LE, 10.0, "%")]


def test_without_or_with_if_verdicts():
    assert outcome(INC, WITHOUT_OR_WITH_IF, _patient({"type 2 diabetes": False})) is PASS
    assert outcome(INC, WITHOUT_OR_WITH_IF, _patient({"type 2 diabetes": True}, 9.4)) is PASS
    assert outcome(INC, WITHOUT_OR_WITH_IF, _patient({"type 2 diabetes": True}, 10.6)) is FAIL
    assert outcome(INC, WITHOUT_OR_WITH_IF, _patient({"type 2 diabetes": True})) is UNKNOWN
    assert outcome(INC, WITHOUT_OR_WITH_IF, _patient(hba1c=11.0)) is UNKNOWN


def test_a_second_diagnosis_other_than_the_first_is_not_read_so():
    text = "Participants may be without type 2 diabetes, or with hypertension if their HbA1c is 10% or lower"
    assert inclusion(text).kind == "review"


# --- "On standard anti-diabetic agents (metformin and/or insulin) with an HbA1c of <=9%" -------------------

ON_AGENTS = "On standard anti-diabetic agents (metformin and/or insulin) with an HbA1c of <=9% at screening"
ON_AGENTS_LISTED = (
    "On standard anti-diabetic agents (metformin, DPP-4 inhibitors, sulphonylureas or insulin, in any "
    "combination) with an HbA1c of <9% at screening"
)


def test_the_therapy_narrowed_by_the_agents_listed_and_the_limit():
    for text, comparator, agents in (
        (ON_AGENTS, LE, "metformin and/or insulin"),
        (ON_AGENTS_LISTED, LT, "metformin, DPP-4 inhibitors, sulphonylureas or insulin, in any combination"),
    ):
        rule = inclusion(text)
        assert isinstance(rule, AllOf)
        therapy, requirement = rule.children
        assert _finding(therapy) == ("antidiabetic_therapy", True, [agents])
        assert limits(requirement) == [("hba1c", comparator, 9.0, "%")]


def test_on_agents_verdicts():
    """Which agents a treated patient takes is the clinician's to check; untreated or at 9.5 % fails."""
    treated = {"antidiabetic therapy": True}
    assert outcome(INC, ON_AGENTS, _patient(treated, 8.0)) is UNKNOWN
    assert outcome(INC, ON_AGENTS, _patient(treated, 9.5)) is FAIL
    assert outcome(INC, ON_AGENTS, _patient({"antidiabetic therapy": False}, 8.0)) is FAIL
    assert outcome(INC, ON_AGENTS, _patient()) is UNKNOWN


def test_a_bracket_naming_something_other_than_agents_is_not_read_so():
    text = (
        "On standard anti-diabetic agents (as judged by the investigator) with an HbA1c of <9% at screening"
    )
    assert inclusion(text).kind == "review"
