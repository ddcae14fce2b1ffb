"""Readers for who may enter: age ("aged ≥ 25 - 80 (included) years", "18 years and older"), sex ("Both
genders", "Women only") and performance status ("PS ECOG 0 or 1", "Karnofsky ≥ 70%")."""

from __future__ import annotations

import re

from trialmatch.domain.criteria.age import AgeRule
from trialmatch.domain.criteria.base import Comparator
from trialmatch.domain.criteria.logic import AllOf, AnyOf
from trialmatch.domain.criteria.performance import PerformanceStatusRule, Scale
from trialmatch.domain.criteria.reading.numbers import COMPARATOR, comparator_of, find_quantities
from trialmatch.domain.criteria.reading.text import (
    Read,
    Segment,
    Span,
    holds_digit,
    leftover_words,
    may_hold_quantity,
    word_set,
    words_of,
)
from trialmatch.domain.criteria.sex import SexRule

# --- age --------------------------------------------------------------------------------------------------

_AGE_CUE = re.compile(
    r"(?<![a-z])(?:age[sd]?|years?\s+(?:old|of\s+age)|year-old|years-old|yrs?\s+old|y/?o|or\s+older|and\s+older"
    r"|or\s+younger|and\s+younger|adults?|between\s+\d+\s+and\s+\d+\s+years"
    r"|(?:patients|subjects|participants|males?|females?|men|women)\s+(?:[^\s\d]+\s+){0,2}\d+\s*(?:years|yrs))(?![a-z])"
)
_AGE_CUE_WORDS = word_set("age ages aged year years yr yrs y yo older younger adult adults")
"""A word in every ``_AGE_CUE`` wording ("age", "years", "older", ...): the cheap test before the search."""
_AGE_FILLER = word_set(
    """
    age aged ages years year yrs yr old older younger adult adults men women man woman male female males
    females both genders gender sexes sex included inclusive time informed consent signature signing
    signed between from and to of at least over equal above or under below y o between included
    day date diagnosis participation inform form
    """
)
_BETWEEN = re.compile(
    r"between\s+(?P<low>\d+)\s*(?:years?\s*)?(?:and|-|to)\s*(?P<high>\d+)|from\s+(?P<flow>\d+)\s*(?:years?\s*)?"
    r"(?:to|-)\s*(?P<fhigh>\d+)"
)
_EXCLUSIVE_RANGE = re.compile(r"\(\s*(?:exclusive|not\s+included|excluded)\s*\)|exclusive(?![a-z])")
_AT_DIAGNOSIS = re.compile(
    r"(?:\d|(?<![a-z])(?:years?|yrs?|old|older|younger|of\s+age))\s+(?:at|on)\s+(?:the\s+)?(?:time\s+of\s+|date\s+of\s+)?"
    r"(?:initial\s+)?diagnosis"
)
""""3 to 18 years of age at the time of diagnosis": an age the patient had, which the current age bounds only
from above; read as the current age it would fail a patient diagnosed inside the range and older now."""
_AGE_HEADING = re.compile(r"(?<![a-z])age[sd]?(?![a-z])")
""""Age:", "Ages eligible": a heading that names the age, not one holding "stage", "dosage" or "average",
under which "> 2 years" or "≤ 6 months" is no age of the patient's."""


