"""Body height: "Body height < 150 cm", "height less than 6'2\"" (feet and inches, read as 74 inches), judged
on the file's height; and the reasons printed beside a body-size limit (a treadmill's, a fixed dose's),
which add no condition."""

from __future__ import annotations

import pytest
from one_criterion import exclusion, inclusion, lab, limits_with_multiples, patient, result, review

from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

_TREADMILL = "Weight less than 298 pounds and height less than 6'2\" (based on treadmill contraindications)"
_BORE = (
    "Patients with a body habitus that the CT bore of the CT/Linac treatment machine cannot accommodate "
    "(i.e. height greater than 6' 3\" or body weight greater than 300 pounds)."
)
_DOSING = "Patient weight of ≥ 50 kg due to FT538 fixed cell dosing and FT538 product pre-dosed packaging."


def test_a_height_in_centimetres():
    rule = lab("Body height < 150 cm", Section.EXCLUSION)
    assert (rule.analyte, rule.comparator.value, rule.value, rule.unit) == ("height", "<", 150.0, "cm")


def test_feet_and_inches_are_read_as_inches_beside_the_weight():
    rule = inclusion(_TREADMILL)
    assert rule.kind == "all_of"
    assert limits_with_multiples(rule) == [
        ("body_weight", "<", 298.0, "lb", None),
        ("height", "<", 74.0, "in", None),
    ]


def test_a_machine_that_cannot_take_the_patient_excludes_either_size():
    rule = exclusion(_BORE)
    assert rule.kind == "any_of"
    assert limits_with_multiples(rule) == [
        ("height", ">", 75.0, "in", None),
        ("body_weight", ">", 300.0, "lb", None),
    ]


@pytest.mark.parametrize(
    ("height", "weight", "outcome"),
    [
        (180.0, 100.0, Outcome.PASS),  # 74 in is 187.96 cm
        (190.0, 100.0, Outcome.FAIL),
        (180.0, 140.0, Outcome.FAIL),  # 298 lb is 135.2 kg
        (None, 100.0, Outcome.UNKNOWN),
    ],
)
def test_the_treadmill_limits(height: float | None, weight: float, outcome: Outcome):
    facts = patient(weight_kg=weight, **({"height_cm": height} if height is not None else {}))
    assert result("inclusion", _TREADMILL, facts).result is outcome


@pytest.mark.parametrize(
    ("height", "weight", "outcome"),
    [(185.0, 90.0, Outcome.PASS), (192.0, 90.0, Outcome.FAIL), (None, 90.0, Outcome.UNKNOWN)],
)
def test_the_ct_bore_excludes_a_patient_taller_than_6_3(
    height: float | None, weight: float, outcome: Outcome
):
    facts = patient(weight_kg=weight, **({"height_cm": height} if height is not None else {}))
    assert result("exclusion", _BORE, facts).result is outcome


def test_the_dosing_reason_adds_no_condition():
    rule = lab(_DOSING)
    assert (rule.analyte, rule.comparator.value, rule.value, rule.unit) == ("body_weight", ">=", 50.0, "kg")
    assert result("inclusion", _DOSING, patient(weight_kg=48.0)).result is Outcome.FAIL
    assert result("inclusion", _DOSING, patient(weight_kg=62.0)).result is Outcome.PASS
    assert result("inclusion", _DOSING, patient()).result is Outcome.UNKNOWN


def test_height_named_as_an_adjustment_is_no_height_limit():
    rule = inclusion(
        "Upright (sitting position) Slow Vital Capacity (SVC) as adjusted for sex, age and height "
        "≥ 50% predicted"
    )
    assert "height" not in {t[0] for t in limits_with_multiples(rule)}


def test_a_reason_naming_the_patients_is_not_taken_for_a_dosing_reason():
    assert review("Weight ≥ 50 kg due to poor oral intake").startswith("condition without a threshold")
