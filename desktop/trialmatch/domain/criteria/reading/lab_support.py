"""How a count may or may not be reached: "(transfusion allowed)", "without growth factor support", "(no blood
transfusion or G-CSF within 14 days)". Such a note is a property of the threshold: the patient file holds the
value, not whether it was reached with support, so a restricting note leaves a value that meets the bound to
the clinician and a relaxing one leaves a value below it.

A note is only recognised when every word of it is accounted for, so an unknown condition stays in the
sentence and sends it to review.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from trialmatch.domain.criteria.reading.numbers import TIME_UNIT, Quantity, find_quantities
from trialmatch.domain.criteria.reading.text import (
    Segment,
    Span,
    inside,
    leftover_words,
    parenthesised,
    word_set,
)

_SUPPORT = re.compile(
    r"transfus|growth\s+factor|g-?csf|colony[\s-]+stimulat|erythropoie|epoetin|(?<![a-z])esas?(?![a-z])|filgrastim"
    r"|hydroxy(?:urea|carbamide)|leukapheresis|cytoreduction|blood\s+products?|hematopoietic\s+stimul"
    r"|haematopoietic\s+stimul|(?<![a-z])(?:un)?support(?:ed|ive)?(?![a-z])|epogen|hepatoprotect"
)
_RESTRICTING = re.compile(
    r"(?<![a-z])(?:without|no|not|non|independent|independence|cannot|unsupported|absence|never|since)(?![a-z])"
    r"|(?<![a-z])(?:prior\s+to\s+(?:any\s+)?|pre-?\s?)transfus"
)
"""Words that hold the value to no support; "(prior to transfusions)", "pretransfusion": the value before any
transfusion raised it."""
_RELAXING = re.compile(r"(?<![a-z])(?:allowed|permitted|acceptable|accepted|may|can)(?![a-z])")
_TRAILING_SUPPORT = re.compile(
    r"(?<![a-z])(?:(?:without|not\s+requiring|independent\s+of|in\s+the\s+absence\s+of"
    r"|transfusion[\s-]+independent|unsupported)(?![a-z])|no\s+(?=(?:[a-z]+\s+){0,3}?(?:transfus|growth|g-?csf|blood)))"
)
""""Without transfusion support", and "unsupported" before the count it qualifies ("ANC ≥ 1000 and
unsupported platelet count ≥ 50,000": without transfusion support)."""
_CORRECTED = re.compile(r"\(\s*corrected\s*\)")
""""Hb: > 10 g/dl (corrected)": the value after correction (transfusion) counts, a note that relaxes."""
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
    period assessment examination correction corrected stimuli stimulating drugs drug under hematology
    haematology epogen recombinant human pretransfusion gms hepatoprotective hepatoprotectant
    hepatoprotectants
    """
)


@dataclass(frozen=True, slots=True)
class SupportNote:
    """A note on support the threshold may or may not be reached with; ``relaxing`` when it is allowed.
    Support raises a count; hepatoprotective drugs ("no hepatoprotective drugs within 7 days") lower liver
    tests, see ``lowers``.

    ``shared``: the note is a clause of its own after the thresholds ("Platelets ≥ 75,000/mm^3; platelet
    transfusions ... are not allowed within seven days before study enrollment") or says what the patient
    must not have received, so it holds for every threshold before it, not only the last."""

    span: Span
    relaxing: bool
    text: str
    """As printed, without brackets."""
    shared: bool = False
    corrected: bool = False
    """ "(corrected)": the value may be reached by correcting it, which only a count or haemoglobin can be by
    support; the lab reader keeps the note only there."""

    @property
    def lowers(self) -> bool:
        """Whether the support lowers the value (liver tests under hepatoprotective drugs)."""
        return "hepatoprotect" in self.text.lower()


_CLAUSE_START = re.compile(r"[;.]\s+(?=[a-z])")
""""...; platelet transfusions ...", ". It is not acceptable ...": where a clause of its own begins."""
_CLAUSE_END = re.compile(r";|\.\s|\.$")
_ABOUT_THE_PATIENT = re.compile(r"[(\[]\s*(?:the\s+)?(?:participants?|patients?|subjects?)(?![a-z])")
""""(participant must not have received any growth factor or blood transfusion within 7 days ...)": a note
about the patient, not about the value before it, holds for every threshold before it."""
_TIME_SPAN = re.compile(r"\s*-\s*" + TIME_UNIT)
""""a 7-day period": a number written with its time unit after a hyphen."""


def support_notes(segment: Segment, mentions: Sequence[int] = ()) -> list[SupportNote]:
    """Bracketed, trailing and clause-long support notes whose every word is support vocabulary, filler or a
    number; ``mentions`` (where analytes are named) end a trailing note that runs into the next threshold
    ("... without transfusion support Hemoglobin ≥ 9 g/dL")."""
    norm = segment.norm
    found: list[SupportNote] = []
    if "corrected" in norm[segment.start : segment.end]:
        found.extend(
            SupportNote(m.span(), True, "corrected (may be reached with transfusion)", corrected=True)
            for m in _CORRECTED.finditer(norm, segment.start, segment.end)
        )
    if not _SUPPORT.search(norm, segment.start, segment.end):
        return found
    for start, end in parenthesised(segment):
        if _SUPPORT.search(norm, start, end):
            shared = _ABOUT_THE_PATIENT.match(norm, start, end) is not None
            found.extend(replace(n, shared=shared) for n in _bracketed(segment, start, end))
    if segment.contains(";", ". "):
        found.extend(_clauses(segment, [n.span for n in found]))
    unbracketed = _ABBREVIATION.sub(lambda m: " " * len(m.group()), norm) if "(" in norm else norm
    for match in _TRAILING_SUPPORT.finditer(norm, segment.start, segment.end):
        if any(s <= match.start() < e for s, e in (n.span for n in found)):
            continue
        stop = _TRAILING_END.search(unbracketed, match.end(), segment.end)
        end = _before_next_threshold(segment, match.end(), stop.start() if stop else segment.end, mentions)
        if _SUPPORT.search(norm, match.start(), end):
            note = _note(segment, match.start(), end)
            if note:
                found.append(note)
    return found


def _bracketed(segment: Segment, start: int, end: int) -> list[SupportNote]:
    """The note in brackets, or one note per clause when every clause is one: "(without transfusion of red
    blood cells within 7 days ...; the use of recombinant human erythropoietin is permitted)" restricts one
    support and allows another."""
    cuts = [m.start() for m in re.finditer(";", segment.norm[start:end])]
    if cuts:
        bounds = [start, *(start + c for c in cuts), end]
        parts = [_note(segment, low, high) for low, high in pairwise(bounds)]
        if all(parts):
            return [p for p in parts if p]
    note = _note(segment, start, end)
    return [note] if note else []


def _clauses(segment: Segment, found: list[Span]) -> list[SupportNote]:
    """Clauses after the first that are support notes and hold no value but a time span: the first clause
    holds the thresholds, and a value in a later one may be a threshold of its own."""
    notes = []
    for begin in _CLAUSE_START.finditer(segment.norm, segment.start, segment.end):
        start = begin.end()
        stop = _CLAUSE_END.search(segment.norm, start, segment.end)
        end = stop.start() if stop else segment.end
        if inside((start, end), found) or not _SUPPORT.search(segment.norm, start, end):
            continue
        values = find_quantities(segment.norm[:end], segment.printed, start)
        if not all(is_time_span(segment, q) for q in values):
            continue
        note = _note(segment, start, end, values)
        if note:
            notes.append(replace(note, shared=True))
    return notes


def is_time_span(segment: Segment, quantity: Quantity) -> bool:
    """ "within 14 days", "a 7-day period": a value in a note that says when, not how much."""
    return bool(quantity.time_unit) or (
        quantity.comparator is None
        and quantity.unit_text is None
        and _TIME_SPAN.match(segment.norm, quantity.end) is not None
    )


def _before_next_threshold(segment: Segment, start: int, end: int, mentions: Sequence[int]) -> int:
    """Where a trailing note ends: before the analyte named ahead of the first value in it that is not a time
    span."""
    values = find_quantities(segment.norm[:end], segment.printed, start)
    first = next((q.start for q in values if not is_time_span(segment, q)), None)
    if first is None:
        return end
    return max((m for m in mentions if start <= m < first), default=end)


def _note(segment: Segment, start: int, end: int, values: list[Quantity] | None = None) -> SupportNote | None:
    """The note at ``start:end``, restricting or relaxing; None unless every word is support vocabulary,
    filler or one of its ``values`` (found here unless the caller has them)."""
    clause = Segment(segment.printed, segment.norm, start, end)
    if values is None:
        values = find_quantities(segment.norm[:end], segment.printed, start)
    if leftover_words(clause, [(q.start, q.end) for q in values], _SUPPORT_WORDS):
        return None
    text = segment.quote(start, end).strip("()[] ,;.")
    if text.lower() == "unsupported":
        text = "unsupported (without transfusion support)"
    if _RESTRICTING.search(segment.norm, start, end):
        return SupportNote((start, end), False, text)
    if _RELAXING.search(segment.norm, start, end):
        return SupportNote((start, end), True, text)
    return None
