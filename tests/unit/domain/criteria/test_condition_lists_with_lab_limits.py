"""Exclusion lists that name conditions beside a lab limit ("Clinically significant renal diseases (serum
creatinine >2.0mg/dL, anuria, renal failure or on dialysis at screening)", "Patients with other infections
requiring systemic anti-infective treatment, or ...: WBC > 10.0 × 10⁹/L"): each condition is a lexicon
concept, so the list reads with its limits."""

from __future__ import annotations

from one_criterion import entered, exclusion, limits_with_multiples, patient, result

from trialmatch.domain.criteria import AllOf, AnyOf, FindingRule, Rule
from trialmatch.domain.criteria.logic import leaves
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.lexicon import resolve_finding
from trialmatch.domain.trial import Section

EXC = Section.EXCLUSION
RENAL = (
    "Clinically significant renal diseases (serum creatinine >2.0mg/dL, anuria, renal failure or on dialysis "
    "at screening)"
)
INFECTIONS = (
    "Patients with other infections requiring systemic anti-infective treatment, or blood routine "
    "examination at screening: white blood cell count (WBC) > 10.0 × 109/L."
)


def concepts(rule: Rule) -> list[str]:
    return [leaf.concept for leaf in leaves(rule) if isinstance(leaf, FindingRule)]


def test_the_new_terms_name_their_concepts():
    assert resolve_finding("anuria").id == "anuria"
    assert resolve_finding("hepatic coma").id == "hepatic_encephalopathy"
    assert resolve_finding("other infections").id == "active_infection"
    assert resolve_finding("thrombolysis").id == "thrombolytic_therapy"
    assert resolve_finding("anti-blood coagulation treatment").id == "anticoagulation"


def test_renal_disease_defined_by_creatinine_anuria_failure_or_dialysis():
    rule = exclusion(RENAL)
    assert isinstance(rule, AllOf)
    finding, bracket = rule.children
    assert isinstance(finding, FindingRule)
    assert finding.concept == "chronic_kidney_disease"
    assert [e.text for e in finding.exceptions] == ["Clinically significant"]
    assert isinstance(bracket, AnyOf)
    assert limits_with_multiples(bracket) == [("creatinine", ">", 2.0, "mg/dL", None)]
    assert concepts(bracket) == ["anuria", "renal_failure", "dialysis"]


def test_renal_list_verdicts():
    clear = {"chronic_kidney_disease": False, "anuria": False, "dialysis": False}
    normal = entered(("creatinine", 0.9, "mg/dL"))
    assert result(EXC, RENAL, patient(labs=normal, findings=clear)).result is Outcome.PASS
    failing = {"chronic_kidney_disease": True, "anuria": False, "dialysis": True}
    found = result(EXC, RENAL, patient(labs=entered(("creatinine", 3.1, "mg/dL")), findings=failing))
    # "clinically significant" is not recorded: the renal disease goes to the clinician, never a guess
    assert found.result is Outcome.UNKNOWN
    assert result(EXC, RENAL, patient()).result is Outcome.UNKNOWN


def test_other_infections_requiring_treatment_or_a_high_white_count():
    rule = exclusion(INFECTIONS)
    assert isinstance(rule, AnyOf)
    infection, count = rule.children
    assert isinstance(infection, FindingRule)
    assert infection.concept == "active_infection"
    assert [e.text for e in infection.exceptions] == ["requiring systemic anti-infective treatment"]
    assert limits_with_multiples(count) == [("wbc", ">", 10.0, "10^9/L", None)]


def test_other_infections_verdicts():
    normal = entered(("WBC", 6.2, "10^9/L"))
    no_infection = {"active_infection": False}
    assert result(EXC, INFECTIONS, patient(labs=normal, findings=no_infection)).result is Outcome.PASS
    high = result(EXC, INFECTIONS, patient(labs=entered(("WBC", 12.5, "10^9/L")), findings=no_infection))
    assert high.result is Outcome.FAIL
    infected = result(EXC, INFECTIONS, patient(labs=normal, findings={"active_infection": True}))
    assert infected.result is Outcome.UNKNOWN  # whether it needs systemic treatment is the clinician's
    assert result(EXC, INFECTIONS, patient()).result is Outcome.UNKNOWN
