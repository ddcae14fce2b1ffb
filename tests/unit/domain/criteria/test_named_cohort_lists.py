"""A heading that is one named cohort's own list ("Erectile dysfunction cohort Exclusion Criteria", "Part B
inclusion criteria") bounds its items to that cohort's patients: read for everyone, "Active smoker" excluded
the smokers of the trial's other cohort."""

from __future__ import annotations

from one_criterion import outcome, patient

from trialmatch.domain.criteria import AllOf, AnyOf, FindingRule, NeedsReview, parse_criterion
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

ED_EXCLUSIONS = "Erectile dysfunction cohort Exclusion Criteria"


def test_an_exclusion_of_one_named_cohort_binds_only_its_patients():
    text = "Severe cardiac disease or history of myocardial infarction"
    rule = parse_criterion(text, Section.EXCLUSION, ED_EXCLUSIONS)
    assert isinstance(rule, AllOf), rule
    cardiac, cohort = rule.children
    assert isinstance(cardiac, AnyOf), cardiac
    assert [(c.concept, c.present) for c in cardiac.children if isinstance(c, FindingRule)] == [
        ("cardiovascular_disease", True),
        ("myocardial_infarction", True),
    ]
    assert isinstance(cohort, NeedsReview), cohort
    assert "('erectile dysfunction cohort exclusion criteria')" in cohort.why
    smoker = patient(findings={"current smoker": True})
    assert outcome("exclusion", "Active smoker", smoker, ED_EXCLUSIONS) is Outcome.UNKNOWN
    assert outcome("exclusion", "Active smoker", smoker) is Outcome.FAIL
    no_heart_disease = patient(findings={"cardiovascular disease": False})
    assert outcome("exclusion", text, no_heart_disease, ED_EXCLUSIONS) is Outcome.PASS


def test_an_inclusion_of_one_named_part_is_met_or_left_to_the_clinician():
    context = "Part B inclusion criteria"
    rule = parse_criterion("Measurable disease", Section.INCLUSION, context)
    assert isinstance(rule, AnyOf), rule
    measurable = patient(findings={"measurable disease": True})
    assert outcome("inclusion", "Measurable disease", measurable, context) is Outcome.PASS
    none = patient(findings={"measurable disease": False})
    assert outcome("inclusion", "Measurable disease", none, context) is Outcome.UNKNOWN


def test_a_heading_for_every_cohort_binds_everyone():
    for context in ("All cohorts exclusion criteria", "Study cohort exclusion criteria"):
        rule = parse_criterion("Brain metastases", Section.EXCLUSION, context)
        assert isinstance(rule, FindingRule), rule
        assert (
            outcome("exclusion", "Brain metastases", patient(findings={"brain metastases": True}), context)
            is Outcome.FAIL
        )
