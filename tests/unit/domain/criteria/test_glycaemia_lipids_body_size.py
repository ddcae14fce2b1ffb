"""Glycaemia, lipids, thyroid and body-size thresholds as registries print them: the unit spellings, the
notes beside the numbers and the joins between them, with the values a clinician checks and the verdicts a
patient gets; and what must stay for review."""

from __future__ import annotations

from typing import Any

from one_criterion import exclusion, inclusion, limits, outcome, patient, review

from trialmatch.domain.criteria import AllOf, AnyOf, FindingRule, LabThreshold, parse_criterion
from trialmatch.domain.criteria.base import Comparator
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

INC, EXC = Section.INCLUSION, Section.EXCLUSION
GE, GT, LE, LT = Comparator.GE, Comparator.GT, Comparator.LE, Comparator.LT


def _outcome(section: Section, text: str, **fields: Any) -> Outcome:
    return outcome(section, text, patient(**fields))


def _labs(**values: tuple[float, str]) -> dict[str, Any]:
    return {"labs": [{"test": test, "value": v, "unit": u} for test, (v, u) in values.items()]}


# --- units ------------------------------------------------------------------------------------------------

THYROID = "thyroid dysfunction, defined as an ultrasensitive TSH <0.5 or >5.0 mU/L"


def test_milli_units_per_litre_is_the_tsh_unit():
    """ "mU/L" (milli-units) is the mIU/L laboratories report TSH in; "ultrasensitive" names the assay."""
    rule = exclusion(THYROID)
    assert isinstance(rule, AnyOf)
    assert limits(rule) == [("tsh", LT, 0.5, "mIU/L"), ("tsh", GT, 5.0, "mIU/L")]
    assert _outcome(EXC, THYROID, **_labs(tsh=(2.1, "mIU/L"))) is Outcome.PASS
    assert _outcome(EXC, THYROID, **_labs(tsh=(7.5, "mIU/L"))) is Outcome.FAIL
    assert _outcome(EXC, THYROID) is Outcome.UNKNOWN


# --- a condition defined by glycaemic thresholds ---------------------------------------------------------

TYPE_1_OR_UNCONTROLLED_TYPE_2 = "Type 1 diabetes or uncontrolled type 2 diabetes (HbA1c > 7%)"


def test_a_severity_word_after_or_defines_only_the_second_alternative():
    """The HbA1c says what "uncontrolled" means for type 2 diabetes; type 1 diabetes excludes on its own. Read
    as one label defined by the HbA1c, a type 1 diabetic at 6.8 % was let in."""
    type_1 = {"findings": {"type 1 diabetes": True}, **_labs(hba1c=(6.8, "%"))}
    assert _outcome(EXC, TYPE_1_OR_UNCONTROLLED_TYPE_2, **type_1) is Outcome.FAIL
    elided = "Participant with type I or uncontrolled type II diabetes mellitus (HbA1c >7)"
    assert _outcome(EXC, elided, **type_1) is Outcome.FAIL


def test_a_severity_word_before_both_types_is_defined_by_the_threshold():
    for text in (
        "Uncontrolled type 1 or type 2 diabetes (HbA1c > 8%)",
        "Type 1 or type 2 diabetes mellitus that is not well controlled (hemoglobin A1c > 8%).",
    ):
        assert limits(exclusion(text)) == [("hba1c", GT, 8.0, "%")]


# --- notes beside the numbers ------------------------------------------------------------------------------


def test_a_bracket_citing_the_guideline_adds_no_condition():
    text = "Participant with BMI >= 25 kg/m2 (as per Endocrine Society of India, Ref 12)"
    assert limits(inclusion(text)) == [("bmi", GE, 25.0, "kg/m2")]
    assert limits(exclusion("HbA1c > 7% [as per ADA/ACP guidelines 2020]")) == [("hba1c", GT, 7.0, "%")]
    assert _outcome(INC, text, weight_kg=70, height_cm=170) is Outcome.FAIL  # BMI 24.2
    assert _outcome(INC, text, weight_kg=80, height_cm=170) is Outcome.PASS  # BMI 27.7


