"""How a clearance or GFR may be obtained, in words that name no one method the patient's value must come
from: the Cockcroft-Gault formula printed out ("[(140 - Age) × Weight (kg) / (72 × serum creatinine (mg/dL));
multiply by 0.85 if female]") and a method offered beside any other ("(calculated by MDRD or any other
validated formula, see Appendix 13.4)").

The printed formula holds numbers (140, 72, 0.85) and a creatinine that are no thresholds; the lab reader
claims the bracket. A method "or any other validated formula" accepts the eGFR the patient file holds
(CKD-EPI): claimed whole, the method named in it is not set on the rule, so a value below the threshold
fails instead of being left to the clinician as if another formula were asked for.

"(using actual body weight)" is the weight the patient file's Cockcroft-Gault clearance is computed with
(``domain.derived.cockcroft_gault``); an ideal or adjusted body weight gives another clearance and stays for
review.
"""

from __future__ import annotations

import re

from trialmatch.domain.criteria.derived import RENAL_ANALYTES
from trialmatch.domain.criteria.reading.numbers import COMPARATOR
from trialmatch.domain.criteria.reading.text import Segment, Span, parenthesised

_FORMULA = re.compile(r"\(?\s*140\s*[-−–]\s*age\s*\)?")
""""(140 - Age)", the opening of the Cockcroft-Gault formula."""
_DIVISOR = re.compile(r"(?<![\d.])72(?![\d.])")
""""72 × creatinine", its divisor."""

_ANY_OTHER = re.compile(
    r"\s+or\s+(?:by\s+|using\s+)?(?:any\s+)?(?:other\s+)?(?:(?:validated|accepted|approved|standard|equivalent)\s+"
    r"(?:formulae?|formulas|equations?|methods?)|equivalent)(?![a-z])"
)
""""or any other validated formula", "or equivalent method": the method named before it is one of several."""
_APPENDIX = re.compile(
    r"\s*[,;]?\s*(?:\(\s*see\s+appendix\s+[a-z0-9.]+\s*\)|see\s+appendix\s+[a-z0-9]+(?:\.[a-z0-9]+)*)"
)
_BY = re.compile(
    r"(?<![a-z])(?:(?:as\s+)?(?:calculated|estimated|measured|determined|assessed)\s+)?(?:by|using|with|per|via"
    r"|according\s+to)(?![a-z])"
)
_CLAUSE = re.compile(r"[;()\[\]]|\.\s")

_INPUTS = re.compile(
    r"(?<![a-z])(?:from|based\s+on|using)\s+(?:the\s+)?(?:serum\s+|plasma\s+)?creatinine"
    r"(?:\s*\(\s*(?:mg\s*/\s*dl|µmol\s*/\s*l|umol\s*/\s*l)\s*\))?"
    r"(?P<others>(?:\s*(?:,|,?\s*and|&)\s*(?:age|race|sex|gender|ethnicity))*)(?![a-z])"
)
""""estimated GFR < 60 mL/min/1.73 m2 from serum creatinine (mg/dL) by the CKD-EPI equation", "MDRD equation
based on serum creatinine, age, race, and gender": what the equation is computed from, no creatinine
threshold; the patient file computes the value from the same inputs. A number right after the creatinine
alone is its threshold ("based on serum creatinine > 1.5 mg/dL"); after the list of inputs, it is the
equation's ("based on serum creatinine, age, race, and gender of > 60 cc/min")."""
_THRESHOLD_AFTER = re.compile(r"\s*(?:(?:of|is|level|levels|value|values)\s+)*(?:[\d.]|" + COMPARATOR + r")")
_ACTUAL_WEIGHT = re.compile(
    r"[(\[]\s*(?:using|with|based\s+on|per)\s+(?:the\s+)?(?:patient'?s\s+)?actual\s+(?:body\s+)?weight\s*[)\]]"
)
""""(using actual body weight)": the weight the file's clearance is computed with."""
_VARIABLES = re.compile(r"(?<![a-z0-9])(?:4|four)[\s-]*variables?\s+(?=mdrd|modification\s+of\s+diet)")
""""the 4 variable MDRD equation": which MDRD equation, the one the method names."""


def renal_method_spans(segment: Segment, analytes: frozenset[str]) -> list[Span]:
    """Where the segment prints the Cockcroft-Gault formula, offers a method beside any other, or names the
    inputs of the equation, for a clearance or GFR it names."""
    if not analytes & RENAL_ANALYTES:
        return []
    spans: list[Span] = []
    if segment.contains("140"):
        spans += _formulas(segment)
    if segment.contains(" other ", "validated", "equivalent", "accepted", "approved", "standard"):
        spans += _any_other(segment)
    if segment.contains("creatinine") and segment.contains("from", "based on", "using"):
        spans += [
            m.span()
            for m in _INPUTS.finditer(segment.norm, segment.start, segment.end)
            if m.group("others") or not _THRESHOLD_AFTER.match(segment.norm, m.end(), segment.end)
        ]
    if segment.contains("actual"):
        spans += [m.span() for m in _ACTUAL_WEIGHT.finditer(segment.norm, segment.start, segment.end)]
    if segment.contains("variable"):
        spans += [m.span() for m in _VARIABLES.finditer(segment.norm, segment.start, segment.end)]
    return spans


def _formulas(segment: Segment) -> list[Span]:
    """Top-level brackets holding the formula: its opening "(140 - age)" and its divisor 72."""
    found = []
    for start, end in parenthesised(segment):
        formula = _FORMULA.search(segment.norm, start + 1, end - 1)
        if formula and _DIVISOR.search(segment.norm, formula.end(), end - 1):
            found.append((start, end))
    return found


def _any_other(segment: Segment) -> list[Span]:
    """The bracket holding "<method> or any other validated formula", else the clause from "calculated by"
    to it that ends the segment; a reference to an appendix after it goes with it. Nothing when the bracket
    holds more than the method (a threshold, a condition), nor when words follow the clause: claimed, it
    would join the thresholds around it."""
    found = []
    brackets = parenthesised(segment)
    for match in _ANY_OTHER.finditer(segment.norm, segment.start, segment.end):
        end = match.end()
        appendix = _APPENDIX.match(segment.norm, end, segment.end)
        if appendix:
            end = appendix.end()
        bracket = next((b for b in brackets if b[0] < match.start() and match.end() <= b[1]), None)
        if bracket is not None:
            opened = segment.norm[bracket[0] + 1 : match.start()]
            rest = segment.norm[end : bracket[1] - 1]
            if _BY.match(opened.strip()) and not re.search(r"\d", opened) and not rest.strip(" .,;"):
                found.append(bracket)
            continue
        before = [*_BY.finditer(segment.norm, segment.start, match.start())]
        by = before[-1] if before else None
        if (
            by is None
            or _CLAUSE.search(segment.norm, by.end(), match.start())
            or segment.norm[end : segment.end].strip(" .,;")
        ):
            continue
        found.append((by.start(), end))
    return found
