"""Age rule: a range in years, each bound inclusive or not ("≥ 18", "< 75", "between 18 and 75")."""

from __future__ import annotations

from typing import Literal

from trialmatch.domain.criteria.base import RuleBase


class AgeRule(RuleBase):
    """Age in completed years within [min, max]; ``None`` is no limit on that side."""

    kind: Literal["age"] = "age"
    min: float | None = None
    max: float | None = None
    min_inclusive: bool = True
    max_inclusive: bool = True

    def describe(self) -> str:
        """ "18 to 75 years", "≥ 18 years", "< 18 years"."""
        if self.min is not None and self.max is not None and self.min_inclusive and self.max_inclusive:
            return f"{self.min:g} to {self.max:g} years"
        parts = []
        if self.min is not None:
            parts.append(f"{'≥' if self.min_inclusive else '>'} {self.min:g}")
        if self.max is not None:
            parts.append(f"{'≤' if self.max_inclusive else '<'} {self.max:g}")
        return " and ".join(parts) + " years" if parts else "any age"
