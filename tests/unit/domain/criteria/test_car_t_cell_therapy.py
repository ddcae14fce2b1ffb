"""CAR-T cell therapy is one kind of cell therapy: "no CAR-T within 30 days" excludes a lymphoma patient
after axicabtagene ciloleucel, not a melanoma patient after tumour-infiltrating lymphocytes (lifileucel),
which it read as "any cell therapy" and failed."""

from __future__ import annotations

from typing import Any

import one_criterion
import pytest

from trialmatch.domain.criteria.temporal import TemporalTherapyRule
from trialmatch.domain.evaluation import Outcome

EXCLUSION = "Patients who received CAR-T cell therapy within the past 30 days"


def treated(
    name: str, start: str = "2026-11-01", category: str | None = "cell therapy"
) -> list[dict[str, Any]]:
    return [{"name": name, "category": category, "start": start, "end": start}]


def outcome(section: str, text: str, treatments: list[dict[str, Any]]) -> Outcome:
    facts = one_criterion.patient(age=58, sex="male", treatments=treatments)
    return one_criterion.outcome(section, text, facts)


@pytest.mark.parametrize(
    "text",
    [
        EXCLUSION,
        "Prior CAR T-cell therapy",
        "No prior treatment with chimeric antigen receptor T-cell therapy",
        "Previous CAR-T therapy",
    ],
)
def test_car_t_wordings_name_the_car_t_agent_class_not_every_cell_therapy(text: str) -> None:
    rule = one_criterion.inclusion(text)
    assert isinstance(rule, TemporalTherapyRule)
    assert (rule.agents, rule.categories) == (["car-t cell therapy"], [])


def test_the_rule_reads_with_its_window() -> None:
    rule = one_criterion.exclusion(EXCLUSION)
    assert isinstance(rule, TemporalTherapyRule)
    assert (rule.relation, rule.window, rule.window_unit) == ("prior", 30, "days")
    assert rule.describe() == "CAR-T cell therapy within 30 days"


@pytest.mark.parametrize(
    "name",
    ["axicabtagene ciloleucel", "Yescarta", "Kymriah", "CD19 CAR-T cells", "investigational CAR T cells"],
)
def test_a_car_t_product_19_days_ago_excludes(name: str) -> None:
    assert outcome("exclusion", EXCLUSION, treated(name)) is Outcome.FAIL


def test_a_car_t_product_given_before_the_window_does_not_exclude() -> None:
    assert outcome("exclusion", EXCLUSION, treated("tisagenlecleucel", "2026-06-01")) is Outcome.PASS


@pytest.mark.parametrize("name", ["lifileucel", "tumor-infiltrating lymphocytes (TIL)"])
def test_tumour_infiltrating_lymphocytes_are_no_car_t(name: str) -> None:
    assert outcome("exclusion", EXCLUSION, treated(name)) is Outcome.PASS


def test_an_unnamed_cell_therapy_may_be_car_t_and_is_left_to_the_clinician() -> None:
    result = one_criterion.result(
        "exclusion", EXCLUSION, one_criterion.patient(treatments=treated("NK-92 study product"))
    )
    assert result.result is Outcome.UNKNOWN
    assert (
        result.reason == "NK-92 study product: whether it is CAR-T cell therapy within 30 days is not known"
    )


def test_any_cell_therapy_still_reads_as_the_category() -> None:
    rule = one_criterion.inclusion("Prior adoptive cell therapy")
    assert isinstance(rule, TemporalTherapyRule)
    assert (rule.agents, rule.categories) == ([], ["cell therapy"])
    assert outcome("inclusion", "Prior adoptive cell therapy", treated("lifileucel")) is Outcome.PASS
