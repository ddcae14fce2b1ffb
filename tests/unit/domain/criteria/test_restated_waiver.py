"""A sentence that lets in the patients a limit's waiver already names (``lab_restated_waiver``)."""

from __future__ import annotations

from one_criterion import entered, inclusion, limits_with_multiples, outcome, patient, review

from trialmatch.domain.criteria import LabThreshold
from trialmatch.domain.evaluation import Outcome

RESTATED = (
    "Total bilirubin ≤ 2.0 × institutional upper limit of normal, unless the subject had a known diagnosis of"
    " Gilbert's disease. If a subject had Gilbert's disease, he/she could have participated in this study,"
    " however must have been monitored closely during the study."
)
SAME_CONCEPT = (
    "Total bilirubin ≤ 1.5 × ULN unless Gilbert's syndrome. Patients with Gilbert's syndrome may participate."
)


def test_the_sentence_admitting_the_waived_patients_is_read_with_the_limit() -> None:
    rule = inclusion(RESTATED)
    assert isinstance(rule, LabThreshold), rule
    assert limits_with_multiples(rule) == [("bilirubin", "≤", 2.0, None, "uln")]
    (waiver,) = rule.exceptions
    assert waiver.waived
    assert waiver.text == "unless the subject had a known diagnosis of Gilbert's disease"
    rule = inclusion(SAME_CONCEPT)
    assert isinstance(rule, LabThreshold), rule
    assert limits_with_multiples(rule) == [("bilirubin", "≤", 1.5, None, "uln")]
    assert [(e.concept, e.waived) for e in rule.exceptions] == [("gilbert_syndrome", True)]


def test_verdicts_keep_the_limit_for_patients_without_the_waiver() -> None:
    high = entered(("bilirubin", 3.0, "mg/dL"))
    assert (
        outcome("inclusion", SAME_CONCEPT, patient(labs=entered(("bilirubin", 0.8, "mg/dL")))) is Outcome.PASS
    )
    assert outcome("inclusion", SAME_CONCEPT, patient(findings={"gilbert_syndrome": True}, labs=high)) is (
        Outcome.PASS
    )
    assert outcome("inclusion", SAME_CONCEPT, patient(findings={"gilbert_syndrome": False}, labs=high)) is (
        Outcome.FAIL
    )


def test_a_permission_for_other_patients_than_the_waiver_names_stays_for_review() -> None:
    review(
        "Total bilirubin ≤ 1.5 × ULN unless Gilbert's syndrome."
        " Patients with liver metastases may participate."
    )
    review("Total bilirubin ≤ 1.5 × ULN. Patients with Gilbert's syndrome may participate.")
