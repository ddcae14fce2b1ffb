"""The conditions the larger findings lexicon names: each criterion naming one reads as that concept, and a
patient who has it, has it not, or has no record of it gets the verdict a clinician expects. A narrower
concept is judged under its broader one (haemophilia is a bleeding disorder)."""

from __future__ import annotations

import pytest
from one_criterion import exclusion, inclusion, limit_of, outcome, patient

from trialmatch.domain.criteria import AnyOf, FindingRule
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.lexicon import ancestors, resolve_finding

FAIL, PASS, UNKNOWN = Outcome.FAIL, Outcome.PASS, Outcome.UNKNOWN

# (exclusion criterion, concept it names, the term a clinician records, the concept's broader one or None)
CONDITIONS = [
    ("History of anaemia", "anemia", "anemia", None),
    ("Iron deficiency anemia", "iron_deficiency_anemia", "iron deficiency anaemia", "anemia"),
    ("Autoimmune hemolytic anemia", "hemolytic_anemia", "haemolytic anaemia", "anemia"),
    ("Thrombocytopenia", "thrombocytopenia", "thrombocytopenia", None),
    ("Immune thrombocytopenic purpura", "immune_thrombocytopenia", "ITP", "thrombocytopenia"),
    ("Neutropenia", "neutropenia", "neutropenia", None),
    ("Febrile neutropenia", "febrile_neutropenia", "neutropenic fever", None),
    ("Hypovolemia", "hypovolemia", "hypovolaemia", None),
    ("Jaundice", "jaundice", "icterus", None),
    ("Obstructive jaundice", "obstructive_jaundice", "obstructive jaundice", "biliary_obstruction"),
    ("Biliary obstruction", "biliary_obstruction", "bile duct obstruction", None),
    ("Portal hypertension", "portal_hypertension", "portal hypertension", None),
    ("Esophageal varices", "esophageal_varices", "oesophageal varices", None),
    ("Glomerulonephritis", "glomerulonephritis", "nephritis", None),
    ("Nephrotic syndrome", "nephrotic_syndrome", "nephrotic syndrome", None),
    ("Acute kidney injury", "acute_kidney_injury", "acute renal failure", None),
    ("Renal dysfunction", "chronic_kidney_disease", "renal impairment", None),
    ("Asthma", "asthma", "bronchial asthma", "lung_disease"),
    ("Emphysema", "emphysema", "emphysema", "copd"),
    ("Chronic bronchitis", "chronic_bronchitis", "chronic bronchitis", "copd"),
    ("Pulmonary hypertension", "pulmonary_hypertension", "pulmonary arterial hypertension", None),
    ("Bradycardia", "bradycardia", "bradycardia", "arrhythmia"),
    ("Sinus bradycardia", "sinus_bradycardia", "sinus bradycardia", "bradycardia"),
    ("Sick sinus syndrome", "sick_sinus_syndrome", "sick-sinus syndrome", "arrhythmia"),
    ("Ventricular arrhythmias", "ventricular_arrhythmia", "ventricular arrhythmia", "arrhythmia"),
    (
        "Ventricular tachycardia",
        "ventricular_tachycardia",
        "ventricular tachycardia",
        "ventricular_arrhythmia",
    ),
    (
        "Ventricular fibrillation",
        "ventricular_fibrillation",
        "ventricular fibrillation",
        "ventricular_arrhythmia",
    ),
    ("Ventricular flutter", "ventricular_flutter", "ventricular flutter", "ventricular_arrhythmia"),
    (
        "Supraventricular arrhythmia",
        "supraventricular_arrhythmia",
        "supraventricular arrhythmia",
        "arrhythmia",
    ),
    ("Supraventricular tachycardia", "supraventricular_tachycardia", "SVT", "supraventricular_arrhythmia"),
    ("Atrial tachycardia", "atrial_tachycardia", "atrial tachycardia", "supraventricular_arrhythmia"),
    ("Atrial flutter", "atrial_flutter", "atrial flutter", "supraventricular_arrhythmia"),
    ("Atrial fibrillation", "atrial_fibrillation", "atrial fibrillation", "supraventricular_arrhythmia"),
    ("Bifascicular block", "fascicular_block", "left anterior hemiblock", "conduction_abnormality"),
    ("Left bundle branch block", "left_bundle_branch_block", "LBBB", "bundle_branch_block"),
    ("Right bundle branch block", "right_bundle_branch_block", "RBBB", "bundle_branch_block"),
    ("Shock", "shock", "circulatory shock", None),
    ("Cardiogenic shock", "cardiogenic_shock", "cardiogenic shock", "shock"),
    ("Septic shock", "septic_shock", "septic shock", "active_infection"),
    ("Hemorrhagic shock", "hypovolemic_shock", "haemorrhagic shock", "hypovolemia"),
    ("Hemodynamic instability", "hemodynamic_instability", "haemodynamic instability", None),
    ("Electrolyte abnormalities", "electrolyte_abnormality", "electrolyte imbalance", None),
    ("Hypokalemia", "hypokalemia", "hypokalaemia", "electrolyte_abnormality"),
    ("Hyperkalemia", "hyperkalemia", "hyperkalaemia", "electrolyte_abnormality"),
    ("Hypomagnesemia", "hypomagnesemia", "hypomagnesaemia", "electrolyte_abnormality"),
    ("Hypocalcemia", "hypocalcemia", "hypocalcaemia", "electrolyte_abnormality"),
    ("Hyponatremia", "hyponatremia", "hyponatraemia", "electrolyte_abnormality"),
    ("Hypercalcemia", "hypercalcemia", "hypercalcaemia", "electrolyte_abnormality"),
    ("Dyslipidemia", "dyslipidemia", "dyslipidaemia", None),
    ("Hyperlipidemia", "hyperlipidemia", "hyperlipidaemia", "dyslipidemia"),
    ("Familial hypercholesterolemia", "hypercholesterolemia", "hypercholesterolaemia", "hyperlipidemia"),
    ("Hypertriglyceridemia", "hypertriglyceridemia", "hypertriglyceridaemia", "dyslipidemia"),
    ("Gestational diabetes", "gestational_diabetes", "gestational diabetes mellitus", None),
    ("Pre-eclampsia", "preeclampsia", "preeclampsia", None),
    (
        "Gestational hypertension",
        "gestational_hypertension",
        "pregnancy induced hypertension",
        None,
    ),
    ("Schizophrenia", "schizophrenia", "schizophrenia", "psychiatric_illness"),
    (
        "Schizoaffective disorder",
        "schizoaffective_disorder",
        "schizoaffective disorder",
        "psychiatric_illness",
    ),
    ("Bipolar disorder", "bipolar_disorder", "manic depression", "psychiatric_illness"),
    ("Parkinson's disease", "parkinsons_disease", "Parkinson disease", "neurological_disorder"),
    ("Alzheimer's disease", "alzheimers_disease", "Alzheimer disease", "dementia"),
    ("Osteoporosis", "osteoporosis", "osteoporosis", None),
    ("Urinary tract infection", "urinary_tract_infection", "UTI", "active_infection"),
    ("Opportunistic infection", "opportunistic_infection", "opportunistic infections", None),
    ("Hemophilia", "hemophilia", "haemophilia A", "bleeding_disorder"),
    ("Von Willebrand disease", "von_willebrand_disease", "von Willebrand's disease", "bleeding_disorder"),
    ("Cardiac tamponade", "cardiac_tamponade", "pericardial tamponade", "pericardial_effusion"),
    ("Myelodysplastic syndrome", "myelodysplastic_syndrome", "myelodysplasia", None),
    ("Refractory anemia with excess blasts", "raeb", "RAEB", "myelodysplastic_syndrome"),
    (
        "RAEB-t",
        "raeb_t",
        "refractory anaemia with excess blasts in transformation",
        "myelodysplastic_syndrome",
    ),
    ("Refractory anemia with ringed sideroblasts", "rars", "RARS", "myelodysplastic_syndrome"),
]


