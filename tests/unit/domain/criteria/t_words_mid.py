"""Condition words around lab thresholds the engine now reads: a narrowing word on a condition the thresholds
define ("Untreated hypogonadism (testosterone < 300 ng/dL)")."""

from __future__ import annotations

from one_criterion import exclusion, lab, outcome, patient, review, thresholds

from trialmatch.domain.criteria.base import Comparator
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

EXC = Section.EXCLUSION
INC = Section.INCLUSION

UNTREATED = "Untreated hypogonadism (morning total testosterone <300 ng/dL)"


def test_an_untreated_condition_defined_by_a_threshold_carries_untreated_on_it() -> None:
    rule = lab(UNTREATED, EXC)
    assert (rule.analyte, rule.comparator, rule.value, rule.unit) == (
        "testosterone",
        Comparator.LT,
        300.0,
        "ng/dL",
    )
    assert rule.qualifier == "untreated ('Untreated hypogonadism')"


def test_a_value_within_the_definition_passes_and_one_beyond_it_is_left_to_the_clinician() -> None:
    low = patient(sex="male", labs=[{"test": "testosterone", "value": 210, "unit": "ng/dL"}])
    normal = patient(sex="male", labs=[{"test": "testosterone", "value": 450, "unit": "ng/dL"}])
    assert outcome(EXC, UNTREATED, low) is Outcome.UNKNOWN
    assert outcome(EXC, UNTREATED, normal) is Outcome.PASS
    assert outcome(EXC, UNTREATED, patient(sex="male")) is Outcome.UNKNOWN


def test_symptomatic_is_carried_on_every_threshold_of_the_definition() -> None:
    text = (
        "Uncontrolled or symptomatic hypercalcemia (ionized calcium > 1.5 mmol/L, calcium > 12 mg/dL or "
        "corrected serum calcium > ULN)."
    )
    rule = exclusion(text)
    assert rule.kind == "any_of"
    found = [(t.analyte, t.comparator, t.value, t.unit, t.multiple_of) for t in thresholds(rule)]
    assert found == [
        ("ionized_calcium", Comparator.GT, 1.5, "mmol/L", None),
        ("calcium", Comparator.GT, 12.0, "mg/dL", None),
        ("calcium_corrected", Comparator.GT, 1.0, None, "uln"),
    ]
    assert {t.qualifier for t in thresholds(rule)} == {"symptomatic ('symptomatic hypercalcemia')"}
    high = patient(labs=[{"test": "calcium", "value": 13.1, "unit": "mg/dL"}])
    assert outcome(EXC, text, high) is Outcome.UNKNOWN


def test_a_narrowing_word_after_an_inclusions_no_is_left_for_review() -> None:
    assert "symptomatic" in review("No symptomatic hypercalcemia (corrected calcium > 12 mg/dL)", INC)


def test_an_implausible_unit_in_the_definition_stays_for_review() -> None:
    review("Untreated hypogonadism (serum total testosterone < 300 mg/dL)", EXC)
