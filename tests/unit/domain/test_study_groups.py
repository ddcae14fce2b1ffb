"""Study groups named by a risk group, an ordinal study stage or a control group, on the real eligibility
blocks in tests/data/segmentation: each group's own items bind that group only, so a 47-year-old woman with a
normal ALT and a BMI of 23 is not shut out of a trial another of its groups would take."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from trialmatch.domain.compiled import compile_trial
from trialmatch.domain.evaluation import Verdict, evaluate
from trialmatch.domain.facts import PatientFacts
from trialmatch.domain.patient import load_patient
from trialmatch.domain.segmentation import split_criteria
from trialmatch.domain.study_groups import risk_group, study_stage
from trialmatch.domain.trial import Criterion, Trial

DATA = Path(__file__).parents[2] / "data" / "segmentation"


def block(nct: str) -> str:
    (path,) = DATA.glob(f"{nct}_*.txt")
    return path.read_text(encoding="utf-8")


def strata(criteria: list[Criterion], start: str) -> list[str | None]:
    return [c.stratum for c in criteria if c.text.startswith(start)]


def woman_of_47(*labs: tuple[str, float, str]) -> PatientFacts:
    raw = {
        "format": "trialmatch-patient/1",
        "as_of": "2026-11-20",
        "age": 47,
        "sex": "female",
        "weight_kg": 62,
        "height_cm": 164.6,
        "labs": [{"test": "alt", "value": 20, "unit": "U/L"}]
        + [{"test": test, "value": value, "unit": unit} for test, value, unit in labs],
    }
    return PatientFacts(load_patient(raw), date(2026, 11, 20))


def verdict(text: str, facts: PatientFacts):
    trial = Trial(id="NCT00000001", registry="ctgov", title="t", criteria=split_criteria(text))
    return evaluate(compile_trial(trial), facts)


# -- the names


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        ("The first stage:", "1"),
        ("(2)The second stage: Subjects who meet all of the following criteria", "2"),
        ("The third stage", "3"),
        ("2nd phase of the study", "2"),
        ("Stage III patients", None),
        ("Being a Cancer Patient in the second or third stage", None),
        ("First stage of labour", None),
    ],
)
def test_only_an_ordinal_stage_names_a_study_stage(text, stage):
    assert study_stage(text) == stage


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Standard risk 1: Patients must be < 11 years of age at enrollment", "Standard risk 1"),
        ("Standard risk 2 (SR2)", "Standard risk 2"),
        ("Low risk stage I immature teratoma (IT); site: ovarian", "Low risk stage I immature teratoma"),
        ("Low risk stage I seminoma-MGCT; site: testicular", "Low risk stage I seminoma-MGCT"),
        ("Low-risk disease, defined as white blood cell (WBC) ≤ 10,000/mm^3", "Low risk disease"),
        ("Standard risk", None),
        ("High risk of relapse or progressive disease", None),
        ("High-risk prostate cancer according to NCCN risk categories (T3a or Gleason score 8-10)", None),
        ("High risk or very high risk (as per NCCN 2023): stage T3a", None),
        ("High risk GV (GOV 2/IGV 1)", None),
    ],
)
def test_a_risk_group_is_named_before_what_defines_it(text, group):
    assert risk_group(text) == group


# -- the real blocks


def test_each_risk_group_item_of_the_germ_cell_trial_binds_its_own_group():
    criteria = split_criteria(block("NCT03067181"))
    assert strata(criteria, "Standard risk 1") == ["Standard risk 1", "Standard risk 1"]
    assert strata(criteria, "Standard risk 2") == ["Standard risk 2", "Standard risk 2"]
    assert strata(criteria, "Site: ") == ["Standard risk 2"] * 3  # the sites under "Standard risk 2 (SR2)"
    assert strata(criteria, "Low risk stage I") == [
        "Low risk stage I immature teratoma",
        "Low risk stage I non-seminoma MGCT",
        "Low risk stage I seminoma-MGCT",
    ]
    assert strata(criteria, "There is no age limit for the low risk stratum") == [None]
    assert strata(criteria, "Patients must have a performance status") == [None]


def test_the_stages_of_the_liver_injury_trial_are_its_strata():
    criteria = split_criteria(block("NCT05689645"))
    assert strata(criteria, "Subject serum ALT") == ["1", "2"]
    assert strata(criteria, "Age is 18 and") == ["1", "2", "3"]
    assert strata(criteria, "Severe grade 3 ascites") == ["3"]
    assert strata(criteria, "Previous diagnosis of cirrhosis") == ["1", "2"]


def test_a_control_group_and_the_sibling_printed_like_it_are_two_groups():
    criteria = split_criteria(block("NCT05696977"))
    assert [(c.section.value, c.stratum) for c in criteria] == [
        ("inclusion", "Obese and overweight"),
        ("inclusion", "control group"),
        ("exclusion", None),
        ("exclusion", None),
        ("exclusion", None),
    ]


def test_risk_groups_defined_by_counts_are_two_groups():
    criteria = split_criteria(block("NCT00492856"))
    assert strata(criteria, "Low-risk disease") == ["Low risk disease"]
    assert strata(criteria, "Intermediate-risk disease") == ["Intermediate risk disease"]
    assert strata(criteria, "WBC and platelet count confirming") == [None]


@pytest.mark.parametrize(
    "text",
    [
        "Inclusion Criteria:\n- High risk: PSA > 20 ng/mL\n- Age 18 years or older",
        "Inclusion Criteria:\n- Stage III patients:\n  - Creatinine clearance ≥ 50 mL/min\n"
        "- Stage IV patients",
        "Inclusion Criteria:\n"
        "- Healthy adults with normal kidney function, age 18 to 65 (healthy control group)\n"
        "- Adults with chronic kidney disease, age 18 to 65 (patient group)",
        "Inclusion Criteria:\n- High risk of relapse or progressive disease\n"
        "- Low risk for developing coagulopathy",
    ],
    ids=["one risk group", "disease stages", "healthy controls", "risk as a finding"],
)
def test_what_names_no_second_group_stays_for_everyone(text):
    assert [c.stratum for c in split_criteria(text)] == [None, None]


# -- the verdicts


def test_the_adult_stays_possible_for_the_low_risk_groups_of_the_germ_cell_trial():
    text = block("NCT03067181")
    # The AYA-HEARS pilot's own items follow as plain items, read for everyone: another reading's matter.
    main = text[: text.index("* Eligibility criteria to participate in the pilot")]
    evaluation = verdict(main, woman_of_47())
    assert evaluation.verdict is Verdict.POSSIBLE
    assert evaluation.open_strata == (
        "Low risk stage I immature teratoma",
        "Low risk stage I non-seminoma MGCT",
        "Low risk stage I seminoma-MGCT",
    )
    assert evaluation.reason.endswith(
        "stratum Standard risk 1 excluded (age 47, outside < 11 years); "
        "stratum Standard risk 2 excluded (age 47, outside ≥ 11 and < 25 years)"
    )


def test_a_normal_alt_leaves_the_third_stage_open():
    evaluation = verdict(block("NCT05689645"), woman_of_47())
    assert (evaluation.verdict, evaluation.open_strata) == (Verdict.POSSIBLE, ("3",))
    assert evaluation.reason == (
        "possible for stratum 3; "
        "stratum 1 excluded (ALT 20 U/L is 0.5 × ULN (40 U/L), below the required 2 × ULN "
        "(assumed ULN 40 U/L)); "
        "stratum 2 excluded (ALT 20 U/L is 0.5 × ULN (40 U/L), below the required 5 × ULN "
        "(assumed ULN 40 U/L))"
    )


def test_a_bmi_of_23_leaves_the_control_group_open():
    evaluation = verdict(block("NCT05696977"), woman_of_47())
    assert (evaluation.verdict, evaluation.open_strata) == (Verdict.POSSIBLE, ("control group",))
    assert evaluation.reason == (
        "possible for stratum control group; "
        "stratum Obese and overweight excluded (BMI 22.9 kg/m² is below the required 25 kg/m²)"
    )


def test_platelets_above_40000_leave_the_low_risk_group_open():
    facts = woman_of_47(("wbc", 5, "10^9/L"), ("platelets", 150, "10^9/L"))
    evaluation = verdict(block("NCT00492856"), facts)
    assert (evaluation.verdict, evaluation.open_strata) == (Verdict.POSSIBLE, ("Low risk disease",))
    assert evaluation.reason == (
        "possible for stratum Low risk disease; "
        "stratum Intermediate risk disease excluded (platelets 150 × 10⁹/L is above the allowed 40 × 10⁹/L)"
    )
