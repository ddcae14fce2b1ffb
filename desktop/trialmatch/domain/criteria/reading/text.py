"""The criterion text as readers see it: spans, parentheses, top-level splits and the leftover check.

A reader claims the spans it understood; whatever it did not claim must be filler ("serum", "patients with",
"at screening"), or the reading is incomplete and the criterion goes to review. That check is what keeps a
half-read sentence from failing a patient.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from trialmatch.domain.criteria.reading.name_numbers import in_a_name, name_spans
from trialmatch.domain.criteria.reading.numbers import WORD_NUMBER, normalise

if TYPE_CHECKING:
    from trialmatch.domain.criteria.registry import Rule

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Segment:
    """A stretch of the criterion: ``norm`` and ``printed`` hold the whole text, [start, end) the part."""

    printed: str
    norm: str
    start: int
    end: int

    @classmethod
    def of(cls, text: str) -> Segment:
        return cls(text, normalise(text), 0, len(text))

    @property
    def text(self) -> str:
        """The normalised text of the stretch."""
        return self.norm[self.start : self.end]

    @property
    def span(self) -> Span:
        return (self.start, self.end)

    def sub(self, start: int, end: int) -> Segment:
        """A sub-stretch, trimmed of surrounding spaces and punctuation."""
        while start < end and self.norm[start] in _TRIM:
            start += 1
        while end > start and self.norm[end - 1] in _TRIM:
            end -= 1
        return Segment(self.printed, self.norm, start, end)

    def contains(self, *parts: str) -> bool:
        """Whether the normalised stretch holds any of ``parts``: a cheap test before a pattern that can
        only match where one of them is written."""
        return any(map(self.text.__contains__, parts))

    def quote(self, start: int | None = None, end: int | None = None) -> str:
        """The printed text of the stretch (or of a part of it), spaces collapsed, for messages."""
        part = self.printed[self.start if start is None else start : self.end if end is None else end]
        return " ".join(part.split())


_TRIM = " \t\n\r.,;:-*•"

ALTERNATIVE_END = r"(?<![a-z])(?:or|and\s*/\s*or)\W*$"
ALTERNATIVE_START = r"^\W*(?:or|and\s*/\s*or)(?![a-z])"
""""Creatinine ≤ 1.5 mg/dL OR", "OR - a 24 hour urine creatinine clearance ≥ 70": an item printed as one of
several alternatives (lower-case text)."""


def word_set(text: str) -> frozenset[str]:
    """The words of a whitespace-separated list: filler vocabularies read best as prose blocks."""
    return frozenset(text.split())


FILLER = word_set(
    """
    a an the of and or is are be been being must should shall will would have has had having with for to in on
    at as by per than that this these those which who whom whose its it their his her they he she we
    patient patients participant participants subject subjects individual individuals person persons people
    also any all each both either only following follows defined define e g eg i ie etc
    study screening baseline time visit entry enrollment enrolment registration randomization randomisation
    inclusion initiation start starting first dose treatment prior before within
    documented known confirmed adequate sufficient required requirement requirements criteria criterion
    level levels value values count counts concentration serum plasma blood total absolute
    laboratory lab labs test tests testing result results parameter parameters function functions
    institutional obtained performed measured assessed evaluated determined done
    hematologic haematologic hematological haematological hepatic renal bone marrow organ organs liver kidney
    """
)
"""Words that carry no condition of their own in any criterion kind."""

_WORD = re.compile(r"[a-z0-9µ%']+")


def leftover_words(
    segment: Segment, claimed: Iterable[Span], extra_filler: frozenset[str] = frozenset()
) -> list[str]:
    """The words of ``segment`` outside every claimed span that are not filler; empty means fully read."""
    spans = sorted((max(s, segment.start), min(e, segment.end)) for s, e in claimed)
    names = name_spans(segment.norm)
    words: list[str] = []
    cursor = segment.start
    for s, e in [*spans, (segment.end, segment.end)]:
        if s > cursor:
            words += [
                bare
                for word in _WORD.finditer(segment.norm, cursor, s)
                if (bare := word.group().strip("'"))
                and bare not in FILLER
                and bare not in extra_filler
                and not (
                    names and bare.isdigit() and in_a_name(names, *word.span(), silent=True)
                )  # "(2015 edition)"
            ]
        cursor = max(cursor, e)
    return words


_LETTERS = re.compile(r"[a-z]+")


def words_of(segment: Segment) -> frozenset[str]:
    """The runs of letters in the segment ("ecog1" gives "ecog"): the words a pattern bounded by
    ``(?<![a-z])`` and ``(?![a-z])`` can match. Readers test their cue words against it before searching,
    and the readers of one segment share it."""
    return _words_between(segment.norm, segment.start, segment.end)


@lru_cache(maxsize=16)
def _words_between(norm: str, start: int, end: int) -> frozenset[str]:
    return frozenset(_LETTERS.findall(norm, start, end))


_DIGIT = re.compile(r"\d")
_NUMBER_WORD = re.compile(WORD_NUMBER + r"|(?<![a-z])(?:twice|double)(?![a-z])")


def holds_digit(segment: Segment) -> bool:
    """Whether a digit is printed in the segment: readers of numbers need one before anything else."""
    return _DIGIT.search(segment.norm, segment.start, segment.end) is not None


def may_hold_quantity(segment: Segment) -> bool:
    """False when ``numbers.find_quantities`` cannot find a quantity starting in the segment.

    Every quantity holds a digit, a number word or "twice"/"double"; most criteria hold none, and the
    quantity pattern is the dearest one a reader runs.
    """
    return holds_digit(segment) or _NUMBER_WORD.search(segment.norm, segment.start, segment.end) is not None


_BRACKET = re.compile(r"[(\[\])]")


def parenthesised(segment: Segment) -> list[Span]:
    """Top-level ( ) and [ ] groups inside the segment, brackets included; unbalanced ones are ignored.

    Only the brackets are visited (found by regex): most criteria have none, and every reader asks.
    """
    groups: list[Span] = []
    depth = 0
    opened = 0
    for bracket in _BRACKET.finditer(segment.norm, segment.start, segment.end):
        if bracket.group() in "([":
            if depth == 0:
                opened = bracket.start()
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                groups.append((opened, bracket.end()))
    if depth == 1 and _CLOSED_INSIDE.search(segment.norm, opened, segment.end):
        groups.append((opened, segment.end))
    return groups


_CLOSED_INSIDE = re.compile(r"\(\s*[a-z0-9+-]{1,10}\s*\)[\s.;,]*$")
""" "(unless due to immune thrombocytopenic purpura (ITP)": a bracket left open to the end of the item, which
ends with an abbreviation in brackets; the registry dropped the second closing bracket, and the group runs to
the end. A longer bracket at the end ("(patients with ITP ≥ 30,000 (abnormalities allowed if ...)") may be
the open one's sibling: not repaired."""


