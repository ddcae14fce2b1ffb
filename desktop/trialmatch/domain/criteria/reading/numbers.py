"""Numbers, comparators and units as registries print them.

"1.500/µl" is 1,500/µL (a European thousands point), "1 x 109/L" is 1 × 10⁹/L (a flattened superscript),
"≤ 3 x ULN" is a multiple of the upper limit of normal, "> 3 weeks" is a time span, "at least" is ≥. Every
reader works on ``normalise(text)``, which keeps each character at its index, so a match's span is also a
span of the criterion as printed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from trialmatch.domain.criteria.base import Comparator
from trialmatch.domain.criteria.reading.name_numbers import in_a_name, name_spans
from trialmatch.domain.units import canonical_unit

_FOLD = str.maketrans(
    {
        "≧": "≥",
        "⩾": "≥",
        "≦": "≤",
        "⩽": "≤",
        "×": "x",
        "μ": "µ",
        "–": "-",
        "—": "-",
        "‐": "-",
        "−": "-",
        "’": "'",
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\\": " ",
        "⋅": "x",
        "´": "x",
        "（": "(",
        "）": ")",
        "：": ":",
        "；": ";",
        "，": ",",
        "～": "~",
    }
)
_DECIMAL_DOT = re.compile(r"(?<=\d)[·•](?=\d)")
""""3·0", "1•73": a middle dot or bullet between digits is a decimal point (British or mis-encoded print)."""
_SPACED_DECIMAL = re.compile(
    r"(?P<cmp>[<>≤≥=]\s?)(?P<whole>\d{1,3})\. (?P<digit>\d)"
    r"(?=\s?(?:[x×%]|times|uln|upper|mg|g/|µ|mmol|iu|u/))"
)
""""≤ 5. 0 ULN": a space slipped after the decimal point of a limit; a sentence never ends between a
comparator and its number. Written back one character for one ("≤  5.0 ULN")."""


def normalise(text: str) -> str:
    """Lower-case and fold look-alike characters, one character for one, so indices stay put.

    CT.gov escapes comparators as ``\\>``; the backslash becomes a space. "⋅" and "´" (a mis-encoded ×) are
    times signs; full-width brackets and punctuation of Chinese-language records become their ASCII forms.
    """
    folded = text.translate(_FOLD)
    if "·" in folded or "•" in folded:
        folded = _DECIMAL_DOT.sub(".", folded)
    lowered = folded.lower()
    if len(lowered) != len(folded):
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in folded)
    if ". " in lowered:
        lowered = _SPACED_DECIMAL.sub(lambda m: f"{m['cmp']} {m['whole']}.{m['digit']}", lowered)
    if "appendix" in lowered or "annex" in lowered:
        lowered = _REFERENCE.sub(lambda m: " " * len(m.group(0)), lowered)
    if "see" in lowered or "://" in lowered:
        lowered = _POINTER.sub(lambda m: " " * len(m.group(0)), lowered)
    return _blank_restated_signs(lowered) if "(" in lowered else lowered


_REFERENCE = re.compile(
    r"(?:(?<=[(\[;,])|(?<=[(\[;,]\s))\s*(?:see\s+)?(?:appendix|annex)\s+[a-z0-9]{1,4}(?:\.\d{1,2})?(?=\s*[)\]])"
)
""""(Karnofsky > 60%; Appendix 1)", "(see Appendix 13.4)": a pointer to where the protocol explains a scale or
a formula, closing a bracket, carries no condition; blanked so that its number is not read as one."""
_POINTER = re.compile(
    r"(?<=[(\[])\s*(?:see\s+(?:(?:section|item|paragraph|§)\s*)?\d{1,2}(?:\.\d{1,2}){1,3}|https?://[^\s()\[\]]+)"
    r"\s*(?=[)\]])"
)
""""INR ≤ 1.5 unless on warfarin (see 3.1.9)", "GFR by Cockcroft-Gault (http://www.mdcalc.com/...)": a bracket
holding only a pointer to a protocol section or a web page carries no condition either; its numbers and words
("creatinine-clearance") are blanked so that they are not read as part of the criterion."""


# --- comparators ------------------------------------------------------------------------------------------

_GE_WORDS = (
    "≥",
    ">=",
    "=>",
    ">/=",
    "> /=",
    "> or =",
    ">or=",
    "=/>",
    "greater than or equal to",
    "greater than or equal",
    "greater or equal to",
    "greater or equal than",
    "greater than/equal to",
    "more than or equal to",
    "higher than or equal to",
    "equal to or greater than",
    "equal or greater than",
    "equal to or more than",
    "equal to or higher than",
    "equal to or above",
    "equal or above",
    "equal to or over",
    "at least",
    "at or above",
    "no less than",
    "not less than",
    "no lower than",
    "not lower than",
    "not below",
    "no fewer than",
    "minimum of",
    "a minimum of",
    "minimum",
    "above or equal to",
    "over or equal to",
    "not <",
    "not younger than",
)
_LE_WORDS = (
    "≤",
    "<=",
    "=<",
    "</=",
    "< /=",
    "< or =",
    "<or=",
    "=/<",
    "less than or equal to",
    "less than or equal",
    "less or equal to",
    "less or equal than",
    "less than/equal to",
    "lower than or equal to",
    "equal to or less than",
    "equal or less than",
    "equal to or lower than",
    "equal to or below",
    "equal or below",
    "at most",
    "at or below",
    "no more than",
    "not more than",
    "no greater than",
    "not greater than",
    "no higher than",
    "not higher than",
    "not exceeding",
    "not to exceed",
    "not exceed",
    "does not exceed",
    "do not exceed",
    "should not exceed",
    "must not exceed",
    "not above",
    "up to and including",
    "up to",
    "maximum of",
    "a maximum of",
    "maximum",
    "below or equal to",
    "under or equal to",
    "within",
    "not >",
    "not older than",
)
_GT_WORDS = (
    ">",
    "greater than",
    "more than",
    "higher than",
    "larger than",
    "above",
    "over",
    "exceeding",
    "exceeds",
    "exceed",
    "in excess of",
    "superior to",
    "older than",
)
_LT_WORDS = (
    "<",
    "less than",
    "lower than",
    "smaller than",
    "fewer than",
    "below",
    "under",
    "inferior to",
    "younger than",
)

COMPARATOR_WORDS: dict[str, Comparator] = {
    **dict.fromkeys(_GT_WORDS, Comparator.GT),
    **dict.fromkeys(_LT_WORDS, Comparator.LT),
    **dict.fromkeys(_GE_WORDS, Comparator.GE),
    **dict.fromkeys(_LE_WORDS, Comparator.LE),
}


def _alternation(words: list[str] | tuple[str, ...] | set[str]) -> str:
    """Longest first, spaces matching any run of spaces: the regex prefers "at least" over "at"."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s*") for w in sorted(words, key=len, reverse=True))


