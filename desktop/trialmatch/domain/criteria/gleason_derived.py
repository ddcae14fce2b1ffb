"""What a patient's entered Gleason measure says of the one a criterion names, where the mapping is exact.

A criterion may name the Gleason score, the grade group or the primary pattern while the file holds another:
grade group 1 is a score of 6 or less, 2 is 3+4 = 7, 3 is 4+3 = 7, 4 a score of 8, 5 a score of 9 or 10; a
score of 7 is group 2 or 3 by the order of its patterns, so only with the primary pattern. The value is then
known as a range ("score ≤ 6"), and a limit is decided only where the whole range meets it, or none of it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from trialmatch.domain.facts import Reading

SCORE_OF_GROUP = {1: (2, 6), 2: (7, 7), 3: (7, 7), 4: (8, 8), 5: (9, 10)}
"""The Gleason scores of each ISUP grade group (group 2 is 3+4, group 3 is 4+3)."""
_PRIMARY_OF_GROUP = {2: (3, 3), 3: (4, 4)}
_GROUP_OR_PRIMARY = "grade group (or primary Gleason pattern)"


@dataclass(frozen=True, slots=True)
class DerivedScore:
    """The values the criterion's measure can have, from what was entered."""

    low: int
    high: int
    shown: str
    """ "≤ 6 (from grade group 1)": the value as a clinician reads it, with its source."""
    used: tuple[str, ...]
    """The entered values it comes from ("grade group 1")."""
    decides: str
    """What would settle a limit the range leaves open: the measure itself."""


def derived_score(analyte_id: str, lab: Callable[[str], Reading | None]) -> DerivedScore | None:
    """The range of ``analyte_id`` (gleason, grade_group, gleason_primary) the other entered Gleason measures
    give, None when they give none."""
    group, score, primary = (_whole(lab(a), top) for a, top in _ENTERED)
    if analyte_id == "gleason" and group is not None:
        return _derived(SCORE_OF_GROUP[group], f"grade group {group}", "Gleason score")
    if analyte_id == "grade_group" and score is not None:
        return _group_of_score(score, primary)
    if analyte_id == "gleason_primary":
        if group in _PRIMARY_OF_GROUP:
            return _derived(_PRIMARY_OF_GROUP[group], f"grade group {group}", "primary Gleason pattern")
        if score == 10:
            return _derived((5, 5), "Gleason score 10", "primary Gleason pattern")
    return None


_ENTERED = (("grade_group", 5), ("gleason", 10), ("gleason_primary", 5))


def _whole(reading: Reading | None, top: int) -> int | None:
    """An entered value that is one of the measure's own (a whole number in its range, not itself derived)."""
    if reading is None or reading.derived_from is not None:
        return None
    value = round(reading.value)
    return value if abs(reading.value - value) < 1e-9 and 1 <= value <= top else None


def _group_of_score(score: int, primary: int | None) -> DerivedScore:
    source = f"Gleason score {score}"
    if score != 7:
        group = 1 if score <= 6 else 4 if score == 8 else 5
        return _derived((group, group), source, "grade group")
    if primary in (3, 4):
        pair = f"{source} ({primary}+{7 - primary})"
        return _derived(
            (primary - 1,) * 2, pair, "grade group", (source, f"primary Gleason pattern {primary}")
        )
    return DerivedScore(
        2, 3, f"2 or 3 (from {source}, order of the patterns not entered)", (source,), _GROUP_OR_PRIMARY
    )


def _derived(
    values: tuple[int, int], source: str, decides: str, used: tuple[str, ...] | None = None
) -> DerivedScore:
    low, high = values
    if low == high:
        shown = str(low)
    elif low == 2:
        shown = f"≤ {high}"
    else:
        shown = f"{low}–{high}"
    return DerivedScore(low, high, f"{shown} (from {source})", used or (source,), decides)
