"""A dipstick limit whose way out names the one grade it leaves out ("when baseline urine protein is 2 +,
24-hour urine protein quantification should be performed ... ≤ 1 g"), a table footnote after it, and an
absence of proteinuria defined by a grade below its limit."""

from __future__ import annotations

from one_criterion import entered, inclusion, limits, outcome, patient, review

from trialmatch.domain.criteria.base import Comparator
from trialmatch.domain.evaluation import Outcome

_ONE_GRADE = (
    "Urine protein < 2 + (when baseline urine protein is 2 +, 24-hour urine protein quantification should be "
    "performed, and inclusion can only be made when ≤ 1 g) * ULN = upper limit of normal"
)
_ABSENCE = (
    "The absence of clinically significant proteinuria as defined by a screening early morning urine (first "
    "sample) dipstick urinalysis of < 2."
)


def _urine(grade: float, day: float | None = None) -> object:
    labs = [("urine_protein_dipstick", grade, "1")]
    if day is not None:
        labs.append(("proteinuria", day, "g/24h"))
    return patient(labs=entered(*labs))


def test_the_way_out_holds_for_the_grade_it_names() -> None:
    rule = inclusion(_ONE_GRADE)
    assert rule.kind == "any_of"
    limit, way_out = rule.children
    assert limits(limit) == [("urine_protein_dipstick", Comparator.LT, 2.0, "1")]
    assert limits(way_out) == [
        ("urine_protein_dipstick", Comparator.LE, 2.0, "1"),
        ("proteinuria", Comparator.LE, 1.0, "g/24h"),
    ]


def test_a_low_grade_passes_a_2_plus_needs_its_24_hour_protein_and_a_3_plus_fails() -> None:
    assert outcome("inclusion", _ONE_GRADE, _urine(1)) is Outcome.PASS
    assert outcome("inclusion", _ONE_GRADE, _urine(2, 0.6)) is Outcome.PASS
    assert outcome("inclusion", _ONE_GRADE, _urine(2, 1.4)) is Outcome.FAIL
    assert outcome("inclusion", _ONE_GRADE, _urine(2)) is Outcome.UNKNOWN
    assert outcome("inclusion", _ONE_GRADE, _urine(3, 0.6)) is Outcome.FAIL
    assert outcome("inclusion", _ONE_GRADE, patient()) is Outcome.UNKNOWN


def test_a_way_out_for_another_grade_than_the_first_left_out_stays_for_review() -> None:
    text = _ONE_GRADE.replace("is 2 +", "is 3 +")
    assert "dipstick" in review(text)


def test_an_absence_of_proteinuria_defined_by_a_grade_below_its_limit() -> None:
    assert limits(inclusion(_ABSENCE)) == [("urine_protein_dipstick", Comparator.LT, 2.0, "1")]
    assert outcome("inclusion", _ABSENCE, _urine(1)) is Outcome.PASS
    assert outcome("inclusion", _ABSENCE, _urine(2)) is Outcome.FAIL
    assert outcome("inclusion", _ABSENCE, patient()) is Outcome.UNKNOWN
    assert "absence" in review(_ABSENCE.replace("< 2", "≥ 2"))
