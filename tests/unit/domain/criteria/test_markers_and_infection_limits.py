"""Tumour markers and infection limits: CD4 counts, viral loads, PSA and testosterone as trials print them."""

from __future__ import annotations

import pytest
from one_criterion import exclusion, inclusion, lab, limits, outcome, patient

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


# --- "Active hepatitis B virus (HBV DNA ≥ 2000 IU/mL)": the qualifier before the virus's full name ----------


def test_active_hepatitis_b_virus_defined_by_its_viral_load_lists_with_the_other_infections():
    text = (
        "Active hepatitis B virus (serum HBV-DNA ≥ 2000 IU/mL), hepatitis C virus (HCV), human"
        " immunodeficiency virus (HIV) or active syphilis infection prior to enrollment."
    )
    rule = exclusion(text)
    assert rule.kind == "any_of"
    hbv, hcv, hiv, syphilis = rule.children
    assert hbv.kind == "all_of"
    assert (hbv.children[0].concept, hbv.children[0].qualifier) == ("hbv", "active")
    assert limits(hbv.children[1]) == [("hbv_dna", ">=", 2000.0, "IU/mL")]
    assert [(c.concept, c.present) for c in (hcv, hiv, syphilis)] == [
        ("hcv", True),
        ("hiv", True),
        ("syphilis", True),
    ]
    carrier = {"hepatitis B": True, "hepatitis C": False, "HIV": False, "syphilis": False}
    low = [{"test": "HBV DNA", "value": 150, "unit": "IU/mL"}]
    high = [{"test": "HBV DNA", "value": 35000, "unit": "IU/mL"}]
    assert outcome("exclusion", text, patient(findings=carrier, labs=low)) is Outcome.PASS
    # a patient file does not say whether a recorded hepatitis B is active now
    assert outcome("exclusion", text, patient(findings=carrier, labs=high)) is Outcome.UNKNOWN
    hcv = {**carrier, "hepatitis B": False, "hepatitis C": True}
    assert outcome("exclusion", text, patient(findings=hcv, labs=low)) is Outcome.FAIL


@pytest.mark.parametrize(
    ("text", "concept"),
    [("Active hepatitis B virus", "hbv"), ("Active hepatitis C virus infection", "hcv")],
)
def test_active_hepatitis_virus_is_the_active_infection(text: str, concept: str):
    rule = exclusion(text)
    assert (rule.kind, rule.concept, rule.present, rule.qualifier) == ("finding", concept, True, "active")


# --- "Preoperative hemoglobin", "Screening PSA": the time of an ordinary draw (a marker's time is in
# test_lab_timepoints) -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Preoperative hemoglobin ≥ 10 g/dL", ("hemoglobin", ">=", 10.0, "g/dL")),
        ("Screening PSA ≥ 2 ng/mL", ("psa", ">=", 2.0, "ng/mL")),
    ],
)
def test_the_time_of_an_ordinary_draw_and_a_screening_marker_still_read(text: str, expected: tuple):
    rule = lab(text)
    assert (rule.analyte, rule.comparator, rule.value, rule.unit) == expected
