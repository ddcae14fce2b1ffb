"""What prostate trials print around a testosterone limit: how the castrate level must be reached ("Surgically
or medically castrated, with serum testosterone ≤ 50 ng/dL", "< 1.7 nmol/L on GnRH agonist or antagonist
therapy or after bilateral orchiectomy"), how it must be confirmed ("on two successive blood draws before
9:00 am", "(any one measurement > 50 ng/dL suffices for inclusion)"), the therapy the study asks to continue
("Participants who have not undergone bilateral orchiectomy must continue GnRH therapy during the study"), and
the same limit in nM ("≤ 50 ng/dL (1.73 nM)", checked to be that value).

The patient file holds today's testosterone, not how castration was reached nor earlier draws: the first two
are qualifiers (``lab_persistence.CourseNote``): a value past the limit is judged as usual, one within it is
left to the clinician with the note quoted. A therapy to continue on study asks nothing of the value at entry:
read as said.
"""

from __future__ import annotations

import re

from trialmatch.domain.criteria.reading.lab_persistence import CourseNote
from trialmatch.domain.criteria.reading.text import Segment, Span

_CASTRATED = re.compile(
    r"\s*(?P<note>(?:surgically\s+or\s+medically|medically\s+or\s+surgically)\s+castrated?)\s*,?\s*(?:with|and)\s+$"
)
""""Surgically or medically castrated, with": before the testosterone it qualifies."""
_THERAPY = (
    r"(?:(?:gonadotropin|gonadotrophin|luteini[sz]ing\s+hormone)[\s-]+releasing\s+hormone\s*"
    r"(?:[(\[]\s*(?:gnrh|lhrh)\s*[)\]]\s*)?|gnrh\s+|lhrh\s+)"
    r"(?:(?:agonists?|antagonists?|analogues?|analogs?)\s+(?:or\s+(?:agonists?|antagonists?)\s+)?)?"
    r"(?:therapy|treatment)"
    r"|(?:androgen\s+deprivation|adt)(?:\s+(?:therapy|treatment))?"
)
_AFTER = re.compile(
    r"\s*,?\s*(?P<note>(?:while\s+)?on\s+(?:" + _THERAPY + r")"
    r"(?:\s+or\s+(?:after|following)\s+(?:a\s+)?(?:bilateral\s+)?(?:surgical\s+)?orchi(?:d)?ectomy)?"
    r"|(?:on|in|from)\s+(?:two|2|three|3)\s+(?:successive|consecutive|separate)\s+(?:blood\s+draws|samples"
    r"|measurements|occasions)(?:\s+(?:before|prior\s+to)\s+\d{1,2}(?::\d\d)?\s*(?:am|a\.m\.))?"
    r"|(?<=[(\[])\s*any\s+one\s+measurement\s*(?:>|above|over|greater\s+than)\s*\d+(?:\.\d+)?\s*(?:ng/dl)?\s+"
    r"suffices\s+for\s+inclusion(?=\s*[)\]]))(?![a-z])"
)
""""on GnRH agonist or antagonist therapy or after bilateral orchiectomy", "on two successive blood draws
before 9:00 am", "(any one measurement > 50 ng/dL suffices for inclusion)": right after the limit they
qualify."""
_CONTINUED = re.compile(
    r"(?<![a-z])(?:for\s+(?:patients|participants|subjects)\s+(?:currently\s+)?(?:being\s+)?(?:treated\s+with|on)"
    r"\s+(?:" + _THERAPY + r"|(?:luteini[sz]ing\s+hormone[\s-]+releasing\s+hormone|lhrh|gnrh)[^.;]{0,30}?"
    r"analogu?e?s)[^.;]{0,80}?,\s*(?:the\s+|this\s+)?therapy\s+must\s+be\s+continued"
    r"|(?:patients|participants|subjects)\s+who\s+have\s+not\s+(?:undergone|had)\s+(?:an?\s+)?(?:bilateral\s+)?"
    r"(?:surgical\s+)?orchi(?:d)?ectomy\s+must\s+continue\s+(?:" + _THERAPY + r"))"
    r"\s+(?:throughout|during)\s+the\s+study\s*\.?"
)
""""For patients currently being treated with LHRH analogs (ie, patients who have not undergone an
orchiectomy), therapy must be continued throughout the study": what the study asks of them once in it."""
_IN_NANOMOLES = re.compile(
    r"(?P<ng>\d+(?:\.\d+)?)\s*ng/dl\s*(?P<bracket>[(\[]\s*(?P<nm>\d+(?:\.\d+)?)\s*nm\s*[)\]])"
)
_NG_PER_DL_IN_NMOL = 10 / 288.42
"""ng/dL to nmol/L for testosterone (molar mass 288.42 g/mol)."""
_CUES = (
    "castrat",
    " on ",
    "successive",
    "consecutive",
    "separate",
    "suffices",
    "continue",
    "nm",
)


def testosterone_notes(
    segment: Segment, mentions: list[tuple[int, int]]
) -> tuple[list[CourseNote], list[Span]]:
    """The qualifiers of the testosterone limits named at ``mentions`` (start, end), and the spans that ask
    nothing of the value (a therapy to continue on study, a restatement in nM)."""
    if not mentions or not segment.contains(*_CUES):
        return [], []
    norm = segment.norm
    notes: list[CourseNote] = []
    spans: list[Span] = []
    first = min(start for start, _ in mentions)
    castrated = _CASTRATED.match(norm, segment.start, first)
    if castrated:
        notes.append(CourseNote(castrated.span(), segment.quote(*castrated.span("note")), trailing=False))
    for _, end in mentions:
        for after in _AFTER.finditer(norm, end, segment.end):
            if _right_after_threshold(norm, end, after.start()):
                notes.append(CourseNote(after.span(), segment.quote(*after.span("note")), trailing=True))
                break
    spans += [m.span() for m in _CONTINUED.finditer(norm, segment.start, segment.end)]
    for restated in _IN_NANOMOLES.finditer(norm, segment.start, segment.end):
        nanomoles = float(restated["nm"])
        if abs(float(restated["ng"]) * _NG_PER_DL_IN_NMOL - nanomoles) <= 0.03 * nanomoles:
            spans.append(restated.span("bracket"))
    return notes, spans


_THRESHOLD = re.compile(
    r"(?:[^;:.]|\.(?=\d))*?\d\s*(?:(?:ng|pg|nmol|pmol|µg|mg)/(?:dl|ml|l)|nm)?[\s)\]]*[(\[]?\s*$"
)


def _right_after_threshold(norm: str, mention_end: int, note_start: int) -> bool:
    """Whether only the limit (with its brackets) stands between the testosterone named and the note."""
    return _THRESHOLD.match(norm, mention_end, note_start) is not None
