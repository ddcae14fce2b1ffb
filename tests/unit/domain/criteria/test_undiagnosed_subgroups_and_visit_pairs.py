"""A limit for the patients never diagnosed with a condition ("HbA1c > 6.5% at screening in a person not
previously diagnosed with diabetes"), and the visits a lung-function value is taken at ("at Visits 1 and 2",
"% of predicted normal for adults")."""

from __future__ import annotations

from one_criterion import entered, exclusion, inclusion, lab, outcome, patient, result, review, thresholds

from trialmatch.domain.criteria.finding import FindingRule
from trialmatch.domain.criteria.logic import AnyOf
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

UNDIAGNOSED = (
    "Newly diagnosed diabetes within the past three months or HbA1c > 6.5% at screening in a person not"
    " previously diagnosed with diabetes"
)


def test_the_limit_is_waived_for_the_patients_already_diagnosed():
    rule = exclusion(UNDIAGNOSED)
    assert isinstance(rule, AnyOf)
    finding, _ = rule.children
    assert isinstance(finding, FindingRule)
    assert (finding.concept, finding.present) == ("diabetes", True)
    (hba1c,) = thresholds(rule)
    assert (hba1c.analyte, hba1c.comparator.symbol, hba1c.value, hba1c.unit) == ("hba1c", ">", 6.5, "%")
    assert [(e.concept, e.waived) for e in hba1c.exceptions] == [("diabetes", True)]


def test_an_undiagnosed_patient_with_a_high_hba1c_is_excluded_and_no_one_else_is():
    high = entered(("HbA1c", 7.2, "%"))
    normal = entered(("HbA1c", 5.4, "%"))
    assert outcome("exclusion", UNDIAGNOSED, patient(labs=high, findings={"diabetes": False})) is Outcome.FAIL
    assert (
        outcome("exclusion", UNDIAGNOSED, patient(labs=normal, findings={"diabetes": False})) is Outcome.PASS
    )
    # a known diabetic's HbA1c is not what the limit is for: the waiver goes to the clinician, never a fail
    alone = "HbA1c > 6.5% in a person not previously diagnosed with diabetes"
    diabetic = result("exclusion", alone, patient(labs=high, findings={"diabetes": True}))
    assert diabetic.result is Outcome.UNKNOWN
    assert "waived: diabetes mellitus recorded" in diabetic.reason
    assert outcome("exclusion", alone, patient(labs=high)) is Outcome.UNKNOWN


def test_other_wordings_of_a_diagnosis_never_made():
    for text in (
        "HbA1c > 6.5% at screening in patients who have not been diagnosed with diabetes",
        "HbA1c > 6.5% in subjects never diagnosed with diabetes",
    ):
        hba1c = lab(text, Section.EXCLUSION)
        assert (hba1c.comparator.symbol, hba1c.value) == (">", 6.5)
        assert [e.concept for e in hba1c.exceptions] == ["diabetes"]


def test_a_diagnosis_the_lexicon_does_not_know_stays_for_review():
    assert review(
        "HbA1c > 6.5% in a person not previously diagnosed with prediabetic state", Section.EXCLUSION
    )


def test_a_value_taken_at_two_numbered_visits_is_the_value():
    rule = inclusion(
        "Pre-bronchodilator forced expiratory volume (FEV1) ≤ 80% of predicted normal for adults at Visits 1"
        " and 2, prior to randomization"
    )
    (fev1,) = thresholds(rule)
    assert (fev1.analyte, fev1.comparator.symbol, fev1.value, fev1.unit) == ("fev1", "≤", 80.0, "%")
    low = patient(labs=entered(("FEV1", 65.0, "%")))
    high = patient(labs=entered(("FEV1", 92.0, "%")))
    text = "FEV1 ≥ 40% of predicted at screening visits 1, 2 and 3"
    assert lab(text).value == 40.0
    assert outcome("inclusion", text, low) is Outcome.PASS
    assert outcome("inclusion", "FEV1 ≤ 80% of predicted normal at Visits 1 and 2", high) is Outcome.FAIL


def test_a_bare_visit_number_list_without_visits_is_not_taken_for_a_timepoint():
    # "1 and 2" alone are numbers that may be limits: the plural "visits" must name them
    assert review("FEV1 ≤ 80% of predicted normal at weeks 1 and 2")
