"""Blood counts and infection markers: haemoglobin, white cells, platelets, CD4 and HBV DNA sentences with a
slipped unit or a subgroup held to its own limits, with the values a clinician checks and the verdicts they
give."""

from __future__ import annotations

from one_criterion import entered, inclusion, lab, limit_of, limits, outcome, patient, review

from trialmatch.domain.criteria.base import Comparator
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

INC, EXC = Section.INCLUSION, Section.EXCLUSION


# --- a haemoglobin unit whose prefix slipped: "8 mg/dL", "9 g/L" (g/dL meant) -------------------------------


def test_a_haemoglobin_in_mg_per_dl_far_below_any_limit_is_read_in_g_per_dl_and_flagged():
    rule = lab("Hemoglobin greater than 8 mg/dL")
    assert limit_of(rule) == ("hemoglobin", ">", 8, "g/dL")
    assert rule.unit_inferred


def test_the_slipped_prefix_is_read_among_the_other_counts_of_a_list():
    rule = inclusion(
        "The patient has adequate hematologic function with: WBC>=3000mm3, Hemoglobin>=9mg/dl, "
        "Platelets>=100,000/mm3"
    )
    assert limits(rule) == [
        ("wbc", Comparator.GE, 3000, "/µL"),
        ("hemoglobin", Comparator.GE, 9, "g/dL"),
        ("platelets", Comparator.GE, 100000, "/µL"),
    ]


def test_a_patient_under_or_over_the_slipped_haemoglobin_limit_fails_or_passes():
    text = "Hemoglobin greater than 8 mg/dL"
    assert outcome(INC, text, patient(labs=entered(("hemoglobin", 7.4, "g/dL")))) is Outcome.FAIL
    assert outcome(INC, text, patient(labs=entered(("hemoglobin", 112, "g/L")))) is Outcome.PASS
    assert outcome(INC, text, patient()) is Outcome.UNKNOWN


def test_a_slipped_unit_whose_number_fits_no_haemoglobin_limit_stays_for_review():
    assert (
        review("Hemoglobin > 0.5 g/L") == "far below any threshold for haemoglobin, a unit typo?: '> 0.5 g/L'"
    )
    assert limit_of(lab("Hemoglobin < 6.2 mmol/L")) == ("hemoglobin", "<", 6.2, "mmol/L")


# --- a haemoglobin in "gms" or "grams", the volume lost (g/dL meant) ----------------------------------------

GMS = (
    "Normal hematological function: WBC > 3000/ul, absolute neutrophil count > 1500/ul, "
    "platelets > 100,000/ul, and Hgb > 10 gms (transfusion to achieve Hgb > 10 gms is acceptable)."
)


def test_a_haemoglobin_in_gms_is_read_in_g_per_dl_with_its_transfusion_note():
    rule = inclusion(GMS)
    assert limits(rule) == [
        ("wbc", Comparator.GT, 3000, "/µL"),
        ("anc", Comparator.GT, 1500, "/µL"),
        ("platelets", Comparator.GT, 100000, "/µL"),
        ("hemoglobin", Comparator.GT, 10, "g/dL"),
    ]
    hb = rule.children[3]
    assert hb.unit_inferred
    assert [(e.text, e.waived) for e in hb.exceptions] == [
        ("transfusion to achieve Hgb > 10 gms is acceptable", True)
    ]
    assert limit_of(lab("Hemoglobin ≥ 9 grams")) == ("hemoglobin", ">=", 9, "g/dL")


def test_a_count_in_gms_or_a_value_in_gms_that_fits_no_haemoglobin_limit_stays_for_review():
    assert review("Hemoglobin ≥ 0.5 gm").startswith("no unit given")
    assert review("Platelets ≥ 100 gms") == "words not understood: gms"


def test_a_value_named_by_the_most_recent_cbc_is_the_blood_count_of_today():
    rule = lab("Haemoglobin below 9.0 gm/dL (by the most recent CBC)", EXC)
    assert limit_of(rule) == ("hemoglobin", "<", 9, "g/dL")
    low = patient(labs=entered(("hemoglobin", 8.1, "g/dL")))
    assert outcome(EXC, "Haemoglobin below 9.0 gm/dL (by the most recent CBC)", low) is Outcome.FAIL


# --- "Patients with X are not required to meet the above ..., but must have ...": its own limits -----

MARROW = (
    "NOTE: Patients with documented bone marrow involvement by lymphoma are not required to meet the above "
    "hematologic parameters, but must have a platelet count of at least 75,000/mcL and neutrophil count of "
    "at least 1,000/mcL"
)


def test_a_subgroup_spared_the_limits_above_is_held_to_its_own():
    rule = inclusion(MARROW)
    assert rule.kind == "any_of"
    without, limits_for_them = rule.children
    assert (without.concept, without.present) == ("bone_marrow_involvement", False)
    assert limits(limits_for_them) == [
        ("platelets", Comparator.GE, 75000, "/µL"),
        ("anc", Comparator.GE, 1000, "/µL"),
    ]


