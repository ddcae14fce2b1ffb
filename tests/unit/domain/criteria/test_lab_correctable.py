"""An electrolyte the trial lets be corrected before it is judged: a value past the limit the correction
addresses is left to the clinician, not failed; the other side of the range still decides."""

from __future__ import annotations

from one_criterion import entered, evaluation, exclusion, patient, result

from trialmatch.domain.criteria import LabThreshold, parse_criterion
from trialmatch.domain.criteria.logic import leaves
from trialmatch.domain.trial import Section

HYPOKALAEMIA_NOTE = (
    "Serum Potassium more than 1.0 x ULN or less than 1.0 x LLN. Note: Patients experiencing hypokalemia are "
    "permitted to undergo treatment to attain normal potassium levels during the screening period."
)
SUPPLEMENTS = (
    "Patients must have the following laboratory values within normal limits or corrected to within normal "
    "limits with supplements"
)
RAISED_POTASSIUM = (
    "Potassium (potassium increase of up to 6.0 mmol/L is acceptable if associated with CrCl ≥ 90 mL/min),"
)


def _limits(rule: object) -> list[tuple[str, str, float, str | None, str | None, list[str | None]]]:
    return [
        (t.analyte, t.comparator.symbol, t.value, t.unit, t.multiple_of, [e.text for e in t.exceptions])
        for t in leaves(rule)  # type: ignore[arg-type]
        if isinstance(t, LabThreshold)
    ]


def _potassium(value: float) -> list[dict[str, object]]:
    return entered(("potassium", value, "mmol/L"))


def test_a_hypokalaemia_that_may_be_corrected_waives_only_the_low_limit_of_an_exclusion():
    assert _limits(exclusion(HYPOKALAEMIA_NOTE)) == [
        ("potassium", ">", 1.0, None, "uln", []),
        (
            "potassium",
            "<",
            1.0,
            None,
            "lln",
            [
                "Patients experiencing hypokalemia are permitted to undergo treatment to attain normal"
                " potassium levels during the screening period"
            ],
        ),
    ]


def test_a_low_potassium_the_trial_lets_be_corrected_is_left_to_the_clinician_a_high_one_excludes():
    low = result("exclusion", HYPOKALAEMIA_NOTE, patient(labs=_potassium(3.0)))
    assert low.result.value == "unknown"
    assert "is not checked" in low.reason
    assert result("exclusion", HYPOKALAEMIA_NOTE, patient(labs=_potassium(6.0))).result.value == "fail"
    assert result("exclusion", HYPOKALAEMIA_NOTE, patient(labs=_potassium(4.0))).result.value == "pass"
    assert result("exclusion", HYPOKALAEMIA_NOTE, patient()).result.value == "unknown"


def test_a_heading_allowing_supplements_waives_the_lower_limit_of_its_electrolytes():
    rule = parse_criterion(RAISED_POTASSIUM, Section.INCLUSION, SUPPLEMENTS)
    assert _limits(rule) == [
        (
            "potassium",
            "≥",
            1.0,
            None,
            "lln",
            ["(heading) corrected to within normal limits with supplements"],
        ),
        ("potassium", "≤", 1.0, None, "uln", []),
        ("potassium", "≤", 6.0, "mmol/L", None, []),
    ]


def test_a_low_potassium_under_the_supplements_heading_is_unknown_a_normal_one_passes():
    def judged(value: float) -> str:
        only = evaluation("inclusion", RAISED_POTASSIUM, patient(labs=_potassium(value)), SUPPLEMENTS)
        return only.results[0].result.value

    assert judged(3.0) == "unknown"
    assert judged(4.0) == "pass"
    raised = evaluation(
        "inclusion",
        RAISED_POTASSIUM,
        patient(labs=[*_potassium(6.5), *entered(("crcl", 100, "mL/min"))]),
        SUPPLEMENTS,
    )
    assert raised.results[0].result.value == "fail"  # above the raised 6.0 mmol/L: supplements do not help


def test_a_magnesium_under_the_supplements_heading_is_waived_below_its_normal_range():
    rule = parse_criterion(
        "Magnesium (magnesium increase of up to 3.0 mg/dL or 1.23 mmol/L if associated with CrCl ≥ 90"
        " mL/min),",
        Section.INCLUSION,
        SUPPLEMENTS,
    )
    waived = [
        (t.comparator.symbol, t.multiple_of)
        for t in leaves(rule)
        if isinstance(t, LabThreshold) and t.exceptions
    ]
    assert waived == [("≥", "lln")]
