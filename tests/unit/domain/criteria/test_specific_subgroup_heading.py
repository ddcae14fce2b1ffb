"""Items under a heading "criteria specific to <a subgroup>" bind only that subgroup."""

from one_criterion import outcome, patient

from trialmatch.domain.criteria import parse_criterion
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

HEADING = (
    "Non inclusion criteria specific to the phase 2 study in patients with unfavorable serum marker decrease"
    " and mediastinal primary tumor (to be confirmed before the end of the 1st BEP cycle)"
)


def test_an_exclusion_specific_to_the_phase_2_subgroup_does_not_exclude_everyone():
    # Read for everyone, "Patient with Hepatitis C antibody" failed every HCV-positive patient of the trial,
    # though only the phase 2 patients (unfavourable marker decline, mediastinal primary) are bound by it.
    text = "Patient with Hepatitis C antibody"
    rule = parse_criterion(text, Section.EXCLUSION, HEADING)
    assert rule.kind == "all_of"
    hcv, subgroup = rule.children
    assert (hcv.kind, hcv.concept, hcv.present) == ("finding", "hcv", True)
    assert subgroup.kind == "review"
    assert "criteria specific to the phase 2 study in patients with unfavorable" in subgroup.why
    assert outcome("exclusion", text, patient(findings={"hepatitis C": True}), HEADING) is Outcome.UNKNOWN
    assert outcome("exclusion", text, patient(findings={"hepatitis C": False}), HEADING) is Outcome.PASS


def test_an_inclusion_specific_to_a_subgroup_is_met_or_judged():
    heading = HEADING.removeprefix("Non ").capitalize()
    text = "No brain metastases"
    rule = parse_criterion(text, Section.INCLUSION, heading)
    assert rule.kind == "any_of"
    assert outcome("inclusion", text, patient(findings={"brain metastases": False}), heading) is Outcome.PASS
    assert (
        outcome("inclusion", text, patient(findings={"brain metastases": True}), heading) is Outcome.UNKNOWN
    )


def test_criteria_specific_to_every_patient_bind_everyone():
    heading = "Criteria specific to all patients"
    rule = parse_criterion("Patient with Hepatitis C antibody", Section.EXCLUSION, heading)
    assert (rule.kind, rule.concept) == ("finding", "hcv")


def test_criteria_specific_to_a_labelled_cohort_are_left_to_its_stratum():
    heading = "All Cohorts: Exclusion criteria specific to Cohort A2"
    rule = parse_criterion("Patient with Hepatitis C antibody", Section.EXCLUSION, heading)
    assert (rule.kind, rule.concept) == ("finding", "hcv")
