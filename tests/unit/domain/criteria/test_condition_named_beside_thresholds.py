"""A condition named before thresholds is read as defined by them only when they can define it: "Uncontrolled
diabetes (HbA1c > 8%)" is the HbA1c limit, but "Diabetes, platelets < 50,000/mm³" names two conditions, and
read as one it dropped the diabetes (a diabetic patient with normal platelets passed the exclusion)."""

from __future__ import annotations

import one_criterion
import pytest

from trialmatch.domain.criteria.finding import FindingRule
from trialmatch.domain.criteria.lab import LabThreshold
from trialmatch.domain.criteria.logic import AnyOf
from trialmatch.domain.criteria.review import NeedsReview
from trialmatch.domain.evaluation import Outcome

DIABETES_OR_PLATELETS = "Diabetes, platelets < 50,000/mm3"


def test_a_condition_the_thresholds_cannot_define_is_kept_beside_them() -> None:
    rule = one_criterion.exclusion(DIABETES_OR_PLATELETS)
    assert isinstance(rule, AnyOf)
    finding, platelets = rule.children
    assert isinstance(finding, FindingRule)
    assert finding.concept == "diabetes"
    assert isinstance(platelets, LabThreshold)
    assert (platelets.analyte, platelets.comparator.symbol, platelets.value, platelets.unit) == (
        "platelets",
        "<",
        50000.0,
        "/µL",
    )


@pytest.mark.parametrize(
    ("diabetes", "platelets", "expected"),
    [
        (True, 250, Outcome.FAIL),
        (False, 250, Outcome.PASS),
        (False, 30, Outcome.FAIL),
        (None, 250, Outcome.UNKNOWN),
    ],
)
def test_diabetes_or_low_platelets_excludes(
    diabetes: bool | None, platelets: float, expected: Outcome
) -> None:
    findings = {} if diabetes is None else {"diabetes": diabetes}
    facts = one_criterion.patient(
        findings=findings, labs=one_criterion.entered(("platelets", platelets, "10^9/L"))
    )
    assert one_criterion.outcome("exclusion", DIABETES_OR_PLATELETS, facts) is expected


def test_an_unknown_condition_before_unrelated_thresholds_is_left_for_review() -> None:
    rule = one_criterion.exclusion("Uncontrolled hypertension/ platelets < 50,000/mm3")
    assert isinstance(rule, NeedsReview)
    assert rule.why == "words not understood: uncontrolled hypertension"


@pytest.mark.parametrize(
    ("text", "analyte"),
    [
        ("Uncontrolled diabetes (HbA1c > 8%)", "hba1c"),
        ("Anemia with Hb < 8 g/dL", "hemoglobin"),
        ("Morbid obesity (BMI > 40)", "bmi"),
        ("Hypokalemia (potassium < 3.0 mmol/L)", "potassium"),
    ],
)
def test_a_condition_its_thresholds_define_is_read_as_them(text: str, analyte: str) -> None:
    rule = one_criterion.exclusion(text)
    assert rule.kind in {"lab", "derived"}
    assert rule.analyte == analyte  # type: ignore[union-attr]
