"""A PSA limit under a heading that defines a prostate cancer risk group or the diagnosis is the PSA at
diagnosis (risk groups are set on the pre-treatment value): read with that time and judged unknown, asking for
it, not compared with today's PSA. A heading about the disease now keeps today's value."""

from __future__ import annotations

import pytest
from one_criterion import entered, lab, patient, result, thresholds

from trialmatch.domain.criteria import parse_criterion
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

FAVORABLE = (
    "DISEASE CHARACTERISTICS: Patient has been classified as favorable risk as defined by the following"
)
LOW_INTERMEDIATE = "Diagnosed with low/intermediate-risk prostate cancer"
RISK_CRITERIA = (
    "Intermediate- or high-risk PCa, defined as at least one of the following risk criteria (note; both the "
    "clinical T-stage and imaging T stage are noted in the CRF)"
)
CASTRATION_RESISTANCE = "Castration resistance, demonstrated by"


def _mcrpc():
    """A 71-year-old man with metastatic castration-resistant prostate cancer on leuprolide since 2023, whose
    PSA has risen to 48.6 ng/mL."""
    return patient(
        age=71,
        sex="male",
        diagnosis="metastatic castration-resistant prostate cancer",
        labs=entered(("PSA", 48.6, "ng/mL")),
        treatments=[{"name": "leuprolide", "category": "hormone therapy", "start": "2023-05-02"}],
    )


@pytest.mark.parametrize(
    ("context", "text", "expected"),
    [
        (FAVORABLE, "PSA ≤ 10.0 ng/mL", ("psa", "<=", 10.0, "at diagnosis")),  # NCT00499174
        (LOW_INTERMEDIATE, "PSA < 20 ng/ml", ("psa", "<", 20.0, "at diagnosis")),  # NCT05673005, NCT03862599
    ],
)
def test_a_psa_limit_under_a_risk_group_heading_is_the_value_at_diagnosis(
    context: str, text: str, expected: tuple
):
    rule = lab(text, Section.INCLUSION, context)
    assert (rule.analyte, rule.comparator.value, rule.value, rule.timepoint) == expected
    assert rule.unit == "ng/mL"


def test_a_psa_limit_among_the_risk_criteria_is_the_value_at_diagnosis():
    # NCT05705921: one of the criteria the heading counts, each at diagnosis.
    rule = parse_criterion("PSA ≥ 20 ng/mL", Section.INCLUSION, RISK_CRITERIA)
    (psa,) = thresholds(rule)
    assert (psa.analyte, psa.comparator.value, psa.value, psa.timepoint) == (
        "psa",
        ">=",
        20.0,
        "at diagnosis",
    )


def test_only_the_psa_of_a_risk_combination_moves_to_diagnosis():
    # NCT00005044: Gleason score and T stage are not values that treatment changes.
    context = "Patients at intermediate risk for disease relapse as determined by any of the following"
    rule = parse_criterion(
        "Clinical stage T1b-4, Gleason score 7, and prostate-specific antigen < 20.",
        Section.INCLUSION,
        context,
    )
    timed = {(t.analyte, t.timepoint) for t in thresholds(rule)}
    assert ("psa", "at diagnosis") in timed
    assert all(when is None for analyte, when in timed if analyte != "psa")


@pytest.mark.parametrize(
    ("context", "text", "reason"),
    [
        (FAVORABLE, "PSA ≤ 10.0 ng/mL", "needs the PSA at diagnosis (≤ 10 ng/mL)"),
        (LOW_INTERMEDIATE, "PSA < 20 ng/ml", "needs the PSA at diagnosis (< 20 ng/mL)"),
        (RISK_CRITERIA, "PSA ≥ 20 ng/mL", "needs the PSA at diagnosis (≥ 20 ng/mL)"),
    ],
)
def test_the_castration_resistant_patient_is_not_failed_on_his_current_psa(
    context: str, text: str, reason: str
):
    found = result("inclusion", text, _mcrpc(), context)
    assert found.result is Outcome.UNKNOWN
    assert found.reason == f"{reason}; the patient file holds current values only"
    assert found.missing == ("PSA at diagnosis",)


@pytest.mark.parametrize(
    ("context", "text", "expected"),
    [
        (CASTRATION_RESISTANCE, "PSA ≥ 2 ng/mL", Outcome.PASS),
        (CASTRATION_RESISTANCE, "PSA < 2 ng/mL", Outcome.FAIL),
        ("PSA progression defined as", "PSA ≥ 2 ng/mL", Outcome.PASS),
        ("Diagnosed with prostate cancer with a rising PSA", "PSA ≥ 2 ng/mL", Outcome.PASS),
        ("Men at high risk of prostate cancer, defined as", "PSA ≥ 4 ng/mL", Outcome.PASS),
    ],
)
def test_a_psa_limit_under_a_heading_about_the_disease_now_is_todays_value(
    context: str, text: str, expected: Outcome
):
    rule = lab(text, Section.INCLUSION, context)
    assert rule.timepoint is None
    assert result("inclusion", text, _mcrpc(), context).result is expected