def test_a_bracket_citing_a_judgement_or_holding_a_value_is_not_a_citation():
    assert review("BMI ≥ 30 kg/m2 (as per investigator judgement)")
    assert review("BMI ≥ 30 kg/m2 (as per guidelines, or ≥ 27 if diabetic)")


# --- joins between thresholds ------------------------------------------------------------------------------

WEIGHT_WITH_BMI = "Weight ≥55kg with calculated body mass index (BMI) of 18 to 30 kg/m2"


def test_with_between_two_thresholds_joins_them_as_and():
    rule = inclusion(WEIGHT_WITH_BMI)
    assert isinstance(rule, AllOf)
    assert limits(rule) == [
        ("body_weight", GE, 55.0, "kg"),
        ("bmi", GE, 18.0, "kg/m2"),
        ("bmi", LE, 30.0, "kg/m2"),
    ]
    assert _outcome(INC, WEIGHT_WITH_BMI, weight_kg=60, height_cm=165) is Outcome.PASS  # BMI 22.0
    assert _outcome(INC, WEIGHT_WITH_BMI, weight_kg=52, height_cm=160) is Outcome.FAIL  # 52 kg, BMI 20.3
    assert _outcome(INC, WEIGHT_WITH_BMI, weight_kg=95, height_cm=170) is Outcome.FAIL  # BMI 32.9
    assert _outcome(INC, WEIGHT_WITH_BMI, weight_kg=60) is Outcome.UNKNOWN  # no height, no BMI


def test_with_before_a_condition_stays_a_condition():
    rule = inclusion("AST ≤ 3 x ULN (≤ 5 x ULN with liver metastases)")
    assert isinstance(rule, LabThreshold)
    assert [e.concept for e in rule.exceptions] == ["liver_metastases"]


NO_ENZYMES_WITH_ALP = (
    "No SGOT and/or SGPT greater than 1.5 times ULN with alkaline phosphatase greater than 2.5 times ULN"
)


def test_no_rules_out_either_transaminase_together_with_the_phosphatase():
    """Not ((SGOT or SGPT > 1.5 × ULN) and ALP > 2.5 × ULN): both transaminases in range, or ALP in range."""
    rule = inclusion(NO_ENZYMES_WITH_ALP)
    assert isinstance(rule, AnyOf)
    transaminases, phosphatase = rule.children
    assert isinstance(transaminases, AllOf)
    assert limits(transaminases) == [("ast", LE, 1.5, None), ("alt", LE, 1.5, None)]
    assert limits(phosphatase) == [("alp", LE, 2.5, None)]
    raised = _labs(ast=(30, "U/L"), alt=(150, "U/L"), alp=(400, "U/L"))
    assert _outcome(INC, NO_ENZYMES_WITH_ALP, **raised) is Outcome.FAIL
    normal_alp = _labs(ast=(30, "U/L"), alt=(150, "U/L"), alp=(100, "U/L"))
    assert _outcome(INC, NO_ENZYMES_WITH_ALP, **normal_alp) is Outcome.PASS


# --- body weight, and a limit for one sex ------------------------------------------------------------------


def test_a_weight_with_its_comparator_after_the_number_is_the_body_weight():
    assert limits(inclusion("weight of 50 kg or more")) == [("body_weight", GE, 50.0, "kg")]
    assert limits(inclusion("body weight 50 kg or more")) == [("body_weight", GE, 50.0, "kg")]
    assert review("weight loss of 10 kg")


def _per_sex(rule: Any) -> dict[str, tuple[str, Comparator, float, str | None]]:
    assert isinstance(rule, AnyOf), rule
    return {child.sex: (child.analyte, child.comparator, child.value, child.unit) for child in rule.children}


