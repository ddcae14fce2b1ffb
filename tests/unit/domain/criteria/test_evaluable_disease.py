"""Evaluable disease is broader than measurable disease: a non-measurable lesion that can still be
assessed (malignant effusion, bone-only disease, a raised marker) is evaluable. Read as "measurable disease",
"Measurable or evaluable disease" failed the patient with evaluable, non-measurable disease the trial
admits."""

from __future__ import annotations

from one_criterion import finding_shape, inclusion, outcome, patient

from trialmatch.domain.criteria import AllOf
from trialmatch.domain.evaluation import Outcome


def test_evaluable_or_measurable_disease_admits_either():
    text = "Evaluable or measurable disease"
    context = "DISEASE CHARACTERISTICS"
    assert finding_shape(inclusion(text)) == ("evaluable_disease", True, "any", [])
    assert finding_shape(inclusion("Measurable or evaluable disease")) == (
        "evaluable_disease",
        True,
        "any",
        [],
    )
    measurable = patient(findings={"measurable disease": True})
    assert outcome("inclusion", text, measurable, context) is Outcome.PASS
    # bone-only disease: not measurable, maybe evaluable; the clinician says
    not_measurable = patient(findings={"measurable disease": False})
    assert outcome("inclusion", text, not_measurable, context) is Outcome.UNKNOWN
    evaluable_only = patient(findings={"measurable disease": False, "evaluable disease": True})
    assert outcome("inclusion", text, evaluable_only, context) is Outcome.PASS
    assert outcome("inclusion", text, patient(findings={"evaluable disease": False}), context) is Outcome.FAIL
    assert outcome("inclusion", text, patient(), context) is Outcome.UNKNOWN


def test_measurable_disease_still_asks_for_measurable_disease():
    text = "Patients must have measurable disease"
    assert finding_shape(inclusion(text)) == ("measurable_disease", True, "any", [])
    evaluable_only = patient(findings={"measurable disease": False, "evaluable disease": True})
    assert outcome("inclusion", text, evaluable_only) is Outcome.FAIL
    both = inclusion("Measurable and evaluable disease")
    assert isinstance(both, AllOf)
    assert [finding_shape(c)[0] for c in both.children] == ["measurable_disease", "evaluable_disease"]
