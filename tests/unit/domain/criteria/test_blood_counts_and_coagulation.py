"""Blood counts and coagulation as registries print them (theme: counts and clotting tests): unit spellings
that name the counted cells, old names of the neutrophil count, and what each reading decides for a patient on
either side of the threshold."""

from __future__ import annotations

from one_criterion import inclusion, lab, limits, outcome, patient, review

from trialmatch.domain.criteria import parse_criterion
from trialmatch.domain.criteria.base import Comparator
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.facts import PatientFacts
from trialmatch.domain.trial import Section

INC, EXC = Section.INCLUSION, Section.EXCLUSION


def _platelets(value: float) -> list[dict[str, object]]:
    return [{"test": "platelets", "value": value, "unit": "10^9/L"}]


# --- the counted cells named in the unit: "75,000 platelets/mm(3)", "cells/millimeter (mm^3)" -------------

PLATELETS_PER_MM3 = "Platelet count less than 75,000 platelets/mm(3)."


def test_platelets_per_cubic_millimetre_reads_as_a_count_per_microlitre():
    rule = lab(PLATELETS_PER_MM3, EXC)
    assert (rule.analyte, rule.comparator, rule.value, rule.unit) == (
        "platelets",
        Comparator.LT,
        75000,
        "/µL",
    )


def test_a_patient_below_the_count_is_excluded_and_one_above_it_is_not():
    assert outcome(EXC, PLATELETS_PER_MM3, patient(labs=_platelets(60))) is Outcome.FAIL
    assert outcome(EXC, PLATELETS_PER_MM3, patient(labs=_platelets(180))) is Outcome.PASS
    assert outcome(EXC, PLATELETS_PER_MM3, patient()) is Outcome.UNKNOWN


def test_neutrophils_per_microlitre_names_the_count_in_the_unit():
    rule = lab("ANC ≥ 1500 neutrophils/µL")
    assert (rule.analyte, rule.comparator, rule.value, rule.unit) == ("anc", Comparator.GE, 1500, "/µL")


def test_cells_per_millimetre_restated_as_cubic_millimetre_is_per_microlitre():
    rule = lab("Absolute neutrophil count ≥1000 cells/millimeter (mm^3)")
    assert (rule.analyte, rule.comparator, rule.value, rule.unit) == ("anc", Comparator.GE, 1000, "/µL")


def test_an_analyte_named_in_the_unit_is_not_a_second_analyte_of_the_sentence():
    rule = lab("Platelets ≥ 100,000 platelets/µL", INC)
    assert (rule.analyte, rule.value, rule.unit) == ("platelets", 100000, "/µL")


# --- "polymorphonuclear lymphocytes": old summaries' name for the neutrophils ------------------------------

HEMATOPOIETIC = "PATIENT CHARACTERISTICS: Hematopoietic"


def test_polymorphonuclear_lymphocyte_count_is_the_neutrophil_count():
    rule = lab("Polymorphonuclear lymphocyte count at least 1,500/mm3", INC, HEMATOPOIETIC)
    assert (rule.analyte, rule.comparator, rule.value, rule.unit) == ("anc", Comparator.GE, 1500, "/µL")


def test_polymorphonuclear_lymphocytes_without_a_unit_are_per_microlitre_by_their_size():
    rule = lab("Polymorphonuclear lymphocytes greater than 2,000", INC, HEMATOPOIETIC)
    assert (rule.analyte, rule.comparator, rule.value, rule.unit) == ("anc", Comparator.GT, 2000, "/µL")
    assert rule.unit_inferred


def test_plain_lymphocytes_stay_the_lymphocyte_count():
    assert lab("Lymphocytes greater than 2,000/mm3").analyte == "lymphocytes"


def test_a_low_neutrophil_count_fails_the_polymorphonuclear_requirement():
    text = "Polymorphonuclear lymphocyte count at least 1,500/mm3"
    low = patient(labs=[{"test": "ANC", "value": 900, "unit": "/µL"}])
    high = patient(labs=[{"test": "ANC", "value": 2100, "unit": "/µL"}])
    assert outcome(INC, text, low, HEMATOPOIETIC) is Outcome.FAIL
    assert outcome(INC, text, high, HEMATOPOIETIC) is Outcome.PASS


