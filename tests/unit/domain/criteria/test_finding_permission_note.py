"""A finding ruled out, then a narrower form of it admitted back: "No CNS metastases. Brain metastases
previously treated with radiotherapy ... allowed if ...". The joined item fails a patient whose finding the
permission cannot cover and leaves one it may cover to the clinician, never failed."""

from __future__ import annotations

from one_criterion import exclusion, finding_shape, inclusion, patient, result

from trialmatch.domain.criteria.finding import FindingRule
from trialmatch.domain.criteria.logic import AllOf, AnyOf
from trialmatch.domain.criteria.review import NeedsReview
from trialmatch.domain.evaluation import Outcome

TREATED_ALLOWED = (
    "No CNS metastases. Brain metastases previously treated with radiotherapy or surgical excision allowed"
    " if no evidence of residual metastases on brain CT or MRI"
)
PERMISSION = TREATED_ALLOWED.split(". ", 1)[1]
CONTEXT = "DISEASE CHARACTERISTICS"
ACTIVE = patient(findings={"active brain metastases": True})
TREATED = patient(findings={"treated brain metastases": True})
STATUS_UNKNOWN = patient(findings={"brain metastases": True})
WITHOUT = patient(findings={"CNS metastases": False})
REVIEW_WHY = "admitted back only on the conditions it states: judge them for a patient who has the finding"


def test_the_permission_is_the_treated_form_of_the_finding_with_its_conditions_for_review():
    rule = inclusion(TREATED_ALLOWED)
    assert isinstance(rule, AnyOf)
    plain, admitted = rule.children
    assert finding_shape(plain) == ("cns_metastases", False, "any", [])
    assert plain.source_span == (0, 17)
    assert isinstance(admitted, AllOf)
    excepted, review = admitted.children
    assert isinstance(excepted, FindingRule)
    assert [(e.concept, e.text) for e in excepted.exceptions] == [("stable_brain_metastases", PERMISSION)]
    assert isinstance(review, NeedsReview)
    assert (review.text, review.why) == (PERMISSION, REVIEW_WHY)


def test_active_brain_metastases_fail_the_joined_item():
    judged = result("inclusion", TREATED_ALLOWED, ACTIVE, CONTEXT)
    assert judged.result is Outcome.FAIL
    assert judged.reason == (
        "none met: CNS metastases present (active brain metastases (untreated, symptomatic or progressing)"
        " recorded)"
    )


def test_treated_brain_metastases_are_left_to_the_clinician_with_the_conditions():
    judged = result("inclusion", TREATED_ALLOWED, TREATED, CONTEXT)
    assert judged.result is Outcome.UNKNOWN
    assert judged.reason == (
        f"CNS metastases present, but treated, stable brain metastases: accepted; needs review: {REVIEW_WHY}"
    )


def test_brain_metastases_of_unknown_treatment_status_are_unknown():
    judged = result("inclusion", TREATED_ALLOWED, STATUS_UNKNOWN, CONTEXT)
    assert judged.result is Outcome.UNKNOWN
    assert judged.reason == (
        "CNS metastases present; whether treated, stable brain metastases is not recorded; needs review:"
        f" {REVIEW_WHY}"
    )


def test_a_patient_without_cns_metastases_passes():
    judged = result("inclusion", TREATED_ALLOWED, WITHOUT, CONTEXT)
    assert (judged.result, judged.reason) == (Outcome.PASS, "CNS metastases recorded as absent")
    assert result("inclusion", TREATED_ALLOWED, patient(), CONTEXT).result is Outcome.UNKNOWN


def test_an_exclusion_excludes_only_beyond_the_admitted_form():
    text = "CNS metastases. Patients with treated brain metastases are eligible if stable for 4 weeks"
    rule = exclusion(text)
    assert isinstance(rule, AnyOf)
    excepted, unmet = rule.children
    assert isinstance(excepted, FindingRule)
    assert (excepted.concept, excepted.present) == ("cns_metastases", True)
    assert [e.concept for e in excepted.exceptions] == ["stable_brain_metastases"]
    assert isinstance(unmet, AllOf)
    assert result("exclusion", text, ACTIVE).result is Outcome.FAIL
    assert result("exclusion", text, TREATED).result is Outcome.UNKNOWN
    assert result("exclusion", text, STATUS_UNKNOWN).result is Outcome.UNKNOWN
    assert result("exclusion", text, WITHOUT).result is Outcome.PASS


def test_a_permission_of_treated_or_untreated_ones_is_not_narrowed_to_the_treated():
    text = "No brain metastases. Brain metastases, treated or untreated, allowed if asymptomatic"
    assert finding_shape(inclusion(text)) == (
        "brain_metastases",
        False,
        "any",
        ["Brain metastases, treated or untreated, allowed if asymptomatic"],
    )
    assert result("inclusion", text, ACTIVE).result is Outcome.UNKNOWN


def test_a_permission_of_the_same_finding_keeps_the_finding_reader_s_unchecked_exception():
    text = (
        "Uncontrolled CNS metastasis. Patients with CNS metastasis will be eligible if they have received CNS"
        " irradiation to control local tumor growth"
    )
    rule = exclusion(text)
    assert isinstance(rule, FindingRule)
    assert (rule.concept, rule.present) == ("cns_metastases", True)
    assert result("exclusion", text, ACTIVE).result is Outcome.UNKNOWN
