"""Blood pressure, heart rate and oxygen saturation wordings around the limits: the notes on how the value is
taken that change nothing, and the conditions that do."""

from one_criterion import exclusion, limits_with_multiples, patient, result

from trialmatch.domain.evaluation import Outcome

UNCONTROLLED_ON_TREATMENT = (
    "Subjects with hypertension that cannot be well controlled by antihypertensive medication (systolic "
    "blood pressure ≥150 mmHg or diastolic blood pressure ≥100 mmHg) (Note: a stable antihypertensive "
    "regimen should be in place within 1 week before the first dose);"
)


def pressures(systolic: float, diastolic: float) -> list[dict[str, object]]:
    return [
        {"test": "sbp", "value": systolic, "unit": "mmHg"},
        {"test": "dbp", "value": diastolic, "unit": "mmHg"},
    ]


def test_a_note_asking_a_stable_regimen_says_how_the_pressure_on_treatment_is_taken() -> None:
    rule = exclusion(UNCONTROLLED_ON_TREATMENT)
    assert rule.kind == "any_of"
    assert limits_with_multiples(rule) == [
        ("sbp", "≥", 150.0, "mmHg", None),
        ("dbp", "≥", 100.0, "mmHg", None),
    ]
    assert all(child.qualifier and "measured on treatment" in child.qualifier for child in rule.children)
    assert (
        result("exclusion", UNCONTROLLED_ON_TREATMENT, patient(labs=pressures(130, 80))).result
        is Outcome.PASS
    )
    high = result("exclusion", UNCONTROLLED_ON_TREATMENT, patient(labs=pressures(160, 80)))
    assert high.result is Outcome.UNKNOWN  # above the limit: the clinician confirms it is on treatment
    assert "measured on treatment" in high.reason
    assert result("exclusion", UNCONTROLLED_ON_TREATMENT, patient()).result is Outcome.UNKNOWN
