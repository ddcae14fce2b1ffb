"""Reader for urine protein by dipstick, by 24-hour collection in the wordings the lab reader does not read,
and a dipstick limit with its 24-hour way out: "Urinary protein ≥ ++", "Proteinuria less than 1+",
"Proteinuria no greater than 2.0 by dipstick", "the 24-hour urine protein quantification greater than 1.0g",
"Urine dipstick for proteinuria < 2+. Patients discovered to have ≥ 2+ proteinuria on dipstick urinalysis at
baseline should undergo a 24 hour urine collection and must demonstrate ≤ 1 g of protein in 24 hours".

A dipstick grade is not an amount: "2+" is the second step of the strip's scale (about 100 mg/dL), and read
as the 24-hour analyte "proteinuria ≥ 2+" became "≥ 2 g/24 h". It is read as the grade of its own analyte,
``urine_protein_dipstick``, whose value is the number of pluses (negative 0, trace between 0 and 1). A bare
number is a grade only where the sentence says dipstick ("no greater than 2.0 by dipstick").

The way out holds only when it names the very grades the limit leaves out (inclusion "< 2+", then "patients
with ≥ 2+ ... must demonstrate ≤ 1 g of protein in 24 hours"): the inclusion then accepts a grade under the
limit or a 24-hour protein within its own, and the exclusion excludes a grade at the limit with a 24-hour
protein past it. An exclusion's way out must say it makes the patient eligible; read alone, "if ≥ 2+, the
24-hour protein > 1 g" could be a second condition to exclude on.

A way out may name the one grade the limit leaves out ("Urine protein < 2 + (when baseline urine protein is 2
+, 24-hour urine protein quantification should be performed, and inclusion can only be made when ≤ 1 g)"):
it then holds for that grade only, and a 3+ is still held to the limit.

Each reading is of the segment as a whole: only the names, the grade, the 24-hour amount and words that add
no condition ("urine routine test indicates that", "at screening") may be in it.
"""

from __future__ import annotations

import re

from trialmatch.domain.criteria.base import Comparator
from trialmatch.domain.criteria.lab import LabThreshold
from trialmatch.domain.criteria.logic import AllOf, AnyOf
from trialmatch.domain.criteria.reading.lab_notes import definition_label
from trialmatch.domain.criteria.reading.numbers import COMPARATOR, comparator_of
from trialmatch.domain.criteria.reading.text import (
    Read,
    Segment,
    Span,
    inside,
    leftover_words,
    masked,
    parenthesised,
    word_set,
)
from trialmatch.domain.criteria.registry import Rule
from trialmatch.domain.trial import Section

DIPSTICK = "urine_protein_dipstick"

_GRADE = re.compile(
    r"(?:(?P<cmp>"
    + COMPARATOR
    + r")\s*)?\(?\s*(?<![\w.])(?P<grade>\+{1,4}(?![\w+])|[1-4](?:\.0)?(?:\s*\+(?![\d+])|(?![.,]\d)))"
    r"(?![\d/]|\s*(?:g|mg|gm|grams?|x|×|%)(?![a-z]))\s*\)?"
    r"(?:(?:\s*protein)?\s*or\s+(?P<up>greater|more|higher|above|over)(?![a-z]))?"
)
""""≥ ++", "≥(++)", "< 2 +", "less than 1+", "no greater than 2.0", "2+ or greater": a grade with its
comparator before it or its "or greater" after."""
_DAY_AMOUNT = re.compile(
    r"(?P<cmp>" + COMPARATOR + r")\s*(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>g|gm|grams?|mg|milligrams?)(?![a-z])"
    r"(?:\s*(?:/|per)\s*(?:24\s*-?\s*h(?:ou)?rs?|24\s*h|day|d)(?![a-z]))?"
)
""""greater than 1.0g", "< 500 mg", "=< 1000 mg/24 hour": a 24-hour amount in grams or milligrams."""
_MILLIGRAMS = frozenset({"mg", "milligram", "milligrams"})

