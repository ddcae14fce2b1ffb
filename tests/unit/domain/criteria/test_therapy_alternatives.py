"""Alternatives in a therapy sentence: investigational drugs named beside the categories, and "allogeneic or
autologous" transplants, each judged as a clinician judges them."""

from __future__ import annotations

from typing import Any

import one_criterion
from one_criterion import therapy_shape

from trialmatch.domain.criteria import NeedsReview, parse_criterion
from trialmatch.domain.criteria.logic import AllOf, AnyOf
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

SYSTEMIC = ["chemotherapy", "immunotherapy", "targeted therapy", "hormone therapy", "cell therapy"]
WITHIN_21_DAYS = (
    "Patients who have received chemotherapy, radiotherapy, immunotherapy, or concurrent or recent treatment "
    "with any other investigational agents within 21 days prior to treatment."
)
BOTH_TRANSPLANTS = "No prior allogeneic or autologous bone marrow transplantations within 3 months of study"
BIOLOGIC_HEADING = "PRIOR CONCURRENT THERAPY: Biologic therapy"


def treated(name: str, category: str, start: str, end: str | None = None) -> list[dict[str, Any]]:
    return [{"name": name, "category": category, "start": start, "end": end}]


def outcome(section: str, text: str, treatments: list[dict[str, Any]], context: str | None = None) -> Outcome:
    facts = one_criterion.patient(treatments=treatments)
    return one_criterion.outcome(section, text, facts, context)


def test_investigational_agents_are_an_alternative_of_their_own_not_dropped():
    rule = one_criterion.exclusion(WITHIN_21_DAYS)
    assert isinstance(rule, AnyOf)
    named, investigational = rule.children
    assert therapy_shape(named) == (
        ["chemotherapy", "radiotherapy", "immunotherapy"],
        "prior",
        21,
        "days",
        True,
        None,
    )
    assert therapy_shape(investigational) == (
        SYSTEMIC,
        "prior",
        21,
        "days",
        True,
        "investigational",
    )


def test_a_recent_kinase_inhibitor_may_be_the_investigational_agent_and_goes_to_the_clinician():
    recent = treated("XYZ-123", "targeted therapy", "2026-11-01")
    assert outcome("exclusion", WITHIN_21_DAYS, recent) is Outcome.UNKNOWN
    assert (
        outcome("exclusion", WITHIN_21_DAYS, treated("FOLFOX", "chemotherapy", "2026-11-05")) is Outcome.FAIL
    )
    old = treated("XYZ-123", "targeted therapy", "2025-01-01", "2025-06-01")
    assert outcome("exclusion", WITHIN_21_DAYS, old) is Outcome.PASS
    assert outcome("exclusion", WITHIN_21_DAYS, []) is Outcome.UNKNOWN


def test_a_washout_of_chemotherapy_or_investigational_agents_asks_for_neither():
    text = "No chemotherapy or investigational agents within 4 weeks"
    rule = one_criterion.inclusion(text)
    assert isinstance(rule, AllOf)
    assert [therapy_shape(child) for child in rule.children] == [
        (["chemotherapy"], "none", 4, "weeks", True, None),
        (SYSTEMIC, "none", 4, "weeks", True, "investigational"),
    ]
    assert outcome("inclusion", text, treated("XYZ-123", "targeted therapy", "2026-11-01")) is Outcome.UNKNOWN
    assert outcome("inclusion", text, treated("capecitabine", "chemotherapy", "2026-11-01")) is Outcome.FAIL
    assert outcome("inclusion", text, treated("hemicolectomy", "surgery", "2026-11-01")) is Outcome.PASS


def test_categories_that_hold_every_systemic_therapy_already_name_the_investigational_ones():
    text = "More than 28 days since any antineoplastic therapy or therapy with investigational agents"
    rule = one_criterion.inclusion(text)
    assert therapy_shape(rule) == (SYSTEMIC, "none", 28, "days", True, None)
    narrowed = one_criterion.inclusion("No other concurrent investigational anticancer agents")
    assert therapy_shape(narrowed) == (SYSTEMIC, "none", 0, "days", True, "investigational")


def test_the_first_dose_of_investigational_product_is_the_anchor_not_an_alternative():
    text = "Radiotherapy within 4 weeks prior to the first dose of investigational product"
    rule = one_criterion.exclusion(text)
    assert isinstance(rule, NeedsReview), rule


def test_investigational_drugs_alone_stay_for_review():
    assert isinstance(
        one_criterion.exclusion("Treatment with investigational agents within 4 weeks"), NeedsReview
    )


def test_allogeneic_or_autologous_is_every_transplant_not_the_allogeneic_one():
    rule = parse_criterion(BOTH_TRANSPLANTS, Section.INCLUSION, BIOLOGIC_HEADING)
    assert therapy_shape(rule) == (["stem cell transplant"], "none", 3, "months", True, None)
    recent = treated("autologous stem cell transplant", "stem cell transplant", "2026-10-01", "2026-10-02")
    assert outcome("inclusion", BOTH_TRANSPLANTS, recent, BIOLOGIC_HEADING) is Outcome.FAIL
    old = treated("autologous stem cell transplant", "stem cell transplant", "2020-10-01", "2020-10-02")
    assert outcome("inclusion", BOTH_TRANSPLANTS, old, BIOLOGIC_HEADING) is Outcome.PASS
    either = one_criterion.exclusion(
        "Prior autologous or allogeneic stem cell transplantation within 100 days"
    )
    assert therapy_shape(either) == (["stem cell transplant"], "prior", 100, "days", True, None)


def test_one_kind_of_transplant_still_narrows():
    rule = one_criterion.exclusion("Prior allogeneic bone marrow transplant.")
    assert therapy_shape(rule) == (
        ["stem cell transplant"],
        "prior",
        None,
        "days",
        True,
        "allogeneic",
    )
    auto = treated("autologous stem cell transplant", "stem cell transplant", "2020-10-01", "2020-10-02")
    assert outcome("exclusion", "Prior allogeneic bone marrow transplant.", auto) is Outcome.UNKNOWN
