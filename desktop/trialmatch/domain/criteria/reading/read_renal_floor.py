"""Reader for the NCI template's lower floor on a GFR or clearance: "Glomerular filtration rate (GFR) ≥ 60
mL/min/1.73 m^2 unless data exists supporting safe use at lower kidney function values, no lower than 30
mL/min/1.73 m^2".

The trial holds the patient to the first bound, or to the floor when the agent's data allow it, which the
patient file does not say. The threshold is read with the floor as its lenient value (see
``ThresholdFields``): a value meeting the first bound passes, one below the floor fails, and one between them
is left to the clinician. Inclusions only, and only a lower bound with a lower floor.
"""

from __future__ import annotations

import re

from trialmatch.domain.criteria.derived import RENAL_ANALYTES, DerivedValueRule
from trialmatch.domain.criteria.logic import AnyOf
from trialmatch.domain.criteria.reading.numbers import find_quantities
from trialmatch.domain.criteria.reading.read_labs import read_labs
from trialmatch.domain.criteria.reading.text import Read, Segment
from trialmatch.domain.trial import Section

_FLOOR = re.compile(
    r"[\s,;]*unless\s+(?:there\s+(?:is|are)\s+)?data\s+(?:exists?\s+)?support(?:s|ing)?\s+(?:the\s+)?safe\s+use\s+"
    r"at\s+lower\s+(?:kidney|renal)\s+function\s+(?:values?|levels?)\s*[,;]?\s*(?:but\s+)?"
    r"(?:no|not)\s+lower\s+than\s+(?P<floor>[^;]*?)[\s.;]*$"
)


def read_renal_floor(segment: Segment, section: Section) -> Read | None:
    """The threshold before the clause with the clause's floor as its lenient value; None when the segment
    ends in no such clause, or what it bounds is not one lower bound on a GFR or clearance (the last of
    alternatives)."""
    if section is not Section.INCLUSION or not segment.contains("safe use"):
        return None
    match = _FLOOR.search(segment.norm, segment.start, segment.end)
    if match is None:
        return None
    quantities = find_quantities(segment.norm[: match.end("floor")], segment.printed, match.start("floor"))
    if len(quantities) != 1 or quantities[0].comparator or quantities[0].upper or quantities[0].multiple_of:
        return None
    (floor,) = quantities
    base = read_labs(segment.sub(segment.start, match.start()), section)
    if base is None or base.rule is None:
        return None
    rule = base.rule
    target = rule.children[-1] if isinstance(rule, AnyOf) else rule
    if not (
        isinstance(target, DerivedValueRule)
        and target.analyte in RENAL_ANALYTES
        and target.comparator.is_lower_bound
        and target.lenient_value is None
        and target.multiple_of is None
        and floor.unit in (None, target.unit)
        and floor.number.value < target.value
    ):
        return None
    relaxed = target.model_copy(update={"lenient_value": floor.number.value})
    if isinstance(rule, AnyOf):
        children = [*rule.children[:-1], relaxed]
        return Read(rule.model_copy(update={"children": children, "source_span": segment.span}))
    return Read(relaxed.model_copy(update={"source_span": segment.span}))
