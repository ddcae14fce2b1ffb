"""The words lab sentences print around their thresholds: how the value may be reached ("transfusion
allowed", "without growth factor support"), for whom ("(men)", "for females"), what condition the threshold
defines ("Renal impairment (creatinine > 1.2 mg/dL)"), when and how it is measured ("at rest", "12-lead",
"(Visit 1)"), and a CTCAE grade printed as the threshold ("≤ grade 1") or beside it ("(CTCAE v3.0 grade 1)").

Each finder returns spans of the normalised text for the lab reader to claim; a note is only recognised when
every word of it is accounted for, so an unknown condition stays in the sentence and sends it to review.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from trialmatch.domain.criteria.base import Comparator
from trialmatch.domain.criteria.numbers import COMPARATOR, comparator_of, find_quantities
from trialmatch.domain.criteria.text import FILLER, Segment, Span, leftover_words, parenthesised, word_set

# --- support: transfusion, growth factors ------------------------------------------------------------------

_SUPPORT = re.compile(
    r"transfus|growth\s+factor|g-?csf|colony[\s-]+stimulat|erythropoie|epoetin|(?<![a-z])esas?(?![a-z])|filgrastim"
    r"|hydroxy(?:urea|carbamide)|leukapheresis|cytoreduction|blood\s+products?|hematopoietic\s+stimul"
    r"|haematopoietic\s+stimul|(?<![a-z])(?:un)?support(?:ed|ive)?(?![a-z])"
)
_RESTRICTING = re.compile(
    r"(?<![a-z])(?:without|no|not|non|independent|independence|cannot|unsupported|absence|never|since)(?![a-z])"
)
_RELAXING = re.compile(r"(?<![a-z])(?:allowed|permitted|acceptable|accepted|may|can)(?![a-z])")
_TRAILING_SUPPORT = re.compile(
    r"(?<![a-z])(?:without|not\s+requiring|independent\s+of|in\s+the\s+absence\s+of|transfusion[\s-]+independent"
    r"|no\s+(?=(?:[a-z]+\s+){0,3}?(?:transfus|growth|g-?csf|blood)))(?![a-z])"
)
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
    period assessment examination
    """
)


@dataclass(frozen=True, slots=True)
class SupportNote:
    """A note on support the threshold may or may not be reached with; ``relaxing`` when it is allowed."""

    span: Span
    relaxing: bool
    text: str
    """As printed, without brackets."""


def support_notes(segment: Segment) -> list[SupportNote]:
    """Bracketed and trailing support notes whose every word is support vocabulary, filler or a number."""
    norm = segment.norm
    if not _SUPPORT.search(norm, segment.start, segment.end):
        return []
    found: list[SupportNote] = []
    for start, end in parenthesised(segment):
        if _SUPPORT.search(norm, start, end):
            note = _note(segment, start, end)
            if note:
                found.append(note)
    unbracketed = _ABBREVIATION.sub(lambda m: " " * len(m.group()), norm) if "(" in norm else norm
    for match in _TRAILING_SUPPORT.finditer(norm, segment.start, segment.end):
        if any(s <= match.start() < e for s, e in (n.span for n in found)):
            continue
        stop = _TRAILING_END.search(unbracketed, match.end(), segment.end)
        end = stop.start() if stop else segment.end
        if _SUPPORT.search(norm, match.start(), end):
            note = _note(segment, match.start(), end)
            if note:
                found.append(note)
    return found


def _note(segment: Segment, start: int, end: int) -> SupportNote | None:
    clause = Segment(segment.printed, segment.norm, start, end)
    values = [(q.start, q.end) for q in find_quantities(segment.norm[:end], segment.printed, start)]
    if leftover_words(clause, values, _SUPPORT_WORDS):
        return None
    text = segment.quote(start, end).strip("()[] ,;.")
    if _RESTRICTING.search(segment.norm, start, end):
        return SupportNote((start, end), False, text)
    if _RELAXING.search(segment.norm, start, end):
        return SupportNote((start, end), True, text)
    return None


# --- limits per sex ---------------------------------------------------------------------------------------

