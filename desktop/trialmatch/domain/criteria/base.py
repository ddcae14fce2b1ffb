"""What every rule kind shares: the comparator vocabulary and the frozen model base.

Rules are data (stored as JSON in the catalogue, never re-parsed at match time), so the base refuses unknown
fields and is frozen: a rule read once must mean the same thing at every evaluation.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict


class RuleModel(BaseModel):
    """Base of every rule and rule part: unknown fields refused, immutable once read."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class RuleBase(RuleModel):
    """A rule kind: ``source_span`` is where in the criterion text it was read (start, end)."""

    source_span: tuple[int, int]


class Comparator(StrEnum):
    GE = ">="
    GT = ">"
    LE = "<="
    LT = "<"

    @property
    def symbol(self) -> str:
        """The sign a clinician reads: ≥ rather than >=."""
        return _SYMBOLS[self]

    @property
    def is_lower_bound(self) -> bool:
        """True for ≥ and >: the threshold is a minimum the value must reach."""
        return self in (Comparator.GE, Comparator.GT)

    @property
    def opposite(self) -> Comparator:
        """What holds exactly when this does not: the opposite of ≥ is <."""
        return _OPPOSITES[self]

    def holds(self, value: float, threshold: float) -> bool:
        """``value <cmp> threshold``, with a relative tolerance so 1.5 × 10⁹/L read back from 1,500/µL
        compares equal to 1.5 despite float rounding in unit conversion."""
        tolerance = 1e-9 * max(abs(value), abs(threshold), 1.0)
        if self is Comparator.GE:
            return value >= threshold - tolerance
        if self is Comparator.GT:
            return value > threshold + tolerance
        if self is Comparator.LE:
            return value <= threshold + tolerance
        return value < threshold - tolerance


_SYMBOLS = {Comparator.GE: "≥", Comparator.GT: ">", Comparator.LE: "≤", Comparator.LT: "<"}
_OPPOSITES = {
    Comparator.GE: Comparator.LT,
    Comparator.GT: Comparator.LE,
    Comparator.LE: Comparator.GT,
    Comparator.LT: Comparator.GE,
}
