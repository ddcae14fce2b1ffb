"""Reader for an exclusion naming a finding, then examples of it after a comma: "Significant cardiac
conduction abnormalities, including known familial prolonged QT syndrome, or screening QTcF > 480 msec",
"Uncontrolled or significant heart disease, such as long QTc interval greater than 480 ms, NYHA III/IV heart
failure or uncontrolled arrhythmia".

An example is one kind of what the words before it name, so in an exclusion it excludes as they do: the
item is "the finding, or any example". The words before the opener and the examples after it are each read
by the whole parser, and both must read fully, with a threshold among them. ``read_composite`` reads the
same frame written in a bracket.

Not read: in an inclusion an example does not say what is required; examples joined by "and" ("such as
HBsAg positive and HBV DNA > 500 IU/mL") may state one case that needs both, and read as the finding or
either part they would exclude patients the trial accepts; an example opener inside a bracket belongs to
the bracket.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from trialmatch.domain.criteria.logic import AnyOf, leaf_kinds
from trialmatch.domain.criteria.registry import Rule
from trialmatch.domain.criteria.text import Read, Segment, inside, parenthesised
from trialmatch.domain.trial import Section

ReadPart = Callable[[Segment, Section], Rule | None]
"""The whole parser on a part of the item (readers, then a top-level list): given by ``parsing``."""

_OPENER = re.compile(
    r"(?:,|\s)\s*(?:e\.\s?g\.?|eg(?![a-z])|such\s+as|for\s+example|for\s+instance|like"
    r"|including(?:\s*,?\s*but\s+not\s+limited\s+to)?|especially|particularly)(?![a-z])\s*[,:]?"
)
_CUES = ("e.g", "eg", "such as", "for ", "like", "including", "especially", "particularly")
_ETC = re.compile(r"[,\s]*(?:etc\.?|and\s+so\s+on)\s*\.?\s*$")
""""..., QTcF ≥ 450 ms, etc": more examples the item leaves unnamed, which the finding before them holds."""
_AND = re.compile(r"(?<![a-z/])and(?![a-z/])")


def read_examples(segment: Segment, section: Section, read_part: ReadPart) -> Read | None:
    """The finding and its examples, any of which excludes; None when not read fully."""
    if section is not Section.EXCLUSION or not segment.contains(*_CUES):
        return None
    groups = parenthesised(segment)
    opener = next(
        (
            m
            for m in _OPENER.finditer(segment.norm, segment.start, segment.end)
            if not inside(m.span(), groups)
        ),
        None,
    )
    if opener is None or opener.start() <= segment.start:
        return None
    examples = segment.sub(opener.end(), segment.end)
    etc = _ETC.search(examples.norm, examples.start, examples.end)
    if etc:
        examples = examples.sub(examples.start, etc.start())
    if examples.start >= examples.end or any(
        not inside(m.span(), groups) for m in _AND.finditer(examples.norm, examples.start, examples.end)
    ):
        return None
    head = read_part(segment.sub(segment.start, opener.start()), section)
    named = read_part(examples, section) if head is not None else None
    if head is None or named is None:
        return None
    kinds = leaf_kinds(head) | leaf_kinds(named)
    if "review" in kinds or not kinds & {"lab", "derived"}:
        return None
    children: list[Rule] = []
    for rule in (head, named):
        children.extend(rule.children if isinstance(rule, AnyOf) else [rule])
    return Read(AnyOf(source_span=segment.span, children=children))
