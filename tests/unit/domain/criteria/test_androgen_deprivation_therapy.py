"""Androgen deprivation therapy is hormone therapy: "Untreated hypogonadism (morning total testosterone <300
ng/dL) or on androgen deprivation therapy in the last 12 months" reads as the testosterone limit or hormone
therapy within 12 months."""

from __future__ import annotations

from typing import Any

from one_criterion import entered, exclusion, limits_with_multiples, patient, result

from trialmatch.domain.criteria import AnyOf
from trialmatch.domain.criteria.temporal import TemporalTherapyRule
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

EXC = Section.EXCLUSION
HYPOGONADISM = (
    "Untreated hypogonadism (morning total testosterone <300 ng/dL) or on androgen deprivation therapy in "
    "the last 12 months"
)
NORMAL = entered(("testosterone", 450, "ng/dL"))


def judged(**fields: Any) -> tuple[Outcome, str]:
    found = result(EXC, HYPOGONADISM, patient(sex="male", **fields))
    return found.result, found.reason


def adt(start: str, end: str | None = None) -> list[dict[str, str]]:
    entry = {"name": "leuprolide", "category": "hormone therapy", "start": start}
    return [entry | {"end": end}] if end else [entry]


def test_the_testosterone_limit_and_the_therapy_window():
    rule = exclusion(HYPOGONADISM)
    assert isinstance(rule, AnyOf)
    limit, therapy = rule.children
    assert limits_with_multiples(limit) == [("testosterone", "<", 300.0, "ng/dL", None)]
    assert isinstance(therapy, TemporalTherapyRule)
    assert (therapy.categories, therapy.window, therapy.window_unit) == (["hormone therapy"], 12, "months")
    assert isinstance(
        exclusion("Prior androgen deprivation therapy within the last 12 months"), TemporalTherapyRule
    )


def test_adt_stopped_long_ago_and_a_normal_testosterone_pass():
    outcome, reason = judged(labs=NORMAL, treatments=adt("2024-01-01", "2024-06-01"))
    assert outcome is Outcome.PASS
    assert reason == "testosterone 450 ng/dL, not < 300 ng/dL; no hormone therapy within 12 months"


def test_adt_in_the_last_12_months_excludes():
    outcome, _ = judged(labs=NORMAL, treatments=adt("2026-03-01"))
    assert outcome is Outcome.FAIL


def test_a_low_testosterone_goes_to_the_clinician_for_untreated_and_missing_data_is_unknown():
    low, reason = judged(
        labs=entered(("testosterone", 210, "ng/dL")), treatments=adt("2024-01-01", "2024-06-01")
    )
    assert low is Outcome.UNKNOWN
    assert reason.startswith("testosterone 210 ng/dL, < 300 ng/dL: excluded; to confirm: untreated")
    assert judged()[0] is Outcome.UNKNOWN
