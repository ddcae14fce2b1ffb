"""Liver tests and their exceptions as registries print them: old and misspelt names, "exceed", "normal range"
after an abbreviation, and the exceptions for liver metastases or Gilbert's syndrome; what is read is checked
value by value, and what would change a verdict if ignored stays for the clinician."""

from __future__ import annotations

from typing import Any

from one_criterion import limits, patient, result, review, thresholds

from trialmatch.domain.criteria import parse_criterion
from trialmatch.domain.criteria.base import Comparator
from trialmatch.domain.criteria.lab import LabThreshold
from trialmatch.domain.criteria.logic import AllOf, AnyOf
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

INC, EXC = Section.INCLUSION, Section.EXCLUSION
LE, LT, GT = Comparator.LE, Comparator.LT, Comparator.GT


def _exceptions(lab: LabThreshold) -> list[tuple[Any, ...]]:
    return [(e.concept, e.comparator, e.value, e.unit, e.multiple_of, e.waived) for e in lab.exceptions]


def _liver(alt: float, ast: float, uln: float = 40) -> list[dict[str, Any]]:
    return [
        {"test": "ALT", "value": alt, "unit": "U/L", "uln": uln},
        {"test": "AST", "value": ast, "unit": "U/L", "uln": uln},
    ]


# --- names ------------------------------------------------------------------------------------------------


def test_misspelt_transaminase_names_are_read_as_ast():
    rule = parse_criterion(
        "Serum glutamic axaloacetic transaminase (SGOT) and serum glutamic pyruvic transaminase (SGPT) less"
        " than 2.5 times upper limit of normal",
        INC,
    )
    assert sorted(limits(rule)) == [("alt", LT, 2.5, None), ("ast", LT, 2.5, None)]


def test_alkalin_phosphatases_is_alkaline_phosphatase():
    rule = parse_criterion(
        "Total bilirubin ≤ 1.5 x ULN, Transaminases ≤ 2.5 x ULN, Alkalin phosphatases ≤ 5 x ULN", INC
    )
    assert isinstance(rule, AllOf)
    assert [(lab.analyte, lab.value) for lab in thresholds(rule)] == [
        ("bilirubin", 1.5),
        ("ast", 2.5),
        ("alt", 2.5),
        ("alp", 5.0),
    ]


def test_exceed_is_above():
    text = "Severe liver function impairment (ALT and/or aspartate aminotransferase exceed 3 times the ULN)"
    rule = parse_criterion(text, EXC)
    assert isinstance(rule, AnyOf)
    assert sorted(limits(rule)) == [("alt", GT, 3.0, None), ("ast", GT, 3.0, None)]
    assert result(EXC, text, patient(labs=_liver(alt=130, ast=30))).result is Outcome.FAIL
    assert result(EXC, text, patient(labs=_liver(alt=110, ast=30))).result is Outcome.PASS


# --- "normal range" after the analyte's abbreviation ------------------------------------------------------


def test_normal_range_after_an_abbreviation_is_the_base_and_the_bracket_its_exception():
    text = (
        "Alanine aminotransferase (ALT) and aspirate aminotransferase (AST) normal range (or ≤3.0 x ULN if"
        " liver metastases are present)"
    )
    rule = parse_criterion(text, INC)
    assert isinstance(rule, AllOf)
    labs = thresholds(rule)
    assert sorted(lab.analyte for lab in labs) == ["alt", "ast"]
    for lab in labs:
        assert (lab.comparator, lab.value, lab.multiple_of) == (LE, 1.0, "uln")
        assert _exceptions(lab) == [("liver_metastases", LE, 3.0, None, "uln", False)]
    # ALT twice the ULN: fails without liver metastases (it once passed them, whatever the value)
    raised = _liver(alt=80, ast=30)
    without = patient(labs=raised, findings={"liver metastases": False})
    assert result(INC, text, without).result is Outcome.FAIL
    with_metastases = patient(labs=raised, findings={"liver metastases": True})
    assert result(INC, text, with_metastases).result is Outcome.PASS
    assert result(INC, text, patient(labs=raised)).result is Outcome.UNKNOWN


def test_a_condition_inside_a_bracket_opened_before_it_is_not_a_condition_on_the_whole_item():
    # an unclosed bracket: the threshold before it stays everyone's, the bracket its exception, never "passes
    # everyone without liver metastases"
    rule = parse_criterion("ALT normal (or ≤3.0 x ULN if liver metastases are present", INC)
    assert isinstance(rule, LabThreshold)
    assert (rule.comparator, rule.value, rule.multiple_of) == (LE, 1.0, "uln")
    assert _exceptions(rule) == [("liver_metastases", LE, 3.0, None, "uln", False)]
    # a bracket holding only "only" opens the condition itself
    assert parse_criterion("Positive serum pregnancy test (only if premenopausal).", EXC).kind == "all_of"


