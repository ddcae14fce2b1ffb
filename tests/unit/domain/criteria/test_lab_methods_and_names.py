"""Measurement words that leave a threshold as it is (pre-bronchodilator, AOBPM, non-fasting) and the names
of pulmonary and blood-gas tests: what each reads as, and what must stay for review."""

from __future__ import annotations

from one_criterion import exclusion, inclusion, limits

from trialmatch.domain.analytes import get_analyte, resolve_analyte
from trialmatch.domain.criteria.base import Comparator
from trialmatch.domain.criteria.reading.numbers import normalise
from trialmatch.domain.units import convert


def test_spirometry_before_or_after_a_bronchodilator_is_the_one_fev1_of_the_file():
    assert limits(inclusion("Pre-BD FEV1 ≥ 40%.")) == [("fev1", Comparator.GE, 40.0, "%")]
    ranged = inclusion("Pre-bronchodilator FEV1 ≥ 40% to ≤ 90% of predicted normal.")
    assert ranged.kind == "all_of"
    assert limits(ranged) == [("fev1", Comparator.GE, 40.0, "%"), ("fev1", Comparator.LE, 90.0, "%")]
    volume = inclusion("FEV1≥ 1000cc (without bronchodilator)")
    assert limits(volume) == [("fev1_volume", Comparator.GE, 1000.0, "mL")]


def test_a_bronchodilator_response_is_not_a_threshold_on_fev1():
    rule = inclusion(
        "FEV-1/FVC at least 80% of predicted OR FEV-1/FVC less than 80% AND improvement in FEV-1 less than "
        "15% after using a bronchodilator"
    )
    assert rule.kind == "review"
    assert "improvement" in rule.why


def test_bronchodilator_words_are_claimed_only_beside_spirometry():
    assert inclusion("Hemoglobin ≥ 9 g/dL (without bronchodilator)").kind == "review"


def test_an_automated_office_blood_pressure_is_the_blood_pressure():
    assert limits(exclusion("Mean seated SBP on AOBPM ≥ 170 mmHg.")) == [
        ("sbp", Comparator.GE, 170.0, "mmHg")
    ]
    assert limits(exclusion("Mean seated DBP on AOBPM ≥ 105 mmHg.")) == [
        ("dbp", Comparator.GE, 105.0, "mmHg")
    ]
    spelt = inclusion(
        "Mean seated SBP on automated office blood pressure measurement (AOBPM) ≥ 140 mmHg at Screening."
    )
    assert limits(spelt) == [("sbp", Comparator.GE, 140.0, "mmHg")]


def test_a_non_fasting_glucose_is_read_as_glucose_like_a_random_one():
    rule = exclusion("The participant has a non-fasting glucose level of ≥200 mg/dL at screening")
    assert limits(rule) == [("glucose", Comparator.GE, 200.0, "mg/dL")]


def test_fev_without_its_subscript_is_fev1():
    rule = inclusion("Pulmonary: FEV, FVC, and DLCO greater than 50% of predicted")
    assert rule.kind == "all_of"
    assert limits(rule) == [
        ("fev1", Comparator.GT, 50.0, "%"),
        ("fvc", Comparator.GT, 50.0, "%"),
        ("dlco", Comparator.GT, 50.0, "%"),
    ]


def test_vital_capacity_is_its_own_test_and_forced_vital_capacity_stays_fvc():
    both = exclusion(
        "Vital capacity and diffusing capacity of the lung for carbon monoxide (DLCO) of ≤50% of the normal "
        "predicted values, or"
    )
    assert both.kind == "all_of"
    assert limits(both) == [("vital_capacity", Comparator.LE, 50.0, "%"), ("dlco", Comparator.LE, 50.0, "%")]
    assert limits(inclusion("FEV1 and VC greater than 65% of predicted")) == [
        ("fev1", Comparator.GT, 65.0, "%"),
        ("vital_capacity", Comparator.GT, 65.0, "%"),
    ]
    assert limits(inclusion("Forced vital capacity greater than 60% predicted")) == [
        ("fvc", Comparator.GT, 60.0, "%")
    ]


def test_blood_gas_partial_pressures_in_mmhg():
    assert limits(inclusion("PaCO2 ≤ 45 mmHg.")) == [("pco2", Comparator.LE, 45.0, "mmHg")]
    pdq = inclusion("FEV1 greater than 1.0 L pCO2 less than 50")
    assert pdq.kind == "all_of"
    assert limits(pdq) == [("fev1_volume", Comparator.GT, 1.0, "L"), ("pco2", Comparator.LT, 50.0, "mmHg")]
    either = inclusion("Partial pressure of oxygen at least 60 OR Oxygen saturation at least 90%")
    assert either.kind == "any_of"
    assert limits(either) == [("po2", Comparator.GE, 60.0, "mmHg"), ("spo2", Comparator.GE, 90.0, "%")]
    assert resolve_analyte("PaO2").id == "po2"
    assert resolve_analyte("pCO2").id == "pco2"


