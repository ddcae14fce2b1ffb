"""Items read only in part before: the missing part is a wording the engine now knows, and every reading is
judged for the patients a clinician would check it on."""

from __future__ import annotations

import pytest
from one_criterion import entered, outcome, patient, thresholds

from trialmatch.domain.criteria import AllOf, AnyOf, FindingRule, parse_criterion
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

INC, EXC = Section.INCLUSION, Section.EXCLUSION
PASS, FAIL, UNKNOWN = Outcome.PASS, Outcome.FAIL, Outcome.UNKNOWN


PULMONARY = "PATIENT CHARACTERISTICS: Pulmonary: If history of symptomatic pulmonary disease"


def test_an_if_heading_with_a_qualified_finding_asks_the_limit_of_the_patients_it_may_concern() -> None:
    rule = parse_criterion("DLCO greater than 50% predicted", INC, PULMONARY)
    assert isinstance(rule, AnyOf)
    condition, limit = rule.children
    assert isinstance(condition, FindingRule)
    assert (condition.concept, condition.present, condition.qualifier) == ("lung_disease", False, "history")
    assert [e.text for e in condition.exceptions] == ["symptomatic"]
    assert [(t.analyte, t.comparator.symbol, t.value, t.unit) for t in thresholds(limit)] == [
        ("dlco", ">", 50.0, "%")
    ]


@pytest.mark.parametrize(
    ("lung_disease", "dlco", "expected"),
    [
        (False, 30, PASS),  # not of the patients the heading names
        (True, 65, PASS),  # the limit met, whether symptomatic or not
        (True, 30, UNKNOWN),  # whether the disease is symptomatic decides
        (None, 30, UNKNOWN),
        (None, 65, PASS),
    ],
)
def test_an_if_heading_with_a_qualified_finding_verdicts(
    lung_disease: bool | None, dlco: float, expected: Outcome
) -> None:
    findings = {} if lung_disease is None else {"Chronic lung disease": lung_disease}
    facts = patient(labs=entered(("DLCO", dlco, "%")), findings=findings)
    assert outcome(INC, "DLCO greater than 50% predicted", facts, PULMONARY) is expected


HEPATIC = "Hepatic impairment (AST/ALT or bilirubin > 2,5 times normal limit, unless due to Lymphoma)"


def test_a_condition_defined_by_limits_with_a_decimal_comma_and_an_unless_is_read() -> None:
    rule = parse_criterion(HEPATIC, EXC, None)
    assert [(t.analyte, t.comparator.symbol, t.value, t.multiple_of) for t in thresholds(rule)] == [
        ("ast", ">", 2.5, "uln"),
        ("alt", ">", 2.5, "uln"),
        ("bilirubin", ">", 2.5, "uln"),
    ]
    for limit in thresholds(rule):
        (unless,) = limit.exceptions
        assert (unless.concept, unless.text, unless.waived) == (None, "unless due to Lymphoma", True)


@pytest.mark.parametrize(
    ("alt", "expected"),
    [
        (30, PASS),  # 0.75 × ULN
        (120, UNKNOWN),  # 3 × ULN: whether lymphoma causes it is the clinician's call
    ],
)
def test_a_condition_defined_by_limits_with_an_unless_verdicts(alt: float, expected: Outcome) -> None:
    labs = [
        {"test": "ALT", "value": alt, "unit": "U/L", "uln": 40},
        {"test": "AST", "value": 30, "unit": "U/L", "uln": 40},
        {"test": "Bilirubin", "value": 0.6, "unit": "mg/dL", "uln": 1.2},
    ]
    assert outcome(EXC, HEPATIC, patient(labs=labs)) is expected


def test_times_normal_limit_ends_the_threshold_before_an_unless() -> None:
    (limit,) = thresholds(parse_criterion("ALT > 2.5 times normal limit unless due to lymphoma", EXC, None))
    assert (limit.comparator.symbol, limit.value, limit.multiple_of) == (">", 2.5, "uln")
    assert [e.text for e in limit.exceptions] == ["unless due to lymphoma"]


POLYCYTHEMIA = (
    "Subject has anemia (hemoglobin <10.0 g/dL) or polycythemia/hypovolemia (hemoglobin >16.5 g/dL)"
)


def test_the_alternative_after_a_read_head_is_read_when_it_reads_fully() -> None:
    rule = parse_criterion(POLYCYTHEMIA, EXC, None)
    assert isinstance(rule, AnyOf)
    assert [(t.analyte, t.comparator.symbol, t.value, t.unit) for t in thresholds(rule)] == [
        ("hemoglobin", "<", 10.0, "g/dL"),
        ("hemoglobin", ">", 16.5, "g/dL"),
    ]


