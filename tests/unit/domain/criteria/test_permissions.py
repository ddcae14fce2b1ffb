"""Inclusion sentences that say who is also accepted must never fail the patients they do not mention."""

from __future__ import annotations

from trialmatch.domain.criteria import AnyOf, FindingRule, LabThreshold, NeedsReview, parse_criterion
from trialmatch.domain.trial import Section

INC, EXC = Section.INCLUSION, Section.EXCLUSION
HIV_ON_THERAPY = (
    "Human immunodeficiency virus (HIV)-infected patients on effective anti-retroviral therapy with "
    "undetectable viral load within 6 months are eligible for this trial."
)


def test_a_comorbidity_that_is_also_accepted_is_met_without_it_and_judged_with_it():
    rule = parse_criterion(HIV_ON_THERAPY, INC)
    assert isinstance(rule, AnyOf)
    without, conditions = rule.children
    assert isinstance(without, FindingRule)
    assert (without.concept, without.present, without.exceptions) == ("hiv", False, [])
    assert isinstance(conditions, NeedsReview)
    assert conditions.text == HIV_ON_THERAPY.rstrip(".")


def test_hepatitis_b_carriers_accepted_on_conditions():
    rule = parse_criterion(
        "Participants who are Hepatitis B surface antigen (HBsAg) positive are eligible if they have "
        "received Hepatitis B virus (HBV) antiviral therapy for at least 4 weeks and have undetectable HBV "
        "viral load.",
        INC,
    )
    assert isinstance(rule, AnyOf)
    assert isinstance(rule.children[0], FindingRule)
    assert (rule.children[0].concept, rule.children[0].present) == ("hbv", False)


def test_a_site_a_trial_may_be_for_goes_to_review():
    rule = parse_criterion(
        "Patients with treated brain metastases are eligible if follow-up brain imaging after central "
        "nervous system (CNS)-directed therapy shows no evidence of progression.",
        INC,
    )
    assert isinstance(rule, NeedsReview)


def test_a_permission_sentence_beside_a_threshold_for_another_analyte_sends_the_item_to_review():
    rule = parse_criterion(
        "Total bilirubin ≤ 1.5X ULN. Patients with known Gilbert's disease and a direct bilirubin ≤ 1.5X ULN "
        "may be enrolled.",
        INC,
    )
    assert isinstance(rule, NeedsReview)


def test_requirements_and_exclusions_are_untouched():
    assert isinstance(parse_criterion("Known HIV infection", EXC), FindingRule)
    required = parse_criterion("Patients must have measurable disease", INC)
    assert isinstance(required, FindingRule)
    assert required.present
    lab = parse_criterion(
        "Hemoglobin greater than or equal to 9 g/dL (Transfusion is allowed to achieve this Hb).", INC
    )
    assert isinstance(lab, LabThreshold)
    assert (lab.analyte, lab.value, lab.unit) == ("hemoglobin", 9.0, "g/dL")


def test_what_a_sentence_asks_of_women_of_childbearing_potential_is_met_by_everyone_else():
    rule = parse_criterion(
        "Female participants of childbearing potential must be using a medically acceptable means of "
        "contraception.",
        INC,
    )
    assert isinstance(rule, AnyOf)
    assert isinstance(rule.children[0], FindingRule)
    assert (rule.children[0].concept, rule.children[0].present) == ("childbearing_potential", False)
    assert isinstance(rule.children[1], NeedsReview)


def test_what_a_sentence_asks_of_men_too_goes_to_review():
    rule = parse_criterion(
        "Women of childbearing potential and men with female partners of childbearing potential must agree "
        "to use effective contraception during treatment and for at least 120 days following the last dose",
        INC,
    )
    assert isinstance(rule, NeedsReview)


CARDIAC = "No clinically significant cardiovascular disease, including any of the following"


def test_an_item_under_a_no_heading_is_something_the_patient_must_not_have():
    rule = parse_criterion("NYHA class II-IV congestive heart failure", INC, CARDIAC)
    assert isinstance(rule, FindingRule)
    assert (rule.concept, rule.present) == ("heart_failure", False)
    assert [e.text for e in rule.exceptions] == ["NYHA class II-IV"]


def test_thresholds_under_a_no_heading_are_negated_exactly():
    rule = parse_criterion(
        "Uncontrolled hypertension, defined as systolic blood pressure (BP) > 140 mm Hg or diastolic BP > 90 "
        "mm Hg",
        INC,
        CARDIAC,
    )
    assert rule.kind == "all_of"
    assert [(c.analyte, c.comparator.value, c.value) for c in rule.children] == [  # type: ignore[attr-defined]
        ("sbp", "<=", 140.0),
        ("dbp", "<=", 90.0),
    ]


def test_an_item_under_a_no_except_heading_is_an_exception():
    rule = parse_criterion(
        "Carcinoma in situ of the cervix", INC, "PATIENT CHARACTERISTICS: Other: No second malignancy except"
    )
    assert isinstance(rule, NeedsReview)


def test_no_more_than_is_not_a_negated_heading():
    rule = parse_criterion("Platelets ≥ 100,000/mm³", INC, "No more than 2 prior regimens, and")
    assert isinstance(rule, LabThreshold)


def test_a_negative_statement_in_the_exclusion_list_goes_to_review():
    for text in (
        "Participants must not have a history of myocarditis.",
        "Female participants of childbearing potential must have a negative pregnancy test prior to "
        "treatment.",
        "- Note: No testing for hepatitis B and hepatitis C is required unless mandated by the local health "
        "authority.",
    ):
        assert isinstance(parse_criterion(text, EXC), NeedsReview), text
    assert isinstance(parse_criterion("No measurable disease", EXC), FindingRule)
