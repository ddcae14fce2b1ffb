"""Wordings that name a narrower finding than the lexicon concept they were a synonym of: "malignant pleural
effusion" is not any pleural effusion, "primary immunodeficiency" not any immunodeficiency, and "altered
mental status" (an acute state) not dementia. Read as the broad concept, a patient with a benign effusion,
with immunosuppression from treatment, or with dementia was failed on words that do not describe them."""

from __future__ import annotations

from one_criterion import outcome, patient, review

from trialmatch.domain.criteria import FindingRule, parse_criterion
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.lexicon import get_concept
from trialmatch.domain.trial import Section

INC, EXC = Section.INCLUSION, Section.EXCLUSION
PASS, FAIL, UNKNOWN = Outcome.PASS, Outcome.FAIL, Outcome.UNKNOWN

EFFUSION = "No malignant pleural effusion"
IMMUNODEFICIENCY = "Known primary immunodeficiency;"
INFECTIONS = (
    "Patients with active or uncontrolled infections or with serious illnesses or medical conditions which "
    "would not permit the patient to be managed according to the protocol. This includes but is not "
    "limited to"
)


def concept(rule: object) -> tuple[str, bool]:
    assert isinstance(rule, FindingRule), rule
    assert rule.exceptions == []
    return rule.concept, rule.present


def test_malignant_pleural_effusion_is_a_kind_of_pleural_effusion() -> None:
    assert get_concept("malignant_pleural_effusion").parents == ("pleural_effusion",)
    rule = parse_criterion(EFFUSION, INC, "DISEASE CHARACTERISTICS")
    assert concept(rule) == ("malignant_pleural_effusion", False)
    assert outcome(INC, EFFUSION, patient(findings={"pleural_effusion": True})) is UNKNOWN
    assert outcome(INC, EFFUSION, patient(findings={"pleural_effusion": False})) is PASS
    assert outcome(INC, EFFUSION, patient(findings={"malignant_pleural_effusion": True})) is FAIL


def test_primary_immunodeficiency_is_not_any_immunodeficiency() -> None:
    assert get_concept("primary_immunodeficiency").parents == ("immunodeficiency",)
    rule = parse_criterion(IMMUNODEFICIENCY, EXC, INFECTIONS)
    assert concept(rule) == ("primary_immunodeficiency", True)
    treated = patient(findings={"immunodeficiency": True})
    assert outcome(EXC, IMMUNODEFICIENCY, treated, INFECTIONS) is UNKNOWN
    assert outcome(EXC, IMMUNODEFICIENCY, patient(findings={"immunodeficiency": False}), INFECTIONS) is PASS
    primary = patient(findings={"primary_immunodeficiency": True})
    assert outcome(EXC, IMMUNODEFICIENCY, primary, INFECTIONS) is FAIL
    assert concept(parse_criterion("No congenital immunodeficiency", INC)) == (
        "primary_immunodeficiency",
        False,
    )


def test_altered_mental_status_is_not_dementia() -> None:
    assert review("altered mental status", EXC) == "not a criterion kind the engine reads"
    assert outcome(EXC, "altered mental status", patient(findings={"dementia": True})) is UNKNOWN