_PROTEIN = word_set("protein proteinuria")
_DIPSTICK_WORDS = word_set(
    """
    urine urinary protein proteinuria dipstick dipsticks urinalysis ua routine qualitative indicates indicate
    indicated suggests suggest suggested shows show showed whose that examination strip
    screening early morning first sample spot
    """
)
"""The words of a dipstick clause besides the grade: the names, where the grade was read, and "whose urine
routine test indicates that"."""
_DAY_WORDS = word_set(
    """
    24 24h h hr hrs hour hours urine urinary protein proteinuria quantification quantitation quantity
    quantitative amount collection excretion must should shall demonstrate show confirmed confirms confirm
    verifies verified verify
    """
)
"""The words of a 24-hour protein clause besides its amount."""
_WAY_OUT_WORDS = word_set(
    """
    if when discovered found undergo performed eligible then can made may baseline inclusion only is and be
    repeat repeated will require required must total
    """
)
"""The words that open a way out: "patients discovered to have ... should undergo ... to be eligible"."""


def read_urine_protein(segment: Segment, section: Section) -> Read | None:
    """The dipstick grade, the 24-hour amount, or the dipstick limit with its way out that the segment
    states whole; None when it states anything else."""
    if not segment.contains("protein"):
        return None
    if segment.contains("="):
        gloss = _ULN_GLOSS.search(segment.norm, segment.start, segment.end)
        if gloss:
            segment = segment.sub(segment.start, gloss.start())
    if segment.contains("repeat"):  # "..., or the pt will require a repeat UA. If repeat UA shows ..."
        segment = masked(
            segment, [m.span() for m in _REPEAT.finditer(segment.norm, segment.start, segment.end)]
        )
    rule = _with_way_out(segment, section) or _dipstick(segment) or _day_protein(segment)
    return Read(rule) if rule is not None else None


def _dipstick(segment: Segment) -> LabThreshold | None:
    """ "Urinary protein ≥ ++": one grade, its name, and nothing else."""
    found = _grade(segment)
    if found is None or _DAY.search(segment.norm, segment.start, segment.end):
        return None
    rule, span = found
    claimed = [span, *_label(segment)]
    if _holds_more(segment, claimed, _DIPSTICK_WORDS):
        return None
    if rule.comparator.is_lower_bound and segment.contains("absence"):
        return None  # an absence defined by a grade at or above a limit says the opposite of itself
    return rule


def _label(segment: Segment) -> list[Span]:
    """ "Renal insufficiency: urine routine indicates urinary protein ≥ ++": the condition the grade defines,
    before a colon (see ``lab_notes.definition_label``); "The absence of clinically significant proteinuria as
    defined by": the absence the grade below its limit defines."""
    if segment.contains("absence"):
        absence = _ABSENCE.match(segment.norm, segment.start, segment.end)
        if absence:
            return [absence.span()]
    colon = segment.norm.find(":", segment.start, segment.end)
    if colon < 0:
        return []
    label = definition_label(segment, segment.start, colon + 1)
    return [label] if label is not None else []


def _grade(segment: Segment) -> tuple[LabThreshold, Span] | None:
    """The one dipstick grade of the segment, if it names urine protein."""
    words = set(re.findall(r"[a-z0-9]+", segment.text))
    if not words & _PROTEIN:
        return None
    grades = [
        m
        for m in _GRADE.finditer(segment.norm, segment.start, segment.end)
        if m.group("cmp") or m.group("up")
    ]
    if len(grades) != 1:
        return None
    match = grades[0]
    grade = match.group("grade").replace(" ", "")
    if "+" not in grade and "dipstick" not in words:
        return None  # "urine protein < 2" may be grams
    value = float(grade.count("+")) if grade.startswith("+") else float(grade.rstrip("+"))
    comparator = _comparator(match)
    if comparator is None:
        return None
    span = match.start("grade") if match.group("cmp") is None else match.start("cmp"), match.end()
    rule = LabThreshold(source_span=span, analyte=DIPSTICK, comparator=comparator, value=value, unit="1")
    return rule, (match.start(), match.end())


def _comparator(match: re.Match[str]) -> Comparator | None:
    """The printed comparator, or ≥ for "2+ or greater"; None when the two disagree."""
    printed = comparator_of(match.group("cmp")) if match.group("cmp") else None
    if match.group("up"):
        return Comparator.GE if printed in (None, Comparator.GE) else None
    return printed


def _day_protein(segment: Segment) -> LabThreshold | None:
    """ "the 24-hour urine protein quantification greater than 1.0g": one amount, its name, and nothing
    else."""
    found = _amount(segment)
    if found is None:
        return None
    rule, span = found
    claimed = [span, *_label(segment)]
    if _holds_more(segment, claimed, _DAY_WORDS):
        return None
    return rule


