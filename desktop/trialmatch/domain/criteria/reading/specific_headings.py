"""A heading that names the subgroup its items are specific to.

"Non inclusion criteria specific to the phase 2 study in patients with unfavorable serum marker decrease and
mediastinal primary tumor": the items under it bind only those patients. Read for everyone, its "Patient with
Hepatitis C antibody" excluded every HCV-positive patient of the trial's other part.
"""

from __future__ import annotations

import re

_SPECIFIC = re.compile(
    r"(?:criteria|items|requirements)\s+(?:that\s+are\s+)?(?:specific(?:ally)?|only)\s+(?:to|for)\s+"
    r"(?!(?:all|both|each|every|any)\s).*?(?:patients|participants|subjects)\s+"
    r"(?:with|who|whose|receiving|undergoing|treated)\s.*"
)
"""Only a subgroup of patients named by what they have: "criteria specific to Cohort A2" names a labelled
group that segmentation already makes the items' stratum."""


def specific_subgroup(lead_in: str) -> str | None:
    """The (lower-case) heading line's words naming the subgroup its items are specific to, else None."""
    if "specific" not in lead_in and "only" not in lead_in:
        return None
    found = _SPECIFIC.search(lead_in)
    return found.group(0) if found else None