# --- "liver function tests including ...", the PDQ pointer ------------------------------------------------


def test_liver_function_tests_including_a_list_are_the_tests_listed():
    text = (
        "Liver function tests including total bilirubin, serum glutamic pyruvate transaminase (SGPT) and"
        " serum glutamic oxaloacetic transaminase (SGOT) > 2x the upper limit of normal unless proven to be"
        " due to the malignancy"
    )
    rule = parse_criterion(text, EXC)
    assert isinstance(rule, AnyOf)
    assert sorted(limits(rule)) == [
        ("alt", GT, 2.0, None),
        ("ast", GT, 2.0, None),
        ("bilirubin", GT, 2.0, None),
    ]
    for lab in thresholds(rule):
        ((concept, *_, waived),) = _exceptions(lab)
        assert (concept, waived) == (None, True)
    bilirubin = {"test": "bilirubin", "value": 0.8, "unit": "mg/dL", "uln": 1.2}
    assert result(EXC, text, patient(labs=[*_liver(alt=60, ast=30), bilirubin])).result is Outcome.PASS
    # past the limit, the malignancy may be the cause: the clinician judges, the patient is not excluded
    high = result(EXC, text, patient(labs=[*_liver(alt=100, ast=30), bilirubin]))
    assert high.result is Outcome.UNKNOWN


def test_an_open_list_after_including_stays_unread():
    why = review("Clinically significant abnormalities including but not limited to ALT > 2 x ULN", EXC)
    assert "not understood" in why


def test_a_limit_on_liver_function_tests_that_names_none_is_left_for_review():
    # read as bilirubin alone, a raised AST would have passed unseen
    why = review("Bilirubin and liver function tests less than 2 times ULN", INC)
    assert why == "a limit on liver tests that names none of them: 'liver function tests less than'"
    assert "names none" in review(
        "Liver enzymes > 2 times upper normal limit or bilirubin > 3 times ULN", EXC
    )


def test_the_pdq_pointer_to_the_disease_characteristics_is_no_condition():
    rule = parse_criterion(
        "Hepatic: See Disease Characteristics SGOT/SGPT no greater than 4 times upper limit of normal",
        INC,
        "PATIENT CHARACTERISTICS: Hepatic",
    )
    assert isinstance(rule, AllOf)
    assert sorted(limits(rule)) == [("alt", LE, 4.0, None), ("ast", LE, 4.0, None)]


# --- a bracket naming the finding and its limit, without "if" ----------------------------------------------


def test_a_bracket_naming_liver_metastases_and_a_limit_is_their_exception():
    text = "ALT and AST ≤3 × ULN (liver metastasis≤5.0 × ULN)"
    rule = parse_criterion(text, INC)
    assert isinstance(rule, AllOf)
    for lab in thresholds(rule):
        assert (lab.comparator, lab.value, lab.multiple_of) == (LE, 3.0, "uln")
        assert _exceptions(lab) == [("liver_metastases", LE, 5.0, None, "uln", False)]
    raised = _liver(alt=160, ast=30)
    with_metastases = patient(labs=raised, findings={"liver metastases": True})
    assert result(INC, text, with_metastases).result is Outcome.PASS
    without = patient(labs=raised, findings={"liver metastases": False})
    assert result(INC, text, without).result is Outcome.FAIL


def test_in_an_exclusion_the_named_limit_excludes_the_patients_with_the_finding():
    text = "ALT > 3 × ULN (tumor liver metastasis ≥ 5×ULN)"
    rule = parse_criterion(text, EXC)
    assert isinstance(rule, LabThreshold)
    assert (rule.analyte, rule.comparator, rule.value) == ("alt", GT, 3.0)
    assert _exceptions(rule) == [("liver_metastases", Comparator.GE, 5.0, None, "uln", False)]
    alt_4x = [{"test": "ALT", "value": 160, "unit": "U/L", "uln": 40}]
    metastases = patient(labs=alt_4x, findings={"liver metastases": True})
    assert result(EXC, text, metastases).result is Outcome.PASS
    assert (
        result(EXC, text, patient(labs=alt_4x, findings={"liver metastases": False})).result is Outcome.FAIL
    )


def test_a_bracket_naming_gilberts_syndrome_subjects_and_their_limit():
    rule = parse_criterion("TBIL≤1.5 × ULN（Gilbert's syndrome subjects: TBIL≤3mg/dL）", INC)
    assert isinstance(rule, LabThreshold)
    assert (rule.analyte, rule.comparator, rule.value, rule.multiple_of) == ("bilirubin", LE, 1.5, "uln")
    assert _exceptions(rule) == [("gilbert_syndrome", LE, 3.0, "mg/dL", None, False)]


