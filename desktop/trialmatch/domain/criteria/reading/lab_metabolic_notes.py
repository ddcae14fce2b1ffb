"""Words beside metabolic and body-size thresholds that do not change them: a specimen prefix of Nordic lab
names ("fP-triglycerides", "fP total cholesterol": fasting plasma), the purpose of a weight limit ("Weight
greater than 25 kg is necessary for apheresis"), and a note that patients excluded by an abnormal value may be
screened again later ("volunteers with abnormal TSH values will be re-considered for participation after
follow-up evaluation ..."); and when or how a body-size or metabolic value is taken, in wordings
``lab_timing`` does not hold: "within 3 months prior to trial", "during examination", "upon initial
confinement" (the check-in of a phase 1 unit), "after rounded to the nearest tenth".

The prefix names the sample the analyte is measured in, which the analyte's name already implies (a urine
prefix would not, and is left out). The purpose says why the limit is set, not for whom. A later
re-screening is a new value in the patient file, so today's value is still judged against the limit. The
visit and the rounding are how the value in the file was obtained. Each is claimed only where it stands as a
whole; anything else in the sentence is left to the reader.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from trialmatch.domain.criteria.reading.text import Segment, Span

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


_WHEN = re.compile(
    r"(?<![a-z])(?:within|in\s+the\s+(?:last|past))\s+(?:\d+|one|two|three|four|six|twelve)\s*(?:days?|weeks?|months?)"
    r"\s+(?:prior\s+to|before)\s+(?:the\s+)?trial(?![a-z])"
    r"|(?<![a-z])during\s+(?:the\s+)?examination(?![a-z])"
    r"|(?:,?\s*and\s+)?(?<![a-z])upon\s+(?:initial\s+)?(?:confinement|check-?in)(?![a-z])"
    r"|(?<![a-z])(?:after\s+(?:being\s+)?)?rounded\s+(?:off\s+)?to\s+the\s+nearest\s+(?:tenth|whole\s+number|integer)"
    r"(?![a-z])"
)
""""within 3 months prior to trial", "during examination", "and upon initial confinement", "after rounded to
the nearest tenth"."""
_WHEN_CUES = ("trial", "examination", "confinement", "check", "rounded")


def metabolic_notes(segment: Segment, mentions: Sequence[int]) -> list[Span]:
    """The spans of specimen prefixes right before an analyte named at ``mentions``, of a purpose ending the
    sentence, of a re-screening note ending it and of the visit or rounding the value is taken at."""
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
    if segment.contains(*_WHEN_CUES):
        spans += [m.span() for m in _WHEN.finditer(norm, segment.start, segment.end)]
    return spans
