"""evaluate: three-valued results with the sentence a clinician reads, and the trial verdict."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from trialmatch.domain.compiled import compile_trial
from trialmatch.domain.evaluation import Outcome, Override, Verdict, evaluate
from trialmatch.domain.facts import PatientFacts
from trialmatch.domain.patient import load_patient
from trialmatch.domain.trial import Criterion, Section, Trial

AS_OF = date(2026, 11, 20)


def patient(**fields: Any) -> PatientFacts:
    raw = {
        "format": "trialmatch-patient/1",
        "as_of": "2026-11-20",
        "age": 62,
        "sex": "female",
        "weight_kg": 68,
    }
    raw.update(fields)
    return PatientFacts(load_patient({k: v for k, v in raw.items() if v is not None}), AS_OF)


def trial(*items: tuple[str, str] | tuple[str, str, str], **fields: Any):
    criteria = [
        Criterion(section=Section(item[0]), text=item[1], stratum=item[2] if len(item) > 2 else None)
        for item in items
    ]
    return compile_trial(Trial(id="NCT00000001", registry="ctgov", title="t", criteria=criteria, **fields))


def only(compiled, facts, overrides=None):
    evaluation = evaluate(compiled, facts, overrides)
    (result,) = evaluation.results
    return result


def test_lab_below_the_required_value_fails_with_the_numbers():
    result = only(
        trial(("inclusion", "ANC ≥ 1.5 x 10^9/L")),
        patient(labs=[{"test": "ANC", "value": 1.2, "unit": "10^9/L"}]),
    )
    assert result.result is Outcome.FAIL
    assert result.reason == "ANC 1.2 × 10⁹/L is below the required 1.5 × 10⁹/L"
    assert result.values_used == ("ANC 1.2 × 10⁹/L",)
    assert result.to_satisfy == "ANC ≥ 1.5 × 10⁹/L required, patient 1.2 × 10⁹/L"


def test_uln_multiple_reason_names_the_ratio_and_the_assumed_limit():
    compiled = trial(("inclusion", "AST ≤ 3 x ULN"))
    given = only(compiled, patient(labs=[{"test": "AST", "value": 88, "unit": "U/L", "uln": 40}]))
    assert (given.result, given.reason) == (
        Outcome.PASS,
        "AST 88 U/L is 2.2 × ULN (40 U/L), within ≤ 3 × ULN",
    )
    assumed = only(compiled, patient(labs=[{"test": "AST", "value": 88, "unit": "U/L"}]))
    assert assumed.reason == "AST 88 U/L is 2.2 × ULN (40 U/L), within ≤ 3 × ULN (assumed ULN 40 U/L)"


def test_missing_data_is_unknown_never_fail():
    compiled = trial(
        ("inclusion", "ANC ≥ 1.5 x 10^9/L"), ("exclusion", "Known HIV infection"), ("inclusion", "ECOG 0-1")
    )
    evaluation = evaluate(compiled, patient())
    assert [r.result for r in evaluation.results] == [Outcome.UNKNOWN] * 3
    assert [r.missing for r in evaluation.results] == [("ANC",), ("HIV infection",), ("performance status",)]
    assert evaluation.results[0].reason == "ANC not entered"
    assert (evaluation.verdict, evaluation.n_fail, evaluation.n_unknown) == (Verdict.POSSIBLE, 0, 3)
    assert evaluation.reason == "3 criteria to check, none unmet"


def test_exclusion_present_fails_absent_passes():
    compiled = trial(("exclusion", "Known HIV infection"))
    assert only(compiled, patient(findings={"HIV": True})).result is Outcome.FAIL
    absent = only(compiled, patient(findings={"HIV": False}))
    assert (absent.result, absent.reason) == (Outcome.PASS, "HIV infection recorded as absent")


def test_a_narrowing_after_a_comma_keeps_an_hiv_exclusion_from_failing():
    compiled = trial(("exclusion", "HIV infection, with CD4 < 200 cells/μL in the last month."))
    result = only(compiled, patient(findings={"HIV": True}))
    assert result.result is Outcome.UNKNOWN


def test_a_nyha_class_narrows_heart_failure_which_the_patient_file_records_without_it():
    compiled = trial(("exclusion", "NYHA class III or IV heart failure"))
    assert only(compiled, patient(findings={"heart failure": True})).result is Outcome.UNKNOWN
    assert only(compiled, patient(findings={"heart failure": False})).result is Outcome.PASS


def test_a_narrowing_inside_the_concepts_own_words_still_narrows_it():
    unstable = trial(("exclusion", "Unstable angina"))
    assert only(unstable, patient(findings={"angina": True})).result is Outcome.UNKNOWN
    assert only(unstable, patient(findings={"angina": False})).result is Outcome.PASS
    uncontrolled = trial(("exclusion", "Uncontrolled hypertension"))
    assert only(uncontrolled, patient(findings={"uncontrolled hypertension": True})).result is Outcome.FAIL


def test_pregnancy_does_not_apply_to_a_man():
    result = only(trial(("exclusion", "Pregnancy")), patient(sex="male"))
    assert (result.result, result.reason) == (Outcome.PASS, "Pregnancy: not possible for a male patient")


def test_needs_review_is_unknown_with_its_reason():
    result = only(trial(("inclusion", "Life expectancy > 3 months")), patient())
    assert result.result is Outcome.UNKNOWN
    assert result.needs_review
    assert result.reason == "needs review: not a criterion kind the engine reads"


def test_verdicts():
    compiled = trial(("inclusion", "ECOG 0-1"), ("inclusion", "Age ≥ 18 years"))
    eligible = evaluate(compiled, patient(ecog=1))
    assert (eligible.verdict, eligible.reason, eligible.near_miss) == (
        Verdict.ELIGIBLE,
        "all 2 criteria met",
        None,
    )
    ineligible = evaluate(compiled, patient(ecog=2))
    assert ineligible.verdict is Verdict.INELIGIBLE
    assert ineligible.reason == "ECOG 2, outside ECOG 0–1"
    assert ineligible.near_miss == "ECOG 0-1: ECOG 0–1 required, patient ECOG 2"
    assert [r.text for r in ineligible.ordered()] == ["ECOG 0-1", "Age ≥ 18 years"]


def test_no_criteria_on_record_is_possible():
    evaluation = evaluate(trial(), patient())
    assert (evaluation.verdict, evaluation.reason, evaluation.results) == (
        Verdict.POSSIBLE,
        "no eligibility criteria on record",
        (),
    )


def test_overrides_replace_the_result_and_are_shown():
    compiled = trial(("inclusion", "ECOG 0-1"))
    override = Override(Outcome.PASS, "PI accepts ECOG 2")
    evaluation = evaluate(compiled, patient(ecog=2), {0: override})
    (result,) = evaluation.results
    assert (result.result, result.override) == (Outcome.PASS, override)
    assert result.reason == "clinician: met (PI accepts ECOG 2); engine: ECOG 2, outside ECOG 0–1"
    assert evaluation.verdict is Verdict.ELIGIBLE


def test_stratum_only_failure_excludes_that_stratum_only():
    compiled = trial(
        ("inclusion", "Platelets ≥ 75.000/µl (for Stratum D: ≥ 100.000/µl)"),
        ("inclusion", "Peritoneal carcinomatosis", "B"),
    )
    evaluation = evaluate(
        compiled,
        patient(
            labs=[{"test": "platelets", "value": 90, "unit": "10^9/L"}],
            findings={"peritoneal carcinomatosis": False},
        ),
    )
    assert evaluation.open_strata == ()
    assert evaluation.verdict is Verdict.INELIGIBLE
    assert sorted((r.stratum, r.result.value) for r in evaluation.results) == [
        ("B", "fail"),
        ("B", "pass"),
        ("D", "fail"),
    ]
    other = evaluate(
        compiled,
        patient(
            labs=[{"test": "platelets", "value": 90, "unit": "10^9/L"}],
            findings={"peritoneal carcinomatosis": True},
        ),
    )
    assert (other.verdict, other.open_strata, other.reason) == (
        Verdict.ELIGIBLE,
        ("B",),
        "eligible for stratum B; stratum D excluded (platelets 90 × 10⁹/L is below the required 100 × 10⁹/L)",
    )


def test_same_answer_in_every_stratum_is_one_result():
    compiled = trial(("inclusion", "Platelets ≥ 75.000/µl (for Stratum D: ≥ 100.000/µl)"))
    result = only(compiled, patient(labs=[{"test": "platelets", "value": 150, "unit": "10^9/L"}]))
    assert (result.result, result.stratum) == (Outcome.PASS, None)
    assert result.reason == (
        "platelets 150 × 10⁹/L, meets ≥ 75 × 10⁹/L; Stratum D: platelets 150 × 10⁹/L, meets ≥ 100 × 10⁹/L"
    )


def test_age_from_entered_years_and_from_birth_date():
    compiled = trial(("inclusion", "Age 18 to 80 years"))
    assert only(compiled, patient(age=80)).result is Outcome.PASS
    assert only(compiled, patient(age=None, birth_date="1946-05-20")).result is Outcome.PASS
    assert only(compiled, patient(age=81)).reason == "age 81, outside 18 to 80 years"
    older = trial(("inclusion", "Age > 18 years"))
    assert only(older, patient(age=18)).result is Outcome.PASS
    assert only(older, patient(age=None, birth_date="2008-11-20")).result is Outcome.FAIL


def test_karnofsky_derived_from_ecog_is_a_range():
    compiled = trial(("inclusion", "Karnofsky ≥ 80%"))
    straddle = only(compiled, patient(ecog=1))
    assert (straddle.result, straddle.reason) == (
        Outcome.UNKNOWN,
        "Karnofsky 70–80 (from ECOG 1) straddles Karnofsky ≥ 80",
    )
    assert only(compiled, patient(ecog=0)).result is Outcome.PASS
    assert only(compiled, patient(ecog=2)).result is Outcome.FAIL


def test_washout_gives_the_date_it_ends():
    compiled = trial(("inclusion", "Wash-out of prior chemotherapy > 3 weeks"))
    facts = patient(
        treatments=[
            {"name": "carboplatin", "category": "chemotherapy", "start": "2026-06-01", "end": "2026-11-09"}
        ]
    )
    result = only(compiled, facts)
    assert result.result is Outcome.FAIL
    assert result.to_satisfy == "eligible from 2026-12-01 once the 3-week washout ends"
    empty = only(compiled, patient())
    assert (empty.result, empty.reason) == (Outcome.UNKNOWN, "no treatment history entered")


def test_current_therapy_and_agents_by_class():
    concurrent = trial(("inclusion", "No concurrent chemotherapy"))
    ongoing = [{"name": "paclitaxel", "start": "2026-10-01"}]
    assert only(concurrent, patient(treatments=ongoing)).result is Outcome.FAIL
    finished = [{"name": "paclitaxel", "start": "2026-01-01", "end": "2026-03-01"}]
    assert only(concurrent, patient(treatments=finished)).result is Outcome.PASS
    pd1 = trial(("exclusion", "Prior PD-1/PDL-1 targeted therapy"))
    nivolumab = [{"name": "Nivolumab", "start": "2024-01-01", "end": "2024-06-01"}]
    assert only(pd1, patient(treatments=nivolumab)).result is Outcome.FAIL


def test_derived_clearance_names_the_formula_and_inputs():
    compiled = trial(("inclusion", "Creatinine clearance ≥ 60 mL/min (Cockcroft-Gault)"))
    creatinine = [{"test": "creatinine", "value": 1.1, "unit": "mg/dL"}]
    man = only(compiled, patient(sex="male", labs=creatinine))
    assert (man.result, man.reason) == (Outcome.PASS, "CrCl Cockcroft-Gault 67 mL/min, meets ≥ 60 mL/min")
    assert man.values_used == ("Cockcroft-Gault from creatinine 1.1 mg/dL, 68 kg, 62 y, male",)
    woman = only(compiled, patient(sex="female", labs=creatinine))
    assert (woman.result, woman.reason) == (
        Outcome.FAIL,
        "CrCl Cockcroft-Gault 56.9 mL/min is below the required 60 mL/min",
    )
    missing = only(compiled, patient(weight_kg=None))
    assert missing.reason == "CrCl not available (needs creatinine, weight, age and sex)"


def test_a_new_keystroke_changes_only_what_depends_on_it():
    compiled = trial(("inclusion", "ANC ≥ 1.5 x 10^9/L"), ("inclusion", "ECOG 0-1"))
    first = evaluate(compiled, patient(ecog=1, labs=[{"test": "ANC", "value": 2.0, "unit": "10^9/L"}]))
    same = evaluate(compiled, patient(ecog=1, labs=[{"test": "ANC", "value": 2.0, "unit": "10^9/L"}]))
    assert same is first
    changed = evaluate(compiled, patient(ecog=1, labs=[{"test": "ANC", "value": 1.0, "unit": "10^9/L"}]))
    assert changed.verdict is Verdict.INELIGIBLE
    assert changed.results[1] is first.results[1]
    back = evaluate(compiled, patient(ecog=1, labs=[{"test": "ANC", "value": 2.0, "unit": "10^9/L"}]))
    assert back.verdict is Verdict.ELIGIBLE


def test_old_keystrokes_are_not_kept_alive():
    import gc
    import weakref

    compiled = trial(("inclusion", "ANC ≥ 1.5 x 10^9/L"), ("inclusion", "ECOG 0-1"))
    kept = []
    for step in range(40):
        facts = patient(ecog=step % 2, labs=[{"test": "ANC", "value": 1 + step / 10, "unit": "10^9/L"}])
        evaluate(compiled, facts)
        kept.append(weakref.ref(facts))
        del facts
    gc.collect()
    assert sum(ref() is not None for ref in kept) <= 9


def test_a_limit_per_sex_is_held_against_the_patients_sex():
    compiled = trial(("exclusion", "Hb<12g/dl for males and <11g/dl for females;"))

    def hb(value: float, sex: str | None):
        return only(compiled, patient(sex=sex, labs=[{"test": "Hb", "value": value, "unit": "g/dL"}]))

    woman = hb(11.5, "female")
    assert (woman.result, woman.reason) == (
        Outcome.PASS,
        "haemoglobin 11.5 g/dL, not < 11 g/dL (limit for women)",
    )
    man = hb(11.5, "male")
    assert (man.result, man.reason) == (
        Outcome.FAIL,
        "haemoglobin 11.5 g/dL, < 12 g/dL: excluded (limit for men)",
    )
    unknown = hb(11.5, None)
    assert (unknown.result, unknown.missing) == (Outcome.UNKNOWN, ("sex",))
    assert hb(12.5, None).result is Outcome.PASS


def test_support_notes_never_fail_a_patient_the_note_could_concern():
    restricted = trial(("inclusion", "Platelet count ≥ 100,000/μL without transfusion support"))
    meets = only(restricted, patient(labs=[{"test": "platelets", "value": 150, "unit": "10^9/L"}]))
    assert (meets.result, meets.reason) == (
        Outcome.UNKNOWN,
        "platelets 150 × 10⁹/L, meets ≥ 100 × 10⁹/L; to confirm: without transfusion support",
    )
    below = only(restricted, patient(labs=[{"test": "platelets", "value": 80, "unit": "10^9/L"}]))
    assert below.result is Outcome.FAIL
    allowed = trial(("inclusion", "Hemoglobin at least 10 g/dL (RBC transfusion allowed)"))
    low = only(allowed, patient(labs=[{"test": "Hb", "value": 9, "unit": "g/dL"}]))
    assert (low.result, low.reason) == (
        Outcome.UNKNOWN,
        "haemoglobin 9 g/dL is below the required 10 g/dL; "
        "the trial's exception 'RBC transfusion allowed' is not checked",
    )
    high = only(allowed, patient(labs=[{"test": "Hb", "value": 11, "unit": "g/dL"}]))
    assert high.result is Outcome.PASS


def test_stage_criteria_compare_stages_and_the_disease_they_name():
    any_cancer = trial(("exclusion", "Any stage IV malignancy."))
    excluded = only(any_cancer, patient(stage="IVA", diagnosis="metastatic melanoma"))
    assert (excluded.result, excluded.reason) == (Outcome.FAIL, "stage IVA, within stage IV: excluded")
    assert only(any_cancer, patient(stage="III", diagnosis="melanoma")).result is Outcome.PASS
    assert only(any_cancer, patient()).missing == ("stage",)
    melanoma = trial(("inclusion", "Histologically confirmed stage III or IV metastatic melanoma"))
    included = only(melanoma, patient(stage="stage 3", diagnosis="metastatic melanoma"))
    assert (included.result, included.reason) == (Outcome.PASS, "stage III, within stage III or IV melanoma")
    other = only(melanoma, patient(stage="IV", diagnosis="breast cancer"))
    assert (other.result, other.reason) == (
        Outcome.UNKNOWN,
        "stage IV of breast cancer; the criterion is about melanoma",
    )
    sub_stage = only(trial(("inclusion", "Stage IIIB or higher")), patient(stage="III"))
    assert (sub_stage.result, sub_stage.missing) == (Outcome.UNKNOWN, ("sub-stage",))


# --- alternatives listed under "at least N of the following" ---------------------------------------------

METABOLIC = "At least 3 of the following inclusion criteria"  # NCT05689710, as printed
METABOLIC_ITEMS = [
    "Waist circumference > 102 cm",
    "triglycerides levels ≥ 150 mg/dL",
    "HDL ≤ 40 mg/dL",
    "Fasting glycemia ≥ 100 mg/dL",
    "Systolic Pressure ≥ 130 mmHg or Diastolic pressure ≥ 85 mmHg",
]


def metabolic_trial():
    criteria = [
        Criterion(section=Section.INCLUSION, text="Age ≥ 18 years"),
        *(Criterion(section=Section.INCLUSION, text=t, context=METABOLIC) for t in METABOLIC_ITEMS),
    ]
    return compile_trial(Trial(id="NCT05689710", registry="ctgov", title="t", criteria=criteria))


def metabolic_labs(triglycerides, hdl, glucose, sbp, dbp):
    return [
        {"test": "triglycerides", "value": triglycerides, "unit": "mg/dL"},
        {"test": "HDL", "value": hdl, "unit": "mg/dL"},
        {"test": "fasting glucose", "value": glucose, "unit": "mg/dL"},
        {"test": "systolic blood pressure", "value": sbp, "unit": "mmHg"},
        {"test": "diastolic blood pressure", "value": dbp, "unit": "mmHg"},
    ]


def test_three_of_five_alternatives_met_meets_every_item_of_the_list():
    facts = patient(labs=metabolic_labs(triglycerides=180, hdl=35, glucose=110, sbp=120, dbp=75))
    evaluation = evaluate(metabolic_trial(), facts)
    items = evaluation.results[1:]
    assert [r.result for r in items] == [Outcome.PASS] * 5  # waist unknown, pressure unmet: both settled
    assert items[4].reason.startswith(
        "met through another alternative (3 of the 5 alternatives under "
        "'at least 3 of the following' met, 3 needed); this one:"
    )
    assert items[4].to_satisfy is None
    assert evaluation.verdict is Verdict.ELIGIBLE


U, P, F = Outcome.UNKNOWN, Outcome.PASS, Outcome.FAIL
COUNTED = "alternatives under 'at least 3 of the following' met, 3 needed"


@pytest.mark.parametrize(
    ("triglycerides", "outcomes", "reason_end", "verdict", "n_fail"),
    [
        # Waist unknown, glucose met: at most 2 of the 3 needed, so the unmet ones fail.
        (120, [U, F, F, P, F], f"1 of the 5 {COUNTED}", Verdict.INELIGIBLE, 3),
        # Two met, the waist unknown: it decides, so the unmet ones are unknown.
        (180, [U, P, U, P, U], f"2 of the 5 {COUNTED}: the others decide", Verdict.POSSIBLE, 0),
    ],
    ids=["too few left", "may still be met"],
)
def test_unmet_alternatives_fail_only_when_too_few_can_still_be_met(
    triglycerides, outcomes, reason_end, verdict, n_fail
):
    facts = patient(labs=metabolic_labs(triglycerides=triglycerides, hdl=55, glucose=110, sbp=120, dbp=75))
    evaluation = evaluate(metabolic_trial(), facts)
    items = evaluation.results[1:]
    assert [r.result for r in items] == outcomes
    assert items[2].reason.endswith(reason_end)  # HDL 55, unmet
    assert evaluation.verdict is verdict
    assert evaluation.n_fail == n_fail


def test_a_lab_typed_later_regroups_the_alternatives():
    compiled = metabolic_trial()
    evaluate(compiled, patient(labs=metabolic_labs(triglycerides=120, hdl=55, glucose=110, sbp=120, dbp=75)))
    again = evaluate(
        compiled, patient(labs=metabolic_labs(triglycerides=180, hdl=35, glucose=110, sbp=120, dbp=75))
    )
    assert again.verdict is Verdict.ELIGIBLE


def test_alternatives_under_sub_headings_are_left_to_the_clinician_when_unmet():
    heading = "DISEASE CHARACTERISTICS: Meets 1 of the following criteria"  # NCT00003728, shortened
    criteria = [
        Criterion(section=Section.INCLUSION, text="Age ≥ 60 years", context=f"{heading}: Group 1"),
        Criterion(section=Section.INCLUSION, text="WBC less than 10,000/mm^3", context=f"{heading}: Group 1"),
        Criterion(section=Section.INCLUSION, text="Age < 18 years", context=heading),
    ]
    compiled = compile_trial(Trial(id="NCT00003728", registry="ctgov", title="t", criteria=criteria))
    facts = patient(age=65, labs=[{"test": "WBC", "value": 25, "unit": "10^9/L"}])
    evaluation = evaluate(compiled, facts)
    # Group 1 needs its age and its count together: one met feature does not meet the list.
    assert [r.result for r in evaluation.results] == [Outcome.PASS, Outcome.UNKNOWN, Outcome.UNKNOWN]
    assert evaluation.results[1].reason.endswith("listed with sub-headings: judge it with the others")
    assert evaluation.verdict is Verdict.POSSIBLE


def test_a_kept_waiver_reason_names_this_patients_anticoagulant_not_the_last_ones():
    compiled = trial(("inclusion", "INR ≤ 1.5 x ULN unless receiving anticoagulation"))
    inr = [{"test": "INR", "value": 2.6, "unit": "1", "uln": 1.1}]
    on_warfarin = only(compiled, patient(labs=inr, treatments=[{"name": "warfarin", "start": "2025-01-10"}]))
    assert on_warfarin.reason.endswith("waived: on warfarin (treatments)")
    on_apixaban = only(compiled, patient(labs=inr, treatments=[{"name": "apixaban", "start": "2025-01-10"}]))
    assert on_apixaban.result is Outcome.PASS
    assert on_apixaban.reason.endswith("waived: on apixaban (treatments)")


def test_a_changed_age_reconsiders_a_consent_recorded_absent():
    compiled = trial(("inclusion", "Signed informed consent"))
    adult = only(compiled, patient(age=40, findings={"informed consent": False}))
    assert adult.result is Outcome.FAIL
    child = only(compiled, patient(age=8, findings={"informed consent": False}))
    assert (child.result, child.reason) == (
        Outcome.UNKNOWN,
        "Able to give informed consent recorded as absent; for a minor a parent or guardian gives consent",
    )


def test_ongoing_castration_is_reconsidered_when_the_diagnosis_is_typed_after_it():
    compiled = trial(("exclusion", "Anticancer therapy within 4 weeks before the first dose of study drug"))
    leuprolide = [{"name": "leuprolide", "category": "hormone therapy", "start": "2026-01-05"}]
    unnamed = only(compiled, patient(sex="male", treatments=leuprolide))
    assert unnamed.result is Outcome.FAIL
    prostate = only(compiled, patient(sex="male", treatments=leuprolide, diagnosis="prostate cancer"))
    assert prostate.result is Outcome.UNKNOWN
    assert prostate.reason.endswith(
        "castration for prostate cancer, which trials continue: judge whether it counts"
    )


def test_a_stratum_named_only_inside_a_two_part_item_stays_open():
    """NCT03252938: "(Strata A, B, D) or ... (only for Stratum C)" is the one item naming stratum C. Known
    only from the other items, the strata were A, B and D, and a patient closed out of those three was shown
    ineligible though stratum C may take them; each closed stratum now gives its own reason."""
    compiled = trial(
        (
            "inclusion",
            "Patient failed standard therapy or refused standard therapy (Strata A, B, D) or who receives "
            "standard-of-care therapy indicated for his/her tumor entity (only for Stratum C)",
        ),
        ("inclusion", "Platelets ≥ 75.000/µl (for Stratum D: ≥ 100.000/µl)"),
        ("inclusion", "Peritoneal carcinomatosis", "B"),
        ("exclusion", "Brain metastases", "A"),
    )
    assert compiled.strata == ["A", "B", "C", "D"]
    evaluation = evaluate(
        compiled,
        patient(
            labs=[{"test": "platelets", "value": 90, "unit": "10^9/L"}],
            findings={"peritoneal carcinomatosis": False, "brain metastases": True},
        ),
    )
    assert (evaluation.verdict, evaluation.open_strata) == (Verdict.POSSIBLE, ("C",))
    assert evaluation.reason == (
        "possible for stratum C; stratum A excluded (Brain metastases recorded as present); "
        "stratum B excluded (Peritoneal metastases recorded as absent); "
        "stratum D excluded (platelets 90 × 10⁹/L is below the required 100 × 10⁹/L)"
    )
