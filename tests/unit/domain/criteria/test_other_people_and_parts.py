"""Criteria about someone other than the patient (healthy volunteers, controls, relatives) or about one part
of the trial, judged on real eligibility blocks for a 60-year-old man with metastatic colorectal cancer: a
healthy volunteer's "History of cancer" or "BMI > 25" does not close a trial that also enrols patients."""

from __future__ import annotations

from typing import Any

from one_criterion import patient

from trialmatch.domain.compiled import compile_trial
from trialmatch.domain.evaluation import Outcome, TrialEvaluation, Verdict, evaluate
from trialmatch.domain.segmentation import split_criteria
from trialmatch.domain.trial import Trial


def evaluation_for(block: str, nct: str, **fields: Any) -> TrialEvaluation:
    """The trial of this eligibility block judged for a 60-year-old man at ECOG 1 with ``fields``."""
    trial = Trial(id=nct, registry="ctgov", title="t", criteria=split_criteria(block))
    return evaluate(compile_trial(trial), patient(age=60, sex="male", ecog=1, **fields))


def results(block: str, nct: str) -> tuple[Verdict, dict[str, Outcome]]:
    """The verdict and each item's result for the man, 78 kg and 176 cm, with metastatic colorectal cancer."""
    evaluation = evaluation_for(
        block,
        nct,
        weight_kg=78,
        height_cm=176,
        diagnosis="metastatic colorectal cancer",
        findings={"history of malignancy": True, "liver metastases": True},
        labs=[{"test": "hemoglobin", "value": 13.5, "unit": "g/dL"}],
    )
    return evaluation.verdict, {r.text: r.result for r in evaluation.results}


# NCT00001971, as registered (abridged): liver disease in affected participants and healthy volunteers.
LIVER_STUDY = """\
-  INCLUSION CRITERIA:

Affected Subjects

In order to be eligible to participate in this study, an affected participant must meet all
of the following criteria:

  1. >=2 years of age.

  2. Meets one of the following:

       1. Suspected or evidence of acute or chronic liver disease on evaluation by a
          referring licensed independent practitioner (LIP), OR

       2. At risk for acute or chronic liver disease

Healthy Volunteers

In order to be eligible to participate in this study, a healthy volunteer must meet all of
the following criteria:

  1. >= 18 years of age.

  2. In good general health as evidenced by medical history

EXCLUSION CRITERIA:

Affected Participants

An affected participant who meets any of the following criteria will be excluded from
participation in this study:

1. History of significant medical illnesses that might interfere with prolonged follow up
evaluation

Healthy Volunteers

A healthy volunteer who meets any of the following criteria will be excluded from
participation in this study:

  1. Any chronic medical condition, including (but not limited to) heart, kidney, or lung
     diseases

  6. History of cancer (with the exception of basal cell carcinoma resected > 1 year prior
     to enrollment)

  7. BMI < 18 or BMI >25

  8. Hemoglobin < 11 (women) or hemoglobin < 12 (men)
"""


def test_a_healthy_volunteers_exclusions_do_not_judge_the_affected_patient():
    verdict, outcome = results(LIVER_STUDY, "NCT00001971")
    assert outcome["BMI < 18 or BMI >25"] is Outcome.UNKNOWN  # BMI 25.2 excludes a volunteer, not him
    history = (
        "History of cancer (with the exception of basal cell carcinoma resected > 1 year prior to enrollment)"
    )
    assert outcome[history] is Outcome.UNKNOWN
    assert verdict is not Verdict.INELIGIBLE


# NCT00496613, as registered (abridged): breast cancer survivors and healthy controls.
SURVIVORS_AND_CONTROLS = """\
Inclusion Criteria:

  -  Less than 70 years old at time of recruitment.

Exclusion Criteria:

  -  Recurrence of breast cancer or diagnosis of another cancer except basal cell
     carcinoma.

Healthy Control Inclusion Criteria:

  -  Have had no diagnosis of cancer except basal cell carcinoma.

  -  Post-menopausal.

Healthy Control Exclusion Criteria:

  -  Exposure to chemotherapy or radiation therapy for any medical condition.

  -  Male.
"""


def test_a_healthy_controls_criteria_are_left_to_the_clinician():
    criteria = split_criteria(SURVIVORS_AND_CONTROLS)
    controls = [c for c in criteria if c.context and "Healthy Control" in c.context]
    assert [c.text for c in controls] == [
        "Have had no diagnosis of cancer except basal cell carcinoma.",
        "Post-menopausal.",
        "Exposure to chemotherapy or radiation therapy for any medical condition.",
        "Male.",
    ]
    _, outcome = results(SURVIVORS_AND_CONTROLS, "NCT00496613")
    assert outcome["Male."] is Outcome.UNKNOWN
    assert outcome["Have had no diagnosis of cancer except basal cell carcinoma."] is Outcome.UNKNOWN


