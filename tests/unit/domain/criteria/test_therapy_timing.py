"""Prior therapy and time windows, judged for a man with metastatic colorectal cancer after FOLFOX with
bevacizumab, pembrolizumab, palliative radiotherapy and a hemicolectomy: each sentence gets the verdict a
clinician gives it (a wash-out is not a requirement to have been treated, the future is not the past, an
exception is not the rule)."""

from __future__ import annotations

from typing import Any

import one_criterion
import pytest

from trialmatch.domain.criteria.temporal import REGIMENS
from trialmatch.domain.evaluation import Outcome

TREATED = [
    {"name": "FOLFOX", "category": "chemotherapy", "start": "2025-03-01", "end": "2025-09-30"},
    {"name": "bevacizumab", "category": "targeted therapy", "start": "2025-03-01", "end": "2025-09-30"},
    {"name": "pembrolizumab", "category": "immunotherapy", "start": "2026-01-10", "end": "2026-09-15"},
    {
        "name": "palliative radiotherapy",
        "category": "radiotherapy",
        "start": "2026-10-01",
        "end": "2026-10-10",
    },
    {"name": "hemicolectomy", "category": "surgery", "start": "2024-11-02", "end": "2024-11-02"},
]
SURGERY_ONLY = TREATED[-1:]


def outcome(section: str, text: str, treatments: list[dict[str, Any]], context: str | None = None) -> Outcome:
    """The criterion's result for a 64-year-old man at ECOG 1 after ``treatments``."""
    facts = one_criterion.patient(age=64, sex="male", ecog=1, treatments=treatments)
    return one_criterion.outcome(section, text, facts, context)


def test_weeks_after_surgery_is_a_wash_out_not_a_requirement_of_recent_surgery():
    assert outcome("inclusion", "Four weeks after major surgery;", SURGERY_ONLY) is Outcome.PASS
    recent = [{"name": "liver resection", "category": "surgery", "start": "2026-11-10", "end": "2026-11-10"}]
    assert outcome("inclusion", "Four weeks after major surgery;", recent) is Outcome.UNKNOWN


def test_therapy_planned_after_the_study_starts_is_not_judged_from_the_history():
    context = "PRIOR CONCURRENT THERAPY: Radiotherapy"
    text = "Radiotherapy: No radiotherapy for 6 months after completion of study therapy"
    assert outcome("inclusion", text, TREATED, context) is Outcome.UNKNOWN
    text = "No planned surgery within 8 weeks after initiation of treatment"
    assert outcome("inclusion", text, SURGERY_ONLY, "PRIOR CONCURRENT THERAPY: Surgery") is Outcome.UNKNOWN


def test_a_never_treated_statement_in_the_exclusion_list_is_left_to_the_clinician():
    text = (
        "Patients must not have received any prior chemotherapy, immunotherapy, targeted or hormonal therapy."
    )
    assert outcome("exclusion", text, SURGERY_ONLY) is Outcome.UNKNOWN
    text = "Palliative radiotherapy completed 7 days prior to first dose."
    assert outcome("exclusion", text, SURGERY_ONLY) is Outcome.UNKNOWN


def test_drugs_named_as_exceptions_do_not_exclude():
    text = "Prior treatment with checkpoint inhibitors, other than durvalumab or pembrolizumab"
    assert outcome("exclusion", text, TREATED) is not Outcome.FAIL


def test_a_range_of_times_is_not_read_as_its_lower_end():
    text = "received chemotherapy within the past 12-48 months from enrollment"
    assert outcome("inclusion", text, TREATED, "40 - 65 years of age") is Outcome.UNKNOWN


def test_a_permission_with_conditions_is_not_a_requirement():
    context = "PRIOR CONCURRENT THERAPY: Radiotherapy"
    text = "Radiotherapy: Prior radiation therapy subject to dose requirements"
    assert outcome("inclusion", text, SURGERY_ONLY, context) is Outcome.UNKNOWN


