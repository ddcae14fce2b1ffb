"""Findings read against a patient with treated, past or controlled comorbidities: a condition the patient had
(breast cancer 8 years ago, treated hepatitis B, treated and stable brain metastases) or one that is not the
one the criterion names (diabetes is not diabetic retinopathy, hepatitis B is not liver failure) never fails
her; it is met, or left to the clinician."""

from __future__ import annotations

from datetime import date

import pytest
from one_criterion import exclusion, finding_shape, outcome, patient, result

from trialmatch.domain.criteria import FindingRule, NeedsReview, parse_criterion
from trialmatch.domain.criteria.checks import PatientView, build_check
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.facts import PatientFacts
from trialmatch.domain.patient import Patient
from trialmatch.domain.trial import Section

INC, EXC = Section.INCLUSION, Section.EXCLUSION

COMORBID = {
    "HIV infection": True,
    "hepatitis B": True,
    "treated stable brain metastases": True,
    "active brain metastases": False,
    "prior malignancy": True,
    "type 2 diabetes": True,
    "uncontrolled diabetes": False,
    "hypertension": True,
    "uncontrolled hypertension": False,
    "hypothyroidism": True,
    "retinopathy": False,
    "peripheral neuropathy": False,
    "hepatic impairment": False,
    "leptomeningeal disease": False,
}


def _truth(text: str, section: Section, findings: dict[str, bool]) -> bool | None:
    """Whether the criterion is met (True), unmet (False) or open (None) for a 58-year-old woman."""
    patient = Patient.model_validate(
        {"format": "trialmatch-patient/1", "age": 58, "sex": "female", "ecog": 1, "findings": findings}
    )
    inclusion = section is INC
    rule = parse_criterion(text, section)
    holds = build_check(rule, inclusion)(PatientView(PatientFacts(patient, date(2026, 11, 20))), None).truth
    if holds is None:
        return None
    return holds if inclusion else not holds


@pytest.mark.parametrize(
    ("text", "section"),
    [
        ("Active diabetic retinopathy", EXC),
        ("Patients with diabetic neuropathy,", EXC),
        ("No diabetic neuropathy", INC),
        ("Liver failure", EXC),
        ("No hepatic insufficiency", INC),
        ("Patients with hepatic impairment", EXC),
        ("Uncontrolled diabetes or hypertension.", EXC),
    ],
)
def test_a_condition_the_patient_does_not_have_is_met(text: str, section: Section) -> None:
    assert _truth(text, section, COMORBID) is True


@pytest.mark.parametrize(
    ("text", "section"),
    [
        ("Active second malignancy", EXC),
        ("No concurrent malignancy.", INC),
        ("No other active malignancy", INC),
        ("Active Hepatitis B or C.", EXC),
        ("Participants with active HBV infection", EXC),
        ("No active hepatitis B or C", INC),
        ("Subject has known active CNS involvement.", EXC),
    ],
)
def test_whether_a_past_condition_is_active_now_is_left_to_the_clinician(text: str, section: Section) -> None:
    assert _truth(text, section, COMORBID) is None


def test_a_condition_recorded_as_active_is_still_decided() -> None:
    active = {**COMORBID, "treated stable brain metastases": False, "active brain metastases": True}
    assert _truth("Subject has known active CNS involvement.", EXC, active) is False


@pytest.mark.parametrize(
    ("text", "section"),
    [
        ("Active Hepatitis B or C.", EXC),
        ("Participants with active HBV infection", EXC),
        ("No active hepatitis B or C", INC),
    ],
)
def test_hepatitis_b_recorded_active_or_not_active_decides_active_hepatitis(
    text: str, section: Section
) -> None:
    past = {**COMORBID, "hepatitis C": False, "active hepatitis B": False}
    assert _truth(text, section, past) is True
    active = {**COMORBID, "hepatitis C": False, "active hepatitis B": True}
    assert _truth(text, section, active) is False


def test_hepatitis_b_recorded_not_active_says_nothing_of_a_past_infection() -> None:
    only_not_active = {"active hepatitis B": False}
    assert _truth("History of hepatitis B", EXC, only_not_active) is None
    assert _truth("Active hepatitis B", EXC, only_not_active) is True
    assert _truth("History of hepatitis B", EXC, {"hepatitis B": True, "active hepatitis B": False}) is False


def test_treated_stable_brain_metastases_accepted_by_the_sentence_are_met() -> None:
    text = "Active brain metastasis (treated and stable brain metastasis accepted)."
    assert _truth(text, EXC, COMORBID) is True


@pytest.mark.parametrize(
    ("text", "section"),
    [
        ("Known HIV infection", EXC),
        ("HIV negative", INC),
        ("Diabetes mellitus", EXC),
        ("No prior malignancy", INC),
    ],
)
def test_a_condition_the_patient_has_still_fails_her(text: str, section: Section) -> None:
    assert _truth(text, section, COMORBID) is False


