"""A time window printed after an item of a list: "Myocardial infarction, unstable angina or QTcF > 470
ms within 6 months prior to randomization".

Read item by item, the window stayed with the last item only, and a myocardial infarction years ago excluded
the patient. Whether the window binds every item or the last only, the trial does not say; on a finding it is
kept as an unchecked narrowing, so a patient with the finding goes to the clinician and one without it is
decided either way. A finding that states its own window keeps it.
"""

from __future__ import annotations

import re

from trialmatch.domain.criteria.finding import FindingException, FindingRule
from trialmatch.domain.criteria.logic import AllOf, AnyOf
from trialmatch.domain.criteria.reading.text import Segment, Span, parenthesised
from trialmatch.domain.criteria.registry import Rule

_COUNT = r"(?:\d+|one|two|three|four|six|twelve)"
_WINDOW = re.compile(
    rf"(?<![a-z])(?:(?:that\s+)?(?:occurred|occurring|diagnosed)\s+)?(?:within|in|during)\s+(?:the\s+)?"
    rf"(?:(?:last|past|previous|preceding|prior)\s+)?{_COUNT}\s*(?:days?|weeks?|months?|years?)"
    r"(?:\s+(?:prior\s+to|before|of|preceding|from)\s+[^,;()\[\]]*?)?(?=\s*(?:[,;.]|\s(?:and/or|or|and)\s|$))"
)
_MEASURED = re.compile(r"(?<![a-z])(?:measured|obtained|taken|collected|performed|done|drawn)\s+$")
"""A window said of a measurement dates the lab value before it, not the findings of the list."""
OWN_WINDOW = re.compile(r"(?<![a-z])(?:within|in\s+the\s+(?:last|past)|during|since)(?![a-z])")


def share_windows(rules: list[Rule], whole: Segment) -> list[Rule]:
    """The rules with each window closing an item as a narrowing on every finding before it that does not
    state its own: "Myocardial infarction or unstable angina within 6 months, or QTcF > 470 ms"."""
    if not whole.contains("within", " in ", "during"):
        return rules
    brackets = parenthesised(whole)
    for match in _WINDOW.finditer(whole.norm, whole.start, whole.end):
        if any(start <= match.start() < end for start, end in brackets):
            continue  # "(the most recent value within 4 weeks prior to screening)": about a value
        if _MEASURED.search(whole.norm, max(whole.start, match.start() - 12), match.start()):
            continue  # "a platelet count of < 30 x 10^9/L measured within 2 days prior to inclusion"
        text = whole.quote(*match.span()).strip(" .;")
        rules = [_narrowed(rule, text, match.span()) for rule in rules]
    return rules


def _narrowed(rule: Rule, text: str, window: Span) -> Rule:
    if isinstance(rule, AnyOf | AllOf):
        return rule.model_copy(
            update={"children": [_narrowed(child, text, window) for child in rule.children]}
        )
    if not isinstance(rule, FindingRule) or rule.source_span[1] >= window[0]:
        return rule
    if any(OWN_WINDOW.search(exception.text.lower()) for exception in rule.exceptions):
        return rule
    narrowing = FindingException(concept=None, text=text, source_span=window)
    return rule.model_copy(update={"exceptions": [*rule.exceptions, narrowing]})
