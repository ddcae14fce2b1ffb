"""split_criteria on real eligibility blocks: the items, sections, numbers, contexts and strata a clinician
would read off the registry page. Blocks are the seed documents' eligibility parts and verbatim excerpts
of ClinicalTrials.gov records in tests/data/segmentation (NCT id in each file name)."""

from __future__ import annotations

from pathlib import Path

import pytest

from trialmatch.domain.segmentation import split_criteria
from trialmatch.domain.trial import Criterion, Section

DATA = Path(__file__).parents[2] / "data"
INCLUSION, EXCLUSION = Section.INCLUSION, Section.EXCLUSION


def record(nct: str) -> str:
    (path,) = (DATA / "segmentation").glob(f"{nct}_*.txt")
    return path.read_text(encoding="utf-8")


def seed_block(number: str, start: str, end: str) -> str:
    """The eligibility block of a seed page, cut where a registry reader cuts it."""
    (path,) = (DATA / "seeds").glob(f"{number}_*.txt")
    page = path.read_text(encoding="utf-8")
    begin = page.index(start)
    return page[begin : page.index(end, begin)]


def texts(criteria: list[Criterion], section: Section | None = None) -> list[str]:
    return [c.text for c in criteria if section is None or c.section is section]


def numbers(criteria: list[Criterion], section: Section) -> list[str | None]:
    return [c.number for c in criteria if c.section is section]


def find(criteria: list[Criterion], start: str) -> Criterion:
    (found,) = [c for c in criteria if c.text.startswith(start)]
    return found


# ---------------------------------------------------------------------------------------- empty input


@pytest.mark.parametrize("text", [None, "", "   ", "\n\n        \n      "])
def test_no_block_gives_no_criteria(text):
    assert split_criteria(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "\n        No eligibility criteria\n      ",  # NCT00005280
        "\n        Please contact site for information.\n      ",  # NCT00000187
        "\n        This information currently is not available.\n      ",  # NCT00008853
    ],
)
def test_a_block_that_says_there_are_no_criteria_gives_none(text):
    assert split_criteria(text) == []


def test_empty_bullets_under_both_headings_give_no_criteria():
    # NCT00000276 prints both headings, each with a lone "-".
    text = "\n        Inclusion Criteria:\n\n        -\n\n        Exclusion Criteria:\n\n        -\n      "
    assert split_criteria(text) == []


# ------------------------------------------------------------------------------ seed 001 (numbering)


@pytest.fixture(scope="module")
def seed_001():
    return split_criteria(seed_block("001", "Inclusion Criteria\n", "25 Years\n"))


def test_items_that_carry_on_the_inclusion_numbering_are_inclusion(seed_001):
    assert numbers(seed_001, INCLUSION) == ["2", "7", "8", "9", "10", "11", "12"]
    alternatives = texts(seed_001, INCLUSION)[0]
    assert alternatives.startswith("Patient receiving active or recent chemotherapy")
    assert "for cancer (and/or) Patients who have received hematopoietic stem cell" in alternatives
    assert alternatives.endswith(
        "(and/or) Patients who have undergone surgery or radiotherapy for cancer within the past 6 months"
    )
    assert find(seed_001, "Confirmed infection with COVID-19").section is INCLUSION
    assert find(seed_001, "Men and women aged ≥ 25 - 80 (included) years of age").section is INCLUSION


def test_the_real_exclusions_restart_at_one_and_keep_the_stray_eleven(seed_001):
    assert numbers(seed_001, EXCLUSION) == [*map(str, range(1, 17)), "11"]
    assert texts(seed_001, EXCLUSION)[0] == "Pregnancy or breast feeding;"
    last = seed_001[-1]
    assert (last.section, last.number, last.text) == (EXCLUSION, "11", "Patients under guardianship")


