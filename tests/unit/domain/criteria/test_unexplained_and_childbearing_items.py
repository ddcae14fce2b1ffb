"""Words that change what a finding sentence excludes: "unexplained" narrows a fever, and a woman of
childbearing potential "unless using contraception" is a group of her own beside pregnancy."""

from one_criterion import finding_shape, inclusion, outcome, patient, review

from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

INC = Section.INCLUSION


def test_no_unexplained_fever_does_not_fail_a_patient_whose_fever_is_explained():
    assert finding_shape(inclusion("No unexplained fever")) == ("fever", False, "any", ["unexplained"])
    assert outcome(INC, "No unexplained fever", patient(findings={"fever": True})) is Outcome.UNKNOWN
    assert outcome(INC, "No unexplained fever", patient(findings={"fever": False})) is Outcome.PASS


def test_a_woman_of_childbearing_potential_after_pregnancy_is_a_group_of_her_own():
    text = (
        "Is pregnant or breast-feeding, or a woman of childbearing potential unless using effective "
        "contraception as determined by the investigator. Subjects whom the investigator considers may be at "
        "risk of pregnancy will have a pregnancy test performed per institutional standard."
    )
    assert review(text, Section.EXCLUSION) == (
        "women of childbearing potential listed as a group of their own beside pregnancy"
    )
