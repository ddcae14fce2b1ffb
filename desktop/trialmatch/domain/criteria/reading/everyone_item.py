"""An item that says it binds everyone, under a heading that offers alternatives.

"At least one of the following: ... Documented BRCA mutation in the family. All individuals must be able to
give informed consent.": segmentation leaves the last line among the alternatives, where consent alone met the
heading and passed the patient who had none of the diagnoses it asks for. The item says whom it binds: all.
"At least one of the following indications for treatment:" / "Neutropenia ..." / "Patient's must have had at
least 2 prior systemic therapies": an item with the patient as the subject of its own "must" states a
requirement, not an indication; whether it binds everyone the text does not say, so it is left for review.
"""

from __future__ import annotations

import re

_EVERYONE_MUST = re.compile(
    r"all\s+(?:individuals|patients|participants|subjects|candidates|women|men)\s+(?:must|should|need\s+to|will\s+need\s+to)"
    r"(?![a-z])",
    re.IGNORECASE,
)


def binds_everyone(text: str) -> bool:
    """Whether the item opens with "All patients must ..." (or individuals, participants, subjects...)."""
    return text[:4].lower() == "all " and _EVERYONE_MUST.match(text) is not None


_PATIENT_MUST = re.compile(
    r"(?:the\s+)?(?:patients?|participants?|subjects?)(?:'s|’s|')?\s+(?:must|should|shall|need\s+to|has\s+to"
    r"|have\s+to)(?![a-z])",
    re.IGNORECASE,
)


def states_own_requirement(text: str) -> bool:
    """Whether the item opens with "Patients must ..." (or "Patient's must", participants, subjects...)."""
    return _PATIENT_MUST.match(text) is not None
