"""A sentence on anticoagulated patients after clotting-time limits: "INR ≤ 1.5 ULN and aPTT ≤ 1.5 ULN.
Patients on therapeutic doses of anticoagulation medication must have INR and/or aPTT ≤ the upper limit of
the therapeutic range", "... ≤ 1.5 × ULN. Subjects on anticoagulant therapy should be discussed with the
Medical Monitor".

The sentence sets another standard for patients whose INR is raised on purpose, so the clotting limits
before it do not hold for them. The patient file does not record anticoagulation as a finding: the sentence
is carried on those limits as an unchecked waiver, as "INR ≤ 1.5 unless receiving anticoagulation" is, and
a patient above them is left to the clinician rather than failed (a woman on warfarin with INR 2.5 was
failed by a trial that asks only that her INR be in its therapeutic range).
"""

from __future__ import annotations

import re

from trialmatch.domain.criteria.lab_shared_waiver import with_waiver
from trialmatch.domain.criteria.registry import Rule
from trialmatch.domain.criteria.text import Segment

_ANTICOAGULATED = re.compile(
    r"(?<![a-z])(?:anti-?coagula(?:nt|nts|tion|ted)|warfarin|heparins?|coumadin|phenprocoumon|acenocoumarol"
    r"|vitamin\s+k\s+antagonists?)(?![a-z])"
)
_FORBIDDING = re.compile(
    r"(?<![a-z])(?:not|no|excluded|ineligible|prohibited|contraindicated|cannot|never|stop(?:ped)?|discontinued"
    r"|switched|interrupted|withheld)(?![a-z])"
)
"""A sentence that keeps anticoagulated patients out or asks something else of them ("are not eligible",
"must be switched to low molecular weight heparin") is a criterion of its own, not a waiver."""
CLOTTING = frozenset({"inr", "pt", "ptt"})


def about_anticoagulated(part: Segment) -> bool:
    """Whether the sentence sets the standard for anticoagulated patients without keeping them out."""
    if not part.contains("coagul", "warfarin", "heparin", "coumadin", "coumon", "coumarol", "vitamin k"):
        return False
    return bool(_ANTICOAGULATED.search(part.norm, part.start, part.end)) and not _FORBIDDING.search(
        part.norm, part.start, part.end
    )


def waive_for_anticoagulated(rule: Rule, note: Segment) -> Rule | None:
    """``rule`` with ``note`` as a waiver on each of its clotting-time limits; None when it has none."""
    return with_waiver(rule, note.quote(), note.span, CLOTTING)
