"""Reader for a condition named and then defined by thresholds: "Current uncontrolled hypertension
(diastolic > 100 mmHg or systolic > 200 mmHg)", "Uncontrolled hypertension, defined as systolic BP > 160
mmHg", and for thresholds the trial holds "despite treatment": "systolic blood pressure ≥ 185 mmHg or
diastolic blood pressure ≥ 110 mmHg after anti-hypertension treatment".

The condition words and the definer are masked and the rest is left to the lab reader, which must read it
fully. The thresholds are then the criterion: the trial says what it means by the condition, and a patient
whose values do not meet the definition does not have it in the trial's sense.

Only conditions a threshold can define are named here (blood pressure, glycaemic control, organ function),
and only with modifiers the thresholds state ("uncontrolled", "severe"), or that narrow it and are carried on
them as a qualifier ("untreated", "symptomatic"): "heart failure (LVEF < 40%)" needs
more than an ejection fraction, "uncorrectable thrombocytopenia" more than a platelet count: neither is read
here (``read_composite`` reads a lexicon finding with its bracket as both, ``read_uncorrectable`` the
second with "uncorrectable" as the qualifier of its thresholds). Examples ("e.g.", "such as",
"including") never define. A definition listing thresholds with bare commas ("SBP > 140 mmHg, DBP > 90
mmHg") does not say whether all or any must hold: not read, unless an inclusion requires a normal state
("adequate", "stable"), where every value listed is required, or an exclusion carries a treatment or
repetition qualifier (below): a qualified threshold that is met is left to the clinician, so whichever
combination the trial meant, the reading excludes no one and passes only the patients within every limit.

A treatment qualifier ("despite optimal medical management", "on antihypertensive medications") narrows the
condition to treated patients, and a repetition ("on repeated readings", "permanently above") to values that
persist; it is carried on each threshold, so a value that does not reach the limit passes an exclusion and one
that does is left to the clinician. Negated with the threshold ("No uncontrolled hypertension ... despite
..." in an inclusion) it leaves the other side: a value within the limit passes, one past it is left to the
clinician (``lab_qualified``).

A diagnosis narrowed by thresholds ("COPD with a FEV1 < 50% of predicted normal", "HIV with CD4 < 200/mm³")
is both: the patient has the finding and meets the thresholds. The thresholds do not define the diagnosis
here, so neither is read without the other.
"""

from __future__ import annotations

import re
from itertools import pairwise

from trialmatch.domain.criteria.finding import FindingRule
from trialmatch.domain.criteria.lab import LabThreshold
from trialmatch.domain.criteria.logic import AllOf, AnyOf
from trialmatch.domain.criteria.reading.finding_grades import NYHA_NAME
from trialmatch.domain.criteria.reading.lab_child_pugh import admits_the_healthy
from trialmatch.domain.criteria.reading.lab_glycaemic_label import GLYCAEMIC, upper_limit_defines_high_glucose
from trialmatch.domain.criteria.reading.lab_notes import ALTERNATIVE, EXAMPLES
from trialmatch.domain.criteria.reading.lab_qualified import qualified_thresholds
from trialmatch.domain.criteria.reading.read_blood_pressure import read_blood_pressure
from trialmatch.domain.criteria.reading.read_findings import read_findings
from trialmatch.domain.criteria.reading.read_labs import read_labs
from trialmatch.domain.criteria.reading.text import Read, Segment, Span, holds_digit, masked, split_top_level
from trialmatch.domain.criteria.registry import Rule
from trialmatch.domain.lexicon import ancestors
from trialmatch.domain.trial import Section

_MODIFIERS = (
    "current",
    "currently",
    "known",
    "uncontrolled",
    "uncontrollable",
    "uncontroled",
    "poorly controlled",
    "inadequately controlled",
    "not well controlled",
    "not adequately controlled",
    "severe",
    "severely",
    "critical",
    "moderate",
    "moderately",
    "moderate to severe",
    "moderate-to-severe",
    "significant",
    "clinically significant",
    "arterial",
    "systemic",
    "poor",
    "impaired",
    "severely impaired",
    "laboratory evidence of",
    "evidence of",
    "presence of",
    "existence of",
    "adequate",
    "strong",
    "chronic",
)
"""Words the thresholds state: how high, how poorly controlled, that it is present now; two joined by "or"
("Significant or chronic renal insufficiency (defined as ...)") name the condition all the same."""