@pytest.mark.parametrize(("text", "concept", "term", "broader"), CONDITIONS)
def test_a_criterion_naming_the_condition_reads_as_its_concept(text, concept, term, broader):
    rule = exclusion(text)
    assert isinstance(rule, FindingRule), rule
    assert (rule.concept, rule.present, rule.exceptions) == (concept, True, [])
    found = resolve_finding(term)
    assert found is not None
    assert found.id == concept
    if broader is not None:
        assert broader in ancestors(concept)


@pytest.mark.parametrize(("text", "concept", "term", "broader"), CONDITIONS)
def test_present_excludes_absent_passes_and_no_record_is_unknown(text, concept, term, broader):
    assert outcome("exclusion", text, patient(findings={term: True})) is FAIL
    assert outcome("exclusion", text, patient(findings={term: False})) is PASS
    assert outcome("exclusion", text, patient()) is UNKNOWN


@pytest.mark.parametrize(
    ("narrower", "broader_text"),
    [
        ("haemophilia", "Known bleeding disorder"),
        ("ventricular tachycardia", "History of cardiac arrhythmia"),
        ("emphysema", "Chronic obstructive pulmonary disease"),
        ("cardiac tamponade", "Pericardial effusion"),
        ("hypokalaemia", "Electrolyte abnormalities"),
        ("iron deficiency anaemia", "Anemia"),
        ("RAEB", "Myelodysplastic syndrome"),
    ],
)
def test_a_patient_with_the_narrower_condition_is_judged_by_the_broader_one(narrower, broader_text):
    assert outcome("exclusion", broader_text, patient(findings={narrower: True})) is FAIL


