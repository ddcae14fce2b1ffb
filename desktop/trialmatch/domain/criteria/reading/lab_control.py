"""A clotting time printed as a multiple of the control the laboratory runs beside it ("PT no greater than
1.5 times control"): the multiple ``control`` of a lab threshold. The control is a normal plasma, so it lies
within the laboratory's normal range, and the evaluator decides the limit only where both ends of that range
agree (see ``checks``).

An inclusion that requires a clotting time above its control ("SGOT no greater than 150 U/L PT at least 1.5
times control", among hepatic limits) is a dropped "no greater than" as often as an anticoagulation target:
not read.
"""

from __future__ import annotations

from trialmatch.domain.criteria.lab import LabThreshold
from trialmatch.domain.criteria.logic import leaves
from trialmatch.domain.criteria.registry import Rule


def requires_above_control(rule: Rule) -> bool:
    """Whether some threshold of the rule asks for a value above a multiple of the control."""
    return any(
        isinstance(leaf, LabThreshold) and leaf.multiple_of == "control" and leaf.comparator.is_lower_bound
        for leaf in leaves(rule)
    )