Sex = Literal["female", "male"]
_SEX_WORD = r"(?P<sex>men|males?|women|females?|male|female)"
_SEX_AFTER = re.compile(
    r"\s*(?:[(\[]\s*(?:for\s+|in\s+)?(?:the\s+)?"
    + _SEX_WORD
    + r"(?:\s+(?:patients|participants|subjects))?\s*[)\]]"
    r"|,?\s*(?:for|in|among)\s+(?:the\s+)?"
    + _SEX_WORD.replace("sex>", "sex2>")
    + r"(?:\s+(?:patients|participants|subjects))?(?![a-z]))"
)
_SEX_BEFORE = re.compile(r"(?<![a-z-])" + _SEX_WORD + r"\s*[:,]?\s*$")
_BOTH_SEXES = re.compile(r"[(\[]\s*(?:for\s+)?both\s+(?:male\s+and\s+female|men\s+and\s+women)[a-z\s]*[)\]]")
""""(both male and female participants)": one limit for everyone, said explicitly."""


def sex_after(segment: Segment, position: int) -> tuple[Span, Sex] | None:
    """ "(men)", "for females", "in male patients" right after a threshold."""
    match = _SEX_AFTER.match(segment.norm, position, segment.end)
    if not match:
        return None
    return match.span(), _sex(match.group("sex") or match.group("sex2"))


def sex_before(segment: Segment, position: int, floor: int) -> tuple[Span, Sex] | None:
    """ "male: ", "female " right before a threshold or analyte (not before ``floor``)."""
    match = _SEX_BEFORE.search(segment.norm[:position], max(floor, position - 12))
    if not match:
        return None
    return (match.start(), position), _sex(match.group("sex"))


def both_sexes(segment: Segment) -> list[Span]:
    return [m.span() for m in _BOTH_SEXES.finditer(segment.norm, segment.start, segment.end)]


def _sex(word: str) -> Sex:
    return "female" if word.startswith(("wom", "fem")) else "male"


# --- the condition a threshold defines ----------------------------------------------------------------------

_DEFINED_WORDS = word_set(
    """
    abnormal abnormality abnormalities impaired impairment dysfunction insufficiency inadequate poor poorly
    reduced decreased low elevated elevation high increased raised significant significantly clinically severe
    severely moderate moderately mild mildly uncontrolled inadequately controlled not well diagnosis
    renal kidney hepatic liver bone marrow hematologic haematologic hematological haematological hematopoietic
    haematopoietic coagulation cardiac function functions reserve anemia anaemia thrombocytopenia neutropenia
    leukopenia leucopenia lymphopenia granulocytopenia hyperbilirubinemia hyperbilirubinaemia hypercalcemia
    hypercalcaemia hypocalcemia hypocalcaemia hypokalemia hypokalaemia hyperkalemia hyperkalaemia hyponatremia
    hyponatraemia hypernatremia hypernatraemia hypomagnesemia hypomagnesaemia hypoalbuminemia hypoalbuminaemia
    hyperglycemia hyperglycaemia hypoglycemia hypoglycaemia hypoxemia hypoxaemia diabetes diabetic diabetics
    mellitus type i ii 1 2 t1dm t2dm dm hypertension arterial obesity obese morbid morbidly overweight
    underweight malnutrition leukocytosis thrombocytosis polycythemia polycythaemia hyperuricemia
    hypertriglyceridemia hypercholesterolemia qtc qt prolongation prolonged interval presence evidence
    castrate castration hypothyroidism hyperthyroidism dysnatraemia dysnatremia ecg ekg electrocardiogram
    end stage failure disease decrease bradycardia tachycardia hypotension
    """
)
_ORGAN = word_set("renal kidney hepatic liver marrow")
_ORGAN_NOUNS = word_set("failure disease")
""""Renal failure (creatinine > 2 mg/dL)" is defined by its threshold, "heart failure (LVEF < 40%)" is not."""


def condition_words(words: set[str]) -> bool:
    """Whether the words name a condition a threshold defines ("morbidly obese", "severe anemia")."""
    return bool(words - FILLER) and words <= _DEFINED_WORDS | FILLER and not words & _ORGAN_NOUNS


_DEFINITION_END = re.compile(
    r"\s*(?:(?P<open>[(\[])\s*(?P<ie>i\.\s?e\.|ie(?![a-z]))?|:\s*(?P<ie2>i\.\s?e\.|ie(?![a-z]))?|,?\s+(?:with"
    r"|as\s+(?:evidenced|defined|indicated|measured|determined|shown|documented)\s+by|defined\s+(?:as|by)"
    r"|(?:i\.\s?e\.|ie)\s*,?)(?![a-z]))"
)
_EXAMPLES = re.compile(r"\s*(?:e\.?\s?g\.?|eg|such\s+as|including|for\s+example|example)(?![a-z])")


