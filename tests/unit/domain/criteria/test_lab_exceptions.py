"""Notes, exceptions and conditions on a lab threshold: what they change is read into the rule, and what
cannot be checked leaves the patients it could concern to the clinician."""

from __future__ import annotations

from typing import Any

from one_criterion import entered, patient, result, review, thresholds
from one_criterion import outcome as outcome_of

from trialmatch.domain.criteria import parse_criterion
from trialmatch.domain.criteria.finding import FindingRule
from trialmatch.domain.criteria.lab import LabThreshold
from trialmatch.domain.criteria.logic import AllOf, AnyOf
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

INC, EXC = Section.INCLUSION, Section.EXCLUSION


def _limit(lab: LabThreshold | Any) -> tuple[Any, ...]:
    return (lab.comparator.symbol, lab.value, lab.unit, lab.multiple_of)


def test_the_same_analytes_restated_after_or_under_a_condition_are_the_exception():
    rule = parse_criterion(
        "Hepatic function as defined by serum bilirubin ≤ 1.5 x ULN, ALAT and ASAT ≤ 3.0 x ULN, or ALAT and"
        " ASAT < 5 x ULN in patients with liver metastases",
        INC,
    )
    labs = {lab.analyte: lab for lab in thresholds(rule)}
    assert isinstance(rule, AllOf)
    assert set(labs) == {"bilirubin", "alt", "ast"}
    assert _limit(labs["bilirubin"]) == ("≤", 1.5, None, "uln")
    assert not labs["bilirubin"].exceptions
    for analyte in ("alt", "ast"):
        assert _limit(labs[analyte]) == ("≤", 3.0, None, "uln")
        (exception,) = labs[analyte].exceptions
        assert (exception.concept, *_limit(exception), exception.waived) == (
            "liver_metastases",
            "<",
            5.0,
            None,
            "uln",
            False,
        )


def test_an_or_between_the_base_and_its_conditional_alternative_is_not_an_alternative_for_everyone():
    rule = parse_criterion(
        "Hepatic: AST and/or ALT no greater than 3 times upper limit of normal OR AST and/or ALT no greater"
        " than 5 times upper limit of normal, if liver metastases",
        INC,
    )
    assert isinstance(rule, AllOf)
    for lab in thresholds(rule):
        assert _limit(lab) == ("≤", 3.0, None, "uln")
        assert [(e.concept, e.value) for e in lab.exceptions] == [("liver_metastases", 5.0)]


def test_a_note_with_the_alternative_threshold():
    rule = parse_criterion(
        "Alanine aminotransferase/aspartate aminotransferase ≤2.5x ULN NOTE: ≤5x ULN is acceptable if liver"
        " metastases are present.",
        INC,
    )
    labs = thresholds(rule)
    assert sorted(lab.analyte for lab in labs) == ["alt", "ast"]
    for lab in labs:
        assert _limit(lab) == ("≤", 2.5, None, "uln")
        assert [(e.concept, *_limit(e)) for e in lab.exceptions] == [
            ("liver_metastases", "≤", 5.0, None, "uln")
        ]


def test_a_condition_stated_first_in_a_later_sentence():
    rule = parse_criterion(
        "Serum total bilirubin (TBIL) ≤1.5 times the upper limit of normal (ULN). For patients with liver"
        " metastases, TBIL may be up to 3 times ULN. Aspartate aminotransferase (AST) and alanine"
        " aminotransferase (ALT) ≤2.5 times ULN.",
        INC,
    )
    labs = {lab.analyte: lab for lab in thresholds(rule)}
    assert [(e.concept, e.value) for e in labs["bilirubin"].exceptions] == [("liver_metastases", 3.0)]
    assert _limit(labs["ast"]) == ("≤", 2.5, None, "uln")
    assert not labs["ast"].exceptions


def test_may_be_up_to_is_the_permitted_maximum():
    rule = parse_criterion(
        "Alkaline phosphatase and transaminases (ALT and AST) may be up to 1.5 x upper limit of normal (ULN)",
        INC,
    )
    assert sorted((lab.analyte, *_limit(lab)) for lab in thresholds(rule)) == [
        ("alp", "≤", 1.5, None, "uln"),
        ("alt", "≤", 1.5, None, "uln"),
        ("ast", "≤", 1.5, None, "uln"),
    ]