_CONDITIONS = (
    "hypertension",
    "high blood pressure",
    "blood pressure",
    "blood pressure control",
    "lung function",
    "diabetes",
    "diabetes mellitus",
    "dm",
    "hyperglycemia",
    "hyperglycaemia",
    "hematologic disease",
    "haematologic disease",
    "renal insufficiency",
    "renal impairment",
    "renal dysfunction",
    "renal function impairment",
    "kidney dysfunction",
    "hepatic impairment",
    "hepatic dysfunction",
    "liver dysfunction",
    "liver function impairment",
    "anemia",
    "anaemia",
    "neutropenia",
    "hypoxemia",
    "hypoxaemia",
    "obesity",
    "hypotension",
    "bradycardia",
    "nutritional status",
    "hemodynamic conditions must be stable",
    "hemodynamic conditions stable",
    "hypercalcemia",
    "hypercalcaemia",
    "hypocalcemia",
    "hypocalcaemia",
    "hypokalemia",
    "hypokalaemia",
    "hyperkalemia",
    "hyperkalaemia",
    "hyponatremia",
    "hyponatraemia",
    "hypomagnesemia",
    "hypomagnesaemia",
    "hypogonadism",
    "bleeding risk",
    "increased bleeding risk",
    "high bleeding risk",
    "increased risk of bleeding",
    "high risk of bleeding",
    "increased risk of coagulation dysfunction or bleeding",
    "systolic dysfunction",
    "left ventricular systolic dysfunction",
    "left ventricular dysfunction",
    "vital sign abnormalities",
    "vital signs abnormalities",
    "abnormal vital signs",
    "polycythemia",
    "polycythaemia",
    "erythrocytosis",
    "hypovolemia",
    "hypovolaemia",
)
"""Conditions a lab or vital-sign threshold can define (a bleeding risk the trial defines by platelets and
INR, "Increased risk of coagulation dysfunction or bleeding (PLT < 80 × 10⁹/L or INR > 1.5)"). Not
"heart failure", "coagulopathy", "liver failure", "chronic kidney disease" or "type 2 diabetes": each is a
diagnosis a threshold alone does not make."""

_PREFIX = (
    r"(?:if\s+there\s+is\s+|(?:patients?|subjects?|participants?)\s+with\s+|(?:has|have)\s+)?(?:an?\s+)?"
)
_GRADE = r"(?:ctcae\s+)?grade\s*(?:≥|>=)?\s*[1-4](?:\s+or\s+(?:higher|greater|above))?"
""""Grade ≥3 hypercalcemia (corrected serum calcium > 12.5 mg/dL)": the bracket states the grade's limit."""


def _alternation(phrases: tuple[str, ...]) -> str:
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True))


_NARROWING = ("untreated", "symptomatic")
"""Words that narrow the condition past what its thresholds state: "Untreated hypogonadism (total
testosterone < 300 ng/dL)", "Uncontrolled or symptomatic hypercalcemia (corrected calcium > ULN)". A value
beyond the limits may belong to a treated or symptom-free patient, so they are carried on the thresholds as a
qualifier: a value within the limits passes an exclusion, one beyond them is left to the clinician."""


_CONTROL_STATES = ("uncontrolled", "poorly controlled", "inadequately controlled", "not well controlled")
""""hypertension is still poorly controlled (...)": the modifier said after the condition."""


def _label_pattern(modifiers: tuple[str, ...]) -> re.Pattern[str]:
    """ "Polycythemia/hypovolemia (hemoglobin > 16.5 g/dL)": two names for what the bracket defines."""
    return re.compile(
        _PREFIX
        + r"(?:(?:"
        + _alternation(modifiers)
        + "|"
        + _GRADE
        + r")(?:\s+or)?\s+)*(?:"
        + _alternation(_CONDITIONS)
        + r")(?:\s*/\s*(?:"
        + _alternation(_CONDITIONS)
        + r"))?"
        + r"(?:\s+(?:is|remains)\s+(?:still\s+)?(?:"
        + _alternation(_CONTROL_STATES)
        + r"))?"
    )


