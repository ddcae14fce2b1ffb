"""Labs near and past the limits: the exceptions a trial prints for Gilbert's syndrome, liver metastases and
anticoagulation reach the limits they are about, so the patients they admit are not failed."""

from __future__ import annotations

from typing import Any

from one_criterion import outcome, patient

from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.facts import PatientFacts
from trialmatch.domain.segmentation import split_criteria

GILBERT_OR_LIVER_METASTASES = (
    "Total bilirubin > upper limit of normal (ULN), aspartate aminotransferase (AST) (serum glutamic "
    "oxaloacetic transaminase [SGOT]) and alanine aminotransferase (ALT) (serum glutamic pyruvic "
    "transaminase [SPGT]) > 2.5 ULN (unless the participant has documented Gilbert's syndrome, "
    "hepatocellular carcinoma, or hepatic metastases)"
)
UNLESS_THEY_RESULT = (
    "Patients with serum creatinine > 2 mg%, transaminases (ALT, AST) > 3 times upper normal value, direct "
    "bilirubin > 2 mg%, unless they result from tumor involvement"
)
THERAPEUTIC_RANGE = (
    "Coagulation: International normalized ratio (INR) ≤ 1.5 ULN and activated partial thromboplastin time "
    "(aPTT) ≤ 1.5 ULN. Patients on therapeutic doses of anticoagulation medication must have INR and/or "
    "aPTT ≤ the upper limit of the therapeutic range for intended use."
)
DISCUSSED = (
    "International normalized ratio (INR) or prothrombin time (PT) and activated partial thromboplastin time "
    "(aPTT) ≤ 1.5 × ULN. Subjects on anticoagulant therapy should be discussed with the Medical Monitor."
)


def _patient(labs: list[dict[str, Any]], **findings: bool) -> PatientFacts:
    """A 60-year-old man of 70 kg with ``labs`` and ``findings`` (an underscore for each space)."""
    named = {name.replace("_", " "): value for name, value in findings.items()}
    return patient(age=60, sex="male", weight_kg=70, labs=labs, findings=named)


GILBERT_LIVER = [
    {"test": "total bilirubin", "value": 2.2, "unit": "mg/dL", "uln": 1.2},
    {"test": "AST", "value": 90, "unit": "U/L", "uln": 40},
    {"test": "ALT", "value": 85, "unit": "U/L", "uln": 40},
]


def test_a_waiver_naming_gilbert_syndrome_after_the_transaminases_also_spares_the_bilirubin():
    gilbert = _patient(GILBERT_LIVER, gilbert_syndrome=True, liver_metastases=True)
    assert outcome("exclusion", GILBERT_OR_LIVER_METASTASES, gilbert) is not Outcome.FAIL
    above_all = _patient(
        [{"test": "total bilirubin", "value": 2.2, "unit": "mg/dL", "uln": 1.2}],
        gilbert_syndrome=False,
        liver_metastases=False,
    )
    assert outcome("exclusion", GILBERT_OR_LIVER_METASTASES, above_all) is not Outcome.PASS


def test_unless_they_result_from_tumor_involvement_covers_every_value_listed():
    liver = _patient(
        [
            {"test": "AST", "value": 180, "unit": "U/L", "uln": 40},
            {"test": "creatinine", "value": 0.9, "unit": "mg/dL"},
        ],
        liver_metastases=True,
    )
    assert outcome("exclusion", UNLESS_THEY_RESULT, liver) is Outcome.UNKNOWN


def test_a_waiver_about_an_analyte_no_earlier_limit_measures_stays_on_its_own_limit():
    text = "ANC ≥ 1500/µL, bilirubin ≤ 1.5 x ULN (unless Gilbert's syndrome)"
    low_anc = _patient(
        [
            {"test": "ANC", "value": 1.2, "unit": "10^9/L"},
            {"test": "total bilirubin", "value": 0.8, "unit": "mg/dL"},
        ],
        gilbert_syndrome=True,
    )
    assert outcome("inclusion", text, low_anc) is Outcome.FAIL


def test_a_patient_on_warfarin_above_the_inr_limit_is_left_to_the_clinician():
    on_warfarin = _patient(
        [{"test": "INR", "value": 2.5}, {"test": "aPTT", "value": 30, "unit": "s", "uln": 35}]
    )
    assert outcome("inclusion", THERAPEUTIC_RANGE, on_warfarin) is Outcome.UNKNOWN
    assert outcome("inclusion", DISCUSSED, on_warfarin) is Outcome.UNKNOWN
    normal = _patient([{"test": "INR", "value": 1.0}, {"test": "aPTT", "value": 30, "unit": "s", "uln": 35}])
    assert outcome("inclusion", THERAPEUTIC_RANGE, normal) is Outcome.PASS


def test_a_sentence_that_keeps_anticoagulated_patients_out_is_not_a_waiver():
    text = "INR ≤ 1.5. Patients on warfarin must be switched to low molecular weight heparin."
    high = _patient([{"test": "INR", "value": 2.5}])
    assert outcome("inclusion", text, high) is Outcome.FAIL


def test_no_lab_limit_fails_a_patient_without_labs():
    nothing = _patient([])
    for section, text in (
        ("exclusion", GILBERT_OR_LIVER_METASTASES),
        ("exclusion", UNLESS_THEY_RESULT),
        ("inclusion", THERAPEUTIC_RANGE),
        ("inclusion", DISCUSSED),
    ):
        assert outcome(section, text, nothing) is Outcome.UNKNOWN