def test_registry_escapes_are_read_as_the_characters(seed_001):
    assert find(seed_001, "ALT and/or AST").text == "ALT and/or AST > 5 x ULN"
    assert find(seed_001, "Patients with a BMI").text == "Patients with a BMI > 40"
    assert not any("\\" in c.text for c in seed_001)


def test_a_line_under_an_item_continues_it(seed_001):
    item = find(seed_001, "Hospitalized patients with one absolute lymphocyte count")
    assert item.number == "9"
    assert item.text.endswith(
        "no more than 72h before baseline . From this time point the investigator may choose to further "
        "postpone the commencement of IL-7 (CYT107) treatment according to patient's clinical status."
    )


# --------------------------------------------------------------------- seed 002 (strata, run-on list)


@pytest.fixture(scope="module")
def seed_002():
    return split_criteria(seed_block("002", "Inclusion Criteria:\n", "\n\nTo learn more"))


def test_seed_002_sections(seed_002):
    assert len(texts(seed_002, INCLUSION)) == 21
    assert len(texts(seed_002, EXCLUSION)) == 34
    assert "" not in texts(seed_002)  # the lone "-" before the lab heading is no criterion


@pytest.mark.parametrize(
    ("start", "stratum"),
    [
        ("Tumor is accessible for repeated injections and biopsies (only for Stratum A)", "A"),
        ("Peritoneal carcinomatosis (only for Stratum B)", "B"),
        ("Patient has not received more than 4 prior lines of therapy.", "D"),
        ("Patient does not receive a concurrent chemotherapy (only for Strata A, B, D)", "A, B, D"),
        ("Evidence of measurable disease as defined by RECIST v1.1 (only for Stratum D)", "D"),
        ("Bleeding ulcerative tumors", "A"),
        ("Currently receiving any other antineoplastic treatment", "A, B, D"),
        ("Prior PD-1/PDL-1 targeted therapy (only for Stratum D)", "D"),
        ("History of irAEs of CTCAE Grade 4 requiring steroid treatment (only for Stratum D)", "D"),
        ("Persisting toxicity related to prior therapy", "D"),
    ],
)
def test_whole_item_restrictions_name_their_strata(seed_002, start, stratum):
    item = find(seed_002, start)
    assert item.stratum == stratum
    assert item.strata == tuple(stratum.split(", "))


@pytest.mark.parametrize(
    "start",
    [
        "Platelets ≥ 75.000/µl (for Stratum D: ≥ 100.000/µl)",  # a variant value, not a restriction
        "Bilirubin ≤ 1.5 - 3 x upper limit of normal (for Stratum D: ≤ 1.5 x ULN)",
        "Patient failed standard therapy",  # (Strata A, B, D) for one half, (only for Stratum C) the other
        "Hypersensitivity to IMP321, avelumab (only for Stratum D) or any ingredient",  # one drug only
        "Clinically significant active coronary heart disease",
    ],
)
def test_variants_and_partial_restrictions_apply_to_every_stratum(seed_002, start):
    item = find(seed_002, start)
    assert item.stratum is None
    assert "Stratum" in item.text or "Strata" in item.text  # the engine still reads the variant


def test_lab_lines_under_a_heading_are_one_criterion_each_with_it_as_context(seed_002):
    heading = "Adequate hematological, hepatic and renal function parameters"
    under = [c.text for c in seed_002 if c.context == heading]
    assert under == [
        "ANC (absolute neutrophil count) ≥ 1.500/µl (for Stratum D: >1.500/µl)",
        "Leukocytes ≥ 3.000/µl",
        "Platelets ≥ 75.000/µl (for Stratum D: ≥ 100.000/µl)",
        "Serum creatinine ≤ 1.5 x upper limit of normal, or GFR ≥ 50 ml/min",
        "Bilirubin ≤ 1.5 - 3 x upper limit of normal (for Stratum D: ≤ 1.5 x ULN)",
        "AST and ALT ≤ 3 x upper limit of normal (≤ 5 x if liver metastases are present) (for Stratum D: "
        "AST and ALT ≤ 2.5 x ULN; ≤ 5 x if liver metastases are present)",
        "Alkaline phosphatase ≤ 6 x upper limit of normal",
        "Hemoglobin ≥ 9g/dL",
        "Adequate coagulation functions as defined by International Normalized Ratio (INR) ≤ 1.5, and a "
        "partial thromboplastin time (PTT) ≤ 5 seconds above the ULN (unless receiving anticoagulation "
        "therapy). Patients receiving warfarin/ phenprocoumon must be switched to low molecular weight "
        "heparin and have achieved stable coagulation profile.",
    ]
    assert heading not in texts(seed_002)
    assert find(seed_002, "Patient able and willing to provide written informed consent").context is None


