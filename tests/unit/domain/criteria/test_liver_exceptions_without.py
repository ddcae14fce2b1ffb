"""A liver limit said not to hold for some patients, their own limit unstated ("Total bilirubin < 2 mg/dl
without a pattern consistent with Gilbert's syndrome", "ALT ≤ 2.5 × ULN if there is no liver metastasis"),
and "SAP" listed with the liver tests under a limit on the ULN."""

from __future__ import annotations

from one_criterion import exclusion, inclusion, lab, limits_with_multiples, outcome, patient, result

from trialmatch.domain.evaluation import Outcome

GILBERT = "Total bilirubin <2 mg/dl without a pattern consistent with Gilbert's syndrome"


def _bilirubin(value: float, gilbert: bool | None = None) -> object:
    findings = {} if gilbert is None else {"findings": {"Gilbert's syndrome": gilbert}}
    return patient(labs=[{"test": "total bilirubin", "value": value, "unit": "mg/dL"}], **findings)


def test_without_a_pattern_consistent_with_gilbert_waives_the_limit_for_gilbert_patients() -> None:
    rule = lab(GILBERT)
    assert (rule.analyte, rule.comparator.value, rule.value, rule.unit) == ("bilirubin", "<", 2.0, "mg/dL")
    assert [(e.concept, e.waived, e.requirement) for e in rule.exceptions] == [
        ("gilbert_syndrome", True, "without a pattern consistent with Gilbert's syndrome")
    ]


def test_the_gilbert_limit_verdicts() -> None:
    assert outcome("inclusion", GILBERT, _bilirubin(1.2, gilbert=False)) is Outcome.PASS
    assert outcome("inclusion", GILBERT, _bilirubin(2.5, gilbert=False)) is Outcome.FAIL
    assert outcome("inclusion", GILBERT, patient()) is Outcome.UNKNOWN
    # Gilbert's syndrome recorded: no limit is stated for them here, so a raised value is the clinician's
    raised = result("inclusion", GILBERT, _bilirubin(3.5, gilbert=True))
    assert raised.result is Outcome.UNKNOWN
    assert "Gilbert's syndrome" in raised.reason


def test_an_exclusion_worded_so_excludes_only_those_without_gilbert() -> None:
    text = "Total bilirubin > 2 mg/dl without a pattern consistent with Gilbert's syndrome"
    assert outcome("exclusion", text, _bilirubin(2.5, gilbert=False)) is Outcome.FAIL
    assert outcome("exclusion", text, _bilirubin(1.5, gilbert=False)) is Outcome.PASS
    assert outcome("exclusion", text, _bilirubin(2.5, gilbert=True)) is not Outcome.FAIL
    assert outcome("exclusion", text, patient()) is Outcome.UNKNOWN


def test_a_limit_for_patients_without_liver_metastases_alone() -> None:
    text = "ALT ≤ 2.5 × ULN if there is no liver metastasis"
    alt = [{"test": "ALT", "value": 150, "unit": "U/L", "uln": 40}]
    assert outcome("inclusion", text, patient(labs=alt, findings={"liver metastases": False})) is Outcome.FAIL
    assert (
        outcome("inclusion", text, patient(labs=alt, findings={"liver metastases": True})) is Outcome.UNKNOWN
    )
    normal = [{"test": "ALT", "value": 30, "unit": "U/L", "uln": 40}]
    assert outcome("inclusion", text, patient(labs=normal)) is Outcome.PASS
    assert outcome("inclusion", text, patient()) is Outcome.UNKNOWN


def test_sap_listed_with_liver_tests_under_a_uln_limit_is_alkaline_phosphatase() -> None:
    text = "SAP and SGOT less than 2 times upper limit of normal"
    assert limits_with_multiples(inclusion(text)) == [
        ("alp", "<", 2.0, None, "uln"),
        ("ast", "<", 2.0, None, "uln"),
    ]
    labs = [
        {"test": "ALP", "value": 100, "unit": "U/L", "uln": 120},
        {"test": "AST", "value": 30, "unit": "U/L", "uln": 40},
    ]
    assert outcome("inclusion", text, patient(labs=labs)) is Outcome.PASS
    labs[0]["value"] = 300
    assert outcome("inclusion", text, patient(labs=labs)) is Outcome.FAIL
    assert outcome("inclusion", text, patient()) is Outcome.UNKNOWN


def test_sap_with_no_limit_on_the_uln_stays_unread() -> None:
    assert exclusion("SAP and SGOT less than 2 mmHg").kind == "review"
