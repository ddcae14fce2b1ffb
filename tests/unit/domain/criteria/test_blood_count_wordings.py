"""Blood count and coagulation wordings the registries print: the rule values a clinician checks, and the
verdicts they give patients with values in range, out of range or unknown."""

from __future__ import annotations

import one_criterion
from one_criterion import lab, outcome, patient

from trialmatch.domain.criteria.base import Comparator
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.facts import PatientFacts
from trialmatch.domain.trial import Section

INC = Section.INCLUSION
EXC = Section.EXCLUSION


def _platelets(value: float) -> PatientFacts:
    return patient(labs=[{"test": "platelets", "value": value, "unit": "/µL"}])


def test_a_bracket_left_open_before_an_abbreviation_in_brackets_runs_to_the_end_of_the_item() -> None:
    text = (
        "Platelet greater than or equal to 75,000/mm(3) (unless impairment due to Immune thrombocytopenic "
        "purpura (ITP)"
    )
    rule = lab(text)
    assert (rule.analyte, rule.comparator, rule.value, rule.unit) == (
        "platelets",
        Comparator.GE,
        75000,
        "/µL",
    )
    (waiver,) = rule.exceptions
    assert waiver.waived
    assert waiver.concept is None
    assert waiver.text is not None
    assert waiver.text.startswith("unless impairment due to Immune thrombocytopenic")
    assert outcome(INC, text, _platelets(120000)) is Outcome.PASS
    assert outcome(INC, text, _platelets(40000)) is Outcome.UNKNOWN  # may be the ITP the trial waives
    assert outcome(INC, text, patient()) is Outcome.UNKNOWN


def test_a_platelet_count_printed_without_unit_under_the_lower_window_is_per_microlitre() -> None:
    context = "PATIENT CHARACTERISTICS: Hematopoietic"
    rule = lab("Platelet count greater than 20,000", INC, context)
    assert (rule.analyte, rule.comparator, rule.value, rule.unit) == (
        "platelets",
        Comparator.GT,
        20000,
        "/µL",
    )
    assert rule.unit_inferred
    assert outcome(INC, "Platelet count greater than 20,000", _platelets(25000), context) is Outcome.PASS
    assert outcome(INC, "Platelet count greater than 20,000", _platelets(15000), context) is Outcome.FAIL
    # a bare small number may be a count per 10⁴/µL: the canonical unit keeps its window
    assert one_criterion.review("Platelet count greater than 20").startswith("no unit given")


HAEMATOLOGIC_DISEASE = (
    "Laboratory evidence of hematologic disease (hemoglobin <11.1 g/dl [females] or <12.5 g/dl [males]; "
    "absolute leukocyte count <3.4 or >11.0 x 103/mm3; absolute eosinophil count >0.6 x 103/mm3 or platelet "
    "count <125 x 103/mm3)."
)


def _counts(sex: str, hemoglobin: float, wbc: float = 6.0, platelets: float = 250) -> PatientFacts:
    labs = [
        {"test": "hemoglobin", "value": hemoglobin, "unit": "g/dL"},
        {"test": "WBC", "value": wbc, "unit": "10^9/L"},
        {"test": "eosinophils", "value": 0.2, "unit": "10^9/L"},
        {"test": "platelets", "value": platelets, "unit": "10^9/L"},
    ]
    return patient(sex=sex, labs=labs)


def test_a_condition_defined_by_a_list_whose_last_item_is_joined_by_or_is_any_of_its_values() -> None:
    rule = one_criterion.exclusion(HAEMATOLOGIC_DISEASE)
    assert rule.kind == "any_of"
    hemoglobin, leukocytes, eosinophils, platelets = rule.children
    assert [(r.sex, r.comparator, r.value, r.unit) for r in hemoglobin.children] == [
        ("female", Comparator.LT, 11.1, "g/dL"),
        ("male", Comparator.LT, 12.5, "g/dL"),
    ]
    assert one_criterion.limits(leukocytes) == [
        ("wbc", Comparator.LT, 3.4, "10^9/L"),
        ("wbc", Comparator.GT, 11.0, "10^9/L"),
    ]
    assert one_criterion.limits(eosinophils) == [("eosinophils", Comparator.GT, 0.6, "10^9/L")]
    assert one_criterion.limits(platelets) == [("platelets", Comparator.LT, 125, "10^9/L")]
    assert outcome(EXC, HAEMATOLOGIC_DISEASE, _counts("female", 12.0)) is Outcome.PASS
    assert outcome(EXC, HAEMATOLOGIC_DISEASE, _counts("male", 12.0)) is Outcome.FAIL
    assert outcome(EXC, HAEMATOLOGIC_DISEASE, _counts("female", 13.0, wbc=12.5)) is Outcome.FAIL
    assert outcome(EXC, HAEMATOLOGIC_DISEASE, _counts("female", 13.0, platelets=100)) is Outcome.FAIL
    assert outcome(EXC, HAEMATOLOGIC_DISEASE, patient()) is Outcome.UNKNOWN


