"""When and how a lab value is taken: words claimed as read, and the times that must stay for review."""

from __future__ import annotations

import pytest
from one_criterion import lab, review

from trialmatch.domain.criteria import AnyOf, LabThreshold, parse_criterion
from trialmatch.domain.criteria.lab import ThresholdFields
from trialmatch.domain.trial import Section

INC, EXC = Section.INCLUSION, Section.EXCLUSION


def fields(rule: ThresholdFields) -> tuple[str, str, float, str | None]:
    return (rule.analyte, rule.comparator.value, rule.value, rule.unit)


def test_pre_dose_draw_at_cycle_1_day_1():
    rule = lab("QTcF > 470 ms on ECG at screening and/or at Cycle 1 Day 1 pre-dose.", EXC)
    assert fields(rule) == ("qtcf", ">", 470.0, "ms")
    assert fields(lab("QTcF > 470 ms at Cycle 1 Day 1 predose", EXC)) == ("qtcf", ">", 470.0, "ms")


def test_recency_in_words_and_first_dose_of_a_coded_drug():
    assert fields(lab("Serum PSA of ≤ 15ng/ml during the month before study entry")) == (
        "psa",
        "<=",
        15.0,
        "ng/mL",
    )
    rule = lab("Screening CD4+ T cell count ≥350 cells/ µl within 28 days of the 1st dose of FT538.")
    assert fields(rule) == ("cd4", ">=", 350.0, "/µL")
    assert fields(lab("A1C level ≤ 8.5% within 1 month prior to enrollemnt/baseline.")) == (
        "hba1c",
        "<=",
        8.5,
        "%",
    )


def test_ecg_repeats_are_how_the_qtc_is_confirmed():
    rule = lab("Corrected QT interval > 470 ms demonstrated by at least 2 ECGs > 30 minutes apart", EXC)
    assert fields(rule) == ("qtcf", ">", 470.0, "ms")
    rule = lab(
        "Mean Heart Rate less than 60 at screening or Cycle 1 Day 1 "
        "(to be recorded at least 3 times at least 5 minutes apart) in ECG.",
        EXC,
    )
    assert (rule.analyte, rule.comparator.value, rule.value) == ("heart_rate", "<", 60.0)
    either = parse_criterion(
        "Has a mean corrected QT interval using Fridericia's correction (QTcF) prolongation "
        ">470 ms for females and >450 ms for males in three successive Screening measurements",
        EXC,
        None,
    )
    assert isinstance(either, AnyOf)
    assert sorted((c.sex, c.value) for c in either.children if isinstance(c, LabThreshold)) == [
        ("female", 470.0),
        ("male", 450.0),
    ]


def test_study_timepoints_and_the_drug_the_first_dose_is_of():
    for text in (
        "ANC ≥ 1500/µL on day 1 of cycle 1",
        "ANC ≥ 1500/µL within 2 weeks prior to C1D1",
        "ANC ≥ 1500/µL within the 28-day screening period",
        "ANC ≥ 1500/µL within 10 days prior to receiving the first dose of study drug",
        "ANC ≥ 1500/µL within 14 days before the first administration of study drug",
        "ANC ≥ 1500/µL within 14 days prior to signing informed consent",
        "ANC ≥ 1500/µL within 14 days prior to planned start of protocol therapy",
        "ANC ≥ 1500/µL on the most recent laboratory test",
    ):
        assert fields(lab(text)) == ("anc", ">=", 1500.0, "/µL"), text
    assert fields(lab("Mean resting corrected QTcF interval > 470 ms obtained from ECG", EXC)) == (
        "qtcf",
        ">",
        470.0,
        "ms",
    )
    rule = lab("QTcF ≤ 470 ms, calculated from the mean of three ECGs")
    assert fields(rule) == ("qtcf", "<=", 470.0, "ms")
    rule = lab(
        "Baseline pulse-oximetry recording of 94 percent or greater "
        "unless clinical indication for bronchoscopy."
    )
    assert fields(rule) == ("spo2", ">=", 94.0, "%")
    assert [e.waived for e in rule.exceptions] == [True]