def test_a_count_per_millilitre_is_read_per_microlitre_only_as_an_inferred_unit():
    rule = lab("White blood cell count > 2000/mL")  # 2 cells/µL is no threshold: the µ was lost
    assert (rule.analyte, rule.value, rule.unit, rule.unit_inferred) == ("wbc", 2000.0, "/µL", True)


# --- a bracket holding only a pointer: "(see 3.1.9)", "(http://...)" -------------------------------------

WARFARIN = "INR </= 1.5 unless on warfarin (see 3.1.9)"


def test_a_pointer_to_a_protocol_section_is_no_number_of_the_criterion():
    rule = lab(WARFARIN)
    assert (rule.analyte, rule.comparator, rule.value) == ("inr", Comparator.LE, 1.5)
    (exception,) = rule.exceptions
    assert (exception.waived, exception.concept) == (True, None)
    assert (exception.text or "").startswith("unless on warfarin")


def test_a_high_inr_is_left_to_the_clinician_who_knows_about_warfarin_and_a_normal_one_passes():
    assert outcome(INC, WARFARIN, patient(labs=[{"test": "INR", "value": 2.5}])) is Outcome.UNKNOWN
    assert outcome(INC, WARFARIN, patient(labs=[{"test": "INR", "value": 1.1}])) is Outcome.PASS


def test_a_web_address_in_brackets_is_not_read_as_words_of_the_criterion():
    text = (
        "Creatinine <1.5 x ULN, or Estimated Glomerular filtration rate (GFR) >= 50ml/min by Cockcroft-Gault "
        "(http://www.mdcalc.com/creatinine-clearance-cockcroft-gault-equation/)"
    )
    rule = inclusion(text)
    assert rule.kind == "any_of"
    creatinine, clearance = rule.children
    assert (creatinine.analyte, creatinine.comparator, creatinine.value, creatinine.multiple_of) == (
        "creatinine",
        Comparator.LT,
        1.5,
        "uln",
    )
    assert (clearance.analyte, clearance.comparator, clearance.value, clearance.unit) == (
        "crcl",
        Comparator.GE,
        50,
        "mL/min",
    )
    assert clearance.method == "cockcroft-gault"


def test_a_bare_number_in_brackets_is_not_taken_for_a_pointer():
    assert review("INR ≤ 1.5 (3.1.9)")


# --- one threshold printed again in another unit after "or": "≥ 10 g/dL or 6.2 mmol/L" --------------------

ACCRUAL = (
    "Hemoglobin ≥10 g/dL or 6.2 mmol/L (Note: The use of transfusion to achieve Hgb ≥10 g/dL is acceptable)"
    " within the 28 days prior to accrual"
)


def _hb(value: float) -> PatientFacts:
    return patient(labs=[{"test": "hemoglobin", "value": value, "unit": "g/dL"}])


def test_a_value_restated_in_another_unit_after_or_is_one_threshold():
    rule = lab(ACCRUAL)
    assert (rule.analyte, rule.comparator, rule.value, rule.unit) == ("hemoglobin", Comparator.GE, 10, "g/dL")
    assert rule.lenient_value is None


def test_a_transfusion_note_restating_the_threshold_relaxes_it_for_a_low_value_only():
    (note,) = lab(ACCRUAL).exceptions
    assert (note.waived, note.concept) == (True, None)
    assert outcome(INC, ACCRUAL, _hb(11.2)) is Outcome.PASS
    assert outcome(INC, ACCRUAL, _hb(8.4)) is Outcome.UNKNOWN  # a transfusion may bring it to 10


def test_a_qualifier_after_the_restated_value_binds_the_threshold_itself():
    rule = lab("Hemoglobin ≥9.0 g/dL or ≥5.6 mmol/L, without recent transfusion")
    assert (rule.value, rule.unit, rule.qualifier) == (9.0, "g/dL", "without recent transfusion")
    assert outcome(INC, "Hemoglobin ≥9.0 g/dL or ≥5.6 mmol/L, without recent transfusion", _hb(8)) is (
        Outcome.FAIL
    )


