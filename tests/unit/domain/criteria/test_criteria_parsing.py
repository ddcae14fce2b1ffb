"""parse_criterion on the wordings the engine must read, and what it must leave for review."""

from __future__ import annotations

import pytest
from one_criterion import lab

from trialmatch.domain.criteria import (
    AgeRule,
    AllOf,
    AnyOf,
    DerivedValueRule,
    FindingRule,
    LabThreshold,
    NeedsReview,
    PerformanceStatusRule,
    SexRule,
    TemporalTherapyRule,
    parse_criterion,
)
from trialmatch.domain.trial import Section

INC, EXC = Section.INCLUSION, Section.EXCLUSION


def test_european_thousands_separator_in_cell_counts():
    rule = lab("ANC (absolute neutrophil count) ≥ 1.500/µl")
    assert (rule.analyte, rule.comparator.value, rule.value, rule.unit) == ("anc", ">=", 1500.0, "/µL")
    assert lab("Platelets ≥ 75.000/µl").value == 75000.0
    assert lab("ANC ≥ 1.5 x 10^9/L").value == 1.5


def test_flattened_superscripts():
    for text in ("ANC ≥ 1 x 109/L", "ANC ≥ 1 x 10 9/L", "ANC ≥ 1 x 10^9/l", "ANC ≥ 1 x 10*9/L"):
        rule = lab(text)
        assert (rule.value, rule.unit) == (1.0, "10^9/L"), text
    assert (lab("Platelets ≥ 100 x 109/L;").value, lab("Platelets ≥ 100 x 109/L;").unit) == (100.0, "10^9/L")


def test_uln_multiple_with_bracketed_liver_exception():
    rule = parse_criterion(
        "AST and ALT ≤ 3 x upper limit of normal (≤ 5 x if liver metastases are present)", INC
    )
    assert isinstance(rule, AllOf)
    assert [c.analyte for c in rule.children] == ["ast", "alt"]  # type: ignore[union-attr]
    for child in rule.children:
        assert isinstance(child, LabThreshold)
        assert (child.comparator.value, child.value, child.multiple_of) == ("<=", 3.0, "uln")
        (exception,) = child.exceptions
        assert (exception.concept, exception.value, exception.multiple_of) == ("liver_metastases", 5.0, "uln")


def test_uln_exception_worded_as_a_sentence():
    rule = parse_criterion(
        "Alanine aminotransferase (ALT), aspartate aminotransferase (AST) ≤ 3 x ULN "
        "(if patient exhibits liver metastasis, up to 5 x ULN acceptable) and total bilirubin ≤ 3mg/dL",
        INC,
    )
    assert isinstance(rule, AllOf)
    alt, ast, bilirubin = rule.children
    assert isinstance(alt, LabThreshold)
    assert isinstance(ast, LabThreshold)
    assert isinstance(bilirubin, LabThreshold)
    assert [e.concept for e in alt.exceptions] == ["liver_metastases"]
    assert alt.exceptions[0].value == 5.0
    assert (bilirubin.analyte, bilirubin.value, bilirubin.unit, bilirubin.exceptions) == (
        "bilirubin",
        3.0,
        "mg/dL",
        [],
    )


def test_stratum_variants_in_the_item():
    rule = lab("Platelets ≥ 75.000/µl (for Stratum D: ≥ 100.000/µl)")
    (variant,) = rule.strata
    assert (rule.value, variant.stratum, variant.value, variant.unit) == (75000.0, "D", 100000.0, "/µL")
    both = parse_criterion(
        "AST and ALT ≤ 3 x upper limit of normal (≤ 5 x if liver metastases are present) "
        "(for Stratum D: AST and ALT ≤ 2.5 x ULN; ≤ 5 x if liver metastases are present)",
        INC,
    )
    assert isinstance(both, AllOf)
    for child in both.children:
        assert isinstance(child, LabThreshold)
        (d,) = child.strata
        assert (d.stratum, d.value, d.multiple_of, [e.value for e in d.exceptions]) == (
            "D",
            2.5,
            "uln",
            [5.0],
        )


