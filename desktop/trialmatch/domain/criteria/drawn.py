"""A value held to the trial's draw window (``DrawWindow``): "ANC ≥ 1.5 × 10⁹/L within 14 days prior to
registration" asks for a value of those 14 days. One drawn earlier is not that value, whichever side of the
limit it is on: the check judges it unknown, and the reason says what it found, of which date, and what the
trial asks for ("ANC 2.1 × 10⁹/L of 2026-08-01 meets ≥ 1.5 × 10⁹/L, but the trial asks for a value from the
14 days before registration").
"""

from __future__ import annotations

import datetime as dt

from trialmatch.domain.facts import PatientFacts, Reading

_VALUE_ENDS = (", ", " is ", ": ", "; ", " (")
"""What follows the patient's value in a check's reason ("ANC 2.1 × 10⁹/L, meets", "AST 160 U/L is 4.0 ×
ULN")."""


def drawn_before(reading: Reading, as_of: dt.date, days: int) -> bool:
    """Whether the value was drawn earlier than ``days`` before ``as_of`` (that very day counts)."""
    return reading.date is not None and reading.date < as_of - dt.timedelta(days=days)


def dated_reason(
    reason: str, name: str, reading: Reading, facts: PatientFacts, window: str, met: bool
) -> str:
    """The check's reason with the value's date after the value and the window the trial asks for; ``met``
    whether the old value meets the criterion (", but the trial asks ..."), else "; the trial asks ...". An
    exclusion's ": excluded" becomes ": would exclude", since the old value decides nothing."""
    when = f" of {reading.date}"
    if reading.derived_from:
        creatinine = facts.lab("creatinine") if "creatinine" in reading.derived_from else None
        source = "creatinine" if creatinine is not None and creatinine.date == reading.date else "values"
        when = f" (from {source} of {reading.date})"
    head = f"{name} "
    if reason.startswith(head):
        ends = [at for at in (reason.find(end, len(head)) for end in _VALUE_ENDS) if at >= 0]
        at = min(ends, default=len(reason))
        rest = reason[at:]
        if rest.startswith((", meets ", ", within ")):
            rest = rest[1:]
        reason = f"{reason[:at]}{when}{rest}"
    else:
        reason = f"{reason} (value{when})"
    reason = reason.replace(": excluded", ": would exclude")
    asked = f"the trial asks for a value from the {window}"
    return f"{reason}, but {asked}" if met else f"{reason}; {asked}"
