"""An item ruling out a finding and the next one (or its sub-item) admitting a narrower form of it are one
criterion, both texts kept: read apart, "No CNS metastases" failed the patients with treated brain
metastases whom "Brain metastases previously treated ... allowed if ..." admits."""

from __future__ import annotations

from datetime import date

from trialmatch.domain.compiled import compile_trial
from trialmatch.domain.evaluation import Outcome, evaluate
from trialmatch.domain.facts import PatientFacts
from trialmatch.domain.patient import load_patient
from trialmatch.domain.segmentation import split_criteria
from trialmatch.domain.trial import Section, Trial

FLATTENED = """
DISEASE CHARACTERISTICS: Histologically or cytologically confirmed stage IV breast cancer
Bidimensionally measurable disease No CNS metastases Brain metastases
previously treated with radiotherapy or surgical excision allowed if no evidence of
residual metastases on brain CT or MRI Hormone receptor status: Not specified
"""
"""NCT00006682, shortened, as the registry prints it (flattened PDQ)."""
JOINED = (
    "No CNS metastases. Brain metastases previously treated with radiotherapy or surgical excision allowed"
    " if no evidence of residual metastases on brain CT or MRI"
)
SUB_ITEM = """
Inclusion Criteria:

- No active CNS disease
    - CNS metastasis allowed if measurable disease outside of the CNS
- Age 18 or older
"""
"""NCT00009932's shape: the permission a sub-item of the item it widens."""


def texts(block: str) -> list[tuple[Section, str, str | None]]:
    return [(c.section, c.text, c.context) for c in split_criteria(block)]


def outcomes(block: str, findings: dict[str, bool]) -> dict[str, Outcome]:
    raw = {"format": "trialmatch-patient/1", "as_of": "2026-11-20", "age": 50, "sex": "female"}
    facts = PatientFacts(load_patient({**raw, "findings": findings}), date(2026, 11, 20))
    trial = Trial(id="NCT00000001", registry="ctgov", title="t", criteria=split_criteria(block))
    return {r.text: r.result for r in evaluate(compile_trial(trial), facts).results}


def test_a_flattened_permission_after_the_finding_it_widens_is_joined_verbatim():
    assert (Section.INCLUSION, JOINED, "DISEASE CHARACTERISTICS") in texts(FLATTENED)
    assert not any(text.startswith("Brain metastases") for _, text, _ in texts(FLATTENED))


def test_the_joined_item_fails_active_brain_metastases_only():
    assert outcomes(FLATTENED, {"active brain metastases": True})[JOINED] is Outcome.FAIL
    assert outcomes(FLATTENED, {"treated brain metastases": True})[JOINED] is Outcome.UNKNOWN
    assert outcomes(FLATTENED, {"brain metastases": True})[JOINED] is Outcome.UNKNOWN
    assert outcomes(FLATTENED, {"CNS metastases": False})[JOINED] is Outcome.PASS


def test_a_permission_sub_item_joins_its_item():
    assert texts(SUB_ITEM) == [
        (
            Section.INCLUSION,
            "No active CNS disease. CNS metastasis allowed if measurable disease outside of the CNS",
            None,
        ),
        (Section.INCLUSION, "Age 18 or older", None),
    ]


def test_bulleted_exclusions_join_when_the_permission_is_narrower():
    block = """
Exclusion Criteria:

- Brain metastases
- Patients with treated brain metastases are eligible if stable for 4 weeks
- Leptomeningeal disease allowed if asymptomatic
"""
    assert texts(block) == [
        (
            Section.EXCLUSION,
            "Brain metastases. Patients with treated brain metastases are eligible if stable for 4 weeks",
            None,
        ),
        (Section.EXCLUSION, "Leptomeningeal disease allowed if asymptomatic", None),
    ]


def test_items_that_are_not_a_finding_and_its_narrower_permission_stay_apart():
    block = """
Inclusion Criteria:

- No brain metastases
- Prior radiotherapy allowed
- Brain metastases
- Treated brain metastases allowed
- No metastases in the brainstem
- Prior surgical resection of metastases allowed if residual disease
"""
    assert [text for _, text, _ in texts(block)] == [
        "No brain metastases",
        "Prior radiotherapy allowed",
        "Brain metastases",
        "Treated brain metastases allowed",
        "No metastases in the brainstem",
        "Prior surgical resection of metastases allowed if residual disease",
    ]
