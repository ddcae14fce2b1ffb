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
        "Corrected QT interval (QTc) > 500 ms, using the Framingham formula.",
        "Mean resting QTc > 470 msec, obtained from 3 ECGs, using the screening clinic ECG machine-derived "
        "QTc value.",
    ],
)
def test_a_qtc_by_another_correction_than_fridericia_stays_for_review(text: str):
    # the file holds QTcF and QTcB (test_cardiac_wordings); Framingham's or a machine's own QTc is another
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
        ("left bundle branch block", "left_bundle_branch_block", "conduction_abnormality"),
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


# --- a finding with its values as examples ("including", "e.g.") in an exclusion --------------------------

ARRHYTHMIA_WITH_QTC = (
    "poorly controlled arrhythmias (including men with QTc interval ≥ 450 ms, women ≥ 470 ms)"
)


def test_an_included_qtc_limit_per_sex_is_one_more_way_to_be_excluded():
    rule = exclusion(ARRHYTHMIA_WITH_QTC)
    assert isinstance(rule, AnyOf)
    finding, qtc = rule.children
    assert isinstance(finding, FindingRule)
    assert (finding.concept, finding.present) == ("arrhythmia", True)
    assert [e.text for e in finding.exceptions] == ["poorly controlled"]
    assert isinstance(qtc, AnyOf)
    assert [(c.analyte, c.comparator, c.value, c.sex) for c in qtc.children] == [
        ("qtcf", GE, 450.0, "male"),
        ("qtcf", GE, 470.0, "female"),
    ]


@pytest.mark.parametrize(
    ("arrhythmia", "qtcf", "expected"),
    [
        (False, 440.0, Outcome.PASS),  # no arrhythmia, QTc under the women's limit
        (False, 475.0, Outcome.FAIL),  # the example itself excludes
        (False, None, Outcome.UNKNOWN),  # the QTc may still exclude
        (True, 440.0, Outcome.UNKNOWN),  # whether it is poorly controlled is the clinician's
        (None, 440.0, Outcome.UNKNOWN),
    ],
)
def test_a_woman_is_excluded_by_the_arrhythmia_or_by_its_qtc_example(
    arrhythmia: bool | None, qtcf: float | None, expected: Outcome
):
    findings = {} if arrhythmia is None else {"arrhythmia": arrhythmia}
    labs = [] if qtcf is None else [{"test": "QTcF", "value": qtcf, "unit": "ms"}]
    assert outcome("exclusion", ARRHYTHMIA_WITH_QTC, patient(findings=findings, labs=labs)) is expected


def test_a_qtc_example_after_a_list_of_cardiac_findings_excludes_beside_each_of_them():
    rule = exclusion(
        "Patients with with grade Ⅱ myocardial ischemia or myocardial infarction, poor control of "
        "arrhythmias (including QTc interval male ≥ 450 ms, female ≥470 ms)."
    )
    assert isinstance(rule, AnyOf)
    *findings, qtc = rule.children
    assert [(f.concept, f.present) for f in findings if isinstance(f, FindingRule)] == [
        ("myocardial_ischemia", True),
        ("myocardial_infarction", True),
        ("arrhythmia", True),
    ]
    # the grade narrows every finding it opens: a patient with any of them goes to the clinician
    assert all("grade Ⅱ" in [e.text for e in f.exceptions] for f in findings if isinstance(f, FindingRule))
    assert limits(qtc) == [("qtcf", GE, 450.0, "ms"), ("qtcf", GE, 470.0, "ms")]


def test_an_included_example_in_an_inclusion_is_not_read():
    assert not isinstance(inclusion("Arrhythmia requiring treatment (including QTc ≥ 480 ms)"), AnyOf)


# --- grades of cardiac findings ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "concept", "grade"),
    [
        ("Myocardial ischemia above grade II", "myocardial_ischemia", "above grade II"),
        (
            "≥ grade 2 congestive heart failure [New York Heart Association (NYHA)]",
            "heart_failure",
            "≥ grade 2",
        ),
        ("According to NYHA standard, grade Ⅲ ~ Ⅳ heart failure", "heart_failure", "grade Ⅲ ~ Ⅳ"),
        (
            "cardiac insufficiency of grade III to IV according to New York Heart Association (NYHA) "
            "criteria",
            "heart_failure",
            "grade III to IV",
        ),
    ],
)
def test_a_grade_narrows_a_cardiac_finding(text: str, concept: str, grade: str):
    rule = exclusion(text)
    assert isinstance(rule, FindingRule)
    assert (rule.concept, rule.present) == (concept, True)
    assert grade in [e.text for e in rule.exceptions]


