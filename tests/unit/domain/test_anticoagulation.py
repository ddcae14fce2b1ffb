"""The patient's anticoagulation as the evaluator reads it: recorded findings and ongoing treatments."""

from __future__ import annotations

from datetime import date
from typing import Any

from trialmatch.domain.anticoagulation import anticoagulant_named
from trialmatch.domain.facts import PatientFacts
from trialmatch.domain.patient import load_patient

AS_OF = date(2026, 11, 20)


def facts(**fields: Any) -> PatientFacts:
    raw = {"format": "trialmatch-patient/1", "as_of": "2026-11-20", "age": 62, "sex": "female"}
    return PatientFacts(load_patient({**raw, **fields}), AS_OF)


def test_names_generic_and_brand_and_nothing_else():
    assert anticoagulant_named("Eliquis 5 mg twice daily") == "apixaban"
    assert anticoagulant_named("Clexane 40 mg s.c.") == "enoxaparin"
    assert anticoagulant_named("Coumadin") == "warfarin"
    assert anticoagulant_named("low-molecular-weight heparin") == "heparin"
    assert anticoagulant_named("aspirin 100 mg") is None
    assert anticoagulant_named("clopidogrel") is None
    assert anticoagulant_named("FOLFOX") is None


def test_an_ongoing_anticoagulant_makes_the_patient_anticoagulated():
    patient = facts(treatments=[{"name": "Warfarin 5 mg", "start": "2026-03-01"}])
    assert patient.finding("anticoagulation") is True
    assert patient.evidence("anticoagulation") == "on warfarin (treatments)"


def test_a_treatment_ending_after_the_evaluation_date_is_ongoing():
    patient = facts(treatments=[{"name": "rivaroxaban", "start": "2026-06-01", "end": "2026-12-31"}])
    assert patient.finding("anticoagulation") is True


def test_a_stopped_or_future_anticoagulant_says_nothing():
    stopped = facts(treatments=[{"name": "enoxaparin", "start": "2026-01-01", "end": "2026-11-20"}])
    assert stopped.finding("anticoagulation") is None
    planned = facts(treatments=[{"name": "apixaban", "start": "2026-12-01"}])
    assert planned.finding("anticoagulation") is None


def test_a_treatment_list_without_anticoagulant_is_no_medication_list():
    patient = facts(treatments=[{"name": "carboplatin", "start": "2026-10-01"}])
    assert patient.finding("anticoagulation") is None


def test_an_undated_anticoagulant_may_be_a_past_one():
    patient = facts(treatments=[{"name": "dabigatran"}])
    assert patient.finding("anticoagulation") is None
    assert patient.anticoagulation.evidence == "dabigatran in the treatments without dates"


def test_recorded_findings_decide_both_ways():
    assert facts(findings={"anticoagulation": True}).finding("anticoagulation") is True
    assert facts(findings={"on blood thinners": True}).finding("anticoagulation") is True
    assert facts(findings={"anticoagulation": False}).finding("anticoagulation") is False


def test_a_finding_naming_a_drug_is_anticoagulation_and_not_an_unknown_term():
    patient = facts(findings={"on apixaban": True})
    assert patient.finding("anticoagulation") is True
    assert patient.evidence("anticoagulation") == "on apixaban (recorded)"
    assert patient.unknown_terms == ()
    # not on warfarin says nothing of apixaban
    assert facts(findings={"warfarin": False}).finding("anticoagulation") is None


def test_recorded_absent_beside_an_ongoing_anticoagulant_is_unknown():
    patient = facts(
        findings={"anticoagulation": False}, treatments=[{"name": "heparin", "start": "2026-11-01"}]
    )
    assert patient.finding("anticoagulation") is None
    assert patient.anticoagulation.evidence == "recorded absent, but heparin ongoing in the treatments"
