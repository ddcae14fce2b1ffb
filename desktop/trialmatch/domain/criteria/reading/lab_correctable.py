"""An electrolyte the trial lets be corrected before it is judged: "Serum Potassium more than 1.0 x ULN or
less than 1.0 x LLN. Note: Patients experiencing hypokalemia are permitted to undergo treatment to attain
normal potassium levels during the screening period.", and the heading "Patients must have the following
laboratory values within normal limits or corrected to within normal limits with supplements".

The patient file holds the value as it is now, not as it will be once corrected. A potassium of 3.0 mmol/L
failed such a trial, yet the trial admits the patient once supplementation brings it within range: the limit
the correction addresses carries an unchecked waiver, so a value past it is left to the clinician. Only the
side the correction moves: treating hypokalaemia (or supplements) raises a low value; a high potassium still
fails.
"""

from __future__ import annotations

import re

from trialmatch.domain.criteria.lab import LabThreshold
from trialmatch.domain.criteria.logic import JOINING
from trialmatch.domain.criteria.reading.lab_shared_waiver import with_waiver
from trialmatch.domain.criteria.reading.text import Segment, Span
from trialmatch.domain.criteria.registry import Rule
from trialmatch.domain.trial import Section

CORRECTION_NOTE = re.compile(
    r"(?<=[.;])\s*(?:note\s*:\s*)?(?:patients|subjects|participants)\s+(?:experiencing|with)\s+"
    r"hyp(?P<side>o|er)(?P<ion>kal|natr|calc|magnes|phosphat)a?emia\s+(?:are|is)\s+(?:permitted|allowed)\s+to\s+"
    r"(?:undergo|receive)\s+(?:treatment|supplementation|replacement|correction)(?:\s+to\s+(?:attain|achieve|reach)"
    r"\s+normal\s+[a-z]+\s+levels?)?(?:\s+(?:during|before)\s+(?:the\s+)?screening(?:\s+period)?)?\s*[.;]?\s*$"
)
""""Note: Patients experiencing hypokalemia are permitted to undergo treatment to attain normal potassium
levels during the screening period."."""
_IONS = {
    "kal": frozenset({"potassium"}),
    "natr": frozenset({"sodium"}),
    "calc": frozenset({"calcium", "calcium_corrected", "ionized_calcium"}),
    "magnes": frozenset({"magnesium"}),
    "phosphat": frozenset({"phosphate"}),
}
_SUPPLEMENTED = re.compile(
    r"(?<![a-z])corrected\s+to\s+within\s+(?:the\s+)?normal\s+(?:limits|range)\s+with\s+supplements?"
)


def correction_note(segment: Segment) -> re.Match[str] | None:
    """The closing note that lets an electrolyte be corrected during screening."""
    if not segment.contains("emia"):
        return None
    return CORRECTION_NOTE.search(segment.norm, segment.start, segment.end)


def with_correction(rule: Rule, segment: Segment, section: Section) -> Rule:
    """``rule`` with the closing correction note, if any, as a waiver on the limits it lets be corrected."""
    note = correction_note(segment)
    if note is None:
        return rule
    text = segment.printed[note.start() : note.end()].strip(" .;")
    text = re.sub(r"^(?:note|NOTE|Note)\s*:\s*", "", text)
    raises = note.group("side") == "o"
    return _waive(rule, text, note.span(), _IONS[note.group("ion")], raises, section)


def with_supplements(rule: Rule, heading: str, section: Section) -> Rule:
    """``rule`` under a heading allowing values "corrected to within normal limits with supplements": its
    low limits carry that waiver (supplements raise a value, they do not lower one)."""
    if "supplement" not in heading:
        return rule
    found = _SUPPLEMENTED.search(heading)
    if found is None:
        return rule
    return _waive(rule, f"(heading) {found.group()}", (0, 0), None, True, section)


def _waive(
    rule: Rule, text: str, span: Span, analytes: frozenset[str] | None, raises: bool, section: Section
) -> Rule:
    """The waiver on each limit of ``analytes`` (all when None) that a value the correction moves past fails
    in an inclusion, or meets in an exclusion: for a correction that raises, an inclusion's minimum or an
    exclusion's "less than"."""
    if isinstance(rule, JOINING):
        children = [_waive(child, text, span, analytes, raises, section) for child in rule.children]
        return rule.model_copy(update={"children": children})
    if not isinstance(rule, LabThreshold) or (analytes is not None and rule.analyte not in analytes):
        return rule
    low_fails = rule.comparator.is_lower_bound is (section is Section.INCLUSION)
    if low_fails is not raises:
        return rule
    return with_waiver(rule, text, span) or rule
