"""Items for the patients of one way into a trial, named by when they enter it rather than by a stratum label.

NCT05692999 enrols some patients before an induction phase and others only at maintenance: "To be checked
before the induction phase (only for patient included before induction phase):" heads items the patients
included later are never asked, and "Signed informed consent (only for patient included after induction
phase)." is the later patients' own. Read for everyone, an induction-phase item would fail a patient the
maintenance entry takes. Only an entry into the trial (included, enrolled, registered, randomised) names
such a group: "(only for patients with liver metastases)" is a condition of the item, not a way in.
"""

from __future__ import annotations

import re

__all__ = ["enrolment_subgroup"]

_ONLY_FOR = re.compile(
    r"\(\s*only\s+(?:for|in)\s+(?:the\s+)?(?:patients?|subjects?|participants?)\s+"
    r"(?P<who>(?:who\s+(?:are|were|will\s+be)\s+)?"
    r"(?:included|enrolled|registered|randomi[sz]ed|recruited)\s+(?:before|after|at|during|in)\s+[^()]{3,80}?)"
    r"\s*\)\W*$",
    re.IGNORECASE,
)
""""(only for patient included before induction phase)", "(only for subjects enrolled after the lead-in)"."""


def enrolment_subgroup(text: str) -> str | None:
    """The group of patients a heading or an item ends by restricting itself to ("patients included before
    induction phase"), else None."""
    if "only" not in text.lower():
        return None
    match = _ONLY_FOR.search(text)
    return f"patients {' '.join(match.group('who').lower().split())}" if match is not None else None
