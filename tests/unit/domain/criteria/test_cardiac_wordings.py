"""Cardiac wordings: QTc corrected by Bazett's formula, ..."""

from __future__ import annotations

import pytest
from one_criterion import exclusion, inclusion, lab, outcome, patient, review

from trialmatch.domain.criteria import AnyOf, LabThreshold, NeedsReview
from trialmatch.domain.criteria.base import Comparator
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

GT = Comparator.GT


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Corrected QT interval (QTc) > 500 ms, using Bazett's formula.", 500.0),
        ("QTc (Bazzett) interval >460 ms on ECG at screening and/or at Cycle 1 Day 1 pre-dose.", 460.0),
        ("QTcB > 480 ms", 480.0),
    ],
)
def test_a_qtc_corrected_by_bazett_is_a_qtcb_threshold(text: str, value: float) -> None:
    rule = lab(text, Section.EXCLUSION)
    assert (rule.analyte, rule.comparator, rule.value, rule.unit) == ("qtcb", GT, value, "ms")


def test_bazett_limits_for_each_sex_are_qtcb_limits() -> None:
    rule = exclusion(
        "QTc (Bazzett) interval >450 ms for male patients or >460 ms for female patients on ECG at screening "
        "and/or at Cycle 1 Day 1 predose."
    )
    assert [(c.analyte, c.comparator, c.value, c.sex) for c in rule.children] == [
        ("qtcb", GT, 450.0, "male"),
        ("qtcb", GT, 460.0, "female"),
    ]


def test_a_sentence_naming_bazett_and_fridericia_in_one_limit_decides_only_on_the_fridericia_value() -> None:
    """Either value above the limit excludes: a QTcF above it does, one below leaves Bazett's to check."""
    rule = exclusion("QTc > 470 ms by Fridericia or Bazett's formula")
    assert isinstance(rule, AnyOf)
    fridericia, bazett = rule.children
    assert isinstance(fridericia, LabThreshold)
    assert (fridericia.analyte, fridericia.value) == ("qtcf", 470.0)
    assert isinstance(bazett, NeedsReview)
    assert bazett.text == "or Bazett's formula"


BAZETT = "Corrected QT interval (QTc) > 500 ms, using Bazett's formula."


@pytest.mark.parametrize(
    ("labs", "expected"),
    [
        ([{"test": "QTcB", "value": 510, "unit": "ms"}], Outcome.FAIL),
        ([{"test": "QTcB", "value": 460, "unit": "ms"}], Outcome.PASS),
        ([{"test": "QTcF", "value": 510, "unit": "ms"}], Outcome.UNKNOWN),
        ([], Outcome.UNKNOWN),
    ],
)
def test_a_bazett_limit_is_judged_on_the_qtcb_only(labs: list[dict[str, object]], expected: Outcome) -> None:
    assert outcome("exclusion", BAZETT, patient(labs=labs)) is expected


@pytest.mark.parametrize(
    "text",
    ["Corrected QT interval (QTc) > 500 ms, using Bazett's formula.", "QTcF ≥ 470 ms"],
)
def test_an_inclusion_requiring_a_prolonged_qtc_is_left_for_review(text: str) -> None:
    # an exclusion filed among the inclusions: read literally it fails every patient with a normal QT
    assert "prolonged QTc" in review(text, Section.INCLUSION)


def test_an_inclusion_qtc_upper_limit_is_still_read() -> None:
    rule = lab("QTcB ≤ 480 ms", Section.INCLUSION)
    assert (rule.analyte, rule.comparator, rule.value) == ("qtcb", Comparator.LE, 480.0)


# --- a NYHA class named without its heart failure -----------------------------------------------------------

NYHA_OR_LVEF = (
    "New York Heart Association（NYHA）cardiac function grade ≥ Grade II or left ventricular ejection "
    "fraction(LVEF)<50%"
)


def test_a_nyha_class_alone_is_heart_failure_narrowed_to_that_class() -> None:
    rule = exclusion(NYHA_OR_LVEF)
    assert rule.kind == "any_of"
    failure, lvef = rule.children
    assert (failure.kind, failure.concept, failure.present) == ("finding", "heart_failure", True)
    assert [e.text for e in failure.exceptions] == [
        "New York Heart Association（NYHA）cardiac function grade ≥ Grade II"
    ]
    assert (lvef.analyte, lvef.comparator, lvef.value, lvef.unit) == ("lvef", Comparator.LT, 50.0, "%")