@pytest.mark.parametrize(
    "text",
    [
        "Pregnant and lactating women",
        "a positive test for the presence of HIV and hepatitis B and C;",
        "Active infection with hepatitis B or hepatitis C.",
    ],
)
def test_each_group_an_exclusion_names_is_excluded(text: str) -> None:
    pregnant_hbv = {"pregnancy": True, "breastfeeding": False, "HIV infection": False, "hepatitis B": True}
    pregnant_hbv |= {"hepatitis C": False, "active infection": False}
    assert _truth(text, EXC, pregnant_hbv) in (False, None)
    assert _truth(text, EXC, {**pregnant_hbv, "pregnancy": False, "breastfeeding": True}) in (False, None)


def test_an_exclusion_of_a_co_infection_asks_for_both() -> None:
    assert _truth(
        "Concurrent active HBV and HCV infection.", EXC, {"hepatitis B": True, "hepatitis C": False}
    )


def test_an_infection_named_with_its_germ_is_not_any_infection() -> None:
    pneumonia = {"active infection": True, "hepatitis B": False, "hepatitis C": False}
    assert _truth("Active infection with hepatitis B or hepatitis C.", EXC, pneumonia) is True


def test_renal_disease_is_not_retinal_disease() -> None:
    retinopathy = {"retinopathy": True, "chronic kidney disease": False, "liver disease": False}
    assert _truth("Renal and Hepatic disease", EXC, retinopathy) is True


@pytest.mark.parametrize(
    ("text", "context"),
    [
        ("Carcinoma in situ of the cervix", "PATIENT CHARACTERISTICS: Other"),
        ("Nonmelanomatous skin cancer", "PATIENT CHARACTERISTICS: Other"),
        ("Hypertension", "PATIENT CHARACTERISTICS: Cardiovascular"),
        ("Ascites", "DISEASE CHARACTERISTICS"),
    ],
)
def test_a_sub_item_of_a_summary_list_is_not_required_of_everyone(text: str, context: str) -> None:
    rule = parse_criterion(text, INC, context)
    assert isinstance(rule, NeedsReview)


def test_a_requirement_in_a_summary_list_is_kept() -> None:
    rule = parse_criterion("Measurable disease", INC, "DISEASE CHARACTERISTICS")
    assert isinstance(rule, FindingRule)
    assert (rule.concept, rule.present) == ("measurable_disease", True)


@pytest.mark.parametrize(
    "text",
    [
        "Subjects with known, suspected, or documented parenchymal brain metastases, unless treated with "
        "surgery and/or radiation, with the subject neurologically stable",
        "Measurable or evaluable disease required except: Unevaluable stage IV disease (beyond draining "
        "lymph nodes) eligible following surgical resection, radiotherapy, or chemotherapy",
    ],
)
def test_a_required_finding_with_an_exception_is_not_required_of_everyone(text: str) -> None:
    assert _truth(text, INC, {"brain metastases": False, "measurable disease": False}) is None


def test_a_time_window_in_the_last_item_s_qualifier_bounds_every_item_of_the_list():
    """Read for the arrhythmia only, an infarction years ago excluded the patient from a trial that refuses
    one within 6 months."""
    text = "Unstable angina, myocardial infarction, or arrhythmia requiring treatment within 6 months"
    old_infarction = patient(findings={"myocardial infarction": True})
    judged = result("exclusion", text, old_infarction)
    assert judged.result is Outcome.UNKNOWN
    assert "requiring treatment within 6 months" in judged.reason


def test_or_those_with_names_a_second_group_not_a_narrowing_of_the_finding():
    """Read as what narrows the diabetes, the inclusion failed a non-diabetic patient with an HbA1c of 7.1 %,
    and the exclusion let a patient on long-term immunosuppressants without GVHD pass."""
    text = "Diabetes mellitus or those with an HbA1c ≥ 6.5%"
    not_diabetic = patient(findings={"diabetes": False}, labs=[{"test": "HbA1c", "value": 7.1, "unit": "%"}])
    assert result("inclusion", text, not_diabetic).result is Outcome.PASS
    gvhd = (
        "Subjects with graft versus host disease (GVHD)"
        " or those requiring long-term use of immunosuppressants."
    )
    rule = parse_criterion(gvhd, Section.EXCLUSION)
    assert isinstance(rule, NeedsReview)
    assert rule.why == "'or (those) with ...' names another group of patients, not a narrowing of the finding"


def test_an_item_under_one_numbered_group_s_heading_judges_only_that_group():
    """NCT05705167 lists four groups a patient may enter by; read for everyone, group 4's "HIV infection with
    CD4 < 200 cells/µL" failed every patient of groups 1-3."""
    heading = "Group-specific inclusion criteria: Group 4 - Other situations with immunodeficiency."
    text = (
        "Human immunodeficiency virus (HIV) infection,"
        " with CD4^+ T lymphocyte < 200 cells/μL in the last month."
    )
    group_one = patient(findings={"HIV infection": False})
    assert result("inclusion", text, group_one, heading).result is Outcome.UNKNOWN


