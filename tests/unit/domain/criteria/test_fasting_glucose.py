"""A fasting glucose limit is judged on a fasting value only; a fasting value still answers a limit on any
glucose."""

from __future__ import annotations

from one_criterion import lab, patient, result

from trialmatch.domain.analytes import resolve_analyte
from trialmatch.domain.criteria.base import Comparator
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section


def _fields(text: str, section: Section = Section.INCLUSION) -> tuple[str, Comparator, float, str | None]:
    rule = lab(text, section)
    return rule.analyte, rule.comparator, rule.value, rule.unit


def test_a_fasting_name_reads_as_fasting_glucose_and_a_non_fasting_one_as_glucose():
    fasting = ("fasting_glucose", Comparator.GE, 126, "mg/dL")
    assert _fields("Fasting plasma glucose (FPG) ≥ 126 mg/dL") == fasting
    assert _fields("Fasting blood sugar < 7.0 mmol/L") == ("fasting_glucose", Comparator.LT, 7.0, "mmol/L")
    assert _fields("Non-fasting glucose ≥ 200 mg/dL", Section.EXCLUSION)[0] == "glucose"
    assert _fields("Random blood glucose > 250 mg/dL", Section.EXCLUSION)[0] == "glucose"


def test_fasting_said_beside_the_value_makes_it_a_fasting_glucose():
    text = "Baseline plasma glucose concentration ≤ 60 mg/dL (after at least 8 hours fasting)"
    assert _fields(text, Section.EXCLUSION) == ("fasting_glucose", Comparator.LE, 60, "mg/dL")


def test_the_patient_file_names_a_fasting_value_apart_from_a_random_one():
    assert resolve_analyte("FPG").id == "fasting_glucose"
    assert resolve_analyte("fasting glucose").id == "fasting_glucose"
    assert resolve_analyte("glucose").id == "glucose"


def test_a_random_glucose_does_not_decide_a_fasting_limit():
    """A random 150 mg/dL says nothing of a fasting limit of 126: failing on it would hide the trial."""
    text = "Fasting glucose < 126 mg/dL"
    random = result("inclusion", text, patient(labs=[{"test": "glucose", "value": 150, "unit": "mg/dL"}]))
    assert (random.result, random.reason) == (Outcome.UNKNOWN, "fasting glucose not entered")
    fasting = result("inclusion", text, patient(labs=[{"test": "FPG", "value": 110, "unit": "mg/dL"}]))
    assert (fasting.result, fasting.reason) == (Outcome.PASS, "fasting glucose 110 mg/dL, within < 126 mg/dL")
    high = result("inclusion", text, patient(labs=[{"test": "FPG", "value": 7.5, "unit": "mmol/L"}]))
    assert high.result is Outcome.FAIL


def test_a_fasting_value_answers_a_limit_on_any_glucose_and_says_it_is_fasting():
    facts = patient(labs=[{"test": "fasting glucose", "value": 110, "unit": "mg/dL"}])
    judged = result("exclusion", "Glucose > 250 mg/dL", facts)
    assert judged.result is Outcome.PASS
    assert judged.values_used == ("glucose 110 mg/dL (fasting)",)