def test_items_printed_on_one_line_are_split_in_their_numbering(seed_002):
    assert numbers(seed_002, EXCLUSION)[-13:] == [str(n) for n in range(21, 34)]
    assert find(seed_002, "Any previous venous thromboembolism").text == (
        "Any previous venous thromboembolism > National Cancer Institute (NCI) Common Terminology Criteria "
        "for Adverse Events (CTCAE) Grade 3 within the last 6 months"
    )
    assert find(seed_002, "Patients in a closed institution").text == (
        "Patients in a closed institution according to an authority or court decision "
        "(AMG § 40, Abs. 1 No. 4)"
    )
    assert find(seed_002, "Pregnancy or lactation").number == "28"


def test_numbers_inside_an_item_that_do_not_continue_the_list_stay_in_it(seed_002):
    metastases = find(seed_002, "Cerebral or leptomeningeal metastases")
    assert metastases.number is None
    assert "1) are stable for at least 28 days" in metastases.text
    assert "2) have no evidence of new or enlarging brain metastases; and 3) have not been" in metastases.text


# ------------------------------------------------------------ seed 003 (OMON page), seed 004 (lab heading)


@pytest.fixture(scope="module")
def seed_003():
    return split_criteria(seed_block("003", "Inclusion criteria\n", "Study design\n\nDesign"))


def test_omon_items_separated_by_blank_lines(seed_003):
    assert len(texts(seed_003, INCLUSION)) == 8
    assert len(texts(seed_003, EXCLUSION)) == 15
    assert texts(seed_003, INCLUSION)[0] == "Age equal to or above 18 years."
    assert texts(seed_003, EXCLUSION)[0] == "Age below 18 years."


def test_a_pdf_page_footer_is_not_criterion_text(seed_003):
    assert not any("PERSONALIZED IMMUNOTHERAPY" in c.text for c in seed_003)
    # The item the page break cut stays as printed (the page lost the rest of the sentence).
    assert texts(seed_003, INCLUSION)[-1] == (
        "Time from classification into sepsis by the Sepsis-3 definitions and start of"
    )


def test_an_item_cut_onto_a_new_bullet_is_joined(seed_003):
    assert texts(seed_003, EXCLUSION)[-1] == (
        "Pregnancy or lactation. Women of child-bearing potential will be screened by a urine pregnancy test "
        "before inclusion in the study."
    )


@pytest.fixture(scope="module")
def seed_004():
    return split_criteria(seed_block("004", "Inclusion Criteria:\n", "\n\nTo learn more"))


def test_laboratory_requirements_end_where_the_lab_lines_end(seed_004):
    labs = [c.text for c in seed_004 if c.context == "Laboratory requirements"]
    assert labs[0] == "Absolute neutrophil count (ANC) ≥ 1 x 109/L"
    assert labs[-1].startswith("Serum chemistries within normal limits")
    assert len(labs) == 8
    assert find(seed_004, "Life expectancy > 3 months").context is None
    assert len(texts(seed_004, INCLUSION)) == 20
    assert len(texts(seed_004, EXCLUSION)) == 19


