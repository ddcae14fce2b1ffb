"""When and how a lab value is taken: "within 14 days prior to registration", "at Cycle 1 Day 1 pre-dose",
"demonstrated by at least 2 ECGs > 30 minutes apart". These words do not change the threshold, so the lab
reader claims them as read. How far back before the trial's start the value may be drawn ("within 14 days
prior to registration") is also returned as a ``Window``, which ``lab_window`` puts on the thresholds and the
check holds the value's date to; the way it was drawn the patient file does not record.

Only phrases that name the draw are claimed. A time span that is part of the requirement ("no transfusion
within 14 days", "stable for 3 months", "two values 4 weeks apart") is left to the reader, which sends it to
review; so is a time that changes which value counts ("initial WBC", "testosterone before 9:00 am").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from trialmatch.domain.criteria.reading.text import Segment, Span

_STUDY_DRUG = (
    r"(?:study\s+(?:drug|treatment|medication)|investigational\s+(?:product|drug)|protocol\s+(?:therapy|treatment)"
    r"|[a-z]+-?\d+[a-z0-9-]*(?![a-z0-9]))"
)
"""What the first dose is of: the study drug, by name or by its code ("FT538"); a named drug such as
"chemotherapy" is left out, the time since it may be an exposure window."""
_ANCHOR = (
    r"(?:registration|enrol(?:l?ment|lemnt)|randomi[sz]ation|entry|treatment(?:\s+initiation)?"
    r"|(?:(?:first|1st)\s+)?(?:dose|administration|infusion)\s+of\s+(?:the\s+)?" + _STUDY_DRUG + r"|c1d1"
    r"|(?:first|1st)\s+(?:dose|administration|infusion)|day\s+1|cycle\s+1,?\s*day\s+1|screening|inclusion"
    r"|(?:signing\s+(?:of\s+)?(?:the\s+)?)?(?:informed\s+)?consent(?:\s+form)?|protocol\s+(?:therapy|treatment)"
    r"|(?:drug|treatment)\s+administration|therapy|drug|dosing|administration|lymphodepletion|accrual)"
)
_AMOUNT = r"(?P<amount>\d+|one|two|three|four)\s*(?P<unit>days?|d|weeks?|wks?|months?|hours?|hrs?|h)(?![a-z])"
_TIMING = re.compile(
    r"(?:(?:obtained|performed|done|measured|drawn|collected|assessed|completed)\s+)?"
    r"(?:within|≤|<=|in\s+the|during\s+the)\s+"
    r"(?:the\s+)?(?:last\s+|past\s+|previous\s+)?(?:≤|<=|<)?\s*"
    + _AMOUNT
    + r"(?:\s*(?P<link>prior\s+to|before|of|preceding|from)\s+"
    r"(?P<event>(?:the\s+)?(?:receiving\s+(?:the\s+)?|(?:planned\s+)?start(?:ing)?\s+(?:of\s+)?|initiation\s+of\s+(?:the\s+)?)?"
    r"(?:study\s+)?"
    + _ANCHOR
    + r"(?:\s+(?:of\s+)?(?:study\s+)?(?:treatment|drug|therapy)|\s+step\s+registration)?))?"
    r"(?:\s*,?\s*unless\s+otherwise\s+(?:indicated|specified|noted|stated))?"
)
""""within 14 days prior to registration": when the lab is drawn, which a patient file does not record."""
_RECENCY = re.compile(
    r"(?:(?:obtained|performed|done|measured|drawn|collected|assessed)\s+)?(?:(?:during|at)\s+screening\s+or\s+)?"
    r"(?:up\s+to|no\s+more\s+than|not\s+more\s+than|no\s+longer\s+than|at\s+most)\s+" + _AMOUNT + r"\s+"
    r"(?P<link>prior\s+to|before)\s+(?P<event>(?:the\s+)?(?:study\s+)?"
    r"(?:registration|enrol?ment|enrollment|randomi[sz]ation|entry|screening|baseline|inclusion|consent"
    r"|treatment|first\s+dose|day\s+1))(?![a-z])"
)
""""up to 12 weeks before screening": the same recency, said with a bound instead of "within"; only with what
it is counted back from, so a bare "up to 12 weeks" is never taken for it."""
_LAST_MONTH = re.compile(
    r"during\s+the\s+(?:last\s+|past\s+)?(?P<unit>month)\s+(?P<link>prior\s+to|before)\s+"
    r"(?P<event>(?:the\s+)?(?:study\s+)?" + _ANCHOR + ")"
)
""""during the month before study entry": "within 1 month", in words."""
_LEADING = re.compile(
    r"(?:(?<=:)|(?<=^))\s*(?P<amount>\d+|one|two|three|four|seven)\s*(?P<unit>days?|weeks?)\s+"
    r"(?P<link>prior\s+to|before)\s+(?P<event>(?:the\s+)?(?:study\s+)?" + _ANCHOR + r")\s*(?=[,:])"
)
""""Adequate marrow function: 14 days before enrollment, ANC ≥ ...": the date of the draw put in front of the
values, said without "within"; only as a phrase of its own between a colon and a comma, so "at least 14 days
before" or "no transfusion 14 days before" is never taken for it."""
_FROM_VISIT = re.compile(
    r"(?<![a-z])from\s+(?:screening\s+)?visit\s+\d+(?:\s*[(\[][^()\[\]]{0,20}[)\]])?\s+(?:to|through|until)"
    r"(?=\s+visit\s+\d+)"
)
""""from Visit 2 (Week -3) to Visit 5 (Week 0)": the screening visits the value is taken at."""
_REST = re.compile(
    r"(?<![a-z])after\s+(?:resting\s+(?:for\s+)?(?:at\s+least\s+)?\d+(?:\s*-\s*\d+)?\s*(?:minutes?|mins?)"
    r"|(?:at\s+least\s+)?\d+(?:\s*-\s*\d+)?\s*(?:minutes?|mins?)\s+(?:of\s+)?rest(?:ing)?"
    r"(?:\s+in\s+(?:a\s+)?(?:sitting|seated|supine)\s+position)?)(?![a-z])"
)
""""after resting 5 minutes", "after 5-10 minutes of rest in a sitting position": how a vital sign is
taken."""
_FASTING = re.compile(
    r"[(\[]?\s*(?:after\s+(?:at\s+least\s+|an?\s+)?(?:\d+|eight|ten|twelve)[\s-]*(?:hours?|hrs?|h)\s+(?:of\s+)?"
    r"(?:fasting|fast)|fasting\s+(?:is\s+)?defined\s+as\s+no\s+caloric\s+intake\s+for\s+at\s+least\s+\d+\s*"
    r"(?:hours?|hrs?|h))(?![a-z])\s*[)\]]?"
)
""""(after at least 8 hours fasting)", "(fasting is defined as no caloric intake for at least 8h)": what
fasting means, for a value already read as fasting."""
_OXIMETRY = re.compile(
    r"(?<![a-z])(?:(?:as\s+)?(?:measured|assessed|determined)\s+)?(?:by|via|on|per|using)\s+(?:a\s+)?"
    r"pulse[\s-]?oxim(?:etry|eter)(?![a-z])"
)
""""SaO2 at least 90% by pulse oximetry": how the saturation is taken; the words also name the analyte, so
without another name before them the threshold is left with none and goes to review."""
_SCREENING = re.compile(
    r"(?<![a-z])(?:within|during|in)\s+the\s+(?:\d+[\s-]*days?\s+)?screening\s+(?:period|phase|window)(?![a-z])"
    r"|(?<![a-z])(?:on\s+|at\s+)?day\s+1\s+of\s+cycle\s+1(?![0-9])"
    r"|(?<![a-z])(?:at|during|in)\s+(?:the\s+|a\s+)?(?:pre-?\s?recruitment|screening)\s+(?:evaluation|assessment|visit)s?"
    r"(?![a-z])"
)
""""within the 28-day screening period", "on day 1 of cycle 1", "at pre-recruitment evaluation", "during a
screening visit": the visits the value is taken at."""
_MOST_RECENT = re.compile(
    r"(?<![a-z])(?:(?:on|at|in)\s+)?(?:the\s+)?most\s+recent(?:\s+(?:laboratory\s+|lab\s+)?(?:value|test|measurement"
    r"|assessment|result))?(?![a-z])|(?<![a-z])last\s+known(?=\s)|(?<![a-z])recent(?=\s+[a-z])"
)
""""on the most recent test", "last known left ventricular ejection fraction", "recent hemoglobin A1c >= 8":
the value a patient file holds is the most recent one."""
_PRE_DOSE = re.compile(r"(?<![a-z])pre-?\s?dose(?![a-z])")
""""at Cycle 1 Day 1 pre-dose": the draw before the first dose, that is the value at entry."""
_ON_ECG = re.compile(
    r"(?<![a-z])(?:obtained\s+)?(?:from|on|in|by)\s+(?:an?\s+|the\s+)?(?:\d{1,2}[\s-]*leads?\s+)?"
    r"(?:ecg|ekg|electrocardiogram)(?![a-z])"
    r"|(?<![a-z])(?:obtained\s+)?from\s+(?:the\s+)?(?:triplicate|\d|three)\s+(?:ecgs|ekgs|electrocardiograms)(?![a-z])"
    r"|,?\s*using\s+(?:the\s+)?(?:screening\s+|local\s+)?(?:clinic\s+)?(?:ecg|ekg)\s+machine[\s-]*derived\s+"
    r"(?:qtcf|fridericia'?s?\s+(?:formula\s+)?(?:\(\s*qtcf\s*\)\s*)?)\s*values?(?![a-z])"
    r"|(?<![a-z])(?:calculated|derived|obtained)\s+from\s+(?:the\s+)?(?=(?:mean|average)\s+of\s)"
)
""""QTcF > 470 ms obtained from ECG", "heart rate ... in ECG", "calculated from the mean of three ECGs",
"obtained from triplicate ECGs": the ECG is where the value comes from. "using the screening clinic ECG
machine-derived QTcF value" too, when the machine's value is said to be Fridericia's: a machine's own "QTc"
may be Bazett's, another value than the file's QTcF."""
_ECG_REPEATS = re.compile(
    r"(?<![a-z])(?:demonstrated|confirmed|documented)\s+(?:by|on|in)\s+(?:at\s+least\s+)?(?:\d|two|three)\s+"
    r"(?:consecutive\s+|successive\s+|separate\s+)?(?:ecgs|electrocardiograms)"
    r"|(?:to\s+be\s+)?(?:recorded|measured|taken)\s+(?:at\s+least\s+)?(?:\d|two|three)\s+times(?![a-z])(?!\s*(?:the\s+)?(?:uln|upper|lower|lln|normal|institutional))"
    r"|(?:in|on|from)\s+(?:\d|two|three)\s+(?:successive|consecutive)\s+(?:screening\s+)?(?:measurements|readings)"
    r"|(?:>|≥|at\s+least\s+|approximately\s+)?\s*\d+(?:\s*-\s*\d+)?\s*(?:minutes?|mins?)\s+apart(?![a-z])"
)
""""demonstrated by at least 2 ECGs > 30 minutes apart", "(to be recorded at least 3 times at least 5 minutes
apart)", "in three successive Screening measurements": how the ECG reading is confirmed. Only for values read
off an ECG: for a lab, two values some time apart are a requirement of their own (a PSA rise, a persistent
cytopenia)."""
ECG_ANALYTES = frozenset({"qtcf", "qtcb", "heart_rate"})

