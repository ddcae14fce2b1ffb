"""An organ-function limit that segmentation left among the alternatives of a diagnosis heading.

"Histopathologically documented AML ..., meeting at least one of the following:" heads "Refractory to at least
1 cycle of induction chemotherapy, or Relapsed ..." and then, glued under it, the trial's own "Serum
creatinine ≤ 2.0 mg/dL;", "Total serum bilirubin ≤ 1.5 × ULN ...", "Serum AST or ALT ≤ 3.0 × ULN ...". Read as
one of the alternatives, relapsed disease alone met the heading and passed a patient with a creatinine of 3
mg/dL, while a normal creatinine stood for the diagnosis. No definition of a disease or of a treatment history
offers a normal creatinine, bilirubin or transaminase as one way to qualify: such an item binds everyone. A
heading that itself speaks of organ function or laboratory values ("Adequate renal function, one of the
following") keeps its items as alternatives.
"""

from __future__ import annotations

import re

from trialmatch.domain.criteria.derived import DerivedValueRule
from trialmatch.domain.criteria.lab import LabThreshold
from trialmatch.domain.criteria.logic import leaves
from trialmatch.domain.criteria.registry import Rule

_AT_MOST = frozenset({"creatinine", "bilirubin", "ast", "alt", "alp"})
"""Analytes whose upper limit says the organ works well enough for treatment."""
_AT_LEAST = frozenset({"crcl", "egfr"})
"""Clearances, whose lower limit says the same."""
_ABOUT_ORGANS = re.compile(
    r"(?<![a-z])(?:function\w*|organs?|laborator\w*|labs?|values?|tests?|renal|kidney|hepatic|liver|creatinine"
    r"|clearance|gfr|bilirubin|transaminases?|ast|alt|chemistry|biochemi\w*|blood|serum|uln)(?![a-z])"
)


def binds_everyone_as_organ_limit(rule: Rule, heading: str) -> bool:
    """Whether the item is only organ-function limits and its (lower-case) heading of alternatives is not
    about organs or laboratory values."""
    parts = list(leaves(rule))
    if not parts or not all(_adequacy_limit(part) for part in parts):
        return False
    return _ABOUT_ORGANS.search(heading) is None


def _adequacy_limit(part: Rule) -> bool:
    if isinstance(part, LabThreshold):
        return part.analyte in _AT_MOST and not part.comparator.is_lower_bound and not part.strata
    if isinstance(part, DerivedValueRule):
        return part.analyte in _AT_LEAST and part.comparator.is_lower_bound
    return False
