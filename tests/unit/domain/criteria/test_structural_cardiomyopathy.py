"""A cardiomyopathy called "structural" is the cardiomyopathy finding; with the low ejection fraction that
defines it, an exclusion excludes a patient who has both."""

from __future__ import annotations

from one_criterion import entered, exclusion, limits_with_multiples, outcome, patient

from trialmatch.domain.criteria import AllOf, FindingRule
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

LOW_LVEF = "Known structural cardiomyopathy with abnormal left ventricular ejection fraction (LVEF) (<50%)."


def test_structural_cardiomyopathy_with_a_low_ejection_fraction_is_both():
    rule = exclusion(LOW_LVEF)
    assert isinstance(rule, AllOf)
    finding = rule.children[0]
    assert isinstance(finding, FindingRule)
    assert (finding.concept, finding.present) == ("cardiomyopathy", True)
    assert limits_with_multiples(rule) == [("lvef", "<", 50.0, "%", None)]


def test_a_patient_is_excluded_only_with_the_cardiomyopathy_and_the_low_ejection_fraction():
    def judged(lvef: float | None, cardiomyopathy: bool | None) -> Outcome:
        fields: dict[str, object] = {}
        if lvef is not None:
            fields["labs"] = entered(("LVEF", lvef, "%"))
        if cardiomyopathy is not None:
            fields["findings"] = {"cardiomyopathy": cardiomyopathy}
        return outcome(Section.EXCLUSION, LOW_LVEF, patient(**fields))

    assert judged(40, True) is Outcome.FAIL
    assert judged(60, True) is Outcome.PASS
    assert judged(40, False) is Outcome.PASS
    assert judged(None, True) is Outcome.UNKNOWN
    assert judged(40, None) is Outcome.UNKNOWN
