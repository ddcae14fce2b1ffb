"""Derived value: a threshold on a value the patient facts compute (CrCl, eGFR, BMI).

Kept apart from lab thresholds because the method matters: "creatinine clearance ≥ 60 mL/min according to
Cockcroft-Gault" is not satisfied by a CKD-EPI eGFR, and the reason must name how the value was obtained.
Every rule on ``crcl``, ``egfr`` or ``bmi`` is this kind; every other analyte is a lab threshold.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from trialmatch.domain.criteria.base import RuleBase
from trialmatch.domain.criteria.lab import AtTime, DrawWindow, LabException, ThresholdFields

RENAL_ANALYTES = frozenset({"crcl", "egfr"})
"""The kidney's filtration, however obtained: a creatinine clearance or a GFR."""
DERIVED_ANALYTES = RENAL_ANALYTES | {"bmi"}

Method = Literal["cockcroft-gault", "ckd-epi", "mdrd", "measured", "cystatin-c", "ckd-epi-2009", "schwartz"]
"""``cystatin-c``: an equation using cystatin C (alone or with creatinine), which the file's CKD-EPI 2021
creatinine eGFR is not; ``ckd-epi-2009``: the CKD-EPI equation before its 2021 revision (race term, other
values); ``schwartz``: the (bedside) Schwartz equation for children."""


class DerivedValueRule(ThresholdFields, AtTime, DrawWindow, RuleBase):
    """``analyte`` (crcl, egfr, bmi) compared with a fixed threshold; ``method`` when the trial names one."""

    kind: Literal["derived"] = "derived"
    analyte: str
    method: Method | None = None
    waivers: list[LabException] = Field(default_factory=list, exclude_if=lambda waivers: not waivers)
    """What lifts the limit altogether ("creatinine clearance at least 40 mL/min (unless due to obstructive
    uropathy ...)", "BMI < 35 unless athletic/muscular build"): each a waived ``LabException``. A limit that
    changes with a condition is not read for a derived value."""

    @property
    def is_plain(self) -> bool:
        """No printed range and nothing that waives it: its opposite is one threshold (the lab threshold's
        test of the same name)."""
        return self.lenient_value is None and not self.waivers