_PLUS_GRADE = re.compile(r"(?:≥|>|<|≤|=)\s*\(?\s*(?:\++|[0-4]\s*\+(?![\d+]))\)?")
""""urine protein ≥ ++", "proteinuria > 1+": a dipstick grade in pluses, which is no amount the analyte's
units could hold ("> 1+" read as "> 1 g/24 h")."""
_OTHER_QT_CORRECTION = re.compile(r"(?<![a-z])(?:baz+et+|framingham|hodges)(?![a-z])")
""""QTc (Bazett)": a correction other than Fridericia's gives another value than the file's QTcF."""


_GUARDED: tuple[tuple[tuple[str, ...], re.Pattern[str]], ...] = (
    (("month",), _LAST_MONTH),
    ((":",), _LEADING),
    (("visit",), _FROM_VISIT),
    (("min",), _REST),
    (("fast",), _FASTING),
    (("oxim",), _OXIMETRY),
    (("screening", "cycle", "recruitment"), _SCREENING),
    (("recent", "last known"), _MOST_RECENT),
    (("dose",), _PRE_DOSE),
)
"""Each pattern with the words it needs, looked for first: most criteria hold none of them."""


@dataclass(frozen=True, slots=True)
class Window:
    """A draw window before the trial's start: ``days`` counted back from it, ``text`` as the reason says it
    ("14 days before registration"), ``span`` where it is written."""

    days: int
    text: str
    span: Span


