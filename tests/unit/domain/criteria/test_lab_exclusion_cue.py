""" "Exclude if" opening an exclusion restates the section: the thresholds after it are what excludes."""

from __future__ import annotations

from one_criterion import entered, exclusion, lab, limit_of, outcome, patient, review

from trialmatch.domain.criteria import FindingRule
from trialmatch.domain.criteria.logic import AnyOf
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

ASTHMA = (
    "Moderate /severe persistent asthma within the past 2 years or any uncontrolled asthma. "
    "Exclude if FEV1 <50% of predicted normal."
)


def test_the_threshold_after_exclude_if_is_what_excludes():
    rule = lab("Excluded if creatinine > 2 mg/dL", Section.EXCLUSION)
    assert limit_of(rule) == ("creatinine", ">", 2, "mg/dL")
    text = "Exclude if FEV1 <50% of predicted normal."
    assert outcome("exclusion", text, patient(labs=entered(("fev1", 45, "%")))) is Outcome.FAIL
    assert outcome("exclusion", text, patient(labs=entered(("fev1", 70, "%")))) is Outcome.PASS
    assert outcome("exclusion", text, patient()) is Outcome.UNKNOWN


def test_the_asthma_and_the_low_fev1_each_exclude():
    rule = exclusion(ASTHMA)
    assert isinstance(rule, AnyOf)
    asthma, fev1 = rule.children
    assert isinstance(asthma, FindingRule)
    assert (asthma.concept, asthma.present) == ("asthma", True)
    assert limit_of(fev1) == ("fev1", "<", 50, "%")
    well = patient(labs=entered(("fev1", 85, "%")), findings={"asthma": False})
    assert outcome("exclusion", ASTHMA, well) is Outcome.PASS
    low = patient(labs=entered(("fev1", 40, "%")), findings={"asthma": False})
    assert outcome("exclusion", ASTHMA, low) is Outcome.FAIL
    asthmatic = patient(labs=entered(("fev1", 85, "%")), findings={"asthma": True})
    assert outcome("exclusion", ASTHMA, asthmatic) is Outcome.UNKNOWN  # its severity is not on file
    assert outcome("exclusion", ASTHMA, patient(findings={"asthma": False})) is Outcome.UNKNOWN


def test_among_the_inclusions_exclude_if_is_not_read():
    assert "exclude if" in review("Exclude if FEV1 <50% of predicted normal.")
