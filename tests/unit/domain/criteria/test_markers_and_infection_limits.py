"""Tumour markers and infection limits: CD4 counts, viral loads, PSA and testosterone as trials print them."""

from __future__ import annotations

import pytest
from one_criterion import inclusion, lab, limits, outcome, patient

from trialmatch.domain.evaluation import Outcome

# --- CD4 counts named "CD4 lymphocyte", "CD4+ T lymphocytes", "CD4^+" -------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "CD4 lymphocyte",
        "CD4+ lymphocyte count",
        "CD4 T lymphocytes",
        "CD4+ T lymphocyte count",
        "CD4^+ T lymphocytes",
    ],
)
def test_a_cd4_count_named_by_its_lymphocytes_is_one_cd4_limit_not_also_a_lymphocyte_count(name: str):
    rule = lab(f"{name} < 200 cells/µL")
    assert (rule.analyte, rule.comparator, rule.value, rule.unit) == ("cd4", "<", 200.0, "/µL")


def test_a_cd4_lymphocyte_limit_does_not_fail_a_patient_on_the_absolute_lymphocyte_count():
    labs = [
        {"test": "CD4 count", "value": 150, "unit": "/µL"},
        {"test": "absolute lymphocyte count", "value": 1.2, "unit": "10^9/L"},
    ]
    assert outcome("inclusion", "CD4 lymphocyte count < 200 cells/µL", patient(labs=labs)) is Outcome.PASS


def test_hiv_infection_with_a_low_cd4_count_needs_both():
    text = "HIV infection, with CD4^+ T lymphocyte < 200 cells/μL in the last month."
    rule = inclusion(text)
    assert rule.kind == "all_of"
    finding, threshold = rule.children
    assert (finding.kind, finding.concept, finding.present) == ("finding", "hiv", True)
    assert limits(threshold) == [("cd4", "<", 200.0, "/µL")]
    low = [{"test": "CD4 count", "value": 120, "unit": "/µL"}]
    high = [{"test": "CD4 count", "value": 450, "unit": "/µL"}]
    assert outcome("inclusion", text, patient(findings={"HIV": True}, labs=low)) is Outcome.PASS
    assert outcome("inclusion", text, patient(findings={"HIV": True}, labs=high)) is Outcome.FAIL
    assert outcome("inclusion", text, patient(findings={"HIV": False}, labs=low)) is Outcome.FAIL
    assert outcome("inclusion", text, patient(findings={"HIV": True})) is Outcome.UNKNOWN
