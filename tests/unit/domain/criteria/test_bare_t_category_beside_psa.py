"""A bare T category ("T2") read as the tumour's when the item also holds a PSA or Gleason limit: "T2, PSA
greater than 40 µg/L" under "locally advanced adenocarcinoma of the prostate, defined as 1 of the
following"."""

from __future__ import annotations

from one_criterion import entered, inclusion, limits_with_multiples, patient, result, review

from trialmatch.domain.criteria.logic import AllOf
from trialmatch.domain.criteria.t_category import TCategoryRule
from trialmatch.domain.evaluation import Outcome

_PSA_ONLY = "T2, PSA greater than 40 µg/L"
_WITH_GLEASON = "T2, PSA greater than 20 µg/L AND Gleason score at least 8"


def test_the_bare_category_joins_the_psa_and_gleason_limits():
    rule = inclusion(_WITH_GLEASON)
    assert isinstance(rule, AllOf)
    category = rule.children[0]
    assert isinstance(category, TCategoryRule)
    assert (category.low, category.high, category.clinical) == ("T2", "T2", False)
    assert limits_with_multiples(rule) == [
        ("psa", ">", 20.0, "ng/mL", None),
        ("gleason", "≥", 8.0, "1", None),
    ]
    assert limits_with_multiples(inclusion(_PSA_ONLY)) == [("psa", ">", 40.0, "ng/mL", None)]


def test_the_verdicts_for_a_t2_tumour_and_its_psa():
    high = patient(sex="male", stage="cT2b N0 M0", labs=entered(("PSA", 52, "ng/mL")))
    low = patient(sex="male", stage="cT2b N0 M0", labs=entered(("PSA", 12, "ng/mL")))
    later = patient(sex="male", stage="cT3a N0 M0", labs=entered(("PSA", 52, "ng/mL")))
    untested = patient(sex="male", stage="cT2b N0 M0")
    assert result("inclusion", _PSA_ONLY, high).result is Outcome.PASS
    assert result("inclusion", _PSA_ONLY, low).result is Outcome.FAIL
    assert result("inclusion", _PSA_ONLY, later).result is Outcome.FAIL
    assert result("inclusion", _PSA_ONLY, untested).result is Outcome.UNKNOWN


def test_a_bare_t3_with_no_prostate_value_beside_it_is_still_not_read():
    assert review("T3")
    assert review("Abnormal thyroid function, defined as any of: T3")