_Trie = dict[str, "_Trie"]


def trie_alternation(words: Iterable[str], space: str = r"\s*") -> str:
    """The words as one regex shaped like a trie. A regex tries an alternation's branches one by one at
    every position of the text; a trie has one branch per next character instead of one per word, which
    makes long vocabularies (comparators, analyte names) several times faster to search. A word that
    continues is a greedy optional group, so the longest word still wins; a space matches ``space``."""
    root: _Trie = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _branches(root, space)


def _branches(node: _Trie, space: str) -> str:
    branches = [
        (space if char == " " else re.escape(char)) + _branches(child, space)
        for char, child in sorted(node.items())
        if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    return f"(?:{body})?" if "" in node else body


COMPARATOR = trie_alternation(COMPARATOR_WORDS)
"""A comparator word or sign; read its meaning with ``comparator_of``."""

_COMPARATOR_KEYS = {re.sub(r"\s+", "", w): c for w, c in COMPARATOR_WORDS.items()}


def comparator_of(matched: str) -> Comparator:
    """The comparator a matched wording means ("no more than" → ≤)."""
    return _COMPARATOR_KEYS[re.sub(r"\s+", "", matched)]


_SIGN_IN_BRACKETS = re.compile(r"\(\s*(?P<sign>[<>≤≥]\s*=?|=\s*[<>])\s*\)")
_COMPARATOR_END = re.compile(r"(?<![a-z])(?P<cmp>" + COMPARATOR + r")\s*$")


def _blank_restated_signs(text: str) -> str:
    """ "less than (<) 50", "greater than or equal to (≥)18": the sign in brackets restates the comparator
    words before it, which then read as the threshold's comparator. A sign that disagrees with the words is
    kept, and the threshold after it is not read."""
    for match in _SIGN_IN_BRACKETS.finditer(text):
        words = _COMPARATOR_END.search(text, max(0, match.start() - 40), match.start())
        if words and comparator_of(words.group("cmp")) is comparator_of(match.group("sign")):
            text = text[: match.start()] + " " * (match.end() - match.start()) + text[match.end() :]
    return text


_POSTFIX_GE = (
    r"(?:of\s+age\s+|old\s+)?(?:or|and)\s+(?:more|greater|higher|above|over|older)(?![a-z])(?!\s+than)|\+"
)
_POSTFIX_LE = r"(?:or|and)\s+(?:less|lower|below|under|fewer|younger)(?![a-z])(?!\s+than)"
""""15 ng/mL or greater", "10% or lower"; not "23 kg/m2 and less than 35": "less than" starts the next."""


# --- numbers ----------------------------------------------------------------------------------------------

NUMBER = (
    r"(?<![\d.,a-z])(?:\d{1,3}(?: \d{3})+(?=\s*(?:/|cells?\s*/|per\s))|\d{1,3}(?:[.,]\d{3}(?![\d]))+"
    r"|\d+(?:[.,]\d+)?|[.,]\d+)(?![\d])"
)
"""A number as printed: "1.5", "1,5", "1,500", "1.500", "75.000", "100,000", ".5", and "50 000" before a count
unit ("50 000/mm3"), where a space groups thousands."""

_WORD_NUMBERS = {
    "one": 1.0,
    "two": 2.0,
    "three": 3.0,
    "four": 4.0,
    "five": 5.0,
    "six": 6.0,
    "seven": 7.0,
    "eight": 8.0,
    "nine": 9.0,
    "ten": 10.0,
    "twelve": 12.0,
    "fourteen": 14.0,
    "twenty": 20.0,
    "thirty": 30.0,
    "one and a half": 1.5,
    "one and one-half": 1.5,
    "two and a half": 2.5,
}
WORD_NUMBER = r"(?<![a-z])(?:" + _alternation(list(_WORD_NUMBERS)) + r")(?![a-z])"


@dataclass(frozen=True, slots=True)
class Number:
    """A printed number. ``grouped`` is the reading as a thousands-grouped integer when the print allows it
    ("1.500" → 1500), which only a count unit (/µL, /mm³) decides; ``value`` is the plain decimal reading."""

    value: float
    grouped: float | None


def read_number(text: str) -> Number:
    """Read a printed number; raises ValueError only for text ``NUMBER`` does not match."""
    text = text.strip()
    if text in _WORD_NUMBERS:
        return Number(_WORD_NUMBERS[text], None)
    if " " in text:
        return Number(float(text.replace(" ", "")), None)
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", text):
        return Number(float(text.replace(",", "")), None)
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", text):
        grouped = float(text.replace(".", ""))
        if text.count(".") > 1:
            return Number(grouped, None)
        return Number(float(text), grouped)
    return Number(float(text.replace(",", ".")), None)


# --- units ------------------------------------------------------------------------------------------------

_VOLUME = r"(?:l|µl|ul|mm3|mm\^3|mm³|mm\(3\)|microl(?:it(?:er|re))?|cmm|cu\.?\s?mm|mcl|ml)"
_TEN_POWER = (
    r"(?:(?:x|\*)\s*10\s*(?:\^|\*\*|\*|e|exp)?\s*|10\s*(?:\^|\*\*|\*|e|exp)\s*)"
    r"\(?\s*(?P<power>\d{1,2}|[⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s*\)?\s*(?:cells?\s*)?/\s*(?P<per>" + _VOLUME + r")(?![a-z])"
)
_LITRE = r"(?:l|lit(?:er|re)s?)"
_PER = r"\s*(?:/|per\s+)\s*"
_COUNTED = r"(?:cells?|counts?|platelets?|neutrophils?|leu[ck]ocytes?|lymphocytes?|granulocytes?)\s*"
""""75,000 platelets/mm(3)": what is counted, named before the volume it is counted in."""
_PLAIN_UNITS = (
    r"cells?\s*/\s*millim(?:et|etr)(?:er|re)\s*\(\s*mm(?:3|\^3|³)\s*\)",
    r"(?:"
    + _COUNTED
    + r")?(?:/|per\s+)\s*(?:µ\s?l|ul|mm3|mm\^3|mm³|mm\(3\)|microl(?:it(?:er|re))?|micro\s+lit(?:er|re)"
    r"|cmm3?|cu\.?\s?mm|cubic\s+millim(?:et|etr)(?:er|re)|mcl)",
    r"cells?\s*/\s*(?:µl|ul|mm3|mm\^3|mm³)",
    r"mm(?:3|\^3|³|\(3\))",
    r"(?:k|thou)\s*/\s*(?:µl|ul|mm3|mm\^3|mm³|cumm|mcl)",
    r"lakhs?" + _PER + r"(?:µ\s?l|ul|mm3|cmm|cu\.?\s?mm)",
    r"g/l",
    r"(?:g|gm|gr|mg|µg|ug|mcg|ng|pg|(?:milli|micro|nano)?grams?)"
    + _PER
    + r"(?:dl|l|ml|100\s*ml|deci"
    + _LITRE
    + r"|millilit(?:er|re)s?|"
    + _LITRE
    + r")",
    r"(?:mg|g|gm)\s*%",
    r"(?:µ\s?|u|mc|mu|m|n|p|micro|milli|pico)mol(?:e?s)?" + _PER + r"(?:" + _LITRE + r"|mol)",
    r"mmol\s*/\s*ml",  # HbA1c's IFCC mmol/mol misprinted: checked as one (read_labs._ifcc)
    r"meq\s*/\s*l",
    r"(?:iu|u|ui|units?|miu|mu|ku)\s*/\s*(?:l|ml)",
    r"(?:ml|millilit(?:er|re)s?)\s*/\s*(?:kg\s*/\s*min(?:ute)?|min(?:ute)?\s*/\s*kg)",  # VO2 max
    r"(?:ml|millilit(?:er|re)s?)"
    + _PER
    + r"min(?:ute)?s?\.?(?:\s*(?:/|per)\s*1[.,]73(?:2|\s*(?:m\s*(?:\^\s*2|2|²|\(2\)|\^(?![\s\d]))|sqm"
    r"|m\*\*2|square\s+met(?:er|re)s?|met(?:er|re)s?\s+squared?)?(?:\s+of\s+body\s+surface\s+area)?))?",
    r"cc\s*/\s*min",
    r"(?:kg|kilograms?)(?:"
    + _PER
    + r"|\s+)(?:m\s*(?:\^\s*2|2|²)|square\s+met(?:er|re)s?|met(?:er|re)s?\s+squared?)",
    r"ms(?:ec)?|milli\s*seconds?",
    r"s(?:ec(?:onds?)?)?",
    r"%|percent(?:age)?",
    r"mm\s*[-/]?\s*hg",
    r"(?:g|mg|(?:milli)?grams?)(?:\s*[(\[]\s*m?g\s*[)\]])?\s*(?:/|per)\s*24[\s-]*h(?:ours?|rs?)?"
    r"(?:\s+urine(?:\s+collection)?)?",  # "200 milligrams (mg) per 24-hour urine collection"
    r"(?:mg|milligrams?)" + _PER + r"(?:gm?|grams?|mg|milligrams?|mmol(?:es?)?|millimol(?:es?)?)",
    r"gm?\s*/\s*gm?",
    r"bpm|(?:beats?\s*)?" + _PER + r"min(?:ute)?s?|beats?" + _PER + r"mn",
    r"(?:kgs?|kilograms?)(?!\s*/)|lbs?|pounds?",
    r"cms?|centimet(?:er|re)s?|inch(?:es)?",  # a body height
    r"(?:l|lit(?:er|re)s?)\s*/\s*min(?:ute)?\s*/\s*(?:m\s*(?:\^\s*2|2|²)|sqm)",  # a cardiac index
    r"(?:l|lit(?:er|re)s?|ml|cc)(?!\s*/)",
    r"ppb",
    r"(?:mg|g)\s*(?:dl|l)\s*-\s*1",
)
UNIT = r"(?:" + _TEN_POWER + "|" + "|".join(_PLAIN_UNITS) + r")(?:(?![a-z0-9])|(?<=m2)(?=for\s))"
"""A unit printed after a number; ``unit_of`` gives its canonical spelling. "≥ 50 mL/min/1.73 m2for
participants with ...": a space lost after the square metres."""

_TIME_UNITS = {
    "day": "days",
    "days": "days",
    "d": "days",
    "week": "weeks",
    "weeks": "weeks",
    "wk": "weeks",
    "wks": "weeks",
    "month": "months",
    "months": "months",
    "mo": "months",
    "year": "years",
    "years": "years",
    "yr": "years",
    "yrs": "years",
    "hour": "hours",
    "hours": "hours",
    "hr": "hours",
    "hrs": "hours",
    "h": "hours",
}
TIME_UNIT = r"(?:days?|weeks?|wks?|months?|years?|yrs?|hours?|hrs?|h)(?![a-z])"


def time_unit_of(text: str) -> str:
    """ "wk" → "weeks", "h" → "hours"; the spelling must have matched ``TIME_UNIT``."""
    return _TIME_UNITS[text.strip()]


_SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_SPELLED_UNITS = {
    "micromoles": "µmol",
    "micromole": "µmol",
    "millimoles": "mmol",
    "millimole": "mmol",
    "mmoles": "mmol",
    "mmole": "mmol",
    "µ mol": "µmol",
    "µ l": "µl",
    "milligrams": "mg",
    "milligram": "mg",
    "micrograms": "µg",
    "microgram": "µg",
    "nanograms": "ng",
    "nanogram": "ng",
    "kilograms": "kg",
    "kilogram": "kg",
    "grams": "g",
    "gram": "g",
    "deciliters": "dl",
    "deciliter": "dl",
    "decilitres": "dl",
    "decilitre": "dl",
    "milliliters": "ml",
    "milliliter": "ml",
    "millilitres": "ml",
    "millilitre": "ml",
    "liters": "l",
    "liter": "l",
    "litres": "l",
    "litre": "l",
    "square meters": "m2",
    "square meter": "m2",
    "square metres": "m2",
    "square metre": "m2",
    "meter squared": "m2",
    "meters squared": "m2",
    "meter square": "m2",
    "metre squared": "m2",
}
_SPELLED = re.compile(_alternation(list(_SPELLED_UNITS)))
_SPELLED_KEYS = {spelled.replace(" ", ""): symbol for spelled, symbol in _SPELLED_UNITS.items()}
"""Unit words spelt out ("micromoles/liter", "kilograms per square meter") and their symbols."""


def unit_of(matched: str, printed: str) -> str | None:
    """The canonical spelling of a matched unit, or None when the unit table does not know it.

    ``printed`` is the same span in the original case: "G/L" (giga per litre, 10⁹/L) differs from "g/L".
    """
    text = matched.strip()
    power = re.fullmatch(_TEN_POWER, text)
    if power:
        digits = power.group("power").translate(_SUPERSCRIPT_DIGITS)
        per = power.group("per")
        per = "µL" if per not in {"l", "ml"} else per.upper() if per == "l" else "mL"
        return canonical_unit(f"10^{digits}/{per}")
    if printed.strip() in {"G/L", "G/l"}:
        return canonical_unit(printed.strip())
    cleaned = re.sub(r"\s*per\s+", "/", text).replace("mm(3)", "mm3").replace("m(2)", "m2")
    cleaned = re.sub(r"cubic\s+millim(?:et|etr)(?:er|re)", "mm3", cleaned)
    cleaned = re.sub(r"^cells?\s*/\s*millim(?:et|etr)(?:er|re)\s*\(\s*mm(3|\^3|³)\s*\)$", r"/mm\1", cleaned)
    cleaned = re.sub(r"^" + _COUNTED, "", cleaned).replace("percentage", "%").replace("percent", "%")
    cleaned = _SPELLED.sub(lambda m: _SPELLED_KEYS[re.sub(r"\s+", "", m.group(0))], cleaned).replace(
        "milli", "m"
    )
    cleaned = re.sub(r"\s+", "", cleaned).replace("cu.mm", "cumm")
    cleaned = re.sub(r"/1,73", "/1.73", cleaned)
    cleaned = re.sub(r"/1\.73(?:squaremeter|m\*\*2|m\^)$", "/1.73m2", cleaned).removesuffix(
        "ofbodysurfacearea"
    )
    cleaned = re.sub(r"^kg(?=m2$)", "kg/", cleaned)
    cleaned = re.sub(r"minutes?|min\.", "min", cleaned)
    cleaned = re.sub(
        r"^(m?g)(?:rams?)?(?:\(m?g\))?/24-?h(?:ours?|rs?)?(?:urine(?:collection)?)?$", r"\1/24h", cleaned
    )
    cleaned = re.sub(r"^(m?g)(d?l)-1$", r"\1/\2", cleaned)
    if cleaned in {"s", "sec", "second", "seconds"}:
        return canonical_unit("s")
    if cleaned in {"msec", "millisecond", "milliseconds", "msecond", "mseconds"}:
        return canonical_unit("ms")
    return canonical_unit(cleaned)


# --- multiples of the normal limits -----------------------------------------------------------------------

_INSTITUTION = (
    r"(?:(?:the|an?|institutional|institution'?s?|local|site'?s?|laboratory|lab|study|reference)\s+)*"
)
_OF_LABORATORY = (
    r"(?:\s+for\s+age)?(?:\s+(?:for|of|at)\s+(?:the\s+)?(?:reference\s+|local\s+|institutional\s+|central\s+)?"
    r"(?:lab(?:oratory)?|institution))?"
)
""""ULN for age", "ULN for the reference lab": the laboratory's own limit, the one the patient file holds."""
ULN = (
    _INSTITUTION + r"(?:i?uln(?![a-z])|unl(?![a-z])"  # not the start of "unless"
    r"|upper\s+limits?\s+(?:of\s+)?(?:the\s+)?(?:institutional\s+|laboratory\s+)?"
    r"(?:normal(?:ity)?|reference)(?:\s+reference)?(?:\s+(?:range|limits?|values?))?"
    r"|upper\s+(?:normal|reference)\s+(?:limits?|values?|range|levels?)"
    r"|upper\s+limits?\s+normal|normal\s+upper\s+limits?|upper\s+limits?|upper\s+normal|upper\s+standard)"
    r"(?:\s*[(\[]\s*i?(?:uln|unl)\s*[)\]])?" + _OF_LABORATORY
)
LLN = (
    _INSTITUTION
    + r"(?:i?lln|lower\s+limits?\s+(?:of\s+)?(?:the\s+)?(?:institutional\s+)?(?:normal|reference)"
    r"(?:\s+(?:range|limits?|values?))?|lower\s+(?:normal|reference)\s+(?:limits?|values?|range)"
    r"|lower\s+limits?\s+normal|normal\s+lower\s+limits?|lower\s+limits?)(?:\s*[(\[]\s*i?lln\s*[)\]])?"
    + _OF_LABORATORY
)
TIMES = r"(?:x|\*|-?\s?times|-?\s?fold)"


# --- thresholds -------------------------------------------------------------------------------------------

_QUANTITY = (
    r"(?P<num>" + NUMBER + r"|" + WORD_NUMBER + r"|(?<![a-z])(?:twice|double)(?![a-z]))"
    r"(?:\s*(?:-|to|–|~)\s*(?P<num2>" + NUMBER + r"))?"
    # "> 4 times exceeding the upper reference limit": the word between the multiple and the limit restates
    # the comparator printed before it (without one, no comparator is read and the item stays for review)
    r"(?:\s*(?:(?P<times>"
    + TIMES
    + r")(?:\s*of(?![a-z]))?(?:\s+(?:above|exceeding)(?=\s+(?:the\s+)?(?:i?uln|upper)))?)?"
    r"\s*(?:the\s+)?(?P<uln>" + ULN + r")|\s*(?P<lln>" + TIMES + r"?\s*" + LLN + r")"
    r"|\s*(?P<normal>" + TIMES + r"\s*(?:the\s+)?(?:institutional\s+)?normal(?:\s+limits?)?)(?![a-z])"
    r"|\s*(?P<control>" + TIMES + r"\s*(?:the\s+)?control(?:\s+values?)?)(?![a-z])"
    r"|\s*(?P<times_only>" + TIMES + r")(?![a-z0-9])(?!\s*" + NUMBER + r")(?!\s*10)"
    r"|\s*(?P<unit>" + UNIT + r")|\s*(?P<time>" + TIME_UNIT + r"))?"
)
THRESHOLD = re.compile(
    r"(?:(?P<cmp>"
    + COMPARATOR
    + r")\s*(?:of\s+|than\s+|to\s+)?(?:the\s+)?)?"
    + _QUANTITY
    + r"(?:\s*(?P<post_ge>"
    r"" + _POSTFIX_GE + r")|\s*(?P<post_le>" + _POSTFIX_LE + r"))?"
)
BARE_LIMIT = re.compile(
    r"(?P<cmp>" + COMPARATOR + r")\s*(?:the\s+)?(?:(?P<uln>" + ULN + r")|(?P<lln>" + LLN + r"))"
    r"|(?P<wnl>within\s+(?:\(w/in\)\s+)?(?:the\s+)?(?:(?:institutional|laboratory|lab|local)\s+)?(?:normal|reference)"
    r"(?:\s+(?:institutional|laboratory|lab))?\s+(?:limits?|range|values?)"
    r"|(?<=or\s)(?<!limit\sor\s)(?<!limits\sor\s)normal(?=\s*(?:$|[,;.(]|(?:by|on)\s)))"
)
""""≤ 3 × ULN", "within normal limits", and "normal" alone as the alternative to a printed limit ("LVEF at
least 45% or normal"): within normal limits too; not "upper limit or normal", a misprint of "of"."""


_TWICE_NORMAL = re.compile(
    r"\s*(?:the\s+)?(?:(?:institutional|upper)\s+)?normal(?:\s+(?:range|limits?|values?))?(?![a-z])"
)
""""twice normal", "double the normal range": "twice the upper limit of normal" is read by the ULN pattern."""


@dataclass(frozen=True, slots=True)
class Quantity:
    """One threshold read from text: ``comparator`` is None when none was printed ("ANC 1500/µL")."""

    start: int
    end: int
    comparator: Comparator | None
    number: Number
    upper: Number | None
    """The second number of a printed range ("≤ 1.5 - 3 x ULN", "18 - 75", "2~10 × ULN")."""
    unit: str | None
    unit_text: str | None
    multiple_of: str | None
    times_only: bool
    """"≤ 5 x" with no unit: a multiple of whatever the sentence's base threshold is a multiple of."""
    time_unit: str | None
    plus_seconds: float | None = None
    """Seconds added to the multiple ("> ULN + 4 seconds"), see ``lab_seconds_over``."""


_MOLAR = re.compile(r"\s*(?P<unit>mM|[µμu]M)(?:\s*/\s*[lL])?(?![A-Za-z0-9])")
""""5.6 mM", "25 μM": molar units, told from millimetres only by their capital M, read on the printed text."""


_FEET_INCHES = re.compile(r"\s*['’′]\s*(?P<inches>\d|1[01])\s*(?:\"|''|”|″)")
""""6'2\"", "6' 3\"": a height in feet and inches, read as the inches it is."""


def _in_inches(feet: Number, match: re.Match[str]) -> Number:
    return Number(feet.value * 12 + int(match.group("inches")), None)


def find_quantities(norm: str, printed: str, start: int = 0) -> list[Quantity]:
    """Every number in the text (from ``start``) with the comparator before it and the unit or limit after."""
    found = []
    names = name_spans(norm)
    inches_end = 0
    for match in THRESHOLD.finditer(norm, start):
        if match.group("num") is None or match.start() < inches_end:
            continue
        if names and in_a_name(names, *match.span("num")):  # "type 2 diabetes", "HIV-1", "(2015 edition)"
            continue
        comparator = comparator_of(match.group("cmp")) if match.group("cmp") else None
        if match.group("post_ge") or match.group("post_le"):
            postfix = Comparator.GE if match.group("post_ge") else Comparator.LE
            # "less than 1+" (a dipstick grade) or "< 18 or older": a printed comparator the postfix
            # contradicts leaves the threshold without one, so it is not read.
            agrees = comparator is None or comparator.is_lower_bound == postfix.is_lower_bound
            comparator = (comparator or postfix) if agrees else None
        number_text = match.group("num")
        number = Number(2.0, None) if number_text in {"twice", "double"} else read_number(number_text)
        upper = read_number(match.group("num2")) if match.group("num2") else None
        unit_text = match.group("unit")
        unit = None
        end = match.end()
        if unit_text:
            unit = unit_of(unit_text, printed[match.start("unit") : match.end("unit")])
        elif end == match.end("num2" if match.group("num2") else "num"):
            molar = _MOLAR.match(printed, end)
            if molar:
                unit_text = molar.group("unit")
                unit = canonical_unit("mmol/L" if unit_text.startswith("m") else "µmol/L")
                end = molar.end()
        if unit_text is None and not upper and "'" in norm[end : end + 3]:
            feet = _FEET_INCHES.match(norm, end)
            if feet is not None:  # "height less than 6'2\"": 74 inches
                number, unit, unit_text, end = (
                    _in_inches(number, feet),
                    "in",
                    feet.group(0).strip(),
                    feet.end(),
                )
                inches_end = end
        multiple = None
        if number_text in {"twice", "double"} and not (unit_text or match.group("uln") or match.group("lln")):
            normal = _TWICE_NORMAL.match(norm, end)
            if normal:  # "less than twice normal": two times the upper limit
                multiple, end = "uln", normal.end()
        if match.group("uln") or match.group("normal"):
            multiple = "uln"
        elif match.group("lln"):
            multiple = "lln"
        elif match.group("control"):
            multiple = "control"
        time = match.group("time")
        found.append(
            Quantity(
                start=match.start(),
                end=end,
                comparator=comparator,
                number=number,
                upper=upper,
                unit=unit,
                unit_text=unit_text,
                multiple_of=multiple,
                times_only=bool(match.group("times_only")),
                time_unit=time_unit_of(time) if time else None,
            )
        )
    return found


def find_bare_limits(norm: str, start: int = 0) -> list[tuple[int, int, Comparator, str]]:
    """ "≤ ULN", "no greater than the upper limit of normal": no number printed. "Within normal limits" is
    reported with the multiple "normal": between the lower and the upper limit."""
    found = []
    for match in BARE_LIMIT.finditer(norm, start):
        if match.group("wnl"):
            found.append((match.start(), match.end(), Comparator.LE, "normal"))
            continue
        multiple = "uln" if match.group("uln") else "lln"
        found.append((match.start(), match.end(), comparator_of(match.group("cmp")), multiple))
    return found
