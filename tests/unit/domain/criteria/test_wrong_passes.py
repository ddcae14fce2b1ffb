"""Sentences that refuse a patient must never be shown as met: a prohibition worded with "allowed" is not a
permission."""

from __future__ import annotations

import pytest
from one_criterion import outcome, patient, result

from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.facts import PatientFacts
from trialmatch.domain.trial import Section

INC, EXC = Section.INCLUSION, Section.EXCLUSION


@pytest.mark.parametrize(
    ("section", "text"),
    [
        (INC, "No more than one brain metastasis allowed"),
        (INC, "No concurrent regional chemotherapy allowed"),
        (INC, "No cyclosporine allowed"),
        (EXC, "No testosterone supplementation permitted."),
        (EXC, "Concurrent neoplasm not specifically allowed."),
    ],
)
def test_a_prohibition_worded_with_allowed_is_not_met_for_a_patient_it_may_refuse(section, text):
    three_brain_metastases = patient(findings={"brain metastases": True})
    assert outcome(section, text, three_brain_metastases) is Outcome.UNKNOWN


def test_a_permission_still_states_no_requirement():
    assert outcome(INC, "Indolent disease not requiring therapy allowed", patient()) is Outcome.PASS
    assert outcome(INC, "Prior radiotherapy allowed", patient()) is Outcome.PASS


def _man_of_71_with_creatinine_1_3() -> PatientFacts:
    """Cockcroft-Gault 67.8 mL/min (92 kg) but CKD-EPI 2021 eGFR 58.7 mL/min/1.73 m²."""
    labs = [{"test": "creatinine", "value": 1.3, "unit": "mg/dL"}]
    return patient(age=71, sex="male", weight_kg=92, height_cm=175, labs=labs)


def test_a_gfr_limit_naming_no_method_is_not_met_when_the_two_estimates_disagree():
    facts = _man_of_71_with_creatinine_1_3()
    renal_impairment = "Renal impairment based on calculated GFR (GFR<60 mL/min)"
    assert outcome(EXC, renal_impairment, facts) is Outcome.UNKNOWN
    assert outcome(INC, "GFR ≥ 60 mL/min", facts) is Outcome.UNKNOWN
    reason = result(INC, "GFR ≥ 60 mL/min", facts).reason
    assert "eGFR CKD-EPI 2021 58.7 mL/min/1.73 m²" in reason


def test_a_named_method_or_agreeing_estimates_still_decide():
    facts = _man_of_71_with_creatinine_1_3()
    assert outcome(INC, "Creatinine clearance ≥ 60 mL/min (Cockcroft-Gault)", facts) is Outcome.PASS
    assert outcome(INC, "Creatinine clearance ≥ 45 mL/min", facts) is Outcome.PASS
    assert outcome(INC, "eGFR ≥ 60 mL/min/1.73 m2", facts) is Outcome.FAIL


def test_an_ann_arbor_stage_is_a_lymphoma_stage_not_a_melanoma_stage():
    ann_arbor = "Must have Ann Arbor Stage II-IV disease."
    melanoma = patient(diagnosis="metastatic melanoma", stage="IV")
    assert outcome(INC, ann_arbor, melanoma) is Outcome.UNKNOWN
    for lymphoma in ("diffuse large B-cell lymphoma", "classical Hodgkin disease"):
        assert outcome(INC, ann_arbor, patient(diagnosis=lymphoma, stage="IV")) is Outcome.PASS
        assert outcome(INC, ann_arbor, patient(diagnosis=lymphoma, stage="I")) is Outcome.FAIL
