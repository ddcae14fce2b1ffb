"""Limits that differ per cohort or per drug in one sentence: each binds its stratum only, and the verdict
says which strata remain open."""

from __future__ import annotations

from one_criterion import entered, evaluation, inclusion, limits_with_multiples, patient, review

from trialmatch.domain.compiled import compile_trial
from trialmatch.domain.criteria.per_stratum import PerStratum
from trialmatch.domain.criteria.registry import rule_from_json, rule_to_json
from trialmatch.domain.evaluation import Outcome, Verdict, evaluate
from trialmatch.domain.trial import Criterion, Section, Trial

HBA1C = "Hemoglobin A1c (HbA1c) ≤ 10% (cohort 1)/Hemoglobin A1c (HbA1c) < 6.5% (cohort 2);"
BILIRUBIN = "Total bilirubin =< 3mg/dl for gemcitabine and any value for Capecitabine"
CLEARANCE = (
    "Creatinine clearance > 60mL/min as calculated by Cockroft-Gault formula for cisplatin administration; "
    "creatinine clearance >/= 51mL/min by Cockroft-Gault formula for carboplatin administration"
)


def test_a_limit_per_cohort_is_read_with_its_cohort() -> None:
    rule = inclusion(HBA1C)
    assert isinstance(rule, PerStratum)
    assert (rule.strata, rule.free) == (["1", "2"], [])
    assert limits_with_multiples(rule) == [("hba1c", "≤", 10.0, "%", None), ("hba1c", "<", 6.5, "%", None)]
    assert rule_from_json(rule_to_json(rule)) == rule


def test_a_value_between_the_cohort_limits_leaves_the_laxer_cohort_open() -> None:
    found = evaluation("inclusion", HBA1C, patient(labs=entered(("hba1c", 8, "%"))))
    assert found.verdict is Verdict.ELIGIBLE
    assert found.open_strata == ("1",)
    assert found.reason == "eligible for stratum 1; stratum 2 excluded (HbA1c 8% is above the allowed 6.5%)"
    assert [(r.stratum, r.result) for r in found.results] == [("1", Outcome.PASS), ("2", Outcome.FAIL)]


def test_a_value_within_both_cohort_limits_passes_and_one_over_both_excludes() -> None:
    within = evaluation("inclusion", HBA1C, patient(labs=entered(("hba1c", 6, "%"))))
    assert (within.verdict, within.open_strata) == (Verdict.ELIGIBLE, ("1", "2"))
    over = evaluation("inclusion", HBA1C, patient(labs=entered(("hba1c", 11, "%"))))
    assert over.verdict is Verdict.INELIGIBLE
    assert over.reason == (
        "every stratum excluded: stratum 1 (HbA1c 11% is above the allowed 10%); "
        "stratum 2 (HbA1c 11% is above the allowed 6.5%)"
    )


def test_a_missing_value_leaves_every_cohort_to_check() -> None:
    found = evaluation("inclusion", HBA1C, patient())
    assert (found.verdict, found.open_strata) == (Verdict.POSSIBLE, ("1", "2"))
    assert {(r.stratum, r.result, r.reason) for r in found.results} == {
        ("1", Outcome.UNKNOWN, "HbA1c not entered"),
        ("2", Outcome.UNKNOWN, "HbA1c not entered"),
    }


def test_a_limit_for_one_drug_and_any_value_for_the_other() -> None:
    rule = inclusion(BILIRUBIN)
    assert isinstance(rule, PerStratum)
    assert (rule.strata, rule.free) == (["gemcitabine"], ["capecitabine"])
    assert limits_with_multiples(rule) == [("bilirubin", "≤", 3.0, "mg/dL", None)]
    high = evaluation("inclusion", BILIRUBIN, patient(labs=entered(("bilirubin", 5, "mg/dL"))))
    assert (high.verdict, high.open_strata) == (Verdict.ELIGIBLE, ("capecitabine",))
    assert high.reason == (
        "eligible for stratum capecitabine; stratum gemcitabine excluded "
        "(total bilirubin 5 mg/dL is above the allowed 3 mg/dL)"
    )
    low = evaluation("inclusion", BILIRUBIN, patient(labs=entered(("bilirubin", 1, "mg/dL"))))
    assert low.open_strata == ("capecitabine", "gemcitabine")
    assert all(r.result is Outcome.PASS for r in low.results)
    missing = evaluation("inclusion", BILIRUBIN, patient())
    assert {(r.stratum, r.result) for r in missing.results} == {
        ("capecitabine", Outcome.PASS),
        ("gemcitabine", Outcome.UNKNOWN),
    }


def test_a_clearance_per_platinum() -> None:
    rule = inclusion(CLEARANCE)
    assert isinstance(rule, PerStratum)
    assert rule.strata == ["cisplatin", "carboplatin"]
    assert limits_with_multiples(rule) == [
        ("crcl", ">", 60.0, "mL/min", None),
        ("crcl", "≥", 51.0, "mL/min", None),
    ]
    found = evaluation("inclusion", CLEARANCE, patient(labs=entered(("crcl", 55, "mL/min"))))
    assert found.open_strata == ("carboplatin",)


def test_a_cohort_limit_in_an_exclusion_excludes_from_that_cohort_only() -> None:
    text = "ALT > 3 x ULN (cohort A); ALT > 5 x ULN (cohort B)"
    found = evaluation(
        "exclusion", text, patient(labs=[{"test": "alt", "value": 160, "unit": "U/L", "uln": 40}])
    )
    assert found.open_strata == ("B",)
    assert [(r.stratum, r.result) for r in found.results] == [("A", Outcome.FAIL), ("B", Outcome.PASS)]


def test_a_part_without_its_cohort_stays_for_review() -> None:
    assert review("HbA1c ≤ 10% (Stratum A), < 6.5% (Stratum B)").startswith("a stratum label")
    assert inclusion("Bilirubin ≤ 3 mg/dL for gemcitabine and ALT ≤ 3 x ULN").kind != "per_stratum"


def test_a_trial_every_stratum_of_which_is_excluded_says_the_failure_binding_them_all() -> None:
    """HbA1c 8 % closes cohort 2 only; bilirubin 5 mg/dL closes both, and is the reason shown."""
    criteria = [
        Criterion(section=Section.INCLUSION, text=HBA1C),
        Criterion(section=Section.INCLUSION, text="Total bilirubin ≤ 1.5 × ULN"),
    ]
    trial = Trial(id="NCT00000001", registry="ctgov", title="t", criteria=criteria)
    labs = entered(("hba1c", 8, "%"), ("bilirubin", 5, "mg/dL"))
    found = evaluate(compile_trial(trial), patient(labs=labs))
    assert found.verdict is Verdict.INELIGIBLE
    assert found.reason == (
        "every stratum excluded: total bilirubin 5 mg/dL is 4.2 × ULN (1.2 mg/dL), "
        "above the allowed 1.5 × ULN (assumed ULN 1.2 mg/dL)"
    )