_WINDOWED = (_TIMING, _RECENCY, _LAST_MONTH, _LEADING)
"""The patterns that may say how far back the value may be drawn; only with the event counted back from."""
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "seven": 7}
_DAYS_PER = {"d": 1, "w": 7, "m": 30, "h": 0}
"""Days per unit by its first letter; hours are counted apart (a date holds no hour)."""
_UNIT_WORDS = {"d": "days", "w": "weeks", "m": "months", "h": "hours"}


_CLAUSE_START = re.compile(r".*[(\[;:]|.*\.\s", re.DOTALL)
_DATES_ANOTHER = re.compile(
    r"(?<![a-z])(?:regimen|stable|transfus\w*|growth\s+factors?|support\w*|hydroxy\w+|leukapheresis|hepatoprotect\w*"
    r"|corrective|stimulat\w*|no|not|without|history|g-?csf)(?![a-z])"
)
""""(Note: a stable antihypertensive regimen should be in place within 1 week before the first dose)", "(no
blood transfusion within 14 days before screening)": the clause dates something else than the draw."""


def _window(segment: Segment, match: re.Match[str]) -> Window | None:
    """The window a timing match states: an amount of time before an event about to happen (the anchors are
    the trial's start: registration, randomisation, first dose...). "within 14 days from ..." is not said
    to lie before it, a span without its event says nothing of where it is counted from, and one in a
    clause on support, a regimen or a history dates that, not the draw."""
    groups = match.groupdict()
    if not groups.get("event") or groups.get("link") == "from":
        return None
    clause = _CLAUSE_START.match(segment.norm, segment.start, match.start())
    if _DATES_ANOTHER.search(segment.norm, clause.end() if clause else segment.start, match.start()):
        return None
    amount = groups.get("amount")
    count = 1 if amount is None else _NUMBER_WORDS.get(amount) or int(amount)
    unit = groups["unit"][0]
    days = count // 24 if unit == "h" else count * _DAYS_PER[unit]
    words = _UNIT_WORDS[unit]
    how_long = words[:-1] if count == 1 else f"{count} {words}"
    event = segment.quote(*match.span("event"))
    return Window(days, f"{how_long} before {event}", match.span())


