"""Headings that list likely candidates, not requirements: "Patients < 66 years of age with other diseases
treatable by allogeneic BMT ...; the following diseases are the likely candidates but other less common
diseases may be considered".

Each item ("Myelodysplastic syndromes", "Hodgkin's disease") names one disease such a patient may have. Read
as a requirement, every item failed every patient: one with Hodgkin's disease failed "Myelodysplastic
syndromes". Nor is the list a closed choice of one ("likely", "other ... may be considered"), so a patient
with none of them is not refused either: the clinician judges the item with its heading.
"""

from __future__ import annotations

import re

_LIKELY_CANDIDATES = re.compile(
    r"(?<![a-z])following\s+(?:diseases|disorders|conditions|diagnoses|malignancies)\s+are\s+(?:the\s+)?"
    r"(?:most\s+)?likely\s+candidates(?![a-z])"
)


def likely_candidates(low: str) -> str | None:
    """Why an item under a (lower-case) heading listing likely candidate diseases is left for review."""
    if "candidates" not in low or _LIKELY_CANDIDATES.search(low) is None:
        return None
    return (
        "one of the likely candidate diseases its heading lists, not a requirement: judge it with the heading"
    )