_LABEL = _label_pattern(_MODIFIERS)
_NARROWED_LABEL = _label_pattern(_MODIFIERS + _NARROWING)
"""The label with narrowing words too: only this reader carries them, as a qualifier; ``defines`` (for the
composite reader, which would drop them) does not accept them."""
_NARROWING_WORD = re.compile(r"(?<![a-z])(?:" + _alternation(_NARROWING) + r")(?![a-z])")
_DEFINED = (
    r"(?:(?:as\s+)?defined\s+(?:as|by)|as\s+(?:indicated|evidenced|shown)\s+by|i\.\s?e\.|ie(?![a-z]))\s*,?"
)
_DEFINER = re.compile(r"\s*(?:[(\[]\s*(?:" + _DEFINED + r")?|,?\s*" + _DEFINED + r"|:)\s*")
""""(", "(i.e.,", ", defined as", "as indicated by", ":" between the condition and its thresholds."""
_NO = re.compile(r"\s*no\s+")
""""No uncontrolled hypertension (i.e., ...)": the lab reader negates the thresholds for an inclusion."""
_CUES = ("(", "[", ":", "defined", "i.e", "indicated", "evidenced", "shown")

_ANTIHYPERTENSIVE = r"anti-?\s?hyper(?:tensi(?:ve|on)|sensitive)"
""""anti-hypersensitive medications" beside blood pressure limits is a misprint of antihypertensive."""
_AGENTS = r"(?:medications?|drugs?|agents?|therapy|treatment)"
_STABLE_DOSES = (
    r"(?:stable\s+doses?\s+of\s+(?:[a-z0-9]+\s+(?:or\s+(?:fewer|less|lesser|more)\s+)?)?(?:different\s+)?"
    r"(?:classes\s+of\s+)?)?"
)
_TREATED = re.compile(
    r"(?:,\s*)?(?:(?:even\s+)?(?:despite|after)\s+(?:the\s+)?(?:using\s+the\s+)?(?:optimal\s+|best\s+|maximal\s+"
    r"|adequate\s+|standard\s+|active\s+)?(?:" + _ANTIHYPERTENSIVE + r"\s+|medical\s+|drug\s+)?"
    r"(?:therapy|treatment|medications?|management|drugs?)"
    r"|(?:in\s+(?:patients|subjects|participants)\s+)?(?:while\s+)?on\s+"
    + _STABLE_DOSES
    + r"(?:(?:"
    + _ANTIHYPERTENSIVE
    + r"\s+)?medications?|"
    + _ANTIHYPERTENSIVE
    + r"\s+"
    + _AGENTS
    + r")"
    r"|(?:that|which)\s+(?:is\s+not\s+(?:well\s+|adequately\s+)?|can\s*not\s+be\s+(?:well\s+|adequately\s+)?)"
    r"controlled\s+(?:with|by)\s+(?:" + _ANTIHYPERTENSIVE + r"\s+)?(?:medications?|drugs?|therapy|treatment)"
    r"|and\s+" + _ANTIHYPERTENSIVE + r"\s+(?:drug\s+)?" + _AGENTS + r"\s+can\s*not\s+control(?:\s+it)?)"
    r"(?![a-z])"
)
"""Wordings of "on treatment": "despite optimal medical management", "on stable doses of three or lesser
different classes of antihypertensive drugs", "and antihypertensive drug treatment can not control"."""
_UNTREATED = re.compile(
    r"(?:that|which)\s+(?:has|have|had)\s+not\s+been\s+(?:well\s+|adequately\s+)?(?:treated\s+(?:and|or)\s+)?"
    r"(?:controlled|treated)(?![a-z])"
)
""""SBP > 140 mmHg or DBP > 90 mmHg that has not been adequately treated or controlled": untreated patients
too, so not "measured on treatment"; a value above the limit is left to the clinician all the same."""
_TREATED_CUES = ("despite", "after", "medication", "control", "antihypert", "anti-hyper", "treated")
_REPEATED = re.compile(
    r"(?:on|in)\s+repeated\s+(?:readings|measurements)|permanently(?=\s+(?:above|over|>))"
    r"|(?<![a-z])sustained(?=\s+(?:tachycardia|bradycardia|hypertension|hypotension)(?![a-z]))"
    r"|(?<![a-z])continuous(?:ly)?\s+increase\s+in(?=\s+(?:systolic|diastolic|blood\s+pressure|sbp|dbp|bp)(?![a-z]))"
)
_REPEATED_CUES = ("repeated", "permanently", "sustained", "continuous")
_WITH = re.compile(r"\s+with\s+(?:an?\s+)?|\s*(?P<colon>:)\s*")
""""COPD with a FEV1 < 50%"; a colon only after a control word its thresholds define ("Uncontrolled T2DM at
screening: HbA1C > 10.5%"): elsewhere it may open a condition ("HIV: CD4 > 200/µL" in an inclusion)."""

