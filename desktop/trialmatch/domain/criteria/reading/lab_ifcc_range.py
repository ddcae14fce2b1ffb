"""An HbA1c range printed again in IFCC units: "HbA1c of 6.5-10.5% (48-91 mmol/mol)", "7.5-10.0% (58-86
millimoles per moles (mmol/mol))".

The IFCC value is not proportional to the percentage (mmol/mol = 10.929 × (% − 2.15)), so no unit table
converts it; each end of the bracket is checked against the end of the percentage range it restates and must
agree to the 1 mmol/mol it is printed to. The bracket then adds nothing and is claimed; one that disagrees is
left in the sentence, which goes to review.
"""

from __future__ import annotations

import re

from trialmatch.domain.criteria.reading.text import Segment, Span

_NUMBER = r"\d+(?:[.,]\d+)?"
_TO = r"\s*(?:-|–|to)\s*"
_IFCC_UNIT = r"(?:mmol\s*/\s*mol|millimoles?\s+per\s+moles?\s*[(\[]\s*mmol\s*/\s*mol\s*[)\]])"
_RANGE = re.compile(
    r"(?P<low>" + _NUMBER + r")\s*%?" + _TO + r"(?P<high>" + _NUMBER + r")\s*%\s*"
    r"(?P<bracket>[(\[]\s*(?P<ifcc_low>"
    + _NUMBER
    + r")"
    + _TO
    + r"(?P<ifcc_high>"
    + _NUMBER
    + r")\s*"
    + _IFCC_UNIT
    + r"\s*[)\]])"
)


def restates_in_ifcc(percent: float, mmol_per_mol: float) -> bool:
    """Whether an HbA1c in mmol/mol restates the percentage, to the 1 mmol/mol it is printed to."""
    return abs(10.929 * (percent - 2.15) - mmol_per_mol) <= 1.0


def _agrees(percent: str, ifcc: str) -> bool:
    return restates_in_ifcc(float(percent.replace(",", ".")), float(ifcc.replace(",", ".")))


def ifcc_range_spans(segment: Segment, analytes: frozenset[str]) -> list[Span]:
    """The brackets restating an HbA1c percentage range in mmol/mol, when both ends agree."""
    if "hba1c" not in analytes or not segment.contains("mol"):
        return []
    return [
        match.span("bracket")
        for match in _RANGE.finditer(segment.norm, segment.start, segment.end)
        if _agrees(match.group("low"), match.group("ifcc_low"))
        and _agrees(match.group("high"), match.group("ifcc_high"))
    ]
