"""Castrate-level testosterone and how it must be reached or confirmed ("Surgically or medically castrated,
with serum testosterone ≤ 50 ng/dL", "on GnRH agonist or antagonist therapy or after bilateral orchiectomy",
"on two successive blood draws before 9:00 am"): the limit judges today's value, and a value within it is left
to the clinician with the note, which the file does not record. A therapy to continue on study asks nothing
of the value at entry."""

from __future__ import annotations

import pytest
from one_criterion import entered, lab, patient, result, review

from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

_CASTRATED = (
    "Surgically or medically castrated, with serum testosterone levels of =< 50 ng/dL (1.73 nM). For "
    "patients currently being treated with luteinizing hormone-releasing hormone (LHRH) analogs (ie, "
    "patients who have not undergone an orchiectomy), therapy must be continued throughout the study"
)
_ON_GNRH = (
    "Castrate level of serum testosterone (< 1.7 nmol/L [50 ng/dL]) on gonadotropin releasing hormone (GnRH) "
    "agonist or antagonist therapy or after bilateral orchiectomy. Participants who have not undergone "
    "bilateral orchiectomy must continue GnRH therapy during the study."
)
_TWO_DRAWS = "Low testosterone (<300 ng/dl) on two successive blood draws before 9:00 am"
_ANY_ONE = (
    "Testosterone ≤ 50 ng/dL (any one measurement >50 ng/dL suffices for inclusion) within 90 days of "
    "study entry."
)
_GNRH_NOTE = (
    "on gonadotropin releasing hormone (GnRH) agonist or antagonist therapy or after bilateral orchiectomy"
)


@pytest.mark.parametrize(
    ("text", "section", "limit", "lenient", "qualifier"),
    [
        (_CASTRATED, Section.INCLUSION, ("<=", 50.0, "ng/dL"), None, "Surgically or medically castrated"),
        (_ON_GNRH, Section.INCLUSION, ("<", 1.7, "nmol/L"), 1.73, _GNRH_NOTE),
        (
            _TWO_DRAWS,
            Section.INCLUSION,
            ("<", 300.0, "ng/dL"),
            None,
            "on two successive blood draws before 9:00 am",
        ),
        (
            _ANY_ONE,
            Section.EXCLUSION,
            ("<=", 50.0, "ng/dL"),
            None,
            "any one measurement >50 ng/dL suffices for inclusion",
        ),
    ],
)
def test_the_limit_keeps_how_it_is_reached_as_its_qualifier(
    text: str, section: Section, limit: tuple, lenient: float | None, qualifier: str
):
    rule = lab(text, section)
    assert (rule.analyte, rule.comparator.value, rule.value, rule.unit) == ("testosterone", *limit)
    assert rule.multiple_of is None
    assert rule.lenient_value == lenient
    assert rule.qualifier == qualifier


@pytest.mark.parametrize(
    ("value", "outcome", "reason"),
    [
        (
            20.0,
            Outcome.UNKNOWN,
            "testosterone 20 ng/dL, within ≤ 50 ng/dL; to confirm: Surgically or medically castrated",
        ),
        (120.0, Outcome.FAIL, "testosterone 120 ng/dL is above the allowed 50 ng/dL"),
        (None, Outcome.UNKNOWN, "testosterone not entered"),
    ],
)
def test_a_castrate_value_is_left_to_confirm_the_castration(
    value: float | None, outcome: Outcome, reason: str
):
    labs = entered(("testosterone", value, "ng/dL")) if value is not None else []
    found = result("inclusion", _CASTRATED, patient(sex="male", labs=labs))
    assert (found.result, found.reason) == (outcome, reason)


@pytest.mark.parametrize(
    ("value", "unit", "outcome", "reason"),
    [
        (
            0.9,
            "nmol/L",
            Outcome.UNKNOWN,
            f"testosterone 26 ng/dL, within < 49 ng/dL; to confirm: {_GNRH_NOTE}",
        ),
        (
            49.5,
            "ng/dL",
            Outcome.UNKNOWN,
            "testosterone 49.5 ng/dL: within the printed range 49–49.9 ng/dL, which bound applies is not "
            "stated",
        ),
        (3.5, "nmol/L", Outcome.FAIL, "testosterone 101 ng/dL is above the allowed 49 ng/dL"),
        (None, "nmol/L", Outcome.UNKNOWN, "testosterone not entered"),
    ],
)
def test_the_castrate_level_on_gnrh_therapy_is_judged_in_either_unit(
    value: float | None, unit: str, outcome: Outcome, reason: str
):
    labs = entered(("testosterone", value, unit)) if value is not None else []
    found = result("inclusion", _ON_GNRH, patient(sex="male", labs=labs))
    assert (found.result, found.reason) == (outcome, reason)


@pytest.mark.parametrize(
    ("value", "outcome"), [(40.0, Outcome.UNKNOWN), (180.0, Outcome.PASS), (None, Outcome.UNKNOWN)]
)
def test_a_castrate_value_excludes_only_once_no_other_measurement_admits(
    value: float | None, outcome: Outcome
):
    labs = entered(("testosterone", value, "ng/dL")) if value is not None else []
    found = result("exclusion", _ANY_ONE, patient(sex="male", labs=labs))
    assert found.result is outcome


@pytest.mark.parametrize(
    ("value", "outcome"), [(250.0, Outcome.UNKNOWN), (450.0, Outcome.FAIL), (None, Outcome.UNKNOWN)]
)
def test_low_testosterone_on_two_morning_draws_is_confirmed_by_the_clinician(
    value: float | None, outcome: Outcome
):
    """Testosterone peaks in the early morning: the file's value at or above 300 ng/dL fails the limit as any
    value past it does, and one below it is no proof of two morning values below it."""
    labs = entered(("testosterone", value, "ng/dL")) if value is not None else []
    assert result("inclusion", _TWO_DRAWS, patient(sex="male", labs=labs)).result is outcome


def test_a_restatement_in_nanomoles_that_is_another_value_is_left_for_review():
    assert review("serum testosterone ≤ 50 ng/dL (3.5 nM)") == "words not understood: nm"
