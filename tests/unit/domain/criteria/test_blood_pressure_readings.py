"""Blood pressure and heart rate wordings: pairs named by the hypertension they define, values named after
them, treatment wordings carried as qualifiers; the limits a clinician checks and the verdicts they give."""

from __future__ import annotations

from typing import Any

import pytest
from one_criterion import exclusion, inclusion, outcome, patient, review

from trialmatch.domain.criteria import AllOf, AnyOf, LabThreshold, NeedsReview, Rule
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

INC, EXC = Section.INCLUSION, Section.EXCLUSION


def _leaves(rule: Rule) -> list[tuple[str, str, float, str | None, str | None]]:
    """(analyte, comparator, value, unit, qualifier) of each threshold an any_of or all_of joins."""
    assert isinstance(rule, AnyOf | AllOf), rule
    leaves = []
    for child in rule.children:
        assert isinstance(child, LabThreshold), child
        leaves.append((child.analyte, child.comparator.value, child.value, child.unit, child.qualifier))
    return leaves


def _pressure(sbp: float, dbp: float, **fields: Any) -> Any:
    labs = [
        {"test": "systolic blood pressure", "value": sbp, "unit": "mmHg"},
        {"test": "diastolic blood pressure", "value": dbp, "unit": "mmHg"},
    ]
    return patient(labs=labs, **fields)


# --- a pair named by the hypertension it defines ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "sbp", "dbp"),
    [
        ("Hypertension >160/100mmHg", 160.0, 100.0),
        ("Poorly controlled hypertension >130/80 mmHg", 130.0, 80.0),
        ("Patients with uncontrolled high blood pressure (HTN >140/90).", 140.0, 90.0),
        ("Poorly controlled hypertension (average baseline blood pressure greater than 160/90)", 160.0, 90.0),
    ],
)
def test_an_excluded_hypertension_pair_excludes_on_either_value(text: str, sbp: float, dbp: float):
    rule = exclusion(text)
    assert isinstance(rule, AnyOf)
    assert _leaves(rule) == [("sbp", ">", sbp, "mmHg", None), ("dbp", ">", dbp, "mmHg", None)]


def test_hypertension_pair_verdicts():
    text = "Hypertension >160/100mmHg"
    assert outcome(EXC, text, _pressure(170, 90)) is Outcome.FAIL  # isolated systolic hypertension
    assert outcome(EXC, text, _pressure(150, 105)) is Outcome.FAIL
    assert outcome(EXC, text, _pressure(140, 85)) is Outcome.PASS
    assert outcome(EXC, text, patient()) is Outcome.UNKNOWN


def test_a_pair_named_sbp_and_a_defined_hypotension_are_two_exclusions():
    rule = exclusion("Hypertension (SBP>140/90 mmHg) or hypotension (SBP<85 mmHg)")
    assert isinstance(rule, AnyOf)
    high, low = rule.children
    assert _leaves(high) == [("sbp", ">", 140.0, "mmHg", None), ("dbp", ">", 90.0, "mmHg", None)]
    assert isinstance(low, LabThreshold)
    assert (low.analyte, low.comparator.value, low.value) == ("sbp", "<", 85.0)
    text = "Hypertension (SBP>140/90 mmHg) or hypotension (SBP<85 mmHg)"
    assert outcome(EXC, text, _pressure(80, 60)) is Outcome.FAIL
    assert outcome(EXC, text, _pressure(120, 95)) is Outcome.FAIL
    assert outcome(EXC, text, _pressure(120, 80)) is Outcome.PASS


def test_a_pair_in_the_definition_carries_the_treatment_qualifier():
    rule = exclusion("Uncontrolled hypertension (BP > 150/100 mmHg despite medication)")
    qualifier = "measured on treatment ('despite medication')"
    assert _leaves(rule) == [("sbp", ">", 150.0, "mmHg", qualifier), ("dbp", ">", 100.0, "mmHg", qualifier)]