def test_an_unresolved_waiver_is_carried_as_text():
    rule = parse_criterion("PT INR >1.5 unless the patient is on full-dose warfarin.", EXC)
    assert isinstance(rule, LabThreshold)
    assert (rule.analyte, *_limit(rule)) == ("inr", ">", 1.5, "1", None)
    (exception,) = rule.exceptions
    assert (exception.concept, exception.waived) == (None, True)
    assert exception.text == "unless the patient is on full-dose warfarin"


def test_unless_after_a_number_is_not_a_multiple_of_the_uln():
    rule = parse_criterion("INR ≤ 1.5 unless receiving anticoagulation therapy", INC)
    assert isinstance(rule, LabThreshold)
    assert _limit(rule) == ("≤", 1.5, "1", None)
    assert [(e.concept, e.waived) for e in rule.exceptions] == [("anticoagulation", True)]


def test_a_footnote_condition_is_the_thresholds():
    rule = parse_criterion(
        "Bilirubin no greater than 2.5 times ULN* NOTE: *Unless attributable to lymphoma", INC
    )
    assert isinstance(rule, LabThreshold)
    assert _limit(rule) == ("≤", 2.5, None, "uln")
    (exception,) = rule.exceptions
    assert (exception.concept, exception.waived, exception.text) == (
        None,
        True,
        "Unless attributable to lymphoma",
    )


def test_for_patients_with_as_the_only_condition_applies_the_threshold_to_them_only():
    rule = parse_criterion("AST and/or ALT =< 5 x ULN for patients with liver involvement", INC)
    assert isinstance(rule, AnyOf)
    absent, required = rule.children
    assert isinstance(absent, FindingRule)
    assert (absent.concept, absent.present) == ("liver_metastases", False)
    assert sorted((lab.analyte, *_limit(lab)) for lab in thresholds(required)) == [
        ("alt", "≤", 5.0, None, "uln"),
        ("ast", "≤", 5.0, None, "uln"),
    ]


def test_plhiv_names_hiv():
    rule = parse_criterion("CD4 count over 350 cells/mm³ at screening (if PLHIV)", INC)
    assert isinstance(rule, AnyOf)
    absent, required = rule.children
    assert isinstance(absent, FindingRule)
    assert (absent.concept, absent.present) == ("hiv", False)
    assert isinstance(required, LabThreshold)
    assert (required.analyte, *_limit(required)) == ("cd4", ">", 350.0, "/µL", None)


def test_a_support_note_heading_a_list_qualifies_every_count():
    rule = parse_criterion(
        "Blood routine (no blood transfusion or granulocyte colony-stimulating factor therapy within 14 days"
        " before examination)：ANC≥1.5×109/L；PLT≥75×109/L；Hb≥90 g/L;",
        INC,
    )
    labs = thresholds(rule)
    assert sorted(lab.analyte for lab in labs) == ["anc", "hemoglobin", "platelets"]
    assert {lab.qualifier for lab in labs} == {
        "no blood transfusion or granulocyte colony-stimulating factor therapy within 14 days"
        " before examination"
    }


def test_a_support_note_reads_past_an_abbreviation():
    rule = parse_criterion(
        "Hemoglobin ≥ 9 g/dL without the use of red blood cell (RBC) transfusion within the last 2 weeks"
        " before screening",
        INC,
    )
    assert isinstance(rule, LabThreshold)
    assert (rule.analyte, *_limit(rule)) == ("hemoglobin", "≥", 9.0, "g/dL", None)
    assert rule.qualifier is not None
    assert rule.qualifier.startswith("without the use of red blood cell")


def test_the_base_for_patients_without_what_the_exception_names():
    rule = parse_criterion(
        "Aspartate aminotransferase (AST) and alanine aminotransferase (ALT)<2.5×ULN in patients without"
        " liver metastases; <5×ULN in patients with liver metastases",
        INC,
    )
    labs = thresholds(rule)
    assert sorted(lab.analyte for lab in labs) == ["alt", "ast"]
    for lab in labs:
        assert _limit(lab) == ("<", 2.5, None, "uln")
        assert [(e.concept, *_limit(e)) for e in lab.exceptions] == [
            ("liver_metastases", "<", 5.0, None, "uln")
        ]