_NORMAL = re.compile(r"(?<![a-z])(?:adequate|stable)(?![a-z])")
""""Adequate nutritional status (total protein ≥ 60 g/L, albumin ≥ 35 g/L)": an inclusion requiring a normal
state lists what it requires, every value; a list defining an abnormal condition may mean any of them."""
_ABNORMALITIES = re.compile(r"(?<![a-z])(?:vital\s+signs?\s+abnormalities|abnormal\s+vital\s+signs)(?![a-z])")
""""Clinically significant vital sign abnormalities (systolic blood pressure <90 mmHg or >200 mmHg, diastolic
blood pressure <50 mmHg or >105 mmHg or resting heart rate of <50 or >100 bpm)": each value listed is one of
the abnormalities the exclusion names, so any one excludes."""
_BARE_COMMA = re.compile(r"[,;](?!(?<=\d,)\d{1,3}(?!\d))")
""""1,500/mm³" and a decimal comma ("> 2,5 times normal limit") are numbers, not a join."""
_JOINED = re.compile(r"(?:and/or|or|and)(?![a-z])")
_OTHER_SEX = re.compile(
    r"\s*(?:(?:for|in)\s+)?(?:wo)?men(?![a-z])|\s*(?:(?:for|in)\s+)?(?:fe)?males?(?![a-z])"
)
""""QTc male ≥ 450 ms, female ≥ 470 ms": after the comma, the other sex's limit for the same value, which the
lab reader pairs with the first; not a second threshold joined without saying how."""
_SEX_LAST = re.compile(r"(?:for|in)\s+(?:(?:wo)?men|(?:fe)?males?)\s*$")
""""QTc ≥ 450 ms in men, QTc ≥ 470 ms in women": each limit closed by its sex, the same pairing."""


def read_defined(segment: Segment, section: Section) -> Read | None:
    """The thresholds that define the condition the segment names; None when it is not read fully (the lab
    reader's own problem then stands)."""
    norm = segment.norm
    spans: list[Span] = []
    qualifier: str | None = None
    if segment.contains(*_TREATED_CUES, *_REPEATED_CUES):
        for patterns in (
            ((_TREATED, "measured on treatment"), (_UNTREATED, "uncontrolled")),
            ((_REPEATED, "persistent"),),
        ):
            for pattern, what in patterns:
                found = pattern.search(norm, segment.start, segment.end)
                if found:
                    spans.append(found.span())
                    said = f"{what} ('{segment.quote(*found.span()).strip(', ')}')"
                    qualifier = f"{qualifier}; {said}" if qualifier else said
                    break
    definition_start = segment.start
    label = None
    if segment.contains(*_CUES):
        label = _label(masked(segment, spans))
        if label:
            spans.append(label)
            definition_start = label[1]
            narrowing = _narrowing_qualifier(segment, label)
            if narrowing and qualifier:
                return None
            if narrowing:
                qualifier = narrowing
    if not spans:
        if not (segment.contains(" with ") or (segment.contains(":") and segment.contains("controlled"))):
            return None
        narrowed = _narrowed(segment, section)
        if narrowed is None and segment.contains(" with "):
            return _narrowing(segment, section)
        return narrowed
    read = _thresholds(masked(segment, spans), section)
    if read is None or read.rule is None:
        return None
    if label and admits_the_healthy(read.rule):
        return None
    if label:
        negated = section is Section.INCLUSION and _NO.match(norm, segment.start, label[0]) is not None
        if upper_limit_defines_high_glucose(norm[label[0] : label[1]], read.rule, negated):
            return None
    required = section is Section.INCLUSION and _NORMAL.search(norm, segment.start, definition_start)
    listed = section is Section.EXCLUSION and _ABNORMALITIES.search(norm, segment.start, definition_start)
    if (
        not (required or listed)
        and qualifier is None
        and is_bare_list(segment.sub(definition_start, segment.end))
    ):
        return None  # a qualified threshold met is left to the clinician: all or any, none excludes
    if qualifier is None:
        return read
    negated = section is Section.INCLUSION and _NO.match(norm, segment.start, segment.end) is not None
    qualified = qualified_thresholds(read.rule, qualifier, "unmet" if negated else "met")
    return Read(qualified) if qualified is not None else None


