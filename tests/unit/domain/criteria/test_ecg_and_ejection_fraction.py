"""ECG and ejection-fraction criteria: the examination an LVEF is read from, the QT interval named again
around its threshold, the cardiac findings listed beside QTc and LVEF limits, and what stays for review."""

from __future__ import annotations

import pytest
from one_criterion import exclusion, inclusion, lab, limits, outcome, patient, review

from trialmatch.domain.criteria import AnyOf, FindingRule
from trialmatch.domain.criteria.base import Comparator
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.lexicon import ancestors, resolve_finding
from trialmatch.domain.trial import Section

EXC = Section.EXCLUSION
LT, LE, GT, GE = Comparator.LT, Comparator.LE, Comparator.GT, Comparator.GE


# --- the examination an ejection fraction is read from ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "cardiac color Doppler ultrasound examination indicates left ventricular ejection fraction (LVEF) "
        "<50%",
        "cardiac color Doppler ultrasound examination reveals that the left ventricular ejection fraction "
        "(LVEF) is less than 50%",
        "echocardiography check: left ventricular ejection fraction (LVEF)<50%",
    ],
)
def test_the_examination_showing_the_ejection_fraction_leaves_its_threshold(text: str):
    rule = lab(text, EXC)
    assert (rule.analyte, rule.comparator, rule.value, rule.unit) == ("lvef", LT, 50.0, "%")


def test_an_ejection_fraction_or_a_shortening_fraction_by_a_misspelt_gated_scan():
    rule = inclusion(
        "Cardiovascular: Shortening fraction at least 27% by echocardiogram OR Cardiac ejection fraction "
        "greater than 50% by echocardiogram or gaited radionuclide"
    )
    assert isinstance(rule, AnyOf)
    assert limits(rule) == [("fractional_shortening", GE, 27.0, "%"), ("lvef", GT, 50.0, "%")]


# --- the QT interval named again around its threshold -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "comparator", "value"),
    [
        ("QTc interval duration > 480 msec", GT, 480.0),
        ("long QTc interval greater than 480ms on baseline EKG", GT, 480.0),
        ("repeated demonstration of a QTc interval > 450 ms", GT, 450.0),
    ],
)
def test_words_naming_the_qt_interval_again_leave_its_threshold(
    text: str, comparator: Comparator, value: float
):
    rule = lab(text, EXC)
    assert (rule.analyte, rule.comparator, rule.value, rule.unit) == ("qtcf", comparator, value, "ms")


@pytest.mark.parametrize(
    "text",
    [
        "QTc (Bazzett) interval >460 ms on ECG at screening and/or at Cycle 1 Day 1 pre-dose.",
        "Corrected QT interval (QTc) > 500 ms, using Bazett's formula.",
        "Mean resting QTc > 470 msec, obtained from 3 ECGs, using the screening clinic ECG machine-derived "
        "QTc value.",
    ],
)
def test_a_qtc_by_another_correction_than_fridericia_stays_for_review(text: str):
    # the file holds QTcF; Bazett's (or a machine's own) QTc is another value
    review(text, EXC)


# --- cardiac findings the lexicon knows -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("term", "concept", "above"),
    [
        ("Torsade de Pointes (TdP)", "torsades_de_pointes", "arrhythmia"),
        ("Brugada syndrome", "brugada_syndrome", "arrhythmia"),
        ("short QT syndrome", "short_qt_syndrome", "arrhythmia"),
        ("QT/QTc prolongation", "qt_prolongation", "cardiovascular_disease"),
        ("prolonged QTc interval", "qt_prolongation", "cardiovascular_disease"),
        ("familial prolonged QT syndrome", "long_qt_syndrome", "qt_prolongation"),
        ("conduction system abnormalities", "conduction_abnormality", "cardiovascular_disease"),
        ("left bundle branch block", "bundle_branch_block", "conduction_abnormality"),
        ("atrioventricular block", "heart_block", "conduction_abnormality"),
        ("myocardial ischemia", "myocardial_ischemia", "coronary_artery_disease"),
        ("ischemic cardiopathy", "coronary_artery_disease", "cardiovascular_disease"),
    ],
)
def test_cardiac_findings_resolve_under_their_parents(term: str, concept: str, above: str):
    found = resolve_finding(term)
    assert found is not None
    assert found.id == concept
    assert above in ancestors(concept)


@pytest.mark.parametrize(
    ("torsades", "arrhythmia", "expected"),
    [(True, None, Outcome.FAIL), (None, False, Outcome.PASS), (None, None, Outcome.UNKNOWN)],
)
def test_a_history_of_torsades_excludes_and_no_arrhythmia_at_all_rules_it_out(
    torsades: bool | None, arrhythmia: bool | None, expected: Outcome
):
    findings: dict[str, bool] = {}
    if torsades is not None:
        findings["torsades de pointes"] = torsades
    if arrhythmia is not None:
        findings["arrhythmia"] = arrhythmia
    facts = patient(findings=findings)
    assert outcome("exclusion", "History of torsades de pointes", facts) is expected


def test_a_qtc_mentioned_as_a_prolongation_without_a_value_is_the_finding():
    rule = exclusion("Subjects with known prolonged QtC interval")
    assert isinstance(rule, FindingRule)
    assert (rule.concept, rule.present) == ("qt_prolongation", True)
