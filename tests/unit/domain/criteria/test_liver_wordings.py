"""Liver limits as registries word their exceptions: the base limit stated for the patients without liver
metastases and the wider one for those with them, each clause with its own "if"; checked value by value and
verdict by verdict, as a clinician would."""

from __future__ import annotations

from typing import Any

from one_criterion import patient, result, thresholds

from trialmatch.domain.criteria import Rule, parse_criterion
from trialmatch.domain.criteria.base import Comparator
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

INC, EXC = Section.INCLUSION, Section.EXCLUSION
LE, LT, GT = Comparator.LE, Comparator.LT, Comparator.GT


def _read(rule: Rule) -> list[tuple[Any, ...]]:
    """(analyte, comparator, value, ×ULN?, [(concept, comparator, value, waived)]) per threshold."""
    return [
        (
            lab.analyte,
            lab.comparator,
            lab.value,
            lab.multiple_of,
            [(e.concept, e.comparator, e.value, e.waived) for e in lab.exceptions],
        )
        for lab in thresholds(rule)
    ]


def _alt(value: float) -> list[dict[str, Any]]:
    return [{"test": "ALT", "value": value, "unit": "U/L", "uln": 40}]


# --- "if there is no liver metastasis; ... if there is liver metastasis" ----------------------------------

_PAIRED = (
    "ALT and AST ≤2.5 × ULN if there is no liver metastasis;"
    " ALT and AST ≤5 × ULN if there is liver metastasis."
)


def test_a_limit_for_patients_without_metastases_then_one_for_those_with_them_is_one_excepted_limit():
    assert _read(parse_criterion(_PAIRED, INC)) == [
        ("alt", LE, 2.5, "uln", [("liver_metastases", LE, 5.0, False)]),
        ("ast", LE, 2.5, "uln", [("liver_metastases", LE, 5.0, False)]),
    ]


def test_the_paired_limits_judge_each_patient_by_their_metastases():
    text = "ALT ≤2.5 × ULN if there is no liver metastasis; ALT ≤5 × ULN if there is liver metastasis."
    four_times = _alt(160)
    assert result(INC, text, patient(labs=four_times, findings={"liver metastases": True})).result is (
        Outcome.PASS
    )
    assert result(INC, text, patient(labs=four_times, findings={"liver metastases": False})).result is (
        Outcome.FAIL
    )
    assert result(INC, text, patient(labs=four_times)).result is Outcome.UNKNOWN
    assert result(INC, text, patient(labs=_alt(80))).result is Outcome.PASS
    assert result(INC, text, patient(labs=_alt(240), findings={"liver metastases": True})).result is (
        Outcome.FAIL
    )


def test_the_paired_limits_in_an_exclusion_exclude_beyond_each_patients_limit():
    text = "ALT > 2.5 × ULN if there is no liver metastasis; ALT > 5 × ULN if there is liver metastasis."
    assert _read(parse_criterion(text, EXC)) == [
        ("alt", GT, 2.5, "uln", [("liver_metastases", GT, 5.0, False)])
    ]
    four_times = _alt(160)
    assert result(EXC, text, patient(labs=four_times, findings={"liver metastases": True})).result is (
        Outcome.PASS
    )
    assert result(EXC, text, patient(labs=four_times, findings={"liver metastases": False})).result is (
        Outcome.FAIL
    )


def test_a_limit_only_for_patients_without_metastases_leaves_the_others_to_the_clinician():
    """No limit is stated for patients with liver metastases: theirs is waived here, a value past it left to
    the clinician with the condition (see test_liver_exceptions_without)."""
    rule = parse_criterion("ALT ≤2.5 × ULN if there is no liver metastasis", INC)
    assert _read(rule) == [("alt", LE, 2.5, "uln", [("liver_metastases", LE, 2.5, True)])]


# --- the wider limit restated after a condition on the same tests ------------------------------------------


