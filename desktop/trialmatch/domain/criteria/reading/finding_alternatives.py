"""Words beside a finding that add another way into (or out of) the trial, not a narrowing of the finding.

A narrowing word ("uncontrolled", "recent") only makes the finding rarer, so the finding reader keeps it as an
unchecked exception. These words widen the statement instead: read as narrowings, an alternative was lost
and the patients it names were judged on the finding alone.
"""

from __future__ import annotations

import re

from trialmatch.domain.criteria.reading.text import Segment
from trialmatch.domain.lexicon import Concept

_STATE_OR = re.compile(
    r"(?<![a-z])(?:newly\s+diagnosed|recurrent|relapsed|locally\s+advanced|advanced|unresectable|inoperable)"
    r"\s+or\s+$"
)
""""Newly diagnosed or metastatic disease" is newly diagnosed disease or metastatic disease; read as
"metastatic disease, newly", it failed the newly diagnosed patient without metastases."""
_ITEM_BEFORE = re.compile(
    r"(?:,|(?<![a-z])or|(?<![a-z])and)\s+(?:an?\s+|any\s+)?(?:(?:females?|women|woman|patients|subjects|participants)\s+)?$"
)
_GROUP_BEFORE = re.compile(
    r"(?<![a-z])and\s+(?:women|men|females|males|patients|those|subjects|participants|individuals)\s+$"
)


def another_state(segment: Segment, main: list[tuple[int, int, Concept]]) -> str | None:
    """Why the finding cannot be read alone when a disease state is offered as its alternative, else None."""
    if not segment.contains(" or "):
        return None
    for start, _, _ in main:
        state = _STATE_OR.search(segment.norm, max(segment.start, start - 30), start)
        if state is not None:
            said = segment.quote(state.start(), state.end()).strip()
            return f"'{said}' names another state of the disease, an alternative to the finding"
    return None


def childbearing_as_item(segment: Segment, concepts: list[tuple[int, int, Concept]]) -> bool:
    """Whether women of childbearing potential are listed beside pregnancy as a group of their own: "Pregnant
    patients, lactating patients, or females of childbearing potential (unless using reliable contraception)"
    excludes three groups, and its "unless" bounds only the third. Before pregnancy ("Women of childbearing
    potential must have a negative pregnancy test") they only say whom the test concerns."""
    pregnancy = min((e for _, e, c in concepts if c.id == "pregnancy"), default=None)
    if pregnancy is None:
        return False
    return any(
        c.id == "childbearing_potential"
        and s > pregnancy
        and _ITEM_BEFORE.search(segment.norm, max(pregnancy, s - 40), s) is not None
        for s, _, c in concepts
    )


def another_group(segment: Segment, narrowing: list[re.Match[str]]) -> bool:
    """Whether a trailing "with ..." opens a further group joined by "and": "Pregnant or lactating women, and
    women with recent fertility plans" excludes the women with plans too; it does not narrow pregnancy."""
    return segment.contains("and ") and any(
        _GROUP_BEFORE.search(segment.norm, max(segment.start, m.start() - 25), m.start()) for m in narrowing
    )


_EITHER_COURSE = re.compile(r"\s*(?:or|and/or|/)\s*(?P<other>acute|chronic)(?![a-z])")
_COURSE_BEFORE = re.compile(r"(?:acute|chronic)\s*(?:or|and/or|/)\s*$")
_OR_NEXT = re.compile(r"\s+or\s+")


_LISTED_GROUP = re.compile(
    r",\s*(?:women|men|females|males|patients?|subjects?|participants?|individuals?)\s+$"
)


def listed_group(segment: Segment, narrowing: list[re.Match[str]]) -> bool:
    """Whether a trailing "with ..." opens a further group listed after a comma: "Pregnancy or breastfeeding,
    patient with childbearing potential that refused acceptable contraceptive method" excludes the woman who
    refuses contraception too; read as a narrowing of pregnancy, she passed. After "with the following
    exceptions:" such groups are the exceptions."""
    return (
        segment.contains(",")
        and not segment.contains("except")
        and any(
            _LISTED_GROUP.search(segment.norm, max(segment.start, m.start() - 16), m.start())
            for m in narrowing
        )
    )


def whole_course(norm: str, narrowing: list[re.Match[str]], starts: set[int]) -> list[re.Match[str]]:
    """The narrowing words that are alternatives covering the whole finding, not narrowings of it: "acute or
    chronic pancreatitis" is any pancreatitis, and "chronic or congestive heart failure" names heart failure
    twice. Kept as narrowings, a patient with the finding was left to review, never failed."""
    found = []
    for m in narrowing:
        word = m.group(0)
        if word in {"acute", "chronic"}:
            other = _EITHER_COURSE.match(norm, m.end())
            before = norm[max(0, m.start() - 12) : m.start()]
            if (other and other.group("other") != word) or _COURSE_BEFORE.search(before):
                found.append(m)
                continue
        joined = _OR_NEXT.match(norm, m.end())
        if " " not in word and joined is not None and joined.end() in starts:
            found.append(m)
    return found
