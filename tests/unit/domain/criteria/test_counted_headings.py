"""Items under a heading that counts them, more than one needed ("more than ONE of the following chronic
medical conditions ..., they are NOT eligible"): one feature alone neither excludes nor admits."""

from __future__ import annotations

from one_criterion import entered, patient

from trialmatch.domain.compiled import compile_trial
from trialmatch.domain.criteria import LabThreshold, NeedsReview, parse_criterion
from trialmatch.domain.criteria.logic import Alternative
from trialmatch.domain.evaluation import Outcome, evaluate
from trialmatch.domain.trial import Criterion, Section, Trial

CHRONIC = (
    "more than ONE of the following chronic medical conditions (based on the medical history and during "
    "screening), they are NOT eligible to participate in the study"
)
TRIGLYCERIDES = "Fasting triglycerides more than or equal to 1.7 mmol/l"
GLUCOSE = "Fasting glucose more than or equal to 6.0 mmol/l"


def test_an_exclusion_feature_counted_with_others_is_left_for_review_not_read_as_excluding_alone() -> None:
    rule = parse_criterion(TRIGLYCERIDES, Section.EXCLUSION, CHRONIC)

    assert isinstance(rule, NeedsReview)
    assert rule.why == (
        "one of the features its heading counts ('more than one of the following'): judge it with the others"
    )


def test_triglycerides_alone_no_longer_exclude_the_patient() -> None:
    criteria = [
        Criterion(section=Section.EXCLUSION, text=text, context=CHRONIC) for text in (TRIGLYCERIDES, GLUCOSE)
    ]
    trial = Trial(id="NCT05706389", registry="ctgov", title="t", criteria=criteria)
    facts = patient(labs=entered(("triglycerides", 2.0, "mmol/L"), ("fasting glucose", 5.0, "mmol/L")))

    outcomes = [r.result for r in evaluate(compile_trial(trial), facts).results]

    assert outcomes == [Outcome.UNKNOWN, Outcome.UNKNOWN]  # was: triglycerides fail, the patient excluded


def test_the_same_item_under_an_any_of_exclusion_heading_still_excludes() -> None:
    rule = parse_criterion(TRIGLYCERIDES, Section.EXCLUSION, "Any of the following")

    assert isinstance(rule, LabThreshold)
    assert (rule.analyte, rule.comparator.symbol, rule.value, rule.unit) == (
        "triglycerides",
        "≥",
        1.7,
        "mmol/L",
    )


def test_more_than_one_of_the_following_over_inclusions_needs_two_alternatives_not_one() -> None:
    heading = "Patients with more than one of the following"
    rule = parse_criterion("Fasting glucose ≥ 7.0 mmol/L", Section.INCLUSION, heading)

    assert isinstance(rule, Alternative)
    assert (rule.needed, rule.group) == (2, "patients with more than one of the following")
    (child,) = rule.children
    assert isinstance(child, LabThreshold)
    assert (child.analyte, child.comparator.symbol, child.value, child.unit) == (
        "fasting_glucose",
        "≥",
        7.0,
        "mmol/L",
    )


def test_two_or_more_of_the_following_inclusions_pass_with_two_met_and_fail_with_one() -> None:
    heading = "High risk, defined by 2 or more of the following criteria"
    texts = ("Fasting glucose ≥ 7.0 mmol/L", "Fasting triglycerides ≥ 1.7 mmol/L", "BMI ≥ 30 kg/m2")
    criteria = [Criterion(section=Section.INCLUSION, text=text, context=heading) for text in texts]
    trial = compile_trial(Trial(id="NCT00000001", registry="ctgov", title="t", criteria=criteria))
    two = patient(
        labs=entered(("fasting glucose", 8.0, "mmol/L"), ("triglycerides", 2.0, "mmol/L")),
        weight_kg=60,
        height_cm=170,
    )
    one = patient(
        labs=entered(("fasting glucose", 8.0, "mmol/L"), ("triglycerides", 1.0, "mmol/L")),
        weight_kg=60,
        height_cm=170,
    )

    assert [r.result for r in evaluate(trial, two).results] == [Outcome.PASS] * 3
    assert [r.result for r in evaluate(trial, one).results] == [Outcome.PASS, Outcome.FAIL, Outcome.FAIL]


DIAGNOSIS = "DISEASE CHARACTERISTICS: Diagnosis of one of the following"
APLASTIC = f"{DIAGNOSIS}: Severe aplastic anemia as defined by either of the following"
COUNTS = f"{APLASTIC}: At least 2 of the following abnormal peripheral blood counts"


def test_a_count_under_one_of_several_diagnoses_does_not_exclude_a_patient_with_another() -> None:
    # NCT00003816: the counts define one of the diagnoses; a leukaemia patient with normal counts is not
    # ineligible for lacking two of them.
    criteria = [
        Criterion(section=Section.INCLUSION, text="Acute leukemia", context=DIAGNOSIS),
        Criterion(section=Section.INCLUSION, text="Platelet count < 20,000/mm^3", context=COUNTS),
        Criterion(section=Section.INCLUSION, text="Neutrophil count < 500/mm^3", context=COUNTS),
    ]
    trial = Trial(id="NCT00003816", registry="ctgov", title="t", criteria=criteria)
    rule = compile_trial(trial).criteria[1].rule
    assert isinstance(rule, Alternative)
    assert rule.group == DIAGNOSIS.lower()
    facts = patient(labs=entered(("platelets", 200, "10^9/L"), ("anc", 3.0, "10^9/L")))

    found = evaluate(compile_trial(trial), facts)

    assert found.verdict.value == "possible"
    assert [r.result for r in found.results[1:]] == [Outcome.UNKNOWN, Outcome.UNKNOWN]
