"""A finding narrowed by a NYHA class, then "with" thresholds: the finding keeps its class, beside the
thresholds."""

from __future__ import annotations

from one_criterion import entered, exclusion, inclusion, limit_of, outcome, patient

from trialmatch.domain.criteria import FindingRule
from trialmatch.domain.criteria.logic import AllOf
from trialmatch.domain.evaluation import Outcome

ADULTS = (
    "Adults 18 years of age or greater with New York Heart Association functional class II, III, or IV HFrEF "
    "with left ventricular ejection fraction < 45% within 12 months of enrollment;"
)


def test_the_age_the_classed_heart_failure_and_the_ejection_fraction_are_all_required():
    rule = inclusion(ADULTS)
    assert isinstance(rule, AllOf)
    age, failure, lvef = rule.children
    assert (age.kind, age.min, age.max) == ("age", 18, None)  # type: ignore[attr-defined]
    assert isinstance(failure, FindingRule)
    assert (failure.concept, failure.present) == ("heart_failure", True)
    assert [e.text for e in failure.exceptions] == [
        "New York Heart Association functional class II, III, or IV"
    ]
    assert limit_of(lvef) == ("lvef", "<", 45, "%")


def test_the_class_is_left_to_the_clinician_and_a_missing_value_or_finding_is_unknown():
    failing = patient(labs=entered(("lvef", 38, "%")), findings={"heart_failure": True})
    assert outcome("inclusion", ADULTS, failing) is Outcome.UNKNOWN  # the NYHA class is not on file
    normal = patient(labs=entered(("lvef", 60, "%")), findings={"heart_failure": True})
    assert outcome("inclusion", ADULTS, normal) is Outcome.FAIL
    healthy = patient(labs=entered(("lvef", 38, "%")), findings={"heart_failure": False})
    assert outcome("inclusion", ADULTS, healthy) is Outcome.FAIL
    assert outcome("inclusion", ADULTS, patient(findings={"heart_failure": True})) is Outcome.UNKNOWN
    young = patient(age=16, labs=entered(("lvef", 38, "%")), findings={"heart_failure": True})
    assert outcome("inclusion", ADULTS, young) is Outcome.FAIL


def test_an_exclusion_excludes_no_one_without_the_finding_or_with_a_value_inside_the_limit():
    text = "NYHA class III or IV heart failure with LVEF < 40%"
    rule = exclusion(text)
    assert isinstance(rule, AllOf)
    failure, lvef = rule.children
    assert isinstance(failure, FindingRule)
    assert [e.text for e in failure.exceptions] == ["NYHA class III or IV"]
    assert limit_of(lvef) == ("lvef", "<", 40, "%")
    low = entered(("lvef", 30, "%"))
    assert outcome("exclusion", text, patient(labs=low, findings={"heart_failure": False})) is Outcome.PASS
    normal = entered(("lvef", 55, "%"))
    assert outcome("exclusion", text, patient(labs=normal, findings={"heart_failure": True})) is Outcome.PASS
    assert outcome("exclusion", text, patient(labs=low, findings={"heart_failure": True})) is Outcome.UNKNOWN
