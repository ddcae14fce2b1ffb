"""A lab threshold on the value at another time than now ("Pre-pregnancy BMI ≥ 40", "PSA < 10 ng/mL before
prostatectomy", "Initial WBC"): the threshold as written with its time, judged unknown whatever today's value,
with the value it needs named; the other parts of the criterion still decide."""

from __future__ import annotations

import pytest
from one_criterion import entered, exclusion, inclusion, lab, limits_with_multiples, patient, result, review

from trialmatch.domain.criteria import rule_from_json, rule_to_json
from trialmatch.domain.criteria.checks import PatientView, build_check, rule_inputs
from trialmatch.domain.criteria.derived import DerivedValueRule
from trialmatch.domain.criteria.lab import LabThreshold
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

_TODAY_ONLY = "the patient file holds current values only"

# --- reading: the threshold as today's, plus the time as written ------------------------------------------


@pytest.mark.parametrize(
    ("text", "section", "expected", "timepoint"),
    [
        (
            "Previous CD4 T cell count <200 cells/μL.",
            "exclusion",
            ("cd4", "<", 200.0, "/µL", None),
            "Previous",
        ),
        (
            "Pre-pregnancy body-mass index (BMI) ≥40",
            "exclusion",
            ("bmi", "≥", 40.0, "kg/m2", None),
            "Pre-pregnancy",
        ),
        (
            "Pregestational BMI greater than 24 kg/m2.",
            "inclusion",
            ("bmi", ">", 24.0, "kg/m2", None),
            "Pregestational",
        ),
        (
            "Morbid obesity (BMI > 40 at the time of delivery)",
            "exclusion",
            ("bmi", ">", 40.0, "kg/m2", None),
            "at the time of delivery",
        ),
        (
            "Blood glucose level over 200 mg/dL on the day of surgery.",
            "exclusion",
            ("glucose", ">", 200.0, "mg/dL", None),
            "on the day of surgery",
        ),
        (
            "PSA level <10 ng/mL before prostatectomy",
            "inclusion",
            ("psa", "<", 10.0, "ng/mL", None),
            "before prostatectomy",
        ),
        ("Highest WBC less than 50,000/mm^3", "inclusion", ("wbc", "<", 50000.0, "/µL", None), "Highest"),
        ("Initial WBC less than 30,000/mm3", "inclusion", ("wbc", "<", 30000.0, "/µL", None), "Initial"),
        (
            "Creatinine clearance < 40 cc/min at the time of initial autografting evaluation",
            "exclusion",
            ("crcl", "<", 40.0, "mL/min", None),
            "at the time of initial autografting evaluation",
        ),
        (
            "LVEF of ≥50% at the last assessment during the induction therapy phase",
            "inclusion",
            ("lvef", "≥", 50.0, "%", None),
            "at the last assessment during the induction therapy phase",
        ),
        (
            "An eGFR > 15 ml/min/1.73 m2 10 to 15 days after renal transplantation",
            "inclusion",
            ("egfr", ">", 15.0, "mL/min/1.73m2", None),
            "10 to 15 days after renal transplantation",
        ),
        (
            "Castrate serum testosterone less than 30 ng/dL after antiandrogen withdrawal",
            "inclusion",
            ("testosterone", "<", 30.0, "ng/dL", None),
            "after antiandrogen withdrawal",
        ),
        (
            "Pretreatment prostate-specific antigen ≤ 20 ng/mL",
            "inclusion",
            ("psa", "≤", 20.0, "ng/mL", None),
            "Pretreatment",
        ),
        (
            "Pretherapy serum prostate-specific antigen level > 100.",
            "exclusion",
            ("psa", ">", 100.0, "ng/mL", None),
            "Pretherapy",
        ),
        (
            "Preoperative PSA greater than 15 ng/mL",
            "inclusion",
            ("psa", ">", 15.0, "ng/mL", None),
            "Preoperative",
        ),
        ("Post-operative PSA < 0.2 ng/mL", "inclusion", ("psa", "<", 0.2, "ng/mL", None), "Post-operative"),
        ("Preoperative CA-125 > 35 U/mL", "inclusion", ("ca125", ">", 35.0, "U/mL", None), "Preoperative"),
        (
            "Pre-treatment testosterone ≥ 150 ng/dL",
            "inclusion",
            ("testosterone", "≥", 150.0, "ng/dL", None),
            "Pre-treatment",
        ),
    ],
)
def test_a_value_at_another_time_keeps_its_threshold_and_the_time_as_written(
    text: str, section: str, expected: tuple, timepoint: str
):
    rule = inclusion(text) if section == "inclusion" else exclusion(text)
    assert isinstance(rule, LabThreshold | DerivedValueRule), rule
    assert limits_with_multiples(rule) == [expected]
    assert rule.timepoint == timepoint


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Preoperative hemoglobin ≥ 10 g/dL", ("hemoglobin", ">=", 10.0, "g/dL")),
        ("Screening PSA ≥ 2 ng/mL", ("psa", ">=", 2.0, "ng/mL")),
        ("Hemoglobin ≥ 9 g/dL within 14 days prior to registration", ("hemoglobin", ">=", 9.0, "g/dL")),
    ],
)
def test_a_time_saying_when_todays_value_is_drawn_is_no_timepoint(text: str, expected: tuple):
    rule = lab(text)
    assert (rule.analyte, rule.comparator, rule.value, rule.unit, rule.timepoint) == (*expected, None)