def test_a_bracket_naming_another_condition_stays_unread():
    # "hepatitis" is not known to raise the limit in the way liver metastases do: whom it admits is not said
    assert parse_criterion("ALT ≤ 3 × ULN (chronic hepatitis ≤ 5 × ULN)", INC).kind == "review"


# --- a bracket naming its analytes and another's again --------------------------------------------------


def test_a_bracket_naming_both_transaminases_is_the_exception_of_both():
    text = (
        "Aspartate aminotransferase (AST) ≤ 2.5 × upper limit of normal (ULN); alanine aminotransferase (ALT)"
        " ≤ 2.5 × ULN (for patients with known liver involvement AST and ALT ≤ 5 × ULN); bilirubin ≤ 1.5"
        " mg/dL (unless diagnosed with Gilbert's syndrome)"
    )
    rule = parse_criterion(text, INC)
    assert isinstance(rule, AllOf)
    labs = {lab.analyte: lab for lab in thresholds(rule)}
    for analyte in ("ast", "alt"):
        assert (labs[analyte].comparator, labs[analyte].value) == (LE, 2.5)
        assert _exceptions(labs[analyte]) == [("liver_metastases", LE, 5.0, None, "uln", False)]
    bilirubin = {"test": "bilirubin", "value": 0.8, "unit": "mg/dL", "uln": 1.2}
    ast_4x = [*_liver(alt=30, ast=160), bilirubin]
    involved = patient(labs=ast_4x, findings={"liver metastases": True})
    assert result(INC, text, involved).result is Outcome.PASS
    assert (
        result(INC, text, patient(labs=ast_4x, findings={"liver metastases": False})).result is Outcome.FAIL
    )


def test_a_condition_on_one_analyte_and_a_limit_on_another_stays_unread():
    # with "and" both limits hold anyway: whether the bracket lowers one or adds to it is not said
    why = review("Has SBP ≥ 140 mmHg and DBP ≥ 90 mmHg (if DBP criteria is met, SBP must be ≥130 mmHg)")
    assert "another analyte" in why


# --- PDQ alternatives set apart by a capital "OR" ----------------------------------------------------------


def test_capital_or_sets_apart_alternatives_each_read_whole():
    text = (
        "SGOT no greater than 2.5 times upper limit of normal (ULN) and alkaline phosphatase normal OR"
        " Alkaline phosphatase no greater than 4 times ULN and SGOT normal OR SGOT less than 1.5 times ULN"
        " and alkaline phosphatase less than 2.5 times ULN"
    )
    rule = parse_criterion(text, INC)
    assert isinstance(rule, AnyOf)
    assert [sorted(limits(child)) for child in rule.children] == [
        [("alp", LE, 1.0, None), ("ast", LE, 2.5, None)],
        [("alp", LE, 4.0, None), ("ast", LE, 1.0, None)],
        [("alp", LT, 2.5, None), ("ast", LT, 1.5, None)],
    ]

    def outcome(ast: float, alp: float) -> Outcome:
        labs = [
            {"test": "AST", "value": ast, "unit": "U/L", "uln": 40},
            {"test": "ALP", "value": alp, "unit": "U/L", "uln": 100},
        ]
        return result(INC, text, patient(labs=labs)).result

    assert outcome(ast=90, alp=80) is Outcome.PASS  # AST 2.25 × ULN with ALP normal
    assert outcome(ast=35, alp=350) is Outcome.PASS  # ALP 3.5 × ULN with AST normal
    assert outcome(ast=90, alp=200) is Outcome.FAIL  # both raised: no alternative met


def test_an_alternative_with_if_requires_its_condition_too():
    text = (
        "SGOT and/or SGPT no greater than 2.5 times ULN if alkaline phosphatase less than ULN, OR alkaline"
        " phosphatase no greater than 4 times ULN if SGOT and/or SGPT less than ULN"
    )
    rule = parse_criterion(text, INC)
    assert isinstance(rule, AnyOf)
    assert [sorted(limits(child)) for child in rule.children] == [
        [("alp", LT, 1.0, None), ("alt", LE, 2.5, None), ("ast", LE, 2.5, None)],
        [("alp", LE, 4.0, None), ("alt", LT, 1.0, None), ("ast", LT, 1.0, None)],
    ]


def test_a_lower_case_or_between_blocks_pairing_the_same_tests_reads_as_two_whole_pairs():
    # "AST ≤ 2.5 and (ALP ≤ ULN or AST ≤ ULN) and ALP ≤ 4" would bound AST twice: the pairs are the reading
    rule = parse_criterion("AST ≤ 2.5 × ULN and ALP ≤ ULN or AST ≤ ULN and ALP ≤ 4 × ULN", INC)
    assert rule.kind == "any_of"
    pairs = [[(c.analyte, c.value) for c in pair.children] for pair in rule.children]
    assert pairs == [[("ast", 2.5), ("alp", 1.0)], [("ast", 1.0), ("alp", 4.0)]]
