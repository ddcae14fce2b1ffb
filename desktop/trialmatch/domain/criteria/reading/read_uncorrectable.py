"""Reader for a coagulopathy or thrombocytopenia an exclusion names "uncorrectable" and defines in a bracket:
"Uncorrectable coagulopathy (INR above 1.5)", "Uncorrectable thrombocytopenia (Platelets under 50,000)".

The bracket is what the trial means by the condition; "uncorrectable" narrows it to values that stay there
after transfusion or vitamin K, which the patient file does not record. Each threshold carries that as its
qualifier: a value short of the bound is not excluded, one that meets it is left to the clinician. Exclusions
only: an inclusion would need the qualifier negated with the threshold, which the threshold model cannot say.
"""

from __future__ import annotations

import re

from trialmatch.domain.criteria.reading.lab_qualified import qualified_thresholds
from trialmatch.domain.criteria.reading.read_defined import is_bare_list
from trialmatch.domain.criteria.reading.read_labs import read_labs
from trialmatch.domain.criteria.reading.text import Read, Segment, parenthesised
from trialmatch.domain.trial import Section

_LABEL = re.compile(r"uncorrectable\s+(?:coagulopathy|thrombocytopenia)\s*(?=[(\[])")
_EXAMPLE = re.compile(
    r"\s*(?:e\.\s?g\.?|eg(?![a-z])|such\s+as|for\s+example|for\s+instance|including|like)(?![a-z])"
)
""""Uncorrectable coagulopathy (e.g. INR > 1.5)": an example does not say what the trial means by it."""
_QUALIFIER = "it can be corrected"


def read_uncorrectable(segment: Segment, section: Section) -> Read | None:
    """The bracket's thresholds, each qualified as uncorrectable; None when the segment is not exactly the
    label and its bracket, or the bracket is not read fully."""
    if section is not Section.EXCLUSION or not segment.contains("uncorrectable"):
        return None
    label = _LABEL.match(segment.norm, segment.start, segment.end)
    groups = parenthesised(segment)
    if label is None or not groups or groups[0] != (label.end(), segment.end):
        return None
    inner = segment.sub(label.end() + 1, segment.end - 1)
    if _EXAMPLE.match(inner.norm, inner.start, inner.end) or is_bare_list(inner):
        return None
    read = read_labs(inner, section)
    if read is None or read.rule is None:
        return None
    quote = segment.quote(*label.span()).strip()
    rule = qualified_thresholds(read.rule, f"{_QUALIFIER} ('{quote}')")
    return Read(rule) if rule is not None else None
