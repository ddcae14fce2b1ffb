"""Heart and blood-pressure criteria: ejection fraction, QTc, blood pressure and heart rate thresholds, and
the list wording around them."""

from __future__ import annotations

from trialmatch.domain.criteria import AllOf, AnyOf, FindingRule, LabThreshold, NeedsReview, parse_criterion
from trialmatch.domain.trial import Section


def test_an_inclusion_no_covers_every_item_of_its_list():
    rule = parse_criterion("No severe heart failure or LVEF less than 50%", Section.INCLUSION)
    assert isinstance(rule, AllOf)
    finding, lvef = rule.children
    assert isinstance(finding, FindingRule)
    assert (finding.concept, finding.present) == ("heart_failure", False)
    assert isinstance(lvef, LabThreshold)
    assert (lvef.analyte, lvef.comparator.value, lvef.value, lvef.unit) == ("lvef", ">=", 50.0, "%")


def test_an_inclusion_no_list_with_its_own_no_on_an_item_keeps_that_item_absent():
    rule = parse_criterion("No active infection, no HIV or platelets below 50,000/mm3", Section.INCLUSION)
    assert isinstance(rule, AllOf)
    infection, hiv, platelets = rule.children
    assert isinstance(infection, FindingRule)
    assert isinstance(hiv, FindingRule)
    assert [(f.concept, f.present) for f in (infection, hiv)] == [("active_infection", False), ("hiv", False)]
    assert isinstance(platelets, LabThreshold)
    assert (platelets.analyte, platelets.comparator.value, platelets.value) == ("platelets", ">=", 50000.0)


def test_an_inclusion_no_list_joined_by_and_stays_for_review():
    rule = parse_criterion("No active infection and platelets below 50,000/mm3", Section.INCLUSION)
    assert isinstance(rule, NeedsReview)


def test_two_minimums_for_one_value_joined_by_or_keep_the_second_for_review():
    # "ECHO greater than 30%" is a shortening fraction: read as LVEF > 30 % it admits an LVEF of 35 %; kept
    # for review beside the LVEF it is an alternative to (see test_partial_readings)
    rule = parse_criterion("LVEF greater than 50% OR ECHO greater than 30%", Section.INCLUSION)
    assert isinstance(rule, AnyOf)
    assert isinstance(rule.children[1], NeedsReview)
    assert rule.children[1].text == "OR ECHO greater than 30%"


def test_a_low_and_a_high_limit_joined_by_or_are_still_read():
    rule = parse_criterion("Diastolic BP < 50 mmHg or > 90 mmHg.", Section.EXCLUSION)
    assert isinstance(rule, AnyOf)
    assert [
        (c.analyte, c.comparator.value, c.value) for c in rule.children if isinstance(c, LabThreshold)
    ] == [
        ("dbp", "<", 50.0),
        ("dbp", ">", 90.0),
    ]


def test_an_excluded_pressure_above_a_pair_excludes_on_either_value():
    rule = parse_criterion("BP > 160/100 mm Hg", Section.EXCLUSION)
    assert isinstance(rule, AnyOf)
    assert [
        (c.analyte, c.comparator.value, c.value, c.unit) for c in rule.children if isinstance(c, LabThreshold)
    ] == [
        ("sbp", ">", 160.0, "mmHg"),
        ("dbp", ">", 100.0, "mmHg"),
    ]


def test_a_required_pressure_below_a_pair_requires_both_values():
    rule = parse_criterion("BP ≤ 140/90 mmHg", Section.INCLUSION)
    assert isinstance(rule, AllOf)
    assert [
        (c.analyte, c.comparator.value, c.value) for c in rule.children if isinstance(c, LabThreshold)
    ] == [
        ("sbp", "<=", 140.0),
        ("dbp", "<=", 90.0),
    ]


def test_a_pressure_below_a_pair_as_an_exclusion_stays_for_review():
    # hypotension "< 90/50": trials mean either value or both
    assert isinstance(parse_criterion("Blood pressure < 90/50 mmHg", Section.EXCLUSION), NeedsReview)
    assert isinstance(parse_criterion("Blood pressure more than 160/100", Section.INCLUSION), NeedsReview)


def test_upper_limit_or_normal_is_still_the_misprinted_upper_limit_of_normal():
    text = "Bilirubin no greater than 1.5 times upper limit or normal (ULN)"
    rule = parse_criterion(text, Section.INCLUSION)
    assert isinstance(rule, LabThreshold)
    assert (rule.analyte, rule.comparator.value, rule.value) == ("bilirubin", "<=", 1.5)
    assert rule.multiple_of == "uln"


def test_raised_values_joined_by_and_or_in_an_inclusion_are_either():
    # an isolated systolic hypertension (150/80) meets "SBP ≥ 140 and/or DBP ≥ 90"
    rule = parse_criterion("SBP ≥ 140 mmHg and/or DBP ≥ 90 mmHg", Section.INCLUSION)
    assert isinstance(rule, AnyOf)
    assert [
        (c.analyte, c.comparator.value, c.value) for c in rule.children if isinstance(c, LabThreshold)
    ] == [
        ("sbp", ">=", 140.0),
        ("dbp", ">=", 90.0),
    ]


def test_safety_minimums_joined_by_and_or_in_an_inclusion_are_still_all_required():
    rule = parse_criterion("ANC ≥ 1500/µL and/or platelets ≥ 100,000/µL", Section.INCLUSION)
    assert isinstance(rule, AllOf)


def test_a_threshold_with_a_finding_after_it_needs_both_and_keeps_the_class_for_the_clinician():
    rule = parse_criterion("Known LVEF <50% with heart failure NYHA Grade ≥2.", Section.EXCLUSION)
    assert isinstance(rule, AllOf)
    lvef, finding = rule.children
    assert isinstance(lvef, LabThreshold)
    assert (lvef.analyte, lvef.comparator.value, lvef.value) == ("lvef", "<", 50.0)
    assert isinstance(finding, FindingRule)
    assert (finding.concept, finding.present) == ("heart_failure", True)
    assert [e.text for e in finding.exceptions] == ["NYHA Grade ≥2"]


def test_a_threshold_for_patients_with_a_finding_is_not_read_as_both():
    rule = parse_criterion("AST and/or ALT =< 5 x ULN for patients with liver involvement", Section.INCLUSION)
    assert not (
        isinstance(rule, AllOf) and any(isinstance(c, FindingRule) and c.present for c in rule.children)
    )


def test_a_nyha_class_below_a_limit_in_the_inclusions_is_not_read_as_heart_failure_required():
    # it refuses heart failure of the limit's class or above (see test_nyha_class_below_a_limit)
    rule = parse_criterion("NYHA class < III", Section.INCLUSION)
    assert isinstance(rule, FindingRule)
    assert (rule.concept, rule.present) == ("heart_failure", False)
    rule = parse_criterion("NYHA class < III", Section.EXCLUSION)
    assert isinstance(rule, NeedsReview)
    assert rule.why == "a NYHA class below a limit: patients with heart failure and without it"
