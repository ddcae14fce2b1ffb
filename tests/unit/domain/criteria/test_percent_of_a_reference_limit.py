"""A limit printed as a percentage of a reference limit: "DLCO at least 60% of the lower limit of predicted
value" is ≥ 0.6 × LLN, not ≥ 60 % of predicted; "bilirubin ≤ 150% of ULN" is ≤ 1.5 × ULN."""

from one_criterion import limits_with_multiples, outcome, patient

from trialmatch.domain.criteria import parse_criterion
from trialmatch.domain.criteria.logic import leaves
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

LOWER_LIMIT_OF_PREDICTED = "DLCO at least 60% of the lower limit of predicted value"


def test_a_percentage_of_the_lower_limit_of_predicted_is_a_multiple_of_the_lln() -> None:
    rule = parse_criterion(LOWER_LIMIT_OF_PREDICTED, Section.INCLUSION, None)
    assert limits_with_multiples(rule) == [("dlco", "≥", 0.6, None, "lln")]


def test_the_dlco_is_held_to_the_share_of_its_lower_limit() -> None:
    def dlco(value: float) -> list[dict[str, object]]:
        return [{"test": "dlco", "value": value, "unit": "%", "lln": 75}]

    assert (
        outcome("inclusion", LOWER_LIMIT_OF_PREDICTED, patient(labs=dlco(50))) is Outcome.PASS
    )  # 45 % needed
    assert outcome("inclusion", LOWER_LIMIT_OF_PREDICTED, patient(labs=dlco(40))) is Outcome.FAIL
    assert outcome("inclusion", LOWER_LIMIT_OF_PREDICTED, patient()) is Outcome.UNKNOWN


def test_the_predicted_lower_limit_worded_after_the_percentage() -> None:
    rule = parse_criterion(
        "Diffusing capacity for carbon monoxide (DLCO) greater than 50% of predicted lower limit",
        Section.INCLUSION,
        None,
    )
    assert limits_with_multiples(rule) == [("dlco", ">", 0.5, None, "lln")]
    rule = parse_criterion("DLCO at least 60% of LLN", Section.INCLUSION, None)
    assert limits_with_multiples(rule) == [("dlco", "≥", 0.6, None, "lln")]


def test_pulmonary_limits_listed_without_separators() -> None:
    text = (
        "Pulmonary: DLCO at least 60% lower limit of predicted pCO2 no greater than 43 mmHg on room air pO2 "
        "greater than 85 mmHg on room air FEV 1 at least 2 liters"
    )
    rule = parse_criterion(text, Section.INCLUSION, "PATIENT CHARACTERISTICS: Pulmonary")
    assert rule.kind == "all_of"
    assert limits_with_multiples(rule) == [
        ("dlco", "≥", 0.6, None, "lln"),
        ("pco2", "≤", 43.0, "mmHg", None),
        ("po2", ">", 85.0, "mmHg", None),
        ("fev1_volume", "≥", 2.0, "L", None),
    ]
    gases = [
        {"test": "dlco", "value": 70, "unit": "%", "lln": 75},
        {"test": "pco2", "value": 40, "unit": "mmHg"},
        {"test": "po2", "value": 90, "unit": "mmHg"},
        {"test": "fev1_volume", "value": 2.5, "unit": "L"},
    ]
    context = "PATIENT CHARACTERISTICS: Pulmonary"
    assert outcome("inclusion", text, patient(labs=gases), context) is Outcome.PASS
    hypercapnic = [*gases[:1], {"test": "pco2", "value": 48, "unit": "mmHg"}, *gases[2:]]
    assert outcome("inclusion", text, patient(labs=hypercapnic), context) is Outcome.FAIL
    assert outcome("inclusion", text, patient(labs=gases[:3]), context) is Outcome.UNKNOWN


def test_a_percentage_of_the_upper_limit_is_a_multiple_of_the_uln() -> None:
    text = "Total bilirubin ≤ 150% of ULN"
    rule = parse_criterion(text, Section.INCLUSION, None)
    assert limits_with_multiples(rule) == [("bilirubin", "≤", 1.5, None, "uln")]
    bilirubin = [{"test": "bilirubin", "value": 1.6, "unit": "mg/dL", "uln": 1.2}]
    assert outcome("inclusion", text, patient(labs=bilirubin)) is Outcome.PASS  # 1.33 × ULN
    bilirubin[0]["value"] = 2.0
    assert outcome("inclusion", text, patient(labs=bilirubin)) is Outcome.FAIL
    assert outcome("inclusion", text, patient()) is Outcome.UNKNOWN


def test_less_than_the_whole_upper_limit_is_not_read_as_a_share_of_it() -> None:
    text = (
        "Patients with hepatic or renal dysfunction as per the following: AST, ALT>3*ULN, serum creatinine "
        "exceeds 50% of the upper limit of normal value;"
    )
    assert "review" in {leaf.kind for leaf in leaves(parse_criterion(text, Section.EXCLUSION, None))}


def test_a_percentage_followed_by_or_above_is_no_share_of_the_limit_after_it():
    # "≥ 50% or above the LLN" names two limits; read as 0.5 × LLN it admitted an LVEF of 30 %.
    rule = parse_criterion("LVEF ≥ 50% or above the LLN", Section.INCLUSION, None)
    assert ("lvef", "≥", 0.5, None, "lln") not in limits_with_multiples(rule)