def test_a_note_line_under_a_bullet_belongs_to_it(seed_004):
    item = find(seed_004, "Tumor status (as determined by radiology evaluation)")
    assert item.text.endswith(
        "patients with only one injectable lesion with a diameter = 2 cm are not eligible for theses 2 DLs."
    )
    assert not any(c.text.startswith("NotaBene") for c in seed_004)


# ------------------------------------------------------------------------------ NCI/PDQ records


def test_pdq_run_together_requirements_are_split_under_their_headings():
    criteria = split_criteria(record("NCT00003742"))
    assert {c.section for c in criteria} == {INCLUSION}
    assert [(c.context, c.text) for c in criteria][:14] == [
        (
            "DISEASE CHARACTERISTICS",
            "Histologically proven locally advanced (unresectable or recurrent) or metastatic solid tumor",
        ),
        (
            "DISEASE CHARACTERISTICS",
            "No bone metastases, abnormal radionuclide bone scan or pleural effusions "
            "as the sole indicators of disease",
        ),
        ("DISEASE CHARACTERISTICS", "No CNS metastases or carcinomatous meningitis"),
        ("PATIENT CHARACTERISTICS: Age", "Age: 18 and over"),
        ("PATIENT CHARACTERISTICS: Performance status", "Performance status: Karnofsky 70-100%"),
        ("PATIENT CHARACTERISTICS: Life expectancy", "Life expectancy: Not specified"),
        ("PATIENT CHARACTERISTICS: Hematopoietic", "Hematopoietic: WBC at least 3,000/mm3"),
        ("PATIENT CHARACTERISTICS: Hematopoietic", "Neutrophil count at least 1,500/mm3"),
        ("PATIENT CHARACTERISTICS: Hematopoietic", "Platelet count at least 100,000/mm3"),
        ("PATIENT CHARACTERISTICS: Hepatic", "Hepatic: Bilirubin no greater than 1.5 mg/dL"),
        (
            "PATIENT CHARACTERISTICS: Hepatic",
            "AST no greater than 3 times upper limit of normal (ULN) (no greater "
            "than 5 times ULN if liver metastases present)",
        ),
        ("PATIENT CHARACTERISTICS: Hepatic", "No Gilbert's Disease"),
        ("PATIENT CHARACTERISTICS: Renal", "Renal: Creatinine no greater than 1.5 mg/dL"),
        ("PATIENT CHARACTERISTICS: Renal", "Serum calcium less than 12.0 mg/dL"),
    ]
    assert find(criteria, "No New York Heart Association class III or IV heart disease").context == (
        "PATIENT CHARACTERISTICS: Cardiovascular"
    )
    prior = [c.text for c in criteria if c.context == "PRIOR CONCURRENT THERAPY: Radiotherapy"]
    assert prior == [
        "Radiotherapy: At least 4 weeks since prior radiotherapy and recovered",
        "No prior mantle, hemibody, pelvic, or lumbar spine irradiation",
    ]


def test_pdq_bulleted_requirements_take_their_sub_heading_as_context():
    criteria = split_criteria(record("NCT00003119"))
    assert {c.section for c in criteria} == {INCLUSION}
    assert find(criteria, "Under 21").context == "PATIENT CHARACTERISTICS: Age"
    assert (
        find(criteria, "Bilirubin less than 1.5 times normal").context == "PATIENT CHARACTERISTICS: Hepatic"
    )
    assert find(criteria, "No prior radiotherapy").context == "PRIOR CONCURRENT THERAPY: Radiotherapy"
    assert find(criteria, "No prior hormonal therapy").section is INCLUSION
    parent = (
        "DISEASE CHARACTERISTICS: Histologically proven low-risk neuroblastoma (excluding ganglioneuroma)"
    )
    assert [c.text for c in criteria if c.context == parent] == [
        "International Neuroblastoma Staging System (INSS) stage 1 in all patients",
        "INSS stage 2A or 2B in patients less than 365 days of age",
        "INSS stage 2A or 2B tumor with nonamplified MYCN with any Shimada histology in patients ages 1 "
        "to 20 years",
        "INSS stage 2A or 2B tumor with amplified MYCN with Shimada favorable histology in patients ages 1 "
        "to 20 years",
        "INSS stage 4S tumors with nonamplified MYCN, Shimada favorable histology, and a DNA index not "
        "equal to 1 in patients less than 365 days of age",
    ]
    assert find(criteria, "Histologically proven low-risk neuroblastoma").context == "DISEASE CHARACTERISTICS"


