""" "FEV1/FVC >0.7 ... or post-bronchodilator FEV1/FVC ≤0.7 but FEV1 ≥ 50% of predicted value": the "but"
between a value and the next test's name joins the two thresholds as "and"; "but not" stays unread."""

from __future__ import annotations

import pytest
from one_criterion import entered, inclusion, limits_with_multiples, patient, result, review

from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

_AIRFLOW = (
    "FEV1/FVC >0.7 (with or without bronchodilator) or post-bronchodilator FEV1/FVC ≤0.7 but FEV1≥ 50% of "
    "predicted value"
)


def test_but_joins_the_two_thresholds_of_the_second_alternative():
    rule = inclusion(_AIRFLOW)
    assert rule.kind == "any_of"
    assert [child.kind for child in rule.children] == ["lab", "all_of"]
    assert limits_with_multiples(rule) == [
        ("fev1_fvc", ">", 0.7, "1", None),
        ("fev1_fvc", "≤", 0.7, "1", None),
        ("fev1", "≥", 50.0, "%", None),
    ]


@pytest.mark.parametrize(
    ("ratio", "fev1", "outcome"),
    [
        (75.0, None, Outcome.PASS),
        (62.0, 58.0, Outcome.PASS),
        (62.0, 41.0, Outcome.FAIL),
        (62.0, None, Outcome.UNKNOWN),
        (None, None, Outcome.UNKNOWN),
    ],
)
def test_an_obstructed_patient_needs_the_fev1_limit(
    ratio: float | None, fev1: float | None, outcome: Outcome
):
    values = [("FEV1/FVC", ratio, "%")] if ratio is not None else []
    values += [("FEV1", fev1, "%")] if fev1 is not None else []
    assert result("inclusion", _AIRFLOW, patient(labs=entered(*values))).result is outcome


def test_but_not_is_left_for_review():
    assert "but not" in review("Creatinine > 2 mg/dL but not creatinine clearance < 30", Section.EXCLUSION)
