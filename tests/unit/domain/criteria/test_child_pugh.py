"""The Child-Pugh score (5-15 points, entered among the labs) and the classes trials name: A 5-6, B 7-9,
C 10-15. A class is a band of the score; a liver condition named with it stays a requirement unless the band
implies it (from 7 points up)."""

from __future__ import annotations

import pytest
from one_criterion import exclusion, inclusion, lab, limits_with_multiples, patient, result

from trialmatch.domain.analytes import get_analyte, resolve_analyte
from trialmatch.domain.criteria import parse_criterion
from trialmatch.domain.criteria.reading.lab_child_pugh import band_name, class_of
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

INC, EXC = Section.INCLUSION, Section.EXCLUSION


def _score(points: float, **findings: bool) -> object:
    return patient(
        labs=[{"test": "Child-Pugh score", "value": points}],
        findings={name.replace("_", " "): present for name, present in findings.items()},
    )


def test_the_score_is_a_unitless_clinical_score_entered_by_any_of_its_names():
    score = get_analyte("child_pugh")
    assert (score.unit, score.plausible, score.label) == ("1", (5.0, 15.0), "Child-Pugh score")
    for name in ("Child-Pugh", "child pugh score", "Child-Turcotte-Pugh", "CTP score", "CP score"):
        assert resolve_analyte(name) is score
    facts = patient(labs=[{"test": "child-pugh", "value": 7}])  # no unit, as for INR
    assert facts.lab("child_pugh").value == 7.0


def test_a_score_outside_5_to_15_points_is_refused_naming_the_field():
    with pytest.raises(ValueError, match=r"labs\[0\]"):
        patient(labs=[{"test": "Child-Pugh score", "value": 16}])


@pytest.mark.parametrize(
    ("text", "comparator", "value"),
    [
        ("Child-Pugh class A", "<=", 6.0),
        ("Child-Pugh A or B7", "<=", 7.0),
        ("Child-Pugh A5-6", "<=", 6.0),
        ("Child-Pugh score ≤ 7;", "<=", 7.0),
        ("Child-Pugh score < 8", "<", 8.0),
        ("Liver function Child Pugh Grade B or Grade C。", ">=", 7.0),
        ("Participant with severe liver impairment (Child Pugh score B/C)", ">=", 7.0),
        ("Known severe decreased hepatic function (defined as Child-Pugh class B or higher)", ">=", 7.0),
        ("Patients with significant hepatic impairment (i.e., Child Pugh C).", ">=", 10.0),
        ("Severe hepatic impairment (Child-Pugh C or higher [score of 10 or higher])", ">=", 10.0),
    ],
)
def test_a_class_reads_as_the_band_of_points_it_stands_for(text, comparator, value):
    section = EXC if "B" in text.split("Pugh")[-1] or "C" in text.split("Pugh")[-1] else INC
    rule = lab(text, section)
    assert (rule.analyte, rule.comparator.value, rule.value, rule.unit, rule.multiple_of) == (
        "child_pugh",
        comparator,
        value,
        "1",
        None,
    )


def test_class_b_alone_is_its_band_and_a_restating_bracket_is_read_with_it():
    for text in ("Child-Pugh class B", "Child-Pugh class B (score 7-9)", "Child-Pugh score of 7-9 (B)"):
        assert limits_with_multiples(inclusion(text)) == [
            ("child_pugh", "≥", 7.0, "1", None),
            ("child_pugh", "≤", 9.0, "1", None),
        ], text


def test_a_bracket_that_disagrees_with_the_class_is_left_for_review():
    assert parse_criterion("Child-Pugh class B (score 7-8)", INC, None).kind == "review"
    assert parse_criterion("Child-Pugh score of 5-7 (B or C)", INC, None).kind == "review"
    assert parse_criterion("Child-Pugh A or C", INC, None).kind == "review"


def test_class_a_inclusion_passes_5_and_6_points_fails_7_and_is_unknown_without_a_score():
    text = "Child-Pugh class A"
    passed = result(INC, text, _score(6))
    assert (passed.result, passed.reason) == (
        Outcome.PASS,
        "Child-Pugh score 6 (class A), within ≤ 6 (class A)",
    )
    failed = result(INC, text, _score(7))
    assert (failed.result, failed.reason) == (
        Outcome.FAIL,
        "Child-Pugh score 7 (class B) is above the allowed 6 (class A)",
    )
    missing = result(INC, text, patient())
    assert (missing.result, missing.reason) == (Outcome.UNKNOWN, "Child-Pugh score not entered")