def test_a_window_before_surgery_is_no_timepoint():
    """ "Within 7 days prior to surgery" says when the screening value is drawn, not another value: no
    "needs the within 7 days prior to surgery ANC" reason; the surgery is left for review as before."""
    assert review("ANC ≥ 1500/µL within 7 days prior to surgery") == "words not understood: surgery"


def test_a_pre_surgical_draw_is_todays_value_like_a_preoperative_one():
    text = "The patient's pre-surgical hematocrit is ≤ 48."
    rule = lab(text)
    assert (rule.analyte, rule.comparator, rule.value, rule.unit, rule.timepoint) == (
        "hematocrit",
        "<=",
        48.0,
        "%",
        None,
    )
    assert result("inclusion", text, patient(labs=entered(("hematocrit", 42, "%")))).result is Outcome.PASS
    assert result("inclusion", text, patient(labs=entered(("hematocrit", 51, "%")))).result is Outcome.FAIL
    assert result("inclusion", text, patient()).result is Outcome.UNKNOWN


@pytest.mark.parametrize(
    ("text", "why"),
    [
        (
            "Initial WBC and platelets > 100,000/mm3",
            "of which test is not stated: 'Initial'",
        ),
        (
            "Pretherapy PSA > 20 ng/mL or testosterone > 50 ng/dL",
            "of which test is not stated: 'Pretherapy'",
        ),
        (
            "Hemoglobin > 9 g/dL and platelets > 100,000/mm3 before surgery",
            "of which test is not stated: 'before surgery'",
        ),
    ],
)
def test_a_time_said_in_an_item_naming_several_tests_is_left_for_review(text: str, why: str):
    """Whether "initial" or "before surgery" is said of one test or of all is not stated."""
    assert review(text, Section.EXCLUSION) == f"a value at another time than now, {why}"


def test_a_time_a_persistence_note_already_holds_keeps_todays_threshold():
    text = (
        "SGOT no greater than 4 times upper limit of normal and not increasing for 2-4 weeks"
        " prior to transplant"
    )
    rule = lab(text)
    assert (rule.analyte, rule.value, rule.multiple_of, rule.timepoint) == ("ast", 4.0, "uln", None)
    assert rule.qualifier == "not increasing for 2-4 weeks prior to transplant"


# --- evaluation: unknown whatever today's value, naming the value needed ---------------------------------


@pytest.mark.parametrize(
    ("section", "text", "labs", "reason"),
    [
        (
            "inclusion",
            "PSA level <10 ng/mL before prostatectomy",
            entered(("PSA", 4, "ng/mL")),
            "needs the PSA before prostatectomy (< 10 ng/mL)",
        ),
        (
            "inclusion",
            "PSA level <10 ng/mL before prostatectomy",
            entered(("PSA", 40, "ng/mL")),
            "needs the PSA before prostatectomy (< 10 ng/mL)",
        ),
        (
            "inclusion",
            "PSA level <10 ng/mL before prostatectomy",
            [],
            "needs the PSA before prostatectomy (< 10 ng/mL)",
        ),
        (
            "exclusion",
            "Previous CD4 T cell count <200 cells/μL.",
            entered(("CD4", 150, "/µL")),
            "needs the previous CD4 count (< 200 /µL)",
        ),
        (
            "exclusion",
            "Previous CD4 T cell count <200 cells/μL.",
            entered(("CD4", 650, "/µL")),
            "needs the previous CD4 count (< 200 /µL)",
        ),
        (
            "exclusion",
            "Blood glucose level over 200 mg/dL on the day of surgery.",
            entered(("glucose", 250, "mg/dL")),
            "needs the glucose on the day of surgery (> 200 mg/dL)",
        ),
        (
            "exclusion",
            "Blood glucose level over 200 mg/dL on the day of surgery.",
            entered(("glucose", 90, "mg/dL")),
            "needs the glucose on the day of surgery (> 200 mg/dL)",
        ),
        (
            "exclusion",
            "Blood glucose level over 200 mg/dL on the day of surgery.",
            [],
            "needs the glucose on the day of surgery (> 200 mg/dL)",
        ),
    ],
)
def test_a_value_at_another_time_is_unknown_whatever_todays_value(
    section: str, text: str, labs: list, reason: str
):
    found = result(section, text, patient(sex="male", labs=labs))
    assert found.result is Outcome.UNKNOWN
    assert found.reason == f"{reason}; {_TODAY_ONLY}"
    assert found.values_used == ()


