"""A lead-in that says how many items it heads: "Meet at least 2 of the following 3 criteria:".

Printed as a bullet among bullets, such a lead-in was given only the first item after it; the other two
alternatives became requirements of their own, and NCT05687604's "BMI of ≥25" failed the patient who meets
the other two. The number it states bounds its items, no more and no fewer.
"""

from __future__ import annotations

import re

__all__ = ["stated_item_count"]

_NUMBER = r"(?:[1-9]|two|three|four|five|six)"
_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_STATED = re.compile(
    rf"(?<![a-z])(?:the\s+following\s+(?P<after>{_NUMBER})|(?:the\s+)?(?P<before>{_NUMBER})\s+following)\s+"
    r"(?:[a-z]+\s+)?(?:criteria|conditions|requirements|items|characteristics|features)\s*[:：]\s*$",
    re.IGNORECASE,
)
""""the following 3 criteria:", "the 3 following criteria:", "the following three CNS criteria:"; not "the
following 24 hours prior to ...:", which counts no items."""


def stated_item_count(text: str) -> int | None:
    """How many items a lead-in ending with ":" says follow it, else None."""
    if "following" not in text.lower():
        return None
    match = _STATED.search(text)
    if match is None:
        return None
    number = (match.group("after") or match.group("before")).lower()
    return _WORDS.get(number) or int(number)