def _thresholds(segment: Segment, section: Section) -> Read | None:
    """The lab reader's thresholds, or a blood pressure pair ("Hypertension (BP > 160/100 mmHg)")."""
    read = read_labs(segment, section)
    if read is None or read.rule is None:
        return read_blood_pressure(segment, section) or read
    return read


def defines(segment: Segment) -> bool:
    """Whether the segment is only the name of a condition a threshold can define ("Severe renal
    insufficiency"), so that thresholds beside it are what the trial means by it."""
    return _LABEL.fullmatch(segment.norm, segment.start, segment.end) is not None


def _narrowing_qualifier(segment: Segment, label: Span) -> str | None:
    """The qualifier a narrowing word in the label puts on the thresholds ("untreated ('Untreated
    hypogonadism')"); None without one."""
    if not segment.contains(*_NARROWING):
        return None
    word = _NARROWING_WORD.search(segment.norm, *label)
    if word is None:
        return None
    named = _NARROWED_LABEL.search(segment.norm, label[0], label[1])
    end = named.end() if named else label[1]
    return f"{word.group()} ('{segment.quote(word.start(), end)}')"


_MASKED_LEAD = re.compile(r"[\s,]*")
"""The blanks and comma a masked qualifier before the condition leaves."""


def _label(segment: Segment) -> Span | None:
    """The condition words and the definer after them ("Uncontrolled hypertension (i.e."), when every word
    before the definer names the condition."""
    norm = segment.norm
    lead = _MASKED_LEAD.match(norm, segment.start, segment.end)  # "Even after drug treatment, ..."
    start = lead.end() if lead else segment.start
    no = _NO.match(norm, start, segment.end)
    label = _NARROWED_LABEL.match(norm, no.end() if no else start, segment.end)
    if label is None:
        return None
    definer = _DEFINER.match(norm, label.end(), segment.end)
    if (
        definer is None
        or definer.end() == label.end()
        or EXAMPLES.match(norm, definer.end())
        or ALTERNATIVE.match(norm, definer.end())
    ):
        return None
    return label.start(), definer.end()


def _narrowed(segment: Segment, section: Section) -> Read | None:
    """ "COPD with a FEV1 < 50%": the finding (present, without exceptions) and the thresholds; the joining
    "with" is the one after the finding ("Patients with a history of orthostatic hypotension with ...").
    A colon joins only a control word to the thresholds that define it, and is passed over otherwise."""
    colons = segment.contains("controlled")
    for joint in _WITH.finditer(segment.norm, segment.start, segment.end):
        colon = bool(joint.group("colon"))
        if colon and not colons:
            continue
        if _OR_THOSE.search(segment.norm, segment.start, joint.start()):
            return None
        thresholds = read_labs(segment.sub(joint.end(), segment.end), section)
        if thresholds is None or thresholds.rule is None:
            continue
        finding = read_findings(segment.sub(segment.start, joint.start()), section)
        found = finding.rule if finding is not None else None
        controlled = isinstance(found, FindingRule) and control_defined(found, thresholds.rule)
        if colon and not controlled:
            continue
        if not isinstance(found, FindingRule) or not found.present:
            return None
        if found.exceptions and not controlled and not _nyha_classes_only(found):
            return None
        found = found.model_copy(update={"exceptions": [] if controlled else found.exceptions})
        return Read(AllOf(source_span=segment.span, children=[found, thresholds.rule]))
    return None


_NYHA_CLASS = re.compile(NYHA_NAME + r"(?![a-z])", re.IGNORECASE)


def _nyha_classes_only(finding: FindingRule) -> bool:
    """ "NYHA class II-IV heart failure with LVEF < 45%": the class narrows the finding, which keeps it (a
    patient with heart failure is left to the clinician), beside the thresholds."""
    return all(e.concept is None and _NYHA_CLASS.match(e.text) for e in finding.exceptions)


_OR_THOSE = re.compile(
    r"(?<![a-z])or(?:\s+(?:those|patients|subjects|participants|individuals|people|persons))?\s*$",
    re.IGNORECASE,
)
""""Patients with diabetes mellitus or those with an HbA1c ≥ 6.5%", "Patients with active hepatitis or with
hemoglobin < 10 g/dL": another population the thresholds are for, an alternative to the finding; read as the
finding narrowed, a diabetic at HbA1c 6.0 % failed."""