@pytest.mark.parametrize(
    ("weight", "reason"),
    [
        (130.0, "needs the pre-pregnancy BMI (≥ 40 kg/m2)"),
        (55.0, "needs the pre-pregnancy BMI (≥ 40 kg/m2)"),
        (None, "needs the pre-pregnancy BMI (≥ 40 kg/m2)"),
    ],
)
def test_a_bmi_before_pregnancy_is_not_todays_bmi(weight: float | None, reason: str):
    facts = patient(weight_kg=weight, height_cm=165) if weight else patient()
    found = result("exclusion", "Pre-pregnancy body-mass index (BMI) ≥40", facts)
    assert (found.result, found.reason) == (Outcome.UNKNOWN, f"{reason}; {_TODAY_ONLY}")


def test_the_other_part_of_an_inclusion_still_decides():
    text = "Age ≥ 65 years and previous CD4 count < 200 cells/µL"
    rule = inclusion(text)
    assert [leaf.kind for leaf in rule.children] == ["age", "lab"]  # type: ignore[union-attr]
    assert limits_with_multiples(rule) == [("cd4", "<", 200.0, "/µL", None)]
    assert rule.children[1].timepoint == "previous"  # type: ignore[union-attr]
    labs = entered(("CD4", 100, "/µL"))
    assert result("inclusion", text, patient(age=62, labs=labs)).result is Outcome.FAIL
    assert result("inclusion", text, patient(age=70, labs=labs)).result is Outcome.UNKNOWN
    assert result("inclusion", text, patient(age=70)).result is Outcome.UNKNOWN


def test_a_rule_stored_before_timepoints_loads_unchanged():
    stored = (
        '{"source_span":[0,20],"comparator":"<","value":10.0,"unit":"ng/mL","multiple_of":null,'
        '"unit_inferred":false,"lenient_value":null,"kind":"lab","analyte":"psa","exceptions":[],"strata":[],'
        '"sex":null,"qualifier":null}'
    )
    rule = rule_from_json(stored)
    assert isinstance(rule, LabThreshold)
    assert rule.timepoint is None
    timed = inclusion("PSA level <10 ng/mL before prostatectomy")
    assert rule_from_json(rule_to_json(timed)) == timed


def test_a_marker_obtained_post_surgery_leaves_its_alternative_to_decide():
    text = "Measurable disease OR CA 125 greater than 120 units/mL obtained post surgery"
    rule = inclusion(text)
    assert [leaf.kind for leaf in rule.children] == ["finding", "lab"]  # type: ignore[union-attr]
    assert limits_with_multiples(rule) == [("ca125", ">", 120.0, "U/mL", None)]
    assert rule.children[1].timepoint == "obtained post surgery"  # type: ignore[union-attr]
    high = entered(("CA-125", 300, "U/mL"))
    assert result("inclusion", text, patient(findings={"measurable disease": True})).result is Outcome.PASS
    assert result("inclusion", text, patient(findings={"measurable disease": False}, labs=high)).result is (
        Outcome.UNKNOWN
    )
    assert result("inclusion", text, patient()).result is Outcome.UNKNOWN


def test_a_testosterone_after_surgery_keeps_the_unit_it_must_have_meant():
    rule = lab("Testosterone level > 300 mg/dl post-surgery")
    assert (rule.analyte, rule.comparator, rule.value, rule.unit, rule.unit_inferred, rule.timepoint) == (
        "testosterone",
        ">",
        300.0,
        "ng/dL",
        True,
        "post-surgery",
    )


def test_a_past_value_limited_to_one_sex_does_not_apply_to_the_other():
    # "Hb at diagnosis < 12 g/dL (women)": asked of a man, it is not his limit, not a value he lacks.
    rule = LabThreshold(
        source_span=(0, 30),
        analyte="hemoglobin",
        comparator="<",
        value=12,
        unit="g/dL",
        timepoint="at diagnosis",
        sex="female",
    )
    man = build_check(rule, True)(PatientView(patient(sex="male")), None)
    assert (man.truth, man.reason, man.applies) == (False, "haemoglobin limit for women: patient male", False)
    woman = build_check(rule, True)(PatientView(patient(sex="female")), None)
    assert woman.truth is None
    assert woman.reason.startswith("needs the haemoglobin at diagnosis")
    assert rule_inputs(rule) == frozenset({("sex", "")})
