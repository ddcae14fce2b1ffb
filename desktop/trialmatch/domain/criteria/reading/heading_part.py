"""Headings that exclude from a part of the study only: "Participants will be excluded from providing a saliva
sample (required for the cortisol measurement) if they meet any of the following criteria"."""

from __future__ import annotations

import re

_FROM_A_PART = re.compile(
    r"excluded\s+from\s+(?P<part>(?:providing|giving|donating|undergoing|having|the\s+optional|optional"
    r"|(?:the\s+)?sub-?stud(?:y|ies))(?![a-z])[^:;]{0,60})"
)
"""Read for the trial, an item under such a heading ("Currently breastfeeding") failed a patient the heading
only keeps out of the saliva sampling."""
_CUT = re.compile(r"\s*\(|\s+(?:if|who|when)(?![a-z])")


def excluded_part(heading: str) -> str | None:
    """The part of the study a (lower-case) heading excludes its patients from, when it is not the study."""
    if "excluded from" not in heading:
        return None
    match = _FROM_A_PART.search(heading)
    return _CUT.split(match.group("part"), maxsplit=1)[0].strip() if match else None
