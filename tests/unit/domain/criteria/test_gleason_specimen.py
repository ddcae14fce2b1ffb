"""A Gleason limit on a named specimen ("Biopsy Gleason score ≤ 7", "Gleason score < 8 on post-operative
pathological sample"): the biopsy and the prostatectomy often grade one tumour differently and the file does
not say which specimen its score comes from, so the limit keeps the specimen as its timepoint and is unknown
whatever the entered score, naming the score it needs."""

from __future__ import annotations

import pytest
from one_criterion import entered, inclusion, limits_with_multiples, patient, result

from trialmatch.domain.criteria.lab import LabThreshold
from trialmatch.domain.evaluation import Outcome

_TODAY_ONLY = "the patient file holds current values only"


@pytest.mark.parametrize(
    ("text", "expected", "timepoint"),
    [
        ("Biopsy Gleason score ≤ 7,", [("gleason", "≤", 7.0, "1", None)], "Biopsy"),
        (
            "Clinical (diagnostic biopsy) Gleason score ≤ 6",
            [("gleason", "≤", 6.0, "1", None)],
            "Clinical (diagnostic biopsy)",
        ),
        (
            "Gleason score < 8 on post-operative pathological sample prior to randomization",
            [("gleason", "<", 8.0, "1", None)],
            "on post-operative pathological sample",
        ),
        (
            "Gleason Score ≤ 6, based on high-resolution biopsy strategies",
            [("gleason", "≤", 6.0, "1", None)],
            "based on high-resolution biopsy strategies",
        ),
        ("Pathologic Gleason score ≥ 8", [("gleason", "≥", 8.0, "1", None)], "Pathologic"),
        (
            "Gleason score 3+4 on the prostatectomy specimen",
            [("grade_group", "≥", 2.0, "1", None), ("grade_group", "≤", 2.0, "1", None)],
            "on the prostatectomy specimen",
        ),
    ],
)
def test_a_gleason_limit_on_a_named_specimen_keeps_the_specimen(text: str, expected: list, timepoint: str):
    rule = inclusion(text)
    assert limits_with_multiples(rule) == expected
    parts = [rule] if isinstance(rule, LabThreshold) else rule.children  # type: ignore[attr-defined]
    assert {p.timepoint for p in parts} == {timepoint}


@pytest.mark.parametrize("score", [6, 9, None])
def test_the_biopsy_score_is_never_judged_on_the_files_score(score: int | None):
    labs = entered(("gleason", score, "1")) if score is not None else []
    found = result("inclusion", "Biopsy Gleason score ≤ 7,", patient(sex="male", labs=labs))
    assert found.result is Outcome.UNKNOWN
    assert found.reason == f"needs the biopsy Gleason score (≤ 7); {_TODAY_ONLY}"


@pytest.mark.parametrize("score", [7, 9, None])
def test_an_exclusion_on_the_surgical_specimen_is_unknown_whatever_the_score(score: int | None):
    labs = entered(("gleason", score, "1")) if score is not None else []
    text = "Gleason score >= 8 on post-operative pathological sample prior to randomization"
    found = result("exclusion", text, patient(sex="male", labs=labs))
    assert found.result is Outcome.UNKNOWN
    assert found.reason == (
        f"needs the Gleason score on post-operative pathological sample (≥ 8); {_TODAY_ONLY}"
    )


@pytest.mark.parametrize(
    ("score", "outcome"), [(6, Outcome.PASS), (8, Outcome.FAIL), (None, Outcome.UNKNOWN)]
)
def test_a_score_naming_no_specimen_is_still_judged_on_the_files_score(score: int | None, outcome: Outcome):
    labs = entered(("gleason", score, "1")) if score is not None else []
    assert result("inclusion", "Gleason score ≤ 7", patient(sex="male", labs=labs)).result is outcome


def test_a_specimen_named_beside_another_test_is_left_for_review():
    rule = inclusion("PSA < 10 ng/mL and biopsy Gleason score ≤ 7")
    assert "review" in rule.model_dump_json()