def test_several_analytes_follow_the_section_logic():
    excluded = parse_criterion("ALT and/or AST \\> 5 x ULN", EXC)
    assert isinstance(excluded, AnyOf)
    assert [(c.analyte, c.comparator.value, c.value) for c in excluded.children] == [  # type: ignore[union-attr]
        ("alt", ">", 5.0),
        ("ast", ">", 5.0),
    ]
    assert isinstance(parse_criterion("AST and ALT > 5 x ULN", EXC), AllOf)
    assert isinstance(parse_criterion("AST and/or ALT ≤ 3 x ULN", INC), AllOf)


def test_creatinine_or_clearance_is_an_alternative():
    rule = parse_criterion(
        "Serum creatinine ≤1.5 x ULN or creatinine clearance is ≥60 mL/min "
        "according to Cockcroft-Gault formula",
        INC,
    )
    assert isinstance(rule, AnyOf)
    creatinine, clearance = rule.children
    assert isinstance(creatinine, LabThreshold)
    assert isinstance(clearance, DerivedValueRule)
    assert (creatinine.value, creatinine.multiple_of) == (1.5, "uln")
    assert (clearance.analyte, clearance.value, clearance.unit, clearance.method) == (
        "crcl",
        60.0,
        "mL/min",
        "cockcroft-gault",
    )


def test_gfr_in_ml_per_minute_is_read_as_clearance():
    rule = parse_criterion("Serum creatinine ≤ 1.5 x upper limit of normal, or GFR ≥ 50 ml/min", INC)
    assert isinstance(rule, AnyOf)
    assert isinstance(rule.children[1], DerivedValueRule)
    assert (rule.children[1].analyte, rule.children[1].unit) == ("crcl", "mL/min")


def test_printed_range_of_uln_keeps_both_bounds():
    rule = lab("Bilirubin ≤ 1.5 - 3 x upper limit of normal")
    assert (rule.value, rule.lenient_value, rule.multiple_of) == (1.5, 3.0, "uln")


def test_unit_left_out_is_inferred_and_marked():
    platelets = lab("Platelets >= 100")
    assert (platelets.unit, platelets.unit_inferred) == ("10^9/L", True)
    anc = lab("ANC ≥ 1500")
    assert (anc.unit, anc.unit_inferred) == ("/µL", True)


def test_scores_and_derived_values():
    sofa = lab("Patients with a SOFA score ≥ 9 at baseline", EXC)
    assert (sofa.analyte, sofa.value) == ("sofa", 9.0)
    qtcf = lab("QTcF >480 ms", EXC)
    assert (qtcf.analyte, qtcf.comparator.value, qtcf.value, qtcf.unit) == ("qtcf", ">", 480.0, "ms")
    bmi = parse_criterion("Patients with a BMI \\> 40", EXC)
    assert isinstance(bmi, DerivedValueRule)
    assert (bmi.analyte, bmi.value, bmi.unit) == ("bmi", 40.0, "kg/m2")
    change = parse_criterion("Patients showing an increase of the NEWS2 score by more than 6 points", EXC)
    assert isinstance(change, NeedsReview)


def test_age_wordings():
    cases = {
        "Men and women aged ≥ 25 - 80 (included) years of age": (25, 80, True, True),
        "between 18 and 75 years": (18, 75, True, True),
        "18 years and older": (18, None, True, True),
        "Age equal to or above 18 years.": (18, None, True, True),
        "Age > 18 years": (18, None, False, True),
    }
    for text, (low, high, low_in, high_in) in cases.items():
        rule = parse_criterion(text, INC)
        assert isinstance(rule, AgeRule), text
        assert (rule.min, rule.max, rule.min_inclusive, rule.max_inclusive) == (low, high, low_in, high_in), (
            text
        )
    below = parse_criterion("Age below 18 years.", EXC)
    assert isinstance(below, AgeRule)
    assert (below.min, below.max, below.max_inclusive) == (None, 18, False)


def test_sex_wordings():
    for text, sex in {
        "Both genders.": "any",
        "Female": "female",
        "Women only": "female",
        "Men": "male",
    }.items():
        rule = parse_criterion(text, INC)
        assert isinstance(rule, SexRule), text
        assert rule.sex == sex, text


