"""Reader for a GFR whose calculation method depends on the patient's age: "eGFR < 60 mL/min/1.73 m2 valuated
according to revised Bedside Schwartz Formula for patients between 2 and 17 years and with CKD-EPI Creatinine
2009 Equation for 18 years old patients", "eGFR < 60 mL/min/1.73m² (using the CKD-EPI formula [Levey et al,
2009] for age ≥18 years at screening; using the Bedside Schwartz [Schwartz and Work, 2009] eGFR formula for
age <18)".

The limit is one; the equation is the age band's. Read as one lab sentence, the ages were a time span the lab
reader could not place; read with one method, the other band's equation was dropped. So the item is one
reading per band, "the ages of the band and the limit by its equation", an AnyOf that reads the same in either
section (an exclusion excludes the patients of either band past the limit by their band's equation). The
bands must meet with no gap between them, and what is left once the methods and their bands are taken out
must read as one clearance or GFR limit naming no method. The children's equation is what makes a sentence
name methods per age, so only a sentence naming the Schwartz equation is tried.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise

from trialmatch.domain.criteria.age import AgeRule
from trialmatch.domain.criteria.derived import RENAL_ANALYTES, DerivedValueRule, Method
from trialmatch.domain.criteria.logic import AllOf, AnyOf
from trialmatch.domain.criteria.reading.read_labs import calculation_methods
from trialmatch.domain.criteria.reading.read_people import read_age_and_sex
from trialmatch.domain.criteria.reading.text import Segment, Span, masked
from trialmatch.domain.criteria.registry import Rule
from trialmatch.domain.trial import Section

_LEAD = re.compile(
    r"(?:(?:[;,]\s*|\s+and\s+)?(?:(?:e?valuated|calculated|estimated|assessed|measured)\s+)?"
    r"(?:according\s+to|using|with|by|per|via)\s+(?:the\s+)?)$"
)
""""valuated according to", "; using the", "and with": the words that open a method's clause."""
_FOR_BAND = re.compile(
    r"(?:\s*[(\[][^()\[\]]*?\d{4}\s*[)\]])?(?:\s+(?:egfr\s+)?(?:equation|formula))?\s+(?:for|in)\s+"
    r"(?P<who>[^;()\[\]]+?)(?=\s*(?:[;)\]]|,?\s+and\s+(?:with|using|by|per|according)\b|[.,]?\s*$))"
)
""""[Schwartz and Work, 2009] eGFR formula for age <18": a citation, then the ages the method is for."""
_BARE_AGE = re.compile(r"(?P<age>\d{1,2})\s*(?:years?|yrs?)[\s-]*old\s+(?:patients|participants|subjects)")
""""18 years old patients": no comparator, which after a band ending at 17 can only be 18 and older."""


def read_renal_age_methods(
    whole: Segment, section: Section, heading: str, read_part: Callable[[Segment, Section, str], Rule | None]
) -> Rule | None:
    """AnyOf(AllOf(band, limit by the band's method), ...) when every method the item names is for an age
    band; else None."""
    if not whole.contains("schwartz"):
        return None
    clauses: list[tuple[Span, Method, Span]] = []
    for start, end, method in calculation_methods(whole):
        lead = _LEAD.search(whole.norm, whole.start, start)
        band = _FOR_BAND.match(whole.norm, end, whole.end)
        if band is None:
            return None
        clauses.append(((lead.start() if lead else start, band.end()), method, band.span("who")))
    if len(clauses) < 2:
        return None
    bands = _bands(whole, [who for _, _, who in clauses], heading)
    if bands is None:
        return None
    base = read_part(masked(whole, [span for span, _, _ in clauses]), section, heading)
    if not (isinstance(base, DerivedValueRule) and base.analyte in RENAL_ANALYTES and base.method is None):
        return None
    return AnyOf(
        source_span=whole.span,
        children=[
            AllOf(source_span=span, children=[band, base.model_copy(update={"method": method})])
            for (span, method, _), band in zip(clauses, bands, strict=True)
        ],
    )


def _bands(whole: Segment, spans: list[Span], heading: str) -> list[AgeRule] | None:
    """The age band of each clause, when each reads as ages alone and together they leave no gap; a bare
    "18 years old patients" is the band from 18 when another band ends at 17."""
    read: list[AgeRule | None] = []
    for start, end in spans:
        ages = read_age_and_sex(whole.sub(start, end), heading)
        read.append(ages.rule if ages is not None and isinstance(ages.rule, AgeRule) else None)
    for index, (start, end) in enumerate(spans):
        bare = _BARE_AGE.fullmatch(whole.norm, start, end) if read[index] is None else None
        if bare is None:
            continue
        age = float(bare.group("age"))
        if any(r is not None and r.max == age - 1 and r.max_inclusive for r in read):
            read[index] = AgeRule(source_span=(start, end), min=age)
    if any(r is None for r in read):
        return None
    bands = [r for r in read if r is not None]
    ordered = sorted(bands, key=lambda r: r.min if r.min is not None else float("-inf"))
    for lower, upper in pairwise(ordered):
        if lower.max is None or upper.min is None:
            return None
        joined = (lower.max == upper.min and lower.max_inclusive != upper.min_inclusive) or (
            lower.max_inclusive and upper.min_inclusive and upper.min - lower.max == 1
        )
        if not joined:
            return None
    return bands