@pytest.mark.parametrize(
    ("findings", "labs", "expected"),
    [
        ({"heart failure": False}, [{"test": "LVEF", "value": 60, "unit": "%"}], Outcome.PASS),
        ({"heart failure": True}, [{"test": "LVEF", "value": 60, "unit": "%"}], Outcome.UNKNOWN),
        ({"heart failure": False}, [{"test": "LVEF", "value": 40, "unit": "%"}], Outcome.FAIL),
        ({}, [{"test": "LVEF", "value": 60, "unit": "%"}], Outcome.UNKNOWN),
    ],
)
def test_a_nyha_class_leaves_a_patient_with_heart_failure_to_the_clinician(
    findings: dict[str, bool], labs: list[dict[str, object]], expected: Outcome
) -> None:
    assert outcome("exclusion", NYHA_OR_LVEF, patient(findings=findings, labs=labs)) is expected


def test_a_leading_according_to_nyha_standard_stays_with_its_class() -> None:
    rule = exclusion(
        "According to NYHA standard, grade Ⅲ ~ Ⅳ heart failure, or cardiac color Doppler ultrasound "
        "examination showed left ventricular ejection fraction (LVEF) <50%."
    )
    failure, lvef = rule.children
    assert (failure.concept, failure.present) == ("heart_failure", True)
    assert "grade Ⅲ ~ Ⅳ" in [e.text for e in failure.exceptions]
    assert (lvef.analyte, lvef.comparator, lvef.value) == ("lvef", Comparator.LT, 50.0)


@pytest.mark.parametrize("text", ["NYHA ≥ 2", "according to NYHA standards, grade Ⅲ～Ⅳ Insufficiency"])
def test_nyha_wordings_read_as_heart_failure(text: str) -> None:
    rule = exclusion(text)
    assert (rule.kind, rule.concept, rule.present, len(rule.exceptions)) == (
        "finding",
        "heart_failure",
        True,
        1,
    )


def test_an_inclusion_nyha_class_below_a_limit_is_not_read_as_heart_failure() -> None:
    # "NYHA class < 3" admits patients without heart failure: never a requirement to have it, it refuses
    # heart failure of class 3 or above (see test_nyha_class_below_a_limit)
    rule = inclusion("NYHA class < 3")
    assert (rule.kind, rule.concept, rule.present) == ("finding", "heart_failure", False)
    assert inclusion("NYHA class I-II").kind == "review"


# --- a time window after an item of a list ---------------------------------------------------------------

WINDOW_AFTER_LIST = (
    "Myocardial infarction, unstable angina or QTcF > 470 ms within 6 months prior to randomization"
)


def test_a_window_closing_a_list_narrows_the_findings_before_it() -> None:
    infarction, angina, qtc = exclusion(WINDOW_AFTER_LIST).children
    window = "within 6 months prior to randomization"
    assert (infarction.concept, [e.text for e in infarction.exceptions]) == (
        "myocardial_infarction",
        [window],
    )
    assert (angina.concept, [e.text for e in angina.exceptions]) == ("angina", ["unstable", window])
    assert (qtc.analyte, qtc.comparator, qtc.value, qtc.unit) == ("qtcf", GT, 470.0, "ms")


def test_a_window_closing_an_inner_item_narrows_the_findings_before_it_only() -> None:
    infarction, stroke = exclusion("QTcF > 470 ms, myocardial infarction within 1 year, or stroke").children[
        1:
    ]
    assert [e.text for e in infarction.exceptions] == ["within 1 year"]
    assert (stroke.concept, stroke.exceptions) == ("stroke", [])


@pytest.mark.parametrize(
    ("infarction", "qtcf", "expected"),
    [
        (True, 420, Outcome.UNKNOWN),  # the infarction may be years old: the clinician's, never a fail
        (False, 420, Outcome.PASS),
        (False, 480, Outcome.FAIL),
    ],
)
def test_an_old_infarction_is_not_excluded_by_a_window_it_may_be_outside(
    infarction: bool, qtcf: float, expected: Outcome
) -> None:
    facts = patient(
        findings={"myocardial infarction": infarction, "angina": False},
        labs=[{"test": "QTcF", "value": qtcf, "unit": "ms"}],
    )
    assert outcome("exclusion", WINDOW_AFTER_LIST, facts) is expected


def test_a_qt_interval_corrected_for_heart_rate_is_no_heart_rate_limit() -> None:
    rule = lab(
        "Corrected mean QT interval for heart rate according to the Fridericia formula (QTcF) ≤ 480 ms.",
        Section.INCLUSION,
    )
    assert (rule.analyte, rule.comparator, rule.value, rule.unit) == ("qtcf", Comparator.LE, 480.0, "ms")