def test_performance_status_wordings():
    cases = {
        "PS ECOG 0 or 1": ("ecog", 0, 1),
        "ECOG ≤ 2": ("ecog", None, 2),
        "Karnofsky ≥ 70%": ("karnofsky", 70, None),
        "WHO performance status 0 or 1": ("who", 0, 1),
        "Performance status ECOG grade 0, 1, or 2": ("ecog", 0, 2),
        "Must not have ECOG performance status of 3 or more": ("ecog", None, 2),
    }
    for text, expected in cases.items():
        rule = parse_criterion(text, INC)
        assert isinstance(rule, PerformanceStatusRule), text
        assert (rule.scale, rule.min, rule.max) == expected, text


def test_findings_with_negation_qualifiers_and_exceptions():
    active = parse_criterion("Known, active auto-immune disease;", EXC)
    assert isinstance(active, FindingRule)
    assert (active.concept, active.present) == (
        "autoimmune_disease",
        True,
    )
    hiv = parse_criterion(
        "Positive test for human immunodeficiency virus (HIV) or known acquired immunodeficiency syndrome",
        EXC,
    )
    assert isinstance(hiv, AnyOf)  # HIV, or AIDS (a narrower form of it): either excludes
    assert [c.concept for c in hiv.children if isinstance(c, FindingRule)] == ["hiv", "aids"]
    brain = parse_criterion("Active brain metastasis (treated and stable brain metastasis accepted).", EXC)
    assert isinstance(brain, FindingRule)
    assert brain.concept == "brain_metastases"
    assert [e.concept for e in brain.exceptions] == ["stable_brain_metastases"]
    history = parse_criterion("History of interstitial lung disease", EXC)
    assert isinstance(history, FindingRule)
    assert history.qualifier == "history"


def test_pregnancy_and_breastfeeding_are_findings():
    either = parse_criterion("Pregnancy or breast feeding;", EXC)
    assert isinstance(either, AnyOf)
    assert [(c.concept, c.present) for c in either.children] == [  # type: ignore[union-attr]
        ("pregnancy", True),
        ("breastfeeding", True),
    ]
    neither = parse_criterion("Not pregnant or nursing", INC, "PATIENT CHARACTERISTICS: Other")
    assert isinstance(neither, AllOf)
    assert [(c.concept, c.present) for c in neither.children] == [  # type: ignore[union-attr]
        ("pregnancy", False),
        ("breastfeeding", False),
    ]
    test = parse_criterion(
        "Negative pregnancy test for women of child-bearing potential within 72 hours", INC
    )
    assert isinstance(test, FindingRule)
    assert (test.concept, test.present) == ("pregnancy", False)


def test_therapy_timing():
    washout = parse_criterion(
        "Minimal wash-out period for prior anti-cancer regimens "
        "(i.e. chemotherapy, immunotherapy, or radiation therapy) > 3 weeks before Week 1 day 1.",
        INC,
    )
    assert isinstance(washout, TemporalTherapyRule)
    assert washout.categories == ["chemotherapy", "immunotherapy", "radiotherapy"]
    assert (washout.relation, washout.window, washout.window_unit, washout.window_inclusive) == (
        "none",
        3,
        "weeks",
        True,
    )
    recent = parse_criterion(
        "Patients who have undergone surgery or radiotherapy for cancer within the past 6 months", EXC
    )
    assert isinstance(recent, TemporalTherapyRule)
    assert (recent.categories, recent.relation, recent.window, recent.window_unit) == (
        ["surgery", "radiotherapy"],
        "prior",
        6,
        "months",
    )
    since = parse_criterion("At least 4 weeks since prior chemotherapy", INC)
    assert isinstance(since, TemporalTherapyRule)
    assert (since.relation, since.window, since.window_inclusive) == ("none", 4, False)
    agent = parse_criterion("Prior PD-1/PDL-1 targeted therapy (only for Stratum D)", EXC)
    assert isinstance(agent, TemporalTherapyRule)
    assert (agent.agents, agent.categories, agent.relation, agent.window) == (
        ["pd-1/pd-l1 inhibitor"],
        [],
        "prior",
        None,
    )
    major = parse_criterion("No major surgery within 4 weeks prior Week 1 day 1", INC)
    assert isinstance(major, TemporalTherapyRule)
    assert major.qualifier == "major"


