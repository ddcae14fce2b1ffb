"""A criterion naming a narrower form of a finding (symptomatic brain metastases, idiopathic pulmonary
fibrosis, alcoholism, ischaemic stroke, hypertensive crisis) is read as that form: read as the broader
finding, it failed the patient whose recorded finding is another form the criterion never named."""

from __future__ import annotations

from one_criterion import exclusion, finding_shape, inclusion, outcome, patient

from trialmatch.domain.evaluation import Outcome


def test_symptomatic_brain_metastases_are_not_every_active_brain_metastasis():
    text = "No symptomatic brain metastases"
    context = "DISEASE CHARACTERISTICS"
    assert finding_shape(inclusion(text)) == ("symptomatic_brain_metastases", False, "any", [])
    # untreated but asymptomatic brain metastases: the trial admits them; whether they cause symptoms is asked
    untreated = patient(findings={"untreated brain metastases": True})
    assert outcome("inclusion", text, untreated, context) is Outcome.UNKNOWN
    symptomatic = patient(findings={"symptomatic brain metastases": True})
    assert outcome("inclusion", text, symptomatic, context) is Outcome.FAIL
    assert outcome("inclusion", text, patient(findings={"brain metastases": False}), context) is Outcome.PASS
    assert outcome("inclusion", text, patient(), context) is Outcome.UNKNOWN


def test_symptomatic_cns_metastases_exclude_only_symptomatic_ones():
    text = "Patient with symptomatic CNS metastases."
    assert finding_shape(exclusion(text)) == ("symptomatic_brain_metastases", True, "any", [])
    assert outcome("exclusion", text, patient(findings={"active brain metastases": True})) is Outcome.UNKNOWN
    assert outcome("exclusion", text, patient(findings={"symptomatic CNS metastases": True})) is Outcome.FAIL
    assert outcome("exclusion", text, patient(findings={"CNS metastases": False})) is Outcome.PASS
    # a patient's symptomatic brain metastases are still active ones
    active = "Active brain metastases"
    assert (
        outcome("exclusion", active, patient(findings={"symptomatic brain metastases": True})) is Outcome.FAIL
    )


def test_untreated_or_symptomatic_brain_metastases_are_either():
    text = "Untreated or symptomatic brain metastases"
    assert finding_shape(exclusion(text)) == ("active_brain_metastases", True, "any", [])
    untreated = patient(findings={"untreated brain metastases": True, "symptomatic brain metastases": False})
    assert outcome("exclusion", text, untreated) is Outcome.FAIL
    assert outcome("exclusion", text, patient(findings={"brain metastases": False})) is Outcome.PASS


def test_idiopathic_pulmonary_fibrosis_is_one_interstitial_lung_disease():
    text = "Idiopathic pulmonary fibrosis (IPF)."
    context = "Condition of organ system"
    assert finding_shape(exclusion(text)) == ("idiopathic_pulmonary_fibrosis", True, "any", [])
    other_ild = patient(findings={"interstitial lung disease": True})
    assert outcome("exclusion", text, other_ild, context) is Outcome.UNKNOWN
    assert outcome("exclusion", text, patient(findings={"IPF": True}), context) is Outcome.FAIL
    no_ild = patient(findings={"interstitial lung disease": False})
    assert outcome("exclusion", text, no_ild, context) is Outcome.PASS
    # the broader exclusion still excludes the patient with IPF
    ild = "History of interstitial lung disease"
    assert (
        outcome("exclusion", ild, patient(findings={"idiopathic pulmonary fibrosis": True})) is Outcome.FAIL
    )


def test_alcoholism_is_not_every_substance_abuse():
    assert finding_shape(exclusion("Alcoholism")) == ("alcohol_abuse", True, "any", [])
    assert outcome("exclusion", "Alcoholism", patient(findings={"drug abuse": True})) is Outcome.UNKNOWN
    assert outcome("exclusion", "Alcoholism", patient(findings={"alcohol abuse": True})) is Outcome.FAIL
    assert outcome("exclusion", "Alcoholism", patient(findings={"substance abuse": False})) is Outcome.PASS
    broad = "History of substance abuse"
    assert outcome("exclusion", broad, patient(findings={"alcoholism": True})) is Outcome.FAIL
    # "active alcoholism": a recorded alcohol abuse may be a past one
    active = "Patients with active alcoholism."
    assert outcome("exclusion", active, patient(findings={"alcoholism": True})) is Outcome.UNKNOWN


def test_ischaemic_stroke_is_not_every_stroke():
    assert finding_shape(inclusion("ischemic stroke")) == ("ischemic_stroke", True, "any", [])
    assert outcome("inclusion", "ischemic stroke", patient(findings={"stroke": True})) is Outcome.UNKNOWN
    haemorrhagic = patient(findings={"hemorrhagic stroke": True, "ischaemic stroke": False})
    assert outcome("inclusion", "ischemic stroke", haemorrhagic) is Outcome.FAIL
    assert (
        outcome("inclusion", "ischemic stroke", patient(findings={"cerebral infarction": True}))
        is Outcome.PASS
    )
    assert outcome("inclusion", "ischemic stroke", patient(findings={"stroke": False})) is Outcome.FAIL


def test_a_hypertensive_crisis_is_not_every_uncontrolled_hypertension():
    text = "Any prior history of hypertensive crisis or hypertensive encephalopathy"
    assert finding_shape(exclusion(text)) == ("hypertensive_crisis", True, "history", [])
    poorly_controlled = patient(findings={"uncontrolled hypertension": True})
    assert outcome("exclusion", text, poorly_controlled) is Outcome.UNKNOWN
    crisis = patient(findings={"hypertensive encephalopathy": True})
    assert outcome("exclusion", text, crisis) is Outcome.FAIL
    assert outcome("exclusion", text, patient(findings={"hypertension": False})) is Outcome.PASS
    assert outcome("exclusion", "Uncontrolled hypertension", crisis) is Outcome.FAIL


def test_an_egfr_sensitising_mutation_is_not_every_egfr_mutation():
    # An exon 20 insertion is an EGFR mutation but no sensitising one: "absence of EGFR-sensitising mutation"
    # failed such a patient, and a required sensitising mutation passed one.
    text = "Absence of EGFR-sensitising mutation"
    assert finding_shape(inclusion(text)) == ("egfr_sensitizing_mutation", False, "any", [])
    assert outcome("inclusion", text, patient(findings={"EGFR mutation": True})) is Outcome.UNKNOWN
    assert outcome("inclusion", text, patient(findings={"EGFR exon 19 deletion": True})) is Outcome.FAIL
    assert outcome("inclusion", text, patient(findings={"EGFR mutation": False})) is Outcome.PASS
    required = "EGFR sensitizing mutation"
    assert outcome("inclusion", required, patient(findings={"EGFR mutation": True})) is Outcome.UNKNOWN
    assert outcome("inclusion", required, patient(findings={"EGFR L858R": True})) is Outcome.PASS
