"""A time window a heading prints for the findings listed under it: "History of one or more of the following
cardiovascular disorders in the previous 6 months:", "Participants have any of the following cardiovascular
conditions ≤ 90 days prior to randomization:".

Read item by item, "Myocardial infarction" under such a heading excluded a patient whose infarction was ten
years ago. The window is kept on each finding as an unchecked narrowing (the patient file dates no finding),
so a patient with the finding goes to the clinician and one without it is decided either way. A finding that
states its own window ("Myocardial infarction within 2 years") keeps it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from trialmatch.domain.criteria.finding import FindingException, FindingRule
from trialmatch.domain.criteria.logic import map_leaves
from trialmatch.domain.criteria.reading.list_window import OWN_WINDOW
from trialmatch.domain.criteria.registry import Rule

_HEADING_WINDOW = re.compile(
    r"(?<![a-z])(?:within|(?:in|during)\s+the\s+(?:last|past|previous|preceding)|[≤<]|less\s+than)\s*"
    r"(?:\d+|one|two|three|four|six|twelve)\s*(?:days?|weeks?|months?|years?)(?![a-z])[^:()]*$"
)
"""A window closing the heading's last line, with what it counts back from ("≤ 90 days prior to
randomization"); one inside brackets dates something else."""


def with_finding_window(rule: Rule, context: str) -> Rule:
    """``rule`` with the window of the list heading it sits under on each finding that states none."""
    window = _heading_window(context)
    if window is None:
        return rule

    def narrowed(part: Rule) -> Rule:
        if not isinstance(part, FindingRule):
            return part
        if any(OWN_WINDOW.search(exception.text.lower()) for exception in part.exceptions):
            return part
        narrowing = FindingException(concept=None, text=window, source_span=(0, 0))
        return part.model_copy(update={"exceptions": [*part.exceptions, narrowing]})

    return map_leaves(rule, narrowed)


@lru_cache(maxsize=1024)
def _heading_window(context: str) -> str | None:
    """The window of a heading that lists findings ("the following ... in the previous 6 months"), once
    per heading: its items share it."""
    low = context.lower()
    if "following" not in low or not any(unit in low for unit in ("day", "week", "month", "year")):
        return None
    lead_in = low.rstrip(" :.;").rsplit(":", 1)[-1]
    following = lead_in.find("following")
    window = _HEADING_WINDOW.search(lead_in, following) if following >= 0 else None
    if window is None:
        return None
    return window.group().strip(" .;:")