@pytest.mark.parametrize(("heart_failure", "expected"), [(True, Outcome.UNKNOWN), (False, Outcome.PASS)])
def test_a_graded_heart_failure_is_the_clinicians_when_present(heart_failure: bool, expected: Outcome):
    facts = patient(findings={"heart failure": heart_failure})
    text = "According to NYHA standard, grade Ⅲ ~ Ⅳ heart failure"
    assert outcome("exclusion", text, facts) is expected


def test_a_grade_beside_a_finding_that_is_not_cardiac_is_not_claimed():
    assert not isinstance(exclusion("Grade ≥ 2 peripheral neuropathy"), FindingRule)


# --- lists of cardiac exclusions --------------------------------------------------------------------------


def test_a_chinese_registry_list_of_cardiac_exclusions_reads_whole():
    rule = exclusion(
        "Severe cardiovascular diseases: grade II or above myocardial ischemia or myocardial infarction and "
        "poor control arrhythmias (including corrected QT interval (QTc) interval ≥ 450 ms for males and "
        "≥ 470 ms for females); cardiac insufficiency of grade III to IV according to New York Heart "
        "Association (NYHA) criteria, or left ventricular ejection fraction (LVEF) < 50% by color Doppler "
        "echocardiography;"
    )
    assert isinstance(rule, AnyOf)
    concepts = set()
    thresholds = []
    pending = list(rule.children)
    while pending:
        part = pending.pop(0)
        if isinstance(part, AnyOf):
            pending[:0] = part.children
        elif isinstance(part, FindingRule):
            assert part.present
            concepts.add(part.concept)
        else:
            thresholds.append((part.analyte, part.comparator, part.value, part.sex))
    assert {"myocardial_ischemia", "myocardial_infarction", "arrhythmia", "heart_failure"} <= concepts
    assert thresholds == [
        ("qtcf", GE, 450.0, "male"),
        ("qtcf", GE, 470.0, "female"),
        ("lvef", LT, 50.0, None),
    ]


def test_or_above_after_a_grade_does_not_split_the_list():
    rule = exclusion("grade II or above myocardial ischemia, or LVEF < 40%")
    assert isinstance(rule, AnyOf)
    finding, lvef = rule.children
    assert isinstance(finding, FindingRule)
    assert finding.concept == "myocardial_ischemia"
    assert [e.text for e in finding.exceptions] == ["grade II or above"]
    assert limits(lvef) == [("lvef", LT, 40.0, "%")]


@pytest.mark.parametrize(
    ("lvh", "lvef", "expected"),
    [
        (False, 60.0, Outcome.PASS),
        (True, 60.0, Outcome.FAIL),
        (False, 50.0, Outcome.FAIL),
        (False, None, Outcome.UNKNOWN),
    ],
)
def test_cardiac_findings_or_a_low_ejection_fraction_exclude(
    lvh: bool, lvef: float | None, expected: Outcome
):
    text = (
        "Cardiac arrhythmia, conduction abnormalities, ischemic cardiopathy, left ventricular hypertrophy or "
        "left ventricular ejection fraction (LVEF) ≤50% at echocardiography."
    )
    findings = {
        "cardiac arrhythmia": False,
        "conduction abnormality": False,
        "coronary artery disease": False,
        "left ventricular hypertrophy": lvh,
    }
    labs = [] if lvef is None else [{"test": "LVEF", "value": lvef, "unit": "%"}]
    assert outcome("exclusion", text, patient(findings=findings, labs=labs)) is expected


def test_a_qtc_example_confirmed_on_ecgs_hours_apart_excludes_beside_the_history():
    rule = exclusion(
        "History of prolonged QTc interval (e.g., repeated demonstration of a QTc interval > 450 ms from "
        "ECGs performed at least 24 hours apart)"
    )
    assert isinstance(rule, AnyOf)
    finding, qtc = rule.children
    assert isinstance(finding, FindingRule)
    assert (finding.concept, finding.qualifier) == ("qt_prolongation", "history")
    assert limits(qtc) == [("qtcf", GT, 450.0, "ms")]


def test_one_sex_per_list_item_makes_one_limit_per_sex():
    rule = exclusion(
        "Cardiac arrhythmia, or a QTc > 440 ms for males and > 460 ms for females using Fredericia formula."
    )
    assert isinstance(rule, AnyOf)
    finding, qtc = rule.children
    assert isinstance(finding, FindingRule)
    assert isinstance(qtc, AnyOf)
    assert [(c.analyte, c.comparator, c.value, c.sex) for c in qtc.children] == [
        ("qtcf", GT, 440.0, "male"),
        ("qtcf", GT, 460.0, "female"),
    ]


def test_a_limit_for_one_sex_alone_stays_for_review():
    # the men's limit is not stated: a man's QTc cannot be judged against the women's
    assert "female patients only" in review(
        "Corrected QT interval (QTcF) prolongation to > 470 msec (females) based on average of the screening "
        "triplicate 12-lead ECG.",
        EXC,
    )
