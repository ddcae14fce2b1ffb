"""Alternatives that each pair the same analytes: "AST ≤ 2.5 × ULN AND alkaline phosphatase ≤ ULN OR AST ≤
ULN AND alkaline phosphatase ≤ 4 × ULN", "eGFR ≥ 30 and < 60 AND UACR ≥ 30 mg/g, or eGFR ≥ 30 and ≤ 75 AND
UACR ≥ 200 mg/g".

Where "and" and "or" are mixed, which binds first is not stated in general. When every block between the
"or"s names the same set of analytes, and at least two of them, the blocks are whole alternatives: read the
other way ("AST ≤ 2.5 × ULN and (ALP ≤ ULN or AST ≤ ULN) and ALP ≤ 4 × ULN") the sentence would hold one
analyte to two limits inside one requirement, which no registry means. A block naming other analytes ("eGFR <
60 or eGFR 60-90 and UACR > 300") stays unread.
"""

from __future__ import annotations

from trialmatch.domain.criteria.derived import DerivedValueRule
from trialmatch.domain.criteria.lab import LabThreshold
from trialmatch.domain.criteria.logic import AllOf, AnyOf, all_of_merged, leaves, spanning
from trialmatch.domain.criteria.reading.text import Span

_LabRule = LabThreshold | DerivedValueRule | AnyOf | AllOf


def paired_blocks(rules: list[_LabRule], joiners: list[str], span: Span) -> AnyOf | None:
    """The AnyOf of the AllOf of each block, or None when the joiners are not only "and" and "or" or the
    blocks do not name the same analytes."""
    if set(joiners) != {"and", "or"}:
        return None
    blocks: list[list[_LabRule]] = [[rules[0]]]
    for joiner, rule in zip(joiners, rules[1:], strict=True):
        if joiner == "or":
            blocks.append([rule])
        else:
            blocks[-1].append(rule)
    named = [frozenset(a for rule in block for a in _analytes(rule)) for block in blocks]
    if len(named[0]) < 2 or any(n != named[0] for n in named) or any(len(b) < 2 for b in blocks):
        return None
    children: list[_LabRule] = []
    for block in blocks:
        children.append(all_of_merged(block, spanning(block)))
    return AnyOf(source_span=span, children=list(children))


def _analytes(rule: _LabRule) -> list[str]:
    return [leaf.analyte for leaf in leaves(rule) if isinstance(leaf, LabThreshold | DerivedValueRule)]