def test_a_leading_if_there_is_no_condition_matched_by_the_exception():
    rule = parse_criterion(
        "If there is no clear liver metastasis, alanine aminotransferase> 2.5 times the upper limit of normal"
        " (ULN); if there is liver metastasis, alanine aminotransferase> 5×ULN;",
        EXC,
    )
    assert isinstance(rule, LabThreshold)
    assert (rule.analyte, *_limit(rule)) == ("alt", ">", 2.5, None, "uln")
    assert [(e.concept, *_limit(e)) for e in rule.exceptions] == [("liver_metastases", ">", 5.0, None, "uln")]


def test_a_base_for_patients_without_something_no_exception_names_stays_for_review():
    why = review(
        "AST < 2.5 x ULN in patients without bone metastases; < 5 x ULN in patients with liver metastases"
    )
    assert why.startswith("a condition on the base threshold")
    assert review("AST < 2.5 x ULN in patients without liver metastases and without pain").startswith(
        "a condition on the base"
    )


def test_a_leading_waiver_holds_for_every_threshold_after_it():
    rule = parse_criterion(
        "For patients not receiving therapeutic anticoagulation: INR ≤ 1.5, aPTT ≤ 1.5 x ULN", INC
    )
    labs = {lab.analyte: lab for lab in thresholds(rule)}
    assert _limit(labs["inr"]) == ("≤", 1.5, "1", None)
    assert _limit(labs["ptt"]) == ("≤", 1.5, None, "uln")
    for lab in labs.values():
        (exception,) = lab.exceptions
        assert (exception.concept, exception.waived) == ("anticoagulation", True)
        assert exception.text == "For patients not receiving therapeutic anticoagulation"


def test_a_leading_unless_with_a_known_condition():
    rule = parse_criterion(
        "Hematopoietic: Unless documented bone marrow disease: Absolute neutrophil count at least 1,500/mm3",
        INC,
    )
    assert isinstance(rule, LabThreshold)
    assert (rule.analyte, *_limit(rule)) == ("anc", "≥", 1500.0, "/µL", None)
    assert [(e.concept, e.waived) for e in rule.exceptions] == [("bone_marrow_involvement", True)]


def test_a_two_dimensional_echocardiogram_is_how_lvef_is_measured():
    rule = parse_criterion("LVEF at least 50% by MUGA scan or 2-D echocardiogram", INC)
    assert isinstance(rule, LabThreshold)
    assert (rule.analyte, *_limit(rule)) == ("lvef", "≥", 50.0, "%", None)


def test_a_section_number_in_a_condition_is_not_a_threshold():
    rule = parse_criterion("INR </= 1.5 unless on warfarin (see 3.1.9)", INC)
    assert isinstance(rule, LabThreshold)
    assert (rule.analyte, *_limit(rule)) == ("inr", "≤", 1.5, "1", None)
    assert [(e.concept, e.waived, e.value) for e in rule.exceptions] == [(None, True, 1.5)]


def test_a_conditional_variant_with_no_base_before_it_stays_for_review():
    review(
        "For patients with liver metastases, AST and ALT may be up to 5 times ULN. Serum creatinine (SCr)"
        " ≤1.5 times ULN, or creatinine clearance rate ≥50 mL/min (calculated using the Cockcroft-Gault"
        " formula)."
    )


def test_other_analytes_named_under_a_condition_are_a_requirement_beside_the_limit_not_an_exception_to_it():
    rule = parse_criterion(
        "Creatinine ≤ 1.5 x ULN; NOTE: if creatinine > ULN, creatinine clearance must be > 50 mL/min",
        Section.INCLUSION,
        None,
    )
    assert isinstance(rule, AllOf), rule
    limit, conditional = rule.children
    assert isinstance(limit, LabThreshold)
    assert not limit.exceptions
    assert (limit.analyte, *_limit(limit)) == ("creatinine", "≤", 1.5, None, "uln")
    assert isinstance(conditional, AnyOf), conditional
    assert [(c.analyte, c.comparator.value, c.value) for c in conditional.children] == [
        ("creatinine", "<=", 1.0),
        ("crcl", ">", 50.0),
    ]


def test_a_negated_condition_before_the_base_stays_for_review():
    review(
        "If there is no clear liver lesion, aspartate aminotransferase> 2.5×ULN; if there is liver"
        " lesion, aspartate aminotransferase> 5×ULN;",
        EXC,
    )