def definition_label(
    segment: Segment, start: int, first_mention: int, extra: frozenset[str] = frozenset()
) -> Span | None:
    """ "Renal impairment (creatinine > 1.2 mg/dL)", "Anemia with Hb < 8 g/dL", "Abnormal renal function:
    creatinine > 2.0 mg/dL", "Low eGFR (< 60)": a condition named, then defined by the thresholds that follow;
    the label span (an opening bracket is left to the bracket).

    Only conditions a lab threshold can define (organ dysfunction, cytopenias, uncontrolled diabetes or
    hypertension, obesity) and only when the threshold defines them: "(e.g. ...)" gives examples, and
    "coagulopathy (INR > 1.5)" is not in the vocabulary because a coagulopathy is more, unless the sentence
    says the bracket is what it means ("No coagulopathy (i.e., platelets < 80,000)").
    """
    norm = segment.norm
    ends = [
        (m.start(), m.end(), bool(m.group("ie") or m.group("ie2")), bool(m.group("open")))
        for m in _DEFINITION_END.finditer(norm, start, first_mention)
    ]
    ends.append((first_mention, first_mention, False, False))
    for stop, after, explicit, opened in ends:
        words = re.findall(r"[a-z0-9]+", norm[start:stop])
        if not words:
            continue
        if stop == first_mention and words[-1] in {"or", "and"}:
            return None
        if not explicit and any(
            w not in _DEFINED_WORDS and w not in FILLER and w not in extra for w in words
        ):
            return None
        if not explicit and any(
            w in _ORGAN_NOUNS and (i == 0 or words[i - 1] not in _ORGAN) for i, w in enumerate(words)
        ):
            return None
        if _EXAMPLES.match(norm, after, segment.end):
            return None
        if explicit or any(w in _DEFINED_WORDS - FILLER for w in words):
            return start, (stop + 1 if opened and not explicit else after)
    return None


# --- when and how the value is measured ---------------------------------------------------------------------

_MEASUREMENT = re.compile(
    r"(?<![a-z0-9])(?:\d{1,2}[\s-]*leads?(?:\s+(?:ecgs?|electrocardiograms?))?|triplicate(?:\s+ecgs?)?"
    r"|(?:the\s+)?(?:mean|average)\s+of\s+(?:\d|three|the)\s+(?:consecutive\s+)?(?:ecgs?|readings|measurements)"
    r"|(?:at|in|on|breathing)\s+(?:room|ambient)\s+air|(?:room|ambient)\s+air|at\s+rest|resting"
    r"|[(\[]?\s*(?:at\s+)?(?:the\s+)?(?:screening\s+)?visit\s+\d+\s*[)\]]?|[(\[]\s*week\s+-?\d+\s*[)\]]"
    r"|(?:on\s+|at\s+)?(?:study\s+)?day\s+-?\d+(?:\s+(?:to|-)\s+day\s+-?\d+)?|cycle\s+\d+,?\s*day\s+\d+"
    r"|(?:at|during)\s+(?:the\s+)?(?:time\s+of\s+)?screening(?:\s+(?:period|phase))?"
    r"|(?:in\s+)?(?:the\s+)?(?:last|past|previous)\s+(?:one\s+)?month"
    r"|(?:measured|assessed|determined)\s+(?:by|per|as\s+per)\s+(?:the\s+)?(?:central|local)\s+lab(?:oratory)?"
    r"|(?:fridericia|fredericia)(?:'s)?(?:\s+(?:cube\s+root\s+)?(?:formula|correction|method))?"
    r"|corrected\s+for\s+heart\s+rate|\(\s*preferred\s*\)|fasting|fasted|peripheral"
    r"|(?:2|3|two|three)[\s-]?d(?:imensional)?(?=\s+echo)"
    r"|(?:or\s+)?(?:the\s+)?(?:local\s+)?institutional\s+standard\s+(?:method|formula|equation)"
    r"|(?:measured|calculated|estimated|determined)(?:\s+or\s+(?:measured|calculated|estimated))?\s+(?:per|by|according"
    r"\s+to|using)\s+(?:the\s+)?(?:local\s+)?institutional\s+standards?"
    r"|(?:prior\s+to|before)\s+(?:each|every)\s+(?:dose|cycle|infusion|administration)"
    r"(?:\s+of(?:\s+(?!and\b|or\b|with\b)[a-z0-9-]+){1,6})?(?=\s*(?:[,;.)]|$))"
    r"|(?:from|of|in|on)\s+(?:at\s+least\s+)?(?:\d|two|three)\s+(?:consecutive\s+|successive\s+)?(?:ecgs?|electrocardiograms?)"
    r"|(?:at\s+)?week\s+-?\d+|for\s+age(?![a-z])|[(\[]\s*(?:s\.\s?i\.|u\.\s?s\.|si|us)(?:\s+units?)?\s*[)\]]"
    r"|(?<![a-z0-9.])(?:[a-h]|i{1,3}|iv|v|vi{1,3})\s*[).](?=\s*[a-z])(?<!e\.)|[①-⑩])(?![a-z])"
)


