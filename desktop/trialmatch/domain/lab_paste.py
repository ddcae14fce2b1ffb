"""Reading a lab panel pasted from a report or a laboratory system ("Paste labs" in the GUI).

Panels arrive as one line ("ANC 1.2, PLT 85 K/uL, Hb 9.8 g/dL"), one test per line ("ALT: 45 U/L (7-56)")
or tab-separated export rows ("Hemoglobin<TAB>9.8<TAB>g/dL<TAB>12.0-16.0"). What is read becomes lab
entries; whatever cannot be read with certainty is returned verbatim so the clinician sees it. Never guessed:
a unit that is not a unit for the test, a value impossible in its unit, a value given as "< 0.2", a bare
number that is not plausible in the test's usual unit.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from trialmatch.domain.analytes import Analyte, resolve_analyte
from trialmatch.domain.patient import LabEntry
from trialmatch.domain.units import canonical_unit, convert, is_unit_for


@dataclass(frozen=True, slots=True)
class PanelParse:
    entries: list[LabEntry] = field(default_factory=list)
    not_understood: list[str] = field(default_factory=list)
    """Fragments of the pasted text that were not read, verbatim."""


_NUMBER = r"\d+(?:[.,]\d+)?"
_VALUE = re.compile(rf"(?<![\w.,^*/+-])({_NUMBER})(?![\d])")
_COMPARATOR = re.compile(r"[<>≤≥]=?\s*$")
_FLAG = re.compile(
    r"\s*(?:\((?:HH|LL|H|L|A)\)|HH|LL|H|L|A|\*+|!+|↑|↓|high|low|abnormal)(?=\s|$|[(\[,])", re.I
)
_PLAIN_NUMBER = re.compile(_NUMBER)
_LIMIT = re.compile(
    rf"[(\[]?\s*(ULN|LLN|upper limit of normal|lower limit of normal)\s*[:=]?\s*({_NUMBER})\s*[)\]]?", re.I
)
_RANGE = re.compile(
    rf"[(\[]?\s*(?:(?:ref(?:erence)?\.?(?:\s*range|\s*interval)?|normal(?:\s*range)?|range|rr|n)\s*[:=]?\s*)?"
    rf"({_NUMBER})\s*(?:-|–|—|to)\s*({_NUMBER})\s*[)\]]?",
    re.I,
)
_BOUND = re.compile(rf"[(\[]?\s*(<=?|≤|>=?|≥)\s*({_NUMBER})\s*[)\]]?")
_DATE = re.compile(r"(?:(?:date|collected|drawn|sampled|on)\s*[:=]?\s*)?(\d{4}-\d{2}-\d{2})", re.I)
_DATE_LINE = re.compile(rf"\s*{_DATE.pattern}\s*:?\s*$", re.I)


def parse_lab_panel(text: str) -> PanelParse:
    """Lab entries read from pasted text, and the fragments that could not be read (verbatim)."""
    result = PanelParse()
    current_date: dt.date | None = None
    for fragment in _fragments(text):
        date_line = _DATE_LINE.fullmatch(fragment)
        if date_line:
            current_date = _iso_date(date_line.group(1))
            if current_date is not None:
                continue
        _read_fragment(fragment, current_date, result)
    return result


def _fragments(text: str) -> Iterator[str]:
    """Lines; within a line (not a tab-separated row) the items between ";" or ", " outside parentheses."""
    for line in text.splitlines():
        if not line.strip():
            continue
        if "\t" in line:
            yield line.strip()
            continue
        depth, start = 0, 0
        for index, char in enumerate(line):
            if char in "([":
                depth += 1
            elif char in ")]":
                depth = max(depth - 1, 0)
            elif depth == 0 and (char == ";" or (char == "," and _separates(line, index))):
                if line[start:index].strip():
                    yield line[start:index].strip()
                start = index + 1
        if line[start:].strip():
            yield line[start:].strip()


def _separates(line: str, index: int) -> bool:
    """A comma separates items unless it sits inside a number ("9,8" decimal, "150,000" thousands)."""
    before = line[index - 1] if index else ""
    after = line[index + 1] if index + 1 < len(line) else ""
    return not (before.isdigit() and after.isdigit())


def _number(text: str) -> float:
    """ "9,8" is 9.8 (decimal comma); "150,000" is 150000 (three digits after the comma are thousands)."""
    if "," in text:
        whole, _, decimals = text.partition(",")
        return float(whole + decimals) if len(decimals) == 3 else float(f"{whole}.{decimals}")
    return float(text)


def _iso_date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


@dataclass(slots=True)
class _Reading:
    test: str
    analyte: Analyte
    value: float
    unit: str | None = None
    uln: float | None = None
    lln: float | None = None
    date: dt.date | None = None


def _read_fragment(fragment: str, date: dt.date | None, result: PanelParse) -> None:
    """Read one item; what follows a complete reading on the same line is read as the next item."""
    parsed = _read_one(fragment, date)
    if parsed is None:
        result.not_understood.append(fragment)
        return
    label, reading, leftover = parsed
    entry = _entry(reading)
    if entry is None or (leftover and reading.unit is None and not _starts_reading(leftover)):
        result.not_understood.append(fragment)
        return
    if label:
        result.not_understood.append(label)
    result.entries.append(entry)
    if leftover:
        _read_fragment(leftover, date, result)


def _starts_reading(text: str) -> bool:
    return _read_one(text, None) is not None


def _read_one(fragment: str, date: dt.date | None) -> tuple[str, _Reading, str] | None:
    """A label before the reading ("Labs today:"), the first reading of a fragment, and the unread rest.

    The test name is the longest text before a number that names a test ("CA-125 35", not "CA" 125).
    """
    best: tuple[str, Analyte, str, re.Match[str]] | None = None
    for match in _VALUE.finditer(fragment):
        label, name = _label_and_name(fragment[: match.start()])
        analyte = resolve_analyte(name) if name and not _COMPARATOR.search(name) else None
        if analyte is not None:
            best = (label, analyte, name, match)
    if best is None:
        return None
    label, analyte, name, match = best
    reading = _Reading(test=name, analyte=analyte, value=_number(match.group(1)), date=date)
    rest = _skip_flags(fragment[match.end() :])
    reading.unit, rest = _take_unit(rest)
    leftover = _take_extras(reading, rest)
    if leftover is None:
        return None
    return label, reading, leftover


def _label_and_name(before: str) -> tuple[str, str]:
    """Split "Labs today: Hb" into a label and a test name, when only the part after the colon is a test."""
    name = before.strip().rstrip(":=").strip()
    head, colon, tail = name.rpartition(":")
    if colon and resolve_analyte(name) is None and resolve_analyte(tail) is not None:
        return f"{head}:".strip(), tail.strip()
    return "", name


def _skip_flags(text: str) -> str:
    while match := _FLAG.match(text):
        text = text[match.end() :]
    return text


def _take_unit(text: str) -> tuple[str | None, str]:
    """The longest run of up to three words at the start that is a unit ("x 10^9/L", "mL/min/1.73 m²"); a
    lone "L" after the value is the low flag, not litres."""
    stripped = text.lstrip()
    words = [m.group(0) for m in re.finditer(r"\s*[^\s()\[\]]+", stripped)][:3]
    for count in (3, 2, 1):
        candidate = "".join(words[:count])
        if (
            len(words) >= count
            and not _PLAIN_NUMBER.fullmatch(candidate)
            and not _FLAG.fullmatch(candidate)
            and canonical_unit(candidate)
        ):
            return candidate.strip(), stripped[len(candidate) :]
    return None, stripped


def _take_extras(reading: _Reading, text: str) -> str | None:
    """Consume flags, limits ("ULN 40", "(7-56)", "< 40") and a date; the unread rest, or None on a clash."""
    while text := _skip_flags(text).lstrip(" \t,;)]"):
        if (found := _DATE.match(text)) and (day := _iso_date(found.group(1))):
            reading.date = day
            text = text[found.end() :]
        elif limit := _LIMIT.match(text):
            if limit.group(1).lower().startswith(("uln", "upper")):
                reading.uln = _number(limit.group(2))
            else:
                reading.lln = _number(limit.group(2))
            text = text[limit.end() :]
        elif interval := _RANGE.match(text):
            reading.lln, reading.uln = _number(interval.group(1)), _number(interval.group(2))
            unit, text = _take_unit(text[interval.end() :])
            if unit is not None and reading.unit is None:
                reading.unit = unit  # exports that put the unit column after the range
            elif unit is not None and not _same_unit(unit, reading):
                return None
        elif bound := _BOUND.match(text):
            if bound.group(1) in {"<", "<=", "≤"}:
                reading.uln = _number(bound.group(2))
            else:
                reading.lln = _number(bound.group(2))
            text = text[bound.end() :]
        else:
            return text.strip()
    return ""


def _same_unit(unit: str, reading: _Reading) -> bool:
    written = canonical_unit(unit)
    expected = canonical_unit(reading.unit) if reading.unit else reading.analyte.unit
    return written is not None and written == expected


def _entry(reading: _Reading) -> LabEntry | None:
    """The reading as a lab entry, if its unit suits the test and every number is possible in it."""
    analyte = reading.analyte
    unit = reading.unit or analyte.unit
    if not is_unit_for(unit, analyte):
        return None
    low, high = (convert(limit, analyte.unit, unit, analyte) for limit in analyte.plausible)
    if not low <= reading.value <= high:
        return None
    for limit in (reading.uln, reading.lln):
        if limit is not None and not low <= limit <= high:
            return None
    if reading.uln is not None and reading.lln is not None and reading.lln >= reading.uln:
        return None
    return LabEntry(
        test=reading.test,
        value=reading.value,
        unit=unit,
        uln=reading.uln,
        lln=reading.lln,
        date=reading.date,
    )
