"""A lab list whose items are set apart by semicolons, with "or" inside an item: "HB ≥ 90 g/L; ANC ≥ 1.5 ×
10^9/L; TBIL < 1.5 × ULN; Serum Cr ≤ 1.25 × ULN or creatinine clearance > 60 ml/min".

Where "and" and "or" are mixed between thresholds, which binds first is not stated in general; a bare
semicolon is the list's own separator, stronger than the words inside an item, so each item is read alone
(its thresholds joined as its one joining word says) and the items are joined as the list's items are: all
required in an inclusion, any excluding in an exclusion. An item mixing words of its own stays unread.
"""

from __future__ import annotations

from trialmatch.domain.criteria.derived import DerivedValueRule
from trialmatch.domain.criteria.lab import LabThreshold
from trialmatch.domain.criteria.logic import AllOf, AnyOf, all_of_merged, spanning
from trialmatch.domain.criteria.reading.text import Span

_LabRule = LabThreshold | DerivedValueRule | AnyOf | AllOf


def semicolon_items(
    rules: list[_LabRule], joiners: list[str], separated: list[bool], inclusion: bool, span: Span
) -> _LabRule | None:
    """The rules joined item by item, ``separated`` telling which joiners are a bare semicolon; None when
    there is none or an item's own joiners are not one word."""
    if not any(separated):
        return None
    items: list[list[_LabRule]] = [[rules[0]]]
    words: list[set[str]] = [set()]
    for joiner, apart, rule in zip(joiners, separated, rules[1:], strict=True):
        if apart:
            items.append([rule])
            words.append(set())
        else:
            items[-1].append(rule)
            words[-1].add(joiner)
    joined: list[_LabRule] = []
    for item, said in zip(items, words, strict=True):
        if len(item) == 1:
            joined.append(item[0])
        elif said == {"or"}:
            joined.append(AnyOf(source_span=spanning(item), children=list(item)))
        elif said <= {",", "and"} and (inclusion or said == {"and"}):
            joined.append(all_of_merged(item, spanning(item)))
        else:
            return None
    if inclusion:
        return all_of_merged(joined, span)
    return AnyOf(source_span=span, children=list(joined))