def test_platinum_based_chemotherapy_is_about_platinum_and_folfox_holds_oxaliplatin():
    context = "PRIOR CONCURRENT THERAPY: Chemotherapy"
    required = "Chemotherapy: Prior platinum-based chemotherapy required"
    assert outcome("inclusion", required, TREATED, context) is Outcome.PASS
    gemcitabine = [
        {"name": "gemcitabine", "category": "chemotherapy", "start": "2025-01-01", "end": "2025-06-01"}
    ]
    assert outcome("inclusion", required, gemcitabine, context) is Outcome.FAIL
    assert outcome("inclusion", "No prior oxaliplatin", TREATED, context) is Outcome.FAIL
    recent = [{"name": "FOLFIRI", "start": "2026-10-01", "end": "2026-11-01"}]
    assert outcome(
        "inclusion", "At least 4 weeks since prior platinum based chemotherapy", recent, context
    ) is (Outcome.PASS)


def test_radiotherapy_to_a_named_site_is_not_decided_by_radiotherapy_elsewhere():
    assert outcome("exclusion", "Prior radiotherapy to the site of treatment", TREATED) is Outcome.UNKNOWN
    context = "PRIOR CONCURRENT THERAPY: Radiotherapy"
    text = "No prior radiotherapy to lesions to be evaluated"
    assert outcome("inclusion", text, TREATED, context) is Outcome.UNKNOWN
    # a list with no radiotherapy at all does not say there was none
    assert outcome("inclusion", text, SURGERY_ONLY, context) is Outcome.UNKNOWN
    irradiated = [{"name": "radiotherapy to the spine", "category": "radiotherapy", "start": "2025-01-01"}]
    assert outcome("inclusion", text, irradiated, context) is Outcome.UNKNOWN


def test_the_kind_of_surgery_named_is_not_decided_by_another_surgery():
    context = "PRIOR CONCURRENT THERAPY: Surgery"
    assert outcome("inclusion", "No prior total surgical resection", SURGERY_ONLY, context) is Outcome.UNKNOWN
    recent = [{"name": "appendectomy", "category": "surgery", "start": "2026-11-01", "end": "2026-11-01"}]
    assert outcome("exclusion", "Hepatic surgery within the last 30 days.", recent) is Outcome.UNKNOWN


def test_a_checkpoint_inhibitor_is_a_named_class_not_every_immunotherapy():
    text = "Previous therapy with any checkpoint inhibitor"
    assert outcome("exclusion", text, TREATED) is Outcome.FAIL
    bcg = [
        {"name": "intravesical BCG", "category": "immunotherapy", "start": "2024-01-01", "end": "2024-06-01"}
    ]
    assert outcome("exclusion", text, bcg) is Outcome.PASS
    unnamed = [
        {"name": "XYZ-123 antibody", "category": "immunotherapy", "start": "2024-01-01", "end": "2024-06-01"}
    ]
    assert outcome("exclusion", text, unnamed) is Outcome.UNKNOWN


def test_brand_names_are_the_drugs_they_sell():
    keytruda = [{"name": "Keytruda", "start": "2026-01-10", "end": "2026-09-15"}]
    assert (
        outcome("exclusion", "Any prior treatment with an anti-PD-1 or anti-PD-L1 agent.", keytruda)
        is Outcome.FAIL
    )
    taxol = [{"name": "Taxol", "category": "chemotherapy", "start": "2025-01-01", "end": "2025-04-01"}]
    context = "PRIOR CONCURRENT THERAPY: Chemotherapy"
    assert outcome("inclusion", "No prior taxanes", taxol, context) is Outcome.FAIL
    gemcitabine = [
        {"name": "gemcitabine", "category": "chemotherapy", "start": "2025-01-01", "end": "2025-04-01"}
    ]
    assert outcome("inclusion", "No prior taxanes", gemcitabine, context) is Outcome.PASS


