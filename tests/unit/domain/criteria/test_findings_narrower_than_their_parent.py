"""A malignant effusion, an intracranial haemorrhage, a congenital immunodeficiency: narrower than the
finding a patient file may record, so a record of the broader finding leaves them undecided."""

from one_criterion import exclusion, inclusion, outcome, patient

from trialmatch.domain.evaluation import Outcome


def _finding(rule):
    return rule.concept, rule.present, rule.qualifier, [(e.concept, e.text) for e in rule.exceptions]


def test_a_malignant_pleural_effusion_is_not_every_pleural_effusion():
    # "malignant" was part of a synonym of pleural effusion: a heart-failure effusion excluded the patient.
    text = "Patients with malignant pleural effusion"
    assert _finding(exclusion(text)) == ("malignant_pleural_effusion", True, "any", [])
    assert outcome("exclusion", text, patient(findings={"pleural effusion": True})) is Outcome.UNKNOWN
    assert outcome("exclusion", text, patient(findings={"pleural effusion": False})) is Outcome.PASS
    assert outcome("exclusion", text, patient(findings={"malignant pleural effusion": True})) is Outcome.FAIL
    negative = "No malignant pleural effusion"
    assert _finding(inclusion(negative)) == ("malignant_pleural_effusion", False, "any", [])
    assert outcome("inclusion", negative, patient(findings={"pleural effusion": True})) is Outcome.UNKNOWN
    assert outcome("inclusion", negative, patient(findings={"pleural effusion": False})) is Outcome.PASS
    ascites = "Malignant ascites"
    assert _finding(exclusion(ascites)) == ("ascites", True, "any", [(None, "Malignant")])


def test_an_intracranial_haemorrhage_is_not_every_stroke():
    # "Intracranial hemorrhage" read as any stroke excluded the patient whose stroke was ischaemic.
    text = "Intracranial hemorrhage."
    assert _finding(exclusion(text)) == ("intracranial_hemorrhage", True, "any", [])
    assert outcome("exclusion", text, patient(findings={"ischemic stroke": True})) is Outcome.UNKNOWN
    assert outcome("exclusion", text, patient(findings={"stroke": True})) is Outcome.UNKNOWN
    assert outcome("exclusion", text, patient(findings={"haemorrhagic stroke": True})) is Outcome.FAIL
    assert outcome("exclusion", text, patient(findings={"stroke": False})) is Outcome.PASS
    # a haemorrhagic stroke is still a stroke
    stroke = "History of stroke"
    assert outcome("exclusion", stroke, patient(findings={"intracranial hemorrhage": True})) is Outcome.FAIL
    excepted = (
        "Prior history of intracranial hemorrhage except subarachnoid hemorrhage greater than (>) 1 year"
        " prior with adequate treatment"
    )
    assert _finding(exclusion(excepted))[:3] == ("intracranial_hemorrhage", True, "history")
    assert outcome("exclusion", excepted, patient(findings={"ischemic stroke": True})) is Outcome.UNKNOWN


def test_a_congenital_immunodeficiency_is_not_every_immunodeficiency():
    # "No congenital immunodeficiency" read as "no immunodeficiency" failed the immunocompromised patient.
    text = "No congenital immunodeficiency"
    assert _finding(inclusion(text)) == ("primary_immunodeficiency", False, "any", [])
    assert outcome("inclusion", text, patient(findings={"immunocompromised": True})) is Outcome.UNKNOWN
    assert outcome("inclusion", text, patient(findings={"immunodeficiency": False})) is Outcome.PASS
    primary = patient(findings={"primary immunodeficiency": True})
    assert outcome("inclusion", text, primary) is Outcome.FAIL
    assert outcome("exclusion", "Immunodeficiency", primary) is Outcome.FAIL


def test_renal_failure_is_not_every_chronic_kidney_disease():
    # "No renal failure" read as "no chronic kidney disease" failed the patient with stage 2-3 CKD.
    text = "No renal failure"
    context = "PATIENT CHARACTERISTICS: Renal"
    assert _finding(inclusion(text)) == ("renal_failure", False, "any", [])
    ckd = patient(findings={"chronic kidney disease": True})
    assert outcome("inclusion", text, ckd, context) is Outcome.UNKNOWN
    assert (
        outcome("inclusion", text, patient(findings={"chronic kidney disease": False}), context)
        is Outcome.PASS
    )
    assert (
        outcome("inclusion", text, patient(findings={"end-stage renal disease": True}), context)
        is Outcome.FAIL
    )
    assert outcome("inclusion", text, patient(findings={"kidney failure": True}), context) is Outcome.FAIL
    # renal failure is still a chronic kidney disease
    assert (
        outcome("exclusion", "Chronic kidney disease", patient(findings={"renal failure": True}))
        is Outcome.FAIL
    )


def test_hepatic_failure_is_not_every_hepatic_impairment():
    # "No hepatic failure" read as "no hepatic impairment" failed the patient with a mild (Child-Pugh A)
    # impairment.
    text = "No hepatic failure"
    assert _finding(inclusion(text)) == ("hepatic_failure", False, "any", [])
    assert outcome("inclusion", text, patient(findings={"hepatic impairment": True})) is Outcome.UNKNOWN
    assert outcome("inclusion", text, patient(findings={"hepatic impairment": False})) is Outcome.PASS
    assert outcome("inclusion", text, patient(findings={"liver failure": True})) is Outcome.FAIL
    assert (
        outcome("exclusion", "Hepatic dysfunction", patient(findings={"liver failure": True})) is Outcome.FAIL
    )
