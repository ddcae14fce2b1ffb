"""The draw window of a lab sentence put on its thresholds: "ANC ≥ 1.5 × 10⁹/L within 14 days prior to
registration" is a limit on a value drawn in those 14 days, which the check holds the value's date to
(``DrawWindow``).

A window inside a note about something else ("without transfusion within 14 days prior to registration", "not
rising for 4 weeks before entry") dates that, not the draw, and is left alone. When a sentence states
several windows, the shortest is put on every threshold: a value it admits is recent enough for each.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar, cast

from trialmatch.domain.criteria.derived import DerivedValueRule
from trialmatch.domain.criteria.lab import LabThreshold
from trialmatch.domain.criteria.logic import map_leaves
from trialmatch.domain.criteria.reading.lab_timing import Window
from trialmatch.domain.criteria.reading.text import Span, inside
from trialmatch.domain.criteria.registry import Rule

R = TypeVar("R", bound=Rule)


def with_window(rule: R, windows: Sequence[Window], notes: Sequence[Span]) -> R:
    """``rule`` with the shortest window not inside one of the ``notes`` on each of its thresholds that is
    a value of now (a value at another time keeps its own reading)."""
    drawn = [w for w in windows if not inside(w.span, list(notes))]
    if not drawn:
        return rule
    shortest = min(drawn, key=lambda w: w.days)
    update = {"within_days": shortest.days, "window": shortest.text}

    def windowed(part: Rule) -> Rule:
        if isinstance(part, LabThreshold | DerivedValueRule) and not part.timepoint:
            return part.model_copy(update=update)
        return part

    return cast(R, map_leaves(rule, windowed))  # a statement for a statement: the tree keeps its kind
