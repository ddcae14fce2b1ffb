"""Metabolic and body-size wordings around a threshold that do not change it, read with the values a
clinician checks and the verdicts a patient gets: a relaxing clause after the limit, a specimen prefix, the
purpose of a limit, a re-screening note; and what stays for review."""

from __future__ import annotations

from typing import Any

from one_criterion import exclusion, inclusion, limits, outcome, patient, review

from trialmatch.domain.criteria import LabThreshold
from trialmatch.domain.criteria.base import Comparator
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

INC, EXC = Section.INCLUSION, Section.EXCLUSION
GE, GT, LE, LT = Comparator.GE, Comparator.GT, Comparator.LE, Comparator.LT


def _labs(**values: tuple[float, str]) -> dict[str, Any]:
    return {"labs": [{"test": test, "value": v, "unit": u} for test, (v, u) in values.items()]}


# --- "- can be included if ...": who the limit does not hold for ----------------------------------------

TRIGLYCERIDES = "fP-triglycerides > 4 mmol/ L - can be included if stabilized by medication"
CHOLESTEROL = "fP total cholesterol >8 mmol/L - can be included if stabilized by medication"


def test_a_clause_admitting_some_patients_waives_the_limit_for_them():
    """ "fP-" is the fasting-plasma sample; "can be included if stabilized by medication" says who the
    exclusion does not hold for, as "unless" does: a value within the limit passes, one beyond it is left to
    the clinician, who knows whether the medication stabilised it."""
    rule = exclusion(TRIGLYCERIDES)
    assert isinstance(rule, LabThreshold)
    assert limits(rule) == [("triglycerides", GT, 4.0, "mmol/L")]
    (waiver,) = rule.exceptions
    assert waiver.waived
    assert waiver.concept is None
    assert waiver.text == "can be included if stabilized by medication"
    assert outcome(EXC, TRIGLYCERIDES, patient(**_labs(triglycerides=(2.1, "mmol/L")))) is Outcome.PASS
    assert outcome(EXC, TRIGLYCERIDES, patient(**_labs(triglycerides=(5.2, "mmol/L")))) is Outcome.UNKNOWN
    assert outcome(EXC, TRIGLYCERIDES, patient()) is Outcome.UNKNOWN
    rule = exclusion(CHOLESTEROL)
    assert isinstance(rule, LabThreshold)
    assert limits(rule) == [("cholesterol", GT, 8.0, "mmol/L")]
    assert [e.waived for e in rule.exceptions] == [True]
    assert outcome(EXC, CHOLESTEROL, patient(**_labs(cholesterol=(6.0, "mmol/L")))) is Outcome.PASS


def test_a_clause_admitting_patients_with_a_finding_names_the_finding():
    rule = exclusion("ALT > 3 x ULN, may be included if liver metastases")
    assert isinstance(rule, LabThreshold)
    assert [(e.concept, e.waived) for e in rule.exceptions] == [("liver_metastases", True)]


def test_a_urine_prefix_is_not_a_blood_sample():
    assert review("U-glucose > 2 mmol/L", EXC)


# --- why the limit is set, and a later re-screening ------------------------------------------------------


def test_the_procedure_a_weight_is_needed_for_does_not_change_it():
    text = "Weight greater than 25 kg is necessary for apheresis."
    assert limits(inclusion(text)) == [("body_weight", GT, 25.0, "kg")]
    assert outcome(INC, text, patient(weight_kg=21)) is Outcome.FAIL
    assert outcome(INC, text, patient(weight_kg=30)) is Outcome.PASS


THYROID_RESCREENED = (
    "thyroid dysfunction, defined as an ultrasensitive TSH <0.5 or >5.0 mU/L; volunteers with abnormal TSH "
    "values will be re-considered for participation in the study after follow-up evaluation by the PCP with "
    "initiation or adjustment of thyroid hormone replacement;"
)