def test_the_pao2_fio2_ratio_is_not_the_pao2():
    assert "po2" not in exclusion("Critical hypoxemia (PaO2/FiO2 < 150 mm Hg),").model_dump_json()
    assert "po2" not in exclusion("Pulmonary oedema with PaO2 / FiO2 < 100; or").model_dump_json()


def test_a_percentage_of_the_lower_limit_of_predicted_is_a_multiple_of_the_lln():
    rule = inclusion(
        "Pulmonary: DLCO at least 60% lower limit of predicted pCO2 no greater than 43 mmHg on room air pO2 "
        "greater than 85 mmHg on room air FEV 1 at least 2 liters"
    )
    dlco = rule.children[0]
    assert (dlco.analyte, dlco.value, dlco.unit, dlco.multiple_of) == ("dlco", 0.6, None, "lln")


def test_a_sign_in_brackets_restating_the_comparator_words_is_read_once():
    text = "Estimated creatinine clearance >= 30 and less than (<) 50 mL/min (per Cockcroft-Gault equation)"
    assert len(normalise(text)) == len(text)
    clearance = inclusion(text)
    assert clearance.kind == "all_of"
    assert [(c.analyte, c.comparator, c.value, c.unit, c.method) for c in clearance.children] == [
        ("crcl", Comparator.GE, 30.0, "mL/min", "cockcroft-gault"),
        ("crcl", Comparator.LT, 50.0, "mL/min", "cockcroft-gault"),
    ]
    assert inclusion("Age greater than or equal to (≥) 18 years.").min == 18.0
    assert inclusion("ECOG performance status of less than or equal to (≤) 2.").max == 2


def test_a_sign_in_brackets_that_disagrees_with_the_words_stays_for_review():
    assert inclusion("BMI greater than (<) 30").kind == "review"
    assert inclusion("Hemoglobin (<) 9 g/dL").kind == "review"


def test_a_machine_qtc_by_bazett_is_not_the_qtcf():
    rule = exclusion(
        "Mean resting corrected QT interval (QTc) > 470 msec, obtained from triplicate ECGs, using the "
        "screening clinic ECG machine derived Bazett's formula (QTcB) value"
    )
    assert rule.kind == "review"


def test_an_hba1c_in_mmol_per_mol_is_read_as_the_percentage_printed_beside_it_when_they_agree():
    rule = exclusion("HbA1c ≥48 mmol/mol (6.5%) as measured at visit 1.")
    assert limits(rule) == [("hba1c", Comparator.GE, 6.5, "%")]
    assert exclusion("HbA1c ≥58 mmol/mol (6.5%)").kind == "review"
    assert exclusion("HbA1c >85 mmol/mol").kind == "review"


def test_a_urine_ratio_per_mmol_of_creatinine_converts_to_the_ratio_per_gram():
    assert convert(22.6, "mg/mmol", "mg/g", get_analyte("uacr")) == 199.784
    assert convert(1.0, "mg/mmol", "mg/mg", get_analyte("upcr")) == 0.00884
    restated = inclusion(
        "Urine albumin creatinine ratio > 200 mg/g (22.6 mg/mmol) and < 5000 mg/g (565 mg/mmol) at screening"
    )
    assert limits(restated) == [
        ("uacr", Comparator.GT, 200.0, "mg/g"),
        ("uacr", Comparator.LT, 5000.0, "mg/g"),
    ]
    assert inclusion("Urine albumin creatinine ratio > 200 mg/g (2.26 mg/mmol)").kind == "review"
    assert limits(inclusion("UACR ≥ 30 mg/mmol")) == [("uacr", Comparator.GE, 30.0, "mg/mmol")]


def test_the_creatinine_a_urine_ratio_is_per_is_not_a_creatinine_threshold():
    rule = inclusion("Urine albumin creatinine ratio<300 mg/g of Creatinine;")
    assert limits(rule) == [("uacr", Comparator.LT, 300.0, "mg/g")]


def test_the_2021_ckd_epi_equation_is_the_one_the_file_computes_and_the_2009_one_a_method_of_its_own():
    rule = inclusion("eGFR ≥ 30 mL/min/1.73 m2 (CKD-EPI Creatinine Equation [2021])")
    assert (rule.kind, rule.analyte, rule.comparator, rule.value, rule.method) == (
        "derived",
        "egfr",
        Comparator.GE,
        30.0,
        "ckd-epi",
    )
    old = exclusion(
        "eGFR < 25 mL/min/1.73 m^2 (calculated based on the CKD-EPI equation, using 2009 formula)."
    )
    assert (old.kind, old.method) == ("derived", "ckd-epi-2009")


