"""An item that says it binds everyone ("All individuals must be able to give informed consent.") is not one
alternative of the heading above it ("At least one of the following")."""

from __future__ import annotations

from one_criterion import evaluation, patient

from trialmatch.domain.compiled import compile_trial
from trialmatch.domain.criteria import Alternative, FindingRule, parse_criterion
from trialmatch.domain.evaluation import Outcome, evaluate
from trialmatch.domain.trial import Criterion, Section, Trial

HEADING = "At least one of the following"
CONSENT = "All individuals must be able to give informed consent."
MALE_BREAST_CANCER = "A male with breast cancer diagnosed at any age;"


def test_consent_for_all_is_a_requirement_not_one_of_the_alternatives():
    rule = parse_criterion(CONSENT, Section.INCLUSION, HEADING)
    assert isinstance(rule, FindingRule), rule
    assert (rule.concept, rule.present, rule.qualifier) == ("informed_consent", True, "any")
    assert isinstance(parse_criterion(MALE_BREAST_CANCER, Section.INCLUSION, HEADING), Alternative)
    (no_consent,) = evaluation(
        "inclusion", CONSENT, patient(findings={"informed consent": False}), HEADING
    ).results
    assert no_consent.result is Outcome.FAIL


def test_consent_alone_no_longer_meets_the_heading():
    criteria = [
        Criterion(section=Section.INCLUSION, text=text, context=HEADING)
        for text in (MALE_BREAST_CANCER, CONSENT)
    ]
    trial = Trial(id="NCT00001806", registry="ctgov", title="t", criteria=criteria)
    results = evaluate(compile_trial(trial), patient(findings={"informed consent": True})).results
    # the alternative (a diagnosis) is left to the clinician; consent passes on its own
    assert sorted(r.result.value for r in results) == sorted([Outcome.UNKNOWN.value, Outcome.PASS.value])


def test_an_ordinary_item_stays_an_alternative():
    rule = parse_criterion("Informed consent", Section.INCLUSION, HEADING)
    assert isinstance(rule, Alternative), rule
