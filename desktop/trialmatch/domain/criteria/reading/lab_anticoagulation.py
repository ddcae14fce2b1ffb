"""A sentence on anticoagulated patients after clotting-time limits: "INR ≤ 1.5 ULN and aPTT ≤ 1.5 ULN.
Patients on therapeutic doses of anticoagulation medication must have INR and/or aPTT ≤ the upper limit of
the therapeutic range", "... ≤ 1.5 × ULN. Subjects on anticoagulant therapy should be discussed with the
Medical Monitor".

The sentence sets another standard for patients whose INR is raised on purpose, so the clotting limits
before it do not hold for them. It is carried on those limits as a waiver for the finding ``anticoagulation``
(see ``trialmatch.domain.anticoagulation``) with the sentence as what the trial still asks of them: a patient
recorded as not anticoagulated is held to the limits, and an anticoagulated one above them is left to the
clinician with the sentence rather than failed (a woman on warfarin with INR 2.5 was failed by a trial that
asks only that her INR be in its therapeutic range).

The same holds for a condition inside a lab sentence that names anticoagulation with more words than the
finding ("unless on therapeutic anticoagulation", "if on a stable dose of warfarin for > 2 weeks"): those
patients are some of the anticoagulated ones, so it is checked against the finding, its words kept for the
clinician.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from trialmatch.domain.anticoagulation import ANTICOAGULATION, anticoagulant_named
from trialmatch.domain.criteria.reading.lab_shared_waiver import with_waiver
from trialmatch.domain.criteria.reading.text import Segment
from trialmatch.domain.criteria.registry import Rule
from trialmatch.domain.lexicon import Concept

_ANTICOAGULATED = re.compile(
    r"(?<![a-z])(?:anti-?coagula(?:nt|nts|tion|ted)|heparins|vitamin\s+k\s+antagonists?|blood\s+thinners?)(?![a-z])"
)
"""The class named; a drug named ("patients on apixaban") is found by the anticoagulant list."""
_FORBIDDING = re.compile(
    r"(?<![a-z])(?:not|no|excluded|ineligible|prohibited|contraindicated|cannot|never|stop(?:ped)?|discontinued"
    r"|switched|interrupted|withheld)(?![a-z])"
)
"""A sentence that keeps anticoagulated patients out or asks something else of them ("are not eligible",
"must be switched to low molecular weight heparin") is a criterion of its own, not a waiver."""
CLOTTING = frozenset({"inr", "pt", "ptt"})


def about_anticoagulated(part: Segment) -> bool:
    """Whether the sentence sets the standard for anticoagulated patients without keeping them out."""
    text = part.norm[part.start : part.end]
    named = _ANTICOAGULATED.search(text) is not None or anticoagulant_named(text) is not None
    return named and not _FORBIDDING.search(text)


def waive_for_anticoagulated(rule: Rule, note: Segment) -> Rule | None:
    """``rule`` with ``note`` as a waiver on each of its clotting-time limits; None when it has none."""
    quote = note.quote()
    requirement = None if _ALLOWED.fullmatch(_BRACKETS.sub("", note.norm[note.start : note.end])) else quote
    return with_waiver(rule, quote, note.span, CLOTTING, ANTICOAGULATION, requirement=requirement)


_BRACKETS = re.compile(r"\s*\([^()]*\)")
_ALLOWED = re.compile(
    r"\s*(?:concomitant\s+|concurrent\s+)?anti-?coagula(?:nt|nts|tion)(?:\s+(?:therapy|treatment|medications?))?"
    r"\s+(?:is\s+|are\s+)?(?:allowed|permitted)[\s.;]*"
)
"""A note that only admits anticoagulated patients ("Anticoagulation therapy (e.g., warfarin or heparin)
allowed") asks nothing more of them."""


_PAST = re.compile(
    r"(?<![a-z])(?:prior|previous|previously|history|recent|recently|past|former|within)(?![a-z])"
)


def for_anticoagulated(
    part: Segment, concepts: Sequence[tuple[int, int, Concept]], leading: bool = False
) -> bool:
    """Whether a condition waiving a limit, which names anticoagulation and words the finding does not say,
    is for (some) anticoagulated patients: it names no other finding and says nothing of stopped, refused or
    past anticoagulation ("unless anticoagulation was stopped" is about other patients). ``leading``: a
    condition printed before the limits, which names who they are for ("For patients not receiving
    therapeutic anticoagulation:"), so its one "not" says whom the limits leave out."""
    if not names_only_anticoagulation(concepts):
        return False
    norm, start = part.norm, part.start
    if leading:
        for_others = _NOT_RECEIVING.match(norm, start, part.end)
        if for_others is None:
            return False
        start = for_others.end()
    return not (_FORBIDDING.search(norm, start, part.end) or _PAST.search(norm, start, part.end))


_NOT_RECEIVING = re.compile(
    r"[\s*]*(?:for|in)\s+(?:patients|participants|subjects|those)\s+(?:who\s+are\s+)?not\s+(?=receiving|on|taking)"
)


def names_only_anticoagulation(concepts: Sequence[tuple[int, int, Concept]]) -> bool:
    """A condition whose only finding is anticoagulation: a time span in it ("on a stable dose of warfarin
    for > 2 weeks") is part of what it asks of those patients, not a threshold."""
    return bool(concepts) and all(c.id == ANTICOAGULATION for _, _, c in concepts)
