"""Lab sentences the reader left for one or two words: a misprinted unit, a misspelt or unusual name, a
harmless note on how the value is taken. Each is read with the exact threshold a clinician would check; the
words that change a sentence's meaning keep it for review."""

from __future__ import annotations

from one_criterion import inclusion, lab, limits, outcome, patient, review

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


def test_a_value_no_unit_fits_stays_for_review() -> None:
    assert "fits 0 units" in review("Platelets > 5/mL")
    assert "not understood: ml" in review("Creatinine ≤ 2/mL")


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
