"""Limits an inclusion asks of a subgroup the patient file cannot name ("in patients with significant smoking
history ..."): a value within them passes, one past them is left to the clinician with the subgroup quoted."""

from one_criterion import limits_with_multiples, patient, result

from trialmatch.domain.criteria import parse_criterion
from trialmatch.domain.criteria.lab import LabThreshold
from trialmatch.domain.criteria.logic import leaves
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

PULMONARY = "PATIENT CHARACTERISTICS: Pulmonary"
SMOKERS = (
    "Pulmonary: FEV1 or VC greater than 65% of predicted in patients with significant smoking history or "
    "with suspected pulmonary disease by history, physical exam, or x-ray"
)
TESTED = (
    "FEV1 and VC greater than 65% of predicted (tests performed in patients with significant smoking history "
    "and in those with potential pulmonary disease suggested by history, physical exam, or x-ray)"
)
COPD_AND_TUMOUR = (
    "Forced vital capacity and forced expiratory volume at least 50% of normal in patients with significant "
    "intrathoracic tumor involvement, chronic obstructive pulmonary disease, interstitial lung disease, or "
    "pulmonary embolism"
)


def waivers(text: str) -> list[str | None]:
    rule = parse_criterion(text, Section.INCLUSION, PULMONARY)
    return [e.text for t in leaves(rule) if isinstance(t, LabThreshold) for e in t.exceptions if e.waived]


def test_the_limits_carry_the_subgroup_as_an_unchecked_waiver() -> None:
    rule = parse_criterion(SMOKERS, Section.INCLUSION, PULMONARY)
    assert rule.kind == "any_of"
    assert limits_with_multiples(rule) == [
        ("fev1", ">", 65.0, "%", None),
        ("vital_capacity", ">", 65.0, "%", None),
    ]
    assert (
        waivers(SMOKERS)
        == [
            "the limit applies only in patients with significant smoking history or with suspected pulmonary "
            "disease by history, physical exam, or x-ray"
        ]
        * 2
    )
    tested = parse_criterion(TESTED, Section.INCLUSION, PULMONARY)
    assert tested.kind == "all_of"
    assert limits_with_multiples(tested) == [
        ("fev1", ">", 65.0, "%", None),
        ("vital_capacity", ">", 65.0, "%", None),
    ]
    assert waivers(TESTED)[0].startswith(
        "the limit applies only tests performed in patients with significant"
    )


def test_a_value_within_passes_one_past_is_left_to_the_clinician() -> None:
    good = patient(labs=[{"test": "fev1", "value": 70, "unit": "%"}])
    assert result("inclusion", SMOKERS, good, PULMONARY).result is Outcome.PASS
    poor = patient(
        labs=[
            {"test": "fev1", "value": 50, "unit": "%"},
            {"test": "vital_capacity", "value": 50, "unit": "%"},
        ]
    )
    judged = result("inclusion", SMOKERS, poor, PULMONARY)
    assert judged.result is Outcome.UNKNOWN
    assert "significant smoking history" in judged.reason
    assert result("inclusion", SMOKERS, patient(), PULMONARY).result is Outcome.UNKNOWN


def test_a_subgroup_only_partly_in_the_lexicon_is_not_checked_against_it() -> None:
    rule = parse_criterion(COPD_AND_TUMOUR, Section.INCLUSION, PULMONARY)
    assert limits_with_multiples(rule) == [("fvc", "≥", 50.0, "%", None), ("fev1", "≥", 50.0, "%", None)]
    both = [{"test": "fvc", "value": 60, "unit": "%"}, {"test": "fev1", "value": 55, "unit": "%"}]
    assert result("inclusion", COPD_AND_TUMOUR, patient(labs=both), PULMONARY).result is Outcome.PASS
    low = [{"test": "fvc", "value": 60, "unit": "%"}, {"test": "fev1", "value": 40, "unit": "%"}]
    assert result("inclusion", COPD_AND_TUMOUR, patient(labs=low), PULMONARY).result is Outcome.UNKNOWN
    assert result("inclusion", COPD_AND_TUMOUR, patient(), PULMONARY).result is Outcome.UNKNOWN


def test_a_subgroup_the_lexicon_names_is_read_as_a_condition() -> None:
    rule = parse_criterion(
        "FEV1 at least 50% of predicted in patients with chronic obstructive pulmonary disease",
        Section.INCLUSION,
        None,
    )
    assert rule.kind == "any_of"
    assert [c.kind for c in rule.children] == ["finding", "lab"]
    assert not waivers(
        "FEV1 at least 50% of predicted in patients with chronic obstructive pulmonary disease"
    )