def read_age(segment: Segment, context: str) -> Read | None:
    """An age range; None when nothing says "age" (so "at least 3 years" of remission is not an age)."""
    cued = not _AGE_CUE_WORDS.isdisjoint(words_of(segment)) and _AGE_CUE.search(segment.text)
    if not cued and ("age" not in context or not _AGE_HEADING.search(context)):
        return None
    text = segment.text
    if not may_hold_quantity(segment):
        return None
    quantities = [
        q
        for q in find_quantities(segment.norm[: segment.end], segment.printed)
        if q.start >= segment.start and q.time_unit in {None, "years", "months"}
    ]
    if not quantities:
        return None
    if _EXCLUSIVE_RANGE.search(text):
        return Read.failed("an age range marked exclusive")
    if "diagnos" in text and _AT_DIAGNOSIS.search(text):
        return Read.failed("an age at diagnosis, not the current age")
    claimed: list[Span] = [(q.start, q.end) for q in quantities]
    bounds: list[tuple[Comparator, float]] = []
    between = _BETWEEN.search(segment.norm, segment.start, segment.end)
    if between:
        low = float(between.group("low") or between.group("flow"))
        high = float(between.group("high") or between.group("fhigh"))
        bounds = [(Comparator.GE, low), (Comparator.LE, high)]
        claimed.append(between.span())
        quantities = [q for q in quantities if not (between.start() <= q.start < between.end())]
    for q in quantities:
        if q.unit or q.multiple_of or q.times_only:
            return None
        scale = 1 / 12 if q.time_unit == "months" else 1.0
        value = q.number.value * scale
        if q.upper:
            upper = q.upper.value * scale
            bounds += [
                (Comparator.GE if q.comparator is None else _lower(q.comparator), value),
                (Comparator.LE, upper),
            ]
        elif q.comparator is None:
            return Read.failed(f"an age with no comparator: '{segment.quote(q.start, q.end)}'")
        else:
            bounds.append((q.comparator, value))
    leftover = leftover_words(segment, claimed, _AGE_FILLER)
    if leftover:
        return Read.failed(f"words not understood: {' '.join(leftover[:8])}")
    rule = _age_rule(bounds, segment.span)
    if rule is None:
        return _either_side(bounds, segment)
    return Read(rule)


def _either_side(bounds: list[tuple[Comparator, float]], segment: Segment) -> Read:
    """ "Age of <18 or >75 years": an upper bound below a lower one, joined by "or", is two ranges; joined by
    "and" ("Age<26 and >75 years old") too, since no age is both, and read as both it would exclude nobody."""
    if len(bounds) != 2 or not re.search(r"(?<![a-z])(?:or|and)(?![a-z])", segment.text):
        return Read.failed("age bounds that contradict each other")
    rules: list[AgeRule | AnyOf] = []
    for bound in bounds:
        rule = _age_rule([bound], segment.span)
        if rule is None:
            return Read.failed("age bounds that contradict each other")
        rules.append(rule)
    return Read(AnyOf(source_span=segment.span, children=list(rules)))


def _lower(comparator: Comparator) -> Comparator:
    """ "≥ 25 - 80": the comparator printed before a range belongs to its lower end."""
    return comparator if comparator.is_lower_bound else Comparator.GE


def _age_rule(bounds: list[tuple[Comparator, float]], span: Span) -> AgeRule | None:
    low: tuple[float, bool] | None = None
    high: tuple[float, bool] | None = None
    for comparator, value in bounds:
        if comparator.is_lower_bound:
            if low is not None:
                return None
            low = (value, comparator is Comparator.GE)
        else:
            if high is not None:
                return None
            high = (value, comparator is Comparator.LE)
    if low and high and low[0] > high[0]:
        return None
    return AgeRule(
        source_span=span,
        min=low[0] if low else None,
        min_inclusive=low[1] if low else True,
        max=high[0] if high else None,
        max_inclusive=high[1] if high else True,
    )


# --- sex --------------------------------------------------------------------------------------------------

_SEX_WORDS = {
    "female": "female",
    "females": "female",
    "women": "female",
    "woman": "female",
    "girls": "female",
    "male": "male",
    "males": "male",
    "men": "male",
    "man": "male",
    "boys": "male",
}
_SEX = re.compile(r"(?<![a-z])(?:" + "|".join(sorted(_SEX_WORDS, key=len, reverse=True)) + r")(?![a-z])")
_BOTH = re.compile(
    r"(?<![a-z])(?:both\s+(?:genders|sexes)|all\s+(?:genders|sexes)|(?:any|either)\s+(?:gender|sex))(?![a-z])"
)
_SEX_CUE_WORDS = frozenset(_SEX_WORDS) | {"both", "all", "any", "either"}
"""The words a sex word or a ``_BOTH`` wording starts with: the cheap test before the searches."""
_SEX_FILLER = word_set(
    """
    only patients participants subjects sex gender genders sexes both or and all any eligible are may
    be included enrolled who can
    """
)


_ASKED = re.compile(r"(?<![a-z])(?:must|should|shall|needs?|will)(?![a-z])")
""""A woman must be: a. not of childbearing potential or b. ...": the sex names whom the (cut) rest asks
something of, and read as "female only" the part would fail every man."""


