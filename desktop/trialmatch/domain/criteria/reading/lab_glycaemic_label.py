"""A glycaemic condition "defined" by a value below a limit: "No uncontrolled diabetes mellitus (i.e., random
blood sugar less than 250 mg/dL)", "No hyperglycemia (glucose < 200 mg/dL)".

Diabetes and hyperglycaemia are high values; a bracket holding only an upper limit does not define them but
restates the state the item asks for, said of the whole "No ..." (or of its opposite). Read as the
condition's definition, "no" then turned it around and the inclusion required a glucose of at least 250
mg/dL; which side the trial means is not stated, so it is left for review.
"""

from __future__ import annotations

import re

from trialmatch.domain.criteria.derived import DerivedValueRule
from trialmatch.domain.criteria.lab import LabThreshold
from trialmatch.domain.criteria.logic import leaves
from trialmatch.domain.criteria.registry import Rule

_GLYCAEMIC_CONDITION = re.compile(
    r"(?<![a-z])(?:diabet(?:es|ic|ics)|mellitus|t[12]?dm|dm|hyperglyc(?:a)?emi(?:a|c))(?![a-z])"
)
GLYCAEMIC = frozenset({"glucose", "fasting_glucose", "hba1c"})
"""The analytes that measure blood sugar: a glycaemic label or note speaks of these and no other."""


def upper_limit_defines_high_glucose(label: str, rule: Rule, negated: bool = False) -> bool:
    """Whether ``label`` names diabetes or hyperglycaemia and the glycaemic thresholds of ``rule`` are only
    upper limits as printed (``negated``: the rule is already turned around by a "no" before the label)."""
    if not _GLYCAEMIC_CONDITION.search(label):
        return False
    bounds = [t.comparator.is_lower_bound != negated for t in _thresholds(rule) if t.analyte in GLYCAEMIC]
    return bool(bounds) and not any(bounds)


def _thresholds(rule: Rule) -> list[LabThreshold | DerivedValueRule]:
    return [leaf for leaf in leaves(rule) if isinstance(leaf, LabThreshold | DerivedValueRule)]
