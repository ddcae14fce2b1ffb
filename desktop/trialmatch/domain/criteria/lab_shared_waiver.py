"""A waiver printed once at the end of a list of thresholds that it plainly covers beyond the last one.

"Total bilirubin > ULN, AST and ALT > 2.5 ULN (unless the participant has documented Gilbert's syndrome,
hepatocellular carcinoma, or hepatic metastases)": Gilbert's syndrome raises bilirubin only, so the waiver
is on the bilirubin limit too, not only on the transaminases it is printed after. "Serum creatinine > 2 mg%,
transaminases (ALT, AST) > 3 times upper normal value, direct bilirubin > 2 mg%, unless they result from tumor
involvement": "they" are all the values listed. Read on the last threshold alone, such a waiver fails the
very patients it names (a man with Gilbert's syndrome excluded on his bilirubin).

The waiver is carried to an earlier threshold when it refers back to several values ("they", "these") or
names a condition known to raise that threshold's analyte. A waiver naming a condition that bears on no
earlier analyte ("ANC ≥ 1500, bilirubin ≤ 1.5 × ULN unless Gilbert's syndrome") stays where it is.
"""

from __future__ import annotations

import re

from trialmatch.domain.criteria.text import Segment
from trialmatch.domain.lexicon import find_concepts

_ANAPHORA = re.compile(
    r"(?<![a-z])(?:they|these|those|them|such\s+(?:abnormalities|elevations|values))(?![a-z])"
)
_WAIVING = re.compile(r"(?<![a-z])(?:unless|except|excluding)(?![a-z])")
_PRINTED = re.compile(r"[a-z0-9]")

RAISED_BY: dict[str, frozenset[str]] = {
    "gilbert_syndrome": frozenset({"bilirubin"}),
    "hemolytic_anemia": frozenset({"bilirubin"}),
    "liver_metastases": frozenset({"bilirubin", "ast", "alt", "alp", "ggt"}),
    "bone_metastases": frozenset({"alp"}),
    "bone_marrow_involvement": frozenset({"anc", "platelets", "hemoglobin", "wbc"}),
}
"""The analytes a finding is known to push past their limits, which a waiver naming it concerns."""


def covered_analytes(segment: Segment, start: int, end: int) -> frozenset[str] | None:
    """The earlier analytes a trailing waiver at ``start:end`` covers; None for every one ("unless they ...").

    Only a waiver without a threshold of its own that ends the item is considered; an empty set means it
    covers no earlier threshold.
    """
    norm = segment.norm
    if _PRINTED.search(norm, end, segment.end) or not _WAIVING.search(norm, start, end):
        return frozenset()
    if any(c.isdigit() for c in norm[start:end]):
        return frozenset()
    if _ANAPHORA.search(norm, start, end):
        return None
    raised: set[str] = set()
    for _, _, concept in find_concepts(segment.printed[start:end]):
        raised |= RAISED_BY.get(concept.id, frozenset())
    return frozenset(raised)