def read_sex(segment: Segment, context: str) -> Read | None:
    """ "Female", "Women only", "Male or female", "Both genders": the whole item says which sex."""
    if _SEX_CUE_WORDS.isdisjoint(words_of(segment)) and "sex" not in context and "gender" not in context:
        return None
    words = list(_SEX.finditer(segment.norm, segment.start, segment.end))
    both = _BOTH.search(segment.norm, segment.start, segment.end)
    if not words and not both and "sex" not in context and "gender" not in context:
        return None
    claimed: list[Span] = [m.span() for m in words] + ([both.span()] if both else [])
    if leftover_words(segment, claimed, _SEX_FILLER):
        return None
    if words and _ASKED.search(segment.norm, words[-1].end(), segment.end):
        return None
    sexes = {_SEX_WORDS[m.group(0)] for m in words}
    if both or len(sexes) == 2:
        return Read(SexRule(source_span=segment.span, sex="any"))
    if len(sexes) == 1:
        return Read(SexRule(source_span=segment.span, sex=sexes.pop()))
    return None


def read_age_and_sex(segment: Segment, context: str) -> Read | None:
    """ "Women aged 18 or older", "Men and women aged ≥ 25 - 80 (included) years of age"."""
    age = read_age(segment, context)
    if age is None or age.rule is None:
        return age
    words = list(_SEX.finditer(segment.norm, segment.start, segment.end))
    if not words:
        return age
    sexes = {_SEX_WORDS[m.group(0)] for m in words}
    if len(sexes) == 2 or _BOTH.search(segment.text):
        return age
    sex = SexRule(source_span=(words[0].start(), words[-1].end()), sex=sexes.pop())
    return Read(AllOf(source_span=segment.span, children=[sex, age.rule]))


# --- performance status -----------------------------------------------------------------------------------

_SCALES: tuple[tuple[str, Scale], ...] = (
    (r"eastern\s+cooperative\s+oncology\s+group|ecog|zubrod", "ecog"),
    (r"world\s+health\s+organi[sz]ation|who", "who"),
    (r"karnofsky|kps", "karnofsky"),
)
_SCALE = re.compile(r"(?<![a-z])(?:" + "|".join(f"(?P<{name}>{p})" for p, name in _SCALES) + r")(?![a-z])")
_SCALE_WORDS = word_set("eastern ecog zubrod world who karnofsky kps performance ps")
"""The first word of every ``_SCALE`` and ``_PS`` wording: the cheap test before the searches."""
_PS = re.compile(r"(?<![a-z])(?:performance\s+(?:status|score|scale)|ps)(?![a-z])")
_VALUES = re.compile(
    r"(?:(?P<cmp>" + COMPARATOR + r")\s*)?(?P<first>\d{1,3})\s*%?"
    r"(?P<rest>(?:\s*(?:-|–|to|,|or|and|/|,\s*or)\s*\d{1,3}\s*%?)*)"
    r"(?:\s*(?:or|and)\s+(?:(?P<more>more|greater|higher|above|worse)|(?P<less>less|lower|below|better)))?"
)
_PS_FILLER = word_set(
    """
    performance status score scale ps of or and grade eastern cooperative oncology group who world health
    organization organisation karnofsky kps ecog zubrod index level be must have has with a an according
    to on the not no ambulatory patients were required
    """
)
""""Patients were required to be ambulatory with a Karnofsky Performance Status at least 70": the scale says
how able the patient must be."""


