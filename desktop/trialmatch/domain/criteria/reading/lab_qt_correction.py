"""A QT interval corrected by Bazett's formula: "QTc (Bazett) > 460 ms", "Corrected QT interval (QTc) > 500
ms, using Bazett's formula", "QTcB > 480 ms".

Bazett's correction gives another value than Fridericia's (a larger one above 60 beats a minute), so the
threshold is on its own analyte, QTcB: a patient file holding only a QTcF leaves it unknown, never judged by
a value the trial did not name. A sentence that also names Fridericia's correction (or another: Framingham,
Hodges) does not say which of its values each limit is on: not read here.
"""

from __future__ import annotations

import re

from trialmatch.domain.criteria.lab import LabThreshold
from trialmatch.domain.criteria.logic import leaves
from trialmatch.domain.criteria.reading.text import Segment, Span
from trialmatch.domain.criteria.registry import Rule

_BAZETT = re.compile(
    r"[(\[]\s*baz+et+(?:'s)?\s*[)\]]"
    r"|(?:,\s*)?(?:(?:using|by|per|with|according\s+to)\s+(?:the\s+)?)?baz+et+(?:'s)?"
    r"(?:\s+(?:qtc?\s+)?(?:correction\s+)?(?:formula|correction|method|criteria))?(?![a-z])"
)
""""(Bazett)", "(Bazzett)", ", using Bazett's formula", "according to Bazett's correction formula"."""
_OTHER = re.compile(r"(?<![a-z])(?:fr[ie]deri[cz]ia\w*|qtcf|framingham|hodges)(?![a-z])")
_QT = frozenset({"qtcf"})
QT_ANALYTES = frozenset({"qtcf", "qtcb"})
"""The corrected QT intervals the engine reads, by Fridericia's formula or Bazett's."""


def bazett_spans(segment: Segment, analytes: frozenset[str]) -> list[Span]:
    """Where the segment names Bazett's correction for the QTc it reads, when it names no other; empty
    otherwise (and for a segment reading no QTc)."""
    if not analytes & _QT or not segment.contains("baz"):
        return []
    if _OTHER.search(segment.printed[segment.start : segment.end].lower()):
        return []  # the printed words: a reader may have masked "by Fridericia" as a method note
    return [m.span() for m in _BAZETT.finditer(segment.norm, segment.start, segment.end)]


_PROLONGED_MS = 440.0
"""The shortest QTc any criterion calls prolonged (the male limit of the CTCAE grade 1 is 450 ms)."""


def requires_prolonged_qtc(rule: Rule) -> bool:
    """Whether some threshold asks for a QTc above a prolonged value: an inclusion "QTc > 500 ms, using
    Bazett's formula" is an exclusion filed among the inclusions; read literally it would fail every patient
    with a normal QT."""
    return any(
        isinstance(leaf, LabThreshold)
        and leaf.analyte in QT_ANALYTES
        and leaf.comparator.is_lower_bound
        and leaf.value >= _PROLONGED_MS
        for leaf in leaves(rule)
    )
