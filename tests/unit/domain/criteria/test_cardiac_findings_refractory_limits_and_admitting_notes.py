"""Items whose thresholds were read but a clause around them was not: a heart finding the lexicon lacked, a
qualifier after a finding, a limit refractory to treatment, a note that admits only what was never
excluded."""

from __future__ import annotations

from one_criterion import entered, exclusion, inclusion, lab, limit_of, outcome, patient

from trialmatch.domain.criteria import AnyOf, FindingRule
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

INC, EXC = Section.INCLUSION, Section.EXCLUSION
PASS, FAIL, UNKNOWN = Outcome.PASS, Outcome.FAIL, Outcome.UNKNOWN

CARDIAC_HISTORY = (
    "History of documented congestive heart failure (CHF) or systolic dysfunction (LVEF <50%); High-risk "
    "uncontrolled arrhythmias (ventricular tachycardia, high-grade AV-block, supraventricular arrhythmias "
    "which are not adequately rate-controlled); Angina pectoris requiring antianginal medication; Clinically "
    "significant valvular heart disease; Evidence of transmural infarction on ECG; Poorly controlled "
    "hypertension (e.g. systolic >180mm Hg or diastolic >100mm Hg);"
)
NO_CARDIAC_HISTORY = {
    "heart failure": False,
    "arrhythmia": False,
    "angina": False,
    "valvular heart disease": False,
    "myocardial infarction": False,
    "hypertension": False,
}


def _findings(rule: object) -> list[tuple[str, list[str]]]:
    """(concept, narrowing texts) of every finding in the rule, in order."""
    if isinstance(rule, FindingRule):
        return [(rule.concept, [e.text for e in rule.exceptions])]
    return [found for child in getattr(rule, "children", []) for found in _findings(child)]


def test_supraventricular_arrhythmia_and_transmural_infarction_on_ecg_are_findings_with_their_narrowing() -> (
    None
):
    rule = exclusion(CARDIAC_HISTORY)
    assert isinstance(rule, AnyOf), rule
    assert limit_of(rule.children[1]) == ("lvef", "<", 50.0, "%")
    found = dict(_findings(rule))
    assert found["myocardial_infarction"] == ["on ECG"]
    assert found["arrhythmia"] == ["High-risk", "uncontrolled"]
    assert found["heart_block"] == ["High-risk", "uncontrolled", "high-grade"]


def test_the_cardiac_history_exclusion_fails_a_low_ejection_fraction_and_passes_a_clean_history() -> None:
    low = patient(labs=entered(("LVEF", 45, "%")), findings=NO_CARDIAC_HISTORY)
    assert outcome(EXC, CARDIAC_HISTORY, low) is FAIL
    clean = patient(
        labs=entered(
            ("LVEF", 62, "%"),
            ("Systolic blood pressure", 128, "mmHg"),
            ("Diastolic blood pressure", 78, "mmHg"),
        ),
        findings=NO_CARDIAC_HISTORY,
    )
    assert outcome(EXC, CARDIAC_HISTORY, clean) is PASS
    # a recorded supraventricular tachycardia: whether it is high-risk and uncontrolled, the clinician judges
    svt = {**NO_CARDIAC_HISTORY, "arrhythmia": True}
    assert outcome(EXC, CARDIAC_HISTORY, patient(labs=entered(("LVEF", 62, "%")), findings=svt)) is UNKNOWN


HIGH_RISK_ARRHYTHMIA = (
    "High risk uncontrolled arrhythmia, such as atrial tachycardia with a heart rate > 100 bpm at rest, "
    "significant ventricular arrhythmia (e.g., ventricular tachycardia) required treatment, or higher-grade "
    "atrioventricular (AV) block (i.e., Mobitz II second-degree AV block or third-degree AV block)"
)


def test_an_acronym_inside_atrioventricular_block_and_atrial_tachycardia_with_its_rate() -> None:
    rule = exclusion(HIGH_RISK_ARRHYTHMIA)
    assert isinstance(rule, AnyOf), rule
    found = _findings(rule)
    assert [concept for concept, _ in found] == [
        "arrhythmia",
        "atrial_tachycardia",
        "ventricular_arrhythmia",
        "ventricular_tachycardia",
        "heart_block",
    ]
    assert found[-1][1] == ["higher-grade"]
    tachycardia = rule.children[1]
    assert limit_of(tachycardia.children[1]) == ("heart_rate", ">", 100.0, "/min")
    fast = patient(labs=entered(("Heart rate", 120, "/min")), findings={"atrial tachycardia": True})
    assert outcome(EXC, HIGH_RISK_ARRHYTHMIA, fast) is FAIL
    none = patient(findings={"arrhythmia": False})
    assert outcome(EXC, HIGH_RISK_ARRHYTHMIA, none) is PASS


ANTHRACYCLINE_EF = (
    "Ejection fraction ≥ 50% (for patients who received prior anthracycline, including doxorubicin "
    "hydrochloride and/or doxorubicin hydrochloride liposome)"
)


def test_for_patients_who_received_a_therapy_binds_the_limit_to_them() -> None:
    rule = lab(ANTHRACYCLINE_EF, INC, "LVEF normal")
    assert limit_of(rule) == ("lvef", ">=", 50.0, "%")
    (only_for,) = rule.exceptions
    assert only_for.waived
    assert only_for.text.startswith("for patients who received prior anthracycline")
    assert outcome(INC, ANTHRACYCLINE_EF, patient(labs=entered(("LVEF", 60, "%")))) is PASS
    # below the limit: whether the patient had an anthracycline decides, which the clinician checks
    assert outcome(INC, ANTHRACYCLINE_EF, patient(labs=entered(("LVEF", 40, "%")))) is UNKNOWN


