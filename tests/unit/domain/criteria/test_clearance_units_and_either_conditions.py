"""Creatinine printed in a clearance unit with its calculation method, and "patients with X or with <limit>"
read as either; each judged for the patients a clinician would check it on."""

from __future__ import annotations

import pytest
from one_criterion import entered, limits_with_multiples, outcome, patient

from trialmatch.domain.criteria import parse_criterion
from trialmatch.domain.criteria.derived import DerivedValueRule
from trialmatch.domain.criteria.logic import leaves
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

INC, EXC = Section.INCLUSION, Section.EXCLUSION
PASS, FAIL, UNKNOWN = Outcome.PASS, Outcome.FAIL, Outcome.UNKNOWN


COCKCROFT = "Creatinine ≤ 30 mL/minute (using Cockroft-Gault formula)."


def test_creatinine_in_a_clearance_unit_takes_the_method_named_after_it() -> None:
    rule = parse_criterion(COCKCROFT, INC, None)
    assert isinstance(rule, DerivedValueRule)
    assert limits_with_multiples(rule) == [("crcl", "≤", 30.0, "mL/min", None)]
    assert rule.method == "cockcroft-gault"


def test_a_method_after_a_serum_creatinine_limit_still_names_no_clearance() -> None:
    rule = parse_criterion("Creatinine ≤ 1.5 mg/dL (Cockcroft-Gault)", INC, None)
    assert rule.kind == "review"


@pytest.mark.parametrize(("clearance", "expected"), [(25.0, PASS), (45.0, FAIL), (None, UNKNOWN)])
def test_creatinine_in_a_clearance_unit_verdicts(clearance: float | None, expected: Outcome) -> None:
    labs = entered(("Creatinine clearance", clearance, "mL/min")) if clearance is not None else []
    assert outcome(INC, COCKCROFT, patient(labs=labs)) is expected


DIABETES_OR_ANAEMIA = "Patients with uncontrolled diabetes or with hemoglobin of <10.0 g/dL"


def test_a_condition_before_or_with_a_threshold_is_an_alternative_not_its_label() -> None:
    rule = parse_criterion(DIABETES_OR_ANAEMIA, EXC, None)
    assert rule.kind == "any_of"
    assert [leaf.kind for leaf in leaves(rule)] == ["finding", "lab"]
    assert limits_with_multiples(rule) == [("hemoglobin", "<", 10.0, "g/dL", None)]


def test_a_condition_before_or_with_a_threshold_excludes_on_either() -> None:
    normal_haemoglobin = entered(("Hemoglobin", 12.0, "g/dL"))
    diabetic = patient(findings={"uncontrolled diabetes": True}, labs=normal_haemoglobin)
    assert outcome(EXC, DIABETES_OR_ANAEMIA, diabetic) is FAIL
    anaemic = patient(findings={"uncontrolled diabetes": False}, labs=entered(("Hemoglobin", 9.0, "g/dL")))
    assert outcome(EXC, DIABETES_OR_ANAEMIA, anaemic) is FAIL
    neither = patient(findings={"uncontrolled diabetes": False}, labs=normal_haemoglobin)
    assert outcome(EXC, DIABETES_OR_ANAEMIA, neither) is PASS


@pytest.mark.parametrize(
    "text",
    [
        "Diabetics with HbA1c greater than or equal to 10%, or with a history of retinopathy and/or "
        "neuropathy;",
        "Patients with a history or current renal dysfunction, nephritic syndrome, or nephritis, and with "
        "estimated glomerular filtration rate (eGFR) of ≤30 mL/min/1.73 m2 at screening",
    ],
)
def test_a_with_item_that_may_narrow_the_one_before_stays_for_review(text: str) -> None:
    assert parse_criterion(text, EXC, None).kind == "review"