@pytest.mark.parametrize(("hemoglobin", "expected"), [(9.1, FAIL), (13.0, PASS), (17.2, FAIL)])
def test_the_alternative_after_a_read_head_verdicts(hemoglobin: float, expected: Outcome) -> None:
    facts = patient(labs=entered(("Hemoglobin", hemoglobin, "g/dL")))
    assert outcome(EXC, POLYCYTHEMIA, facts) is expected


def test_a_condition_after_alternatives_binds_the_last_only() -> None:
    """Read as "(> 450 ms or ≥ 480 ms) for participants with bundle branch block", a man with QTcF 460 ms
    and no block would pass an exclusion that excludes him; the 480 ms is the exception of the men's limit
    and of the women's (test_cardio_round10)."""
    text = (
        "Corrected QT interval by Fridericia (QTcF) interval >450 ms for males and >470 ms for females at "
        "Screening Visit 2 or QTcF ≥480 ms for participants with bundle branch block."
    )
    facts = patient(sex="male", labs=entered(("QTcF", 460, "ms")), findings={"Bundle branch block": False})
    assert outcome(EXC, text, facts) is FAIL


SPLENOMEGALY = "An absolute lymphocyte count of >20,000 cells/µL, or Symptomatic splenomegaly"
HYDRONEPHROSIS = (
    "Patients with reduced creatinine clearance ( less than 50 ml/ min) or unilateral or bilateral "
    "hydronephrosis will be excluded."
)


def test_a_finding_as_the_other_alternative_is_read_with_its_qualifier() -> None:
    rule = parse_criterion(SPLENOMEGALY, INC, "DISEASE CHARACTERISTICS")
    assert isinstance(rule, AnyOf)
    count, spleen = rule.children
    assert [(t.analyte, t.comparator.symbol, t.value, t.unit) for t in thresholds(count)] == [
        ("lymphocytes", ">", 20000.0, "/µL")
    ]
    assert isinstance(spleen, FindingRule)
    assert (spleen.concept, spleen.present, [e.text for e in spleen.exceptions]) == (
        "splenomegaly",
        True,
        ["Symptomatic"],
    )


@pytest.mark.parametrize(
    ("lymphocytes", "spleen", "expected"),
    [
        (25000, None, PASS),
        (8000, False, FAIL),
        (8000, True, UNKNOWN),  # whether the splenomegaly is symptomatic
        (8000, None, UNKNOWN),
    ],
)
def test_a_finding_as_the_other_alternative_verdicts(
    lymphocytes: float, spleen: bool | None, expected: Outcome
) -> None:
    findings = {} if spleen is None else {"Splenomegaly": spleen}
    facts = patient(labs=entered(("Lymphocytes", lymphocytes, "/µL")), findings=findings)
    assert outcome(INC, SPLENOMEGALY, facts, "DISEASE CHARACTERISTICS") is expected


@pytest.mark.parametrize(
    ("clearance", "hydronephrosis", "expected"),
    [(40, False, FAIL), (80, True, FAIL), (80, False, PASS), (80, None, UNKNOWN)],
)
def test_an_exclusion_with_a_finding_as_its_other_reason(
    clearance: float, hydronephrosis: bool | None, expected: Outcome
) -> None:
    rule = parse_criterion(HYDRONEPHROSIS, EXC, None)
    assert isinstance(rule, AnyOf)
    crcl, finding = rule.children
    assert (crcl.analyte, crcl.comparator.symbol, crcl.value, crcl.unit) == ("crcl", "<", 50.0, "mL/min")
    assert isinstance(finding, FindingRule)
    assert (finding.concept, finding.present) == ("hydronephrosis", True)
    findings = {} if hydronephrosis is None else {"Hydronephrosis": hydronephrosis}
    facts = patient(labs=entered(("Creatinine clearance", clearance, "mL/min")), findings=findings)
    assert outcome(EXC, HYDRONEPHROSIS, facts) is expected


def test_in_addition_opens_one_more_requirement_of_a_paragraph() -> None:
    text = (
        "All patients should have adequate bone marrow function, as defined by peripheral granulocyte count "
        "of > 1,500/mm3, and platelet count > 100,000 mm3. Patients must have adequate liver function, with "
        "bilirubin within normal laboratory values. In addition, patients should have adequate renal "
        "function, defined as serum creatinine < 2.0 mg/dl."
    )
    rule = parse_criterion(text, INC, None)
    limits = [(t.analyte, t.comparator.symbol, t.value, t.unit, t.multiple_of) for t in thresholds(rule)]
    assert limits == [
        ("anc", ">", 1500.0, "/µL", None),
        ("platelets", ">", 100000.0, "/µL", None),
        ("bilirubin", "≤", 1.0, None, "uln"),
        ("creatinine", "<", 2.0, "mg/dL", None),
    ]
    facts = patient(
        labs=entered(("ANC", 2000, "/µL"), ("Platelets", 150000, "/µL"), ("Creatinine", 2.4, "mg/dL"))
    )
    assert outcome(INC, text, facts) is FAIL