def test_ever_received_needs_no_dates():
    undated = [{"name": "FOLFOX", "category": "chemotherapy"}]
    context = "PRIOR CONCURRENT THERAPY: Chemotherapy"
    assert outcome("inclusion", "No prior chemotherapy", undated, context) is Outcome.FAIL
    assert (
        outcome("inclusion", "At least 4 weeks since prior chemotherapy", undated, context) is Outcome.UNKNOWN
    )


def test_an_allogeneic_transplant_is_not_decided_by_an_autologous_one():
    autologous = [{"name": "autologous HSCT", "category": "stem cell transplant", "start": "2025-05-01"}]
    autologous[0]["end"] = "2025-05-02"
    assert outcome("exclusion", "Previous allogeneic bone marrow transplant.", autologous) is Outcome.UNKNOWN
    assert outcome("exclusion", "Previous allogeneic bone marrow transplant.", TREATED) is Outcome.PASS


def test_a_household_members_chemotherapy_is_not_the_patients():
    context = (
        "Member of a household that contains an immunocompromised individual, including, but not limited to"
    )
    text = "a person who has received chemotherapy within the 12 months prior to study enrollment"
    recent = [{"name": "FOLFIRI", "category": "chemotherapy", "start": "2026-06-01", "end": "2026-10-01"}]
    assert outcome("exclusion", text, recent, context) is Outcome.UNKNOWN


def test_what_the_study_treatment_is_given_with_is_not_a_prior_therapy():
    text = "Study treatment must start no more than 14 days after randomization, concurrent with taxanes"
    assert outcome("inclusion", text, TREATED) is Outcome.UNKNOWN


def test_biologic_therapy_is_antibodies_and_immunotherapy_not_kinase_inhibitors():
    context = "PRIOR CONCURRENT THERAPY: Biologic therapy"
    assert outcome("inclusion", "No prior biologic therapy", TREATED, context) is Outcome.FAIL
    erlotinib = [
        {"name": "erlotinib", "category": "targeted therapy", "start": "2026-10-01", "end": "2026-11-10"}
    ]
    assert outcome("inclusion", "No prior biologic therapy", erlotinib, context) is Outcome.PASS
    assert (
        outcome("inclusion", "At least 4 weeks since prior biologic therapy", erlotinib, context)
        is Outcome.PASS
    )
    unnamed = [
        {"name": "study drug XYZ", "category": "targeted therapy", "start": "2026-01-01", "end": "2026-02-01"}
    ]
    assert outcome("inclusion", "No prior biologic therapy", unnamed, context) is Outcome.UNKNOWN


def test_a_therapy_that_must_be_over_may_have_been_given():
    context = "PRIOR CONCURRENT THERAPY: Endocrine therapy"
    text = "All hormonal therapy discontinued prior to randomization"
    stopped = [
        {"name": "tamoxifen", "category": "hormone therapy", "start": "2024-01-01", "end": "2026-03-01"}
    ]
    assert outcome("inclusion", text, stopped, context) is Outcome.PASS
    ongoing = [{"name": "leuprolide", "category": "hormone therapy", "start": "2026-01-01"}]
    assert outcome("inclusion", text, ongoing, context) is Outcome.FAIL
    assert outcome("inclusion", "Patients must have completed prior chemotherapy", TREATED) is Outcome.PASS


def test_a_treatment_without_category_is_judged_by_its_name_or_left_unknown():
    context = "PRIOR CONCURRENT THERAPY: Chemotherapy"
    gemcitabine = [{"name": "gemcitabine", "start": "2025-01-01", "end": "2025-04-01"}]
    assert outcome("inclusion", "No prior chemotherapy", gemcitabine, context) is Outcome.FAIL
    xeloda = [{"name": "Xeloda", "start": "2025-01-01", "end": "2025-04-01"}]
    assert outcome("inclusion", "No prior chemotherapy", xeloda, context) is Outcome.UNKNOWN