_CG_FORMULA = re.compile(
    r"(?:[(\[]\s*)?(?:cockcroft(?:[\s-]+(?:and\s+)?gault)?\s+(?:formula|equation)(?:\s+for\s+(?:the\s+)?estimated"
    r"\s+creatinine\s+clearance)?\s*(?:[(\[]\s*e?crcl\s*[)\]])?\s*:\s*)?(?:e?crcl\s*=\s*)?[(\[]{0,2}\s*140\s*-\s*age"
    r"(?:\s+in\s+years)?\s*[)\]]?\s*x\s*(?:body\s+)?weight\s*(?:in\s+kg|[(\[]\s*kg\s*[)\]])?"
    r"(?:\s*x\s*[(\[]?\s*0[.,]85\s+if\s+female\s*[)\]]?)?\s*[)\]]?\s*/\s*[(\[]?\s*72\s*x\s*serum\s+creatinine"
    r"\s*(?:in\s+mg/dl|[(\[]\s*mg/dl\s*[)\]])\s*[)\]]?(?:\s*[)\]])?"
)
""""(Cockcroft-Gault formula for estimated creatinine clearance [eCrCl]: eCrCl = [140 - Age] × Weight [kg] ×
[0.85 if Female] / [72 × serum creatinine (mg/dL)])": the formula spelled out, which is how the patient's
clearance is computed already; only this exact formula is claimed, so a variant stays for review."""


_MACHINE_DERIVED = re.compile(
    r"(?:from\s+triplicate\s+ecgs?\s*,?\s*)?using\s+(?:the\s+)?(?:screening\s+|local\s+)?clinic\s+ecg\s+machine[\s-]+derived\s+"
    r"(?:(?:fridericia|fredericia)(?:'s)?\s+formula\s+[(]\s*qtcf\s*[)]|qtcf?)\s+values?(?![a-z])"
)
""""Mean resting QTc > 470 msec, obtained from 3 ECGs using local clinic ECG machine-derived QTcF value": the
QT interval as the ECG machine reports it, named again to say so; a machine value by another correction
("QTcB") is not claimed."""


_PREDICTED = re.compile(
    r"(?:(?<=%)|(?<=percent))\s*(?:of\s+)?(?:the\s+)?(?:local\s+)?(?:normal\s+)?predicted(?:\s+normal)?(?:\s+values?)?"
    r"(?![a-z])(?!\s+(?:lower|upper|limit))"
    r"(?:\s*[(\[]?\s*corrected(?:\s+for\s+(?:h(?:a)?emoglobin|hb|hgb)(?:\s+concentration)?"
    r"(?:\s+(?:and|or)\s+alveolar\s+(?:volume|ventilation))?)?\s*[)\]]?)?"
)
""""FEV1 ≥ 50 % of predicted": pulmonary function is stated as a percentage of the predicted value, which is
what the patient file holds for FEV1, FVC and DLCO ("(corrected for hemoglobin)": DLCO is reported so).
Not beside the FEV1/FVC ratio: a percentage of its
predicted value is not the ratio itself."""
_RATIO = re.compile(r"fev1\s*(?:/|:|-?to-?)\s*fvc|tiffeneau")


