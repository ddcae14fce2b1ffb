"""An earlier episode of the disease the patient may have now: "No history of previous metastatic disease".

NCT03955198 takes stage IV patients with a first oligometastatic presentation: "previous" metastatic disease
is an episode before the current one. Read as plain metastatic disease, the criterion failed every metastatic
patient the trial is for. The patient file records whether metastases are present, not whether there were
earlier ones: "previous" stays on the finding as a narrowing the clinician confirms, so a present metastatic
disease is unknown, an absent one still passes. Only the disease as a whole: "No prior brain metastases" is
a site the patient either had or not, and "prior or current metastatic disease" says both times itself.
"""

from __future__ import annotations

import re

from trialmatch.domain.criteria.reading.text import Segment
from trialmatch.domain.lexicon import Concept

_EARLIER = re.compile(r"(?<![a-z])(?:previous|prior|earlier)(?=\s+$)")
_CURRENT_DISEASE = frozenset({"metastatic_disease"})
"""Concepts a cancer patient's file records as the disease now, which a trial may require at the same time."""


def earlier_episode(segment: Segment, main: list[tuple[int, int, Concept]]) -> list[re.Match[str]]:
    """ "previous" right before a mention of the disease now, one match per such mention."""
    if not segment.contains("previous", "prior", "earlier"):
        return []
    return [
        match
        for start, _, concept in main
        if concept.id in _CURRENT_DISEASE
        and (match := _EARLIER.search(segment.norm, max(segment.start, start - 12), start)) is not None
    ]
