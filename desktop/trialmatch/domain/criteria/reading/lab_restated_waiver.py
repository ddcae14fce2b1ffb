"""A sentence that lets in the patients a limit beside it already waives: "Total bilirubin ≤ 2.0 × ULN, unless
the subject had a known diagnosis of Gilbert's disease. If a subject had Gilbert's disease, he/she could have
participated in this study, however must have been monitored closely during the study."

It names the same patients as the waiver (its words, or the same lexicon finding) and admits them: it changes
no verdict, so the item is read without it; what it asks of them during the study is the conduct of the
study, not a condition of entry. A permission for patients the waiver does not name may relax a limit, and
leaves the item for review.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from trialmatch.domain.criteria.finding import FindingRule
from trialmatch.domain.criteria.lab import LabException, LabThreshold
from trialmatch.domain.criteria.logic import leaves
from trialmatch.domain.criteria.reading.lab_admitted_note import CONDUCT
from trialmatch.domain.criteria.reading.read_findings import read_findings
from trialmatch.domain.criteria.reading.text import Segment, word_set
from trialmatch.domain.criteria.registry import Rule
from trialmatch.domain.trial import Section

_RESTATED = re.compile(
    r"\W*(?:if\s+(?:a|the)\s+(?:subject|patient|participant)\s+(?:has|had)|(?:subjects|patients|participants)"
    r"\s+with)\s+(?P<who>[a-z][^,;()]*?)\s*,?\s*(?:(?:he|she|he\s*/\s*she|they)\s+)?(?:can|may|could)\s+"
    r"(?:also\s+|still\s+)?(?:have\s+)?(?:be(?:en)?\s+(?:enrolled|included|eligible)|enrol{1,2}(?:ed)?"
    r"|participated?)(?:\s+in\s+(?:this|the)\s+(?:study|trial))?" + CONDUCT + r"\s*\.?\s*"
)
_NAMING = word_set("a an the known documented diagnosis of history")
"""Words that say how the patients' finding is known, not which finding it is."""


def admits_a_group(part: Segment) -> bool:
    """Whether the sentence only admits the patients it names (cheap test before ``restates_a_waiver``)."""
    if not part.contains("particip", "enrol", "included", "eligible"):
        return False
    return _RESTATED.fullmatch(part.norm, part.start, part.end) is not None


def restates_a_waiver(part: Segment, others: Sequence[Rule]) -> bool:
    """Whether the sentence admits exactly the patients a waived exception of the other rules names."""
    match = _RESTATED.fullmatch(part.norm, part.start, part.end)
    if match is None:
        return False
    who = _words(match.group("who")) - _NAMING
    read = read_findings(part.sub(*match.span("who")), Section.INCLUSION)
    finding = read.rule if read is not None and isinstance(read.rule, FindingRule) else None
    concept = finding.concept if finding is not None and finding.present else None
    waivers = [
        exception
        for rule in others
        for leaf in leaves(rule)
        if isinstance(leaf, LabThreshold)
        for exception in leaf.exceptions
        if exception.waived and not exception.requirement
    ]
    return bool(who) and any(_names(waiver, who, concept) for waiver in waivers)


def _names(waiver: LabException, who: frozenset[str], concept: str | None) -> bool:
    if waiver.concept is not None:
        return waiver.concept == concept
    return waiver.text is not None and who <= _words(waiver.text)


def _words(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"[a-z]+", text.lower()))
