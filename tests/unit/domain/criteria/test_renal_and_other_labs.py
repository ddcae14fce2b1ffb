"""Renal thresholds as registries print them: the clearance formula written out, a method offered beside any
other, and the other labs of the renal theme."""

from __future__ import annotations

from one_criterion import exclusion, inclusion, limits, outcome, patient, result, review

from trialmatch.domain.criteria import AllOf, AnyOf, DerivedValueRule, FindingRule, LabThreshold
from trialmatch.domain.criteria.base import Comparator
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.facts import PatientFacts

_PRINTED_FORMULA = (
    "Severe renal dysfunction: estimated creatinine clearance of <30 mL/min, measured in 24-hour urine or "
    "calculated using the formula of Cockroft and Gault [(140-Age)*Mass (kg)/(72*creatinine mg/dL); multiply "
    "by 0.85 if female]."
)


def _creatinine(value: float, **fields: object) -> PatientFacts:
    return patient(labs=[{"test": "creatinine", "value": value, "unit": "mg/dL", "uln": 1.1}], **fields)


def test_the_printed_cockcroft_gault_formula_is_no_threshold():
    rule = exclusion(_PRINTED_FORMULA)
    assert isinstance(rule, DerivedValueRule)
    assert (rule.analyte, rule.comparator, rule.value, rule.unit) == ("crcl", Comparator.LT, 30.0, "mL/min")
    low = _creatinine(3.0, weight_kg=60)  # (140 - 62) × 60 × 0.85 / (72 × 3.0) ≈ 18 mL/min
    high = _creatinine(0.8, weight_kg=60)  # ≈ 69 mL/min
    assert outcome("exclusion", _PRINTED_FORMULA, low) is Outcome.FAIL
    assert outcome("exclusion", _PRINTED_FORMULA, high) is Outcome.PASS


def test_the_formula_bracket_after_a_clearance_beside_its_method_note_is_read():
    rule = inclusion(
        "Creatinine clearance (CrCl) ≥ 30 mL/min (either measured or estimated by the Cockcroft- Gault "
        "formula) [Cockcroft-Gault formula for estimated creatinine clearance (eCrCl) = (140 - Age) × "
        "Weight (kg) × (0.85 if Female) / (72 × serum creatinine (mg/dL))]"
    )
    assert isinstance(rule, DerivedValueRule)
    assert (rule.analyte, rule.comparator, rule.value) == ("crcl", Comparator.GE, 30.0)


def test_a_bracket_of_other_numbers_than_the_formula_is_not_claimed():
    assert inclusion("Hemoglobin ≥ 9 g/dL [(140 - age) / 72]").kind == "review"
    assert inclusion("Hemoglobin ≥ 9 g/dL (140 - age)").kind == "review"


_ANY_FORMULA = (
    "Estimated glomerular filtration rate ≥30 mL/minute/1.73 m2 (calculated by Modification of Diet in Renal "
    "Disease (MDRD) or any other validated formula, see Appendix 13.4)"
)


def test_a_method_beside_any_other_validated_formula_asks_for_no_method():
    rule = inclusion(_ANY_FORMULA)
    assert isinstance(rule, DerivedValueRule)
    assert (rule.analyte, rule.comparator, rule.value, rule.unit) == (
        "egfr",
        Comparator.GE,
        30.0,
        "mL/min/1.73m2",
    )
    assert rule.method is None


def test_the_patients_ckd_epi_egfr_decides_when_any_validated_formula_is_accepted():
    assert outcome("inclusion", _ANY_FORMULA, _creatinine(2.6)) is Outcome.FAIL  # CKD-EPI 2021 ≈ 20
    assert outcome("inclusion", _ANY_FORMULA, _creatinine(0.9)) is Outcome.PASS
    assert outcome("inclusion", _ANY_FORMULA, patient()) is Outcome.UNKNOWN


