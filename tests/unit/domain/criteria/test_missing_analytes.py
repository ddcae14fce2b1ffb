"""Analytes the lexicon lacked: creatine kinase under its misspelling "creatinine kinase" (never creatinine),
the right ventricular ejection fraction, "SAP" for serum alkaline phosphatase, the serum and urine M-protein
(two values: g/dL by SPEP, mg/24 h by UPEP) and the prothrombin activity (Quick, %)."""

from __future__ import annotations

from one_criterion import entered, inclusion, lab, limits_with_multiples, outcome, patient, result

from trialmatch.domain.criteria import parse_criterion
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section


def test_creatinine_kinase_is_creatine_kinase_never_creatinine() -> None:
    text = "Creatinine kinase < 5 times ULN"
    rule = lab(text)
    assert (rule.analyte, rule.comparator.symbol, rule.value, rule.unit, rule.multiple_of) == (
        "ck",
        "<",
        5.0,
        None,
        "uln",
    )
    uln = {"uln": 200}
    assert outcome("inclusion", text, patient(labs=[{"test": "ck", "value": 600, "unit": "U/L", **uln}])) is (
        Outcome.PASS
    )
    failing = result("inclusion", text, patient(labs=[{"test": "ck", "value": 1200, "unit": "U/L", **uln}]))
    assert failing.result is Outcome.FAIL
    assert failing.reason == "creatine kinase 1200 U/L is 6.0 × ULN (200 U/L), above the allowed 5 × ULN"
    # a creatinine in the file says nothing about creatine kinase
    missing = result("inclusion", text, patient(labs=entered(("creatinine", 0.9, "mg/dL"))))
    assert missing.result is Outcome.UNKNOWN


def test_creatinine_phosphokinase_is_creatine_kinase() -> None:
    assert limits_with_multiples(lab("Creatinine phosphokinase (CPK) ≤ 2.5 x ULN")) == [
        ("ck", "≤", 2.5, None, "uln")
    ]


def test_sap_is_alkaline_phosphatase_only_right_before_its_limit() -> None:
    """ "SAP" is also the systolic arterial pressure: read as serum alkaline phosphatase where it stands
    right before a comparator (or listed with liver tests under a limit on the ULN, see
    test_liver_exceptions_without), else left for review."""
    assert limits_with_multiples(inclusion("SAP < 2 x ULN")) == [("alp", "<", 2.0, None, "uln")]
    rule = parse_criterion("SAP and SBP less than 2 times upper limit of normal", Section.INCLUSION, None)
    assert rule.kind == "review"


def test_right_ventricular_ejection_fraction_is_its_own_value() -> None:
    text = "Right ventricular ejection fraction (RVEF) < 35%; OR"
    rule = lab(text, Section.EXCLUSION, "Right ventricular dysfunction")
    assert (rule.analyte, rule.comparator.symbol, rule.value, rule.unit) == ("rvef", "<", 35.0, "%")
    assert outcome("exclusion", text, patient(labs=entered(("rvef", 30, "%")))) is Outcome.FAIL
    assert outcome("exclusion", text, patient(labs=entered(("rvef", 50, "%")))) is Outcome.PASS
    # a left ventricular fraction is not the right one
    assert outcome("exclusion", text, patient(labs=entered(("lvef", 30, "%")))) is Outcome.UNKNOWN


def test_m_protein_in_serum_or_urine_by_the_unit_printed() -> None:
    text = (
        "M-protein ≥ 0.5 grams per deciliter (g/dL) by serum protein electrophoresis (sPEP) or. M-protein "
        "≥ 200 milligrams (mg) per 24-hour urine collection by urine protein electrophoresis (uPEP)."
    )
    rule = parse_criterion(text, Section.INCLUSION, None)
    assert rule.kind == "any_of"
    assert limits_with_multiples(rule) == [
        ("m_protein_serum", "≥", 0.5, "g/dL", None),
        ("m_protein_urine", "≥", 200.0, "mg/24h", None),
    ]
    serum = entered(("serum m-protein", 1.2, "g/dL"))
    assert outcome("inclusion", text, patient(labs=serum)) is Outcome.PASS
    urine = entered(("serum m-protein", 0.2, "g/dL"), ("urine m-protein", 350, "mg/24h"))
    assert outcome("inclusion", text, patient(labs=urine)) is Outcome.PASS
    neither = entered(("serum m-protein", 0.2, "g/dL"), ("urine m-protein", 100, "mg/24h"))
    assert outcome("inclusion", text, patient(labs=neither)) is Outcome.FAIL
    assert outcome("inclusion", text, patient(labs=entered(("serum m-protein", 0.2, "g/dL")))) is (
        Outcome.UNKNOWN
    )


def test_urine_protein_electrophoresis_is_not_a_total_protein() -> None:
    assert limits_with_multiples(lab("Serum M-protein ≥ 1 g/dL by serum protein electrophoresis")) == [
        ("m_protein_serum", "≥", 1.0, "g/dL", None)
    ]


def test_a_24_hour_urine_collection_still_measures_a_clearance() -> None:
    rule = parse_criterion(
        "Creatinine clearance ≥ 60 mL/min by 24-hour urine collection", Section.INCLUSION, None
    )
    assert (rule.kind, getattr(rule, "method", None)) == ("derived", "measured")


def test_prothrombin_activity_is_a_percentage_of_normal() -> None:
    text = "Prothrombin activity < 40%"
    rule = lab(text, Section.EXCLUSION)
    assert (rule.analyte, rule.comparator.symbol, rule.value, rule.unit) == ("pt_activity", "<", 40.0, "%")
    assert (
        outcome("exclusion", text, patient(labs=entered(("prothrombin activity", 30, "%")))) is Outcome.FAIL
    )
    assert (
        outcome("exclusion", text, patient(labs=entered(("prothrombin activity", 85, "%")))) is Outcome.PASS
    )
    assert outcome("exclusion", text, patient(labs=entered(("pt", 12, "s")))) is Outcome.UNKNOWN
