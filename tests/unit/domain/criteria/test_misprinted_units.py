"""Lab sentences the reader left for one or two words: a misprinted unit, a misspelt or unusual name, a
harmless note on how the value is taken. Each is read with the exact threshold a clinician would check; the
words that change a sentence's meaning keep it for review."""

from __future__ import annotations

from one_criterion import inclusion, lab, limits, outcome, patient, result, review, thresholds

from trialmatch.domain.criteria.base import Comparator
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.facts import PatientFacts
from trialmatch.domain.trial import Section

# --- a unit misprinted after a bare number ----------------------------------------------------------------


def test_a_count_per_ml_is_read_per_microlitre_with_the_unit_flagged_as_inferred() -> None:
    rule = lab("White blood cell count > 2000/mL")
    assert (rule.analyte, rule.comparator, rule.value, rule.unit) == ("wbc", Comparator.GT, 2000.0, "/µL")
    assert rule.unit_inferred
    rule = lab("White blood cells (WBCs) ≥ 2000/mL")
    assert (rule.analyte, rule.comparator, rule.value, rule.unit) == ("wbc", Comparator.GE, 2000.0, "/µL")


def test_platelets_per_ml_or_per_um_in_a_list() -> None:
    rule = inclusion("Hematocrit greater than 27 percent, platelets greater than 50,000/ml.")
    assert limits(rule) == [
        ("hematocrit", Comparator.GT, 27.0, "%"),
        ("platelets", Comparator.GT, 50000.0, "/µL"),
    ]
    rule = inclusion(
        "Pretreatment granulocyte count of > 1500/mm3, hemoglobin > 9.0 g/dL (without transfusion), and "
        "platelet count of > 100,000/um"
    )
    assert [(a, c, v, u) for a, c, v, u in limits(rule)][::2] == [
        ("anc", Comparator.GT, 1500.0, "/µL"),
        ("platelets", Comparator.GT, 100000.0, "/µL"),
    ]


def test_a_count_per_ml_is_judged_per_microlitre() -> None:
    text = "White blood cell count > 2000/mL"
    assert outcome(Section.INCLUSION, text, _wbc(3.1)) is Outcome.PASS
    assert outcome(Section.INCLUSION, text, _wbc(1.2)) is Outcome.FAIL
    assert outcome(Section.INCLUSION, text, patient()) is Outcome.UNKNOWN
    assert result(Section.INCLUSION, text, _wbc(3.1)).reason == (
        "WBC 3.1 × 10⁹/L, meets > 2 × 10⁹/L (unit not printed or misprinted, read as /µL)"
    )


def test_a_value_no_unit_fits_stays_for_review() -> None:
    assert "fits 0 units" in review("Platelets > 5/mL")
    assert "not understood: ml" in review("Creatinine ≤ 2/mL")


def test_a_clearance_per_ml_is_read_per_minute_with_the_unit_flagged_as_inferred() -> None:
    rule = inclusion("Creatinine clearance ≥60/mL, as estimated by Cockcroft-Gault equation")
    assert (rule.kind, rule.analyte, rule.comparator, rule.value, rule.unit) == (
        "derived",
        "crcl",
        Comparator.GE,
        60.0,
        "mL/min",
    )
    assert rule.unit_inferred
    assert rule.method == "cockcroft-gault"
    assert "not understood: ml" in review("Creatinine ≥ 60/mL")  # not a clearance: no misprint it could be


def test_glucose_in_mg_or_mg_per_d_is_read_in_mg_per_dl() -> None:
    rule = lab("Fasting plasma/serum glucose >126 mg/d", Section.EXCLUSION)
    assert (rule.analyte, rule.comparator, rule.value, rule.unit) == (
        "fasting_glucose",
        Comparator.GT,
        126.0,
        "mg/dL",
    )
    assert rule.unit_inferred
    rule = lab("No uncontrolled diabetes (random blood sugar at least 200 mg)")
    assert (rule.analyte, rule.comparator, rule.value, rule.unit) == (
        "glucose",
        Comparator.LT,
        200.0,
        "mg/dL",
    )