def test_completed_with_a_time_span_is_a_wash_out_or_a_recent_therapy_as_its_comparator_says():
    text = "Prior surgery, radiotherapy, or chemotherapy completed less than 4 weeks before"
    assert outcome("exclusion", text, TREATED) is Outcome.PASS
    recent = [{"name": "FOLFIRI", "category": "chemotherapy", "start": "2026-09-01", "end": "2026-11-01"}]
    assert outcome("exclusion", text, recent) is Outcome.FAIL
    text = "Palliative radiotherapy completed 7 days prior to first dose."
    assert outcome("inclusion", text, SURGERY_ONLY) is Outcome.PASS


@pytest.mark.parametrize("regimen", sorted(REGIMENS))
def test_every_regimen_entered_without_a_category_counts_as_chemotherapy(regimen):
    # therapy matching relies on each regimen naming a drug whose category is known
    treatment = [{"name": regimen.upper(), "start": "2025-01-10", "end": "2025-06-30"}]
    assert outcome("exclusion", "Prior chemotherapy", treatment) is Outcome.FAIL


def test_must_have_completed_a_therapy_asks_for_it_given_and_over_while_all_prior_is_a_wash_out():
    text = "Patients must have completed radiotherapy"
    assert outcome("inclusion", text, TREATED) is Outcome.PASS
    assert outcome("inclusion", text, SURGERY_ONLY) is Outcome.UNKNOWN  # a list with no radiotherapy at all
    ongoing = [{"name": "radiotherapy", "category": "radiotherapy", "start": "2026-11-10"}]
    assert outcome("inclusion", text, ongoing) is Outcome.FAIL
    wash_out = "Patients must have completed all prior chemotherapy"
    assert outcome("inclusion", wash_out, SURGERY_ONLY) is Outcome.PASS


@pytest.mark.parametrize(
    ("text", "treatments", "expected"),
    [
        ("Has undergone surgery within the past 8 weeks", TREATED[:3], Outcome.UNKNOWN),
        ("Has undergone surgery within the past 8 weeks", TREATED, Outcome.FAIL),
        ("Prior surgery required", TREATED[:3], Outcome.UNKNOWN),
        ("Prior surgery required", TREATED, Outcome.PASS),
        ("Major surgery within 4 weeks prior to enrolment", TREATED[:3], Outcome.PASS),
    ],
)
def test_an_operation_required_is_unknown_when_the_list_holds_none(text, treatments, expected):
    """A list of cancer drugs with no operation at all does not say there was none: a required one is unknown;
    a list that records some operation is taken as the record of operations."""
    section = "exclusion" if text.startswith("Major") else "inclusion"
    assert outcome(section, text, treatments) is expected


def test_an_operation_or_radiotherapy_at_any_time_is_unknown_when_the_list_holds_none():
    """A PASS audit (colorectal cancer, a list of systemic therapy only): "Previous radiation therapy to the
    pelvis" and "any major surgery before screening" passed as if none had been given, though rectal cancer is
    treated with pelvic radiotherapy and most patients have had their primary resected. A recent one stays
    read: an operation in the last weeks is current care, which the clinician enters."""
    drugs_only = [{"name": "FOLFOX", "category": "chemotherapy", "start": "2025-09-01", "end": "2026-03-01"}]
    pelvis = "Patients who have had previous radiation therapy to the pelvis."
    assert outcome("exclusion", pelvis, drugs_only) is Outcome.UNKNOWN
    assert outcome("exclusion", "Subjects who underwent any major surgery before screening;", drugs_only) is (
        Outcome.UNKNOWN
    )
    assert outcome("inclusion", "No prior radiotherapy", drugs_only) is Outcome.UNKNOWN
    assert outcome("exclusion", "Major surgery within 4 weeks of the first dose", drugs_only) is Outcome.PASS
    resected = [
        *drugs_only,
        {"name": "hemicolectomy", "category": "surgery", "start": "2025-06-01", "end": "2025-06-01"},
    ]
    assert outcome("exclusion", pelvis, resected) is Outcome.UNKNOWN
    assert outcome("exclusion", "Prior surgery", resected) is Outcome.FAIL