def test_context_headings_decide_the_kind():
    platelets = parse_criterion(
        "Platelet count at least 100,000/mm^3", INC, "PATIENT CHARACTERISTICS: Hematopoietic"
    )
    assert isinstance(platelets, LabThreshold)
    assert (platelets.value, platelets.unit) == (100000.0, "/µL")
    status = parse_criterion("0-2", INC, "PATIENT CHARACTERISTICS: Performance status")
    assert isinstance(status, PerformanceStatusRule)
    assert (status.min, status.max) == (0, 2)
    age = parse_criterion("18 and over", INC, "PATIENT CHARACTERISTICS: Age")
    assert isinstance(age, AgeRule)
    assert age.min == 18
    inline = parse_criterion("Hematopoietic: Absolute neutrophil count at least 1,500/mm3", INC)
    assert isinstance(inline, LabThreshold)
    assert inline.value == 1500.0


def test_no_requirement_states_nothing():
    for text in ("Not specified", "Hepatic: Not specified", "Prior radiotherapy allowed"):
        rule = parse_criterion(text, INC, "PATIENT CHARACTERISTICS")
        assert rule == AllOf(source_span=rule.source_span, children=[]), text


def test_half_read_sentences_go_to_review_with_the_reason():
    alternatives = parse_criterion(
        "Patients who have received hematopoietic stem cell transplantation within the past 1 year (and/or)",
        INC,
    )
    assert isinstance(alternatives, NeedsReview)
    assert alternatives.why.startswith("one of several alternative items")
    narrowed = parse_criterion("No prior chemotherapy for ovarian cancer", INC)
    assert isinstance(narrowed, NeedsReview)
    assert "ovarian" in narrowed.why


def test_unchecked_qualifier_keeps_a_finding_undecided_when_present():
    rule = parse_criterion("HIV with positive viral load", EXC)
    assert isinstance(rule, FindingRule)
    assert [(e.concept, e.text) for e in rule.exceptions] == [(None, "with positive viral load")]


def test_partial_inclusion_keeps_the_unread_sentence():
    rule = parse_criterion(
        "Female and male patients ≥ 18 years. "
        "Patients in reproductive age must be willing to use effective contraception during the study.",
        INC,
    )
    assert isinstance(rule, AllOf)
    age, review = rule.children
    assert isinstance(age, AgeRule)
    assert age.min == 18
    assert isinstance(review, NeedsReview)


def test_therapy_categories_are_the_patient_files_vocabulary():
    from trialmatch.domain.criteria.reading.read_therapy import CATEGORY_WORDS
    from trialmatch.domain.patient import TREATMENT_CATEGORIES

    assert {c for _, categories in CATEGORY_WORDS for c in categories} <= set(TREATMENT_CATEGORIES)


def test_a_limit_per_sex_is_one_threshold_per_sex_whatever_joins_them():
    for text, section in (
        ("Hb<12g/dl for males and <11g/dl for females;", EXC),
        ("Hemoglobin < 12 (men) or hemoglobin < 11 (women)", EXC),
        ("Hemoglobin < 12 g/dL for men and < 11 g/dL for women", INC),
    ):
        rule = parse_criterion(text, section)
        assert isinstance(rule, AnyOf), text
        assert [(c.sex, c.comparator.value, c.value, c.unit) for c in rule.children] == [  # type: ignore[union-attr]
            ("male", "<", 12.0, "g/dL"),
            ("female", "<", 11.0, "g/dL"),
        ], text
    qtc = parse_criterion("QTcF interval is prolonged (male: QTcF ≥ 450 ms, female: QTcF ≥ 470 ms)", EXC)
    assert isinstance(qtc, AnyOf)
    assert [(c.sex, c.value) for c in qtc.children] == [("male", 450.0), ("female", 470.0)]  # type: ignore[union-attr]
    one_sex = parse_criterion("Corrected QT interval (QTcF) prolongation to > 470 msec (females)", EXC)
    assert isinstance(one_sex, NeedsReview)
    assert one_sex.why == "a limit for female patients only: the other sex's is not stated"


