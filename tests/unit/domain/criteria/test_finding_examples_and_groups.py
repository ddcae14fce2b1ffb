"""Findings named with the thresholds that define or exemplify them in longer sentences: the rule values a
clinician checks, and how a patient fares under them."""

from __future__ import annotations

from one_criterion import exclusion, inclusion, limit_of, outcome, patient

from trialmatch.domain.criteria import AllOf, AnyOf, FindingRule, LabThreshold, NeedsReview
from trialmatch.domain.evaluation import Outcome


def _finding(rule: object) -> tuple[str, bool, list[str]]:
    assert isinstance(rule, FindingRule), rule
    return rule.concept, rule.present, [e.text for e in rule.exceptions]


CONDUCTION = (
    "Significant cardiac conduction abnormalities, including known familial prolonged QT syndrome, or "
    "screening QTcF > 480 msec"
)


def test_examples_after_a_comma_each_exclude_as_the_finding_does():
    rule = exclusion(CONDUCTION)
    assert isinstance(rule, AnyOf), rule
    conduction, long_qt, qtc = rule.children
    assert _finding(conduction) == ("conduction_abnormality", True, ["Significant"])
    assert _finding(long_qt) == ("long_qt_syndrome", True, [])
    assert limit_of(qtc) == ("qtcf", ">", 480.0, "ms")


def test_an_example_threshold_met_excludes_and_values_in_range_pass():
    findings = {"conduction abnormality": False, "long QT syndrome": False}
    high = patient(findings=findings, labs=[{"test": "QTcF", "value": 495, "unit": "ms"}])
    normal = patient(findings=findings, labs=[{"test": "QTcF", "value": 430, "unit": "ms"}])
    unknown = patient(findings=findings)
    assert outcome("exclusion", CONDUCTION, high) is Outcome.FAIL
    assert outcome("exclusion", CONDUCTION, normal) is Outcome.PASS
    assert outcome("exclusion", CONDUCTION, unknown) is Outcome.UNKNOWN


def test_such_as_lists_the_examples_of_the_heart_disease():
    rule = exclusion(
        "Uncontrolled or significant heart disease, such as long QTc interval greater than 480ms on baseline"
        " EKG, NYHA III/IV heart failure or uncontrolled arrhythmia."
    )
    assert isinstance(rule, AnyOf), rule
    disease, qtc, failure, arrhythmia = rule.children
    assert _finding(disease) == ("cardiovascular_disease", True, ["Uncontrolled", "significant"])
    assert limit_of(qtc) == ("qtcf", ">", 480.0, "ms")
    assert _finding(failure) == ("heart_failure", True, ["NYHA III/IV"])
    assert _finding(arrhythmia) == ("arrhythmia", True, ["uncontrolled"])


def test_examples_are_not_read_in_an_inclusion_nor_when_joined_by_and():
    text = "Significant heart disease, such as QTcF > 480 msec"
    assert not isinstance(inclusion(text), AnyOf)
    both = exclusion("Active hepatitis B, such as HBsAg positive and HBV DNA > 2000 IU/mL")
    assert not (isinstance(both, AnyOf) and any(isinstance(c, LabThreshold) for c in both.children)), both
    assert isinstance(
        exclusion("Abnormal ECG considered clinically significant, such as QTcF >500 msec"), NeedsReview
    )


def test_the_degree_of_a_heart_block_narrows_it_like_a_nyha_class():
    rule = exclusion("QTcF >450 ms, 2nd or 3rd degree atrioventricular block")
    assert isinstance(rule, AnyOf), rule
    qtc, block = rule.children
    assert limit_of(qtc) == ("qtcf", ">", 450.0, "ms")
    assert _finding(block) == ("heart_block", True, ["2nd or 3rd degree"])
    for text, degree in (
        ("AV block III", "III"),
        ("II-III degree atrioventricular block", "II-III degree"),
        ("a second- or third-degree atrioventricular block", "second- or third-degree"),
        ("high-grade AV-block", "high-grade"),
    ):
        assert _finding(exclusion(text)) == ("heart_block", True, [degree])


def test_a_patient_with_a_heart_block_of_unknown_degree_goes_to_the_clinician():
    text = "QTcF >450 ms, 2nd or 3rd degree atrioventricular block"
    qtc = [{"test": "QTcF", "value": 430, "unit": "ms"}]
    assert outcome("exclusion", text, patient(findings={"heart block": True}, labs=qtc)) is Outcome.UNKNOWN
    assert outcome("exclusion", text, patient(findings={"heart block": False}, labs=qtc)) is Outcome.PASS


