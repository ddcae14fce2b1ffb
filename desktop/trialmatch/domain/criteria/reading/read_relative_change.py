"""A rise measured from the patient's own earlier value: "Rise in serum PSA greater than 50% of nadir
confirmed on 2 measurements 1 week apart", "CA-125 level must have at least doubled from baseline
determination", "Failure of androgen ablation (...) -Rise in PSA greater than 50% of nadir".

It is a threshold on today's value as a multiple of the nadir or baseline (> 1.5 × the nadir, ≥ 2 × the
baseline), which the patient file does not hold: the rule keeps the multiple with the value it is taken
of (``relative`` with ``timepoint``) and is judged unknown. A confirmation by repeated measurements, and the
therapy whose failure the rise defines, are kept as the qualifier, for the clinician to check. Only a
segment that is this statement whole is read.
"""

from __future__ import annotations

import re

from trialmatch.domain.criteria.base import Comparator
from trialmatch.domain.criteria.lab import LabThreshold
from trialmatch.domain.criteria.reading.read_labs import named_analytes
from trialmatch.domain.criteria.reading.text import Read, Segment

_CONFIRMED = (
    r"(?:\s*,?\s*(?P<confirm>confirmed\s+(?:on|by)\s+(?:2|two)\s+(?:consecutive\s+)?measurements\s+"
    r"(?:at\s+least\s+)?(?:\d+|one|two)\s+weeks?\s+apart))?\s*[.;]?"
)
_FAILED = r"(?:(?P<failed>failure\s+of\s+[^;:]{3,150}?)\s*(?:-|–|:)\s*)?"
""""Failure of androgen ablation (orchiectomy or LHRH, flutamide) -Rise in PSA ...": the therapy the rise
defines the failure of, kept with the confirmation for the clinician."""
_RISE = re.compile(
    _FAILED + r"(?:an?\s+)?(?:rise|increase)\s+(?:in|of)\s+(?P<name>[^,;()]{2,40}?)\s+"
    r"(?P<bound>greater\s+than|more\s+than|>|≥|of\s+at\s+least)"
    r"\s*(?P<percent>\d+(?:\.\d+)?)\s*%\s+(?:of|from|over|above)\s+(?:the\s+)?(?P<when>nadir|baseline)"
    r"(?:\s+(?:value|level))?" + _CONFIRMED
)
""""Rise in serum PSA greater than 50% of nadir": today's value above 1.5 × the nadir."""
_DOUBLED = re.compile(
    r"(?P<name>[^,;()]{2,40}?)\s+(?:must\s+have\s+|has\s+)?(?:at\s+least\s+)?doubled\s+from\s+(?:the\s+)?"
    r"(?P<when>nadir|baseline)(?:\s+(?:determination|value|level))?" + _CONFIRMED
)
""""CA-125 level must have at least doubled from baseline determination": ≥ 2 × the baseline."""
_QUALIFYING = ("failed", "confirm")
_LEVEL = re.compile(r"(?:\s+(?:levels?|values?))+$")


def read_relative_change(segment: Segment) -> Read | None:
    """The rise from nadir or baseline the segment states whole, on one test; None for any other segment."""
    if not segment.contains("nadir", "baseline"):
        return None
    rise = segment.contains("rise", "increase")
    if not rise and not segment.contains("doubled"):
        return None
    match = (_RISE if rise else _DOUBLED).fullmatch(segment.norm, segment.start, segment.end)
    if match is None:
        return None
    name = _LEVEL.sub("", match["name"])
    analytes = named_analytes(name)
    if len(analytes) != 1:
        return None
    if rise:
        value = 1 + float(match["percent"]) / 100
        comparator = Comparator.GE if match["bound"] in {"≥", "of at least"} else Comparator.GT
    else:
        value, comparator = 2.0, Comparator.GE  # "doubled" reaches twice the value, "at least" or not
    (analyte,) = analytes
    qualifying = [group for group in _QUALIFYING if match.groupdict().get(group)]
    return Read(
        LabThreshold(
            source_span=segment.span,
            analyte=analyte,
            comparator=comparator,
            value=value,
            timepoint=match["when"],
            relative=True,
            qualifier="; ".join(segment.quote(*match.span(g)) for g in qualifying) or None,
        )
    )