def test_haemoglobin_with_a_misprinted_gram_unit() -> None:
    rule = lab("Hemoglobin ≥ 9/g/dL (may have been transfused)")
    assert (rule.analyte, rule.comparator, rule.value, rule.unit) == (
        "hemoglobin",
        Comparator.GE,
        9.0,
        "g/dL",
    )
    assert [e.waived for e in rule.exceptions] == [True]
    rule = inclusion("Hemoglobin ≥9.0 g/gL or ≥5.6 mmol/L, without recent transfusion")
    assert limits(rule) == [
        ("hemoglobin", Comparator.GE, 9.0, "g/dL"),
        ("hemoglobin", Comparator.GE, 5.6, "mmol/L"),
    ]


def _wbc(value: float) -> PatientFacts:
    return patient(labs=[{"test": "wbc", "value": value, "unit": "10^9/L"}])


# --- a misspelt word, a test group's abbreviation, a name for the LVEF ------------------------------------


def test_a_misspelt_count_and_a_pulmonary_function_test_abbreviation_are_no_condition() -> None:
    rule = lab("White blood cell (WBC) cout at least 3,000/mm^3")
    assert (rule.analyte, rule.comparator, rule.value, rule.unit) == ("wbc", Comparator.GE, 3000.0, "/µL")
    rule = inclusion("Pulmonary: PFT-FEV1 at least 60% of predicted DLCO and FVC at least 60% of predicted")
    assert limits(rule) == [
        ("fev1", Comparator.GE, 60.0, "%"),
        ("dlco", Comparator.GE, 60.0, "%"),
        ("fvc", Comparator.GE, 60.0, "%"),
    ]


def test_percent_predictive_is_percent_of_predicted() -> None:
    rule = inclusion("FEV1 ≥ 1.2L or > 40% predictive")
    assert rule.kind == "any_of"
    assert limits(rule) == [("fev1_volume", Comparator.GE, 1.2, "L"), ("fev1", Comparator.GT, 40.0, "%")]


def test_the_systolic_ejection_fraction_is_the_lvef() -> None:
    rule = lab(
        "Cardiovascular: Systolic ejection fraction at least 50%",
        context="PATIENT CHARACTERISTICS: Cardiovascular",
    )
    assert (rule.analyte, rule.comparator, rule.value, rule.unit) == ("lvef", Comparator.GE, 50.0, "%")


def test_at_the_time_of_participation_is_now() -> None:
    rule = inclusion(
        "Adequate organ function at time of participation, defined as Haematological: Haemoglobin > "
        "9gm/dl, ANC ≥ 1500/cmm3, Platelet ≥100000/cmm3 Liver Function test: Bilirubin ≤2 x upper limit "
        "normal (ULN), AST/ALT/ ALP ≤ 2.5 x ULN Renal Function test: Creatinine ≤ 1.5 ULN, Creatinine "
        "Clearance ≥60 ml/min."
    )
    assert [(t.analyte, t.comparator, t.value, t.unit, t.multiple_of) for t in thresholds(rule)] == [
        ("hemoglobin", Comparator.GT, 9.0, "g/dL", None),
        ("anc", Comparator.GE, 1500.0, "/µL", None),
        ("platelets", Comparator.GE, 100000.0, "/µL", None),
        ("bilirubin", Comparator.LE, 2.0, None, "uln"),
        ("ast", Comparator.LE, 2.5, None, "uln"),
        ("alt", Comparator.LE, 2.5, None, "uln"),
        ("alp", Comparator.LE, 2.5, None, "uln"),
        ("creatinine", Comparator.LE, 1.5, None, "uln"),
    ]
    assert rule.kind == "all_of"
    clearance = rule.children[-1]
    assert (clearance.kind, clearance.analyte, clearance.comparator, clearance.value, clearance.unit) == (
        "derived",
        "crcl",
        Comparator.GE,
        60.0,
        "mL/min",
    )


def test_an_exclusion_glucose_in_mg_per_d_excludes_only_above_its_limit() -> None:
    text = "Fasting plasma/serum glucose >126 mg/d"

    def glucose(value: float) -> PatientFacts:
        return patient(labs=[{"test": "fasting_glucose", "value": value, "unit": "mg/dL"}])

    assert outcome(Section.EXCLUSION, text, glucose(140.0)) is Outcome.FAIL
    assert outcome(Section.EXCLUSION, text, glucose(98.0)) is Outcome.PASS
    assert outcome(Section.EXCLUSION, text, patient()) is Outcome.UNKNOWN
