"""How a count may or may not be reached: "(transfusion allowed)", "without growth factor support", "(no blood
transfusion or G-CSF within 14 days)". Such a note is a property of the threshold: the patient file holds the
value, not whether it was reached with support, so a restricting note leaves a value that meets the bound to
the clinician and a relaxing one leaves a value below it.

A note is only recognised when every word of it is accounted for, so an unknown condition stays in the
sentence and sends it to review.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from trialmatch.domain.criteria.numbers import find_quantities
from trialmatch.domain.criteria.text import Segment, Span, leftover_words, parenthesised, word_set

_SUPPORT = re.compile(
    r"transfus|growth\s+factor|g-?csf|colony[\s-]+stimulat|erythropoie|epoetin|(?<![a-z])esas?(?![a-z])|filgrastim"
    r"|hydroxy(?:urea|carbamide)|leukapheresis|cytoreduction|blood\s+products?|hematopoietic\s+stimul"
    r"|haematopoietic\s+stimul|(?<![a-z])(?:un)?support(?:ed|ive)?(?![a-z])"
)
_RESTRICTING = re.compile(
    r"(?<![a-z])(?:without|no|not|non|independent|independence|cannot|unsupported|absence|never|since)(?![a-z])"
)
_RELAXING = re.compile(r"(?<![a-z])(?:allowed|permitted|acceptable|accepted|may|can)(?![a-z])")
_TRAILING_SUPPORT = re.compile(
    r"(?<![a-z])(?:without|not\s+requiring|independent\s+of|in\s+the\s+absence\s+of|transfusion[\s-]+independent"
    r"|no\s+(?=(?:[a-z]+\s+){0,3}?(?:transfus|growth|g-?csf|blood)))(?![a-z])"
)
_TRAILING_END = re.compile(r"[;,()\[\]]|\.\s|\.$")
_ABBREVIATION = re.compile(r"\(\s*[a-z0-9+-]{1,8}\s*\)")
""""without the use of red blood cell (RBC) transfusion within ...": an abbreviation in brackets does not end
the note."""
_SUPPORT_WORDS = word_set(
    """
    transfusion transfusions transfused transfuse transfusion-independent blood red cell cells rbc rbcs prbc
    packed platelet platelets growth factor factors support supportive supported unsupported g csf gcsf gm
    granulocyte granulocytes colony stimulating stimulation stimulator stimulators erythropoiesis
    erythropoietin erythropoietic epoetin darbepoetin alfa esa esas filgrastim pegfilgrastim hematopoietic
    haematopoietic hydroxyurea hydroxycarbamide leukapheresis cytoreduction wbc products product agent
    agents therapy treatment treatments use used using without no not non independent independence dependent
    dependence requiring required require allowed permitted permissible acceptable accepted may can cannot
    could been achieve achieved meet reach reached maintain exceed this level criterion requirement hb hgb
    hemoglobin haemoglobin recent recently last past previous preceding days day weeks week wk wks months
    month hours hour h hrs pre prestudy absence note other intervention interventions help eligibility drawn
    sampling sample but given receive received receiving administration during up since transfusional
    period assessment examination
    """
)


@dataclass(frozen=True, slots=True)
class SupportNote:
    """A note on support the threshold may or may not be reached with; ``relaxing`` when it is allowed."""

    span: Span
    relaxing: bool
    text: str
    """As printed, without brackets."""


def support_notes(segment: Segment) -> list[SupportNote]:
    """Bracketed and trailing support notes whose every word is support vocabulary, filler or a number."""
    norm = segment.norm
    if not _SUPPORT.search(norm, segment.start, segment.end):
        return []
    found: list[SupportNote] = []
    for start, end in parenthesised(segment):
        if _SUPPORT.search(norm, start, end):
            note = _note(segment, start, end)
            if note:
                found.append(note)
    unbracketed = _ABBREVIATION.sub(lambda m: " " * len(m.group()), norm) if "(" in norm else norm
    for match in _TRAILING_SUPPORT.finditer(norm, segment.start, segment.end):
        if any(s <= match.start() < e for s, e in (n.span for n in found)):
            continue
        stop = _TRAILING_END.search(unbracketed, match.end(), segment.end)
        end = stop.start() if stop else segment.end
        if _SUPPORT.search(norm, match.start(), end):
            note = _note(segment, match.start(), end)
            if note:
                found.append(note)
    return found


def _note(segment: Segment, start: int, end: int) -> SupportNote | None:
    clause = Segment(segment.printed, segment.norm, start, end)
    values = [(q.start, q.end) for q in find_quantities(segment.norm[:end], segment.printed, start)]
    if leftover_words(clause, values, _SUPPORT_WORDS):
        return None
    text = segment.quote(start, end).strip("()[] ,;.")
    if _RESTRICTING.search(segment.norm, start, end):
        return SupportNote((start, end), False, text)
    if _RELAXING.search(segment.norm, start, end):
        return SupportNote((start, end), True, text)
    return None
