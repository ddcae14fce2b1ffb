"""Haematology and coagulation sentences (theme: blood counts, INR, PT, aPTT): what is read, with the values a
clinician checks, and what each reading decides for a patient on either side of the threshold."""

from __future__ import annotations

import pytest
from one_criterion import outcome, patient, result

from trialmatch.domain.criteria import AnyOf, LabThreshold, NeedsReview, parse_criterion
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.facts import PatientFacts
from trialmatch.domain.trial import Section

INC, EXC = Section.INCLUSION, Section.EXCLUSION


# --- "uncorrectable" coagulopathy or thrombocytopenia defined in a bracket ------------------------------

COAGULOPATHY = "Uncorrectable coagulopathy (INR above 1.5)"
THROMBOCYTOPENIA = "Uncorrectable thrombocytopenia (Platelets under 50,000)"


def test_uncorrectable_coagulopathy_is_its_bracket_qualified_as_uncorrectable():
    rule = parse_criterion(COAGULOPATHY, EXC)
    assert isinstance(rule, LabThreshold)
    assert (rule.analyte, rule.comparator.symbol, rule.value, rule.unit) == ("inr", ">", 1.5, "1")
    assert rule.qualifier == "it can be corrected ('Uncorrectable coagulopathy')"


def test_uncorrectable_thrombocytopenia_reads_the_platelet_count_as_per_microlitre():
    rule = parse_criterion(THROMBOCYTOPENIA, EXC)
    assert isinstance(rule, LabThreshold)
    assert (rule.analyte, rule.comparator.symbol, rule.value, rule.unit) == ("platelets", "<", 50000, "/µL")
    assert rule.qualifier == "it can be corrected ('Uncorrectable thrombocytopenia')"


def test_a_value_past_an_uncorrectable_bound_is_left_to_the_clinician_and_a_normal_one_passes():
    assert outcome(EXC, COAGULOPATHY, patient(labs=[{"test": "INR", "value": 2.4}])) is Outcome.UNKNOWN
    assert outcome(EXC, COAGULOPATHY, patient(labs=[{"test": "INR", "value": 1.1}])) is Outcome.PASS
    low = patient(labs=[{"test": "platelets", "value": 30, "unit": "10^9/L"}])
    normal = patient(labs=[{"test": "platelets", "value": 210, "unit": "10^9/L"}])
    assert outcome(EXC, THROMBOCYTOPENIA, low) is Outcome.UNKNOWN
    assert outcome(EXC, THROMBOCYTOPENIA, normal) is Outcome.PASS


def test_an_ie_definition_keeps_uncorrectable_on_every_threshold():
    rule = parse_criterion("Uncorrectable coagulopathy (i.e. INR above 1.5 or aPTT > 1.5 x ULN)", EXC)
    assert isinstance(rule, AnyOf), rule
    leaves = [
        (c.analyte, c.value, c.multiple_of, c.qualifier) for c in rule.children if isinstance(c, LabThreshold)
    ]
    qualifier = "it can be corrected ('Uncorrectable coagulopathy')"
    assert leaves == [("inr", 1.5, None, qualifier), ("ptt", 1.5, "uln", qualifier)]


@pytest.mark.parametrize(
    ("text", "section"),
    [
        (COAGULOPATHY, INC),  # the qualifier would have to be negated with the threshold
        ("Uncorrectable coagulopathy (e.g. INR above 1.5)", EXC),  # an example does not define it
    ],
)
def test_what_uncorrectable_wording_leaves_for_review(text: str, section: Section):
    assert isinstance(parse_criterion(text, section), NeedsReview)


# --- a haemoglobin unit that cannot be meant ---------------------------------------------------------------


def test_a_haemoglobin_of_9_g_per_litre_is_a_unit_typo_read_as_g_per_dl():
    rule = parse_criterion("Hemoglobin >= 9 g/L", INC)
    assert isinstance(rule, LabThreshold)
    assert (rule.analyte, rule.comparator.symbol, rule.value, rule.unit) == ("hemoglobin", "≥", 9, "g/dL")
    assert rule.unit_inferred


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Hemoglobin >= 90 g/L", 90, "g/L"),
        ("Hb < 5 g/dL", 5, "g/dL"),
        ("Hemoglobin ≥ 5.6 mmol/L", 5.6, "mmol/L"),
    ],
)
def test_haemoglobin_thresholds_above_the_typo_floor_are_read(text: str, value: float, unit: str):
    rule = parse_criterion(text, INC)
    assert isinstance(rule, LabThreshold)
    assert (rule.analyte, rule.value, rule.unit) == ("hemoglobin", value, unit)


# --- a clotting time as a multiple of the laboratory's control ----------------------------------------------

PT_CONTROL = "PT no greater than 1.5 times control"


def _pt(value: float, **limits: float) -> PatientFacts:
    return patient(labs=[{"test": "PT", "value": value, "unit": "s", **limits}])