def measurement_spans(segment: Segment) -> list[Span]:
    """How and when the value is taken, which the patient file does not record and the threshold does not
    depend on ("at rest", "on room air", "2-D echocardiogram", "(Visit 1)", "triplicate 12-lead ECG",
    "Fridericia's formula", "using the clinic ECG machine-derived QTcF value"; "prior to each dose of lutetium
    Lu 177 dotatate": at screening, the value to hold is today's)."""
    spans = [m.span() for m in _MEASUREMENT.finditer(segment.norm, segment.start, segment.end)]
    window = segment.norm[segment.start : segment.end]
    if "predicted" in window and not _RATIO.search(window):
        spans += [m.span() for m in _PREDICTED.finditer(segment.norm, segment.start, segment.end)]
    if "machine" in window:
        spans += [m.span() for m in _MACHINE_DERIVED.finditer(segment.norm, segment.start, segment.end)]
    if "140" in window:
        spans += [m.span() for m in _CG_FORMULA.finditer(segment.norm, segment.start, segment.end)]
    return spans


_LIMIT_STATED = re.compile(
    r"[(\[]\s*(?:the\s+)?(?:(?:upper|lower)\s+(?:normal\s+)?limits?(?:\s+of\s+(?:the\s+)?normal)?|uln|lln"
    r"|normal\s+(?:upper|lower)\s+limits?)(?![a-z])[^()\[\]]*?\d[^()\[\]]*[)\]]?"
)


def stated_limit(segment: Segment) -> str | None:
    """ "> 3 times the upper limit of the reference range (upper normal limit AST or ALT >= 40 units/L)": a
    bracket that gives the normal limit the multiple is of, quoted; read as a threshold of its own it would
    exclude every patient above the limit, so the lab reader leaves the sentence for review."""
    window = segment.norm[segment.start : segment.end]
    if "(" not in window and "[" not in window:
        return None
    match = _LIMIT_STATED.search(segment.norm, segment.start, segment.end)
    return segment.quote(*match.span()) if match else None


# --- CTCAE grades -------------------------------------------------------------------------------------------

_GRADE_NOTE = re.compile(
    r"(?:,?\s*(?:equivalent\s+to|i\.\s?e\.,?)\s+)?(?P<open>[(\[])?\s*(?:nci[\s-]*)?(?:ctcae|common\s+(?:toxicity|terminology)"
    r"\s+criteria)(?:[^()\[\];]|\([^()]*\)|\[[^\[\]]*\])*?grade\s*[0-4](?:\s*(?:-|to|or)\s*[0-4])?(?(open)\s*[)\]])"
    r"|[(\[]\s*who\s+(?:toxicity\s+)?grade\s*[0-4]\s*[)\]]"
)
_GRADE = re.compile(
    r"(?P<cmp>" + COMPARATOR + r")\s*(?:(?:nci[\s-]*)?ctcae\s+)?grade\s*(?P<g>[0-4])(?![0-9.])"
    r"|grade\s*(?P<cmp2>" + COMPARATOR + r")\s*(?P<g2>[0-4])(?![0-9.])"
    r"|grade\s*(?P<g3>[0-4])\s+or\s+(?P<dir>less|lower|below|higher|greater|more|above)(?![a-z])"
)


def grade_notes(segment: Segment) -> list[Span]:
    """ "(CTCAE v 3.0 grade 0-1)", ", equivalent to Common Toxicity Criteria (...) grade 1", "(WHO grade
    0)": a grade printed beside a threshold, which the threshold already states."""
    if "grade" not in segment.norm[segment.start : segment.end]:
        return []
    return [m.span() for m in _GRADE_NOTE.finditer(segment.norm, segment.start, segment.end)]


@dataclass(frozen=True, slots=True)
class GradeLimit:
    """ "≤ grade 1" (``at_most``) or "≥ grade 2": the grade as the threshold."""

    span: Span
    at_most: bool
    grade: int


def grade_limits(segment: Segment) -> list[GradeLimit]:
    """Grades printed as the threshold: "≤ grade 1", "< grade 2" (at most 1), "grade 2 or higher"."""
    if "grade" not in segment.norm[segment.start : segment.end]:
        return []
    found = []
    for match in _GRADE.finditer(segment.norm, segment.start, segment.end):
        if match.group("dir"):
            at_most = match.group("dir") in {"less", "lower", "below"}
            found.append(GradeLimit(match.span(), at_most, int(match.group("g3"))))
            continue
        comparator = comparator_of(match.group("cmp") or match.group("cmp2"))
        grade = int(match.group("g") or match.group("g2"))
        if comparator is Comparator.LT:
            grade, comparator = grade - 1, Comparator.LE
        elif comparator is Comparator.GT:
            grade, comparator = grade + 1, Comparator.GE
        if 0 <= grade <= 4:
            found.append(GradeLimit(match.span(), comparator is Comparator.LE, grade))
    return found