def test_the_method_alone_still_asks_for_that_method():
    rule = inclusion("eGFR ≥ 30 mL/min/1.73 m2 (calculated by MDRD)")
    assert isinstance(rule, DerivedValueRule)
    assert rule.method == "mdrd"
    assert outcome("inclusion", "eGFR ≥ 30 mL/min/1.73 m2 (calculated by MDRD)", _creatinine(2.6)) is (
        Outcome.UNKNOWN
    )


def test_or_equivalent_in_a_clause_ending_the_item_or_a_bracket_drops_the_method():
    for text in (
        "eGFR ≥ 45 mL/min/1.73 m2, calculated by MDRD or any other validated formula.",
        "eGFR ≥ 45 mL/min/1.73 m2 (by MDRD or equivalent)",
    ):
        rule = inclusion(text)
        assert isinstance(rule, DerivedValueRule), text
        assert (rule.analyte, rule.value, rule.method) == ("egfr", 45.0, None)


def test_words_after_the_any_formula_clause_keep_it_unread():
    rule = inclusion("eGFR ≥ 45 mL/min/1.73 m2 with MDRD or equivalent for patients over 70")
    assert rule.kind == "review"


_FLOOR = (
    "Glomerular filtration rate (GFR) >=60 mL/min/1.73 m^2 unless data exists supporting safe use at lower "
    "kidney function values, no lower than 30 mL/min/1.73 m^2"
)


def test_a_gfr_with_a_floor_where_data_allow_reads_the_floor_as_its_lenient_value():
    rule = inclusion(_FLOOR)
    assert isinstance(rule, DerivedValueRule)
    assert (rule.analyte, rule.comparator, rule.value, rule.lenient_value, rule.unit) == (
        "egfr",
        Comparator.GE,
        60.0,
        30.0,
        "mL/min/1.73m2",
    )


def test_between_the_bound_and_the_floor_the_clinician_judges():
    assert outcome("inclusion", _FLOOR, _creatinine(0.8)) is Outcome.PASS  # CKD-EPI 2021 ≈ 83
    between = result("inclusion", _FLOOR, _creatinine(1.5))  # ≈ 39
    assert between.result is Outcome.UNKNOWN
    assert "30–60" in between.reason
    assert outcome("inclusion", _FLOOR, _creatinine(3.0)) is Outcome.FAIL  # ≈ 17, below the floor too
    assert outcome("inclusion", _FLOOR, patient()) is Outcome.UNKNOWN


def test_the_floor_binds_the_last_of_alternatives():
    rule = inclusion(
        "Creatinine clearance >= 60 mL/min or GFR >= 60 mL/min/1.73 m^2 unless data exists supporting safe "
        "use at lower kidney function values, no lower than 30 mL/min/1.73 m^2"
    )
    assert isinstance(rule, AnyOf)
    clearance, gfr = rule.children
    assert isinstance(clearance, DerivedValueRule)
    assert isinstance(gfr, DerivedValueRule)
    assert (clearance.analyte, clearance.value, clearance.lenient_value) == ("crcl", 60.0, None)
    assert (gfr.analyte, gfr.value, gfr.lenient_value) == ("egfr", 60.0, 30.0)


def test_a_floor_in_another_unit_or_in_an_exclusion_stays_for_review():
    other_unit = _FLOOR.replace("no lower than 30 mL/min/1.73 m^2", "no lower than 30 mL/min")
    assert inclusion(other_unit).kind == "review"
    assert exclusion(_FLOOR).kind == "review"


def test_a_bound_after_and_stays_with_the_analyte_before_it_when_the_item_is_split():
    text = "Participants with CKD and eGFR ≥ 30 and < 90 mL/min/1.73 m2 at screening"
    rule = inclusion(text)
    assert isinstance(rule, AllOf)
    ckd, *gfr = rule.children
    assert isinstance(ckd, FindingRule)
    assert (ckd.concept, ckd.present) == ("chronic_kidney_disease", True)
    assert limits(AllOf(source_span=rule.source_span, children=gfr)) == [
        ("egfr", Comparator.GE, 30.0, "mL/min/1.73m2"),
        ("egfr", Comparator.LT, 90.0, "mL/min/1.73m2"),
    ]
    in_range = patient(
        labs=[{"test": "creatinine", "value": 1.5, "unit": "mg/dL"}],
        findings={"chronic_kidney_disease": True},
    )
    assert outcome("inclusion", text, in_range) is Outcome.PASS  # CKD-EPI 2021 ≈ 39
    assert outcome("inclusion", text, _creatinine(0.6)) is not Outcome.PASS  # ≈ 100, and CKD not recorded