def test_a_creatinine_restated_in_micromoles_is_one_threshold():
    rule = lab("Creatinine ≤ 1.5 mg/dL or 133 µmol/L")
    assert (rule.analyte, rule.comparator, rule.value, rule.unit) == (
        "creatinine",
        Comparator.LE,
        1.5,
        "mg/dL",
    )


def test_a_value_after_or_that_disagrees_with_the_threshold_stays_for_review():
    assert "disagrees" in review("Hemoglobin ≥9.0 g/dL or ≥7.5 mmol/L")


def test_a_limit_of_normal_after_or_stays_an_alternative():
    rule = inclusion("Creatinine ≤ 1.5 mg/dL or ≤ 1.5 x ULN")
    assert rule.kind == "any_of"


# --- a checklist question: "Does the patient have ...?" under "(All questions must be answered NO)" --------

ANSWER_NO = "(All questions must be answered NO)"
BLEEDING = "Does the patient have a bleeding disorder or a screening platelet count < 100 x 10^9/L?"


def test_a_checklist_question_states_its_exclusion():
    rule = parse_criterion(BLEEDING, EXC, ANSWER_NO)
    assert rule.kind == "any_of"
    disorder, platelets = rule.children
    assert (disorder.concept, disorder.present) == ("bleeding_disorder", True)
    assert limits(platelets) == [("platelets", Comparator.LT, 100, "10^9/L")]


def test_a_low_count_answers_yes_and_excludes_and_a_normal_one_passes():
    assert outcome(EXC, BLEEDING, patient(labs=_platelets(60)), ANSWER_NO) is Outcome.FAIL
    normal = patient(labs=_platelets(240), findings={"bleeding disorder": False})
    assert outcome(EXC, BLEEDING, normal, ANSWER_NO) is Outcome.PASS
    unasked = patient(labs=_platelets(240))  # no bleeding disorder on record either way
    assert outcome(EXC, BLEEDING, unasked, ANSWER_NO) is Outcome.UNKNOWN


def test_a_question_under_a_heading_that_wants_the_other_answer_stays_for_review():
    rule = parse_criterion(BLEEDING, EXC, "(All questions must be answered YES)")
    assert rule.kind == "review"


def test_a_question_naming_a_misprinted_unit_reads_it_in_the_prefix_that_fits():
    text = (
        "Does the patient have a screening hemoglobin < 10 mg/dL, a screening absolute neutrophil count "
        "< 1.5 x 10^9/L or a screening creatinine > 2 mg/dL?"
    )
    rule = parse_criterion(text, EXC, ANSWER_NO)
    assert rule.kind == "any_of"
    hemoglobin = rule.children[0]  # type: ignore[attr-defined]
    assert (hemoglobin.analyte, hemoglobin.value, hemoglobin.unit, hemoglobin.unit_inferred) == (
        "hemoglobin",
        10.0,
        "g/dL",
        True,
    )


# --- an exception after a bracket restating the threshold: "(1,000/μL) unless there is known HL ..." ------

HL_MARROW = (
    "Absolute neutrophil count greater than or equal to (≥)1,000 per microliter (1,000/μL) unless there is "
    "known HL marrow involvement"
)


def test_an_exception_after_a_restating_bracket_is_the_thresholds_exception():
    rule = lab(HL_MARROW)
    assert (rule.analyte, rule.comparator, rule.value, rule.unit) == ("anc", Comparator.GE, 1000, "/µL")
    assert [(e.concept, e.waived) for e in rule.exceptions] == [("bone_marrow_involvement", True)]


def test_hodgkin_marrow_involvement_waives_the_count_and_its_absence_does_not():
    low = [{"test": "ANC", "value": 700, "unit": "/µL"}]
    involved = patient(labs=low, findings={"bone marrow involvement": True})
    clear = patient(labs=low, findings={"bone marrow involvement": False})
    assert outcome(INC, HL_MARROW, involved) is Outcome.PASS
    assert outcome(INC, HL_MARROW, clear) is Outcome.FAIL
    assert outcome(INC, HL_MARROW, patient(labs=low)) is Outcome.UNKNOWN


def test_marrow_involvement_by_lymphoma_names_the_same_finding():
    rule = lab("Absolute neutrophil count ≥ 1,000/μL unless there is known marrow involvement by lymphoma")
    assert [e.concept for e in rule.exceptions] == ["bone_marrow_involvement"]
