"""Headings that scope their items to an optional part of the study: "To participate in the research
biopsies during endoscopy, subjects must have the following lab values". The items ("Hematocrit ≥ 30%") are
asked only of the patients who take part in that procedure; read as the trial's own, they failed every
patient below the limit, who can still enrol without the biopsies. So are the items under "Participants will
be excluded from providing a saliva sample ... if they meet any of the following" ("Currently breastfeeding"),
which keep a patient out of the sampling, not out of the trial; and those of "the following are considered
criteria for exclusion from the exploratory genetic research" ("Prior allogeneic bone marrow transplant":
donor DNA in the sample), which keep a patient out of the research, not out of the trial."""

from __future__ import annotations

import re

_OPTIONAL_PART = re.compile(
    r"(?<![a-z])(?:to\s+(?:participate|take\s+part)\s+in\s+(?:the\s+|any\s+)?(?:optional|research)"
    r"|(?:eligible\s+for|excluded\s+from)\s+(?:the\s+)?(?:optional\s+)?sub-?study"
    r"|exclusion\s+from\s+(?:the\s+|any\s+)?(?:optional|exploratory)\s+[a-z\s-]{0,40}?(?:research|sub-?study)"
    r"|excluded\s+from\s+(?:providing|giving|donating|undergoing|having)\s+[^:;()]{1,50}?"
    r"(?=\s*(?:\(|\s+(?:if|who|when)\s|[:;]|$)))(?![a-z])"
)


def optional_part(low: str) -> str | None:
    """The phrase of a (lower-case) heading that limits its items to an optional part, if it has one."""
    if "optional" not in low and "research" not in low and "study" not in low and "excluded from" not in low:
        return None
    found = _OPTIONAL_PART.search(low)
    return found.group(0) if found else None
