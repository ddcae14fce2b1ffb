"""Two small readings from the tail of lab sentences: a prostate test named only to say it does not matter
("(any PSA)"), and a transaminase printed per mL ("SGOT less than 60 IU/mL"). Each is read with the exact
limits a clinician checks; what the words leave open stays for review."""

from __future__ import annotations

from one_criterion import entered, exclusion, inclusion, lab, limits_with_multiples, patient, result, review

from trialmatch.domain.criteria.base import Comparator
from trialmatch.domain.criteria.t_category import TCategoryRule
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

_HIGH_RISK = "Clinical stage ≥T2 and Gleason score ≥ 8 (any prostate-specific antigen)."
_HEADING = "Patients at high risk for disease relapse as determined by either"

# --- "(any PSA)": the test is not bounded -----------------------------------------------------------------


def test_any_psa_bounds_nothing_and_the_stage_and_score_hold_as_printed() -> None:
    rule = exclusion(_HIGH_RISK)
    assert rule.kind == "all_of"
    stage, _score = rule.children
    assert isinstance(stage, TCategoryRule)
    assert (stage.low, stage.high, stage.clinical) == ("T2", "T4", True)
    assert limits_with_multiples(rule) == [("gleason", "≥", 8.0, "1", None)]
    assert limits_with_multiples(inclusion("Gleason score ≥ 8 (any PSA)")) == [
        ("gleason", "≥", 8.0, "1", None)
    ]
    assert limits_with_multiples(inclusion("Gleason score ≤ 6 (any PSA level)")) == [
        ("gleason", "≤", 6.0, "1", None)
    ]


def test_a_high_risk_exclusion_with_any_psa_is_judged_on_stage_and_score() -> None:
    def man(stage: str | None, gleason: float | None, psa: float = 45.0) -> object:
        labs = [("PSA", psa, "ng/mL")] + ([("Gleason score", gleason, "1")] if gleason is not None else [])
        fields = {"sex": "male", "labs": entered(*labs)}
        return patient(**({**fields, "stage": stage} if stage else fields))

    excluded = result(Section.EXCLUSION, _HIGH_RISK, man("cT3a N0 M0", 9), _HEADING)
    assert excluded.result is Outcome.FAIL
    kept = result(Section.EXCLUSION, _HIGH_RISK, man("cT3a N0 M0", 7, psa=80.0), _HEADING)
    assert kept.result is Outcome.PASS  # a PSA of 80 changes nothing: "any PSA"
    assert result(Section.EXCLUSION, _HIGH_RISK, man("cT1c N0 M0", 9), _HEADING).result is Outcome.PASS
    unknown = result(Section.EXCLUSION, _HIGH_RISK, man("cT3a N0 M0", None), _HEADING)
    assert unknown.result is Outcome.UNKNOWN


def test_a_psa_with_a_limit_is_still_read_and_any_other_word_still_sent_to_review() -> None:
    assert limits_with_multiples(exclusion("Gleason score ≥ 8 or PSA > 20 ng/mL (any T stage)")) == [
        ("gleason", "≥", 8.0, "1", None),
        ("psa", ">", 20.0, "ng/mL", None),
    ]
    assert "prostate-specific antigen" in review("Gleason score ≥ 8 (rising PSA)")


# --- a transaminase per mL ------------------------------------------------------------------------------


def test_a_transaminase_per_ml_is_read_per_litre_with_the_unit_flagged_as_inferred() -> None:
    rule = lab("SGOT less than 60 IU/mL* *", context="PATIENT CHARACTERISTICS: Hepatic")
    assert (rule.analyte, rule.comparator, rule.value, rule.unit) == ("ast", Comparator.LT, 60.0, "U/L")
    assert rule.unit_inferred
    rule = lab("ALT ≤ 40 IU/mL")
    assert (rule.analyte, rule.comparator, rule.value, rule.unit) == ("alt", Comparator.LE, 40.0, "U/L")


def test_a_transaminase_per_ml_too_small_for_units_per_litre_stays_for_review() -> None:
    assert "IU/mL is not a unit" in review("AST ≤ 0.05 IU/mL")


def test_the_misprinted_transaminase_is_judged_in_units_per_litre() -> None:
    # without the catalogue item's footnote marks, which leave a value past the limit to the clinician
    text, heading = "SGOT less than 60 IU/mL", "PATIENT CHARACTERISTICS: Hepatic"
    normal = result(Section.INCLUSION, text, patient(labs=entered(("AST", 32, "U/L"))), heading)
    assert normal.result is Outcome.PASS
    raised = result(Section.INCLUSION, text, patient(labs=entered(("AST", 75, "U/L"))), heading)
    assert raised.result is Outcome.FAIL
    missing = result(Section.INCLUSION, text, patient(), heading)
    assert missing.result is Outcome.UNKNOWN
