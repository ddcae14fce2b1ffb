"""Items filed under the heading they belong to, on the real eligibility blocks: the options printed under
an unbulleted lead-in ("At least one of the following indications for treatment:"), the paragraphs printed
left of a bulleted lead-in, a lead-in completed by its only item, and cohort labels printed inside a numbered
item, whose scope ends at the next numbered item."""

from __future__ import annotations

from datetime import date

from trialmatch.domain.compiled import compile_trial
from trialmatch.domain.evaluation import Outcome, TrialEvaluation, Verdict, evaluate
from trialmatch.domain.facts import PatientFacts
from trialmatch.domain.patient import load_patient
from trialmatch.domain.segmentation import split_criteria
from trialmatch.domain.trial import Criterion, Section, Trial

HAIRY_CELL = """
INCLUSION CRITERIA:

DISEASE CHARACTERISTICS:

  -  Confirmed diagnosis of hairy cell leukemia

  -  Measurable disease

At least one of the following indications for treatment:

  -  Neutropenia (ANC <1000 cells/µL)

  -  Anemia (Hgb <10g/dL)

  -  Thrombocytopenia (Plt <100,000/µL)

  -  An absolute lymphocyte count of >20,000 cells/µL, or

  -  Symptomatic splenomegaly

  -  Patient's must have had at least 2 prior systemic therapies. There must have been at
     least 2 prior courses of purine analog, or 1 if the response to this course lasted <2
     years, or if the patient had unacceptable toxicity to purine analog.

PATIENT CHARACTERISTICS:

Performance status • ECOG 0-2

EXCLUSION CRITERIA:

  -  Hepatitis B surface antigen positive

Hepatic function: serum transaminases (either ALT or AST) or bilirubin:

• ≥ Grade 2, unless bilirubin is due to Gilbert's disease

Renal function: serum creatinine clearance ≤60mL/min as estimated by Cockroft-Gault formula

Hematologic function:

  -  Baseline coagulopathy > grade 3 unless due to anticoagulant therapy
"""
"""NCT00462189, shortened."""

ROBOTOL = """
Exclusion Criteria:

  -  Patient under guardianship or curatorship

  -  Contraindication to the use of the RobOtol®:

Patients wearing electronic devices directly connected to the brain or nervous system.

Presence of medical conditions that prohibit general anesthesia. Impossibility of viewing
the anatomy adequately. Any situation that, in the doctor's opinion, might involve risk for
the patient

  -  Anticipated difficulty to comply with the investigation (job transfer, geographical
     distance, lack of motivation, incapacity to fulfill the questionnaires),

  -  Patient previously included in Robiicca study (for the opposite site)
"""
"""NCT05696171, shortened."""

CARDIAC = """
Exclusion Criteria:

  -  Serious cardiac illness or medical conditions including but not confined to:

History of documented congestive heart failure (CHF) or systolic dysfunction (LVEF <50%);
High-risk uncontrolled arrhythmias (ventricular tachycardia, high-grade AV-block,
supraventricular arrhythmias which are not adequately rate-controlled); Angina pectoris
requiring antianginal medication; Clinically significant valvular heart disease; Evidence
of transmural infarction on ECG; Poorly controlled hypertension (e.g. systolic >180mm Hg or
diastolic >100mm Hg);

  -  Other concurrent serious diseases that may interfere with planned treatment including
     severe pulmonary conditions/illness;

  -  Any of the following abnormal laboratory tests immediately prior to randomization:

serum total bilirubin >1.5 x upper limit of normal (ULN), in the case of known Gilbert's
syndrome, a higher serum total bilirubin (<2 X ULN) is allowed; alanine amino transferase
(ALAT) or aspartate amino transferase (ASAT) >2.5 x ULN; alkaline phosphatase (ALP) > 2.5 x
ULN; serum creatinine >2.0 x ULN; total white blood cell count (WBC) <2.5 x 10^9/L;
absolute neutrophil count <1.5 x 10^9/L; platelets <100 x 10^9/L.

  -  Unresolved or unstable serious adverse events from prior adjuvant chemotherapy or
     radiotherapy;
"""
"""NCT00490139, shortened: the first paragraph ends with ";", which chained the next bullet to the lead-in."""

