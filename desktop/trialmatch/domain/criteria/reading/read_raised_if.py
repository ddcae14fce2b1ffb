"""Reader for an electrolyte under a "within normal limits" heading with a raised limit it may reach under a
condition: "Potassium (potassium increase of up to 6.0 mmol/L is acceptable if associated with CrCl ≥ 90
mL/min)" under "Patients must have the following laboratory values within normal limits or corrected to within
normal limits with supplements".

The item names the analyte the heading holds within its normal limits, and lets a value above the upper limit
up to the stated one when the condition holds: "≥ LLN, and ≤ ULN or (≤ 6.0 mmol/L and CrCl ≥ 90 mL/min)". A
value below the lower limit that the heading lets be "corrected ... with supplements" is left to the clinician
(``lab_correctable``).
"""

from __future__ import annotations

import re

from trialmatch.domain.analytes import Analyte, resolve_analyte
from trialmatch.domain.criteria.base import Comparator
from trialmatch.domain.criteria.derived import DerivedValueRule
from trialmatch.domain.criteria.lab import LabThreshold
from trialmatch.domain.criteria.logic import AllOf, AnyOf
from trialmatch.domain.criteria.reading.lab_correctable import with_supplements
from trialmatch.domain.criteria.reading.numbers import find_quantities
from trialmatch.domain.criteria.reading.read_labs import read_labs
from trialmatch.domain.criteria.reading.text import Read, Segment
from trialmatch.domain.trial import Section

_NORMAL_HEADING = re.compile(r"(?<![a-z])within\s+(?:the\s+)?normal\s+(?:limits|range)(?![a-z])")
_RAISED = re.compile(
    r"\s*(?P<name>[a-z][a-z ]*?)\s*(?:\((?P<note>[^()]*)\)\s*)?;?\s*"
    r"\(\s*(?P<again>[a-z][a-z ]*?)\s+increase\s+of\s+(?P<limit>up\s+to\s+[^()]*?)\s+"
    r"(?:(?:is|are)\s+acceptable\s+)?if\s+associated\s+with\s+(?P<condition>[^()]+?)\s*\)\s*[,;.]?\s*"
)


def read_raised_if(segment: Segment, section: Section, heading: str) -> Read | None:
    """The normal range with the raised limit as an alternative under its condition; None unless the heading
    asks for normal limits, the item is only the analyte and the bracket, the bracket names the same analyte
    with one limit (restated in another unit or not) and the condition reads as one plain threshold."""
    if section is not Section.INCLUSION or not segment.contains("increase of up to"):
        return None
    if not _NORMAL_HEADING.search(heading):
        return None
    match = _RAISED.fullmatch(segment.norm, segment.start, segment.end)
    if match is None:
        return None
    analyte = _analyte(match.group("name"), match.group("note"))
    again = resolve_analyte(match.group("again"))
    if analyte is None or again is None or again.id not in analyte.id:
        return None
    limit_start, limit_end = match.span("limit")
    quantities = [
        q for q in find_quantities(segment.norm[:limit_end], segment.printed) if q.start >= limit_start
    ]
    if not 1 <= len(quantities) <= 2 or any(q.upper or q.multiple_of or q.unit is None for q in quantities):
        return None
    raised = quantities[0]  # "up to 12.5 mg/dl or 3.1 mmol/L": the second restates the first
    if raised.comparator is not Comparator.LE or any(q.comparator for q in quantities[1:]):
        return None
    condition = read_labs(segment.sub(*match.span("condition")), section)
    if condition is None or not (
        isinstance(condition.rule, LabThreshold | DerivedValueRule) and condition.rule.is_plain
    ):
        return None
    span = segment.span

    def threshold(comparator: Comparator, value: float, **fields: object) -> LabThreshold:
        return LabThreshold.model_validate(
            {"source_span": span, "analyte": analyte.id, "comparator": comparator, "value": value, **fields}
        )

    above = AllOf(
        source_span=(match.start("again"), match.end("condition")),
        children=[
            threshold(
                Comparator.LE, raised.number.value, unit=raised.unit, source_span=(raised.start, raised.end)
            ),
            condition.rule,
        ],
    )
    normal = AnyOf(source_span=span, children=[threshold(Comparator.LE, 1.0, multiple_of="uln"), above])
    low = with_supplements(threshold(Comparator.GE, 1.0, multiple_of="lln"), heading, section)
    return Read(AllOf(source_span=span, children=[low, normal]))


def _analyte(name: str, note: str | None) -> Analyte | None:
    """ "Total calcium (corrected for serum albumin)": the corrected calcium, which the note names."""
    if note and "corrected" in note:
        return resolve_analyte("corrected calcium") if "calcium" in name else None
    return resolve_analyte(name) if note is None else None