@pytest.mark.parametrize(
    ("text", "recorded"),
    [
        ("Hemophilia", "von Willebrand disease"),
        ("Ventricular tachycardia", "atrial fibrillation"),
        ("Atrial fibrillation", "atrial flutter"),
        ("Emphysema", "chronic bronchitis"),
        ("Left bundle branch block", "right bundle branch block"),
    ],
)
def test_a_sibling_condition_neither_excludes_nor_clears_the_patient(text, recorded):
    """Before the split a synonym made these one concept: AF excluded a patient from a VT criterion."""
    assert outcome("exclusion", text, patient(findings={recorded: True})) is UNKNOWN


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Diabetes mellitus", "gestational diabetes"),
        ("Hypertension", "gestational hypertension"),
        ("Neutropenia", "febrile neutropenia"),
        ("Portal hypertension", "oesophageal varices"),
    ],
)
def test_a_condition_that_may_have_passed_or_other_causes_does_not_stand_for_the_broader_one(text, term):
    """Gestational diabetes and hypertension end with the pregnancy, a febrile neutropenia may be one past
    episode, varices may have another cause: the broader condition stays unknown, not failed."""
    assert outcome("exclusion", text, patient(findings={term: True})) is UNKNOWN


def test_spellings_and_abbreviations_a_clinician_types():
    for term, concept in [
        ("anaemic", "anemia"),
        ("hypovolemic", "hypovolemia"),
        ("hemodynamically unstable", "hemodynamic_instability"),
        ("AKI", "acute_kidney_injury"),
        ("PSVT", "supraventricular_tachycardia"),
        ("left anterior fascicular block", "fascicular_block"),
        ("bipolar affective disorder", "bipolar_disorder"),
        ("dementia of the Alzheimer's type", "alzheimers_disease"),
        ("gastroesophageal varices", "esophageal_varices"),
    ]:
        found = resolve_finding(term)
        assert found is not None, term
        assert found.id == concept, term


def test_an_inclusion_requiring_its_absence_passes_without_and_fails_with_it():
    text = "No evidence of nephrotic syndrome"
    rule = inclusion(text)
    assert isinstance(rule, FindingRule)
    assert (rule.concept, rule.present) == ("nephrotic_syndrome", False)
    assert outcome("inclusion", text, patient(findings={"nephrotic syndrome": False})) is PASS
    assert outcome("inclusion", text, patient(findings={"nephrotic syndrome": True})) is FAIL
    assert outcome("inclusion", text, patient()) is UNKNOWN


# --- a threshold beside a condition the lexicon now knows ---------------------------------------------------

ANAEMIA_OR_HYPOVOLAEMIA = "severe anemia (Hgb<8 g/dl) or hypovolemia; and HIV or AIDS related illness."


def test_the_haemoglobin_limit_and_the_conditions_beside_it_each_exclude():
    rule = exclusion(ANAEMIA_OR_HYPOVOLAEMIA)
    assert isinstance(rule, AnyOf), rule
    haemoglobin, hypovolaemia, hiv, aids = rule.children
    assert limit_of(haemoglobin) == ("hemoglobin", "<", 8.0, "g/dL")
    assert isinstance(hypovolaemia, FindingRule)
    assert hypovolaemia.concept == "hypovolemia"
    assert [e.text for e in hypovolaemia.exceptions] == ["severe"]  # the list's opening word may reach it
    assert isinstance(hiv, FindingRule)
    assert isinstance(aids, FindingRule)
    assert [(hiv.concept, hiv.exceptions), (aids.concept, aids.exceptions)] == [("hiv", []), ("aids", [])]


def test_a_low_haemoglobin_excludes_and_in_range_without_the_conditions_passes():
    clear = {"hypovolemia": False, "HIV": False}
    low = patient(findings=clear, labs=[{"test": "Hemoglobin", "value": 7.2, "unit": "g/dL"}])
    normal = patient(findings=clear, labs=[{"test": "Hemoglobin", "value": 12.5, "unit": "g/dL"}])
    assert outcome("exclusion", ANAEMIA_OR_HYPOVOLAEMIA, low) is FAIL
    assert outcome("exclusion", ANAEMIA_OR_HYPOVOLAEMIA, normal) is PASS
    assert outcome("exclusion", ANAEMIA_OR_HYPOVOLAEMIA, patient(findings=clear)) is UNKNOWN
    hiv = patient(
        findings={"hypovolemia": False, "HIV": True},
        labs=[{"test": "Hemoglobin", "value": 12.5, "unit": "g/dL"}],
    )
    assert outcome("exclusion", ANAEMIA_OR_HYPOVOLAEMIA, hiv) is FAIL
    hypovolaemic = patient(
        findings={"hypovolemia": True, "HIV": False},
        labs=[{"test": "Hemoglobin", "value": 12.5, "unit": "g/dL"}],
    )
    assert (
        outcome("exclusion", ANAEMIA_OR_HYPOVOLAEMIA, hypovolaemic) is UNKNOWN
    )  # is it severe? the clinician says
