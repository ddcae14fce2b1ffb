"""Reader for a liver condition named with the Child-Pugh class it has: "Child-Pugh class B or C cirrhosis",
"Advanced liver cirrhosis (Child-Pugh Score C)", "Mild liver disease (Child-Pugh A)".

The patient has the condition and a score in the class's band. A severity word ("mild", "advanced") is what
the class states, so it narrows nothing more; one the class contradicts ("mild ... Child-Pugh C") is not read.
The condition stays a requirement beside the score: a normal liver scores 5 (class A), and a score is no
diagnosis of cirrhosis. Conditions a score from 7 up defines ("moderate hepatic impairment (Child-Pugh B)")
are read by ``read_defined`` as the score alone.
"""

from __future__ import annotations

import re

from trialmatch.domain.criteria.finding import FindingRule
from trialmatch.domain.criteria.lab import LabThreshold
from trialmatch.domain.criteria.lab_child_pugh import CHILD_PUGH, CLASSES, HIGHEST, LOWEST
from trialmatch.domain.criteria.logic import AllOf, leaves
from trialmatch.domain.criteria.read_findings import read_findings
from trialmatch.domain.criteria.read_labs import read_labs
from trialmatch.domain.criteria.text import Read, Segment
from trialmatch.domain.trial import Section

_SEVERITY = {
    "mild": {"a"},
    "moderate": {"b"},
    "moderate to severe": {"b", "c"},
    "moderate or severe": {"b", "c"},
    "severe": {"b", "c"},
    "advanced": {"b", "c"},
    "significant": {"b", "c"},
    "clinically significant": {"b", "c"},
}
_LIVER = (
    r"(?:liver\s+cirrhosis|hepatic\s+cirrhosis|cirrhosis(?:\s+of\s+the\s+liver)?|(?:chronic\s+)?(?:liver|hepatic)"
    r"\s+(?:disease|impairment|insufficiency|dysfunction))"
)
_WORDS = "|".join(sorted((w.replace(" ", r"\s+") for w in _SEVERITY), key=len, reverse=True))
_NAMED = re.compile(
    rf"(?:(?:patients?|participants?|subjects?)\s+with\s+)?(?:known\s+)?(?:(?P<severity>{_WORDS})\s+)?"
    rf"(?P<condition>{_LIVER})\s*(?P<class>[(\[]?\s*(?:i\.\s?e\.?,?\s*|defined\s+as\s+)?child.*?)[.;]?"
)
""""Advanced liver cirrhosis (Child-Pugh Score C)": the condition, then its class."""
_CLASS_FIRST = re.compile(rf"(?P<class>child.*?)\s+(?P<condition>{_LIVER})\s*[.;]?")
""""Child-Pugh class B or C cirrhosis"."""
_CONCEPTS = frozenset({"cirrhosis", "liver_disease", "hepatic_impairment"})


def read_child_pugh(segment: Segment, section: Section) -> Read | None:
    """The liver condition and its Child-Pugh band; None for any other segment."""
    if not segment.contains("child"):
        return None
    match = _NAMED.fullmatch(segment.norm, segment.start, segment.end) or _CLASS_FIRST.fullmatch(
        segment.norm, segment.start, segment.end
    )
    if match is None:
        return None
    band = read_labs(segment.sub(*match.span("class")), section)
    if band is None or band.rule is None:
        return None
    parts = list(leaves(band.rule))
    scores = [t for t in parts if isinstance(t, LabThreshold) and t.analyte == CHILD_PUGH and t.is_plain]
    if len(scores) != len(parts):
        return None
    severity = match.groupdict().get("severity")
    if severity and not _SEVERITY[re.sub(r"\s+", " ", severity)] & _classes(scores):
        return None
    finding = read_findings(segment.sub(*match.span("condition")), section)
    found = finding.rule if finding is not None else None
    if not isinstance(found, FindingRule) or found.concept not in _CONCEPTS or found.exceptions:
        return None
    return Read(AllOf(source_span=segment.span, children=[found, band.rule]))


def _classes(scores: list[LabThreshold]) -> set[str]:
    """The classes of the points the thresholds all admit."""
    points = [p for p in range(LOWEST, HIGHEST + 1) if all(t.comparator.holds(p, t.value) for t in scores)]
    return {letter for letter, (low, high) in CLASSES.items() if any(low <= p <= high for p in points)}
