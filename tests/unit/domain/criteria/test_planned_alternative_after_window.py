"""A time window does not swallow the planned alternative after it: "Major surgery within 3 months before the
first dose or plans to undergo surgery during the study" excludes the patient with surgery planned too."""

from one_criterion import exclusion, outcome, patient, review, therapy_shape

from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

PLANNED = (
    "Has a major surgery within 3 months before the first dose of the study drug or plans to undergo surgery "
    "during the study."
)


def test_surgery_planned_during_the_study_is_an_alternative_left_for_review():
    assert review(PLANNED, Section.EXCLUSION) == "words not understood: plans during"
    recovering = (
        "Major surgical procedures within 4 weeks prior to the first dose of the study intervention or still "
        "recovering from prior surgery."
    )
    assert review(recovering, Section.EXCLUSION).startswith("words not understood:")
    # No surgery recorded is no longer a pass: whether one is planned is for the clinician.
    judged = outcome(Section.EXCLUSION, PLANNED, patient(findings={"major surgery": False}))
    assert judged is Outcome.UNKNOWN


def test_without_the_planned_surgery_the_window_is_read_as_before():
    rule = exclusion("Has a major surgery within 3 months before the first dose of the study drug.")
    assert therapy_shape(rule) == (["surgery"], "prior", 3, "months", True, "major")