def test_only_a_patient_with_marrow_involvement_is_held_to_the_subgroup_limits():
    counts = entered(("platelets", 60, "10^9/L"), ("anc", 1.2, "10^9/L"))
    involved = patient(labs=counts, findings={"bone marrow involvement": True})
    not_involved = patient(labs=counts, findings={"bone marrow involvement": False})
    assert outcome(INC, MARROW, involved) is Outcome.FAIL
    assert outcome(INC, MARROW, not_involved) is Outcome.PASS
    assert outcome(INC, MARROW, patient(labs=counts)) is Outcome.UNKNOWN
    enough = entered(("platelets", 90, "10^9/L"), ("anc", 1.2, "10^9/L"))
    assert (
        outcome(INC, MARROW, patient(labs=enough, findings={"bone marrow involvement": True})) is Outcome.PASS
    )


# --- "A or B in case of C": a condition after the last alternative binds to it -----------------------------

IRON = (
    "Evidence of ID defined as ferritin <100 ng/ml or TSAT <20% in case of ferritin levels between 100 and "
    "300 ng/ml."
)


def test_iron_deficiency_is_a_low_ferritin_or_a_low_tsat_with_a_ferritin_in_the_grey_zone():
    rule = inclusion(IRON)
    assert rule.kind == "any_of"
    low_ferritin, grey_zone = rule.children
    assert limit_of(low_ferritin) == ("ferritin", "<", 100, "ng/mL")
    tsat, ferritin_range = grey_zone.children
    assert limit_of(tsat) == ("tsat", "<", 20, "%")
    assert limits(ferritin_range) == [
        ("ferritin", Comparator.GE, 100, "ng/mL"),
        ("ferritin", Comparator.LE, 300, "ng/mL"),
    ]


def test_a_low_tsat_counts_only_with_a_ferritin_in_the_grey_zone():
    def iron(ferritin: float, tsat: float) -> Outcome:
        labs = entered(("ferritin", ferritin, "ng/mL"), ("tsat", tsat, "%"))
        return outcome(INC, IRON, patient(labs=labs))

    assert iron(60, 35) is Outcome.PASS
    assert iron(200, 15) is Outcome.PASS
    assert iron(200, 25) is Outcome.FAIL
    assert iron(450, 15) is Outcome.FAIL  # a low TSAT with a high ferritin is no iron deficiency
    assert outcome(INC, IRON, patient(labs=entered(("tsat", 15, "%")))) is Outcome.UNKNOWN


def test_a_condition_leaving_a_gap_below_it_stays_for_review():
    assert inclusion("Ferritin <100 ng/ml or TSAT <20% if ferritin > 100 ng/ml").kind == "review"
    assert inclusion("Ferritin <100 ng/ml or TSAT <20% if ferritin 150-300 ng/ml").kind == "review"


# --- "the following minimum labs:" heads the limits it names ------------------------------------------------

MINIMUM_LABS = (
    "Patient must have the following minimum labs: ANC> 1200/mm3; Hemoglobin > 8 mg/dl; "
    "platelets > 50,000 mm3; hepatic transaminases < 5x normal; bilirubin < 3.0 mg/dl; "
    "and creatinine < 1.5 mg/dl."
)


def test_the_following_minimum_labs_are_the_limits_after_the_colon():
    assert [limit_of(part) for part in inclusion(MINIMUM_LABS).children] == [
        ("anc", ">", 1200, "/µL"),
        ("hemoglobin", ">", 8, "g/dL"),
        ("platelets", ">", 50000, "/µL"),
        ("ast", "<", 5, None),
        ("alt", "<", 5, None),
        ("bilirubin", "<", 3, "mg/dL"),
        ("creatinine", "<", 1.5, "mg/dL"),
    ]


def test_minimum_before_a_number_is_still_a_comparator():
    assert limit_of(lab("Platelets minimum 100,000/mm3")) == ("platelets", ">=", 100000, "/µL")


# --- a note that the test may be repeated changes which value is on record, not the limit -------------------

EOSINOPHILS = (
    "Eosinophil count of ≥0.30x10⁹/L at Screening Visit 1. If the initial value is between 0.250x10⁹/L to "
    "0.299x10⁹/L, then this may be repeated once at an unscheduled visit (prior to Screening Visit 2)."
)


def test_a_permitted_repeat_leaves_the_threshold_before_it():
    rule = lab(EOSINOPHILS)
    assert limit_of(rule) == ("eosinophils", ">=", 0.3, "10^9/L")
    assert outcome(INC, EOSINOPHILS, patient(labs=entered(("eosinophils", 280, "/µL")))) is Outcome.FAIL
    assert outcome(INC, EOSINOPHILS, patient(labs=entered(("eosinophils", 0.31, "10^9/L")))) is Outcome.PASS


def test_a_repeat_that_is_required_or_conditioned_on_its_result_stays_for_review():
    assert inclusion("Eosinophil count of ≥0.30x10⁹/L; this must be repeated.").kind == "all_of"
    rule = inclusion("Eosinophil count of ≥0.30x10⁹/L. It may be repeated if the first is normal.")
    assert rule.kind == "any_of"
    assert rule.children[1].kind == "review"
