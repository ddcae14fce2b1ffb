"""Reader for a New York Heart Association class written as an upper limit in an inclusion: "NYHA class < 3",
"NYHA class ≤ II", "NYHA grade less than III", and such a limit opening a run of heart limits printed
without separators, as a heading's lines are joined: "NYHA class <3 Left ventricular ejection fraction (LVEF)
≥50% QTc interval ≤450 ms".

A class below a limit admits the patients without heart failure and those whose heart failure is of a lower
class: it refuses heart failure of the limit's class or above. Read so, as ``read_nyha`` reads "No NYHA class
III or IV", the class is kept as the printed narrowing of the refused heart failure: a patient without heart
failure passes, one with heart failure goes to the clinician with the class to check (the patient file holds
no NYHA class). In an exclusion an upper limit would exclude the patients without heart failure: not read.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from trialmatch.domain.criteria.finding import FindingException, FindingRule
from trialmatch.domain.criteria.logic import all_of_merged, reads_with_threshold
from trialmatch.domain.criteria.reading.finding_grades import NYHA_LEVEL, NYHA_NAME
from trialmatch.domain.criteria.reading.text import Read, Segment
from trialmatch.domain.criteria.registry import Rule
from trialmatch.domain.trial import Section

ReadPart = Callable[[Segment, Section], Rule | None]

_BELOW = re.compile(
    rf"(?:the\s+)?{NYHA_NAME}\s*(?:(?:(?:cardiac|heart)\s+)?function(?:al)?\s+)?(?:class|grade)?\s*"
    rf"(?:<|≤|<=|less\s+than|lower\s+than|below)\s*(?:class\s*|grade\s*)?{NYHA_LEVEL}"
)
""""NYHA class <3", "New York Heart Association functional class ≤ II", "NYHA grade less than III"."""


def read_nyha_below(segment: Segment, section: Section) -> Read | None:
    """Heart failure of the class at or above the limit refused, for an inclusion's segment that is the limit
    alone; None for any other segment."""
    if section is not Section.INCLUSION or not segment.contains("nyha", "new york"):
        return None
    match = _BELOW.match(segment.norm, segment.start, segment.end)
    if match is None or segment.norm[match.end() : segment.end].strip(" .;,"):
        return None
    return Read(_refused(segment, match.end()))


def read_nyha_beside_labs(segment: Segment, section: Section, read_part: ReadPart) -> Read | None:
    """ "NYHA class <3 LVEF ≥50% QTc interval ≤450 ms": the class limit and the lab limits that follow it,
    all required; None unless the rest reads fully with a threshold."""
    if section is not Section.INCLUSION or not segment.contains("nyha", "new york"):
        return None
    match = _BELOW.match(segment.norm, segment.start, segment.end)
    if match is None:
        return None
    rest = segment.sub(match.end(), segment.end)
    if not rest.text:
        return None
    limits = read_part(rest, section)
    if limits is None or not reads_with_threshold(limits):
        return None
    return Read(all_of_merged([_refused(segment, match.end()), limits], segment.span))


def _refused(segment: Segment, end: int) -> FindingRule:
    narrowing = FindingException(
        concept=None, text=segment.quote(segment.start, end).strip(" .;,"), source_span=(segment.start, end)
    )
    return FindingRule(
        source_span=(segment.start, end), concept="heart_failure", present=False, exceptions=[narrowing]
    )
