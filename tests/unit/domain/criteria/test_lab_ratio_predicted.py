"""A limit "FEV1/FVC at least 75% predicted" is on the ratio as a percentage of the predicted ratio, an
analyte of its own (75% of a predicted 0.8 is 0.6), never the ratio itself; "FEV-1/FVC" is the ratio, not the
FEV1 and the FVC."""

from __future__ import annotations

import pytest
from one_criterion import entered, lab, patient, result

from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

_PULMONARY = "Pulmonary: FEV1/FVC at least 75% predicted"
_HEADING = "PATIENT CHARACTERISTICS: Pulmonary"


@pytest.mark.parametrize(
    ("text", "analyte", "comparator", "value"),
    [
        (_PULMONARY, "fev1_fvc_predicted", ">=", 75.0),
        ("FEV-1/FVC at least 80% of predicted", "fev1_fvc_predicted", ">=", 80.0),
        ("FEV-1/FVC ratio less than 70%", "fev1_fvc", "<", 70.0),
        ("FEV1/FVC at least 75%", "fev1_fvc", ">=", 75.0),
    ],
)
def test_the_ratio_or_its_percentage_of_predicted(text: str, analyte: str, comparator: str, value: float):
    rule = lab(text, Section.INCLUSION, _HEADING)
    assert (rule.analyte, rule.comparator.value, rule.value, rule.unit, rule.multiple_of) == (
        analyte,
        comparator,
        value,
        "%",
        None,
    )


@pytest.mark.parametrize(
    ("labs", "outcome"),
    [
        ([("FEV1/FVC (% predicted)", 82.0, "%")], Outcome.PASS),
        ([("FEV1/FVC (% predicted)", 70.0, "%")], Outcome.FAIL),
        ([("FEV1/FVC", 65.0, "%")], Outcome.UNKNOWN),  # the ratio itself says nothing of its percentage
        ([], Outcome.UNKNOWN),
    ],
)
def test_the_percent_predicted_ratio_is_judged_on_its_own_value(labs: list, outcome: Outcome):
    facts = patient(labs=entered(*labs))
    assert result("inclusion", _PULMONARY, facts, _HEADING).result is outcome