def inside(span: Span, groups: Iterable[Span]) -> bool:
    return any(g[0] <= span[0] and span[1] <= g[1] for g in groups)


def masked(segment: Segment, spans: Iterable[Span]) -> Segment:
    """The segment with spans blanked out of its normalised text (indices kept), so no reader sees them."""
    norm = segment.norm
    for start, end in spans:
        norm = norm[:start] + " " * (end - start) + norm[end:]
    return Segment(segment.printed, norm, segment.start, segment.end)


def split_top_level(segment: Segment, separator: re.Pattern[str]) -> list[tuple[Segment, str]]:
    """Split at ``separator`` outside brackets: each part with the separator text that preceded it."""
    groups = parenthesised(segment)
    parts: list[tuple[Segment, str]] = []
    cursor = segment.start
    joiner = ""
    for match in separator.finditer(segment.norm, segment.start, segment.end):
        if inside((match.start(), match.end()), groups):
            continue
        part = segment.sub(cursor, match.start())
        if part.start < part.end:
            parts.append((part, joiner))
        joiner = match.group(0).strip()
        cursor = match.end()
    last = segment.sub(cursor, segment.end)
    if last.start < last.end:
        parts.append((last, joiner))
    return parts


_SENTENCE_END = re.compile(
    r"(?<=[A-Za-z0-9%)\]])\.\s+\.?(?=[A-Z(])|;\s+|\s+(?=[Nn]ote\s*:)|(?<=\S)\s+•\s*(?=\S)"
)
_SENTENCE_MARKS = (".", ";", "ote", "•")
"""One of them is in every sentence end: most items have none, and need no search for one."""
_ABBREVIATION_END = re.compile(r"(?:^|\s)(?:e\.g|i\.e|vs|approx|no|dr|incl)$|(?:^|[:;]\s*)[a-h]$")
"""Also a list letter opening an item or after a heading ("criteria: A. Hb ≥ 90 g/L; B. ANC ..."): the mark
ends no sentence."""


def sentences(segment: Segment) -> list[Segment]:
    """Sentences of the segment: ". " before a capital, or "; " — never inside brackets.

    Decimal points ("1.5 x ULN") and abbreviations followed by lower case ("e.g. liver") do not split.
    """
    if not any(segment.printed.find(mark, segment.start, segment.end) >= 0 for mark in _SENTENCE_MARKS):
        whole = segment.sub(segment.start, segment.end)
        return [whole] if whole.start < whole.end else []
    groups = parenthesised(segment)
    parts: list[Segment] = []
    cursor = segment.start
    for match in _SENTENCE_END.finditer(segment.printed, segment.start, segment.end):
        if inside((match.start(), match.end()), groups):
            continue
        before = segment.norm[max(segment.start, match.start() - 4) : match.start()]
        if _ABBREVIATION_END.search(before):
            continue
        parts.append(segment.sub(cursor, match.start()))
        cursor = match.end()
    parts.append(segment.sub(cursor, segment.end))
    return [p for p in parts if p.start < p.end]


@dataclass(frozen=True, slots=True)
class Read:
    """A reader's answer for a segment it recognised: the rule when read fully, else the problem found."""

    rule: Rule | None
    problem: str | None = None

    @classmethod
    def failed(cls, problem: str) -> Read:
        return cls(None, problem)
