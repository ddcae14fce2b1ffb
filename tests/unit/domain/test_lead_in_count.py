"""A lead-in printed as a bullet among bullets that says how many items it heads ("Meet at least 2 of the
following 3 criteria:") heads that many: read with only the first, NCT05687604's "BMI of ≥25" failed the
woman with a BMI of 22.8 whom the other two alternatives may qualify."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from trialmatch.domain.compiled import compile_trial
from trialmatch.domain.evaluation import Outcome, Verdict, evaluate
from trialmatch.domain.facts import PatientFacts
from trialmatch.domain.lead_in_count import stated_item_count
from trialmatch.domain.patient import load_patient
from trialmatch.domain.segmentation import split_criteria
from trialmatch.domain.trial import Trial

DATA = Path(__file__).parents[2] / "data" / "segmentation"
HEAD = "Meet at least 2 of the following 3 criteria"


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Meet at least 2 of the following 3 criteria:", 3),
        ("Meets 1 of the 3 following criteria:", 3),
        ("it is permitted, provided the following three CNS criteria are met:", None),
        ("meets either of the following two criteria:", 2),
        ("Not abstaining from the following 24 hours prior to the experimental session:", None),
        ("Meet at least 2 of the following criteria:", None),
        ("Meet at least 2 of the following 3 criteria", None),
    ],
)
def test_a_lead_in_states_how_many_items_it_heads(text, count):
    assert stated_item_count(text) == count


def nct05687604() -> Trial:
    text = (DATA / "NCT05687604_counted_flat_lead_in.txt").read_text(encoding="utf-8")
    return Trial(id="NCT05687604", registry="ctgov", title="t", criteria=split_criteria(text))


def test_the_lead_in_heads_its_three_bullets_and_no_more():
    inclusion = [(c.context, c.text) for c in nct05687604().criteria if c.section.value == "inclusion"]
    assert inclusion[2:6] == [
        (HEAD, "Engage in <150 min/week of physical activity"),
        (HEAD, "BMI of ≥25"),
        (HEAD, "Report daily smoking."),
        (None, "History of cancer (all tumor types)"),
    ]


def test_a_bmi_of_22_8_leaves_the_two_other_alternatives_to_decide():
    raw = {
        "format": "trialmatch-patient/1",
        "as_of": "2026-11-20",
        "age": 62,
        "sex": "female",
        "weight_kg": 62,
        "height_cm": 165,
    }
    evaluation = evaluate(compile_trial(nct05687604()), PatientFacts(load_patient(raw), date(2026, 11, 20)))
    assert evaluation.verdict is Verdict.POSSIBLE
    (bmi,) = [r for r in evaluation.results if r.text == "BMI of ≥25"]
    assert (bmi.result, bmi.reason) == (
        Outcome.UNKNOWN,
        "BMI 22.8 kg/m² is below the required 25 kg/m²; 0 of the 3 alternatives under "
        "'meet at least 2 of the following' met, 2 needed: the others decide",
    )


def test_a_bulleted_lead_in_without_a_count_still_heads_only_its_first_bullet():
    text = (
        "Inclusion Criteria:\n- Meet at least 2 of the following criteria:\n- BMI of ≥25\n"
        "- Report daily smoking.\n- Age 18 or older"
    )
    assert [c.context for c in split_criteria(text)] == [
        "Meet at least 2 of the following criteria",
        None,
        None,
    ]
