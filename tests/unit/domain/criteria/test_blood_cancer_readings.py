"""Blood-cancer patients (leukaemic marrow, myeloma kidney) against the limits trials print for them: a count
or organ limit that the trial waives when the disease itself causes it must not fail the patient it waives."""

from __future__ import annotations

from one_criterion import outcome, patient

from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.facts import PatientFacts
from trialmatch.domain.trial import Section

INC = Section.INCLUSION

MARROW_HEADING = (
    "Patients eligible for study participation must meet all of the following criteria: Clinical/Laboratory "
    "Criteria: Adequate organ function: Bone marrow function as evidenced by the following (unless directly "
    "attributable to disease within the bone marrow) within 14 days prior to registration."
)
TUMOUR_HEADING = "Laboratory tests (unless impairment due to respective organ involvement by tumor)"


def _aml(marrow: bool | None) -> PatientFacts:
    findings = {} if marrow is None else {"bone marrow involvement": marrow}
    labs = [
        {"test": "ANC", "value": 0.4, "unit": "10^9/L"},
        {"test": "platelets", "value": 25, "unit": "10^9/L"},
    ]
    return patient(age=67, sex="male", labs=labs, findings=findings)


def test_a_heading_waiving_counts_due_to_marrow_disease_passes_leukaemic_marrow_and_fails_a_poor_marrow():
    for text in ("ANC ≥ 750 cells/mm3", "Platelet count ≥ 50,000 cells/mm3"):
        assert outcome(INC, text, _aml(marrow=True), MARROW_HEADING) is Outcome.PASS
        assert outcome(INC, text, _aml(marrow=None), MARROW_HEADING) is Outcome.UNKNOWN
        assert outcome(INC, text, _aml(marrow=False), MARROW_HEADING) is Outcome.FAIL


def test_a_heading_asking_one_of_its_items_still_waives_counts_due_to_marrow_disease():
    heading = (
        "Patients must meet at least one of the following (unless directly attributable to disease within "
        "the bone marrow):"
    )
    assert outcome(INC, "ANC ≥ 750 cells/mm3", _aml(marrow=True), heading) is Outcome.PASS
    assert outcome(INC, "ANC ≥ 750 cells/mm3", _aml(marrow=None), heading) is Outcome.UNKNOWN
    assert outcome(INC, "ANC ≥ 750 cells/mm3", _aml(marrow=False), heading) is Outcome.FAIL


def test_a_heading_waiving_labs_due_to_organ_involvement_leaves_a_patient_past_them_to_the_clinician():
    anc = "Absolute neutrophil count (ANC) greater than or equal to 1000/mm(3)"
    assert outcome(INC, anc, _aml(marrow=True), TUMOUR_HEADING) is Outcome.UNKNOWN
    myeloma = patient(age=70, weight_kg=72, labs=[{"test": "creatinine", "value": 2.1, "unit": "mg/dL"}])
    renal = (
        "Creatinine less than or equal to 1.5 mg/dl or "
        "creatinine clearance greater than or equal to 50 ml/min"
    )
    assert outcome(INC, renal, myeloma, TUMOUR_HEADING) is Outcome.UNKNOWN
    normal = patient(labs=[{"test": "ANC", "value": 2.0, "unit": "10^9/L"}])
    assert outcome(INC, anc, normal, TUMOUR_HEADING) is Outcome.PASS


def test_a_heading_without_a_waiver_keeps_the_limit():
    assert (
        outcome(INC, "ANC ≥ 750 cells/mm3", _aml(marrow=True), "Adequate bone marrow function")
        is Outcome.FAIL
    )


SMOLDERING = (
    "DISEASE CHARACTERISTICS: Histologically proven stage I-III multiple myeloma: Smoldering myeloma allowed "
    "if there is evidence of progressive disease requiring therapy"
)
HIV_ADMITTED = "Patients who are human immunodeficiency virus (HIV)-positive are eligible if"


def test_a_limit_under_a_subgroup_permission_does_not_fail_a_myeloma_patient_outside_the_subgroup():
    myeloma = patient(age=70, labs=[{"test": "hemoglobin", "value": 12.4, "unit": "g/dL"}])
    assert outcome(INC, "Hemoglobin no greater than 10.5 g/dL", myeloma, SMOLDERING) is Outcome.UNKNOWN


def test_a_limit_for_the_patients_a_heading_admits_binds_them_only():
    cd4 = "CD4+ cell count greater or equal to 250 cells/mm^3"
    low_cd4 = [{"test": "CD4 count", "value": 180, "unit": "/µL"}]
    assert (
        outcome(INC, cd4, patient(labs=low_cd4, findings={"HIV infection": False}), HIV_ADMITTED)
        is Outcome.PASS
    )
    assert (
        outcome(INC, cd4, patient(labs=low_cd4, findings={"HIV infection": True}), HIV_ADMITTED)
        is Outcome.FAIL
    )
    assert outcome(INC, cd4, patient(labs=low_cd4), "Participants will be eligible if they") is Outcome.FAIL
