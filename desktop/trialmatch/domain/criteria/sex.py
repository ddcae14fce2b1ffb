"""Sex rule: the trial takes one sex, or says explicitly that it takes both ("Both genders")."""

from __future__ import annotations

from typing import Literal

from trialmatch.domain.criteria.base import RuleBase


class SexRule(RuleBase):
    """``any`` records an explicit "men and women" so the item is read rather than left for review."""

    kind: Literal["sex"] = "sex"
    sex: Literal["female", "male", "any"]
