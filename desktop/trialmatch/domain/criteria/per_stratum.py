"""PerStratum: limits that differ per cohort or per drug in one sentence ("HbA1c ≤ 10 % (cohort 1) / < 6.5 %
(cohort 2)", "Total bilirubin ≤ 3 mg/dL for gemcitabine and any value for capecitabine").

Each child holds in its own stratum only; a stratum named with no limit ("any value for capecitabine") and the
trial's other strata are not concerned. The evaluation asks the rule once per stratum it names, so a patient
over one cohort's limit is excluded from that cohort only and the verdict says which strata remain.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from pydantic import Field

from trialmatch.domain.criteria.base import RuleBase

if TYPE_CHECKING:
    from trialmatch.domain.criteria.registry import Rule


class PerStratum(RuleBase):
    """``children[i]`` is the limit in stratum ``strata[i]``; ``free`` are the strata named with no limit."""

    kind: Literal["per_stratum"] = "per_stratum"
    strata: list[str]
    children: list[Rule]
    free: list[str] = Field(default_factory=list)