def read_performance(segment: Segment, context: str) -> Read | None:
    """One or two scales with allowed values; None when no scale or "performance status" is named.

    Values are numbers: without a digit there is nothing to read, and the scale names need not be sought.
    """
    if not holds_digit(segment):
        return None
    if _SCALE_WORDS.isdisjoint(words_of(segment)) and "performance" not in context:
        return None
    text = segment.text
    scales = [
        m
        for m in _SCALE.finditer(segment.norm, segment.start, segment.end)
        if not m.group("who") or segment.printed[m.start() : m.end()].isupper() or len(m.group(0)) > 3
    ]
    named_ps = _PS.search(text) or "performance" in context
    if not scales and not named_ps:
        return None
    values = [
        m
        for m in _VALUES.finditer(segment.norm, segment.start, segment.end)
        if m.group("first") is not None and not segment.norm[m.start() - 1 : m.start()].isalpha()
    ]
    if not values:
        return None
    rules: list[PerformanceStatusRule] = []
    claimed: list[Span] = [m.span() for m in scales]
    claimed += [m.span() for m in _PS.finditer(segment.norm, segment.start, segment.end)]
    for match in values:
        scale = _scale_before(scales, match.start()) or _default_scale(match)
        allowed = _allowed(match, scale)
        if allowed is None:
            return Read.failed(f"performance status values not understood: '{segment.quote(*match.span())}'")
        low, high = allowed
        rules.append(
            PerformanceStatusRule(source_span=(match.start(), match.end()), scale=scale, min=low, max=high)
        )
        claimed.append(match.span())
    leftover = leftover_words(segment, claimed, _PS_FILLER)
    if leftover:
        return Read.failed(f"words not understood: {' '.join(leftover[:8])}")
    if _PS_NEGATION.search(segment.norm, segment.start, rules[0].source_span[0]):
        complements = [_complement(r) for r in rules]
        rules = [r for r in complements if r is not None]
        if len(rules) != len(complements):
            return Read.failed("a negated performance status range that is not one range")
    distinct = {(r.scale if r.scale != "who" else "ecog", r.min, r.max): r for r in rules}
    if len(distinct) == 1:
        rule = next(iter(distinct.values()))
        return Read(rule.model_copy(update={"source_span": segment.span}))
    if len({scale for scale, _, _ in distinct}) != len(distinct):
        return Read.failed("several ranges on one performance scale")
    return Read(AnyOf(source_span=segment.span, children=list(distinct.values())))


_PS_NEGATION = re.compile(r"(?<![a-z])(?:not|no)(?![a-z])")


def _complement(rule: PerformanceStatusRule) -> PerformanceStatusRule | None:
    """ "Must not have ECOG 3 or more" allows ECOG 0-2: the rest of the scale, when that is one range."""
    top, step = (100, 10) if rule.scale == "karnofsky" else (5, 1)
    low = 0 if rule.min is None else rule.min
    high = top if rule.max is None else rule.max
    if low == 0 and high < top:
        return rule.model_copy(update={"min": high + step, "max": None})
    if high == top and low > 0:
        return rule.model_copy(update={"min": None, "max": low - step})
    return None


def _scale_before(scales: list[re.Match[str]], position: int) -> Scale | None:
    before = [m for m in scales if m.start() < position]
    if not before:
        return None
    last = before[-1]
    for _, name in _SCALES:
        if last.group(name):
            return name
    return None


def _default_scale(match: re.Match[str]) -> Scale:
    """ "Performance status 0-2" is the 0-5 (ECOG/WHO) scale; "60-100%" is Karnofsky."""
    return "karnofsky" if int(match.group("first")) > 5 or "%" in match.group(0) else "ecog"


def _allowed(match: re.Match[str], scale: Scale) -> tuple[int | None, int | None] | None:
    """The allowed range, or None when the values are not one contiguous range on the scale."""
    numbers = [int(match.group("first")), *(int(n) for n in re.findall(r"\d{1,3}", match.group("rest")))]
    top, step = (100, 10) if scale == "karnofsky" else (5, 1)
    if any(n > top or n % step for n in numbers):
        return None
    comparator = comparator_of(match.group("cmp")) if match.group("cmp") else None
    if match.group("more"):
        comparator = Comparator.GE
    elif match.group("less"):
        comparator = Comparator.LE
    if comparator is not None:
        if len(numbers) != 1:
            return None
        n = numbers[0]
        return {
            Comparator.GE: (n, None),
            Comparator.GT: (n + step, None),
            Comparator.LE: (None, n),
            Comparator.LT: (None, n - step),
        }[comparator]
    if re.search(r"-|–|to", match.group("rest")) and len(numbers) == 2:
        low, high = sorted(numbers)
        return low, high
    values = sorted(set(numbers))
    if values != list(range(values[0], values[-1] + step, step)):
        return None
    return values[0], values[-1]