def _amount(segment: Segment, named: bool = False) -> tuple[LabThreshold, Span] | None:
    """The one 24-hour protein amount of the segment, if it names 24 hours and protein (or the protein is
    ``named`` before it)."""
    words = set(re.findall(r"[a-z0-9]+", segment.text))
    if not (named or words & _PROTEIN) or not words & {"24", "24h"}:
        return None
    amounts = list(_DAY_AMOUNT.finditer(segment.norm, segment.start, segment.end))
    if len(amounts) != 1:
        return None
    match = amounts[0]
    unit = "mg/24h" if match.group("unit") in _MILLIGRAMS else "g/24h"
    value = float(match.group("num"))
    if value <= 0:
        return None
    rule = LabThreshold(
        source_span=match.span(),
        analyte="proteinuria",
        comparator=comparator_of(match.group("cmp")),
        value=value,
        unit=unit,
    )
    return rule, match.span()


def _with_way_out(segment: Segment, section: Section) -> Rule | None:
    """A dipstick limit, then (in a second sentence or a closing bracket) what patients with the grades it
    flags must show in 24 hours."""
    split = _limit_and_way_out(segment)
    if split is None:
        return None
    limit, way_out = split
    base = _dipstick(limit)
    if base is None:
        return None
    flagged = base.comparator if section is Section.EXCLUSION else base.comparator.opposite
    found_grade = _grade(way_out)
    if found_grade is None and section is Section.INCLUSION:
        return _for_one_grade(segment, base, way_out) or _restated_in_a_day(segment, section, base, way_out)
    if found_grade is None:
        return None
    found_amount = _amount(way_out)
    if found_amount is None:
        return None
    grade, grade_span = found_grade
    amount, amount_span = found_amount
    if grade_span[0] > amount_span[0] or _steps(grade.comparator, grade.value) != _steps(flagged, base.value):
        return None
    if _holds_more(way_out, [grade_span, amount_span], _DIPSTICK_WORDS | _DAY_WORDS | _WAY_OUT_WORDS):
        return None
    if section is Section.EXCLUSION:
        if "eligible" not in way_out.text:
            return None
        opposite = amount.model_copy(update={"comparator": amount.comparator.opposite})
        return AllOf(source_span=segment.span, children=[base, opposite])
    return AnyOf(source_span=segment.span, children=[base, amount])


def _for_one_grade(segment: Segment, base: LabThreshold, way_out: Segment) -> Rule | None:
    """ "< 2 + (when baseline urine protein is 2 +, ... ≤ 1 g)": the first grade the inclusion's limit
    leaves out, then what it must show in 24 hours: the limit, or that grade with the amount."""
    exact = _EXACT_GRADE.search(way_out.norm, way_out.start, way_out.end)
    found_amount = _amount(way_out)
    if exact is None or found_amount is None or base.comparator.is_lower_bound:
        return None
    value = float(exact.group("grade"))
    amount, amount_span = found_amount
    if _steps(base.comparator.opposite, base.value) != (True, value) or exact.start() > amount_span[0]:
        return None
    if _holds_more(way_out, [exact.span(), amount_span], _DIPSTICK_WORDS | _DAY_WORDS | _WAY_OUT_WORDS):
        return None
    grade = LabThreshold(
        source_span=exact.span("grade"), analyte=DIPSTICK, comparator=Comparator.LE, value=value, unit="1"
    )
    return AnyOf(
        source_span=segment.span,
        children=[base, AllOf(source_span=way_out.span, children=[grade, amount])],
    )


def _restated_in_a_day(
    segment: Segment, section: Section, base: LabThreshold, bracket: Segment
) -> Rule | None:
    """ "Proteinuria less than 2+ (no greater than 500 mg in a 24 hour urinalysis)": the same upper limit
    restated as a 24-hour amount, either of which shows it. Inclusions only: an exclusion's bracket could be a
    second condition to exclude on."""
    found = _amount(bracket, named=True)
    if found is None:
        return None
    amount, span = found
    if (
        section is not Section.INCLUSION
        or segment.norm[bracket.start - 1] != "("
        or base.comparator.is_lower_bound
        or amount.comparator.is_lower_bound
        or _holds_more(bracket, [span], _DIPSTICK_WORDS | _DAY_WORDS)
    ):
        return None
    return AnyOf(source_span=segment.span, children=[base, amount])