COHORTS = """
Inclusion Criteria:

Subject must meet all of the following applicable inclusion criteria to participate in this
study:

  4. Locally advanced or metastatic disease.

  5. Patients must have one of the following:

     Cohort A:

       -  NSCLC which harbours EGFR Exon 19 deletion.

       -  NSCLC which harbours EGFR L858R mutation.

     The documentation of EGFR mutation status can be obtained any time since the initial
     diagnosis of non-small cell lung cancer.

     Cohort B:

     • NSCLC which harbours LKB1 mutation.

  6. Eastern Cooperative Oncology Group (ECOG) performance status 0-1 (Appendix A)

  7. At least one lesion, not previously irradiated and not chosen for biopsy during the
     study screening period, that can be accurately measured at baseline at equal or
     greater than 10mm in the longest dimension by RECIST 1.1.

  9. Patients must have adequate hematologic, coagulation, hepatic, and renal function. All
     laboratory tests must be obtained less than 4 weeks from study entry. This includes:

       -  platelet count >/=150,000/mm3

       -  HgB ≥ 8.5 g/dL
"""
"""NCT05704634, shortened."""

EOSINOPHILIC = """
-  INCLUSION CRITERIA:

In order to be eligible to participate in this study, an individual must meet all of the
following criteria:

  3. Ability of subject (or Legally Authorized Representative (LAR)) to understand and sign
     a written informed consent document

     Eosinophilic Patients only:

  4. Documented peripheral blood count >1500/mm3, tissue eosinophilia (abnormal
     accumulation of eosinophils in the skin or other body tissues) or suspected
     eosinophilic end organ involvement

  5. Primary (non-NIH) physician for routine medical care

     Relatives only:

  6. Extended family member of an eosinophilic participant on this protocol
"""
"""NCT00001406, shortened: a label printed inside item 3 heads the numbered items after it."""

INDICATIONS = "DISEASE CHARACTERISTICS: At least one of the following indications for treatment"
MUST_HAVE = (
    "Subject must meet all of the following applicable inclusion criteria to participate in this study"
)
LABS = (
    "Patients must have adequate hematologic, coagulation, hepatic, and renal function. All laboratory tests "
    "must be obtained less than 4 weeks from study entry. This includes"
)


def by_text(block: str) -> dict[str, Criterion]:
    return {c.text: c for c in split_criteria(block)}


def facts(**fields: object) -> PatientFacts:
    raw = {"format": "trialmatch-patient/1", "as_of": "2026-11-20", "age": 58, "sex": "male", **fields}
    return PatientFacts(load_patient(raw), date(2026, 11, 20))


def evaluation(block: str, patient: PatientFacts) -> TrialEvaluation:
    trial = Trial(id="NCT00000001", registry="ctgov", title="t", criteria=split_criteria(block))
    return evaluate(compile_trial(trial), patient)


NORMAL_COUNTS = [
    {"test": "ANC", "value": 3.1, "unit": "10^9/L"},
    {"test": "hemoglobin", "value": 13.8, "unit": "g/dL"},
    {"test": "platelets", "value": 240, "unit": "10^9/L"},
]


# --- an unbulleted lead-in over bullets (NCI/PDQ record)


def test_the_options_under_an_unbulleted_lead_in_have_it_as_their_heading():
    criteria = by_text(HAIRY_CELL)
    assert "At least one of the following indications for treatment:" not in criteria
    for option in (
        "Neutropenia (ANC <1000 cells/µL)",
        "Anemia (Hgb <10g/dL)",
        "Thrombocytopenia (Plt <100,000/µL)",
    ):
        assert criteria[option].context == INDICATIONS
        assert criteria[option].section is Section.INCLUSION
    assert criteria["Measurable disease"].context == "DISEASE CHARACTERISTICS"


def test_an_option_is_read_as_one_alternative_of_the_indications():
    rule = compile_trial(Trial(id="t", registry="ctgov", title="t", criteria=split_criteria(HAIRY_CELL)))
    kinds = {c.criterion.text: c.rule.kind for c in rule.criteria}
    assert kinds["Neutropenia (ANC <1000 cells/µL)"] == "alternative"
    assert kinds["Anemia (Hgb <10g/dL)"] == "alternative"
    assert (
        kinds["An absolute lymphocyte count of >20,000 cells/µL, or Symptomatic splenomegaly"]
        == "alternative"
    )