def test_a_normal_limit_restated_as_a_value_is_the_trials_limit() -> None:
    text = "left ventricular ejection fraction (LVEF) ≥ lower limit of normal (50%)"
    (limit,) = thresholds(parse_criterion(text, INC, None))
    assert (limit.analyte, limit.comparator.symbol, limit.value, limit.unit, limit.multiple_of) == (
        "lvef",
        "≥",
        50.0,
        "%",
        None,
    )
    assert outcome(INC, text, patient(labs=entered(("LVEF", 48, "%")))) is FAIL
    assert outcome(INC, text, patient(labs=entered(("LVEF", 55, "%")))) is PASS


def test_a_multiple_of_a_normal_limit_restated_as_a_value_stays_for_review() -> None:
    rule = parse_criterion("Total bilirubin ≤ 1.5 × ULN (3 mg/dL)", INC, None)
    assert rule.kind == "review"


RENAL_SUBJECTS = "For renal Impairment subjects"
EGFR_BAND = "30 ≤ eGFR < 90 mL/min/1.73m^2"


def test_a_subgroup_heading_naming_a_finding_bounds_its_items_as_a_condition() -> None:
    rule = parse_criterion(EGFR_BAND, INC, RENAL_SUBJECTS)
    assert isinstance(rule, AnyOf)
    condition, band = rule.children
    assert isinstance(condition, FindingRule)
    assert (condition.concept, condition.present) == ("chronic_kidney_disease", False)
    assert isinstance(band, AllOf)
    assert [(t.analyte, t.comparator.symbol, t.value, t.unit) for t in band.children] == [
        ("egfr", "≥", 30.0, "mL/min/1.73m2"),
        ("egfr", "<", 90.0, "mL/min/1.73m2"),
    ]


@pytest.mark.parametrize(
    ("impaired", "egfr", "expected"),
    [
        (False, 95, PASS),  # a subject of the normal-function group
        (True, 60, PASS),
        (True, 20, FAIL),
        (None, 20, UNKNOWN),
        (None, 60, PASS),
    ],
)
def test_a_subgroup_heading_naming_a_finding_verdicts(
    impaired: bool | None, egfr: float, expected: Outcome
) -> None:
    findings = {} if impaired is None else {"Chronic kidney disease": impaired}
    facts = patient(labs=entered(("eGFR", egfr, "mL/min/1.73m2")), findings=findings)
    assert outcome(INC, EGFR_BAND, facts, RENAL_SUBJECTS) is expected


def test_a_subgroup_heading_naming_no_finding_stays_for_the_clinician() -> None:
    rule = parse_criterion(
        "Granulocyte count at least 1,500/mm^3", INC, "Hematopoietic: For high-risk patients"
    )
    assert isinstance(rule, AnyOf)
    assert rule.children[1].kind == "review"


CREATININE_OR_CLEARANCE = "Renal: Creatinine no greater than 2.0 mg/dL OR Creatinine at least 40 mL/min"


def test_creatinine_in_a_clearance_unit_is_a_clearance() -> None:
    rule = parse_criterion(CREATININE_OR_CLEARANCE, INC, "PATIENT CHARACTERISTICS: Renal")
    assert isinstance(rule, AnyOf)
    assert [(t.kind, t.analyte, t.comparator.symbol, t.value, t.unit) for t in rule.children] == [
        ("lab", "creatinine", "≤", 2.0, "mg/dL"),
        ("derived", "crcl", "≥", 40.0, "mL/min"),
    ]


@pytest.mark.parametrize(
    ("creatinine", "clearance", "expected"), [(2.4, 55, PASS), (2.4, 30, FAIL), (1.1, 30, PASS)]
)
def test_creatinine_in_a_clearance_unit_verdicts(
    creatinine: float, clearance: float, expected: Outcome
) -> None:
    labs = entered(("Creatinine", creatinine, "mg/dL"), ("Creatinine clearance", clearance, "mL/min"))
    facts = patient(labs=labs)
    assert outcome(INC, CREATININE_OR_CLEARANCE, facts, "PATIENT CHARACTERISTICS: Renal") is expected


def test_creatinine_in_a_normalised_clearance_unit_is_an_egfr() -> None:
    rule = parse_criterion("Serum creatinine > 60 ml/min/1.73m2", INC, None)
    assert (rule.kind, rule.analyte, rule.comparator.symbol, rule.value, rule.unit) == (
        "derived",
        "egfr",
        ">",
        60.0,
        "mL/min/1.73m2",
    )
    labs = entered(("eGFR", 75, "mL/min/1.73m2"))
    assert outcome(INC, "Serum creatinine > 60 ml/min/1.73m2", patient(labs=labs)) is PASS
