"""A chronic kidney disease narrowed to its stage ("CKD stage 4 or greater", "stage 4 CKD"): the stage is no
threshold of its own. It narrows the finding, kept unchecked like a NYHA class: a patient without the disease
is decided, one with it goes to the clinician (the file holds no stage)."""

from __future__ import annotations

from one_criterion import entered, exclusion, outcome, patient

from trialmatch.domain.criteria import AnyOf, DerivedValueRule, FindingRule
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

EXC = Section.EXCLUSION
KNOWN_CKD = (
    "Known chronic kidney disease (CKD stage 4 or greater) or an available value of estimated glomerular "
    "filtration rate (eGFR) < 30ml/min/1.73 m²."
)


def test_a_known_disease_of_a_stage_or_a_low_egfr_excludes_on_either():
    rule = exclusion(KNOWN_CKD)
    assert isinstance(rule, AnyOf)
    disease, egfr = rule.children
    assert isinstance(disease, FindingRule)
    assert (disease.concept, disease.present) == ("chronic_kidney_disease", True)
    assert [e.text for e in disease.exceptions] == ["CKD stage 4 or greater"]
    assert isinstance(egfr, DerivedValueRule)
    assert (egfr.analyte, egfr.comparator.value, egfr.value, egfr.unit, egfr.multiple_of) == (
        "egfr",
        "<",
        30.0,
        "mL/min/1.73m2",
        None,
    )


def test_the_egfr_decides_for_a_patient_without_the_disease_and_the_stage_is_the_clinicians():
    def facts(egfr: float | None, ckd: bool | None):
        labs = entered(("eGFR", egfr, "mL/min/1.73m2")) if egfr is not None else []
        return patient(labs=labs, findings={} if ckd is None else {"chronic kidney disease": ckd})

    assert outcome(EXC, KNOWN_CKD, facts(55, False)) is Outcome.PASS
    assert outcome(EXC, KNOWN_CKD, facts(22, False)) is Outcome.FAIL
    assert outcome(EXC, KNOWN_CKD, facts(22, None)) is Outcome.FAIL
    assert outcome(EXC, KNOWN_CKD, facts(55, True)) is Outcome.UNKNOWN  # which stage: the clinician's
    assert outcome(EXC, KNOWN_CKD, facts(None, None)) is Outcome.UNKNOWN


def test_a_stage_printed_before_the_disease_narrows_it():
    rule = exclusion("Patients with stage 4 or 5 chronic kidney disease")
    assert isinstance(rule, FindingRule)
    assert (rule.concept, [e.text for e in rule.exceptions]) == ("chronic_kidney_disease", ["stage 4 or 5"])
    text = "renal disease (stage 4 CKD)"
    assert outcome(EXC, text, patient(findings={"chronic kidney disease": False})) is Outcome.PASS
    assert outcome(EXC, text, patient(findings={"chronic kidney disease": True})) is Outcome.UNKNOWN
    assert outcome(EXC, text, patient()) is Outcome.UNKNOWN
