"""Blood count and coagulation wordings the registries print: the rule values a clinician checks, and the
verdicts they give patients with values in range, out of range or unknown."""

from __future__ import annotations

import one_criterion
from one_criterion import lab, outcome, patient

from trialmatch.domain.criteria.base import Comparator
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.facts import PatientFacts
from trialmatch.domain.trial import Section

INC = Section.INCLUSION
EXC = Section.EXCLUSION


def _platelets(value: float) -> PatientFacts:
    return patient(labs=[{"test": "platelets", "value": value, "unit": "/µL"}])


def test_a_bracket_left_open_before_an_abbreviation_in_brackets_runs_to_the_end_of_the_item() -> None:
    text = (
        "Platelet greater than or equal to 75,000/mm(3) (unless impairment due to Immune thrombocytopenic "
        "purpura (ITP)"
    )
    rule = lab(text)
    assert (rule.analyte, rule.comparator, rule.value, rule.unit) == (
        "platelets",
        Comparator.GE,
        75000,
        "/µL",
    )
    (waiver,) = rule.exceptions
    assert waiver.waived
    assert waiver.concept is None
    assert waiver.text is not None
    assert waiver.text.startswith("unless impairment due to Immune thrombocytopenic")
    assert outcome(INC, text, _platelets(120000)) is Outcome.PASS
    assert outcome(INC, text, _platelets(40000)) is Outcome.UNKNOWN  # may be the ITP the trial waives
    assert outcome(INC, text, patient()) is Outcome.UNKNOWN


def test_a_platelet_count_printed_without_unit_under_the_lower_window_is_per_microlitre() -> None:
    context = "PATIENT CHARACTERISTICS: Hematopoietic"
    rule = lab("Platelet count greater than 20,000", INC, context)
    assert (rule.analyte, rule.comparator, rule.value, rule.unit) == (
        "platelets",
        Comparator.GT,
        20000,
        "/µL",
    )
    assert rule.unit_inferred
    assert outcome(INC, "Platelet count greater than 20,000", _platelets(25000), context) is Outcome.PASS
    assert outcome(INC, "Platelet count greater than 20,000", _platelets(15000), context) is Outcome.FAIL
    # a bare small number may be a count per 10⁴/µL: the canonical unit keeps its window
    assert one_criterion.review("Platelet count greater than 20").startswith("no unit given")
