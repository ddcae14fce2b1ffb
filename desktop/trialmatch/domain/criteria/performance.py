"""Performance status: ECOG / WHO (one 0-5 scale) or Karnofsky (0-100), as an allowed range."""

from __future__ import annotations

from typing import Literal

from trialmatch.domain.criteria.base import RuleBase

Scale = Literal["ecog", "karnofsky", "who"]


class PerformanceStatusRule(RuleBase):
    """Allowed range on ``scale``, inclusive on both sides; ``None`` is no limit on that side.

    WHO performance status is the ECOG scale under another name; it is kept as written so the reason
    quotes the trial's own wording.
    """

    kind: Literal["performance"] = "performance"
    scale: Scale
    min: int | None = None
    max: int | None = None

    def describe(self) -> str:
        """ "ECOG 0–1", "Karnofsky ≥ 70"."""
        name = {"ecog": "ECOG", "karnofsky": "Karnofsky", "who": "WHO PS"}[self.scale]
        if self.min is not None and self.max is not None:
            return f"{name} {self.min}" if self.min == self.max else f"{name} {self.min}–{self.max}"
        if self.min is not None:
            return f"{name} ≥ {self.min}"
        if self.max is not None:
            return f"{name} ≤ {self.max}"
        return name