def test_a_clearance_named_again_as_what_the_site_calculates_is_not_a_second_threshold():
    rule = inclusion(
        "Creatinine clearance [CrCl]) ≥ 50 mL/min(Creatinine clearance (CrCl) should be calculated per "
        "institutional standard)"
    )
    assert (rule.kind, rule.analyte, rule.comparator, rule.value, rule.unit) == (
        "derived",
        "crcl",
        Comparator.GE,
        50.0,
        "mL/min",
    )
    listed = inclusion(
        "Hemoglobin ≥ 9 g/dL;Crcl ≥ 50ml/min creatinine clearance may be calculated using the "
        "institutional/laboratory standard method."
    )
    assert [(c.analyte, c.value) for c in listed.children] == [("hemoglobin", 9.0), ("crcl", 50.0)]


def test_the_words_opening_a_list_of_thresholds_are_read_with_them():
    rule = inclusion(
        "The results of liver and kidney function and blood routine examination within 1 week before "
        "enrollment were consistent with the following conditions：ANC≥1.5×10^9/L,PLT≥80×10^9/L,HGB≥80g/L"
    )
    assert limits(rule) == [
        ("anc", Comparator.GE, 1.5, "10^9/L"),
        ("platelets", Comparator.GE, 80.0, "10^9/L"),
        ("hemoglobin", Comparator.GE, 80.0, "g/L"),
    ]
    qualified = inclusion("Patients with liver metastases must meet the following criteria: AST ≤ 5 x ULN")
    assert qualified.kind == "review"


def test_a_calculation_method_named_before_the_clearance_is_its_method():
    rule = inclusion("Cockcroft-Gault creatinine clearance ≥ 60 mL/min and hemoglobin ≥ 9 g/dL")
    assert rule.kind == "all_of"
    clearance = rule.children[0]
    assert (clearance.analyte, clearance.value, clearance.method) == ("crcl", 60.0, "cockcroft-gault")
    assert inclusion("Cockcroft-Gault: hemoglobin > 9 g/dL").kind == "review"


def test_corrected_and_ionised_calcium_are_not_the_total_calcium():
    assert limits(inclusion("Corrected serum calcium ≤11 mg/dL")) == [
        ("calcium_corrected", Comparator.LE, 11.0, "mg/dL")
    ]
    assert limits(inclusion("Serum calcium ≤ 11 mg/dL")) == [("calcium", Comparator.LE, 11.0, "mg/dL")]
    assert resolve_analyte("ionized calcium").id == "ionized_calcium"
    assert convert(1.0, "mmol/L", "mg/dL", get_analyte("calcium_corrected")) == 4.0078


def test_the_transfer_coefficient_dlco_per_alveolar_volume_is_not_the_dlco():
    rule = inclusion("DLCO or DLVA ≥ 50% predicted (corrected for hemoglobin or alveolar ventilation)")
    assert rule.kind == "any_of"
    assert limits(rule) == [("dlco", Comparator.GE, 50.0, "%"), ("kco", Comparator.GE, 50.0, "%")]
    assert limits(inclusion("DLCO/VA ≥ 60% predicted")) == [("kco", Comparator.GE, 60.0, "%")]


def test_free_and_total_thyroid_hormones_in_pmol_and_nmol_per_litre():
    rule = inclusion(
        "Thyroid function tests: 3.1pmol/L ≤ Free triiodothyronine (FT3) ≤ 6.8pmol/L; 12pmol/L ≤ Serum free "
        "thyroxine (FT4) ≤ 22pmol/L"
    )
    assert limits(rule) == [
        ("ft3", Comparator.GE, 3.1, "pmol/L"),
        ("ft3", Comparator.LE, 6.8, "pmol/L"),
        ("ft4", Comparator.GE, 12.0, "pmol/L"),
        ("ft4", Comparator.LE, 22.0, "pmol/L"),
    ]
    assert round(convert(1.0, "ng/dL", "pmol/L", get_analyte("ft4")), 2) == 12.87
    assert resolve_analyte("T4") is None  # a tumour stage, never a thyroxine


def test_an_exclusion_met_by_all_of_a_list_stays_for_review():
    rule = exclusion(
        "Laboratory tests meet all of the following criteria: ANC < 1000/mm3; platelets < 50,000/mm3"
    )
    assert rule.kind == "review"