_PAIRED = (
    "Hepatic: AST no greater than 2.5 times upper limit of normal (ULN) AND alkaline phosphatase no greater "
    "than ULN OR AST no greater than ULN AND alkaline phosphatase no greater than 4 times ULN"
)


def test_or_between_blocks_pairing_the_same_analytes_joins_whole_blocks():
    rule = inclusion(_PAIRED)
    assert isinstance(rule, AnyOf)
    first, second = rule.children
    assert [(c.analyte, c.comparator, c.value, c.multiple_of) for c in first.children] == [
        ("ast", Comparator.LE, 2.5, "uln"),
        ("alp", Comparator.LE, 1.0, "uln"),
    ]
    assert [(c.analyte, c.comparator, c.value, c.multiple_of) for c in second.children] == [
        ("ast", Comparator.LE, 1.0, "uln"),
        ("alp", Comparator.LE, 4.0, "uln"),
    ]


def _liver(ast: float, alp: float) -> PatientFacts:
    return patient(
        labs=[
            {"test": "AST", "value": ast, "unit": "U/L", "uln": 40},
            {"test": "ALP", "value": alp, "unit": "U/L", "uln": 120},
        ]
    )


def test_a_patient_meeting_one_whole_block_passes_and_one_mixing_the_blocks_fails():
    assert outcome("inclusion", _PAIRED, _liver(ast=90, alp=100)) is Outcome.PASS  # first block
    assert outcome("inclusion", _PAIRED, _liver(ast=35, alp=400)) is Outcome.PASS  # second block
    assert outcome("inclusion", _PAIRED, _liver(ast=90, alp=400)) is Outcome.FAIL  # AST of one, ALP of other


def test_blocks_naming_other_analytes_stay_for_review():
    text = (
        "Chronic kidney disease (defined as an estimated glomerular filtration rate <60mL/min/1.73m2 or eGFR "
        "60-90mL/min/1.73m2 and UACR >300mg/g)."
    )
    assert "mixed" in review(text)


def test_the_nci_clearance_clause_abbreviated_pts_w_restates_the_creatinine_alternative():
    text = (
        "Serum creatinine =< 1.5 ULN or creatinine clearance (CrCl) >= 45 mL/min for patients (pts) w/ "
        "creatinine levels above institutional normal within 7 days prior to start of first dose."
    )
    rule = inclusion(text)
    assert isinstance(rule, AnyOf)
    creatinine, clearance = rule.children
    assert isinstance(creatinine, LabThreshold)
    assert (creatinine.analyte, creatinine.comparator, creatinine.value, creatinine.multiple_of) == (
        "creatinine",
        Comparator.LE,
        1.5,
        "uln",
    )
    assert limits(clearance) == [("crcl", Comparator.GE, 45.0, "mL/min")]


def test_the_clause_alone_abbreviated_spares_a_normal_creatinine():
    text = "Creatinine clearance >= 45 mL/min for pts w/ creatinine levels above institutional normal"
    rule = inclusion(text)
    assert isinstance(rule, AnyOf)
    assert outcome("inclusion", text, _creatinine(0.9)) is Outcome.PASS


def test_a_gfr_unit_cut_after_its_caret_is_per_1_73_m2():
    rule = inclusion("Glomerular filtration rate (GFR) >= 50 mL/min/1.73m^.")
    assert limits(rule) == [("egfr", Comparator.GE, 50.0, "mL/min/1.73m2")]
