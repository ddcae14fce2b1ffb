"""Lab threshold: one measured analyte against a fixed value or a multiple of its ULN/LLN.

Registries qualify thresholds inside the sentence ("≤ 3 x ULN (≤ 5 x if liver metastases are present)",
"(for Stratum D: ≥ 100.000/µl)"). Those variants live in the rule itself, because dropping them would fail
patients the trial accepts.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import Field

from trialmatch.domain.criteria.base import Comparator, RuleBase, RuleModel

Multiple = Literal["uln", "lln", "control"]
"""``control``: the control value the laboratory runs beside a clotting time ("PT < 1.5 × control"), which
lies within the normal range."""


class ThresholdFields(RuleModel):
    """A comparison the patient's value is held to.

    ``unit`` is the canonical spelling of the unit as written (``None`` for × ULN/LLN and unitless scores);
    ``value`` is the number as written. ``unit_inferred`` marks a unit the registry left out and the parser
    supplied from the magnitude ("platelets ≥ 100" read as 10⁹/L), so the reason can say so.
    ``lenient_value`` is set when the registry printed a range where one bound belongs ("bilirubin ≤ 1.5 - 3 x
    ULN"): ``value`` is the strict bound, and a patient between the two is left to the clinician rather than
    failed on a guess.
    """

    comparator: Comparator
    value: float
    unit: str | None = None
    multiple_of: Multiple | None = None
    unit_inferred: bool = False
    lenient_value: float | None = None
    plus_seconds: float | None = None
    """Seconds added to the limit a clotting time is held to: "PT > ULN + 4 seconds" is 1 × ULN plus 4,
    "PTT prolonged by > 2 seconds" 1 × control plus 2 (see ``lab_seconds_over``)."""

    def describe(self) -> str:
        """ "≤ 3 × ULN", "≥ 1500 /µL": the threshold as a clinician reads it."""
        number = _number(self.value)
        if self.lenient_value is not None:
            number = f"{number}–{_number(self.lenient_value)}"
        if self.multiple_of:
            limit = limit_name(self.multiple_of)
            if self.plus_seconds is not None:
                limit = limit if number == "1" else f"{number} × {limit}"
                return f"{self.comparator.symbol} {limit} + {_number(self.plus_seconds)} s"
            if number == "1":
                return f"{self.comparator.symbol} {limit}"
            return f"{self.comparator.symbol} {number} × {limit}"
        unit = f" {self.unit}" if self.unit and self.unit != "1" else ""
        return f"{self.comparator.symbol} {number}{unit}"


class AtTime(RuleModel):
    """``timepoint``: the time the value is taken at when it is not now, kept as written ("pre-pregnancy",
    "before prostatectomy", "at the time of delivery", "initial"), or the value a change is measured from
    ("nadir", "baseline"). The patient file holds current values only, so such a threshold is never compared
    with today's value: it stays unknown, naming the value it needs.
    """

    timepoint: str | None = None
    relative: bool = False
    """The value is a multiple of the patient's own value at ``timepoint`` ("a rise in PSA greater than 50% of
    nadir": > 1.5 × the nadir), not an amount in a unit."""

    def value_at(self, name: str) -> str:
        """ "the pre-pregnancy BMI", "the PSA before prostatectomy": the value the threshold is on."""
        when = self.timepoint
        if not when:
            return f"the {name}"
        if when[1:2].islower():  # "Pre-pregnancy" opening the sentence; "PSA" keeps its capitals
            when = when[0].lower() + when[1:]
        return f"the {name} {when}" if _AFTER_NAME.match(when) else f"the {when} {name}"


_AFTER_NAME = re.compile(
    r"(?:at|on|before|after|prior\s+to|during|in|following|when|based\s+on|from|\d)(?![a-z])", re.IGNORECASE
)
"""A timepoint that opens with a preposition follows the analyte's name ("PSA before prostatectomy");
any other ("pre-pregnancy", "initial") goes before it."""


class DrawWindow(RuleModel):
    """``within_days``: the value must be drawn within that many days before the trial's start ("ANC ≥ 1.5 ×
    10⁹/L within 14 days prior to registration"; weeks and months counted in days, a month as 30); ``window``
    says it as the reason shows it ("14 days before registration"). A value dated earlier is not the value
    the trial asks for: it is judged unknown, whichever side of the limit it is on. Absent (not stored) when
    the sentence names no such window."""

    within_days: int | None = Field(default=None, exclude_if=lambda days: days is None)
    window: str | None = Field(default=None, exclude_if=lambda text: text is None)


class LabException(ThresholdFields):
    """A conditional variant: when the patient has ``concept`` this threshold replaces the base one.

    ``waived`` means the requirement does not apply at all for such patients ("unless receiving
    anticoagulation therapy"); the comparison fields then repeat the base threshold. ``concept`` is None
    when the condition could not be mapped ("unless due to underlying disease"): ``text`` keeps it, and a
    patient it could concern is left to the clinician rather than failed.
    """

    concept: str | None
    text: str | None = None
    waived: bool = False
    source_span: tuple[int, int]
    requirement: str | None = None
    """What the trial asks instead of patients with ``concept``, which the file does not record ("Patients on
    therapeutic anticoagulation must have INR within the therapeutic range"): a waived limit is then not
    granted to them outright; a value past it is left to the clinician with this text."""


class StratumVariant(ThresholdFields):
    """The threshold that applies in one stratum instead of the base ("for Stratum D: ≥ 100.000/µl")."""

    stratum: str
    exceptions: list[LabException] = Field(default_factory=list)
    source_span: tuple[int, int]


class LabThreshold(ThresholdFields, AtTime, DrawWindow, RuleBase):
    """ "<analyte> <comparator> <value> <unit | × ULN | × LLN>" with its conditional and stratum variants.

    ``sex``: the limit for patients of that sex; the statement is then "the patient is of that sex and meets
    the limit", so a sentence with a limit per sex ("creatinine ≤ 1.5 mg/dL (men) / 1.2 (women)") is the AnyOf
    of one such threshold per sex, which reads the same in either section.
    ``qualifier``: how the value must be obtained, which the patient file does not record ("without
    transfusion support"); the reader sets it only on lower bounds that support could raise the value to
    meet, so a value below the bound fails whatever the support, and one that meets it is left to the
    clinician.
    ``confirm_when``: which side of the threshold the qualifier leaves to the clinician. "met" (the default,
    not stored) is the above. "unmet" is the opposite of a qualified threshold ("No uncontrolled hypertension
    (SBP > 150 mmHg despite optimal medical management)" is SBP ≤ 150 mmHg): a value within it passes, and
    one past it is the qualified condition only if the qualifier holds, which the file does not record.
    ``timepoint``: see ``AtTime``; ``within_days``: see ``DrawWindow``.
    """

    kind: Literal["lab"] = "lab"
    analyte: str
    exceptions: list[LabException] = Field(default_factory=list)
    strata: list[StratumVariant] = Field(default_factory=list)
    sex: Literal["female", "male"] | None = None
    qualifier: str | None = None
    confirm_when: Literal["met", "unmet"] = Field(default="met", exclude_if=lambda side: side == "met")

    @property
    def is_plain(self) -> bool:
        """No exception, stratum, sex, qualifier or printed range: its opposite is one threshold."""
        return (
            not (self.exceptions or self.strata or self.sex or self.qualifier) and self.lenient_value is None
        )


BLOOD_PRESSURES = frozenset({"sbp", "dbp"})
GLUCOSES = frozenset({"glucose", "fasting_glucose"})
"""Analytes several readers treat alike: the two pressures of a reading, the glucose values."""


def limit_name(multiple_of: str) -> str:
    """How a multiple's reference is printed: "ULN", "LLN", "control"."""
    return "control" if multiple_of == "control" else multiple_of.upper()


def _number(value: float) -> str:
    """1.5 → "1.5", 3.0 → "3": thresholds are shown as the registry would print them."""
    return f"{value:g}" if abs(value) < 1e6 else f"{value:,.0f}"