def test_support_a_threshold_may_be_reached_with_leaves_the_patients_below_it_to_the_clinician():
    allowed = lab("Hemoglobin ≥ 9.0 g/dL (patients may be transfused to meet this criterion).")
    (note,) = allowed.exceptions
    assert (note.concept, note.waived, note.text) == (
        None,
        True,
        "patients may be transfused to meet this criterion",
    )
    assert allowed.qualifier is None
    for text, qualifier in (
        ("Platelet count ≥ 100,000/μL without transfusion support", "without transfusion support"),
        ("ANC ≥ 1500/μL (without WBC growth factor support)", "without WBC growth factor support"),
        (
            "Hemoglobin (Hgb) ≥10 g/dL (no transfusion allowed within 7 days of enrollment)",
            "no transfusion allowed within 7 days of enrollment",
        ),
    ):
        rule = lab(text)
        assert (rule.qualifier, rule.exceptions) == (qualifier, []), text
    upper = parse_criterion("Creatinine ≤ 1.5 mg/dL without transfusion support", INC)
    assert isinstance(upper, NeedsReview)


def test_a_value_restated_in_brackets_is_checked_against_the_threshold():
    same = lab("Hemoglobin ≥9.0 g/dL (90 g/L)")
    assert (same.value, same.unit, same.lenient_value) == (9.0, "g/dL", None)
    rounded = lab("Renal: Creatinine less than 1.6 mg/dL (150 micromoles/L)")
    assert (rounded.value, rounded.lenient_value) == (1.6, 1.7)
    stricter = lab("Bilirubin ≤ 1.5 mg/dL (25 µmol/L)")
    assert (stricter.value, stricter.lenient_value) == (1.46, 1.5)
    disagreeing = parse_criterion("Hepatic: Bilirubin less than 3.5 mg/dL (50 micromoles/liter)", INC)
    assert isinstance(disagreeing, NeedsReview)
    assert disagreeing.why.startswith("the bracketed value disagrees with the threshold")


def test_a_condition_defined_by_its_threshold_reads_as_the_threshold():
    renal = parse_criterion("Renal impairment (creatinine>1,2 mg/dl or creatinine clearance < 60ml/min)", EXC)
    assert isinstance(renal, AnyOf)
    assert [c.kind for c in renal.children] == ["lab", "derived"]
    assert lab("Anemia with hemoglobin <8 g/dl (evaluated at the screening phase visit).", EXC).value == 8.0
    assert lab("Patients with abnormal renal function: serum creatinine > 2.0 mg/dL.", EXC).value == 2.0
    assert lab("No coagulopathy (i.e., platelet count less than 80,000/mm3)").comparator.value == ">="
    uncorrectable = lab("Uncorrectable coagulopathy (INR above 1.5)", EXC)  # never the bare INR
    assert uncorrectable.qualifier == "it can be corrected ('Uncorrectable coagulopathy')"
    for text in (
        "Severe hepatic insufficiency or ALT > 3 x ULN",
        "Participant has a clinically significant abnormal laboratory finding (e.g., ALT ≥3.0 x ULN)",
        "Heart failure (LVEF < 40%)",
    ):
        rule = parse_criterion(text, EXC)
        assert not isinstance(rule, LabThreshold), text


def test_a_label_in_the_sentence_before_is_not_defined_by_the_next_sentences_thresholds():
    """Any other abnormality also excludes: reading the liver tests alone would pass it silently."""
    text = (
        "Has any clinically significant abnormal laboratory values. Participants with liver function tests "
        "(aspartate aminotransferase [AST] or alanine aminotransferase [ALT]) greater than twice the upper "
        "limit of normal will be excluded."
    )
    rule = parse_criterion(text, EXC)
    assert isinstance(rule, NeedsReview)
    assert "clinically significant abnormal" in rule.why


def test_no_before_a_threshold_in_an_inclusion_is_its_opposite():
    rule = lab("No LVEF less than 35%")
    assert (rule.comparator.value, rule.value) == (">=", 35.0)
    either = parse_criterion("No SGOT or SGPT greater than 2.5 times ULN", INC)
    assert isinstance(either, AllOf)
    assert [c.comparator.value for c in either.children] == ["<=", "<="]  # type: ignore[union-attr]