def test_a_b7_limit_names_the_points_of_class_b_it_admits():
    assert result(INC, "Child-Pugh A or B7", _score(7)).result is Outcome.PASS
    failed = result(INC, "Child-Pugh A or B7", _score(8))
    assert (failed.result, failed.reason) == (
        Outcome.FAIL,
        "Child-Pugh score 8 (class B) is above the allowed 7 (class A or B7)",
    )


def test_class_b_or_c_excludes_from_7_points():
    text = "Patients with moderate to severe hepatic impairment (Child-Pugh B or C)."
    excluded = result(EXC, text, _score(7))
    assert (excluded.result, excluded.reason) == (
        Outcome.FAIL,
        "Child-Pugh score 7 (class B), ≥ 7 (class B or C): excluded",
    )
    kept = result(EXC, text, _score(6))
    assert (kept.result, kept.reason) == (
        Outcome.PASS,
        "Child-Pugh score 6 (class A), not ≥ 7 (class B or C)",
    )
    assert result(EXC, text, patient()).result is Outcome.UNKNOWN


def test_moderate_or_severe_hepatic_impairment_is_what_class_b_or_c_defines():
    text = "Moderate or severe hepatic impairment (Child-Pugh B or C)."
    assert limits_with_multiples(exclusion(text)) == [("child_pugh", "≥", 7.0, "1", None)]
    assert exclusion(text).kind == "lab"
    assert result(EXC, text, _score(8)).result is Outcome.FAIL


def test_cirrhosis_of_class_b_or_c_excludes_a_cirrhotic_patient_from_7_points_only():
    text = "Child-Pugh class B or C cirrhosis."
    rule = exclusion(text)
    assert rule.kind == "all_of"
    finding, score = rule.children
    assert (finding.concept, finding.present, finding.exceptions) == ("cirrhosis", True, [])
    assert (score.analyte, score.comparator.value, score.value) == ("child_pugh", ">=", 7.0)
    assert result(EXC, text, _score(8, cirrhosis=True)).result is Outcome.FAIL
    assert result(EXC, text, _score(6, cirrhosis=True)).result is Outcome.PASS
    no_cirrhosis = result(EXC, text, _score(8, cirrhosis=False))  # a score is no diagnosis of cirrhosis
    assert (no_cirrhosis.result, no_cirrhosis.reason) == (Outcome.PASS, "Liver cirrhosis recorded as absent")
    assert result(EXC, text, _score(8)).result is Outcome.UNKNOWN
    assert result(EXC, text, patient(findings={"cirrhosis": True})).result is Outcome.UNKNOWN


def test_a_severity_the_class_states_narrows_the_condition_no_further():
    rule = exclusion("Advanced liver cirrhosis (Child-Pugh Score C)")
    assert rule.kind == "all_of"
    assert (rule.children[0].concept, rule.children[0].exceptions) == ("cirrhosis", [])
    assert limits_with_multiples(rule) == [("child_pugh", "≥", 10.0, "1", None)]


def test_class_a_does_not_define_a_liver_condition_a_normal_liver_would_meet():
    """A normal liver scores 5: "Mild hepatic impairment (Child-Pugh A)" read as the score alone would admit a
    patient without liver disease to a hepatic-impairment cohort."""
    for text, concept in (
        ("Mild hepatic impairment (Child-Pugh A)", "hepatic_impairment"),
        ("Hepatic impairment (Child-Pugh A)", "hepatic_impairment"),
        ("Mild liver disease (Child-Pugh A)", "liver_disease"),
    ):
        rule = inclusion(text)
        assert rule.kind == "all_of", text
        assert (rule.children[0].concept, rule.children[0].present) == (concept, True)
        assert limits_with_multiples(rule) == [("child_pugh", "≤", 6.0, "1", None)]
    text = "Mild hepatic impairment (Child-Pugh A)"
    assert result(INC, text, _score(5, hepatic_impairment=False)).result is Outcome.FAIL
    assert result(INC, text, _score(6, hepatic_impairment=True)).result is Outcome.PASS
    assert result(INC, text, _score(5)).result is Outcome.UNKNOWN


def test_an_alternative_of_a_class_and_a_renal_limit_excludes_on_either():
    text = "Child-Pugh C of liver function or estimated glomerular filtration rate (eGFR) less than 30mL/min"
    assert limits_with_multiples(exclusion(text)) == [
        ("child_pugh", "≥", 10.0, "1", None),
        ("crcl", "<", 30.0, "mL/min", None),
    ]


