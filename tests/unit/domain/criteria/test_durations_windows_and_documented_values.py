"""Time phrases in lab sentences: a duration that belongs to a finding read as its narrowing, a measurement
window kept with its lab value, and values from another time kept for review; with the values and verdicts a
clinician checks."""

from __future__ import annotations

from one_criterion import entered, exclusion, inclusion, limit_of, outcome, patient

from trialmatch.domain.criteria import FindingRule
from trialmatch.domain.criteria.logic import AllOf
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

INC, EXC = Section.INCLUSION, Section.EXCLUSION


# --- how long a finding has lasted narrows it --------------------------------------------------------------

ITP = (
    "Diagnosis of ITP ≥3 months, and with a platelet count of <30 X 109/L measured within 2 days prior to "
    "inclusion"
)


def test_a_finding_duration_and_a_measured_platelet_count_are_two_requirements():
    rule = inclusion(ITP)
    assert isinstance(rule, AllOf)
    finding, platelets = rule.children
    assert isinstance(finding, FindingRule)
    assert finding.concept == "immune_thrombocytopenia"
    assert [e.text for e in finding.exceptions] == ["≥3 months"]  # the window stays with the count
    assert limit_of(platelets) == ("platelets", "<", 30, "10^9/L")


def test_the_itp_duration_is_left_to_the_clinician_and_the_platelet_count_decides():
    low = entered(("platelets", 22, "10^9/L"))
    high = entered(("platelets", 45, "10^9/L"))
    assert outcome(INC, ITP, patient(findings={"ITP": True}, labs=low)) is Outcome.UNKNOWN
    assert outcome(INC, ITP, patient(findings={"ITP": True}, labs=high)) is Outcome.FAIL
    assert outcome(INC, ITP, patient(findings={"ITP": False}, labs=low)) is Outcome.FAIL


def test_a_duration_after_for_narrows_the_finding_in_an_exclusion():
    text = "Type II Diabetes Mellitus for greater than 11 years at the time of enrollment."
    rule = exclusion(text)
    assert isinstance(rule, FindingRule)
    assert (rule.concept, [e.text for e in rule.exceptions]) == (
        "type2_diabetes",
        ["for greater than 11 years"],
    )
    assert outcome(EXC, text, patient(findings={"type 2 diabetes": False})) is Outcome.PASS
    assert outcome(EXC, text, patient(findings={"type 2 diabetes": True})) is Outcome.UNKNOWN


def test_how_often_a_symptom_occurs_narrows_it():
    rule = inclusion("dysphagia at least 2 days per week")
    assert isinstance(rule, FindingRule)
    assert [e.text for e in rule.exceptions] == ["at least 2 days per week"]


def test_a_bare_number_of_years_is_no_duration_of_the_finding():
    assert inclusion("HIV infection ≥ 18 years").kind == "review"


# --- an age, then "with" the requirement ------------------------------------------------------------------

ADULTS = "Adults 18 years of age or greater with left ventricular ejection fraction < 45%"


def test_an_age_before_with_is_read_beside_the_limit_after_it():
    rule = inclusion(ADULTS)
    assert isinstance(rule, AllOf)
    age, lvef = rule.children
    assert (age.kind, age.min, age.max) == ("age", 18, None)  # type: ignore[attr-defined]
    assert limit_of(lvef) == ("lvef", "<", 45, "%")


def test_an_adult_with_a_reduced_ejection_fraction_passes_and_one_with_a_normal_one_fails():
    assert outcome(INC, ADULTS, patient(labs=entered(("lvef", 38, "%")))) is Outcome.PASS
    assert outcome(INC, ADULTS, patient(labs=entered(("lvef", 55, "%")))) is Outcome.FAIL
    assert outcome(INC, ADULTS, patient()) is Outcome.UNKNOWN


def test_an_age_with_a_comma_before_with_is_read_so_too():
    rule = inclusion("Age 18 to 65 years, with BMI < 40 kg/m2")
    assert isinstance(rule, AllOf)
    age, bmi = rule.children
    assert (age.min, age.max) == (18, 65)  # type: ignore[attr-defined]
    assert (bmi.analyte, bmi.comparator.value, bmi.value) == ("bmi", "<", 40)  # type: ignore[attr-defined]


# --- a value documented by the test the item asks for ---------------------------------------------------


def test_a_clearance_documented_by_the_collection_the_patient_must_undergo_is_todays():
    rule = inclusion(
        "Patients must undergo a 24-hour urine collection with documented creatinine clearance > 50 ml/min"
    )
    assert (rule.analyte, rule.comparator.value, rule.value, rule.unit) == ("crcl", ">", 50, "mL/min")  # type: ignore[attr-defined]
    assert rule.method == "measured"  # type: ignore[attr-defined]


def test_a_documented_value_on_record_stays_for_review():
    assert inclusion("Patients with documented fasting blood glucose below 55 mg/dl.").kind == "review"


# --- a NYHA class list closed by ", or" ---------------------------------------------------------------------


def test_a_nyha_class_list_with_a_comma_before_or_narrows_the_heart_failure():
    text = "New York Heart Association Class II, III, or IV congestive heart failure"
    rule = exclusion(text)
    assert isinstance(rule, FindingRule)
    assert (rule.concept, [e.text for e in rule.exceptions]) == (
        "heart_failure",
        ["New York Heart Association Class II, III, or IV"],
    )
    assert outcome(EXC, text, patient(findings={"heart failure": False})) is Outcome.PASS
    assert outcome(EXC, text, patient(findings={"heart failure": True})) is Outcome.UNKNOWN
