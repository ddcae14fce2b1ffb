"""A limit for one sex printed in a bracket after the limit for everyone: "weight of 50 kg or more (45 kg or
more for women)", "Hemoglobin ≥ 10 g/dL (≥ 9 g/dL for women)".

The bracket replaces the limit for that sex, so the limit before it is the other sex's: read so, the pair is
one limit per sex, as "≥ 50 kg for males and ≥ 45 kg for females" is. Only a bracket that opens right after
the limit and holds the one variant limit is read so; a limit for one sex elsewhere beside a limit for
everyone still does not say whom the latter is for.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import pairwise

from trialmatch.domain.criteria.reading.lab_notes import Sex
from trialmatch.domain.criteria.reading.numbers import Quantity
from trialmatch.domain.criteria.reading.text import Segment, parenthesised

_OTHER: dict[Sex, Sex] = {"female": "male", "male": "female"}


def bases_for_the_other_sex(
    segment: Segment, quantities: Sequence[Quantity], sexes: Mapping[int, Sex]
) -> dict[int, Sex]:
    """By the start of each limit for everyone followed by such a bracket, the sex it is then for."""
    found: dict[int, Sex] = {}
    brackets = parenthesised(segment)
    for base, variant in pairwise(quantities):
        sex = sexes.get(variant.start)
        if sex is None or base.start in sexes or base.comparator is None or base.multiple_of:
            continue
        bracket = next((b for b in brackets if b[0] < variant.start < b[1]), None)
        if bracket is None or segment.norm[base.end : bracket[0]].strip(" ,"):
            continue
        if any(bracket[0] < q.start < bracket[1] for q in quantities if q is not variant):
            continue
        found[base.start] = _OTHER[sex]
    return found
