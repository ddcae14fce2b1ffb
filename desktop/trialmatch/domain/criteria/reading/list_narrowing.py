"""A narrowing word that opens an "or" list binds the bare findings after it: "Uncorrectable thrombocytopenia
(Platelets under 50,000) or anemia" may mean uncorrectable anaemia, "Severe COPD or asthma" severe asthma.

The first item carries the word in its own reading (a qualifier on its thresholds, an exception on its
finding); a later finding read alone would lose it and fail every patient who has the finding in a milder
form. Kept as the finding's unchecked exception it leaves a present finding to the clinician, and a patient
without the finding is still decided, whichever way the sentence was meant.
"""

from __future__ import annotations

import re

from trialmatch.domain.criteria.finding import FindingException, FindingRule
from trialmatch.domain.criteria.reading.text import Segment
from trialmatch.domain.criteria.registry import Rule

_OPENING = re.compile(
    r"(?:uncorrectable|uncorrected|uncontrolled|poorly\s+controlled|refractory|severe|symptomatic"
    r"|clinically\s+significant|significant|serious|unstable|untreated)(?![a-z])"
)
_VERB = re.compile(r"requir|receiv|undergo|needs?(?![a-z])|needing|on(?![a-z])|history|prior|known")
""""Significant renal insufficiency or requires dialytic support": a later item that opens with a verb or a
time says something of its own, which an adjective cannot qualify."""


def share_opening_narrowing(whole: Segment, runs: list[tuple[str, Rule]]) -> list[tuple[str, Rule]]:
    """The runs, each bare finding after the first run given the list's opening narrowing word."""
    opening = _OPENING.match(whole.norm, whole.start, whole.end)
    if opening is None or len(runs) < 2:
        return runs
    exception = FindingException(
        concept=None, text=whole.quote(*opening.span()).strip(), source_span=opening.span()
    )
    shared: list[tuple[str, Rule]] = [runs[0]]
    for joiner, rule in runs[1:]:
        start = rule.source_span[0]
        if ";" in joiner or "and" in joiner or _VERB.match(whole.norm, start):
            return shared + runs[len(shared) :]  # "...; and HIV": a new item, which the word does not reach
        if isinstance(rule, FindingRule) and rule.present and not rule.exceptions:
            rule = rule.model_copy(update={"exceptions": [exception]})
        shared.append((joiner, rule))
    return shared
