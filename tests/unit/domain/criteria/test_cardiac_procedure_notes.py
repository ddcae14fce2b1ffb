"""How a QTc or an ejection fraction is measured, reviewed or repeated, said around its limit: the ECG
procedure ("taken approximately 1 minute apart ... The patient should be reclining ..."), advice on a
prolonged QTc the limit admits, the examination and drug label of an LVEF, a high LVEF reviewed, a low one
measured again."""

from __future__ import annotations

import pytest
from one_criterion import inclusion, lab, limits_with_multiples, outcome, patient

from trialmatch.domain.criteria.logic import leaves
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

QTC_PROCEDURE = (
    "Documentation, during the screening process, of a QTc > 470 milliseconds by Fredericia criteria (QTcF) "
    "based on the average of 3 electrocardiograms (ECGs) taken approximately 1 minute apart and all within "
    "10 minutes of each other. The patient should be reclining for 5 minutes prior to ECGs. Local readings "
    "may be used for this exclusion criterion."
)
QTC_ADVICE = (
    "Corrected QT interval by Fridericia (QTcF) < 480 msec on electrocardiogram. Patients with Grade 1 "
    "prolonged QTc (450-480 msec) at time of study enrollment should have correctable causes of prolonged "
    "QTc addressed if possible (i.e., electrolytes, medications)."
)
LVEF_LABEL = (
    "Baseline LVEF value > 50%, measured cardiac MRI or by echocardiography (Simpson's method) or MUGA scan "
    "within 12 weeks before initiation of the treatment. According to HERCEPTIN SPCs."
)
LVEF_FACILITY = (
    "Within 3 months prior to entry, the patient must have a baseline left ventricular ejection fraction "
    "(LVEF) measured by MUGA scan equal to or greater than the lower limit of normal for the radiology "
    "facility. (If LVEF is > 75%, the investigator should consider having the LVEF determination reviewed "
    "prior to randomization. Following randomization, the LVEF determination may be reviewed up until the "
    "time of the post-AC MUGA. Please note that if a more accurate value is obtained from the review of the "
    "baseline MUGA, the corrected value must be submitted to the NSABP Biostatistical Center before the "
    "post-AC MUGA is performed.)"
)
LVEF_RANGE = (
    "Left ventricular ejection fraction (LVEF) within institutional normal range; if LVEF is > 75%, the "
    "investigator should consider performing a second review of the multigated acquisition "
    "(MUGA)/echocardiogram or performing a repeat MUGA/echocardiogram prior to registration; such re-reviews "
    "or repeat MUGA/echocardiogram are not permitted after registration"
)
LVEF_REASSESSED = (
    "Patients with an LVEF >50% within the last 6 months prior to start of study treatment. If Patient's "
    "LVEF <50% they can be re-assessed. If an LVEF assessment has not been completed within the last 6 "
    "months it would require an LVEF assessment."
)


@pytest.mark.parametrize(
    ("text", "section", "expected"),
    [
        (QTC_PROCEDURE, Section.EXCLUSION, ("qtcf", ">", 470.0, "ms", None)),
        (QTC_ADVICE, Section.INCLUSION, ("qtcf", "<", 480.0, "ms", None)),
        (LVEF_LABEL, Section.INCLUSION, ("lvef", ">", 50.0, "%", None)),
        (LVEF_FACILITY, Section.INCLUSION, ("lvef", "≥", 1.0, None, "lln")),
        (LVEF_RANGE, Section.INCLUSION, ("lvef", "≥", 1.0, None, "lln")),
        (LVEF_REASSESSED, Section.INCLUSION, ("lvef", ">", 50.0, "%", None)),
    ],
)
def test_the_notes_leave_the_one_limit_printed(
    text: str, section: Section, expected: tuple[str, str, float, str | None, str | None]
) -> None:
    assert limits_with_multiples(lab(text, section)) == [expected]


@pytest.mark.parametrize(
    ("labs", "expected"),
    [
        ([{"test": "QTcF", "value": 485, "unit": "ms"}], Outcome.FAIL),
        ([{"test": "QTcF", "value": 455, "unit": "ms"}], Outcome.PASS),
        ([{"test": "QTcB", "value": 485, "unit": "ms"}], Outcome.UNKNOWN),
        ([], Outcome.UNKNOWN),
    ],
)
def test_the_qtcf_limit_of_the_ecg_procedure_excludes_above_470_ms(
    labs: list[dict[str, object]], expected: Outcome
) -> None:
    assert outcome(Section.EXCLUSION, QTC_PROCEDURE, patient(labs=labs)) is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [(470.0, Outcome.PASS), (490.0, Outcome.FAIL), (None, Outcome.UNKNOWN)],
)
def test_a_grade_1_prolonged_qtc_the_advice_names_is_admitted(value: float | None, expected: Outcome) -> None:
    """The advice's range (450-480 ms) is no second limit: a QTcF of 470 ms meets the < 480 ms required."""
    labs = [] if value is None else [{"test": "QTcF", "value": value, "unit": "ms"}]
    assert outcome(Section.INCLUSION, QTC_ADVICE, patient(labs=labs)) is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [(55.0, Outcome.PASS), (45.0, Outcome.FAIL), (None, Outcome.UNKNOWN)],
)
def test_an_lvef_measured_again_or_per_the_label_is_judged_on_the_value_on_record(
    value: float | None, expected: Outcome
) -> None:
    labs = [] if value is None else [{"test": "LVEF", "value": value, "unit": "%"}]
    for text in (LVEF_LABEL, LVEF_REASSESSED):
        assert outcome(Section.INCLUSION, text, patient(labs=labs)) is expected


@pytest.mark.parametrize(
    ("labs", "expected"),
    [
        ([{"test": "LVEF", "value": 60, "unit": "%", "lln": 50}], Outcome.PASS),
        ([{"test": "LVEF", "value": 78, "unit": "%", "lln": 50}], Outcome.PASS),
        ([{"test": "LVEF", "value": 45, "unit": "%", "lln": 50}], Outcome.FAIL),
        ([], Outcome.UNKNOWN),
    ],
)
def test_an_lvef_above_75_percent_is_reviewed_not_refused(
    labs: list[dict[str, object]], expected: Outcome
) -> None:
    for text in (LVEF_FACILITY, LVEF_RANGE):
        assert outcome(Section.INCLUSION, text, patient(labs=labs)) is expected


def test_advice_on_a_prolonged_qtc_that_asks_more_than_correcting_its_causes_stays_for_review() -> None:
    rule = inclusion(
        "QTcF < 480 msec. Patients with Grade 1 prolonged QTc (450-480 msec) should have a cardiology "
        "consult before enrollment."
    )
    assert [leaf.kind for leaf in leaves(rule)] == ["lab", "review"]
