"""A PSA limit listed under a heading that defines a prostate cancer risk group or the diagnosis ("Patient has
been classified as favorable risk as defined by the following:" "PSA ≤ 10.0 ng/mL", "Diagnosed with
low/intermediate-risk prostate cancer:" "PSA < 20 ng/ml") is the PSA at diagnosis: risk groups (NCCN, D'Amico)
are set on the pre-treatment value, which hormone therapy, surgery or radiotherapy later move. Compared with
today's value it failed the castration-resistant patient whose PSA has since risen; it is put at that time
(``AtTime.timepoint``) and judged unknown, asking for the PSA at diagnosis.

Only PSA moves: a Gleason score or a T category is not a value that changes with treatment. A heading about
the disease as it is now ("Castration resistance, demonstrated by", "PSA progression defined as", "rising
PSA") keeps today's value, as does a limit with its own time or draw window, and the risk of getting the
cancer ("men at high risk of prostate cancer"), which is a screening value.
"""

from __future__ import annotations

import re

from trialmatch.domain.criteria.lab import LabThreshold
from trialmatch.domain.criteria.logic import leaves, map_leaves
from trialmatch.domain.criteria.registry import Rule

AT_DIAGNOSIS = "at diagnosis"
_PSA = "psa"

_DEFINES_THE_DIAGNOSIS = re.compile(
    r"(?<![a-z])(?:(?:very\s+)?(?:low|intermediate|high|favou?rable|unfavou?rable)[\s-]+risk"
    r"|risk\s+(?:group|category|criteria)"
    r"|at\s+(?:the\s+time\s+of\s+)?(?:initial\s+|original\s+)?diagnosis)(?![a-z])"
)
""""favorable risk", "low/intermediate-risk", "Intermediate- or high-risk PCa", "at high risk for relapse",
"the following risk criteria", "at the time of diagnosis": a risk group, or the diagnosis itself."""
_NOW = re.compile(
    r"(?<![a-z])(?:castrat\w*|hormone[\s-]+refractory|androgen[\s-]+independent|progress\w*|ris(?:e|es|ing)"
    r"|increas\w*|nadir|biochemical|persistent|doubling)(?![a-z])"
    r"|(?<![a-z])risk\s+(?:of|for)\s+(?:developing|having|prostate|pca)(?![a-z])"
)
""""Castration resistance, demonstrated by", "PSA progression defined as", "rising PSA", "biochemical
recurrence": the disease as it is now; "at high risk of prostate cancer": men not yet diagnosed."""


def with_diagnosis_timepoint(rule: Rule, context: str) -> Rule:
    """``rule`` with its PSA limits put at diagnosis when the heading it is listed under defines a risk group
    or the diagnosis, and says nothing of the disease now; any other rule as it is."""
    if not any(isinstance(part, LabThreshold) and part.analyte == _PSA for part in leaves(rule)):
        return rule
    low = context.lower()
    if not _DEFINES_THE_DIAGNOSIS.search(low) or _NOW.search(low):
        return rule
    return map_leaves(rule, _at_diagnosis)


def _at_diagnosis(part: Rule) -> Rule:
    """A PSA limit of today's value, in ng/mL and drawn at no stated time, put at diagnosis."""
    if (
        isinstance(part, LabThreshold)
        and part.analyte == _PSA
        and not part.timepoint
        and not part.relative
        and part.within_days is None
        and part.multiple_of is None
    ):
        return part.model_copy(update={"timepoint": AT_DIAGNOSIS})
    return part
