"""Reader for PDQ hepatic alternatives printed with a capital "OR" between them: "SGOT no greater than 2.5
times ULN and alkaline phosphatase normal OR Alkaline phosphatase no greater than 4 times ULN and SGOT normal
OR SGOT less than 1.5 times ULN and alkaline phosphatase less than 2.5 times ULN", "SGOT and/or SGPT no
greater than 2.5 times ULN if alkaline phosphatase less than ULN, OR alkaline phosphatase no greater than 4
times ULN if SGOT and/or SGPT less than ULN".

The capital "OR" sets the alternatives apart, and within each the "and" binds: the patient meets one
alternative whole. An alternative "X if Y" is one way in: the patient meets X and Y. Only in an inclusion
(an exclusion's "or" adds reasons to exclude, which the lab reader reads), only when no "OR" is inside a
bracket and every alternative reads fully as lab thresholds; anything else stays for the other readers.
"""

from __future__ import annotations

import re

from trialmatch.domain.criteria.lab import LabThreshold
from trialmatch.domain.criteria.logic import AllOf, AnyOf
from trialmatch.domain.criteria.reading.read_labs import read_labs
from trialmatch.domain.criteria.reading.text import Read, Segment, inside, parenthesised
from trialmatch.domain.criteria.registry import Rule
from trialmatch.domain.trial import Section

_CAPITAL_OR = re.compile(r",?\s+OR\s+")
_IF = re.compile(r"\s+if\s+")


def read_or_alternatives(segment: Segment, section: Section) -> Read | None:
    """AnyOf(alternatives); None when the segment is not so printed or an alternative is not read fully."""
    printed = segment.printed[segment.start : segment.end]
    if section is not Section.INCLUSION or " OR " not in printed or ";" in printed:
        return None
    cuts = [(m.start(), m.end()) for m in _CAPITAL_OR.finditer(segment.printed, segment.start, segment.end)]
    brackets = parenthesised(segment)
    if any(inside(cut, brackets) for cut in cuts):
        return None
    bounds = [segment.start, *(x for cut in cuts for x in cut), segment.end]
    alternatives: list[Rule] = []
    for start, end in zip(bounds[::2], bounds[1::2], strict=True):
        rule = _alternative(segment.sub(start, end))
        if rule is None:
            return None
        alternatives.append(rule)
    return Read(AnyOf(source_span=segment.span, children=alternatives))


def _alternative(part: Segment) -> Rule | None:
    """One alternative: its thresholds, or "X if Y" as X and Y."""
    condition = _IF.search(part.norm, part.start, part.end)
    pieces = (
        [part]
        if condition is None
        else [part.sub(part.start, condition.start()), part.sub(condition.end(), part.end)]
    )
    rules: list[Rule] = []
    for piece in pieces:
        read = read_labs(piece, Section.INCLUSION)
        if read is None or read.rule is None or not _plain(read.rule):
            return None
        rules.extend(read.rule.children if isinstance(read.rule, AllOf) else [read.rule])
    return rules[0] if len(rules) == 1 else AllOf(source_span=part.span, children=rules)


def _plain(rule: Rule) -> bool:
    """Thresholds with nothing on them: no exception, stratum, sex or printed range, joined by "and"."""
    if isinstance(rule, AllOf):
        return all(_plain(child) for child in rule.children)
    return isinstance(rule, LabThreshold) and rule.is_plain