def test_a_definition_listing_values_with_bare_commas_and_an_and_stays_unread() -> None:
    text = "Hematologic disease (hemoglobin < 10 g/dL, platelets < 100,000/mm3 and WBC < 3,000/mm3)"
    assert one_criterion.exclusion(text).kind == "review"


CYTOPENIAS = (
    "The ANC <1000/cmm, or platelet count <50,000/cmm, if these cytopenias are not judged by the "
    "investigator to be due to underlying disease (i.e. potentially reversible with anti-neoplastic therapy)"
)


def _anc_and_platelets(anc: float, platelets: float) -> PatientFacts:
    labs = [
        {"test": "ANC", "value": anc, "unit": "/µL"},
        {"test": "platelets", "value": platelets, "unit": "/µL"},
    ]
    return patient(labs=labs)


def test_a_condition_naming_these_cytopenias_narrows_every_threshold_before_it() -> None:
    rule = one_criterion.exclusion(CYTOPENIAS)
    assert rule.kind == "any_of"
    assert one_criterion.limits(rule) == [
        ("anc", Comparator.LT, 1000, "/µL"),
        ("platelets", Comparator.LT, 50000, "/µL"),
    ]
    for threshold in rule.children:
        (condition,) = threshold.exceptions
        assert condition.waived
        assert condition.concept is None
        assert condition.text is not None
        assert condition.text.startswith("if these cytopenias are not judged by the investigator")
    assert outcome(EXC, CYTOPENIAS, _anc_and_platelets(2000, 150000)) is Outcome.PASS
    # low counts exclude only when not due to the disease, which the patient file does not say
    assert outcome(EXC, CYTOPENIAS, _anc_and_platelets(600, 150000)) is Outcome.UNKNOWN
    assert outcome(EXC, CYTOPENIAS, _anc_and_platelets(2000, 20000)) is Outcome.UNKNOWN
    assert outcome(EXC, CYTOPENIAS, patient()) is Outcome.UNKNOWN


def test_a_condition_after_several_thresholds_that_does_not_name_them_all_stays_unread() -> None:
    """Which threshold the condition binds is not said; read partly, the thresholds alone never exclude."""
    text = "ANC < 1000/mm3, or platelet count < 50,000/mm3, if not judged to be due to underlying disease"
    rule = one_criterion.exclusion(text)
    assert rule.kind == "all_of"
    assert [child.kind for child in rule.children] == ["any_of", "review"]


UNCONTROLLED_DIABETES = "Uncontrolled diabetes (or glycated haemoglobin >7% / 53 mmol/mol)."


def _hba1c(value: float, uncontrolled: bool) -> PatientFacts:
    labs = [{"test": "HbA1c", "value": value, "unit": "%"}]
    return patient(labs=labs, findings={"uncontrolled diabetes": uncontrolled})


def test_an_hba1c_percentage_printed_again_in_ifcc_units_after_a_slash_is_one_threshold() -> None:
    rule = one_criterion.exclusion(UNCONTROLLED_DIABETES)
    assert rule.kind == "any_of"
    finding, hba1c = rule.children
    assert (finding.kind, finding.concept) == ("finding", "uncontrolled_diabetes")
    assert (hba1c.analyte, hba1c.comparator, hba1c.value, hba1c.unit) == ("hba1c", Comparator.GT, 7.0, "%")
    assert outcome(EXC, UNCONTROLLED_DIABETES, _hba1c(6.4, uncontrolled=False)) is Outcome.PASS
    assert outcome(EXC, UNCONTROLLED_DIABETES, _hba1c(7.8, uncontrolled=False)) is Outcome.FAIL
    assert outcome(EXC, UNCONTROLLED_DIABETES, patient()) is Outcome.UNKNOWN
    # a restatement that disagrees with the percentage is not a threshold to guess from
    assert one_criterion.review("glycated haemoglobin >7% / 75 mmol/mol").startswith("the bracketed value")


def test_a_stratum_label_on_each_of_two_thresholds_is_not_dropped() -> None:
    # masked as a whole-item label, both limits were required of every patient
    text = "HbA1c ≤ 10% (Stratum A), < 6.5% (Stratum B)"
    assert one_criterion.review(text).startswith("a stratum label on one of several thresholds")
    only = lab("Platelets ≥ 100,000/µL (only for Stratum D)")
    assert (only.analyte, only.comparator, only.value, only.unit) == (
        "platelets",
        Comparator.GE,
        100000,
        "/µL",
    )
