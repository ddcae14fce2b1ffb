"""Items for the patients of one entry into a trial ("only for patient included before induction phase") bind
those patients only: read for everyone, an induction-phase item failed the patient the maintenance entry
takes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from trialmatch.domain.compiled import compile_trial
from trialmatch.domain.enrolment_subgroups import enrolment_subgroup
from trialmatch.domain.evaluation import Outcome, Verdict, evaluate
from trialmatch.domain.facts import PatientFacts
from trialmatch.domain.patient import load_patient
from trialmatch.domain.segmentation import split_criteria
from trialmatch.domain.trial import Trial

DATA = Path(__file__).parents[2] / "data" / "segmentation"
BEFORE = "patients included before induction phase"
AFTER = "patients included after induction phase"


@pytest.mark.parametrize(
    ("text", "group"),
    [
        (
            "To be checked before the induction phase (only for patient included before induction phase)",
            BEFORE,
        ),
        ("Signed informed consent (only for patient included after induction phase).", AFTER),
        (
            "Platelets ≥ 100 x 10^9/L (only for subjects enrolled after the lead-in phase)",
            "patients enrolled after the lead-in phase",
        ),
        ("(Only for subjects who were randomized in Part 1)", "patients who were randomized in part 1"),
        ("ALT ≤ 5 x ULN (only for patients with liver metastases)", None),
        ("To be checked before the maintenance phase (for all patient)", None),
        ("Only for patients included before induction, platelets ≥ 100 x 10^9/L", None),
    ],
)
def test_only_an_entry_into_the_trial_names_a_group(text, group):
    assert enrolment_subgroup(text) == group


def facts(**findings: bool) -> PatientFacts:
    raw = {"format": "trialmatch-patient/1", "as_of": "2026-11-20", "age": 62, "sex": "male", "ecog": 1}
    return PatientFacts(load_patient({**raw, "findings": findings}), date(2026, 11, 20))


def nct05692999() -> Trial:
    text = (DATA / "NCT05692999_induction_entry_headings.txt").read_text(encoding="utf-8")
    return Trial(id="NCT05692999", registry="ctgov", title="t", criteria=split_criteria(text))


def test_the_induction_entry_items_bind_the_patients_included_before_induction():
    criteria = nct05692999().criteria
    assert [c.stratum for c in criteria].count(BEFORE) == 19
    assert [(c.section.value, c.text) for c in criteria if c.stratum == AFTER] == [
        ("inclusion", "Signed informed consent (only for patient included after induction phase).")
    ]
    maintenance = [
        c for c in criteria if c.context == "To be checked before the maintenance phase (for all patient)"
    ]
    assert len(maintenance) == 34  # 19 inclusion items, 15 exclusion items
    assert {c.stratum for c in maintenance} == {None, AFTER}


def test_hiv_closes_the_induction_entry_and_leaves_the_maintenance_items_to_decide():
    evaluation = evaluate(compile_trial(nct05692999()), facts(**{"HIV infection": True}))
    assert (evaluation.verdict, evaluation.open_strata) == (Verdict.POSSIBLE, (AFTER,))
    assert evaluation.reason == (
        f"possible for stratum {AFTER}; stratum {BEFORE} excluded (HIV infection recorded as present)"
    )
    # the maintenance items ask the same again, in words the engine leaves to a reviewer
    (maintenance_hiv,) = [
        r for r in evaluation.results if r.text.startswith("History of HIV") and r.stratum is None
    ]
    assert maintenance_hiv.result is Outcome.UNKNOWN


ENTRIES = (
    "Inclusion Criteria:\n"
    "A) Before the lead-in (only for patients enrolled before the lead-in phase):\n"
    "  1. Platelets ≥ 150 x 10^9/L\n"
    "B) For all patients:\n"
    "  1. Platelets ≥ 75 x 10^9/L\n"
    "  2. Signed consent (only for patients enrolled after the lead-in phase)\n"
)


def test_platelets_of_100_leave_the_later_entry_open():
    patient = load_patient(
        {
            "format": "trialmatch-patient/1",
            "as_of": "2026-11-20",
            "age": 62,
            "labs": [{"test": "platelets", "value": 100, "unit": "10^9/L"}],
        }
    )
    trial = Trial(id="NCT00000001", registry="ctgov", title="t", criteria=split_criteria(ENTRIES))
    evaluation = evaluate(compile_trial(trial), PatientFacts(patient, date(2026, 11, 20)))
    assert (evaluation.verdict, evaluation.open_strata) == (
        Verdict.POSSIBLE,
        ("patients enrolled after the lead-in phase",),
    )
    assert evaluation.reason.endswith(
        "stratum patients enrolled before the lead-in phase excluded "
        "(platelets 100 × 10⁹/L is below the required 150 × 10⁹/L)"
    )
