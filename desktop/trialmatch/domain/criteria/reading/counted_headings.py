"""Headings that count their items, more than one needed: "If participants have more than ONE of the
following chronic medical conditions ..., they are NOT eligible", "preeclampsia defined by presentation of 2
or more of the following criteria". Each item is one of the features counted: read alone, an exclusion item
("Fasting triglycerides ≥ 1.7 mmol/l") failed every patient with that one feature, and "more than one of the
following" read as "one of the following" let one inclusion item stand for two."""

from __future__ import annotations

import re

from trialmatch.domain.criteria.reading.numbers import read_number

COUNTED_HEADING = re.compile(
    r"(?<![a-z])(?:more\s+than\s+(?P<more>one|two|three|[1-9])|(?P<least>two|three|four|[2-9])\s+or\s+more"
    r"|at\s+least\s+(?P<floor>two|three|four|[2-9]))\s+of\s+(?:the\s+)?(?:following|below|these)(?![a-z])"
)


def counted_heading(low: str) -> re.Match[str] | None:
    """The phrase of a (lower-case) heading that asks for two or more of its items, if it has one."""
    if "more" not in low and "at least" not in low:
        return None
    return COUNTED_HEADING.search(low)


def needed_by(counted: re.Match[str]) -> int:
    """How many items the phrase asks for: "more than one" is two."""
    if counted.group("more"):
        return int(read_number(counted.group("more")).value) + 1
    return int(read_number(counted.group("least") or counted.group("floor")).value)
