"""Names, units and number forms of lab thresholds: what each reads as, and what must stay for review."""

from __future__ import annotations

from trialmatch.domain.criteria import parse_criterion
from trialmatch.domain.criteria.base import Comparator
from trialmatch.domain.trial import Section


def _inclusion(text: str):
    return parse_criterion(text, Section.INCLUSION, None)


def _exclusion(text: str):
    return parse_criterion(text, Section.EXCLUSION, None)


def test_a_multiple_of_the_uln_restated_in_brackets_is_one_threshold():
    rule = _inclusion("Serum total bilirubin ≤3 times the upper limit of the normal reference range (3×ULN);")
    assert (rule.kind, rule.analyte, rule.comparator, rule.value, rule.multiple_of) == (
        "lab",
        "bilirubin",
        Comparator.LE,
        3.0,
        "uln",
    )


def test_a_restated_multiple_that_disagrees_stays_for_review():
    rule = _inclusion("Total bilirubin ≤ 3 times the upper limit of normal (2.5×ULN)")
    assert rule.kind == "review"
    assert "disagrees" in rule.why


def test_fold_of_upper_standard_is_a_multiple_of_the_uln():
    rule = _inclusion("ASAT/ ALAT < 3fold of upper standard")
    assert rule.kind == "all_of"
    assert [(c.analyte, c.comparator, c.value, c.multiple_of) for c in rule.children] == [
        ("ast", Comparator.LT, 3.0, "uln"),
        ("alt", Comparator.LT, 3.0, "uln"),
    ]


def test_mumol_and_cmm3_are_micromoles_and_cubic_millimetres():
    bilirubin = _exclusion("Total bilirubin level > 25 mumol/L")
    assert (bilirubin.analyte, bilirubin.comparator, bilirubin.value, bilirubin.unit) == (
        "bilirubin",
        Comparator.GT,
        25.0,
        "µmol/L",
    )
    anc = _inclusion("ANC ≥ 1500/cmm3")
    assert (anc.analyte, anc.value, anc.unit) == ("anc", 1500.0, "/µL")
