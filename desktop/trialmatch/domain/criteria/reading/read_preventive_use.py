"""Reader for an exclusion that names anticoagulant therapy and then allows its preventive use: "Abnormal
blood coagulation function (INR>1.5 or PT>ULN+4 seconds or APTT>1.5 ULN), have bleeding tendency or are
receiving thrombolysis or anticoagulation therapy; Note: ... low-dose heparin ... or low-dose aspirin ...
are allowed for preventive purposes", "..., and allow preventive use of low-dose aspirin and low molecular
heparin".

The note excuses the anticoagulation the item excludes when it is preventive (and its dose and INR are as the
note says), which a patient file does not record: the note becomes that finding's unchecked exception, so a
patient on anticoagulants goes to the clinician, one without is decided, and the limits and the other findings
of the item stand as written. Read only when the rest of the item reads fully and names anticoagulation.
"""

from __future__ import annotations

import re

from trialmatch.domain.criteria.finding import FindingException, FindingRule
from trialmatch.domain.criteria.logic import leaves, map_leaves
from trialmatch.domain.criteria.reading.read_composite import ReadPart
from trialmatch.domain.criteria.reading.text import Read, Segment
from trialmatch.domain.criteria.registry import Rule
from trialmatch.domain.trial import Section

_NOTE = re.compile(
    r"(?:;|\.\s|,\s*and\s+(?=allow))\s*(?:note\s*:\s*)?(?P<note>[^;]*?(?:prevent|prophyla)[^;]*?)[\s.;]*$"
)
"""The note closing the item: after a semicolon or full stop, or ", and allow ..."."""
_ALLOWS = re.compile(r"(?<![a-z])(?:allow(?:ed|s)?|permitted)(?![a-z])")
_FORBIDS = re.compile(r"(?<![a-z])(?:not|prohibited|excluded|forbidden)(?![a-z])")
_ANTICOAGULANT = re.compile(r"heparin|anticoag")


def read_preventive_use(segment: Segment, section: Section, read_part: ReadPart) -> Read | None:
    """The item before the note, its anticoagulation excused by the note; None when not read so."""
    if section is not Section.EXCLUSION or not segment.contains("prevent", "prophyla"):
        return None
    note = _NOTE.search(segment.norm, segment.start, segment.end)
    if note is None:
        return None
    words = note.group("note")
    if not _ANTICOAGULANT.search(words) or not _ALLOWS.search(words) or _FORBIDS.search(words):
        return None
    rest = segment.sub(segment.start, note.start())
    rule = read_part(rest, section) if rest.end > rest.start else None
    if rule is None or not any(_anticoagulation(leaf) for leaf in leaves(rule)):
        return None
    exception = FindingException(
        concept=None, text=segment.quote(*note.span("note")), source_span=note.span("note")
    )

    def excused(leaf: Rule) -> Rule:
        if isinstance(leaf, FindingRule) and _anticoagulation(leaf):
            return leaf.model_copy(update={"exceptions": [*leaf.exceptions, exception]})
        return leaf

    return Read(map_leaves(rule, excused))


def _anticoagulation(rule: Rule) -> bool:
    return isinstance(rule, FindingRule) and rule.present and rule.concept == "anticoagulation"
