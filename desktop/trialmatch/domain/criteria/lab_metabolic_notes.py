"""Words beside metabolic and body-size thresholds that do not change them: a specimen prefix of Nordic lab
names ("fP-triglycerides", "fP total cholesterol": fasting plasma), the purpose of a weight limit ("Weight
greater than 25 kg is necessary for apheresis"), and a note that patients excluded by an abnormal value may be
screened again later ("volunteers with abnormal TSH values will be re-considered for participation after
follow-up evaluation ...").

The prefix names the sample the analyte is measured in, which the analyte's name already implies (a urine
prefix would not, and is left out). The purpose says why the limit is set, not for whom. A later
re-screening is a new value in the patient file, so today's value is still judged against the limit. Each is
claimed only where it stands as a whole; anything else in the sentence is left to the reader.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from trialmatch.domain.criteria.text import Segment, Span

_PREFIX = re.compile(r"(?<![a-z0-9])(?:f[ps](?:-|\s+)|[psb]-)")
""""fP-", "fS-", "fP ", "P-", "S-", "B-": fasting plasma or serum, plasma, serum, whole blood."""
_PURPOSE = re.compile(
    r"\s*,?\s*(?:(?:which\s+)?(?:is|are)\s+)?(?:necessary|required|needed)\s+for\s+(?:the\s+)?"
    r"(?:leuk)?apheresis(?:\s+procedure)?\s*[.;]?\s*$"
)
""""is necessary for apheresis": the procedure the weight is needed for, said after the whole sentence."""
_RESCREENED = re.compile(
    r"[;,.]\s*(?:volunteers|patients|subjects|participants)\s+with\s+(?:an?\s+)?abnormal\s+[a-z0-9 -]{1,30}?"
    r"\s+values?\s+(?:will|may|can)\s+be\s+re-?\s?(?:considered|screened|evaluated|tested)"
    r"(?:\s+for\s+participation)?[^;.\d]*[;.]?\s*$"
)
""""; volunteers with abnormal TSH values will be re-considered for participation in the study after
follow-up evaluation by the PCP with initiation or adjustment of thyroid hormone replacement;": the last
clause, holding no number."""


def metabolic_notes(segment: Segment, mentions: Sequence[int]) -> list[Span]:
    """The spans of specimen prefixes right before an analyte named at ``mentions``, of a purpose ending the
    sentence and of a re-screening note ending it."""
    norm = segment.norm
    spans: list[Span] = []
    if segment.contains("p-", "s-", "b-", "fp ", "fs "):
        for start in mentions:
            prefix = _PREFIX.search(norm, max(segment.start, start - 3), start)
            if prefix and prefix.end() == start:
                spans.append(prefix.span())
    if segment.contains("apheresis"):
        purpose = _PURPOSE.search(norm, segment.start, segment.end)
        if purpose:
            spans.append(purpose.span())
    if segment.contains("abnormal") and segment.contains(" re"):
        rescreened = _RESCREENED.search(norm, segment.start, segment.end)
        if rescreened:
            spans.append(rescreened.span())
    return spans