def test_a_requirement_of_its_own_among_the_options_is_left_for_review_not_counted_as_one():
    rule = compile_trial(Trial(id="t", registry="ctgov", title="t", criteria=split_criteria(HAIRY_CELL)))
    (prior,) = [c for c in rule.criteria if c.criterion.text.startswith("Patient's must have had")]
    assert prior.rule.kind == "review"
    assert "alternatives" in prior.rule.why  # type: ignore[union-attr]


def test_a_patient_with_normal_counts_does_not_fail_the_indications():
    """Normal ANC, haemoglobin and platelets; lymphocytes and spleen not recorded: another indication may
    still hold, so no indication fails and the trial stays open."""
    result = evaluation(HAIRY_CELL, facts(labs=NORMAL_COUNTS))
    outcomes = {r.text: r.result for r in result.results}
    assert outcomes["Neutropenia (ANC <1000 cells/µL)"] is Outcome.UNKNOWN
    assert outcomes["Anemia (Hgb <10g/dL)"] is Outcome.UNKNOWN
    assert outcomes["Thrombocytopenia (Plt <100,000/µL)"] is Outcome.UNKNOWN
    assert result.verdict is not Verdict.INELIGIBLE
    assert result.n_fail == 0


def test_a_neutropenic_patient_meets_every_indication_through_that_one():
    labs = [{"test": "ANC", "value": 0.8, "unit": "10^9/L"}, *NORMAL_COUNTS[1:]]
    outcomes = {r.text: r.result for r in evaluation(HAIRY_CELL, facts(labs=labs)).results}
    assert outcomes["Neutropenia (ANC <1000 cells/µL)"] is Outcome.PASS
    assert outcomes["Anemia (Hgb <10g/dL)"] is Outcome.PASS
    assert outcomes["Thrombocytopenia (Plt <100,000/µL)"] is Outcome.PASS


def test_a_lead_in_completed_by_its_only_item_is_one_exclusion():
    criteria = by_text(HAIRY_CELL)
    text = (
        "Hepatic function: serum transaminases (either ALT or AST) or bilirubin: ≥ Grade 2, unless bilirubin "
        "is due to Gilbert's disease"
    )
    assert criteria[text].section is Section.EXCLUSION
    assert criteria[text].context is None
    assert "≥ Grade 2, unless bilirubin is due to Gilbert's disease" not in criteria
    assert "Hepatic function: serum transaminases (either ALT or AST) or bilirubin:" not in criteria


HEPATIC = [
    {"test": "AST", "value": 30, "unit": "U/L", "uln": 40},
    {"test": "ALT", "value": 30, "unit": "U/L", "uln": 40},
    {"test": "total bilirubin", "value": 0.8, "unit": "mg/dL", "uln": 1.2},
]


def hepatic(labs: list[dict[str, object]], **fields: object) -> Outcome:
    results = evaluation(HAIRY_CELL, facts(labs=[*NORMAL_COUNTS, *labs], **fields)).results
    (result,) = [r for r in results if r.text.startswith("Hepatic function: serum transaminases")]
    return result.result


def test_grade_2_bilirubin_excludes_and_normal_liver_values_do_not():
    """Grade 2 bilirubin is > 1.5 x ULN: 2.5 x ULN without Gilbert's disease excludes."""
    assert hepatic(HEPATIC) is Outcome.PASS
    raised = [*HEPATIC[:2], {"test": "total bilirubin", "value": 3.0, "unit": "mg/dL", "uln": 1.2}]
    assert hepatic(raised, findings={"gilbert syndrome": False}) is Outcome.FAIL
    assert hepatic(raised) is Outcome.UNKNOWN  # Gilbert's disease not recorded


# --- paragraphs printed left of a bulleted lead-in


def test_paragraphs_printed_left_of_a_bulleted_lead_in_are_its_items():
    criteria = by_text(ROBOTOL)
    heading = "Contraindication to the use of the RobOtol®"
    assert f"{heading}:" not in criteria
    patients = "Patients wearing electronic devices directly connected to the brain or nervous system."
    assert criteria[patients].context == heading
    assert criteria[patients].section is Section.EXCLUSION
    anaesthesia = next(text for text in criteria if text.startswith("Presence of medical conditions"))
    assert criteria[anaesthesia].context == heading