def timing_spans(segment: Segment, analytes: frozenset[str]) -> tuple[list[Span], list[Window]]:
    """The spans saying when or how the value is taken, with the draw windows among them; ECG procedure
    only when ``analytes`` are read off an ECG."""
    norm, start, end = segment.norm, segment.start, segment.end
    window = norm[start:end]
    matches = [*_TIMING.finditer(norm, start, end), *_RECENCY.finditer(norm, start, end)]
    for cues, pattern in _GUARDED:
        if any(cue in window for cue in cues):
            matches += pattern.finditer(norm, start, end)
    spans = [m.span() for m in matches]
    windows = [w for m in matches if m.re in _WINDOWED and (w := _window(segment, m)) is not None]
    if analytes & ECG_ANALYTES:
        if "ecg" in window or "ekg" in window or "electrocardiogram" in window:
            spans += [m.span() for m in _ON_ECG.finditer(norm, start, end)]
        spans += [m.span() for m in _ECG_REPEATS.finditer(norm, start, end)]
    return spans, windows


def plus_grade(segment: Segment) -> str | None:
    """A threshold written as a dipstick grade in pluses ("≥ ++"), quoted; no number is read from it, so the
    sentence must not be read as if the grade were not there."""
    if not segment.contains("+"):
        return None
    match = _PLUS_GRADE.search(segment.norm, segment.start, segment.end)
    return segment.quote(*match.span()) if match else None


def other_correction(segment: Segment, analytes: frozenset[str]) -> str | None:
    """The QT correction named when it is not Fridericia's, quoted: the file's QTcF is not that value."""
    if "qtcf" not in analytes:
        return None
    match = _OTHER_QT_CORRECTION.search(segment.norm, segment.start, segment.end)
    return segment.quote(*match.span()) if match else None
