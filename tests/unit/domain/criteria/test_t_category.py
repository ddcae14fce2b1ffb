"""T category (TNM): read from "Clinical stage T1b-4", "≤T2", "cT1c or cT2a-b", and judged on the T category
the patient's stage is written in; a stage not written as TNM, or a pathological category where the clinical
one is asked, leaves it unknown."""

from __future__ import annotations

import pytest
from one_criterion import entered, inclusion, limits_with_multiples, patient, result

from trialmatch.domain.criteria import parse_criterion
from trialmatch.domain.criteria.t_category import TCategoryRule
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section


@pytest.mark.parametrize(
    ("text", "low", "high", "clinical"),
    [
        ("Clinical stage T1b-4", "T1b", "T4", True),
        ("Clinical stage T1c-T2b", "T1c", "T2b", True),
        ("Clinical stage ≤T2", None, "T2", True),
        ("Clinical stage at least T2", "T2", "T4", True),
        ("Clinical stage cT2 or higher.", "T2", "T4", True),
        ("stage T3-T4,", "T3", "T4", False),
        ("T3a", "T3a", "T3a", False),
    ],
)
def test_t_categories_read_as_printed(text: str, low: str | None, high: str | None, clinical: bool) -> None:
    rule = inclusion(text)
    assert isinstance(rule, TCategoryRule)
    assert (rule.low, rule.high, rule.clinical) == (low, high, clinical)


def test_a_list_of_categories_is_any_of_them() -> None:
    rule = inclusion("cT1c or cT2a-b")
    assert rule.kind == "any_of"
    assert [(c.low, c.high, c.clinical) for c in rule.children] == [
        ("T1c", "T1c", True),
        ("T2a", "T2b", True),
    ]


def test_a_risk_group_line_joins_t_category_gleason_and_psa() -> None:
    text = "Clinical stage T1b-4, Gleason score 7, and prostate-specific antigen < 20."
    rule = inclusion(text)
    assert rule.kind == "all_of"
    assert limits_with_multiples(rule) == [
        ("gleason", "≥", 7.0, "1", None),
        ("gleason", "≤", 7.0, "1", None),
        ("psa", "<", 20.0, "ng/mL", None),
    ]
    met = patient(
        sex="male", stage="cT2a N0 M0", labs=entered(("Gleason score", 7, "1"), ("PSA", 12, "ng/mL"))
    )
    judged = result("inclusion", text, met)
    assert judged.result is Outcome.PASS
    assert judged.reason.startswith("T2a, within cT1b–T4; Gleason score 7, meets ≥ 7")
    late = patient(sex="male", stage="cT1a", labs=entered(("Gleason score", 7, "1"), ("PSA", 12, "ng/mL")))
    assert result("inclusion", text, late).result is Outcome.FAIL


def test_the_t_category_verdicts() -> None:
    text = "Clinical stage T1c-T2a"
    assert result("inclusion", text, patient(stage="cT2a N0 M0")).reason == "T2a, within cT1c–T2a"
    failed = result("inclusion", text, patient(stage="T3bN1M0"))
    assert (failed.result, failed.reason) == (Outcome.FAIL, "T3b, not cT1c–T2a")
    letterless = result("inclusion", text, patient(stage="T2 N0 M0"))
    assert (letterless.result, letterless.reason) == (
        Outcome.UNKNOWN,
        "T2: the sub-category decides (cT1c–T2a)",
    )
    pathological = result("inclusion", text, patient(stage="pT2a pN0"))
    assert pathological.result is Outcome.UNKNOWN
    assert pathological.missing == ("clinical T category",)
    grouped = result("inclusion", text, patient(stage="II"))
    assert (grouped.result, grouped.reason) == (
        Outcome.UNKNOWN,
        "stage 'II': no T category recorded (cT1c–T2a asked)",
    )
    missing = result("inclusion", text, patient())
    assert (missing.result, missing.missing) == (Outcome.UNKNOWN, ("stage (TNM)",))


def test_an_exclusion_on_t_category() -> None:
    assert (
        result("exclusion", "stage T3-T4,", patient(stage="pT3a pN0")).reason == "T3a, within T3–T4: excluded"
    )
    assert result("exclusion", "stage T3-T4,", patient(stage="cT2c")).result is Outcome.PASS


def test_any_t_stage_in_brackets_adds_no_requirement() -> None:
    rule = inclusion("Prostate-specific antigen ≥ 20 and Gleason score ≥ 7 (any T stage).")
    assert limits_with_multiples(rule) == [
        ("psa", "≥", 20.0, "ng/mL", None),
        ("gleason", "≥", 7.0, "1", None),
    ]


def test_a_heading_ending_in_a_bracketed_note_still_says_any_of() -> None:
    heading = (
        "Patients at intermediate risk for disease relapse as determined by any of the following "
        "combinations of factors (NOTE: tumor found in one or both lobes on biopsy, but not palpable, "
        "will not alter T stage)"
    )
    rule = parse_criterion(
        "Clinical stage T1b-1c, Gleason score 8-10, and prostate-specific antigen <20.",
        Section.INCLUSION,
        heading,
    )
    assert rule.kind == "alternative"
    assert (
        rule.group
        == "patients at intermediate risk for disease relapse as determined by any of the following"
    )


def test_an_item_under_either_of_the_following_is_one_alternative() -> None:
    """Read alone, the item failed the patients at high risk by the other item."""
    heading = "High risk for relapse as determined by either of the following"
    text = "Prostate-specific antigen (PSA) 20-100 ng/mL and Gleason score at least 7 (any T stage)"
    rule = parse_criterion(text, Section.INCLUSION, heading)
    assert rule.kind == "alternative"
    assert rule.group == "high risk for relapse as determined by either of the following"
    assert limits_with_multiples(rule) == [
        ("psa", "≥", 20.0, "ng/mL", None),
        ("psa", "≤", 100.0, "ng/mL", None),
        ("gleason", "≥", 7.0, "1", None),
    ]


@pytest.mark.parametrize("text", ["T3", "T4", "T1 to"])
def test_a_bare_or_dangling_t_is_not_read_as_a_t_category(text: str) -> None:
    """Under "Abnormal thyroid function, defined as any of:" a bare "T3" is the hormone, under "Spinal cord
    compression at:" "T4" a vertebra; a range with no end is unread."""
    assert inclusion(text).kind == "review"


@pytest.mark.parametrize("stage", ["Stage IIB (T3)", "T3.", "T3: N0", "T3-4 N0"])
def test_a_t_category_followed_by_punctuation_is_found_in_the_stage(stage: str) -> None:
    found = result("exclusion", "stage T3-T4,", patient(stage=stage))
    assert (found.result, found.reason) == (Outcome.FAIL, "T3, within T3–T4: excluded")