def test_pdq_sub_headings_printed_without_a_colon():
    criteria = split_criteria(record("NCT00002778"))
    assert find(criteria, "18 to 65").context == "PATIENT CHARACTERISTICS: Age"
    assert find(criteria, "ECOG 0-1").context == "PATIENT CHARACTERISTICS: Performance status"
    assert "Age" not in texts(criteria)
    assert find(criteria, "No history of intolerance to sargramostim (GM-CSF)").context == (
        "PATIENT CHARACTERISTICS: Other"
    )


def test_pdq_dashed_headings_under_protocol_entry_criteria():
    criteria = split_criteria(record("NCT00003552"))
    assert {c.section for c in criteria} == {INCLUSION}
    assert [c.context for c in criteria[:5]] == [
        "DISEASE CHARACTERISTICS",
        "DISEASE CHARACTERISTICS",
        "DISEASE CHARACTERISTICS",
        "PRIOR/CONCURRENT THERAPY",
        "PRIOR/CONCURRENT THERAPY",
    ]
    assert find(criteria, "Other: HIV negative").context == "PATIENT CHARACTERISTICS: Other"
    assert find(criteria, "Not pregnant or nursing").context == "PATIENT CHARACTERISTICS: Other"


# -------------------------------------------------------------------------- CT.gov v2 JSON markdown


def test_v2_json_nested_bullets_and_escapes():
    criteria = split_criteria(record("NCT05773092"))
    assert len(texts(criteria, INCLUSION)) == 21
    assert len(texts(criteria, EXCLUSION)) == 12
    lead_in = "Patients must have adequate organ and marrow function as defined below"
    assert [c.text for c in criteria if c.context == lead_in] == [
        "absolute neutrophil count ≥1,500/mcL",
        "platelets ≥100,000/mcL",
        "total bilirubin ≤ institutional upper limit of normal (ULN)",
        "AST(SGOT)/ALT(SGPT) ≤3 × institutional ULN",
        "creatinine ≤ institutional ULN OR glomerular filtration rate (GFR) ≥50 mL/min/1.73 m2",
    ]
    assert f"{lead_in}:" not in texts(criteria)
    measurable = find(criteria, "Patients must have measurable disease")
    assert "as >20 mm with conventional techniques or as >10 mm with spiral CT scan" in measurable.text


def test_v2_json_nested_numbering_restarts_under_its_parent():
    criteria = split_criteria(record("NCT05984147"))
    assert numbers(criteria, INCLUSION) == [
        "1",
        "2",
        *map(str, range(1, 8)),
        *map(str, range(4, 10)),
        "1",
        "2",
    ]
    organ = "Acceptable bone marrow and organ function at screening as described below"
    assert find(criteria, "ANC ≥ 1000/μL (without WBC growth factor support)").context == organ
    assert find(criteria, "Ability to swallow and retain oral medications").number == "4"
    assert find(criteria, "At a minimum, the patients must have received").context.startswith(
        "Standard curative measures do not exist"
    )
    assert numbers(criteria, EXCLUSION)[0] == "1"
    clearance = find(criteria, "Creatinine clearance (CrCl) ≥ 30 mL/min")
    assert "eCrCl = [140- Age] × Weight [kg] × [0.85 if Female] / [72 × serum creatinine (mg/dL)]" in (
        clearance.text
    )


# ------------------------------------------------------------------------------ legacy CT.gov XML


