"""Diabetic neuropathy, AIDS and sepsis are narrower than peripheral neuropathy, HIV infection and an active
infection: read as the broader finding, "No diabetic neuropathy" failed the patient with a chemotherapy
neuropathy, "No AIDS-related illness" the patient with a controlled HIV infection, and "Diagnosed with sepsis"
admitted any patient with an infection."""

from __future__ import annotations

from one_criterion import exclusion, finding_shape, inclusion, outcome, patient

from trialmatch.domain.criteria import AnyOf
from trialmatch.domain.evaluation import Outcome


def test_diabetic_neuropathy_is_not_every_neuropathy():
    text = "No diabetic neuropathy"
    context = "PATIENT CHARACTERISTICS: Neurologic"
    assert finding_shape(inclusion(text)) == ("diabetic_neuropathy", False, "any", [])
    chemo_induced = patient(findings={"peripheral neuropathy": True, "diabetes": False})
    assert outcome("inclusion", text, chemo_induced, context) is Outcome.PASS
    assert outcome("inclusion", text, patient(findings={"neuropathy": True}), context) is Outcome.UNKNOWN
    diabetic = patient(findings={"diabetic neuropathy": True})
    assert outcome("inclusion", text, diabetic, context) is Outcome.FAIL
    assert outcome("inclusion", text, patient(findings={"neuropathy": False}), context) is Outcome.PASS
    # the broader criterion still excludes a diabetic neuropathy
    assert outcome("exclusion", "Peripheral neuropathy", diabetic) is Outcome.FAIL


def test_aids_is_not_every_hiv_infection():
    text = "No AIDS-related illness"
    context = "PATIENT CHARACTERISTICS: Other"
    assert finding_shape(inclusion(text)) == ("aids", False, "any", [])
    assert finding_shape(inclusion("No AIDS")) == ("aids", False, "any", [])
    controlled = patient(findings={"HIV": True})
    assert outcome("inclusion", text, controlled, context) is Outcome.UNKNOWN
    assert outcome("inclusion", text, patient(findings={"HIV": True, "AIDS": False}), context) is Outcome.PASS
    assert outcome("inclusion", text, patient(findings={"AIDS": True}), context) is Outcome.FAIL
    assert outcome("inclusion", text, patient(findings={"HIV": False}), context) is Outcome.PASS
    either = exclusion("Known HIV positivity or AIDS-related illness")
    assert isinstance(either, AnyOf)
    assert [finding_shape(c)[0] for c in either.children] == ["hiv", "aids"]
    assert outcome("exclusion", "Known HIV positivity or AIDS-related illness", controlled) is Outcome.FAIL


def test_sepsis_is_not_every_active_infection():
    text = "Diagnosed with sepsis or septic shock"
    rule = inclusion(text)
    assert isinstance(rule, AnyOf)
    assert [finding_shape(c)[0] for c in rule.children] == ["sepsis", "septic_shock"]
    infection = patient(findings={"active infection": True})
    assert outcome("inclusion", text, infection) is Outcome.UNKNOWN
    assert outcome("inclusion", text, patient(findings={"sepsis": True})) is Outcome.PASS
    assert outcome("inclusion", text, patient(findings={"active infection": False})) is Outcome.FAIL
    # septic shock is a sepsis, and an active infection
    shock = patient(findings={"septic shock": True})
    assert outcome("exclusion", "Active infection", shock) is Outcome.FAIL
    assert outcome("exclusion", "Sepsis", shock) is Outcome.FAIL
