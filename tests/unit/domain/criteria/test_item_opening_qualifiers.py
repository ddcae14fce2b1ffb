"""A qualifier opening a later item of a finding list narrows that item, not the ones before it ("type 1
diabetes or uncontrolled type 2 diabetes"), and one in a later sentence narrows that sentence's finding
("Active hepatitis B or C. Human immunodeficiency virus with detectable viral load."). Read for the earlier
items too, a patient with type 1 diabetes or active hepatitis B went to review instead of being excluded."""

from __future__ import annotations

from one_criterion import exclusion, outcome, patient

from trialmatch.domain.criteria import AnyOf, FindingRule
from trialmatch.domain.evaluation import Outcome


def _findings(rule: object) -> list[tuple[str, str, list[str]]]:
    assert isinstance(rule, AnyOf), rule
    found = []
    for child in rule.children:
        assert isinstance(child, FindingRule), child
        found.append((child.concept, child.qualifier, [e.text for e in child.exceptions]))
    return found


def test_uncontrolled_before_type_2_diabetes_leaves_type_1_whole():
    text = "Subjects with type 1 diabetes or uncontrolled type 2 diabetes"
    assert _findings(exclusion(text)) == [
        ("type1_diabetes", "any", []),
        ("type2_diabetes", "any", ["uncontrolled"]),
    ]
    assert outcome("exclusion", text, patient(findings={"type 1 diabetes": True})) is Outcome.FAIL
    type_2 = patient(findings={"type 1 diabetes": False, "type 2 diabetes": True})
    assert outcome("exclusion", text, type_2) is Outcome.UNKNOWN
    assert outcome("exclusion", text, patient(findings={"diabetes": False})) is Outcome.PASS


def test_symptomatic_before_ischaemic_heart_disease_leaves_heart_failure_whole():
    text = "Current clinical heart failure or symptomatic ischemic heart disease."
    assert _findings(exclusion(text)) == [
        ("heart_failure", "active", []),
        ("coronary_artery_disease", "active", ["symptomatic"]),
    ]
    assert outcome("exclusion", text, patient(findings={"heart failure": True})) is Outcome.FAIL
    ischaemic = patient(findings={"heart failure": False, "coronary artery disease": True})
    assert outcome("exclusion", text, ischaemic) is Outcome.UNKNOWN
    neither = patient(findings={"heart failure": False, "coronary artery disease": False})
    assert outcome("exclusion", text, neither) is Outcome.PASS
    # a word opening the first item still narrows the whole list, and a stage naming the disease again
    # still narrows it
    assert [e.text for e in exclusion("Severe hepatic or renal insufficiency").children[1].exceptions] == [
        "Severe"
    ]
    stage = exclusion("renal disease (stage 4 CKD)")
    assert isinstance(stage, FindingRule)
    assert [e.text for e in stage.exceptions] == ["stage 4"]


def test_a_later_sentence_qualifies_its_own_finding():
    text = "Active hepatitis B or C. Human immunodeficiency virus with detectable viral load."
    assert _findings(exclusion(text)) == [
        ("hbv", "active", []),
        ("hcv", "active", []),
        ("hiv", "active", ["with detectable viral load"]),
    ]
    others = {"hepatitis C": False, "HIV": False}
    assert (
        outcome("exclusion", text, patient(findings={**others, "active hepatitis B": True})) is Outcome.FAIL
    )
    hiv = patient(findings={"hepatitis B": False, "hepatitis C": False, "HIV": True})
    assert outcome("exclusion", text, hiv) is Outcome.UNKNOWN
    none = patient(findings={"hepatitis B": False, "hepatitis C": False, "HIV": False})
    assert outcome("exclusion", text, none) is Outcome.PASS


def test_a_qualifier_inside_the_first_items_synonym_is_shared_by_a_bare_list():
    text = "Has symptomatic pleural effusion, pericardial effusion, or poorly controlled ascites"
    assert _findings(exclusion(text)) == [
        ("pleural_effusion", "any", ["symptomatic"]),
        ("pericardial_effusion", "any", ["symptomatic"]),
        ("ascites", "any", ["poorly controlled"]),
    ]
    # a small pericardial effusion without symptoms excluded the patient
    pericardial = patient(
        findings={"pleural effusion": False, "pericardial effusion": True, "ascites": False}
    )
    assert outcome("exclusion", text, pericardial) is Outcome.UNKNOWN
    none = patient(findings={"pleural effusion": False, "pericardial effusion": False, "ascites": False})
    assert outcome("exclusion", text, none) is Outcome.PASS