def test_an_abbreviation_printed_with_an_inner_capital_names_its_concept_but_a_capitalised_word_does_not():
    assert _finding(exclusion("Torsade de Pointes (TdP)")) == ("torsades_de_pointes", True, [])
    assert _finding(exclusion("TdP")) == ("torsades_de_pointes", True, [])
    assert isinstance(exclusion("All"), NeedsReview)


def test_coagulation_disorders_and_renal_diseases_are_the_lexicon_s_findings():
    assert _finding(exclusion("coagulation disorders")) == ("coagulation_disorder", True, [])
    assert _finding(exclusion("renal diseases")) == ("chronic_kidney_disease", True, [])


LUNG = (
    "Patients with symptomatic lung disease or extensive lung metastases must have oxygen saturation greater"
    " than 90%"
)


def test_a_requirement_for_the_patients_with_a_finding_binds_only_them():
    rule = inclusion(LUNG)
    assert isinstance(rule, AnyOf), rule
    neither, saturation = rule.children
    assert isinstance(neither, AllOf), neither
    assert [(f.concept, f.present) for f in neither.children] == [
        ("lung_disease", False),
        ("lung_metastases", False),
    ]
    assert limit_of(saturation) == ("spo2", ">", 90.0, "%")


def test_a_patient_without_the_finding_passes_whatever_the_value_and_one_with_it_is_judged_by_it():
    low = [{"test": "SpO2", "value": 86, "unit": "%"}]
    high = [{"test": "SpO2", "value": 95, "unit": "%"}]
    healthy = {"lung disease": False, "lung metastases": False}
    assert outcome("inclusion", LUNG, patient(findings=healthy, labs=low)) is Outcome.PASS
    assert outcome("inclusion", LUNG, patient(findings={"lung metastases": True}, labs=high)) is Outcome.PASS
    assert (
        outcome("inclusion", LUNG, patient(findings={"lung metastases": True}, labs=low)) is Outcome.UNKNOWN
    )
    assert outcome("inclusion", LUNG, patient(labs=low)) is Outcome.UNKNOWN


def test_the_subject_s_requirement_is_not_read_so_in_an_exclusion():
    text = "Patients with a history of cardiac disease must have LVEF ≥ 50%"
    rule = inclusion(text)
    assert isinstance(rule, AnyOf), rule
    assert _finding(rule.children[0]) == ("cardiovascular_disease", False, [])
    assert limit_of(rule.children[1]) == ("lvef", ">=", 50.0, "%")
    assert not isinstance(exclusion(text), AnyOf)


HEART = (
    "No active symptomatic ischemic heart disease, myocardial infarction or congestive heart failure"
    " within the past year. If MUGA is obtained, the LVEF should exceed 40%."
)


def test_within_the_past_year_narrows_a_finding_and_if_muga_is_obtained_leaves_the_ejection_fraction():
    rule = inclusion(HEART)
    assert isinstance(rule, AllOf), rule
    *findings, lvef = rule.children
    assert [_finding(f) for f in findings] == [
        ("coronary_artery_disease", False, ["symptomatic", "within the past year"]),
        ("myocardial_infarction", False, ["symptomatic", "within the past year"]),
        ("heart_failure", False, ["symptomatic", "within the past year"]),
    ]
    assert limit_of(lvef) == ("lvef", ">", 40.0, "%")
    assert isinstance(inclusion("If surgery is performed, the LVEF should exceed 40%"), NeedsReview)


def test_a_patient_without_a_muga_is_unknown_not_failed():
    healthy = {"coronary artery disease": False, "myocardial infarction": False, "heart failure": False}
    assert outcome("inclusion", HEART, patient(findings=healthy)) is Outcome.UNKNOWN
    low = [{"test": "LVEF", "value": 35, "unit": "%"}]
    assert outcome("inclusion", HEART, patient(findings=healthy, labs=low)) is Outcome.FAIL
    assert _finding(exclusion("Newly diagnosed heart failure in the past three months"))[0] == "heart_failure"


def test_systolic_dysfunction_is_what_its_ejection_fraction_defines():
    rule = exclusion(
        "History of documented congestive heart failure (CHF) or systolic dysfunction (LVEF <50%)"
    )
    assert isinstance(rule, AnyOf), rule
    failure, lvef = rule.children
    assert _finding(failure) == ("heart_failure", True, [])
    assert limit_of(lvef) == ("lvef", "<", 50.0, "%")
    assert limit_of(exclusion("Left ventricular systolic dysfunction defined as LVEF < 40%")) == (
        "lvef",
        "<",
        40.0,
        "%",
    )
