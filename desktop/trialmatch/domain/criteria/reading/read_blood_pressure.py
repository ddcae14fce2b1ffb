"""Reader for a blood pressure printed as a systolic/diastolic pair: "Blood pressure > 160/100 mmHg", "resting
BP < 140/90 mmHg", "Hypertension >160/100mmHg", and for the two values each named after it: "BP > 180
(systolic) or > 105 (diastolic)".

A pressure above a pair is high when either value is (hypertension guidelines all say "systolic and/or
diastolic"), and a pressure below a pair is under both; so an exclusion of a pressure above the pair excludes
on either value, and an inclusion of a pressure below it requires both. The other two ("BP < 90/50" as an
exclusion, "BP > 90/60" as a requirement) are hypotension limits whose combination trials word both ways:
not read. Only the pair with its name and measuring words is read here; a sentence saying more goes on to
the other readers, and to review.

The name may be the hypertension the pair defines ("Poorly controlled hypertension >130/80 mmHg"): the trial
says what it means by it, as ``read_defined`` reads a bracketed definition. "SBP > 140/90" and "HTN >
140/90" name the pair too: the second value can only be the diastolic one.

Two values each followed by their name ("≥ 160 mmHg (systolic) or ≥ 100 mmHg (diastolic)") are two
thresholds joined by the word between them, as the lab reader joins any two: in an exclusion "and" is read
both ways (excluding when both are met, not when neither is, unknown between) and "or", "and/or" or a comma
as either; in an inclusion "or" is either, "and/or" either
for the raised values it asks, and "and" both. A comparator printed once ("no greater than 140 mmHg
(systolic) and 90 mmHg (diastolic)") holds for both values.
"""

from __future__ import annotations

import re

from trialmatch.domain.criteria.base import Comparator
from trialmatch.domain.criteria.lab import LabThreshold
from trialmatch.domain.criteria.logic import AllOf, AnyOf
from trialmatch.domain.criteria.reading.numbers import COMPARATOR, comparator_of
from trialmatch.domain.criteria.reading.text import Read, Segment
from trialmatch.domain.criteria.registry import Rule
from trialmatch.domain.trial import Section

_WHO = r"\s*(?:(?:patients?|subjects?|participants?)\s+with\s+|(?:has|have)\s+)?(?:an?\s+)?"
_HYPERTENSION = (
    r"(?P<label>(?:(?:uncontrolled|uncontrollable|poorly\s+controlled|inadequately\s+controlled|severe|resting"
    r"|arterial|systemic)\s+)*(?:hypertension|high\s+blood\s+pressure))\s+(?:of\s+)?"
)
_MEASURED = r"(?:(?:resting|seated|sitting|supine|mean|average|baseline|screening|arterial)\s+)*"
_NAMED = (
    r"(?P<name>blood\s+pressure|bp|sbp\s*/\s*dbp|sbp|htn)(?:\s*\(\s*bp\s*\))?(?:\s+(?:reading|measurement|value)s?)?"
    r"(?:\s+of|\s*:|\s+is|\s+was)?\s*"
)
_UNIT = r"\s*mm\s*-?\s*hg"
_TAIL = r"(?:\s+(?:at\s+rest|at\s+screening))?\s*[)\]]?\s*[.;,]?\s*"
""""at rest", and a bracket closed after the pair: ``read_defined`` blanks the condition words and the bracket
opening its definition ("Hypertension (SBP>140/90 mmHg)"), and leaves the closing one."""

