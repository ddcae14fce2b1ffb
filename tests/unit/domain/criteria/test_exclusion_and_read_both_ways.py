"""An exclusion's plain "and" before a limit two values share ("AST and ALT > 3 × ULN"): it may mean either
value raised as well as both, so the patient is excluded when both are, not when neither is, and unknown
between. Read literally (both), a patient with AST at 5 × ULN and a normal ALT was let in."""

from __future__ import annotations

import pytest
from one_criterion import entered, exclusion, inclusion, outcome, patient, result

from trialmatch.domain.criteria import AllOf, rule_from_json, rule_to_json
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

SHARED = "AST and ALT > 3 x ULN"


def _liver(ast: float | None, alt: float | None) -> list[dict[str, object]]:
    labs = []
    if ast is not None:
        labs += [{"test": "AST", "value": ast, "unit": "U/L", "uln": 40}]
    if alt is not None:
        labs += [{"test": "ALT", "value": alt, "unit": "U/L", "uln": 40}]
    return labs


def test_the_shared_limit_is_read_both_ways_in_an_exclusion_only() -> None:
    excluded = exclusion(SHARED)
    assert isinstance(excluded, AllOf)
    assert excluded.read_both_ways
    limits = [(c.analyte, c.value, c.multiple_of) for c in excluded.children]
    assert limits == [("ast", 3.0, "uln"), ("alt", 3.0, "uln")]
    required = inclusion("AST and ALT ≤ 3 x ULN")
    assert isinstance(required, AllOf)
    assert not required.read_both_ways


def test_the_reading_survives_the_catalogue() -> None:
    stored = rule_from_json(rule_to_json(exclusion(SHARED)))
    assert isinstance(stored, AllOf)
    assert stored.read_both_ways


@pytest.mark.parametrize(
    ("ast", "alt", "expected"),
    [
        (200.0, 150.0, Outcome.FAIL),
        (200.0, 30.0, Outcome.UNKNOWN),
        (30.0, 200.0, Outcome.UNKNOWN),
        (30.0, 35.0, Outcome.PASS),
        (30.0, None, Outcome.UNKNOWN),
        (200.0, None, Outcome.UNKNOWN),
    ],
)
def test_one_value_raised_is_undecided(ast: float, alt: float | None, expected: Outcome) -> None:
    assert outcome(Section.EXCLUSION, SHARED, patient(labs=_liver(ast, alt))) is expected


def test_the_reason_names_both_values_and_the_doubt() -> None:
    found = result(Section.EXCLUSION, SHARED, patient(labs=_liver(200.0, 30.0)))
    assert found.reason.endswith("; the sentence's 'and' may mean both or either: to confirm")
    assert "AST 200 U/L" in found.reason
    assert "ALT 30 U/L" in found.reason


def test_an_inclusion_still_asks_each_value() -> None:
    facts = patient(labs=_liver(200.0, 30.0))
    assert outcome(Section.INCLUSION, "AST and ALT ≤ 3 x ULN", facts) is Outcome.FAIL


def test_values_with_limits_of_their_own_stay_a_conjunction() -> None:
    text = "Prostate-specific antigen ≥ 20 ng/mL and creatinine > 2 mg/dL"
    rule = exclusion(text)
    assert isinstance(rule, AllOf)
    assert not rule.read_both_ways
    labs = entered(("PSA", 25.0, "ng/mL"), ("creatinine", 1.0, "mg/dL"))
    assert outcome(Section.EXCLUSION, text, patient(labs=labs)) is Outcome.PASS
