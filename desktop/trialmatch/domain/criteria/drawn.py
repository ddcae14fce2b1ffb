"""A value held to the trial's draw window: "ANC ≥ 1.5 × 10⁹/L within 14 days prior to registration" asks for
a value of those 14 days. One drawn earlier is not that value, whichever side of the limit it is on: the
check judges it unknown, and the reason says what it found, of which date, and what the trial asks for ("ANC
2.1 × 10⁹/L of 2026-08-01, meets ≥ 1.5 × 10⁹/L, but the trial asks for a value from the 14 days before
registration"). The lab and derived-value checks write the date after the value they describe.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from trialmatch.domain.criteria.derived import DerivedValueRule
from trialmatch.domain.criteria.lab import LabThreshold
from trialmatch.domain.facts import PatientFacts, Reading


@dataclass(frozen=True, slots=True)
class DrawWindowCheck:
    """What the checks need of a rule's ``DrawWindow`` (``criteria.lab``): its days, its words, and what is
    missing when the value is older."""

    days: int
    window: str
    """As the trial words it: "14 days before registration"."""
    wanted: str
    """What is missing when the value is older: "ANC from the 14 days before registration"."""

    @classmethod
    def of(cls, rule: LabThreshold | DerivedValueRule, name: str) -> DrawWindowCheck | None:
        if rule.within_days is None:
            return None
        window = rule.window or f"{rule.within_days} days before the trial's start"
        return cls(rule.within_days, window, f"{name} from the {window}")

    def before(self, reading: Reading, facts: PatientFacts) -> bool:
        """Whether the value was drawn earlier than the window (its first day counts)."""
        return reading.date is not None and reading.date < facts.as_of - dt.timedelta(days=self.days)

    def date_of(self, reading: Reading, facts: PatientFacts) -> str:
        """ " of 2026-08-01" for a value drawn before the window, written after it; "" for a recent one. A
        derived value names what it was computed from (" (from creatinine of 2026-03-01)")."""
        if not self.before(reading, facts):
            return ""
        if not reading.derived_from:
            return f" of {reading.date}"
        creatinine = facts.lab("creatinine") if "creatinine" in reading.derived_from else None
        source = "creatinine" if creatinine is not None and creatinine.date == reading.date else "values"
        return f" (from {source} of {reading.date})"

    def asking(self, reason: str, met: bool) -> str:
        """The reason given for an old value, asking for a recent one; ``met`` whether the old value meets
        the criterion (", but the trial asks ..."), else "; the trial asks ..."."""
        asked = f"the trial asks for a value from the {self.window}"
        return f"{reason}, but {asked}" if met else f"{reason}; {asked}"