def test_the_bullets_after_those_paragraphs_are_the_lead_ins_siblings():
    criteria = by_text(ROBOTOL)
    assert criteria["Patient previously included in Robiicca study (for the opposite site)"].context is None
    assert criteria["Patient under guardianship or curatorship"].context is None
    anticipated = next(text for text in criteria if text.startswith("Anticipated difficulty"))
    assert criteria[anticipated].context is None


def test_a_paragraph_ending_with_a_semicolon_does_not_chain_the_next_bullet_to_the_lead_in():
    criteria = by_text(CARDIAC)
    history = next(text for text in criteria if text.startswith("History of documented congestive"))
    assert (
        criteria[history].context
        == "Serious cardiac illness or medical conditions including but not confined to"
    )
    other = next(text for text in criteria if text.startswith("Other concurrent serious diseases"))
    assert criteria[other].context is None
    labs = next(text for text in criteria if text.startswith("serum total bilirubin"))
    assert (
        criteria[labs].context
        == "Any of the following abnormal laboratory tests immediately prior to randomization"
    )
    unresolved = next(text for text in criteria if text.startswith("Unresolved or unstable"))
    assert criteria[unresolved].context is None


# --- cohort labels inside a numbered item


def test_cohort_labels_inside_an_item_bind_their_own_bullets():
    criteria = by_text(COHORTS)
    assert criteria["NSCLC which harbours EGFR Exon 19 deletion."].stratum == "A"
    assert criteria["NSCLC which harbours EGFR Exon 19 deletion."].context == "Cohort A"
    assert criteria["NSCLC which harbours LKB1 mutation."].stratum == "B"


def test_the_next_numbered_item_ends_the_cohort_label():
    criteria = by_text(COHORTS)
    ecog = criteria["Eastern Cooperative Oncology Group (ECOG) performance status 0-1 (Appendix A)"]
    assert ecog.stratum is None
    assert ecog.context == MUST_HAVE
    assert ecog.number == "6"
    lesion = next(c for text, c in criteria.items() if text.startswith("At least one lesion"))
    assert lesion.stratum is None
    platelets = criteria["platelet count >/=150,000/mm3"]
    assert platelets.stratum is None
    assert platelets.context == f"{MUST_HAVE}: {LABS}"


def test_performance_status_binds_a_cohort_a_patient():
    """ECOG 2 closes the trial to every cohort, not only to cohort B."""
    result = evaluation(COHORTS, facts(ecog=2))
    ecog = next(r for r in result.results if r.text.startswith("Eastern Cooperative Oncology Group"))
    assert ecog.result is Outcome.FAIL
    assert ecog.stratum is None
    assert result.verdict is Verdict.INELIGIBLE


def test_a_label_printed_inside_an_item_still_heads_the_numbered_items_after_it():
    criteria = by_text(EOSINOPHILIC)
    assert (
        criteria["Primary (non-NIH) physician for routine medical care"].context
        == "Eosinophilic Patients only"
    )
    family = criteria["Extended family member of an eosinophilic participant on this protocol"]
    assert family.context == "Relatives only"


RUN_TOGETHER = (
    "PATIENT CHARACTERISTICS:\n\n"
    "Hematopoietic: Absolute granulocyte count at least 1,500/mm3 Platelet count at least 100,000/mm3 Other: "
    "one of the following:\n\n"
    "  -  Willing to use contraception\n\n"
    "  -  Postmenopausal\n"
)
"""A made-up PDQ paragraph in the shape of those records: requirements run together before the lead-in."""


def test_requirements_run_together_before_a_lead_in_stay_criteria():
    criteria = by_text(RUN_TOGETHER)
    granulocytes = criteria["Hematopoietic: Absolute granulocyte count at least 1,500/mm3"]
    assert granulocytes.context == "PATIENT CHARACTERISTICS: Hematopoietic"
    assert criteria["Platelet count at least 100,000/mm3"].context == "PATIENT CHARACTERISTICS: Hematopoietic"