@pytest.mark.parametrize(
    ("text", "section"),
    [
        # hypotension pairs: either value or both? (see read_blood_pressure)
        (
            "Patients with resting hypotension (BP < 90/50 mm Hg), or resting hypertension "
            "(BP > 170/110 mm Hg).",
            EXC,
        ),
        ("Hypotension (<90/50mm Hg), or uncontrolled hypertension (>170/100 mm Hg)", EXC),
        # a raised pair required: either or both?
        ("Hypertension >160/100 mmHg", INC),
        # a pair on a stated number of measures is not today's reading
        ("Blood pressure >= 180/110 (stage 3 hypertension) on at least 2 measures.", EXC),
        # an orthostatic fall is no pressure level
        (
            "Blood pressure >200/110 or orthostatic systolic blood pressure decrease >20 mmHg at the "
            "baseline visit;",
            EXC,
        ),
    ],
)
def test_pairs_that_stay_for_review(text: str, section: Section):
    assert isinstance(exclusion(text) if section is EXC else inclusion(text), NeedsReview)


# --- values each named after them ------------------------------------------------------------------------


def test_values_named_systolic_and_diastolic_after_them():
    rule = exclusion("Uncontrolled hypertension: BP > 180 (systolic) or > 105 (diastolic)")
    assert isinstance(rule, AnyOf)
    assert _leaves(rule) == [("sbp", ">", 180.0, "mmHg", None), ("dbp", ">", 105.0, "mmHg", None)]
    assert all(isinstance(c, LabThreshold) and c.unit_inferred for c in rule.children)


def test_values_named_after_them_share_one_comparator_and_an_inclusion_and_needs_both():
    rule = inclusion("Blood pressure no greater than 140 mmHg (systolic) and 90 mmHg (diastolic)")
    assert isinstance(rule, AllOf)
    assert _leaves(rule) == [("sbp", "<=", 140.0, "mmHg", None), ("dbp", "<=", 90.0, "mmHg", None)]


def test_values_named_after_them_joined_by_and_in_an_exclusion_need_both():
    rule = exclusion("BP ≥ 160 mmHg (systolic) and ≥ 100 mmHg (diastolic)")
    assert isinstance(rule, AllOf)


def test_a_fall_named_systolic_is_not_a_pressure_level():
    text = "Sustained reduction in BP of ≥20 mmHg (systolic) or ≥10 mmHg (diastolic) within 3 min of standing"
    assert isinstance(inclusion(text), NeedsReview)


# --- treatment wordings -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "quoted", "sbp", "dbp", "comparator"),
    [
        (
            "Poorly controlled hypertension (systolic blood pressure > 150 mm-Hg and/or diastolic blood "
            "pressure > 100 mm-Hg on anti-hypersensitive medications)",
            "on anti-hypersensitive medications",
            150.0,
            100.0,
            ">",
        ),
        (
            "Uncontrolled arterial hypertension defined as supine SBP of ≥ 140 mm Hg AND/OR supine DBP ≥ 90 "
            "mmHg on stable doses of three or lesser different classes of antihypertensive drugs.",
            "on stable doses of three or lesser different classes of antihypertensive drugs",
            140.0,
            90.0,
            ">=",
        ),
        (
            "Have high blood pressure and antihypertensive drug treatment can not control (systolic blood "
            "pressure > 140 mmHg, diastolic blood pressure > 90 mmHg);",
            "and antihypertensive drug treatment can not control",
            140.0,
            90.0,
            ">",
        ),
        (
            "Patients with uncontrollable hypertension (systolic blood pressure> 140 mmHg, diastolic blood "
            "pressure> 90 mmHg, despite optimal drug therapy).",
            "despite optimal drug therapy",
            140.0,
            90.0,
            ">",
        ),
    ],
)
def test_treatment_wordings_are_carried_on_every_threshold(
    text: str, quoted: str, sbp: float, dbp: float, comparator: str
):
    rule = exclusion(text)
    assert isinstance(rule, AnyOf)
    qualifier = f"measured on treatment ('{quoted}')"
    assert _leaves(rule) == [
        ("sbp", comparator, sbp, "mmHg", qualifier),
        ("dbp", comparator, dbp, "mmHg", qualifier),
    ]


def test_a_bare_comma_list_with_a_treatment_qualifier_excludes_no_one():
    # all or any? A qualified limit that is met goes to the clinician, so neither reading fails a patient
    text = (
        "Patients with uncontrollable hypertension (systolic blood pressure> 140 mmHg, diastolic blood "
        "pressure> 90 mmHg, despite optimal drug therapy)."
    )
    assert outcome(EXC, text, _pressure(120, 80)) is Outcome.PASS
    assert outcome(EXC, text, _pressure(150, 80)) is Outcome.UNKNOWN
    assert outcome(EXC, text, _pressure(160, 100)) is Outcome.UNKNOWN
    assert outcome(EXC, text, patient()) is Outcome.UNKNOWN