# NCT05703282, as registered: renal-impairment and healthy subjects, each with its own eGFR range.
RENAL_STUDY = """\
Inclusion Criteria:

For all subjects

  -  Adults aged 19 years and older

For renal Impairment subjects

  -  30 ≤ eGFR < 90 mL/min/1.73m^2

For healthy subjects

  -  eGFR ≥ 90 mL/min/1.73m^2

Exclusion Criteria:

  -  Participation in another clinical study with an investigational drug within the 6
     months from scheduled first administration
"""


def test_the_healthy_subjects_egfr_is_not_required_of_a_patient():
    _, outcome = results(RENAL_STUDY, "NCT05703282")
    assert outcome["eGFR ≥ 90 mL/min/1.73m^2"] is Outcome.UNKNOWN
    assert outcome["Adults aged 19 years and older"] is Outcome.PASS


def test_a_long_lead_in_that_mentions_controls_is_still_about_the_patient():
    block = """\
Inclusion Criteria:

  -  Neuropathy meeting the following criteria - abnormal nerve conduction study based on age-matched
     controls at the site and a symptom or sign of neuropathy:

       -  Age ≥ 65 years
"""
    _, outcome = results(block, "NCT06201611")
    assert outcome["Age ≥ 65 years"] is Outcome.FAIL


# NCT02227251, as registered (abridged): each Part adds its own criteria to the common ones.
TWO_PARTS = """\
Inclusion Criteria (Parts 1 and 2):

* Age greater than or equal to (≥) 18 years.

Part 2 additional inclusion criteria:

(iii) Platelet count ≥100,000/mm\\^3 within 14 days of starting therapy.

Exclusion Criteria (Parts 1 and 2):

* Major surgery within 2 weeks of first dose of study treatment.

Part 1 additional exclusion criteria:

* Known central nervous system lymphoma or meningeal involvement.
* Any of the following laboratory abnormalities:

  (i) Absolute neutrophil count (ANC) \\<1000 cells/mm\\^3 or platelet count \\<75,000/mm\\^3 during
  screening and on Cycle 1 Day 1.
"""


def test_a_parts_additional_criteria_apply_to_that_part_only():
    criteria = split_criteria(TWO_PARTS)
    assert [(c.text[:30], c.stratum) for c in criteria] == [
        ("Age greater than or equal to (", "1, 2"),
        ("Platelet count ≥100,000/mm^3 w", "2"),
        ("Major surgery within 2 weeks o", "1, 2"),
        ("Known central nervous system l", "1"),
        ("Absolute neutrophil count (ANC", "1"),
    ]
    labs = [
        {"test": "platelets", "value": 80, "unit": "10^9/L"},
        {"test": "ANC", "value": 2.0, "unit": "10^9/L"},
    ]
    evaluation = evaluation_for(TWO_PARTS, "NCT02227251", labs=labs)
    (platelets,) = [r for r in evaluation.results if r.text.startswith("Platelet")]
    assert platelets.result is Outcome.FAIL  # 80 × 10⁹/L: too few for Part 2, enough for Part 1
    assert evaluation.verdict is not Verdict.INELIGIBLE
    assert evaluation.open_strata == ("1",)


# NCT05706168, as registered (abridged): each group has its own lists, headed by an item without a colon.
TWO_GROUPS = """\
Inclusion Criteria:

  1. Inclusion criteria post stroke group

       1. Post stroke adult patients of Chinese origin, who are 50 years old or above,

  2. Inclusion criteria Non stroke group.

       1. Adults of Chinese origin who are 50 years old or above,

Exclusion Criteria:

  1. Exclusion criteria post- stroke group

       1. Below 50 years of age,

  2. Exclusion criteria Non-stroke group.

       1. History of stroke or TIA.,
"""


def test_a_group_named_in_an_item_without_a_colon_is_the_stratum_of_the_items_under_it():
    strata = [(c.section.value, c.text, c.stratum) for c in split_criteria(TWO_GROUPS) if c.stratum]
    assert strata == [
        (
            "inclusion",
            "Post stroke adult patients of Chinese origin, who are 50 years old or above,",
            "post stroke group",
        ),
        ("inclusion", "Adults of Chinese origin who are 50 years old or above,", "Non stroke group"),
        ("exclusion", "Below 50 years of age,", "post stroke group"),
        ("exclusion", "History of stroke or TIA.,", "Non stroke group"),
    ]