def test_a_later_re_screening_leaves_todays_value_judged():
    """A volunteer excluded today may be screened again after treatment: that is a new value in the file,
    and today's is judged against the limits."""
    rule = exclusion(THYROID_RESCREENED)
    assert limits(rule) == [("tsh", LT, 0.5, "mIU/L"), ("tsh", GT, 5.0, "mIU/L")]
    assert outcome(EXC, THYROID_RESCREENED, patient(**_labs(tsh=(7.5, "mIU/L")))) is Outcome.FAIL
    assert outcome(EXC, THYROID_RESCREENED, patient(**_labs(tsh=(2.0, "mIU/L")))) is Outcome.PASS
    assert outcome(EXC, THYROID_RESCREENED, patient()) is Outcome.UNKNOWN


def test_a_re_screening_clause_with_its_own_value_is_kept_for_review_beside_the_limit():
    rule = exclusion("TSH > 5.0 mU/L; patients with abnormal TSH values may be re-tested if TSH is < 10 mU/L")
    assert rule.kind == "all_of"
    tsh, condition = rule.children
    assert (tsh.analyte, tsh.comparator, tsh.value) == ("tsh", GT, 5.0)
    assert condition.kind == "review"
    assert condition.text == "if TSH is < 10 mU/L"


# --- items run together -----------------------------------------------------------------------------------


def test_a_bullet_inside_an_item_starts_another_requirement():
    text = "BMI > 25 • 18-39 years old"
    rule = inclusion(text)
    assert rule.kind == "all_of"
    bmi, age = rule.children
    assert (bmi.analyte, bmi.comparator, bmi.value, bmi.unit) == ("bmi", GT, 25.0, "kg/m2")
    assert (age.min, age.max) == (18.0, 39.0)
    assert outcome(INC, text, patient(age=30, weight_kg=90, height_cm=170)) is Outcome.PASS
    assert outcome(INC, text, patient(age=45, weight_kg=90, height_cm=170)) is Outcome.FAIL


def test_a_stray_full_stop_between_sentences_still_ends_the_first():
    text = "Pregnancy. .Body mass index (BMI > 35)."
    rule = exclusion(text)
    assert rule.kind == "any_of"
    pregnancy, bmi = rule.children
    assert (pregnancy.concept, pregnancy.present) == ("pregnancy", True)
    assert (bmi.analyte, bmi.comparator, bmi.value) == ("bmi", GT, 35.0)
    assert outcome(EXC, text, patient(weight_kg=120, height_cm=170)) is Outcome.FAIL


def test_a_weight_restated_after_an_abbreviated_unit_with_its_full_stop():
    """ "70 Lb. (35 kg)": 35 kg is 77.2 lb, printed as the same limit; a patient between the two is left to
    the clinician."""
    text = "Weight less than 70 Lb. (35 kg)"
    rule = exclusion(text)
    assert isinstance(rule, LabThreshold)
    assert (rule.analyte, rule.comparator, rule.value, rule.unit) == ("body_weight", LT, 70.0, "lb")
    assert rule.lenient_value == 77.2
    assert outcome(EXC, text, patient(weight_kg=30)) is Outcome.FAIL
    assert outcome(EXC, text, patient(weight_kg=34)) is Outcome.UNKNOWN
    assert outcome(EXC, text, patient(weight_kg=40)) is Outcome.PASS


# --- "or those with": another population, not a definition ---------------------------------------------


def test_or_those_with_a_threshold_is_another_population_not_the_definition():
    """Read as the definition of diabetes, or as diabetes narrowed by the HbA1c, "or those with an HbA1c ≥
    6.5%" dropped the diabetics: a type 2 diabetic at HbA1c 6.0 % failed an inclusion they meet."""
    text = "Patients with diabetes mellitus or those with an HbA1C ≥ 6.5%"
    assert inclusion(text).kind != "all_of"
    diabetic = patient(findings={"type 2 diabetes": True}, **_labs(hba1c=(6.0, "%")))
    assert outcome(INC, text, diabetic) is not Outcome.FAIL
    typed = (
        "patients with type 1 or type 2 Diabetes Mellitus or those with an HbA1C level greater than or equal "
        "to 6.5%"
    )
    assert inclusion(typed).kind == "any_of"
    assert outcome(INC, typed, diabetic) is Outcome.PASS


