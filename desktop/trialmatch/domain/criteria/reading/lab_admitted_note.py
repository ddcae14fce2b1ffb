"""A sentence of an exclusion that admits only patients its thresholds never excluded: "(Patients with HBV-DNA
< 2000 IU/mL can be enrolled, but should be administered antiviral drugs ... during the treatment.)" after
"Active hepatitis B virus (serum HBV-DNA ≥ 2000 IU/mL)", "Participants with hypertension can enroll provided
BP is stable and controlled by anti-hypertensive treatment." after the pressures that define uncontrolled
hypertension.

The value it admits is the other side of a threshold read beside it, or a pressure controlled by treatment,
which the pressure thresholds define as below them (one above is not controlled). It changes no verdict, so
the item is read without it. What it asks of the admitted patients during the study (to be treated, to be
monitored) is the conduct of the study, not a condition of entry. Any other permission may relax the item,
and leaves it for review.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from trialmatch.domain.criteria.lab import BLOOD_PRESSURES, LabThreshold
from trialmatch.domain.criteria.logic import leaves
from trialmatch.domain.criteria.reading.read_labs import read_labs
from trialmatch.domain.criteria.reading.text import Segment
from trialmatch.domain.criteria.registry import Rule
from trialmatch.domain.trial import Section

_CUES = ("enrol", "participat", "included", "eligible")
_WHO = (
    r"[(\[]?\s*(?:note\s*:\s*)?(?:however,?\s+)?(?:the\s+)?(?:patients|subjects|participants|those)\s+with\s+"
)
_ADMITTED = (
    r"\s+(?:can|may|could)\s+(?:also\s+|still\s+)?(?:be\s+(?:enrolled|included|eligible)|enrol{1,2}"
    r"|participate(?:\s+in\s+(?:this|the)\s+(?:study|trial))?)"
)
CONDUCT = (
    r"(?:\s*,?\s*(?:but|however|and)\s*,?\s*(?:should|must|will)\s+(?:have\s+been\s+|be\s+)?"
    r"(?:administered|given|treated|monitored|followed)(?![a-z])[^;()]*?(?:during|throughout)\s+(?:the\s+)?"
    r"(?:study|trial|treatment)[^;()]*?)?"
)
_COMPLEMENT = re.compile(_WHO + r"(?P<value>[^,;()]+?)" + _ADMITTED + CONDUCT + r"\s*\.?\s*[)\]]?\s*\.?\s*$")
_CONTROLLED = re.compile(
    _WHO
    + r"(?:(?:well[\s-]|medically\s+)?controlled\s+)?hypertension"
    + _ADMITTED
    + r"\s+(?:provided|if|as\s+long\s+as)"
    r"\s+(?:the\s+)?(?:bp|blood\s+pressure|it)\s+is\s+(?:stable\s+and\s+)?(?:well\s+)?controlled\s+(?:by|with|on)\s+"
    r"(?:anti-?\s?hypertensive\s+)?(?:treatment|therapy|medications?|drugs?)\s*\.?\s*[)\]]?\s*\.?\s*$"
)


def may_admit(part: Segment) -> bool:
    """A cheap test before ``admits_the_unexcluded``."""
    return part.contains(*_CUES)


def admits_the_unexcluded(part: Segment, others: Sequence[Rule]) -> bool:
    """Whether the exclusion's sentence admits only patients its other sentences' rules never exclude."""
    thresholds = [leaf for rule in others for leaf in leaves(rule) if isinstance(leaf, LabThreshold)]
    if part.contains("hypertension") and _CONTROLLED.fullmatch(part.norm, part.start, part.end):
        return any(t.analyte in BLOOD_PRESSURES and t.comparator.is_lower_bound for t in thresholds)
    match = _COMPLEMENT.fullmatch(part.norm, part.start, part.end)
    if match is None:
        return False
    read = read_labs(part.sub(*match.span("value")), Section.INCLUSION)
    admitted = read.rule if read is not None else None
    if not isinstance(admitted, LabThreshold) or admitted.exceptions or admitted.qualifier:
        return False
    return any(
        (t.analyte, t.value, t.unit, t.multiple_of, t.comparator.opposite)
        == (admitted.analyte, admitted.value, admitted.unit, admitted.multiple_of, admitted.comparator)
        for t in thresholds
    )