def test_a_condition_naming_the_same_tests_again_is_their_exception_not_an_unknown_note():
    text = "ALT and AST ≤ 2.5 × ULN; for patients with liver metastasis, ALT and AST ≤ 5 × ULN"
    assert _read(parse_criterion(text, INC)) == [
        ("alt", LE, 2.5, "uln", [("liver_metastases", LE, 5.0, False)]),
        ("ast", LE, 2.5, "uln", [("liver_metastases", LE, 5.0, False)]),
    ]
    four_times = [*_alt(160), {"test": "AST", "value": 30, "unit": "U/L", "uln": 40}]
    assert result(INC, text, patient(labs=four_times, findings={"liver metastases": True})).result is (
        Outcome.PASS
    )
    assert result(INC, text, patient(labs=four_times, findings={"liver metastases": False})).result is (
        Outcome.FAIL
    )


def test_a_condition_naming_only_one_of_the_tests_does_not_widen_the_other():
    text = "ALT and AST ≤ 2.5 × ULN; for patients with liver metastasis, AST ≤ 5 × ULN"
    alt, ast = thresholds(parse_criterion(text, INC))
    assert (ast.analyte, [(e.concept, e.value) for e in ast.exceptions]) == (
        "ast",
        [("liver_metastases", 5.0)],
    )
    assert alt.analyte == "alt"
    assert [e.concept for e in alt.exceptions] == [None]


def test_such_as_liver_metastasis_translated_from_chinese_is_the_metastases_exception():
    text = (
        "Alanine aminotransferase (ALT) and aspartate aminotransferase AST≤2.5ULN, such as liver metastasis,"
        " ALT and AST≤5ULN"
    )
    assert _read(parse_criterion(text, INC)) == [
        ("alt", LE, 2.5, "uln", [("liver_metastases", LE, 5.0, False)]),
        ("ast", LE, 2.5, "uln", [("liver_metastases", LE, 5.0, False)]),
    ]


def test_in_gilbert_syndrome_subjects_after_the_wider_limit_is_its_condition():
    text = "TBIL > 1.5 ×ULN or TBIL>2.5 × ULN in Gilbert syndrome subjects"
    assert _read(parse_criterion(text, EXC)) == [
        ("bilirubin", GT, 1.5, "uln", [("gilbert_syndrome", GT, 2.5, False)])
    ]
    bilirubin = [{"test": "total bilirubin", "value": 2.4, "unit": "mg/dL", "uln": 1.2}]
    gilbert = patient(labs=bilirubin, findings={"Gilbert's syndrome": True})
    assert result(EXC, text, gilbert).result is Outcome.PASS
    assert result(EXC, text, patient(labs=bilirubin, findings={"Gilbert's syndrome": False})).result is (
        Outcome.FAIL
    )


def test_in_other_patients_after_a_limit_is_not_read_as_a_condition():
    assert parse_criterion("Total bilirubin ≤ 1.5 × ULN in adult patients", INC).kind == "review"


# --- organ-function lists with lettered items, as registries translated from Chinese print them -------------


def _values(rule: Rule) -> list[tuple[str, Comparator, float, str | None, str | None]]:
    return [(lab.analyte, lab.comparator, lab.value, lab.unit, lab.multiple_of) for lab in thresholds(rule)]


def test_capital_list_letters_after_a_heading_end_no_sentence():
    text = (
        "blood routine check all meet the following criteria: A. Hb≥90g/L; B. ANC≥1.5×109/L; C. PLT≥70×109/L;"
        " biochemical examination all meet the following criteria: TBIL < 1.5× upper limit of normal range"
        " (ULN); ALT and AST≤2.5 x ULN"
    )
    rule = parse_criterion(text, INC)
    assert rule.kind == "all_of"
    assert _values(rule) == [
        ("hemoglobin", Comparator.GE, 90.0, "g/L", None),
        ("anc", Comparator.GE, 1.5, "10^9/L", None),
        ("platelets", Comparator.GE, 70.0, "10^9/L", None),
        ("bilirubin", LT, 1.5, None, "uln"),
        ("alt", LE, 2.5, None, "uln"),
        ("ast", LE, 2.5, None, "uln"),
    ]