def test_not_adequately_treated_or_controlled_covers_untreated_patients_too():
    text = (
        "Individuals with systolic blood pressure >140 mmHg or diastolic blood pressure >90 mmHg that has "
        "not been adequately treated or controlled"
    )
    qualifier = "uncontrolled ('that has not been adequately treated or controlled')"
    assert _leaves(exclusion(text)) == [
        ("sbp", ">", 140.0, "mmHg", qualifier),
        ("dbp", ">", 90.0, "mmHg", qualifier),
    ]
    assert outcome(EXC, text, _pressure(130, 85)) is Outcome.PASS
    assert outcome(EXC, text, _pressure(150, 85)) is Outcome.UNKNOWN


# --- words that neither narrow nor add to the limits ------------------------------------------------------


def test_with_or_without_treatment_is_no_qualifier():
    text = (
        "Uncontrolled hypertension defined by systolic blood pressure (SBP) ≥160 mmHg and/or diastolic blood "
        "pressure (DBP) ≥100 mmHg, with or without antihypertensive medication (initiation or adjustment of "
        "antihypertensive medication[s] is allowed prior to screening)"
    )
    assert _leaves(exclusion(text)) == [
        ("sbp", ">=", 160.0, "mmHg", None),
        ("dbp", ">=", 100.0, "mmHg", None),
    ]
    assert outcome(EXC, text, _pressure(165, 90)) is Outcome.FAIL


def test_limits_on_visit_one_are_todays_and_each_sentence_excludes():
    text = (
        "Hypertension and or history of hypertension with or without medical treatment. Systolic blood "
        "pressure > 150mmHg and/or diastolic blood pressure >100mmHg on Visit one. Heart rate >99 on Visit "
        "one. Systolic blood pressure < 85mmHg and/or diastolic blood pressure < 50mmHg on Visit one. Heart "
        "rate < 35 on Visit one."
    )
    rule = exclusion(text)
    assert isinstance(rule, AnyOf)
    _, high, fast, low, slow = rule.children
    assert _leaves(high) == [("sbp", ">", 150.0, "mmHg", None), ("dbp", ">", 100.0, "mmHg", None)]
    assert _leaves(low) == [("sbp", "<", 85.0, "mmHg", None), ("dbp", "<", 50.0, "mmHg", None)]
    assert isinstance(fast, LabThreshold)
    assert isinstance(slow, LabThreshold)
    assert (fast.analyte, fast.comparator.value, fast.value, fast.unit) == ("heart_rate", ">", 99.0, "/min")
    assert (slow.analyte, slow.comparator.value, slow.value, slow.unit) == ("heart_rate", "<", 35.0, "/min")
    fast_heart = [{"test": "heart rate", "value": 110, "unit": "/min"}]
    assert outcome(EXC, text, patient(labs=fast_heart, findings={"hypertension": False})) is Outcome.FAIL


def test_an_average_of_readings_is_how_the_pressure_is_measured():
    text = (
        "Inadequately controlled arterial hypertension (defined as systolic blood pressure (BP) > or = 150 "
        "mmHg and/or diastolic blood pressure > 100 mmHg), based on an average of > or = 3 BP readings on > "
        "or = 2 sessions"
    )
    assert _leaves(exclusion(text)) == [("sbp", ">=", 150.0, "mmHg", None), ("dbp", ">", 100.0, "mmHg", None)]


def test_blood_pressures_heading_the_values_it_names():
    rule = exclusion(
        "Uncontrolled hypertension (blood pressures: systolic>150 mmHg and/or diastolic >100 mmHg)."
    )
    assert _leaves(rule) == [("sbp", ">", 150.0, "mmHg", None), ("dbp", ">", 100.0, "mmHg", None)]


VITAL_SIGNS = (
    "Clinically significant vital sign abnormalities (systolic blood pressure <90 mmHg or >200 mmHg, "
    "diastolic blood pressure <50 mmHg or >105 mmHg or resting heart rate of <50 or >100 bpm) at screening "
    "visit."
)