@pytest.mark.parametrize(
    ("text", "analyte", "comparator"),
    [
        (PT_CONTROL, "pt", "<="),
        ("PTT less than 1.5 times control", "ptt", "<"),
        ("Adequate coagulation parameters with: Partial thromboplastin time < 1.5 x control", "ptt", "<"),
        ("PT within 1.5 times the control value", "pt", "<="),
    ],
)
def test_times_control_is_a_multiple_of_the_control_not_of_the_uln(text: str, analyte: str, comparator: str):
    rule = parse_criterion(text, INC)
    assert isinstance(rule, LabThreshold)
    assert (rule.analyte, rule.comparator.value, rule.value, rule.multiple_of) == (
        analyte,
        comparator,
        1.5,
        "control",
    )
    assert rule.describe() == f"{rule.comparator.symbol} 1.5 × control"


def test_the_control_is_bracketed_by_the_laboratory_normal_range():
    # 9.5-11.5 s: 1.5 × control lies between 14.25 and 17.25 s
    assert outcome(INC, PT_CONTROL, _pt(14, lln=9.5, uln=11.5)) is Outcome.PASS
    assert outcome(INC, PT_CONTROL, _pt(16, lln=9.5, uln=11.5)) is Outcome.UNKNOWN
    assert outcome(INC, PT_CONTROL, _pt(17.5, lln=9.5, uln=11.5)) is Outcome.FAIL
    exclusion = "PT > 1.5 x control"
    assert outcome(EXC, exclusion, _pt(14, lln=9.5, uln=11.5)) is Outcome.PASS
    assert outcome(EXC, exclusion, _pt(16, lln=9.5, uln=11.5)) is Outcome.UNKNOWN
    assert outcome(EXC, exclusion, _pt(17.5, lln=9.5, uln=11.5)) is Outcome.FAIL


def test_a_printed_range_of_control_multiples_names_the_control_in_its_reason():
    judged = result(INC, "PT ≤ 1.5-2 x control", _pt(20, lln=11, uln=12.5))
    assert (judged.result, judged.reason) == (
        Outcome.UNKNOWN,
        "PT 20 s (normal range 11 s–12.5 s): within the printed range 1.5–2 × control,"
        " which bound applies is not stated",
    )


def test_a_default_normal_range_decides_nothing_against_a_control():
    assert outcome(INC, PT_CONTROL, _pt(12)) is Outcome.UNKNOWN
    assert outcome(INC, PT_CONTROL, _pt(30)) is Outcome.UNKNOWN
    assert outcome(INC, PT_CONTROL, _pt(30, uln=11.5)) is Outcome.UNKNOWN


def test_an_inclusion_requiring_a_clotting_time_above_its_control_is_left_for_review():
    rule = parse_criterion("SGOT no greater than 150 U/L PT at least 1.5 times control", INC, "Hepatic")
    assert isinstance(rule, NeedsReview)
    assert rule.why == "a clotting time required above its control"


# --- a note printed after limits per sex --------------------------------------------------------------------

ANAEMIA = (
    "Anemia, defined as hemoglobin no greater than 13.5 g/dL for males and no greater than 12.5 g/dL for "
    "females (transfusion prior to study allowed)"
)


def test_a_waiving_note_after_both_limits_per_sex_is_on_both():
    rule = parse_criterion(ANAEMIA, INC, "DISEASE CHARACTERISTICS")
    assert isinstance(rule, AnyOf), rule
    read = [
        (c.sex, c.comparator.value, c.value, [(e.text, e.waived) for e in c.exceptions])
        for c in rule.children
        if isinstance(c, LabThreshold)
    ]
    note = [("transfusion prior to study allowed", True)]
    assert read == [("male", "<=", 13.5, note), ("female", "<=", 12.5, note)]


def test_a_transfused_man_above_the_anaemia_limit_is_left_to_the_clinician():
    man = patient(sex="male", labs=[{"test": "hemoglobin", "value": 14.2, "unit": "g/dL"}])
    assert outcome(INC, ANAEMIA, man) is Outcome.UNKNOWN


def test_a_restricting_note_after_both_limits_per_sex_qualifies_both():
    rule = parse_criterion("Hemoglobin ≥ 9 g/dL (men) or ≥ 8 g/dL (women) (without transfusion)", INC)
    assert isinstance(rule, AnyOf), rule
    read = [(c.sex, c.value, c.qualifier) for c in rule.children if isinstance(c, LabThreshold)]
    assert read == [("male", 9.0, "without transfusion"), ("female", 8.0, "without transfusion")]


def test_a_note_after_the_first_limit_per_sex_stays_on_it():
    rule = parse_criterion(
        "Hemoglobin < 11 g/dL (women) (transfusion allowed) or hemoglobin < 12 g/dL (men)", EXC
    )
    assert isinstance(rule, AnyOf), rule
    read = [(c.sex, len(c.exceptions)) for c in rule.children if isinstance(c, LabThreshold)]
    assert read == [("female", 1), ("male", 0)]