@pytest.mark.parametrize(
    ("low", "high", "name"),
    [(5, 6, "class A"), (5, 7, "class A or B7"), (7, 15, "class B or C"), (8, 15, "class B8–9 or C")],
)
def test_a_band_is_named_in_classes(low, high, name):
    assert band_name(low, high) == name


def test_each_score_has_its_class():
    assert [class_of(p) for p in (5, 6, 7, 9, 10, 15)] == ["A", "A", "B", "B", "C", "C"]


def test_a_class_printed_before_the_scale_is_read_with_the_condition_it_grades():
    text = "Chronic liver disease defined as Class B and C on the Child-Pugh scale."
    rule = exclusion(text)
    assert rule.kind == "all_of"
    finding, score = rule.children
    assert (finding.concept, finding.present, [e.text for e in finding.exceptions]) == (
        "liver_disease",
        True,
        ["Chronic"],
    )
    assert limits_with_multiples(score) == [("child_pugh", "≥", 7.0, "1", None)]
    assert result(EXC, text, _score(6, liver_disease=True)).result is Outcome.PASS
    assert result(EXC, text, _score(9, liver_disease=False)).result is Outcome.PASS
    assert result(EXC, text, _score(9)).result is Outcome.UNKNOWN


def test_points_printed_before_the_classification_are_kept_as_printed():
    text = "The presence of cirrhosis of the liver (> 5 points according to the Child-Pugh classification),"
    rule = exclusion(text)
    assert rule.kind == "all_of"
    assert rule.children[0].concept == "cirrhosis"
    assert limits_with_multiples(rule) == [("child_pugh", ">", 5.0, "1", None)]
    excluded = result(EXC, text, _score(6, cirrhosis=True))
    assert (excluded.result, excluded.reason) == (
        Outcome.FAIL,
        "Liver cirrhosis recorded as present; "
        "Child-Pugh score 6 (class A), > 5 (class A6 or B or C): excluded",
    )
    assert result(EXC, text, _score(5, cirrhosis=True)).result is Outcome.PASS


def test_a_class_the_patient_must_meet_is_the_class_alone():
    assert limits_with_multiples(inclusion("Meet Child-Pugh liver function rating: Grade A or B;")) == [
        ("child_pugh", "≤", 9.0, "1", None)
    ]


def test_severity_words_the_class_states_leave_the_condition_plain():
    rule = exclusion("Patient has moderate or severe hepatic impairment (Child-Pugh Class B or C).")
    assert rule.kind == "all_of"
    assert (rule.children[0].concept, rule.children[0].exceptions) == ("hepatic_impairment", [])
    assert limits_with_multiples(rule) == [("child_pugh", "≥", 7.0, "1", None)]


def test_the_top_score_of_the_band_is_admitted_only_without_the_finding_named_for_it():
    text = "Child-Pugh score of 5-7 (A or B), patients with a score of 7 must be free of ascites."
    rule = inclusion(text)
    assert rule.kind == "all_of"
    band, either = rule.children
    assert limits_with_multiples(band) == [("child_pugh", "≤", 7.0, "1", None)]
    below, absent = either.children
    assert (either.kind, below.comparator.value, below.value) == ("any_of", "<", 7.0)
    assert (absent.concept, absent.present) == ("ascites", False)
    assert result(INC, text, _score(6)).result is Outcome.PASS
    assert result(INC, text, _score(7, ascites=False)).result is Outcome.PASS
    assert result(INC, text, _score(7, ascites=True)).result is Outcome.FAIL
    assert result(INC, text, _score(7)).result is Outcome.UNKNOWN
    assert result(INC, text, _score(8, ascites=False)).result is Outcome.FAIL
    assert result(INC, text, patient()).result is Outcome.UNKNOWN


def test_childs_classes_with_a_further_limit_on_the_score():
    text = "Child's B and C cirrhosis (CTP ≤ 12)"
    rule = inclusion(text)
    assert rule.kind == "all_of"
    assert (rule.children[0].concept, rule.children[0].present) == ("cirrhosis", True)
    assert limits_with_multiples(rule) == [
        ("child_pugh", "≥", 7.0, "1", None),
        ("child_pugh", "≤", 12.0, "1", None),
    ]
    assert result(INC, text, _score(8, cirrhosis=True)).result is Outcome.PASS
    assert result(INC, text, _score(13, cirrhosis=True)).result is Outcome.FAIL
    assert result(INC, text, _score(6, cirrhosis=True)).result is Outcome.FAIL
    assert result(INC, text, _score(8, cirrhosis=False)).result is Outcome.FAIL
    assert result(INC, text, patient(findings={"cirrhosis": True})).result is Outcome.UNKNOWN
