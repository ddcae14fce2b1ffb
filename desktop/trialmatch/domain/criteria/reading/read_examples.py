"""Reader for an exclusion naming a finding and then listing examples of it without a bracket: "Significant
cardiovascular disease, such as NYHA class II or greater, myocardial infarction within 6 months or QTcB > 430
ms", "Patients with clinically significant heart diseases like unstable angina, ... or QTcF ≥ 470 ms".

In an exclusion the finding excludes and so does each example, whichever finding it belongs to: the item is
"any of" the finding and its examples, the same reading ``read_composite`` gives the bracketed form. The
examples are not exhaustive ("etc.", "including but not limited to"), which the finding itself covers. The
joiners between examples enumerate them ("such as A, B and C"), so each example is read alone and the item
reads only when every one does. In an inclusion an example does not say what is required: not read.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from trialmatch.domain.criteria.logic import AnyOf, leaf_kinds
from trialmatch.domain.criteria.reading.read_composite import present_findings
from trialmatch.domain.criteria.reading.text import Read, Segment, inside, parenthesised
from trialmatch.domain.criteria.registry import Rule
from trialmatch.domain.trial import Section

ReadPart = Callable[[Segment, Section], Rule | None]
"""The whole parser on a part of the item: given by ``parsing``."""
SplitList = Callable[[Segment], list[Segment]]
"""The top-level items of a list ("A, B or C"): given by ``parsing``."""

_CUES = ("such as", " like ", "e.g", " eg", "including", "for example", ": a", ":a", "①")
_MARKER = re.compile(
    r"(?:,\s*|\s+)(?:such\s+as|like|e\.\s?g\.?|eg|for\s+example|including(?:\s+but\s+not\s+limited\s+to)?)"
    r"(?![a-z])\s*[,:]?\s*|\s*:\s*(?:\(?a\)|a\.(?=\s*[a-z])|①)\s*"
)
""""such as", "e.g.", "including (but not limited to)", or a colon opening a labelled list ("With clinically
significant cardiovascular disease: a) uncontrollable hypertension ...; b) ...")."""
_EXAMPLE = re.compile(
    r"\s*(?:such\s+as|e\.\s?g\.?|eg|for\s+example|including(?:\s+but\s+not\s+limited\s+to)?)(?![a-z])\s*[,:]?\s*"
)
_ETC = re.compile(r"(?:,?\s*(?:etc\.?|and\s+so\s+on)|\s+(?:and|or)\s+(?:the\s+)?like)\s*[.;]?\s*$")
""""..., active bleeding, etc.", "... and so on": more examples of the same finding, which it covers."""
_BOTH = re.compile(r"(?<![a-z/])and(?![a-z/])")
"""Two examples joined by "and" alone ("such as HBsAg positive and HBV DNA > 2000 IU/mL") may be one case that
needs both: read as either, the item would exclude patients the trial accepts. In a longer list ("A, B and C")
the "and" enumerates."""
_TURNING = re.compile(
    r"(?<![a-z])(?:no|not|without|except|unless|other\s+than|allowed|permitted|eligible|acceptable|may|can"
    r"|if|when|investigator|judgment|judgement|opinion|discretion)(?![a-z])"
)
"""A head that turns or hands the finding to a judgment, where the examples would not be what excludes."""


def read_examples(segment: Segment, section: Section, read_part: ReadPart, split: SplitList) -> Read | None:
    """The finding and its examples as "any of", when all are read and an example holds a threshold."""
    if section is not Section.EXCLUSION or not segment.contains(*_CUES):
        return None
    parts = _finding_and_examples(segment)
    if parts is None:
        return None
    head, tail = parts
    if head.start >= head.end or tail.start >= tail.end or _TURNING.search(head.text):
        return None
    finding = read_part(head, section)
    findings = present_findings(finding, example=True)
    if findings is None:
        return None
    items = split(tail)
    if len(items) == 2 and _BOTH.search(tail.norm, items[0].end, items[1].start):
        return None
    examples: list[Rule] = []
    for item in items:
        rule = read_part(item, section)
        if rule is None or "review" in leaf_kinds(rule):
            return None
        examples.extend(rule.children if isinstance(rule, AnyOf) else [rule])
    if not any(leaf_kinds(example) & {"lab", "derived"} for example in examples):
        return None
    return Read(AnyOf(source_span=segment.span, children=[*findings, *examples]))


def _finding_and_examples(segment: Segment) -> tuple[Segment, Segment] | None:
    """(finding, examples) at the first example marker outside brackets, or at a bracket opening with one
    and closing the item ("Significant heart disease (such as angina, QTcF > 470 ms)", whose bare commas
    ``read_composite`` leaves alone); a trailing "etc." is dropped."""
    groups = parenthesised(segment)
    marker = next(
        (
            m
            for m in _MARKER.finditer(segment.norm, segment.start, segment.end)
            if not inside(m.span(), groups)
        ),
        None,
    )
    if marker is not None:
        head, start, end = segment.sub(segment.start, marker.start()), marker.end(), segment.end
    else:
        item = segment.sub(segment.start, len(segment.norm[: segment.end].rstrip(" .;")))
        if not groups or groups[-1][1] != item.end or groups[-1][0] <= item.start:
            return None
        opening = _EXAMPLE.match(item.norm, groups[-1][0] + 1, item.end)
        if opening is None:
            return None
        head, start, end = segment.sub(segment.start, groups[-1][0]), opening.end(), groups[-1][1] - 1
    etc = _ETC.search(segment.norm, start, end)
    return head, segment.sub(start, etc.start() if etc else end)