# NCT05704374, as registered (abridged): a patient group and a healthy control group, both headed.
PATIENTS_AND_CONTROLS = """\
Inclusion Criteria:

For the fibromyalgia group

  -  Between the ages of 20-50

  -  Being a woman

For the Healthy Control group

  -  Between the ages of 20-50

  -  Being healthy
"""


def test_a_healthy_control_group_is_no_stratum_a_patient_could_stay_eligible_through():
    criteria = split_criteria(PATIENTS_AND_CONTROLS)
    assert [c.stratum for c in criteria if c.text == "Between the ages of 20-50"] == [
        "fibromyalgia group",
        None,
    ]
    evaluation = evaluation_for(PATIENTS_AND_CONTROLS, "NCT05704374")
    assert evaluation.verdict is Verdict.INELIGIBLE  # a man of 60 is in neither group


def test_a_long_lead_in_opening_with_healthy_controls_is_about_them():
    block = """\
Inclusion Criteria:

Healthy control subjects without insulin resistance must meet all of the following criteria:

  -  Fasting glucose <100 mg/dL
"""
    labs = [{"test": "glucose", "value": 118, "unit": "mg/dL", "date": "2026-11-16"}]
    evaluation = evaluation_for(block, "NCT00001987", labs=labs)
    (result,) = evaluation.results
    assert result.result is Outcome.UNKNOWN  # a diabetic patient is no healthy control, nor excluded by them


# NCT04613596, as registered (abridged): items labelled with the phase they are for.
TWO_PHASES = """\
Inclusion Criteria:

* Phase 2: Histologically confirmed diagnosis of unresectable or metastatic NSCLC with KRAS G12C mutation
  and any PD-L1 TPS
* Phase 3: Presence of evaluable or measurable disease per RECIST

Exclusion Criteria:

* Phase 2 and Phase 3: Prior systemic treatment for locally advanced or metastatic NSCLC including
  chemotherapy, immune checkpoint inhibitor therapy, or a therapy targeting KRAS G12C mutation
  (e.g., AMG 510).
* Phase 2: Active brain metastases
"""


def test_an_item_labelled_with_its_phase_applies_to_that_phase_only():
    """The label restricts the item and the items under it; "Phase 2 and Phase 3:" restricts nothing."""
    assert [c.stratum for c in split_criteria(TWO_PHASES)] == ["2", "3", None, "2"]
    evaluation = evaluation_for(TWO_PHASES, "NCT04613596", findings={"evaluable disease": False})
    (measurable,) = [r for r in evaluation.results if "measurable" in r.text]
    assert measurable.result is Outcome.FAIL  # Phase 3 wants it, Phase 2 does not
    assert evaluation.verdict is not Verdict.INELIGIBLE
    assert evaluation.open_strata == ("2",)


# NCT05704556, as registered (abridged): cohorts of patients and of matched healthy participants.
COHORTS = """\
Key Inclusion Criteria:

  -  Cohorts 1 and 3: Participants with Severe or Moderate Renal Impairment

       -  Stable renal function for at least 1 month prior to enrollment, as assessed by
          the site investigator

  -  Cohorts 2 and 4: Matched Healthy Participants

       -  Healthy participants will be matched to Cohorts 1 and 3 participants according to
          each of the following parameters: sex, age (±10 years), and BMI (±15%)

Key Exclusion Criteria:

  -  Cohorts 1 and 3: Participants with Severe or Moderate Renal Impairment

       -  Hemoglobin less than or equal to (≤) 9.0 gram per deciliter (g/dL) at screening

  -  Cohorts 2 and 4: Matched Healthy Participants

       -  Prior renal transplantation, prior hemodialysis, or prior peritoneal dialysis
"""


def test_a_cohorts_heading_over_its_exclusions_excludes_no_one():
    criteria = split_criteria(COHORTS)
    assert [(c.section.value, c.text[:40], c.stratum) for c in criteria] == [
        ("inclusion", "Cohorts 1 and 3: Participants with Sever", "1, 3"),
        ("inclusion", "Stable renal function for at least 1 mon", "1, 3"),
        ("inclusion", "Cohorts 2 and 4: Matched Healthy Partici", None),
        ("inclusion", "Healthy participants will be matched to ", None),
        ("exclusion", "Hemoglobin less than or equal to (≤) 9.0", "1, 3"),
        ("exclusion", "Cohorts 2 and 4: Matched Healthy Partici", None),
        ("exclusion", "Prior renal transplantation, prior hemod", None),
    ]
    evaluation = evaluation_for(COHORTS, "NCT05704556", findings={"chronic kidney disease": True})
    assert Outcome.FAIL not in {r.result for r in evaluation.results}  # kidney disease admits to cohort 1
