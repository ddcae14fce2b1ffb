"""Items a heading asks only of the patients in an optional part of the study ("To participate in the
research biopsies during endoscopy, subjects must have the following lab values"): not the trial's own."""

from __future__ import annotations

from one_criterion import entered, patient, result

from trialmatch.domain.criteria import LabThreshold, NeedsReview, parse_criterion
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

BIOPSIES = (
    "To participate in the research biopsies during endoscopy, subjects must have the following lab values "
    "within two weeks of the procedure"
)
HEMATOCRIT = "Hematocrit greater than or equal to 30%"


def test_a_limit_for_the_research_biopsies_is_left_for_review() -> None:
    rule = parse_criterion(HEMATOCRIT, Section.INCLUSION, BIOPSIES)

    assert isinstance(rule, NeedsReview)
    assert rule.why == (
        "asked only of the patients in an optional part of the study ('to participate in the research'): "
        "judge it for them"
    )


def test_a_patient_below_the_biopsy_limit_is_not_failed_for_the_whole_trial() -> None:
    low = patient(labs=entered(("hematocrit", 28, "%")))

    assert result(Section.INCLUSION, HEMATOCRIT, low, BIOPSIES).result is Outcome.UNKNOWN  # was: fail


def test_the_same_limit_under_an_organ_function_heading_is_the_trials() -> None:
    rule = parse_criterion(HEMATOCRIT, Section.INCLUSION, "Adequate organ function as defined by")

    assert isinstance(rule, LabThreshold)
    assert (rule.analyte, rule.comparator.symbol, rule.value, rule.unit) == ("hematocrit", "≥", 30.0, "%")
    assert result(Section.INCLUSION, HEMATOCRIT, patient(labs=entered(("hematocrit", 28, "%")))).result is (
        Outcome.FAIL
    )


def test_an_exclusion_of_the_optional_substudy_is_not_the_trials() -> None:
    heading = "Substudy Exclusion Criteria: Potential participants are excluded from the substudy if"
    rule = parse_criterion("Platelet count < 100,000/mm3", Section.EXCLUSION, heading)

    assert isinstance(rule, NeedsReview)
    assert "excluded from the substudy" in rule.why