def test_each_listed_vital_sign_abnormality_excludes():
    rule = exclusion(VITAL_SIGNS)
    assert isinstance(rule, AnyOf)
    assert [_leaves(child) for child in rule.children] == [
        [("sbp", "<", 90.0, "mmHg", None), ("sbp", ">", 200.0, "mmHg", None)],
        [("dbp", "<", 50.0, "mmHg", None), ("dbp", ">", 105.0, "mmHg", None)],
        [("heart_rate", "<", 50.0, "/min", None), ("heart_rate", ">", 100.0, "/min", None)],
    ]
    assert outcome(EXC, VITAL_SIGNS, _pressure(120, 110)) is Outcome.FAIL
    assert outcome(EXC, VITAL_SIGNS, _pressure(120, 80)) is Outcome.UNKNOWN  # heart rate not entered
    heart = [{"test": "heart rate", "value": 70, "unit": "/min"}]
    full = patient(
        labs=[
            {"test": "systolic blood pressure", "value": 120, "unit": "mmHg"},
            {"test": "diastolic blood pressure", "value": 80, "unit": "mmHg"},
            *heart,
        ]
    )
    assert outcome(EXC, VITAL_SIGNS, full) is Outcome.PASS


def test_a_no_before_listed_vital_sign_abnormalities_stays_for_review():
    # "No A, B" in an inclusion: the comma would be negated as "or"
    text = (
        "No clinically significant vital sign abnormalities (systolic blood pressure <90 mmHg, heart rate "
        ">100 bpm)"
    )
    assert isinstance(inclusion(text), NeedsReview)


# --- a note admitting controlled hypertension within limits ----------------------------------------------

CONTROLLED_NOTE = (
    "Subject has uncontrolled hypertension. (Note: Subjects with medically controlled hypertension "
    "[diastolic blood pressure <95 mm Hg, systolic blood pressure <165 mm Hg] may participate.)"
)


def test_a_note_admitting_controlled_hypertension_keeps_its_limits():
    rule = exclusion(CONTROLLED_NOTE)
    assert isinstance(rule, AllOf)
    finding, admitted = rule.children
    assert finding.kind == "finding"
    assert (finding.concept, finding.present, finding.exceptions) == ("uncontrolled_hypertension", True, [])
    assert isinstance(admitted, AnyOf)
    *beyond, within = admitted.children
    assert [(t.analyte, t.comparator.value, t.value, t.qualifier) for t in beyond] == [
        ("dbp", ">=", 95.0, None),
        ("sbp", ">=", 165.0, None),
    ]
    assert isinstance(within, AllOf)
    assert [(t.analyte, t.comparator.value, t.value) for t in within.children] == [
        ("dbp", "<", 95.0),
        ("sbp", "<", 165.0),
    ]
    assert all(t.qualifier and t.qualifier.startswith("controlled on treatment (") for t in within.children)


def test_controlled_hypertension_verdicts():
    uncontrolled = {"uncontrolled hypertension": True}
    # beyond a limit the hypertension cannot be the controlled one the note admits
    assert outcome(EXC, CONTROLLED_NOTE, _pressure(170, 90, findings=uncontrolled)) is Outcome.FAIL
    assert outcome(EXC, CONTROLLED_NOTE, _pressure(150, 100, findings=uncontrolled)) is Outcome.FAIL
    # within the limits, whether it is controlled on treatment is not recorded: unknown, not pass
    assert outcome(EXC, CONTROLLED_NOTE, _pressure(150, 90, findings=uncontrolled)) is Outcome.UNKNOWN
    assert outcome(EXC, CONTROLLED_NOTE, patient(findings=uncontrolled)) is Outcome.UNKNOWN
    # without it nothing excludes, whatever the pressure
    absent = {"uncontrolled hypertension": False}
    assert outcome(EXC, CONTROLLED_NOTE, _pressure(170, 100, findings=absent)) is Outcome.PASS
    assert outcome(EXC, CONTROLLED_NOTE, _pressure(170, 100)) is Outcome.UNKNOWN


def test_a_note_in_an_inclusion_is_not_read_so():
    assert not isinstance(inclusion(CONTROLLED_NOTE), AllOf)


def test_an_exclusion_of_a_normal_blood_pressure_is_left_for_review():
    # NCT05696548 (anaplastic thyroid cancer): read literally it excludes every normotensive patient
    why = review(
        "Regardless of usage of antihypertensive drug, systolic blood pressure <=140 mm Hg and "
        "diastolic blood pressure <=90 mm Hg",
        Section.EXCLUSION,
    )
    assert why.startswith("excludes patients whose blood pressure is normal")
    assert exclusion("systolic blood pressure (SBP) below 100mmHg;").kind == "lab"  # hypotension stays read
