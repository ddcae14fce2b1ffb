"""The draw window of a lab sentence put on its thresholds: "ANC ≥ 1.5 × 10⁹/L within 14 days prior to
registration" is a limit on a value drawn in those 14 days, which the check holds the value's date to
(``DrawWindow``).

A window inside a note about something else ("without transfusion within 14 days prior to registration", "not
rising for 4 weeks before entry") dates that, not the draw, and is left alone. When a sentence states
several windows, the shortest is put on every threshold: a value it admits is recent enough for each.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import TypeVar, cast

from trialmatch.domain.criteria.derived import DerivedValueRule
from trialmatch.domain.criteria.lab import LabThreshold
from trialmatch.domain.criteria.logic import map_leaves
from trialmatch.domain.criteria.reading.lab_timing import Window, timing_spans
from trialmatch.domain.criteria.reading.text import Segment, Span, inside
from trialmatch.domain.criteria.registry import Rule

R = TypeVar("R", bound=Rule)


def with_window(rule: R, windows: Sequence[Window], notes: Sequence[Span]) -> R:
    """``rule`` with the shortest window not inside one of the ``notes`` on each of its thresholds that is
    a value of now and has no window of its own (a value at another time keeps its own reading)."""
    drawn = [w for w in windows if not inside(w.span, list(notes))]
    if not drawn:
        return rule
    shortest = min(drawn, key=lambda w: w.days)
    update = {"within_days": shortest.days, "window": shortest.text}

    def windowed(part: Rule) -> Rule:
        if (
            isinstance(part, LabThreshold | DerivedValueRule)
            and not part.timepoint
            and part.within_days is None
        ):
            return part.model_copy(update=update)
        return part

    return cast(R, map_leaves(rule, windowed))  # a statement for a statement: the tree keeps its kind


_DRAWN = re.compile(
    r"(?<![a-z])(?:laborator(?:y|ies)|labs?|values?|results?|tests?|data|examinations?|obtained|measured|performed"
    r"|collected|drawn|done|assessed|function|counts?|cbc)(?![a-z])[\s,/a-z]{0,30}$"
)
"""What a heading's window must follow to date the values listed under it: "the following laboratory results
obtained within 14 days prior to the first study treatment", "organ function within 14 days of Day 1"."""


def with_heading_window(rule: Rule, context: str) -> Rule:
    """``rule`` with the draw window of the heading it is listed under ("Adequate organ function, defined by
    the following laboratory results obtained within 14 days prior to registration:") on its thresholds
    that have none of their own; a window in the heading that dates something else ("(no transfusion within
    14 days before screening)", "heart failure within 6 months") is not the draw's."""
    if rule.kind not in _WINDOWED_KINDS:
        return rule
    windows = _heading_windows(context)
    return with_window(rule, windows, ()) if windows else rule


_WINDOWED_KINDS = frozenset({"lab", "derived", "all_of", "any_of", "alternative", "per_stratum"})


@lru_cache(maxsize=4096)
def _heading_windows(context: str) -> tuple[Window, ...]:
    """The draw windows of a heading, computed once per heading (its items share it)."""
    low = context.lower()
    if not any(word in low for word in ("day", "week", "month", "hour")):
        return ()
    segment = Segment.of(context)
    _, windows = timing_spans(segment, frozenset())
    return tuple(w for w in windows if _DRAWN.search(segment.norm, 0, w.span[0]))