def test_legacy_heading_groups_give_context_and_strata():
    criteria = split_criteria(record("NCT00000650"))
    nystatin = find(criteria, "Topical nystatin.")
    assert (nystatin.section, nystatin.context, nystatin.stratum) == (
        INCLUSION,
        "Concurrent Medication: Allowed: GROUP 2",
        "2",
    )
    hairy = [c for c in criteria if c.text == "Oral hairy leukoplakia."]
    assert [(c.section, c.stratum) for c in hairy] == [(EXCLUSION, "1"), (EXCLUSION, "1")]
    assert hairy[0].context == (
        "Co-existing Condition: Patients with the following conditions or symptoms are excluded: "
        "GROUP 1 PATIENTS ONLY"
    )
    epo = find(criteria, "Recombinant erythropoietin.")
    assert (epo.context, epo.stratum) == ("Concurrent Medication: Excluded: ALL PATIENTS", None)


def test_legacy_population_labels_and_lead_ins():
    criteria = split_criteria(record("NCT00001352"))
    assert find(criteria, "Be a genetic relative of a patient enrolled in this study").context == (
        "Genetic Relatives of Patients: Genetic relatives must"
    )
    alternatives = [c for c in criteria if c.context and "Have cryptococcosis" in c.context]
    assert [c.text for c in alternatives] == [
        "histopathology showing cryptococci; or culture of C. neoformans or C. gattii",
        "a positive cryptococcal antigen in the serum and/or CSF, together with CSF cell count and chemistry "
        "consistent with cryptococcal meningitis.",
    ]
    hiv = find(criteria, "HIV")
    assert hiv.section is EXCLUSION
    assert hiv.context == (
        "Patients: Patients will be excluded for any of the following: The presence of certain types of "
        "acquired abnormalities of immunity due to"
    )


def test_legacy_population_sections_and_numbers_without_a_space():
    criteria = split_criteria(record("NCT05702294"))
    assert [(c.section, c.number, c.context) for c in criteria] == [
        (INCLUSION, "1", "females with lower urinary tract symptoms"),
        (INCLUSION, "2", "females with lower urinary tract symptoms"),
        (INCLUSION, "3", "females with lower urinary tract symptoms"),
        (EXCLUSION, "1", "females with lower urinary tract symptoms"),
        (INCLUSION, "1", "healthy volunteers"),
        (INCLUSION, "2", "healthy volunteers"),
        (EXCLUSION, "1", "healthy volunteers"),
        (EXCLUSION, "2", "healthy volunteers"),
    ]
    assert criteria[3].text == (
        "Females who have a mental/physical disability which would make them unable to understand/comply "
        "with the requirements of the study."
    )


def test_numbered_items_run_together_in_one_bullet():
    criteria = split_criteria(record("NCT05702996"))
    assert numbers(criteria, INCLUSION) == [str(n) for n in range(1, 8)]
    assert numbers(criteria, EXCLUSION) == [str(n) for n in range(1, 12)]
    assert texts(criteria, INCLUSION)[0] == "Age ≥ 18 years old"
    assert texts(criteria, EXCLUSION)[2] == "Contraindication to antibiotic prophylaxis"


def test_inclusion_items_joined_by_a_lone_or_are_one_criterion():
    criteria = split_criteria(record("NCT00001869"))
    lead_in = "Patients must have a diagnosis of LAM confirmed by any of the following criteria"
    assert [c.text for c in criteria if c.context == lead_in] == [
        "Lung biopsy (transbronchial, surgical, transthoracic) judged to be diagnostic by the Tissue Core "
        "pathologists; OR Biopsy of lymph node or other mass judged to be diagnostic by the Tissue Core "
        "pathologists; OR High resolution CT scan of the chest which is judged to be diagnostic of LAM with "
        "a high degree of certainty by all three of the expert radiologists making up the Imaging Core.",
    ]
    assert find(criteria, "Patients may be enrolled in other protocols.").context is None
    assert "OR" not in texts(criteria)


