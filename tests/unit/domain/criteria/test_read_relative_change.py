"""A rise from the patient's own nadir or baseline ("Rise in serum PSA greater than 50% of nadir", "CA-125
must have at least doubled from baseline"): the multiple of that earlier value, judged unknown whatever
today's value, while the other parts of the criterion still decide."""

from __future__ import annotations

from one_criterion import entered, inclusion, lab, limits_with_multiples, patient, result

from trialmatch.domain.evaluation import Outcome

_RISE = "Rise in serum PSA greater than 50% of nadir confirmed on 2 measurements 1 week apart"
_DOUBLED = (
    "Evaluable disease is defined by: CA-125 at least 100 units/mL AND CA-125 level must have at least"
    " doubled from baseline determination"
)


def test_a_rise_of_half_the_nadir_is_above_one_and_a_half_times_the_nadir():
    rule = lab(_RISE)
    assert (rule.analyte, rule.comparator, rule.value, rule.unit, rule.multiple_of) == (
        "psa",
        ">",
        1.5,
        None,
        None,
    )
    assert (rule.timepoint, rule.relative, rule.qualifier) == (
        "nadir",
        True,
        "confirmed on 2 measurements 1 week apart",
    )


def test_a_rise_from_the_nadir_is_unknown_whatever_todays_psa():
    reason = (
        "needs the nadir PSA (PSA > 1.5 × the nadir PSA); to confirm: confirmed on 2 measurements"
        " 1 week apart; the patient file holds current values only"
    )
    for labs in (entered(("PSA", 0.1, "ng/mL")), entered(("PSA", 80, "ng/mL")), []):
        found = result("inclusion", _RISE, patient(sex="male", labs=labs))
        assert (found.result, found.reason, found.values_used) == (Outcome.UNKNOWN, reason, ())


def test_a_doubling_from_baseline_beside_todays_limit():
    rule = inclusion(_DOUBLED)
    assert limits_with_multiples(rule) == [
        ("ca125", "≥", 100.0, "U/mL", None),
        ("ca125", "≥", 2.0, None, None),
    ]
    assert [(t.timepoint, t.relative) for t in rule.children] == [(None, False), ("baseline", True)]  # type: ignore[union-attr]
    assert result("inclusion", _DOUBLED, patient(labs=entered(("CA-125", 40, "U/mL")))).result is Outcome.FAIL
    assert (
        result("inclusion", _DOUBLED, patient(labs=entered(("CA-125", 400, "U/mL")))).result
        is Outcome.UNKNOWN
    )
    assert result("inclusion", _DOUBLED, patient()).result is Outcome.UNKNOWN


def test_a_doubling_time_is_no_doubling_from_baseline():
    assert inclusion("PSA doubling time (PSADT) of ≤ 10 months.").kind == "review"


_FAILED = (
    "Failure of androgen ablation (orchiectomy or luteinizing hormone releasing hormone, flutamide) -Rise in"
    " PSA greater than 50% of nadir confirmed by 2 measurements 1 week apart"
)


def test_the_therapy_a_rise_defines_the_failure_of_is_kept_for_the_clinician():
    rule = lab(_FAILED)
    assert (rule.analyte, rule.comparator, rule.value, rule.unit, rule.timepoint, rule.relative) == (
        "psa",
        ">",
        1.5,
        None,
        "nadir",
        True,
    )
    assert rule.qualifier == (
        "Failure of androgen ablation (orchiectomy or luteinizing hormone releasing hormone, flutamide);"
        " confirmed by 2 measurements 1 week apart"
    )
    for labs in (entered(("PSA", 0.1, "ng/mL")), entered(("PSA", 80, "ng/mL")), []):
        found = result("inclusion", _FAILED, patient(sex="male", labs=labs))
        assert found.result is Outcome.UNKNOWN
        assert "to confirm: Failure of androgen ablation" in found.reason