def test_an_unrelated_status_glued_into_an_exception_sends_the_item_to_review():
    # PDQ lists lose their line breaks: "HIV negative" is the next item, not part of the exception
    text = (
        "No prior or concurrent malignancy except basal cell skin cancer or carcinoma in situ of the cervix"
        " HIV negative"
    )
    rule = parse_criterion(text, INC)
    assert isinstance(rule, NeedsReview)
    assert rule.why.startswith("an exception clause that states another finding's status")
    # the finding's own status in its exception is the exception proper
    own = parse_criterion(
        "Known active hepatitis C infection. Participants positive for hepatitis C (HCV) antibody are"
        " eligible only if polymerase chain reaction is negative for HCV RNA.",
        EXC,
    )
    assert isinstance(own, FindingRule)
    assert own.concept == "hcv"


def test_or_with_a_threshold_after_a_finding_is_another_way_in_not_a_narrowing():
    # read as a narrowing of the coagulation disorder, a patient with haemoglobin 9 g/dL passed
    text = (
        "Patients with uncontrolled and serious hematologic or coagulation disorders or with hemoglobin of"
        " <10.0 g/dL at screening"
    )
    rule = parse_criterion(text, EXC)
    assert isinstance(rule, NeedsReview)
    low = patient(findings={"coagulation disorder": False}, labs=[{"test": "Hb", "value": 9, "unit": "g/dL"}])
    assert result(EXC, text, low).result is not Outcome.PASS


def test_a_finding_on_treatment_is_a_narrowing_left_to_the_clinician_not_the_finding_alone() -> None:
    hypothyroid = {"hypothyroidism": True}
    assert _truth("Hypothyroidism on treatment.", EXC, hypothyroid) is None
    assert _truth("Hypothyroidism on treatment.", EXC, {"hypothyroidism": False}) is True
    assert _truth("HIV positive in treatment/AIDS;", EXC, {"HIV": True}) is None
    assert _truth("No symptomatic hypercalcemia under treatment", INC, {"hypercalcemia": False}) is True


def test_a_finding_from_its_cause_is_not_two_findings_and_excluded_from_study_repeats_the_section() -> None:
    text = (
        "Participants with evidence of Graft vs Host Disease from allogeneic stem cell transplant are "
        "ineligible unless it is either grade 1 involvement of the skin or not requiring systemic "
        "immunosuppression."
    )
    assert isinstance(parse_criterion(text, EXC), NeedsReview)
    assert _truth("Patients with active infection are excluded from study", EXC, {"active infection": False})
    assert isinstance(
        parse_criterion("Pregnant women are excluded from study participation", EXC), NeedsReview
    )


@pytest.mark.parametrize("text", ["Poorly controlled hypertension", "Inadequately controlled hypertension"])
@pytest.mark.parametrize(
    ("findings", "expected"),
    [
        ({"uncontrolled hypertension": True}, Outcome.FAIL),
        ({"hypertension": False}, Outcome.PASS),
        ({"hypertension": True}, Outcome.UNKNOWN),
    ],
)
def test_poor_control_is_the_uncontrolled_concept_not_a_narrowing_of_it(text, findings, expected):
    rule = exclusion(text)
    assert finding_shape(rule) == ("uncontrolled_hypertension", True, "any", [])
    assert outcome(Section.EXCLUSION, text, patient(findings=findings)) is expected


@pytest.mark.parametrize(
    ("findings", "expected"),
    [
        # FIGO IIIC ovarian cancer: peritoneal spread is regional disease, not distant metastasis.
        ({"peritoneal metastases": True, "liver metastases": False}, Outcome.UNKNOWN),
        ({"liver metastases": True}, Outcome.FAIL),
        ({"metastatic disease": False}, Outcome.PASS),
    ],
)
def test_no_distant_metastases_is_about_distant_organs_not_any_spread(findings, expected):
    assert finding_shape(parse_criterion("No distant metastases", INC)) == (
        "distant_metastases",
        False,
        "any",
        [],
    )
    assert outcome(INC, "No distant metastases", patient(findings=findings)) is expected


def test_a_chemotherapy_neuropathy_is_not_the_neurological_disorder_a_trial_refuses():
    """Protocols name peripheral neuropathy apart from "neurological disorders (e.g. seizures)"; a generic
    neurological disorder is left to the clinician for a patient whose only record is a neuropathy."""
    neuropathy = patient(findings={"peripheral neuropathy": True})
    assert outcome(EXC, "Presence of neurological disorders", neuropathy) is Outcome.UNKNOWN
    assert outcome(EXC, "Peripheral neuropathy", neuropathy) is Outcome.FAIL
    assert outcome(EXC, "Presence of neurological disorders", patient(findings={"epilepsy": True})) is (
        Outcome.FAIL
    )
