"""A total bilirubin limit whose bracket gives the patients with Gilbert's syndrome a direct bilirubin limit
instead: "Total serum bilirubin ≤ 1.5 × ULN (except Gilbert syndrome, this kind of subjects only meet the
requirements of direct bilirubin ≤ 1.5 × ULN)" is the total limit, or Gilbert's syndrome with the direct
limit; a patient above the total limit whose syndrome is not recorded is unknown, not failed."""

from __future__ import annotations

from one_criterion import (
    entered,
    inclusion,
    limits_with_multiples,
    outcome,
    patient,
    review,
)

from trialmatch.domain.criteria import AllOf, AnyOf, FindingRule
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

TEXT = (
    "Total serum bilirubin ≤ 1.5 × ULN (except Gilbert syndrome, this kind of subjects only meet the "
    "requirements of direct bilirubin ≤ 1.5 × ULN);"
)
COLON = "Total serum bilirubin ≤ 1.5 × ULN (except Gilbert syndrome: direct bilirubin ≤ 1.5 × ULN)"


def test_the_direct_limit_is_the_alternative_for_gilbert_syndrome() -> None:
    for text in (TEXT, COLON):
        rule = inclusion(text)
        assert isinstance(rule, AnyOf)
        _, gilbert = rule.children
        assert isinstance(gilbert, AllOf)
        finding = gilbert.children[0]
        assert isinstance(finding, FindingRule)
        assert (finding.concept, finding.present) == ("gilbert_syndrome", True)
        assert limits_with_multiples(rule) == [
            ("bilirubin", "≤", 1.5, None, "uln"),
            ("direct_bilirubin", "≤", 1.5, None, "uln"),
        ]


def test_verdicts_for_the_total_and_the_direct_limit() -> None:
    within = patient(labs=entered(("bilirubin", 1.0, "mg/dL")))
    gilbert = patient(
        findings={"gilbert_syndrome": True},
        labs=entered(("bilirubin", 3.0, "mg/dL"), ("direct bilirubin", 0.2, "mg/dL")),
    )
    raised_direct = patient(
        findings={"gilbert_syndrome": True},
        labs=entered(("bilirubin", 3.0, "mg/dL"), ("direct bilirubin", 0.9, "mg/dL")),
    )
    no_record = patient(labs=entered(("bilirubin", 3.0, "mg/dL")))
    no_syndrome = patient(findings={"gilbert_syndrome": False}, labs=entered(("bilirubin", 3.0, "mg/dL")))
    assert outcome("inclusion", TEXT, within) is Outcome.PASS
    assert outcome("inclusion", TEXT, gilbert) is Outcome.PASS
    assert outcome("inclusion", TEXT, raised_direct) is Outcome.FAIL
    assert outcome("inclusion", TEXT, no_record) is Outcome.UNKNOWN
    assert outcome("inclusion", TEXT, no_syndrome) is Outcome.FAIL
    assert outcome("inclusion", TEXT, patient()) is Outcome.UNKNOWN


def test_an_exclusion_so_printed_stays_for_review() -> None:
    text = "Total bilirubin > 1.5 × ULN (except Gilbert syndrome: direct bilirubin > 1.5 × ULN)"
    assert "another analyte" in review(text, Section.EXCLUSION)