def test_a_list_letter_printed_against_its_test_is_a_mark_not_a_word():
    rule = parse_criterion("Neutrophils ≥ 1.5×10^9/L; b.Hemoglobin ≥ 90 g/L; c.Platelet ≥ 80×10^9/L", INC)
    assert _values(rule) == [
        ("anc", Comparator.GE, 1.5, "10^9/L", None),
        ("hemoglobin", Comparator.GE, 90.0, "g/L", None),
        ("platelets", Comparator.GE, 80.0, "10^9/L", None),
    ]


def test_a_capital_letter_ending_a_sentence_still_ends_it():
    rule = parse_criterion("Known hepatitis B. Total bilirubin > 3 mg/dL", EXC)
    assert rule.kind == "any_of"


def test_activated_partial_prothrombin_time_is_the_aptt():
    assert _values(parse_criterion("activated partial prothrombin time (APTT) < 1.5×ULN", INC)) == [
        ("ptt", LT, 1.5, None, "uln")
    ]


# --- Gilbert's syndrome admitted on the direct bilirubin ---------------------------------------------------

_GILBERT_DIRECT = (
    "Total bilirubin (TBL) < 3 x Upper Limit of Normal (ULN); patients with Gilbert's syndrome may only be"
    " included if TBL ≤ 3.0 x ULN or direct bilirubin ≤ 1.5 x ULN,"
)


def _bilirubin(total: float, direct: float | None = None) -> list[dict[str, Any]]:
    labs = [{"test": "total bilirubin", "value": total, "unit": "mg/dL", "uln": 1.0}]
    if direct is not None:
        labs.append({"test": "direct bilirubin", "value": direct, "unit": "mg/dL", "uln": 0.3})
    return labs


def test_gilbert_patients_admitted_on_the_direct_bilirubin_get_it_as_their_alternative():
    rule = parse_criterion(_GILBERT_DIRECT, INC)
    assert rule.kind == "any_of"
    total, via_direct = rule.children
    assert _read(total) == [("bilirubin", LT, 3.0, "uln", [("gilbert_syndrome", LE, 3.0, False)])]
    assert via_direct.kind == "all_of"
    finding, direct = via_direct.children
    assert (finding.concept, finding.present) == ("gilbert_syndrome", True)
    assert _read(direct) == [("direct_bilirubin", LE, 1.5, "uln", [])]


def test_gilbert_patients_admitted_on_the_direct_bilirubin_verdicts():
    def judged(**fields: Any) -> Outcome:
        return result(INC, _GILBERT_DIRECT, patient(**fields)).result

    gilbert, none = {"Gilbert's syndrome": True}, {"Gilbert's syndrome": False}
    assert judged(labs=_bilirubin(2.0)) is Outcome.PASS
    assert judged(labs=_bilirubin(3.5, direct=0.3), findings=gilbert) is Outcome.PASS
    assert judged(labs=_bilirubin(3.5, direct=0.6), findings=gilbert) is Outcome.FAIL
    assert judged(labs=_bilirubin(3.5, direct=0.3), findings=none) is Outcome.FAIL
    assert judged(labs=_bilirubin(3.5, direct=0.3)) is Outcome.UNKNOWN


def test_the_direct_bilirubin_alternative_is_not_read_for_another_finding():
    text = (
        "Total bilirubin ≤ 1.5 x ULN. Patients with liver metastases may be included if total bilirubin"
        " ≤ 3 x ULN or direct bilirubin ≤ 1.5 x ULN."
    )
    assert "direct_bilirubin" not in parse_criterion(text, INC).model_dump_json()