def test_a_sub_item_admitting_anticoagulated_patients_is_part_of_the_clotting_item_above_it():
    block = (
        "Inclusion Criteria:\n\n"
        "  -  INR ≤ 1.5 and aPTT within normal limits\n\n"
        "       -  Anticoagulation therapy (e.g., warfarin or heparin) allowed\n\n"
        "  -  Creatinine ≤ 1.5 times the ULN\n"
    )
    texts = [c.text for c in split_criteria(block)]
    assert texts == [
        "INR ≤ 1.5 and aPTT within normal limits. "
        "Anticoagulation therapy (e.g., warfarin or heparin) allowed",
        "Creatinine ≤ 1.5 times the ULN",
    ]
    on_warfarin = _patient(
        [{"test": "INR", "value": 2.5}, {"test": "aPTT", "value": 30, "unit": "s", "uln": 35}]
    )
    assert outcome("inclusion", texts[0], on_warfarin) is Outcome.UNKNOWN


def test_a_limit_whose_footnote_is_printed_elsewhere_leaves_a_patient_past_it_to_the_clinician():
    gilbert = _patient(
        [{"test": "total bilirubin", "value": 2.2, "unit": "mg/dL", "uln": 1.2}], gilbert_syndrome=True
    )
    assert outcome("inclusion", "Total Bilirubin ≤1.5 x ULN*", gilbert) is Outcome.UNKNOWN
    normal = _patient([{"test": "total bilirubin", "value": 0.8, "unit": "mg/dL", "uln": 1.2}])
    assert outcome("inclusion", "Total Bilirubin ≤1.5 x ULN*", normal) is Outcome.PASS
    noted = "Bilirubin no greater than 2.5 times ULN* NOTE: *Unless attributable to lymphoma"
    assert outcome("inclusion", noted, gilbert) is Outcome.PASS


def test_a_second_footnote_mark_is_a_footnote_printed_elsewhere_too():
    # "SGOT less than 60 IU/mL* *" (NCT00002600): its footnote, "Unless abnormality due to metastatic
    # involvement", is the next item; read bare, a melanoma patient with liver metastases failed at AST 88.
    high = _patient([{"test": "AST", "value": 88, "unit": "U/L", "uln": 40}])
    assert outcome("inclusion", "SGOT less than 60 IU/mL* *", high) is Outcome.UNKNOWN
    low = _patient([{"test": "AST", "value": 32, "unit": "U/L", "uln": 40}])
    assert outcome("inclusion", "SGOT less than 60 IU/mL* *", low) is Outcome.PASS
    assert outcome("inclusion", "Renal: Creatinine less than 2.0 mg/dL* *", _patient([])) is Outcome.UNKNOWN


def test_a_sub_item_with_the_limit_for_patients_with_liver_involvement_is_part_of_the_item_above_it():
    block = (
        "Inclusion Criteria:\n\n"
        "  -  AST/ALT =< 3 x institutional ULN\n\n"
        "       -  AST and/or ALT =< 5 x ULN for patients with liver involvement\n"
    )
    (criterion,) = split_criteria(block)
    assert (
        criterion.text
        == "AST/ALT =< 3 x institutional ULN. AST and/or ALT =< 5 x ULN for patients with liver involvement"
    )
    liver = _patient(
        [
            {"test": "AST", "value": 160, "unit": "U/L", "uln": 40},
            {"test": "ALT", "value": 150, "unit": "U/L", "uln": 40},
        ],
        liver_metastases=True,
    )
    assert outcome("inclusion", criterion.text, liver) is Outcome.PASS
    no_liver = _patient(
        [
            {"test": "AST", "value": 160, "unit": "U/L", "uln": 40},
            {"test": "ALT", "value": 150, "unit": "U/L", "uln": 40},
        ],
        liver_metastases=False,
    )
    assert outcome("inclusion", criterion.text, no_liver) is Outcome.FAIL


def test_a_line_starting_with_the_multiplier_of_the_number_before_it_continues_that_item():
    block = (
        "Inclusion Criteria:\n\n"
        "* Total bilirubin ≤ 1.5 × upper limit of normal (ULN) if no liver metastases or \\< 3\n\n"
        "  × ULN in the presence of documented Gilbert's syndrome or liver metastases at baseline, and\n"
        "* AST/ALT ≤ 3 × ULN\n"
    )
    first, second = split_criteria(block)
    assert first.text == (
        "Total bilirubin ≤ 1.5 × upper limit of normal (ULN) if no liver metastases or < 3 × ULN in the "
        "presence of documented Gilbert's syndrome or liver metastases at baseline, and"
    )
    assert second.text == "AST/ALT ≤ 3 × ULN"
    gilbert = _patient(
        [{"test": "total bilirubin", "value": 3.4, "unit": "mg/dL", "uln": 1.2}], gilbert_syndrome=True
    )
    assert outcome("inclusion", first.text, gilbert) is Outcome.UNKNOWN


def test_a_sub_item_that_is_only_a_bound_under_a_condition_is_part_of_the_item_above_it():
    block = (
        "Inclusion Criteria:\n\n"
        "  -  SGOT no greater than 3 times normal\n\n"
        "       -  No greater than 5 times normal if liver metastases present\n"
    )
    (criterion,) = split_criteria(block)
    assert (
        criterion.text
        == "SGOT no greater than 3 times normal. No greater than 5 times normal if liver metastases present"
    )
    liver = _patient([{"test": "AST", "value": 160, "unit": "U/L", "uln": 40}], liver_metastases=True)
    assert outcome("inclusion", criterion.text, liver) is not Outcome.FAIL