# --- evaluation ---------------------------------------------------------------------------------------------


def test_an_unchecked_waiver_leaves_an_excluding_value_unknown_and_a_normal_one_decided():
    text = "PT INR >1.5 unless the patient is on full-dose warfarin."
    high = result("exclusion", text, patient(labs=[{"test": "INR", "value": 2.4}]))
    assert high.result is Outcome.UNKNOWN
    assert "is not checked" in high.reason
    normal = result("exclusion", text, patient(labs=[{"test": "INR", "value": 1.1}]))
    assert normal.result is Outcome.PASS


def test_an_inclusion_item_that_lets_some_patients_in_never_fails_those_without_the_condition():
    facts = patient(findings={"Gilbert syndrome": False, "HIV": False, "brain metastases": False})
    for text, outcome in (
        (
            "Patients with known Gilbert disease who have serum bilirubin level ≤ 3 ⋅ ULN may be enrolled.",
            "pass",
        ),
        (
            "HIV-infected patients on effective anti-retroviral therapy with undetectable viral load within 6"
            " months of randomization are eligible for this trial.",
            "pass",
        ),
        ("Brain metastases at inclusion are allowed if asymptomatic", "unknown"),
    ):
        assert result("inclusion", text, facts).result is Outcome(outcome)


def test_an_exception_to_a_stated_requirement_is_still_read():
    rule = parse_criterion(
        "Confirmed infection with COVID-19 by any acceptable test available/utilized at each site", INC
    )
    assert rule.kind == "finding"


def test_the_restated_alternative_applies_with_liver_metastases_only():
    text = (
        "Hepatic function as defined by serum bilirubin ≤ 1.5 x ULN, ALAT and ASAT ≤ 3.0 x ULN, or ALAT and"
        " ASAT < 5 x ULN in patients with liver metastases"
    )
    labs = [
        {"test": "bilirubin", "value": 0.8, "unit": "mg/dL", "uln": 1.2},
        {"test": "ALT", "value": 160, "unit": "U/L", "uln": 40},
        {"test": "AST", "value": 150, "unit": "U/L", "uln": 40},
    ]
    with_metastases = result("inclusion", text, patient(labs=labs, findings={"liver metastases": True}))
    assert with_metastases.result is Outcome.PASS
    without = result("inclusion", text, patient(labs=labs, findings={"liver metastases": False}))
    assert without.result is Outcome.FAIL


def test_a_threshold_in_a_leading_condition_restricts_who_the_requirement_is_for():
    rule = parse_criterion(
        "for participants with screening eGFR ≥ 45 mL/min/1.73 m2, potassium must be ≥ 3.0 and ≤ 4.8 mmol/L "
        "at the Screening Visit",
        INC,
    )
    assert rule.kind == "any_of"
    others, requirement = rule.children  # type: ignore[attr-defined]
    assert (others.analyte, others.comparator.value, others.value) == ("egfr", "<", 45.0)
    assert [(c.analyte, c.comparator.value, c.value) for c in requirement.children] == [
        ("potassium", ">=", 3.0),
        ("potassium", "<=", 4.8),
    ]


def test_a_printed_unit_that_puts_the_threshold_far_below_any_limit_is_a_typo():
    assert parse_criterion("Platelet count at least 100,00/mm^3", INC).kind == "review"
    misprinted = parse_criterion("Hemoglobin greater than 8 mg/dL", INC)  # the prefix that fits: g/dL
    assert isinstance(misprinted, LabThreshold)
    assert (misprinted.value, misprinted.unit, misprinted.unit_inferred) == (8.0, "g/dL", True)
    assert parse_criterion("Platelets ≥ 20,000/mm^3", INC).kind == "lab"


def test_patients_with_a_value_who_can_be_enrolled_are_a_permission_not_an_excluding_limit():
    text = (
        "Has uncontrolled Type 2 diabetes. A subject with HbA1c levels up to 7.5% can be enrolled if the "
        "investigator believes the subject's diabetes is under control."
    )
    diabetic = patient(findings={"type 2 diabetes": True}, labs=entered(("HbA1c", 6.8, "%")))
    assert outcome_of(Section.EXCLUSION, text, diabetic) is Outcome.UNKNOWN
    assert outcome_of(Section.EXCLUSION, text, patient(findings={"type 2 diabetes": False})) is Outcome.PASS