def test_heading_words_wrapped_onto_a_line_of_their_own_are_not_headings():
    criteria = split_criteria(record("NCT00000135"))
    assert texts(criteria, EXCLUSION)[1:] == [
        "Media opacity that precludes visualization of the fundus in all eyes meeting eligibility criteria",
        "Active medical problems, including drug or alcohol abuse, that are considered sufficient to hinder "
        "compliance with treatment or follow up procedures",
        "Retinal detachment, not scheduled for surgical repair, in all eyes meeting other eligibility "
        "criteria",
    ]
    assert len(texts(criteria, INCLUSION)) == 9


@pytest.mark.parametrize(
    "nct", ["NCT00003742", "NCT00003119", "NCT00000650", "NCT05702996", "NCT00001869", "NCT00000135"]
)
def test_indentation_removed_by_a_reader_changes_nothing(nct):
    raw = record(nct)
    lines = raw.strip("\n").split("\n")
    indent = min(len(line) - len(line.lstrip()) for line in lines if line.strip())
    dedented = "\n".join(line[indent:] for line in lines)
    assert split_criteria(dedented) == split_criteria(raw)


def test_a_sub_item_relaxing_the_threshold_above_it_is_part_of_that_item():
    # read apart, "Total bilirubin =< 1.5 x ULN" failed the Gilbert patients its sub-item admits
    block = """Inclusion Criteria:

          -  Platelets >= 100,000/mcL

          -  Total bilirubin =< 1.5 x institutional upper limit of normal (ULN)

               -  However, patients with known Gilbert disease who have serum bilirubin level of up
                  to 3 mg/dl may be enrolled

          -  Patients with a history of severe hypertension

               -  Use of acetaminophen is permitted
"""
    criteria = split_criteria(block)
    assert [c.text for c in criteria] == [
        "Platelets >= 100,000/mcL",
        "Total bilirubin =< 1.5 x institutional upper limit of normal (ULN). However, patients with known "
        "Gilbert disease who have serum bilirubin level of up to 3 mg/dl may be enrolled",
        "Patients with a history of severe hypertension",
        "Use of acetaminophen is permitted",
    ]
    assert criteria[3].context == "Patients with a history of severe hypertension"


def test_a_heading_line_naming_its_group_or_whom_it_concerns_opens_its_section():
    # read as inclusion items, "Age greater than 80 or less than 18 years" failed every adult patient
    block = """Inclusion Criteria:

* SHPT not due to vitamin D deficiency, per investigator assessment.

Exclusion Criteria Disease Related

* Anticipated or scheduled kidney transplant during the study period.

INCLUSION CRITERIA - DONOR:

Ages 18-80.

EXCLUSION CRITERIA (any of the following) - PATIENT:

Age greater than 80 or less than 18 years.
"""
    assert [(c.section, c.context, c.text) for c in split_criteria(block)] == [
        (INCLUSION, None, "SHPT not due to vitamin D deficiency, per investigator assessment."),
        (EXCLUSION, "Disease Related", "Anticipated or scheduled kidney transplant during the study period."),
        (INCLUSION, "DONOR", "Ages 18-80."),
        (EXCLUSION, "PATIENT", "Age greater than 80 or less than 18 years."),
    ]


def test_criteria_under_an_arm_or_cohort_heading_apply_to_that_arm_only():
    # as everyone's, the monotherapy arm's criteria closed the trial to patients the combination arm takes
    block = """Inclusion Criteria:

Darolutamide monotherapy group:

* Age ≥ 75 years

Darolutamide and Goserelin combination therapy group:

* Age ≥ 18 years

All Cohorts:

Exclusion criteria specific to Cohort A2:

* Prior docetaxel
"""
    assert [(c.text, c.stratum) for c in split_criteria(block)] == [
        ("Age ≥ 75 years", "Darolutamide monotherapy group"),
        ("Age ≥ 18 years", "Darolutamide and Goserelin combination therapy group"),
        ("Prior docetaxel", "A2"),
    ]
