"""An exclusion's threshold followed by a note admitting exactly the values it does not exclude: the note only
says the threshold again from the other side, so the rule is the threshold alone."""

from __future__ import annotations

from one_criterion import exclusion, lab, limits_with_multiples, patient, result, review

from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

EXC = Section.EXCLUSION
CHILD_PUGH_NOTE = (
    "Severe hepatic impairment (Child-Pugh C or higher [score of 10 or higher]); subject with mild or"
    " moderate hepatic impairment (Child-Pugh score of 5-9) may be eligible for treatment"
)


def _score(points: float) -> object:
    return patient(labs=[{"test": "Child-Pugh score", "value": points}])


def test_a_child_pugh_exclusion_with_its_complement_admitted_reads_as_the_exclusion_alone():
    rule = lab(CHILD_PUGH_NOTE, EXC)
    assert (rule.analyte, rule.comparator.value, rule.value, rule.unit, rule.multiple_of) == (
        "child_pugh",
        ">=",
        10.0,
        "1",
        None,
    )


def test_class_c_is_excluded_class_b_is_not_and_no_score_is_unknown():
    assert result(EXC, CHILD_PUGH_NOTE, _score(11)).result is Outcome.FAIL
    assert result(EXC, CHILD_PUGH_NOTE, _score(9)).result is Outcome.PASS
    missing = result(EXC, CHILD_PUGH_NOTE, patient())
    assert (missing.result, missing.reason) == (Outcome.UNKNOWN, "Child-Pugh score not entered")


def test_the_opposite_threshold_at_the_same_value_is_the_complement_of_any_test():
    text = "ALT > 3 × ULN; patients with (ALT ≤ 3 × ULN) are eligible"
    assert limits_with_multiples(exclusion(text)) == [("alt", ">", 3.0, None, "uln")]


def test_a_note_admitting_other_values_than_the_complement_stays_for_review():
    # 5-7 leaves 8-9 (class B) unsaid; a score of 8 is excluded or not?
    assert "may" in review(CHILD_PUGH_NOTE.replace("5-9", "5-7"), EXC)
    # admits values the threshold excludes: an exception, not a restatement
    assert review("ALT > 3 × ULN; patients with (ALT ≤ 5 × ULN) are eligible", EXC)


def test_a_note_that_narrows_whom_it_admits_or_an_inclusion_is_not_read_so():
    assert review("ALT > 3 × ULN; patients with no cirrhosis (ALT ≤ 3 × ULN) are eligible", EXC)
    assert review("ALT ≤ 3 × ULN; patients with (ALT > 3 × ULN) are eligible")