def test_a_range_printed_around_the_analyte():
    rule = parse_criterion("30 ≤ eGFR < 90 mL/min/1.73m^2", INC)
    assert isinstance(rule, AllOf)
    assert [(c.comparator.value, c.value, c.unit) for c in rule.children] == [  # type: ignore[union-attr]
        (">=", 30.0, "mL/min/1.73m2"),
        ("<", 90.0, "mL/min/1.73m2"),
    ]
    side_by_side = parse_criterion("Fasting glycemia > 100 mg/dL <126 mg/dl", INC)
    assert isinstance(side_by_side, AllOf)
    between = parse_criterion("HbA1c between 7.5 and 10.5%", INC)
    assert isinstance(between, AllOf)
    assert [(c.comparator.value, c.value, c.unit) for c in between.children] == [  # type: ignore[union-attr]
        (">=", 7.5, "%"),
        ("<=", 10.5, "%"),
    ]
    bare = parse_criterion("BMI 18.5-30 kg/m2", INC)
    assert isinstance(bare, AllOf)
    assert [(c.comparator.value, c.value) for c in bare.children] == [(">=", 18.5), ("<=", 30.0)]  # type: ignore[union-attr]


def test_within_normal_limits_is_both_limits_unless_only_a_high_value_is_abnormal():
    calcium = parse_criterion("Calcium within normal limits", INC)
    assert isinstance(calcium, AllOf)
    assert [(c.comparator.value, c.multiple_of) for c in calcium.children] == [  # type: ignore[union-attr]
        (">=", "lln"),
        ("<=", "uln"),
    ]
    creatinine = lab("Creatinine within normal institutional limits")
    assert (creatinine.comparator.value, creatinine.value, creatinine.multiple_of) == ("<=", 1.0, "uln")
    lvef = lab("Left ventricular ejection fraction within institutional normal range")
    assert (lvef.comparator.value, lvef.multiple_of) == (">=", "lln")


def test_a_ctcae_grade_as_the_threshold_and_beside_it():
    assert (lab("Bilirubin < grade 2").value, lab("Bilirubin < grade 2").multiple_of) == (1.5, "uln")
    anc = lab("Neutrophils ≤ grade 1")
    assert (anc.comparator.value, anc.value, anc.unit) == (">=", 1500.0, "/µL")
    magnesium = parse_criterion("Magnesium not > grade 2", INC)
    assert isinstance(magnesium, AllOf)
    assert [(c.comparator.value, c.value) for c in magnesium.children] == [("<=", 3.0), (">=", 0.9)]  # type: ignore[union-attr]
    potassium = parse_criterion("Potassium ≤ grade 1", INC)
    assert isinstance(potassium, NeedsReview)
    assert potassium.why == "CTCAE grade 1 of potassium is not a lab threshold"
    assert lab("Bilirubin =< 1.5 x ULN (CTCAE v 3.0 grade 1)").value == 1.5


def test_units_and_methods_spelt_out():
    assert lab("Renal: Creatinine less than 130 micromoles/L").unit == "µmol/L"
    assert lab("hemoglobin < 9 g/dL (5.6 mM)", EXC).unit == "g/dL"
    assert lab("Platelet count ≥ 50 000/mm3 (50 x 109/L).").value == 50000.0
    bmi = parse_criterion(
        "Have body mass index (BMI) ≥25 kilograms per square meter (kg/m2) at screening", INC
    )
    assert isinstance(bmi, DerivedValueRule)
    assert (bmi.value, bmi.unit) == (25.0, "kg/m2")
    mdrd = parse_criterion(
        "Estimated glomerular filtration rate (eGFR) <60 mL/min/1•73 m2 using the Modification of Diet in "
        "Renal Disease Study (MDRD) equation.",
        EXC,
    )
    assert isinstance(mdrd, DerivedValueRule)
    assert (mdrd.analyte, mdrd.value, mdrd.method) == ("egfr", 60.0, "mdrd")
    cockroft = parse_criterion("Calculated creatinine clearance ≥ 45mL/min (Cockroft-Gault)", INC)
    assert isinstance(cockroft, DerivedValueRule)
    assert cockroft.method == "cockcroft-gault"
    assert lab("Corrected QT interval (QTc) > 500 ms, using Bazett's formula.", EXC).analyte == "qtcb"
    assert lab("Creatinine kinase < 5 times ULN", INC).analyte == "ck"  # creatine kinase, never creatinine