def test_rest_fasting_oximetry_and_visit_window():
    rule = parse_criterion(
        "Uncontrolled hypertension, defined as sitting systolic blood pressure after resting 5 minutes of "
        "≥160 mmHg or diastolic blood pressure of ≥100 mmHg at screening",
        EXC,
        None,
    )
    assert isinstance(rule, AnyOf)
    assert [fields(c) for c in rule.children if isinstance(c, LabThreshold)] == [
        ("sbp", ">=", 160.0, "mmHg"),
        ("dbp", ">=", 100.0, "mmHg"),
    ]
    rule = lab("Baseline plasma glucose concentration ≤ 60 mg/dL (after at least 8 hours fasting)", EXC)
    assert fields(rule) == ("fasting_glucose", "<=", 60.0, "mg/dL")
    assert fields(lab("SaO2 at least 90% by pulse oximetry")) == ("spo2", ">=", 90.0, "%")
    rule = lab(
        "Patients with serum phosphorus concentration ≥ 10.0 mg/dL "
        "from Visit 2 (Week -3) to Visit 5 (Week 0)",
        EXC,
    )
    assert fields(rule) == ("phosphate", ">=", 10.0, "mg/dL")


def test_leading_draw_date_keeps_the_transfusion_qualifier():
    rule = parse_criterion(
        "Adequate marrow function: 14 days before enrollment, absolute neutrophil count (ANC) ≥ 1×10^9/L, "
        "platelet count ≥ 30×10^9/L, hemoglobin ≥ 80 g/L without blood transfusion;",
        INC,
        None,
    )
    children = getattr(rule, "children", [])
    assert [fields(c) for c in children] == [
        ("anc", ">=", 1.0, "10^9/L"),
        ("platelets", ">=", 30.0, "10^9/L"),
        ("hemoglobin", ">=", 80.0, "g/L"),
    ]
    assert children[2].qualifier == "without blood transfusion"


def test_24_hour_urine_protein_is_the_analyte_not_a_clearance_method():
    rule = lab("24-hour urine protein < 1 g")
    assert fields(rule) == ("proteinuria", "<", 1.0, "g/24h")
    text = "Measured Creatinine Clearance > 40 mL/min by 24-hour urine collection"
    clearance = parse_criterion(text, INC, None)
    assert getattr(clearance, "method", None) == "measured"


@pytest.mark.parametrize(
    ("text", "section"),
    [
        # a time span that is the requirement itself
        ("Platelet count ≥ 50,000/mm3 with no transfusion at least 14 days before enrollment", INC),
        # a time that changes which value counts
        ("Initial WBC greater than 30,000/mm3 OR Diagnosis of B-cell ALL", INC),
        ("Blood glucose 2h after oral glucose tolerance test between 140 and 199mg/dl", INC),
        ("LVEF ≥ 50% within 6 months of the first dose of chemotherapy", INC),
        ("ANC ≥ 1500/µL within 4 weeks of the most recent chemotherapy", INC),
        # repeated lab values are not ECG repeats
        ("Platelet count < 30,000/µL on 2 successive measurements", INC),
    ],
)
def test_time_that_is_part_of_the_requirement_stays_for_review(text: str, section: Section):
    review(text, section)


def test_time_span_inside_a_condition_is_not_a_threshold():
    why = review("Platelet count ≥ 50,000/mm3 with no transfusion at least 14 days before enrollment")
    assert "at least 14 days" in why


def test_dipstick_pluses_and_other_qt_corrections_stay_for_review():
    why = review("Urinary protein ≥ ++ on two consecutive urinalyses", EXC)
    assert "pluses" in why
    why = review("QTc (Hodges) interval >460 ms on ECG at screening and/or at Cycle 1 Day 1 pre-dose.", EXC)
    assert "Fridericia" in why
    review("Corrected QT interval (QTc) > 500 ms, using the Framingham formula.", INC)


def test_an_ecg_machine_value_is_read_only_when_it_is_fridericias():
    rule = lab(
        "Mean resting corrected QT interval (QTc) > 470 msec, obtained from triplicate ECGs, using the "
        "screening clinic ECG machine derived Fridericia's formula (QTcF) value",
        EXC,
    )
    assert fields(rule) == ("qtcf", ">", 470.0, "ms")
    rule = lab(
        "Mean resting QTc >470 msec, obtained from 3 ECGs using local clinic ECG machine-derived QTcF value",
        EXC,
    )
    assert fields(rule) == ("qtcf", ">", 470.0, "ms")
    # the machine's own "QTc" may be corrected by Bazett's formula: not the file's QTcF
    review(
        "Mean resting QTc > 470 msec, obtained from 3 ECGs, using the screening clinic ECG machine-derived "
        "QTc value.",
        EXC,
    )
