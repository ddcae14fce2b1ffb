"""compile_trial: criteria in the trial's order, registry-field criteria after them, strata collected."""

from __future__ import annotations

import pytest

from trialmatch.domain.compiled import CompiledTrial, compile_trial
from trialmatch.domain.criteria import AgeRule, NeedsReview, SexRule, parse_criterion
from trialmatch.domain.trial import Criterion, Section, Sex, Trial


def _trial(**fields) -> Trial:
    return Trial(id="NCT03252938", registry="ctgov", title="INSIGHT", **fields)


def test_registry_fields_become_readable_criteria_after_the_trials_own():
    trial = _trial(
        criteria=[Criterion(section=Section.INCLUSION, text="ECOG 0 or 1")],
        min_age=18,
        max_age=75,
        sex=Sex.FEMALE,
    )
    compiled = compile_trial(trial)
    assert [c.criterion.text for c in compiled.criteria] == [
        "ECOG 0 or 1",
        "Age 18 to 75 years (registry field)",
        "Female participants only (registry field)",
    ]
    assert [c.registry_field for c in compiled.criteria] == [False, True, True]
    age, sex = compiled.criteria[1].rule, compiled.criteria[2].rule
    assert isinstance(age, AgeRule)
    assert (age.min, age.max) == (18, 75)
    assert isinstance(sex, SexRule)
    assert sex.sex == "female"


def test_one_sided_registry_ages():
    assert (
        compile_trial(_trial(min_age=18)).criteria[0].criterion.text
        == "Age 18 years or older (registry field)"
    )
    assert (
        compile_trial(_trial(max_age=65)).criteria[0].criterion.text
        == "Age 65 years or younger (registry field)"
    )
    assert compile_trial(_trial(min_age=0)).criteria == []


def test_strata_come_from_criteria_and_from_in_item_variants():
    trial = _trial(
        criteria=[
            Criterion(section=Section.INCLUSION, text="Platelets ≥ 75.000/µl (for Stratum D: ≥ 100.000/µl)"),
            Criterion(section=Section.INCLUSION, text="Peritoneal carcinomatosis", stratum="B"),
            Criterion(section=Section.EXCLUSION, text="Prior PD-1/PDL-1 targeted therapy", stratum="A, B, D"),
        ]
    )
    assert compile_trial(trial).strata == ["A", "B", "D"]


def test_rules_stored_at_import_are_used_as_given():
    trial = _trial(criteria=[Criterion(section=Section.INCLUSION, text="ECOG 0 or 1")])
    stored = [NeedsReview(source_span=(0, 11), text="ECOG 0 or 1", why="stored by an older parser")]
    assert compile_trial(trial, stored).criteria[0].rule == stored[0]
    with pytest.raises(ValueError, match="1 criteria"):
        compile_trial(trial, [])


def test_compiled_trial_round_trips_without_its_plan():
    trial = _trial(criteria=[Criterion(section=Section.INCLUSION, text="ANC ≥ 1.500/µl")], min_age=18)
    compiled = compile_trial(trial)
    again = CompiledTrial.model_validate_json(compiled.model_dump_json())
    assert again == compiled
    assert again.criteria[0].rule == parse_criterion("ANC ≥ 1.500/µl", Section.INCLUSION)
    assert "_plan" not in compiled.model_dump_json()