_PAIR = re.compile(
    _WHO
    + r"(?:"
    + _HYPERTENSION
    + r")?"
    + _MEASURED
    + r"(?:"
    + _NAMED
    + r")?(?P<cmp>"
    + COMPARATOR
    + r")\s*(?P<sbp>\d{2,3})\s*/\s*(?P<dbp>\d{2,3})(?![\d.,/])"
    r"(?P<unit>" + _UNIT + r")?" + _TAIL
)
_POSTFIX = re.compile(
    _WHO
    + _MEASURED
    + r"(?:"
    + _NAMED
    + r")?(?P<cmp>"
    + COMPARATOR
    + r")\s*(?P<sbp>\d{2,3})(?P<unit>"
    + _UNIT
    + r")?\s*[(\[]\s*systolic\s*[)\]]\s*(?P<join>,|and\s*/\s*or|or|and)\s*(?:(?P<cmp2>"
    + COMPARATOR
    + r")\s*)?(?P<dbp>\d{2,3})(?P<unit2>"
    + _UNIT
    + r")?\s*[(\[]\s*diastolic\s*[)\]]"
    + _TAIL
)
_NAMED_AFTER = re.compile(
    r"\s*(?:systolic\s+and\s+diastolic\s+)?(?:bp|blood\s+pressure)\s+(?:values?|readings?)\s+of\s*(?P<cmp>"
    + COMPARATOR
    + r")\s*(?P<sbp>\d{2,3})(?P<unit>"
    + _UNIT
    + r")?\s*(?:sbp|systolic)\s+(?P<join>and\s*/\s*or|or|and)\s+(?P<cmp2>"
    + COMPARATOR
    + r")\s*(?P<dbp>\d{2,3})(?P<unit2>"
    + _UNIT
    + r")?\s*(?:dbp|diastolic)(?P<excluded>\s+(?:would|will)\s+result\s+in\s+(?:an?\s+)?exclusion"
    r"(?:\s+from\s+the\s+study)?)?\s*[.;]?\s*"
)
""""Systolic and diastolic BP values of >155 SBP and >95 DBP would result in exclusion from the study": each
value followed by its name, joined as the postfix pair is; the closing words say what the exclusion says."""
_CUES = ("pressure", "bp", "sbp", "htn", "hypertension", "systolic")


def names_blood_pressure(segment: Segment) -> bool:
    """Whether the segment may name a blood pressure this reader reads: a cheap test before the others."""
    return segment.contains(*_CUES)


def read_blood_pressure(segment: Segment, section: Section) -> Read | None:
    """The systolic and diastolic thresholds of "BP > 160/100 mmHg" or "BP > 180 (systolic) or > 105
    (diastolic)"; None when the segment is not such a pair alone, or is one whose combination is not settled
    (see the module)."""
    if not names_blood_pressure(segment):
        return None
    if segment.contains("/"):
        match = _PAIR.fullmatch(segment.norm, segment.start, segment.end)
        if match is not None and (match.group("label") or match.group("name")):
            return _pair(segment, section, match)
    if segment.contains("diastolic"):
        match = _POSTFIX.fullmatch(segment.norm, segment.start, segment.end)
        if match is not None:
            return _postfix(segment, section, match)
    if segment.contains(" values of", " value of", " readings of", " reading of"):
        match = _NAMED_AFTER.fullmatch(segment.norm, segment.start, segment.end)
        if match is not None and (section is Section.EXCLUSION or not match.group("excluded")):
            return _postfix(segment, section, match)
    return None


def _pair(segment: Segment, section: Section, match: re.Match[str]) -> Read | None:
    comparator = comparator_of(match.group("cmp"))
    if comparator.is_lower_bound != (section is Section.EXCLUSION):
        return None
    inferred = match.group("unit") is None
    span = match.span("cmp")[0], match.end("dbp")
    children: list[Rule] = [
        _threshold(analyte, comparator, float(match.group(analyte)), inferred, span)
        for analyte in ("sbp", "dbp")
    ]
    rule = AnyOf if comparator.is_lower_bound else AllOf
    return Read(rule(source_span=segment.span, children=children))


def _postfix(segment: Segment, section: Section, match: re.Match[str]) -> Read:
    comparator = comparator_of(match.group("cmp"))
    second = comparator_of(match.group("cmp2")) if match.group("cmp2") else comparator
    inferred = match.group("unit") is None and match.group("unit2") is None
    children: list[Rule] = [
        _threshold(
            "sbp", comparator, float(match.group("sbp")), inferred, (match.start("cmp"), match.start("join"))
        ),
        _threshold("dbp", second, float(match.group("dbp")), inferred, (match.end("join"), match.end("dbp"))),
    ]
    join = re.sub(r"\s+", "", match.group("join"))
    if section is Section.EXCLUSION:
        either = join != "and"
    else:
        raised = comparator.is_lower_bound and second.is_lower_bound
        either = join == "or" or (join == "and/or" and raised)
    if either:
        return Read(AnyOf(source_span=segment.span, children=children))
    # an exclusion's "≥ 160 mmHg (systolic) and ≥ 100 mmHg (diastolic)" may mean either value as well as both
    both_ways = section is Section.EXCLUSION
    return Read(AllOf(source_span=segment.span, children=children, read_both_ways=both_ways))


def _threshold(
    analyte: str, comparator: Comparator, value: float, inferred: bool, span: tuple[int, int]
) -> LabThreshold:
    return LabThreshold(
        source_span=span,
        analyte=analyte,
        comparator=comparator,
        value=value,
        unit="mmHg",
        unit_inferred=inferred,
    )