def test_an_item_that_is_one_of_several_alternatives_is_left_for_review():
    for text in (
        "Leukocytosis with total peripheral white blood cell count (WBC) ≥ 10 000 cells/mm3, OR",
        "OR - a 24 hour urine creatinine clearance >= 70 mL/min/1.73 m^2",
    ):
        assert isinstance(parse_criterion(text, INC), NeedsReview), text


def test_recency_bounded_by_what_it_counts_back_from_is_a_note():
    rule = lab("HbA1C of ≤7.5% performed during screening or up to 12 weeks before screening")
    assert (rule.analyte, rule.comparator.value, rule.value, rule.unit) == ("hba1c", "<=", 7.5, "%")
    bare = parse_criterion("Platelets ≥ 100,000/mm3 up to 12 weeks", INC)
    assert isinstance(bare, NeedsReview)


def test_items_under_an_excepting_exclusion_heading_are_left_for_review():
    heading = "History of other primary malignant tumors, except for the following"
    rule = parse_criterion("Basal cell carcinoma of the skin", EXC, heading)
    assert isinstance(rule, NeedsReview)
    assert rule.why == "an exception to the exclusion its heading states: judge it with the heading"
    assert isinstance(parse_criterion("Basal cell carcinoma of the skin", EXC), FindingRule)


def test_hba1c_restated_in_ifcc_units_is_checked_with_the_master_equation():
    assert lab("HbA1c ≥ 8.0% (63.9 mmol/mol)").value == 8.0
    disagreeing = parse_criterion("HbA1c ≥ 8.0% (70 mmol/mol)", INC)
    assert isinstance(disagreeing, NeedsReview)
    assert disagreeing.why == "the bracketed value disagrees with the threshold: '70 mmol/mol'"


@pytest.mark.parametrize(
    ("text", "section", "context"),
    [
        ("HIV positive.", Section.EXCLUSION, "DONOR"),
        ("Age > 18 years", Section.INCLUSION, "Donors' inclusion criteria"),
        (
            "HIV negative",
            Section.INCLUSION,
            "DISEASE CHARACTERISTICS: Availability of an HLA identical or haploidentical donor for cytotoxic "
            "T-lymphocytes, meeting the following criteria",
        ),
    ],
)
def test_a_criterion_about_the_donor_is_not_judged_on_the_patient(text, section, context):
    rule = parse_criterion(text, section, context)
    assert (rule.kind, rule.why) == (
        "review",
        "about the donor, not the patient: judge it with the donor's data",
    )


def test_a_criterion_about_the_patient_under_a_donor_lead_in_is_read():
    rule = parse_criterion("HIV positive.", Section.EXCLUSION, "DONOR: EXCLUSION CRITERIA - PATIENT")
    assert (rule.kind, rule.concept) == ("finding", "hiv")


def test_an_exclusion_of_the_fittest_performance_status_is_left_for_review():
    # read literally, "ECOG < 2" among the exclusions closes the trial to every patient fit for treatment
    assert parse_criterion("ECOG-Performance status < 2", Section.EXCLUSION).kind == "review"
    unfit = parse_criterion("ECOG performance status ≥ 3", Section.EXCLUSION)
    assert (unfit.kind, unfit.min) == ("performance", 3)


def test_older_than_and_younger_than_are_age_comparators():
    older = parse_criterion("Patients older than 20 years.", Section.INCLUSION)
    assert (older.kind, older.min, older.min_inclusive, older.max) == ("age", 20.0, False, None)
    band = parse_criterion(
        "Aged 18 years or older and younger than 40 years at the time of informed consent", Section.INCLUSION
    )
    assert (band.min, band.min_inclusive, band.max, band.max_inclusive) == (18.0, True, 40.0, False)
    either = parse_criterion("Younger than 18 or 51 years or older.", Section.EXCLUSION)
    assert [(c.min, c.max) for c in either.children] == [(None, 18.0), (51.0, None)]
