"""Items of a heading that excludes from the exploratory research ("the following are considered criteria for
exclusion from the exploratory genetic research"): they keep a patient out of the research, not the trial."""

from __future__ import annotations

from one_criterion import patient, result

from trialmatch.domain.criteria import NeedsReview, parse_criterion
from trialmatch.domain.criteria.temporal import TemporalTherapyRule
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

GENETIC_RESEARCH = (
    "In addition, the following are considered criteria for exclusion from the exploratory genetic research"
)
TRANSPLANT = "Prior allogeneic bone marrow transplant."


def test_an_exclusion_from_the_genetic_research_is_left_for_review() -> None:
    rule = parse_criterion(TRANSPLANT, Section.EXCLUSION, GENETIC_RESEARCH)

    assert isinstance(rule, NeedsReview)
    assert rule.why == (
        "asked only of the patients in an optional part of the study "
        "('exclusion from the exploratory genetic research'): judge it for them"
    )


def test_a_transplanted_patient_is_not_failed_for_the_whole_trial() -> None:
    transplanted = patient(
        treatments=[
            {
                "name": "allogeneic bone marrow transplant",
                "category": "stem cell transplant",
                "start": "2022-03-01",
            }
        ]
    )
    assert result(Section.EXCLUSION, TRANSPLANT, transplanted, GENETIC_RESEARCH).result is Outcome.UNKNOWN


def test_an_exclusion_from_the_study_itself_still_excludes() -> None:
    rule = parse_criterion(
        TRANSPLANT, Section.EXCLUSION, "The following are criteria for exclusion from the study"
    )

    assert isinstance(rule, TemporalTherapyRule)
    assert (rule.categories, rule.relation, rule.qualifier) == (
        ["stem cell transplant"],
        "prior",
        "allogeneic",
    )