def test_a_bracketed_limit_for_women_leaves_the_limit_before_it_to_men():
    rule = inclusion("weight of 50 kg or more (45 kg or more for women)")
    assert _per_sex(rule) == {
        "male": ("body_weight", GE, 50.0, "kg"),
        "female": ("body_weight", GE, 45.0, "kg"),
    }
    assert _per_sex(inclusion("Hemoglobin ≥ 10 g/dL (≥ 9 g/dL for women)")) == {
        "male": ("hemoglobin", GE, 10.0, "g/dL"),
        "female": ("hemoglobin", GE, 9.0, "g/dL"),
    }


PERSON = (
    "A person with a body mass index (BMI) of 18.0 kg/m2 or more and 30.0 kg/m2 or less with a weight of"
    " 50 kg or more (45 kg or more for women) during a screening visit"
)


def test_bmi_range_with_a_weight_per_sex():
    rule = inclusion(PERSON)
    assert isinstance(rule, AllOf)
    low, high, weight = rule.children
    assert limits(AllOf(source_span=(0, 1), children=[low, high])) == [
        ("bmi", GE, 18.0, "kg/m2"),
        ("bmi", LE, 30.0, "kg/m2"),
    ]
    assert _per_sex(weight) == {
        "male": ("body_weight", GE, 50.0, "kg"),
        "female": ("body_weight", GE, 45.0, "kg"),
    }
    woman = patient(sex="female", weight_kg=47, height_cm=155)  # BMI 19.6
    man = patient(sex="male", weight_kg=47, height_cm=155)
    assert outcome(INC, PERSON, woman) is Outcome.PASS
    assert outcome(INC, PERSON, man) is Outcome.FAIL
    assert outcome(INC, PERSON, patient(sex="female", weight_kg=47)) is Outcome.UNKNOWN  # BMI unknown


# --- headings ----------------------------------------------------------------------------------------------

METABOLIC = "Metabolic: No uncontrolled diabetes; no random blood sugar at least 300 mg/dL"


def test_the_metabolic_heading_label_names_no_condition():
    rule = parse_criterion(METABOLIC, INC, "PATIENT CHARACTERISTICS: Metabolic")
    assert isinstance(rule, AllOf)
    finding, glucose = rule.children
    assert isinstance(finding, FindingRule)
    assert (finding.concept, finding.present) == ("uncontrolled_diabetes", False)
    assert limits(glucose) == [("glucose", LT, 300.0, "mg/dL")]
    controlled = {"findings": {"uncontrolled diabetes": False}, **_labs(glucose=(140, "mg/dL"))}
    assert _outcome(INC, METABOLIC, **controlled) is Outcome.PASS
    high = {"findings": {"uncontrolled diabetes": False}, **_labs(glucose=(320, "mg/dL"))}
    assert _outcome(INC, METABOLIC, **high) is Outcome.FAIL


def test_diabetes_defined_by_a_glucose_below_a_limit_is_left_for_review():
    """Read as the definition, "no" turned "less than 250" into a required glucose of at least 250 mg/dL."""
    assert "below a limit" in review(
        "No uncontrolled diabetes mellitus (i.e., random blood sugar less than 250 mg/dL)"
    )
    assert "below a limit" in review("No hyperglycemia (glucose < 200 mg/dL)")
    assert "below a limit" in review("Uncontrolled diabetes (i.e., glucose less than 250 mg/dL)", EXC)


def test_diabetes_defined_by_a_glucose_above_a_limit_is_read():
    text = "No uncontrolled diabetes (random blood sugar at least 200 mg/dL)"
    assert limits(inclusion(text)) == [("glucose", LT, 200.0, "mg/dL")]
    assert _outcome(INC, text, **_labs(glucose=(150, "mg/dL"))) is Outcome.PASS
    assert _outcome(INC, text, **_labs(glucose=(260, "mg/dL"))) is Outcome.FAIL
