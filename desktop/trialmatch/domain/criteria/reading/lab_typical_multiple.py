"""A multiple of the upper limit of normal restated in a bracket as the value it comes to on the typical
limit: "TBIL > 2.5 × ULN (3.0 mg/dL) in Gilbert syndrome subjects", "total bilirubin ≤ 1.5 × ULN (1.8
mg/dL)". The trial worked the multiple out on a normal limit of its own, the typical one (bilirubin 1.2
mg/dL), so the printed value is the threshold it means, read as printed; a bracket that does not come to the
multiple of the typical limit may be another limit altogether and stays for review.
"""

from __future__ import annotations

import math
import re

from trialmatch.domain.analytes import Analyte
from trialmatch.domain.criteria.lab import ThresholdFields
from trialmatch.domain.criteria.reading.numbers import Quantity
from trialmatch.domain.criteria.reading.text import Segment
from trialmatch.domain.units import UnitError, convert

_BRACKET_AFTER = re.compile(r"\s*[(\[]\s*$")


def comes_to_typical_multiple(fields: ThresholdFields, other: ThresholdFields, analyte: Analyte) -> bool:
    """Whether ``other``, a value in a unit, is ``fields``' multiple of the ULN on the analyte's typical ULN
    (to the 1 % of rounding)."""
    if fields.multiple_of != "uln" or other.multiple_of or other.unit is None or analyte.default_uln is None:
        return False
    try:
        value = convert(other.value, other.unit, analyte.unit, analyte)
    except UnitError:
        return False
    return math.isclose(value, fields.value * analyte.default_uln, rel_tol=0.01)


def bracketed_after(segment: Segment, quantities: list[Quantity]) -> Quantity | None:
    """Of two quantities, the second when it is alone in a bracket opened right after the first."""
    if len(quantities) != 2:
        return None
    first, second = quantities
    if not _BRACKET_AFTER.fullmatch(segment.norm, first.end, second.start):
        return None
    closing = segment.norm[second.end : second.end + 3].lstrip()
    return second if closing[:1] in (")", "]") else None
