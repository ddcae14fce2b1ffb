"""How a value must have evolved, beside its threshold: "SGOT ≤ 4 × ULN and not increasing for 2-4 weeks prior
to transplant", "HbA1c < 9 with stable glycemic control for the last three months", "Stable ANC > 1000".

The patient file holds today's value, not its course. Today's value must meet the threshold all the same, so
the note is carried on it as a qualifier: a value past the threshold is judged as usual, one that meets it is
left to the clinician with the note quoted. A span that says when the value is compared with ("for 2-4
weeks") is part of the note, not a lab value. A rise or fall the threshold is measured on ("an increase of
25 %", "PSA rise above the nadir") is no such note: the threshold itself is then about the course, and stays
for review.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from trialmatch.domain.criteria.lab import LabThreshold
from trialmatch.domain.criteria.logic import leaves, map_leaves
from trialmatch.domain.criteria.reading.lab_glycaemic_label import GLYCAEMIC
from trialmatch.domain.criteria.reading.text import Segment, Span
from trialmatch.domain.criteria.registry import Rule

_CUES = ("stable", "increas", "rising", "worsen")
_DURATION = (
    r"(?:\s+(?:for|over|during|in)\s+(?:at\s+least\s+)?(?:the\s+)?(?:last\s+|past\s+|preceding\s+|previous\s+)?"
    r"(?:\d+(?:\s*(?:-|to)\s*\d+)?|one|two|three|four|six)\s*(?:days?|weeks?|wks?|months?)(?![a-z])"
    r"(?:\s+(?:prior\s+to|before)\s+(?:the\s+)?(?:study\s+)?(?:transplant(?:ation)?|entry|enrol(?:l)?ment"
    r"|registration|randomi[sz]ation|screening|inclusion|(?:study\s+)?treatment))?)"
)
"""A span the course is looked at over, and what it is counted back from."""
_TRAILING = re.compile(
    r"[\s,]*(?:and|but)\s+(?:(?:is|are|has\s+been|have\s+been)\s+)?(?P<note>(?:not\s+(?:increasing|rising|worsening)"
    r"|stable)" + _DURATION + r"?)(?![a-z])"
    r"|\s*,?\s*(?:with\s+)?(?P<control>stable\s+(?:glyc(?:a)?emic|glucose|diabetes|diabetic)\s+control"
    + _DURATION
    + r")"
)
""""and not increasing for 2-4 weeks prior to transplant", "with stable glycemic control for the last three
months": after the threshold they qualify."""
_LEADING = re.compile(r"\s*(?P<note>stable)\s+(?=\S)")
""""Stable absolute neutrophil count (ANC) > 1000": before the first analyte named."""


@dataclass(frozen=True, slots=True)
class CourseNote:
    """A note on the course of the value: its ``span`` (claimed as read), the ``note`` to confirm, and whether
    it qualifies the threshold before it (``trailing``) or the one after."""

    span: Span
    note: str
    trailing: bool
    glycaemic: bool = False


def course_notes(segment: Segment, first_mention: int) -> list[CourseNote]:
    """The notes after a threshold, and a leading "stable" right before the first analyte named (at
    ``first_mention``)."""
    if not segment.contains(*_CUES):
        return []
    norm = segment.norm
    found = []
    leading = _LEADING.match(norm, segment.start, segment.end)
    if leading and leading.end() == first_mention:
        found.append(CourseNote(leading.span(), segment.quote(*leading.span("note")), trailing=False))
    for match in _TRAILING.finditer(norm, segment.start, segment.end):
        group = "note" if match.group("note") else "control"
        note = segment.quote(*match.span(group))
        found.append(CourseNote(match.span(), note, trailing=True, glycaemic=group == "control"))
    return found


def with_course(rule: Rule, notes: list[CourseNote]) -> Rule | None:
    """``rule`` with each note as the qualifier of the thresholds it follows (a leading note or one on
    glycaemic control: of every threshold); None when a note qualifies no lab threshold (a derived value
    carries none) or another analyte than a glycaemic control note speaks of."""
    for note in notes:
        targets = _targets(rule, note)
        labs = [t for t in targets if isinstance(t, LabThreshold)]
        if not labs or len(labs) != len(targets):
            return None
        if note.glycaemic and any(t.analyte not in GLYCAEMIC for t in labs):
            return None
        rule = _qualified(rule, {id(t) for t in targets}, note.note)
    return rule


def _targets(rule: Rule, note: CourseNote) -> list[Rule]:
    statements = list(leaves(rule))
    if not note.trailing or note.glycaemic:  # the patient's control, not one value's: every threshold
        return statements
    before = [leaf for leaf in statements if leaf.source_span[1] <= note.span[0]]
    if not before:
        return []
    last = max(leaf.source_span[1] for leaf in before)
    return [leaf for leaf in before if leaf.source_span[1] == last]


def _qualified(rule: Rule, targets: set[int], note: str) -> Rule:
    def noted(part: Rule) -> Rule:
        if id(part) in targets and isinstance(part, LabThreshold):
            qualifier = f"{part.qualifier}; {note}" if part.qualifier else note
            return part.model_copy(update={"qualifier": qualifier})
        return part

    return map_leaves(rule, noted)
