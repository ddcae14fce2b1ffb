"""A group tag printed in capitals ("(Control Group)") names its group as the lower-case one does: read for
everyone, the patient group's age limit failed the 47-year-old the control group takes."""

from __future__ import annotations

from datetime import date

from trialmatch.domain.compiled import compile_trial
from trialmatch.domain.evaluation import Verdict, evaluate
from trialmatch.domain.facts import PatientFacts
from trialmatch.domain.patient import load_patient
from trialmatch.domain.segmentation import split_criteria
from trialmatch.domain.trial import Trial

TAGGED = (
    "Inclusion Criteria:\n"
    "- Forefoot pain and diagnosed with RA (Patient Group)\n"
    "  - Age 18-40\n"
    "- Diagnosed with an axial arthritis (Control Group)\n"
    "  - Age 40-80\n"
    "Exclusion Criteria:\n"
    "- Pregnancy\n"
)


def test_a_capitalised_group_tag_names_its_group():
    assert [(c.text, c.stratum) for c in split_criteria(TAGGED)] == [
        ("Forefoot pain and diagnosed with RA (Patient Group)", "patient group"),
        ("Age 18-40", "patient group"),
        ("Diagnosed with an axial arthritis (Control Group)", "control group"),
        ("Age 40-80", "control group"),
        ("Pregnancy", None),
    ]


def test_a_capitalised_healthy_control_group_stays_for_everyone():
    text = (
        "Inclusion Criteria:\n- Healthy adults, age 18 to 65 (Healthy Control Group)\n"
        "- Adults with chronic kidney disease, age 18 to 65 (Patient Group)"
    )
    assert [c.stratum for c in split_criteria(text)] == [None, None]


def test_the_47_year_old_stays_possible_for_the_control_group():
    patient = load_patient(
        {"format": "trialmatch-patient/1", "as_of": "2026-11-20", "age": 47, "sex": "female"}
    )
    trial = Trial(id="NCT00000001", registry="ctgov", title="t", criteria=split_criteria(TAGGED))
    evaluation = evaluate(compile_trial(trial), PatientFacts(patient, date(2026, 11, 20)))
    assert (evaluation.verdict, evaluation.open_strata) == (Verdict.POSSIBLE, ("control group",))
    assert evaluation.reason == (
        "possible for stratum control group; stratum patient group excluded (age 47, outside 18 to 40 years)"
    )
