""" "Type 1 or type 2 diabetes" names two findings, its numbers no thresholds; an HbA1c "during
hospitalization" is a value at another time than the file's, kept as written and judged unknown."""

from __future__ import annotations

from one_criterion import entered, inclusion, outcome, patient

from trialmatch.domain.criteria import AnyOf, FindingRule, LabThreshold
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

INC = Section.INCLUSION
DIABETES_OR_HBA1C = (
    "patients with type 1 or type 2 Diabetes Mellitus or those with an HbA1C level greater than or equal to "
    "6.5% during hospitalization."
)


def test_either_diabetes_type_or_an_hba1c_during_the_hospital_stay():
    rule = inclusion(DIABETES_OR_HBA1C)
    assert isinstance(rule, AnyOf)
    types, hba1c = rule.children
    assert isinstance(types, AnyOf)
    assert [(f.concept, f.present) for f in types.children if isinstance(f, FindingRule)] == [
        ("type1_diabetes", True),
        ("type2_diabetes", True),
    ]
    assert isinstance(hba1c, LabThreshold)
    assert (hba1c.analyte, hba1c.comparator.value, hba1c.value, hba1c.unit, hba1c.multiple_of) == (
        "hba1c",
        ">=",
        6.5,
        "%",
        None,
    )
    assert hba1c.timepoint == "during hospitalization"


def test_a_diabetic_passes_and_an_hba1c_of_today_is_not_the_one_of_the_stay():
    assert outcome(INC, DIABETES_OR_HBA1C, patient(findings={"type 2 diabetes": True})) is Outcome.PASS
    no_diabetes = {"type 1 diabetes": False, "type 2 diabetes": False}
    for value in (7.2, 5.4):
        facts = patient(findings=no_diabetes, labs=entered(("HbA1c", value, "%")))
        assert outcome(INC, DIABETES_OR_HBA1C, facts) is Outcome.UNKNOWN
    assert outcome(INC, DIABETES_OR_HBA1C, patient()) is Outcome.UNKNOWN
