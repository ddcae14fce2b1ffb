"""A GFR limit whose equation is the patient's age band's (Schwartz for children, CKD-EPI 2009 for adults),
and the CKD-EPI 2009 equation as a method of its own: the file's eGFR (CKD-EPI 2021) can show it met, never
missed."""

from __future__ import annotations

from one_criterion import entered, exclusion, inclusion, limits_with_multiples, outcome, patient, result

from trialmatch.domain.criteria import AgeRule, AllOf, AnyOf, DerivedValueRule
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

SCHWARTZ_THEN_2009 = (
    "eGFR<60/ml/min/1,73 m2 valuated according to revised Bedside Schwartz Formula for patients between "
    "2 and 17 years and with CKD-EPI Creatinine 2009 Equation for 18 years old patients."
)
CITED = (
    "Renal dysfunction, defined as an estimated glomerular filtration rate (eGFR) <60 mL/min/1.73m² at "
    "Screening Visit 2 (using the Chronic Kidney Disease Epidemiology Collaboration [CKD-EPI] formula "
    "[Levey et al, 2009] for age ≥18 years at screening; using the Bedside Schwartz [Schwartz and Work, "
    "2009] eGFR formula for age <18)."
)
NORMAL = entered(("creatinine", 0.8, "mg/dL"))
"""eGFR CKD-EPI 2021 about 83 for the 62-year-old woman."""
LOW = entered(("creatinine", 1.6, "mg/dL"))
"""eGFR CKD-EPI 2021 about 36."""


def _bands(rule: object) -> list[tuple[float | None, float | None, bool, str | None]]:
    """(min age, max age, max inclusive, method) of each band of the reading."""
    assert isinstance(rule, AnyOf), rule
    found = []
    for band in rule.children:
        assert isinstance(band, AllOf)
        ages, limit = band.children
        assert isinstance(ages, AgeRule)
        assert isinstance(limit, DerivedValueRule)
        found.append((ages.min, ages.max, ages.max_inclusive, limit.method))
    return found


def test_each_age_band_is_held_to_the_limit_by_its_own_equation():
    rule = exclusion(SCHWARTZ_THEN_2009)
    assert _bands(rule) == [(18.0, None, True, "ckd-epi-2009"), (2.0, 17.0, True, "schwartz")]
    assert limits_with_multiples(rule) == [("egfr", "<", 60.0, "mL/min/1.73m2", None)] * 2
    cited = exclusion(CITED)
    assert _bands(cited) == [(18.0, None, True, "ckd-epi-2009"), (None, 18.0, False, "schwartz")]
    assert limits_with_multiples(cited) == [("egfr", "<", 60.0, "mL/min/1.73m2", None)] * 2


def test_the_file_egfr_clears_an_adult_and_leaves_a_low_one_to_the_clinician():
    assert outcome(Section.EXCLUSION, CITED, patient(labs=NORMAL)) is Outcome.PASS
    low = result(Section.EXCLUSION, CITED, patient(labs=LOW))
    assert low.result is Outcome.UNKNOWN
    assert "the trial asks for CKD-EPI 2009, which may give another value" in low.reason
    assert outcome(Section.EXCLUSION, SCHWARTZ_THEN_2009, patient()) is Outcome.UNKNOWN


def test_a_child_is_held_to_the_egfr_the_clinician_enters():
    """The file computes no eGFR for a child (its equation is the adults'): the clinician's value decides."""
    child = patient(age=12, labs=LOW)
    found = result(Section.EXCLUSION, SCHWARTZ_THEN_2009, child)
    assert found.result is Outcome.UNKNOWN
    assert found.missing == ("eGFR",)
    low = patient(age=12, labs=entered(("egfr", 50, "mL/min/1.73m2")))
    assert outcome(Section.EXCLUSION, SCHWARTZ_THEN_2009, low) is Outcome.FAIL
    well = patient(age=12, labs=entered(("egfr", 95, "mL/min/1.73m2")))
    assert outcome(Section.EXCLUSION, SCHWARTZ_THEN_2009, well) is Outcome.PASS


INCLUSION = (
    "eGFR ≥ 60 mL/min/1.73 m2 using the Schwartz formula for patients under 18 years and with CKD-EPI "
    "for patients aged 18 years or older"
)


def test_an_inclusion_reads_the_same_bands():
    rule = inclusion(INCLUSION)
    assert _bands(rule) == [(18.0, None, True, "ckd-epi"), (None, 18.0, False, "schwartz")]
    assert outcome(Section.INCLUSION, INCLUSION, patient(labs=NORMAL)) is Outcome.PASS
    assert outcome(Section.INCLUSION, INCLUSION, patient(labs=LOW)) is Outcome.FAIL
    assert outcome(Section.INCLUSION, INCLUSION, patient()) is Outcome.UNKNOWN


def test_bands_with_a_gap_are_not_read():
    rule = exclusion(
        "eGFR<60 mL/min/1.73 m2 using the Schwartz formula for patients between 2 and 17 years and with "
        "CKD-EPI for patients aged 20 years or older."
    )
    assert rule.kind == "review"


def test_the_2009_equation_is_a_method_of_its_own():
    text = (
        "Participants with eGFR < 25 mL/min/1.73 m^2 (calculated based on the CKD-EPI equation, using 2009 "
        "formula). eGFR can be reassessed once within 48 hours."
    )
    rule = exclusion(text)
    assert isinstance(rule, DerivedValueRule)
    assert (rule.analyte, rule.comparator.symbol, rule.value, rule.unit, rule.method) == (
        "egfr",
        "<",
        25.0,
        "mL/min/1.73m2",
        "ckd-epi-2009",
    )
    assert outcome(Section.EXCLUSION, text, patient(labs=NORMAL)) is Outcome.PASS
    high = patient(labs=entered(("creatinine", 3.5, "mg/dL")))
    assert outcome(Section.EXCLUSION, text, high) is Outcome.UNKNOWN
    assert outcome(Section.EXCLUSION, text, patient()) is Outcome.UNKNOWN
    assert exclusion("eGFR <60 mL/min/1.73m² using CKD-EPI Creatinine 2009 Equation").method == "ckd-epi-2009"
    assert exclusion("eGFR <60 mL/min/1.73m² using CKD-EPI 2021 Equation").method == "ckd-epi"
