"""CTCAE v5.0 grades read from the shipped grade texts as the thresholds they mean."""

from __future__ import annotations

import pytest

from trialmatch.domain.criteria.base import Comparator
from trialmatch.domain.criteria.reading.ctcae import GradeBound, grade_bounds

LE, GE, LT, GT = Comparator.LE, Comparator.GE, Comparator.LT, Comparator.GT


@pytest.mark.parametrize(
    ("analyte", "grade", "bounds"),
    [
        ("anc", 1, (GradeBound(GE, 1500.0, "/µL", None),)),
        ("platelets", 1, (GradeBound(GE, 75000.0, "/µL", None),)),
        ("hemoglobin", 1, (GradeBound(GE, 10.0, "g/dL", None),)),
        ("alt", 1, (GradeBound(LE, 3.0, None, "uln"),)),
        ("bilirubin", 1, (GradeBound(LE, 1.5, None, "uln"),)),
        ("creatinine", 0, (GradeBound(LE, 1.0, None, "uln"),)),
        ("inr", 1, (GradeBound(LE, 1.5, "1", None),)),
        ("lipase", 1, (GradeBound(LE, 1.5, None, "uln"),)),
        ("sodium", 1, (GradeBound(LE, 150.0, "mmol/L", None), GradeBound(GE, 130.0, "mmol/L", None))),
        ("magnesium", 2, (GradeBound(LE, 3.0, "mg/dL", None), GradeBound(GE, 0.9, "mg/dL", None))),
    ],
)
def test_at_most_a_grade(analyte, grade, bounds):
    assert grade_bounds(analyte, True, grade) == bounds


def test_at_least_a_grade_is_beyond_the_grade_below():
    assert grade_bounds("anc", False, 2) == (GradeBound(LT, 1500.0, "/µL", None),)
    assert grade_bounds("ast", False, 3) == (GradeBound(GT, 5.0, None, "uln"),)


def test_grades_that_symptoms_decide_have_no_lab_bound():
    # Hypokalaemia grades 1 and 2 share "<LLN - 3.0 mmol/L"; lipase grades 2 and 3 share ">2.0 - 5.0 x ULN".
    assert grade_bounds("potassium", True, 1) is None
    assert grade_bounds("lipase", True, 2) is None
    assert grade_bounds("calcium", True, 1) is None