_ABSENCE = re.compile(
    r"\s*(?:the\s+)?absence\s+of\s+(?:clinically\s+significant\s+)?proteinuria\s*,?\s*(?:as\s+)?"
    r"(?:defined|demonstrated|shown|documented)\s+by"
)
_REPEAT = re.compile(
    r",?\s*or\s+the\s+(?:pt|patient|participant|subject)\s+will\s+(?:require|need)\s+a\s+repeat\s+(?:ua|urinalysis)"
    r"(?![a-z])"
)
""""Urinalysis (UA) must show less than 1+ protein in urine, or the pt will require a repeat UA. If repeat UA
shows 1+ protein or more, a 24 hour urine ... must show total protein =< 1000 mg/24 hour": a second strip
first, whose grade is the one the file holds; the way out is read as the second sentence states it."""
_EXACT_GRADE = re.compile(r"(?<![a-z])(?:is|of|=)\s*(?P<grade>[1-4])\s*\+(?![\d+])")
""""is 2 +": one grade, pluses printed."""
_ULN_GLOSS = re.compile(r"\s*\*\s*uln\s*=\s*upper\s+limit\s+of\s+normal\s*[.;]?\s*$")
""""* ULN = upper limit of normal": the footnote of a table of limits, copied after the item."""
_DAY = re.compile(r"(?<![\d.])24\s*-?\s*h(?![a-z])|(?<![\d.])24\s*-?\s*(?:hours?|hrs?)(?![a-z])")
_SENTENCE_END = re.compile(r"[.;]\s+(?=[A-Za-z])")
""""< 2+. If urine dipstick is ≥ 2, ...": the sentence end after a grade, which ``text.sentences`` does not
split at (it wants a letter or digit before the full stop)."""
_NUMBER_OR_SIGN = re.compile(r"[\d+<>≤≥=]")
_OR = re.compile(r"\s*,?\s+or\s+")
""""qualitative urine protein ≤ 1+ or qualitative urine protein ≥ 2+, 24h urine protein < 1g": the limit, then
as its alternative the way out for the grades it leaves out."""


def _holds_more(segment: Segment, claimed: list[Span], vocabulary: frozenset[str]) -> bool:
    """Whether the segment says more than the claimed spans: a word outside them and ``vocabulary``, or a
    number, a plus or a comparison sign outside them and the "24 hours", a second threshold ("Urinary
    protein ≥ ++, or the 24-hour urine protein > 1.0 g") the words alone would not show."""
    if leftover_words(segment, claimed, vocabulary):
        return True
    days = [m.span() for m in _DAY.finditer(segment.norm, segment.start, segment.end)]
    return _NUMBER_OR_SIGN.search(masked(segment, [*claimed, *days]).text) is not None


def _limit_and_way_out(segment: Segment) -> tuple[Segment, Segment] | None:
    """The limit and its way out: two sentences, or a text and the bracket closing it."""
    groups = parenthesised(segment)
    ends = [
        m
        for m in _SENTENCE_END.finditer(segment.printed, segment.start, segment.end)
        if not inside(m.span(), groups)
    ]
    if len(ends) == 1:
        return segment.sub(segment.start, ends[0].start()), segment.sub(ends[0].end(), segment.end)
    if ends:
        return None
    alternatives = list(_OR.finditer(segment.norm, segment.start, segment.end))
    if not groups and len(alternatives) == 1:
        (joint,) = alternatives
        return segment.sub(segment.start, joint.start()), segment.sub(joint.end(), segment.end)
    if len(groups) != 1 or segment.sub(groups[0][1], segment.end).text:
        return None
    start, end = groups[0]
    return segment.sub(segment.start, start), segment.sub(start + 1, end - 1)


def _steps(comparator: Comparator, value: float) -> tuple[bool, float]:
    """The grades a comparison admits, as (upward, first or last grade admitted): "> 1" and "≥ 2" admit the
    same whole grades; "< 1" is kept apart from "≤ 0", since trace lies between."""
    if comparator is Comparator.GT:
        return True, value + 1
    if comparator is Comparator.LT and value > 1:
        return False, value - 1
    return comparator.is_lower_bound, value