REFRACTORY_ANAEMIA = (
    "The participant has hemoglobin levels less than 10 g/dL and is not responsive to the standard medical "
    "intervention for CKD-related anemia prior to screening."
)


def test_a_threshold_refractory_to_treatment_carries_it_as_its_qualifier() -> None:
    rule = lab(REFRACTORY_ANAEMIA, EXC)
    assert limit_of(rule) == ("hemoglobin", "<", 10.0, "g/dL")
    assert rule.qualifier == (
        "refractory to treatment ('not responsive to the standard medical intervention for CKD-related "
        "anemia prior to screening')"
    )
    assert outcome(EXC, REFRACTORY_ANAEMIA, patient(labs=entered(("Hemoglobin", 11.2, "g/dL")))) is PASS
    # below the limit: whether treatment failed to raise it, the clinician judges
    assert outcome(EXC, REFRACTORY_ANAEMIA, patient(labs=entered(("Hemoglobin", 9.1, "g/dL")))) is UNKNOWN


def test_a_refractory_clause_binds_its_own_list_item_only() -> None:
    rule = exclusion("Hemoglobin < 8 g/dL not responsive to transfusion or INR > 2")
    assert isinstance(rule, AnyOf), rule
    anaemia, inr = rule.children
    assert limit_of(anaemia) == ("hemoglobin", "<", 8.0, "g/dL")
    assert anaemia.qualifier == "refractory to treatment ('not responsive to transfusion')"
    assert limit_of(inr) == ("inr", ">", 2.0, "1")
    assert inr.qualifier is None
    # an inclusion would need the clause negated with the threshold: not read
    assert inclusion(REFRACTORY_ANAEMIA).kind == "review"


HEPATITIS_B_ADMITTED = (
    "Active hepatitis B virus (serum HBV-DNA ≥ 2000 IU/mL), hepatitis C virus (HCV), human immunodeficiency "
    "virus (HIV) or active syphilis infection prior to enrollment. (Patients with HBV-DNA < 2000 IU/mL can "
    "be enrolled, but should be administered antiviral drugs such as entecavir and tenofovir with relative "
    "clinical indicators monitored simultaneously during the treatment.)"
)

CARRIER = {"hepatitis B": True, "hepatitis C": False, "HIV infection": False, "syphilis": False}


def test_a_note_admitting_the_other_side_of_a_threshold_changes_nothing() -> None:
    rule = exclusion(HEPATITIS_B_ADMITTED)
    assert isinstance(rule, AnyOf), rule
    active_b = rule.children[0]
    assert limit_of(active_b.children[1]) == ("hbv_dna", ">=", 2000.0, "IU/mL")
    low_load = patient(labs=entered(("HBV DNA", 150, "IU/mL")), findings=CARRIER)
    assert outcome(EXC, HEPATITIS_B_ADMITTED, low_load) is PASS
    high_load = patient(labs=entered(("HBV DNA", 5000, "IU/mL")), findings=CARRIER)
    # over the load: whether the recorded hepatitis B is active, the clinician confirms
    assert outcome(EXC, HEPATITIS_B_ADMITTED, high_load) is UNKNOWN
    # a note admitting what the threshold excludes would relax it: the item stays for review
    other = HEPATITIS_B_ADMITTED.replace("HBV-DNA < 2000 IU/mL can", "HBV-DNA < 20000 IU/mL can")
    assert exclusion(other).kind == "review"


CONTROLLED_ADMITTED = (
    "Uncontrolled hypertension as indicated by a systolic blood pressure (BP) ≥ 160 mmHg or diastolic BP ≥ "
    "100 mmHg at screening despite medical management. Participants with hypertension can enroll provided BP "
    "is stable and controlled by anti-hypertensive treatment."
)


def test_a_note_admitting_hypertension_controlled_by_treatment_restates_the_pressure_limits() -> None:
    rule = exclusion(CONTROLLED_ADMITTED)
    assert isinstance(rule, AnyOf), rule
    assert [limit_of(part) for part in rule.children] == [
        ("sbp", ">=", 160.0, "mmHg"),
        ("dbp", ">=", 100.0, "mmHg"),
    ]
    assert {part.qualifier for part in rule.children} == {
        "measured on treatment ('despite medical management')"
    }
    controlled = entered(("Systolic blood pressure", 138, "mmHg"), ("Diastolic blood pressure", 84, "mmHg"))
    facts = patient(labs=controlled, findings={"hypertension": True})
    assert outcome(EXC, CONTROLLED_ADMITTED, facts) is PASS
    high = entered(("Systolic blood pressure", 172, "mmHg"), ("Diastolic blood pressure", 84, "mmHg"))
    assert outcome(EXC, CONTROLLED_ADMITTED, patient(labs=high, findings={"hypertension": True})) is UNKNOWN


def test_at_high_risk_of_a_condition_is_not_the_condition() -> None:
    assert exclusion("Patients at high risk of gastrointestinal perforation").kind == "review"
    assert exclusion(
        "Are at high risk for cardiovascular disease or have a history of myocardial infarction"
    ).kind == ("review")
    # a narrowing already inside a time clause stays there
    rule = exclusion(
        "History of cardiac arrhythmia within 3 months prior to Baseline Visit that is not controlled by "
        "medication or via ablation."
    )
    assert isinstance(rule, FindingRule), rule
    assert [e.text for e in rule.exceptions] == [
        "within 3 months prior to Baseline Visit that is not controlled by medication or via ablation"
    ]