_CONTROL = re.compile(
    r"(?:un|poorly\s+|inadequately\s+|badly\s+|not\s+(?:well\s+|adequately\s+)?)controlled", re.IGNORECASE
)


def control_defined(finding: FindingRule, thresholds: Rule) -> bool:
    """ "Uncontrolled T2DM with HbA1c > 10.5%": the glycaemic threshold is what the trial means by the control
    it names, so that word is no narrowing left for the clinician. Only a present diabetes narrowed by nothing
    else, and glycaemic thresholds: "uncontrolled HIV with CD4 < 200/µL" says more than its count."""
    if not finding.present or not finding.exceptions:
        return False
    if finding.concept != "diabetes" and "diabetes" not in ancestors(finding.concept):
        return False
    if not all(e.concept is None and _CONTROL.fullmatch(e.text.strip()) for e in finding.exceptions):
        return False
    return _analytes(thresholds) <= GLYCAEMIC


def _analytes(rule: Rule) -> set[str]:
    """Every analyte the thresholds name; a part that is not a threshold names none ("?") so it never fits."""
    if isinstance(rule, LabThreshold):
        return {rule.analyte}
    if isinstance(rule, AnyOf | AllOf):
        return set().union(*(_analytes(child) for child in rule.children))
    return {"?"}


def is_bare_list(definition: Segment, with_findings: bool = False) -> bool:
    """Whether thresholds in the definition are joined by a bare comma or semicolon ("A > 1, B > 2"); a
    comma that ends a list of analytes sharing one limit ("ALT, AST > 3 x ULN") is not such a join. With
    ``with_findings``, a threshold and a finding so joined count too ("creatinine > 2 mg/dL, on dialysis")."""
    parts = [part for part, _ in split_top_level(definition, _BARE_COMMA)]
    if len(parts) > 2 and _serial_or(parts):
        return False
    return any(
        not _JOINED.match(part.text)
        and not _OTHER_SEX.match(part.text)
        and not (_SEX_LAST.search(part.text) and _SEX_LAST.search(before.text))
        and (with_findings or (holds_digit(part) and holds_digit(before)))
        for before, part in pairwise(parts)
    )


_OR = re.compile(r"(?<![a-z/])or(?![a-z/])")
_AND = re.compile(r"(?<![a-z/])and(?![a-z/])")


def _serial_or(parts: list[Segment]) -> bool:
    """ "(hemoglobin < 11.1 g/dl; leukocytes < 3.4 or > 11.0 x 10³/mm³; eosinophils > 0.6 x 10³/mm³ or
    platelets < 125 x 10³/mm³)": a list whose last item is joined by "or", and no item by "and", says any."""
    return len(split_top_level(parts[-1], _OR)) > 1 and not any(
        len(split_top_level(part, _AND)) > 1 for part in parts
    )


def _narrowing(segment: Segment, section: Section) -> Read | None:
    """ "Known LVEF < 50% with heart failure NYHA grade ≥ 2": the thresholds first, then the finding they come
    with; both hold, as when the finding comes first. Words narrowing the finding ("NYHA grade ≥ 2") stay on
    it, so a patient with the finding is left to the clinician; an exception naming another finding is not
    read here."""
    if _WIDENS.search(segment.norm, segment.start, segment.end):
        return None
    for joint in _WITH.finditer(segment.norm, segment.start, segment.end):
        if not _THRESHOLD_END.search(segment.norm, segment.start, joint.start()):
            continue
        thresholds = read_labs(segment.sub(segment.start, joint.start()), section)
        if thresholds is None or thresholds.rule is None:
            continue
        finding = read_findings(segment.sub(joint.end(), segment.end), section)
        if finding is None or not isinstance(finding.rule, FindingRule) or not finding.rule.present:
            return None
        if any(exception.concept for exception in finding.rule.exceptions):
            return None
        return Read(AllOf(source_span=segment.span, children=[thresholds.rule, finding.rule]))
    return None


_THRESHOLD_END = re.compile(r"(?:\d|%|mm\s*hg|ms|msec)\s*$")
""""LVEF < 50% with": the value printed right before "with" (not "patients with", "for subjects with")."""
_WIDENS = re.compile(r"(?<![a-z])(?:if|may|can|unless|except|allowed|permitted|eligible|enrolled)(?![a-z])")
