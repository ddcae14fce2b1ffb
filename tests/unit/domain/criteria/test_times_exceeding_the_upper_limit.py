"""A multiple of the upper limit printed with "exceeding" or "above" after "times", behind its comparator:
"> 4 times exceeding upper reference limit" is > 4 × ULN; and "general bilirubin" (translated from a
language whose word for total is "general") is the total bilirubin."""

from __future__ import annotations

from one_criterion import (
    entered,
    exclusion,
    inclusion,
    limits_with_multiples,
    outcome,
    patient,
    review,
)

from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

LIVER_FAILURE = (
    "liver failure (general bilirubin level > 25 mumol/L, alanine aminotransferase (ALT) and aspartate "
    "aminotransferase (AST) levels > 4 times exceeding upper reference limit)"
)


def test_the_liver_failure_it_defines_reads_each_threshold() -> None:
    assert limits_with_multiples(exclusion(LIVER_FAILURE)) == [
        ("bilirubin", ">", 25.0, "µmol/L", None),
        ("alt", ">", 4.0, None, "uln"),
        ("ast", ">", 4.0, None, "uln"),
    ]


def test_the_liver_failure_excludes_on_its_values() -> None:
    normal = [("bilirubin", 12, "µmol/L"), ("alt", 30, "U/L"), ("ast", 28, "U/L")]
    raised = [("bilirubin", 40, "µmol/L"), ("alt", 30, "U/L"), ("ast", 28, "U/L")]
    enzymes = [("bilirubin", 12, "µmol/L"), ("alt", 200, "U/L"), ("ast", 190, "U/L")]
    assert outcome("exclusion", LIVER_FAILURE, patient(labs=entered(*normal))) is Outcome.PASS
    assert outcome("exclusion", LIVER_FAILURE, patient(labs=entered(*raised))) is Outcome.FAIL
    assert outcome("exclusion", LIVER_FAILURE, patient(labs=entered(*enzymes))) is Outcome.FAIL
    assert outcome("exclusion", LIVER_FAILURE, patient()) is Outcome.UNKNOWN


def test_times_above_the_upper_limit_is_the_multiple() -> None:
    rule = inclusion("serum AFP levels > 2 times above the upper limit of normality")
    assert limits_with_multiples(rule) == [("afp", ">", 2.0, None, "uln")]


def test_times_above_without_a_comparator_stays_for_review() -> None:
    assert "no comparator" in review("ALT 2 times above the ULN", Section.EXCLUSION)
