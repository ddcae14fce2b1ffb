"""The opposite of a qualified threshold: "No uncontrolled hypertension (SBP > 150 mmHg despite optimal
medical management)" in an inclusion, or the same item under a heading of things the patient must not have.

A qualified threshold states "the value is past the limit, and the qualifier holds" ("measured on treatment",
"persistent"); the file shows the value, not the qualifier, so a value past the limit is left to the clinician
and one within it decides. Its opposite ("the value is within the limit, or the qualifier does not hold")
turns round: a value within the limit passes, and one past it is left to the clinician with the qualifier
quoted. ``LabThreshold.confirm_when`` says which side is left, so the opposite keeps the qualifier and swaps
the side.
"""

from __future__ import annotations

from typing import Literal

from trialmatch.domain.criteria.lab import LabThreshold
from trialmatch.domain.criteria.logic import map_leaves
from trialmatch.domain.criteria.registry import Rule

Side = Literal["met", "unmet"]
"""Which side of a qualified threshold is left to the clinician (``LabThreshold.confirm_when``)."""


def qualified_opposite(rule: LabThreshold) -> LabThreshold | None:
    """The opposite of a threshold whose only condition is its qualifier; None for one with exceptions,
    strata, a sex or a printed range too, whose opposite is not one threshold."""
    if rule.qualifier is None or rule.exceptions or rule.strata or rule.sex or rule.lenient_value is not None:
        return None
    side = "unmet" if rule.confirm_when == "met" else "met"
    return rule.model_copy(update={"comparator": rule.comparator.opposite, "confirm_when": side})


def qualified_thresholds(
    rule: Rule, qualifier: str, confirm_when: Literal["met", "unmet"] = "met"
) -> Rule | None:
    """The rule with the qualifier on every threshold, leaving the ``confirm_when`` side of each to the
    clinician ("unmet" where the lab reader negated them: "No uncontrolled hypertension ..."); None when a
    part cannot carry it."""

    def qualified(part: Rule) -> Rule | None:
        if isinstance(part, LabThreshold) and part.qualifier is None:
            return part.model_copy(update={"qualifier": qualifier, "confirm_when": confirm_when})
        return None

    return map_leaves(rule, qualified)
