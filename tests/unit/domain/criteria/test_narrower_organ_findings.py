"""Diabetic neuropathy, end-stage renal disease, a duodenal ulcer, haemodialysis and a sensory neuropathy are
narrower concepts of their own: read as peripheral neuropathy, chronic kidney disease, any peptic ulcer, any
dialysis or any peripheral neuropathy, they failed the patient whose recorded finding is another form the
criterion never named (a chemotherapy-induced neuropathy, a stage 3 chronic kidney disease, a gastric ulcer,
peritoneal dialysis, a motor neuropathy). A coagulation disorder is the broader one: bleeding or clotting."""

from __future__ import annotations

from one_criterion import exclusion, finding_shape, inclusion, outcome, patient

from trialmatch.domain.criteria import AnyOf
from trialmatch.domain.evaluation import Outcome


def test_diabetic_neuropathy_is_not_every_peripheral_neuropathy():
    text = "Patients with diabetic neuropathy,"
    assert finding_shape(exclusion(text)) == ("diabetic_neuropathy", True, "any", [])
    chemotherapy_induced = patient(findings={"peripheral neuropathy": True})
    assert outcome("exclusion", text, chemotherapy_induced) is Outcome.UNKNOWN
    assert outcome("exclusion", text, patient(findings={"diabetic neuropathy": True})) is Outcome.FAIL
    assert outcome("exclusion", text, patient(findings={"peripheral neuropathy": False})) is Outcome.PASS
    assert outcome("exclusion", text, patient(findings={"diabetes": False})) is Outcome.PASS
    assert outcome("exclusion", text, patient()) is Outcome.UNKNOWN
    # a diabetic neuropathy is still a peripheral neuropathy
    assert outcome("exclusion", "Peripheral neuropathy", patient(findings={"diabetic neuropathy": True})) is (
        Outcome.FAIL
    )


def test_end_stage_renal_disease_is_not_every_chronic_kidney_disease():
    text = "Participants with a history of end-stage renal disease (ESRD) on hemodialysis"
    rule = exclusion(text)
    assert isinstance(rule, AnyOf)
    assert [finding_shape(c) for c in rule.children] == [
        ("end_stage_renal_disease", True, "history", []),
        ("hemodialysis", True, "history", []),
    ]
    stage_3 = patient(findings={"chronic kidney disease": True, "dialysis": False})
    assert outcome("exclusion", text, stage_3, "Module 2") is Outcome.UNKNOWN
    assert outcome("exclusion", text, patient(findings={"ESRD": True})) is Outcome.FAIL
    assert outcome("exclusion", text, patient(findings={"hemodialysis": True})) is Outcome.FAIL
    no_kidney_disease = patient(findings={"chronic kidney disease": False, "dialysis": False})
    assert outcome("exclusion", text, no_kidney_disease) is Outcome.PASS


def test_a_duodenal_ulcer_is_not_every_peptic_ulcer():
    text = "Active duodenal ulcer"
    assert finding_shape(exclusion(text)) == ("duodenal_ulcer", True, "active", [])
    assert outcome("exclusion", text, patient(findings={"gastric ulcer": True})) is Outcome.UNKNOWN
    # a duodenal ulcer on file may be healed: whether it is active is asked, as for any peptic ulcer
    assert outcome("exclusion", text, patient(findings={"duodenal ulcer": True})) is Outcome.UNKNOWN
    assert outcome("exclusion", "Duodenal ulcer", patient(findings={"duodenal ulcer": True})) is Outcome.FAIL
    assert (
        outcome("exclusion", "Duodenal ulcer", patient(findings={"gastric ulcer": True})) is Outcome.UNKNOWN
    )
    assert outcome("exclusion", text, patient(findings={"peptic ulcer": False})) is Outcome.PASS
    assert outcome("exclusion", "Peptic ulcer", patient(findings={"duodenal ulcer": True})) is Outcome.FAIL


def test_haemodialysis_is_not_every_dialysis():
    text = "Patients on hemodialysis"
    assert finding_shape(exclusion(text)) == ("hemodialysis", True, "any", [])
    assert outcome("exclusion", text, patient(findings={"peritoneal dialysis": True})) is Outcome.UNKNOWN
    assert outcome("exclusion", text, patient(findings={"dialysis": True})) is Outcome.UNKNOWN
    assert outcome("exclusion", text, patient(findings={"haemodialysis": True})) is Outcome.FAIL
    assert outcome("exclusion", text, patient(findings={"dialysis": False})) is Outcome.PASS
    both = "No hemodialysis or peritoneal dialysis"
    assert outcome("inclusion", both, patient(findings={"peritoneal dialysis": True})) is Outcome.FAIL
    assert outcome("inclusion", both, patient(findings={"dialysis": False})) is Outcome.PASS
    assert outcome("inclusion", both, patient(findings={"hemodialysis": False})) is Outcome.UNKNOWN
    # haemodialysis is still dialysis
    assert outcome("exclusion", "Requires dialysis", patient(findings={"hemodialysis": True})) is Outcome.FAIL


def test_a_sensory_neuropathy_is_not_every_peripheral_neuropathy():
    text = "No peripheral sensory neuropathy"
    assert finding_shape(inclusion(text)) == ("sensory_neuropathy", False, "any", [])
    assert outcome("inclusion", text, patient(findings={"motor neuropathy": True})) is Outcome.UNKNOWN
    assert outcome("inclusion", text, patient(findings={"sensory neuropathy": True})) is Outcome.FAIL
    assert outcome("inclusion", text, patient(findings={"peripheral neuropathy": False})) is Outcome.PASS
    assert outcome("exclusion", "Peripheral neuropathy", patient(findings={"motor neuropathy": True})) is (
        Outcome.FAIL
    )


def test_a_coagulation_disorder_may_be_a_bleeding_or_a_clotting_disorder():
    text = "Coagulation disorders"
    assert finding_shape(exclusion(text)) == ("coagulation_disorder", True, "any", [])
    assert outcome("exclusion", text, patient(findings={"haemophilia": True})) is Outcome.FAIL
    assert outcome("exclusion", text, patient(findings={"thrombophilia": True})) is Outcome.FAIL
    # no bleeding disorder says nothing of a thrombophilia
    assert outcome("exclusion", text, patient(findings={"bleeding disorder": False})) is Outcome.UNKNOWN
    assert outcome("exclusion", text, patient(findings={"coagulation disorder": False})) is Outcome.PASS
    assert outcome("exclusion", "Bleeding diathesis", patient(findings={"thrombophilia": True})) is (
        Outcome.UNKNOWN
    )
