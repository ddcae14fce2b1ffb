"""The peak oxygen consumption of an exercise test (VO2 max, mL/min/kg), the alternative some trials give to
the lung function tests before a transplant or a resection."""

from one_criterion import limits_with_multiples, patient, result

from trialmatch.domain.criteria import parse_criterion
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

PULMONARY = "PATIENT CHARACTERISTICS: Pulmonary"
TEXT = "Pulmonary: DLCO and spirometry at least 60% OR Exercise VO2 max/kg at least 15 mL/min/kg"


def test_the_vo2_max_is_the_alternative_to_the_lung_function_tests() -> None:
    rule = parse_criterion(TEXT, Section.INCLUSION, PULMONARY)
    assert rule.kind == "any_of"
    assert limits_with_multiples(rule) == [
        ("dlco", "≥", 60.0, "%", None),
        ("fev1", "≥", 60.0, "%", None),
        ("fvc", "≥", 60.0, "%", None),
        ("vo2_max", "≥", 15.0, "mL/min/kg", None),
    ]
    assert limits_with_multiples(parse_criterion("peak VO2 > 20 ml/kg/min", Section.INCLUSION, None)) == [
        ("vo2_max", ">", 20.0, "mL/min/kg", None)
    ]


def test_a_patient_with_a_low_dlco_is_met_by_the_vo2_max() -> None:
    def labs(vo2_max: float) -> list[dict[str, object]]:
        return [
            {"test": "dlco", "value": 50, "unit": "%"},
            {"test": "vo2_max", "value": vo2_max, "unit": "mL/kg/min"},
        ]

    assert result("inclusion", TEXT, patient(labs=labs(18)), PULMONARY).result is Outcome.PASS
    assert result("inclusion", TEXT, patient(labs=labs(12)), PULMONARY).result is Outcome.FAIL
    assert result("inclusion", TEXT, patient(), PULMONARY).result is Outcome.UNKNOWN
