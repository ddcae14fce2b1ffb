"""A multiple of the ULN restated in a bracket as the value it comes to on the typical ULN ("TBIL > 2.5 × ULN
(3.0 mg/dL)", bilirubin's typical ULN being 1.2 mg/dL): the printed value is the trial's threshold, read as
printed, also inside a condition; a bracket that comes to another value stays for review."""

from __future__ import annotations

from one_criterion import entered, exclusion, lab, patient, result, review, thresholds

from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

EXC = Section.EXCLUSION
HEPATIC = (
    "Hepatic:ALT > 3 × ULN (tumor liver metastasis ≥ 5×ULN); AST > 3×ULN (tumor liver metastasis ≥ 5×ULN);"
    " TBIL > 1.5 ×ULN or TBIL>2.5 × ULN (3.0 mg/dL) in Gilbert syndrome subjects;"
)


def _bilirubin(value: float, **findings: bool) -> object:
    return patient(
        labs=entered(("total bilirubin", value, "mg/dL"), ("ALT", 30, "U/L"), ("AST", 30, "U/L")),
        findings={name.replace("_", " "): present for name, present in findings.items()},
    )


def test_the_bracket_in_the_gilbert_condition_is_the_limit_for_those_patients():
    *_, bilirubin = thresholds(exclusion(HEPATIC))
    (gilbert,) = bilirubin.exceptions
    assert (bilirubin.analyte, bilirubin.comparator.value, bilirubin.value, bilirubin.multiple_of) == (
        "bilirubin",
        ">",
        1.5,
        "uln",
    )
    assert (gilbert.concept, gilbert.comparator.value, gilbert.value, gilbert.unit, gilbert.multiple_of) == (
        "gilbert_syndrome",
        ">",
        3.0,
        "mg/dL",
        None,
    )


def test_a_gilbert_patient_is_excluded_only_above_3_mg_dl_others_above_1_5_uln():
    assert result(EXC, HEPATIC, _bilirubin(2.5, gilbert_syndrome=True)).result is Outcome.PASS
    assert result(EXC, HEPATIC, _bilirubin(3.4, gilbert_syndrome=True)).result is Outcome.FAIL
    assert result(EXC, HEPATIC, _bilirubin(2.5, gilbert_syndrome=False)).result is Outcome.FAIL
    assert result(EXC, HEPATIC, _bilirubin(1.0)).result is Outcome.PASS
    assert result(EXC, HEPATIC, _bilirubin(2.5)).result is Outcome.UNKNOWN  # Gilbert's not recorded
    assert result(EXC, HEPATIC, patient()).result is Outcome.UNKNOWN


def test_a_lone_multiple_restated_so_reads_as_the_printed_value():
    rule = lab("Total bilirubin ≤ 1.5 × ULN (1.8 mg/dL)")
    assert (rule.analyte, rule.comparator.value, rule.value, rule.unit, rule.multiple_of) == (
        "bilirubin",
        "<=",
        1.8,
        "mg/dL",
        None,
    )


def test_a_bracket_that_is_not_the_multiple_of_the_typical_limit_stays_for_review():
    assert "2.0 mg/dL" in review("Total bilirubin ≤ 1.5 × ULN (2.0 mg/dL)")
    assert "3.5 mg/dL" in review(HEPATIC.replace("3.0 mg/dL", "3.5 mg/dL"), EXC)