# --- when and how the value is taken ----------------------------------------------------------------------


def test_the_visit_and_the_rounding_of_a_body_size_value_are_how_it_is_taken():
    text = (
        "Body Mass Index (BMI) is => 18.0 to <= 32 kg/m2 after rounded to the nearest tenth, at Screening "
        "and upon initial confinement."
    )
    assert limits(inclusion(text)) == [("bmi", GE, 18.0, "kg/m2"), ("bmi", LE, 32.0, "kg/m2")]
    assert outcome(INC, text, patient(weight_kg=70, height_cm=170)) is Outcome.PASS
    assert outcome(INC, text, patient(weight_kg=100, height_cm=170)) is Outcome.FAIL
    newborn = "Weight less than 2,5 kg during examination"
    assert limits(exclusion(newborn)) == [("body_weight", LT, 2.5, "kg")]


def test_a_recent_value_before_the_trial_in_a_diabetic():
    """ "within 3 months prior to trial" is when the HbA1c is drawn; the item is for diabetics only."""
    text = "If diabetic, HbA1c 7.5 or higher within 3 months prior to trial"
    rule = exclusion(text)
    assert rule.kind == "all_of"
    diabetes, hba1c = rule.children
    assert (diabetes.concept, diabetes.present) == ("diabetes", True)
    assert (hba1c.analyte, hba1c.comparator, hba1c.value, hba1c.unit) == ("hba1c", GE, 7.5, "%")
    diabetic = {"findings": {"type 2 diabetes": True}}
    assert outcome(EXC, text, patient(**diabetic, **_labs(hba1c=(8.2, "%")))) is Outcome.FAIL
    assert outcome(EXC, text, patient(**diabetic, **_labs(hba1c=(6.9, "%")))) is Outcome.PASS
    assert (
        outcome(EXC, text, patient(findings={"diabetes": False}, **_labs(hba1c=(8.2, "%")))) is Outcome.PASS
    )


# --- an HbA1c printed twice -------------------------------------------------------------------------------


def test_an_hba1c_restated_in_ifcc_units_after_a_slash():
    """53 mmol/mol is 7 % by the IFCC master equation: the same limit; one that disagrees stays for review."""
    text = "Uncontrolled diabetes (or glycated haemoglobin >7% / 53 mmol/mol)."
    rule = exclusion(text)
    assert rule.kind == "any_of"
    finding, hba1c = rule.children
    assert finding.concept == "uncontrolled_diabetes"
    assert (hba1c.analyte, hba1c.comparator, hba1c.value, hba1c.unit) == ("hba1c", GT, 7.0, "%")
    assert outcome(EXC, text, patient(**_labs(hba1c=(7.8, "%")))) is Outcome.FAIL
    assert review("HbA1c >7% / 60 mmol/mol", EXC)


def test_uncontrolled_diabetes_misspelt_is_still_defined_by_its_hba1c():
    text = (
        "Subject who has uncontrolled type 1 or type 2 diabete mellitus at screening visit(Glycated "
        "Hemoglobin (HbA1c) > 8%)"
    )
    assert limits(exclusion(text)) == [("hba1c", GT, 8.0, "%")]
    assert outcome(EXC, text, patient(**_labs(hba1c=(9.1, "%")))) is Outcome.FAIL
    assert outcome(EXC, text, patient(**_labs(hba1c=(7.2, "%")))) is Outcome.PASS
    assert review("Type 2 diabete mellitus (HbA1c > 8%)", EXC)
