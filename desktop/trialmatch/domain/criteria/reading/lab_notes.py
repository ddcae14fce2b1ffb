"""The words lab sentences print around their thresholds: for whom ("(men)", "for females"), what condition
the threshold defines ("Renal impairment (creatinine > 1.2 mg/dL)"), when and how it is measured ("at rest",
"12-lead", "(Visit 1)"), and a CTCAE grade printed as the threshold ("≤ grade 1") or beside it ("(CTCAE v3.0
grade 1)"). How the value may be reached (transfusion, growth factors) is in ``lab_support``.

Each finder returns spans of the normalised text for the lab reader to claim; a note is only recognised when
every word of it is accounted for, so an unknown condition stays in the sentence and sends it to review.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise
from typing import Literal

from trialmatch.domain.criteria.base import Comparator
from trialmatch.domain.criteria.reading.lab_pulmonary import CORRECTED_FOR_HB
from trialmatch.domain.criteria.reading.numbers import COMPARATOR, comparator_of
from trialmatch.domain.criteria.reading.text import FILLER, Segment, Span, word_set

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
_SEX_BEFORE = re.compile(r"(?<![a-z-])" + _SEX_WORD + r"(?:\s+with)?\s*[:,]?\s*$")
_BOTH_SEXES = re.compile(r"[(\[]\s*(?:for\s+)?both\s+(?:male\s+and\s+female|men\s+and\s+women)[a-z\s]*[)\]]")
""""(both male and female participants)": one limit for everyone, said explicitly."""


def sex_after(segment: Segment, position: int) -> tuple[Span, Sex] | None:
    """ "(men)", "for females", "in male patients" right after a threshold."""
    match = _SEX_AFTER.match(segment.norm, position, segment.end)
    if not match:
        return None
    return match.span(), _sex(match.group("sex") or match.group("sex2"))


def sex_before(segment: Segment, position: int, floor: int) -> tuple[Span, Sex] | None:
    """ "male: ", "female ", "men with " right before a threshold or analyte (not before ``floor``)."""
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
    diabete mellitus type i ii 1 2 t1dm t2dm dm hypertension arterial obesity obese morbid morbidly overweight
    underweight malnutrition leukocytosis thrombocytosis polycythemia polycythaemia hyperuricemia
    hypertriglyceridemia hypercholesterolemia qtc qt prolongation prolonged interval presence evidence
    castrate castration hypothyroidism hyperthyroidism dysnatraemia dysnatremia ecg ekg electrocardiogram
    end stage failure disease pathology decrease bradycardia tachycardia hypotension left ventricular systolic
    biochemically lack
    """
)
_OBESITY_GRADE = word_set("class grade degree degrees 1 2 3 i ii iii and above or higher")
""""Class 3 obesity (BMI ≥ 40)", "Obesity 3 degrees and above (weight over 150 kg)": the grade is part of the
obesity's name, which the bracket defines."""
_ORGAN = word_set("renal kidney hepatic liver marrow pulmonary lung")
_ORGAN_NOUNS = word_set("failure disease pathology")
""""Renal failure (creatinine > 2 mg/dL)", "significant pulmonary disease (RA pO2 less than 60 or pCO2 greater
than 50)" are defined by their thresholds, "heart failure (LVEF < 40%)" is not."""


_DIABETES = word_set("diabetes diabete diabetic diabetics mellitus dm t1dm t2dm")
_DIABETES_TYPES = {"1": 1, "i": 1, "t1dm": 1, "2": 2, "ii": 2, "t2dm": 2}
""""Type 2 diabetes (HbA1c > 9%)": the threshold does not make the type, so one type named is a diagnosis
beside the threshold, not a label the threshold defines ("type 1 or 2 diabetes (HbA1c > 8%)" is)."""


_SEVERITY = word_set("uncontrolled poorly inadequately controlled severe severely significant significantly")


def _modifies_a_later_alternative(words: list[str]) -> bool:
    """ "Type I or uncontrolled type II diabetes mellitus (HbA1c > 7)": the severity word after "or" is what
    the threshold defines, so the alternative before it is a diagnosis of its own, which a label read over
    both would drop (a type 1 diabetic at HbA1c 6.8 % was not excluded); "Uncontrolled type 1 or type 2
    diabetes" and "type 1 or type 2 diabetes that is not well controlled" say it of both."""
    if "or" not in words[:-1]:
        return False
    at = words.index("or")
    return not _SEVERITY.intersection(words[:at]) and words[at + 1] in _SEVERITY | {"not"}


_POPULATION = word_set("those patients subjects participants individuals people persons women men")


def _another_population(words: list[str]) -> bool:
    """ "Patients with type 1 or type 2 diabetes mellitus or those with an HbA1c ≥ 6.5%": "or those" opens
    another population, which the threshold is for; read as the definition of the first, a diabetic patient at
    HbA1c 6.0 % failed an inclusion they meet."""
    return any(w == "or" and after in _POPULATION for w, after in pairwise(words))


_NARROWING = word_set("uncorrectable uncorrected refractory persistent persisting irreversible")
""""Uncorrectable coagulopathy (i.e. INR > 1.5)": the bracket defines the condition, not that it stays after
correction or treatment, which a threshold alone would drop."""


def condition_words(words: set[str]) -> bool:
    """Whether the words name a condition a threshold defines ("morbidly obese", "severe anemia")."""
    return bool(words - FILLER) and words <= _DEFINED_WORDS | FILLER and not words & _ORGAN_NOUNS


_DEFINITION_END = re.compile(
    r"\s*(?:(?P<open>[(\[])\s*(?P<ie>i\.\s?e\.|ie(?![a-z]))?|:\s*(?P<ie2>i\.\s?e\.|ie(?![a-z]))?|,?\s+(?:with"
    r"|as\s+(?:evidenced|defined|indicated|measured|determined|shown|documented)\s+by|defined\s+(?:as|by)"
    r"|(?:i\.\s?e\.|ie)\s*,?)(?![a-z]))"
)
EXAMPLES = re.compile(r"\s*(?:e\.?\s?g\.?|eg|such\s+as|including|for\s+example|example)(?![a-z])")
"""Examples after a condition's name or definer: the condition is wider than the thresholds that follow."""
ALTERNATIVE = re.compile(r"\s*(?:and\s*/\s*)?or(?![a-z])")
""""Uncontrolled diabetes (or HbA1c > 7 %)": a bracket opening with "or" is another way to meet the item, not
what the words before it mean; read as a definition it dropped the condition."""


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
        if _SENTENCE_END.search(norm, start, stop):
            return None
        if words[-1] == "or" or (stop == first_mention and words[-1] == "and"):
            return None  # "Patients with uncontrolled diabetes or with hemoglobin < 10 g/dL": two conditions
        if explicit and _NARROWING.intersection(words):
            return None
        graded = _OBESITY_GRADE if {"obesity", "obese"} & set(words) else frozenset()
        if not explicit and any(
            w not in _DEFINED_WORDS and w not in FILLER and w not in extra and w not in graded for w in words
        ):
            return None
        if not explicit and any(
            w in _ORGAN_NOUNS and (i == 0 or words[i - 1] not in _ORGAN) for i, w in enumerate(words)
        ):
            return None
        if len({_DIABETES_TYPES[w] for w in words if w in _DIABETES_TYPES}) == 1 and _DIABETES & set(words):
            return None
        if _modifies_a_later_alternative(words) or _another_population(words):
            return None
        if EXAMPLES.match(norm, after, segment.end) or ALTERNATIVE.match(norm, after, segment.end):
            return None
        if explicit or any(w in _DEFINED_WORDS - FILLER for w in words):
            return start, _defined_after_with(norm, stop, after, first_mention) or (
                stop + 1 if opened and not explicit else after
            )
    return None


_GLUCOSE = frozenset({"glucose", "fasting_glucose", "ogtt_2h_glucose", "hba1c"})
_BLOOD_PRESSURE = frozenset({"sbp", "dbp"})
_RED_CELLS = frozenset({"hemoglobin", "hematocrit", "rbc"})
_WHITE_CELLS = frozenset({"anc", "wbc"})
_CALCIUM = frozenset({"calcium", "calcium_corrected", "ionized_calcium"})
_THYROID = frozenset({"tsh", "ft4", "ft3", "tt4", "tt3"})
_BODY_SIZE = frozenset({"bmi", "body_weight"})
_BILIRUBIN = frozenset({"bilirubin", "direct_bilirubin"})
_POTASSIUM = frozenset({"potassium"})
_MEASURED_BY: dict[str, frozenset[str]] = {
    **dict.fromkeys(
        ("diabetes", "diabete", "diabetic", "diabetics", "mellitus", "dm", "t1dm", "t2dm"), _GLUCOSE
    ),
    **dict.fromkeys(("hyperglycemia", "hyperglycaemia", "hypoglycemia", "hypoglycaemia"), _GLUCOSE),
    **dict.fromkeys(("hypertension", "hypotension"), _BLOOD_PRESSURE),
    **dict.fromkeys(("anemia", "anaemia", "polycythemia", "polycythaemia"), _RED_CELLS),
    **dict.fromkeys(("thrombocytopenia", "thrombocytosis"), frozenset({"platelets"})),
    **dict.fromkeys(
        ("neutropenia", "granulocytopenia", "leukopenia", "leucopenia", "leukocytosis"), _WHITE_CELLS
    ),
    "lymphopenia": frozenset({"lymphocytes", "cd4"}),
    **dict.fromkeys(
        ("hyperbilirubinemia", "hyperbilirubinaemia"), frozenset({"bilirubin", "direct_bilirubin"})
    ),
    **dict.fromkeys(("hypercalcemia", "hypercalcaemia", "hypocalcemia", "hypocalcaemia"), _CALCIUM),
    **dict.fromkeys(
        ("hypokalemia", "hypokalaemia", "hyperkalemia", "hyperkalaemia"), frozenset({"potassium"})
    ),
    **dict.fromkeys(
        ("hyponatremia", "hyponatraemia", "hypernatremia", "hypernatraemia", "dysnatremia", "dysnatraemia"),
        frozenset({"sodium"}),
    ),
    **dict.fromkeys(("hypomagnesemia", "hypomagnesaemia"), frozenset({"magnesium"})),
    **dict.fromkeys(("hypoalbuminemia", "hypoalbuminaemia"), frozenset({"albumin"})),
    **dict.fromkeys(("hypoxemia", "hypoxaemia"), frozenset({"spo2", "po2", "pf_ratio"})),
    **dict.fromkeys(("obesity", "obese", "overweight", "underweight"), _BODY_SIZE),
    "malnutrition": _BODY_SIZE | {"albumin", "total_protein"},
    "hyperuricemia": frozenset({"uric_acid"}),
    "hypertriglyceridemia": frozenset({"triglycerides"}),
    "hypercholesterolemia": frozenset({"cholesterol", "ldl"}),
    **dict.fromkeys(("hypothyroidism", "hyperthyroidism"), _THYROID),
    **dict.fromkeys(("castrate", "castration"), frozenset({"testosterone"})),
    **dict.fromkeys(("bradycardia", "tachycardia"), frozenset({"heart_rate"})),
}
"""The values that can define a named condition: "Diabetes, platelets < 50,000/mm³" names two conditions,
not a diabetes the platelet count defines; read as one, the diabetes was dropped and a diabetic patient with
normal platelets passed the exclusion."""


def defined_by(segment: Segment, label: Span, analytes: Iterable[str]) -> bool:
    """Whether the thresholds' analytes can define the condition the label names: any of them, for each
    condition the label names by a word of its own (organ words and "abnormal" bound nothing here)."""
    found = set(analytes)
    return all(
        not found.isdisjoint(values)
        for word in re.findall(r"[a-z0-9]+", segment.norm[label[0] : label[1]])
        if (values := _MEASURED_BY.get(word)) is not None
    )


_SENTENCE_END = re.compile(r"[a-z0-9)\]]{2}\.\s+[a-z]")
""""Has any clinically significant abnormal laboratory values. Participants with liver function tests ... will
be excluded": a label ends with its sentence; one before it names more than the next sentence's thresholds."""


_NAMED_THEN_COLON = re.compile(r"\s*(?P<words>[a-z ]+?)\s*:\s*")


def _defined_after_with(norm: str, stop: int, after: int, first_mention: int) -> int | None:
    """ "Pulmonary pathology with hypoxemia: SpO2 < 92%": the condition after "with" is what the threshold
    after the colon defines, and the label runs to the colon."""
    if norm[stop:after].strip(" ,") != "with":
        return None
    named = _NAMED_THEN_COLON.match(norm, after, first_mention)
    if named is None or not set(named.group("words").split()) <= _DEFINED_WORDS:
        return None
    return named.end()


# --- when and how the value is measured ---------------------------------------------------------------------

_MEASUREMENT = re.compile(
    r"(?<![a-z0-9])(?:\d{1,2}[\s-]*leads?(?:\s+(?:ecgs?|electrocardiograms?))?|triplicate(?:\s+ecgs?)?"
    r"|(?:the\s+)?(?:mean|average)\s+of\s+(?:\d|three|the)\s+(?:consecutive\s+)?(?:ecgs?|readings|measurements)"
    r"|(?:at|in|on|breathing)\s+(?:room|ambient)\s+air|(?:room|ambient)\s+air|at\s+rest|resting"
    r"|basal(?=\s+(?:systolic|diastolic|blood\s+pressure|heart\s+rate|pulse))"
    r"|[(\[]?\s*(?:at\s+)?(?:the\s+)?(?:screening\s+)?visit\s+\d+\s*[)\]]?|[(\[]\s*week\s+-?\d+\s*[)\]]"
    r"|(?:at\s+)?(?:the\s+)?(?:screening\s+)?visits\s+\d+(?:\s*(?:,|and|&)\s*\d+)+"
    r"|(?:on\s+|at\s+)?(?:study\s+)?day\s+-?\d+(?:\s+(?:to|-)\s+day\s+-?\d+)?|cycle\s+\d+,?\s*day\s+\d+"
    r"|(?:at|during)\s+(?:the\s+)?(?:time\s+of\s+)?screening(?:\s+(?:period|phase))?"
    r"|(?:in\s+)?(?:the\s+)?(?:last|past|previous)\s+(?:one\s+)?month"
    r"|(?:measured|assessed|determined|calculated)\s+(?:by|per|as\s+per)\s+(?:the\s+)?(?:central|local)\s+lab(?:oratory)?"
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
    r"|(?<=[;:]\s)[a-h]\.(?=[a-z]{3})"
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


_PREDICTED = re.compile(
    r"(?:(?<=%)|(?<=percent))\s*(?:of\s+)?(?:the\s+)?(?:local\s+)?(?:normal\s+)?predict(?:ed|ive)(?:\s+normal)?(?:\s+(?:values?|levels?))?"
    r"(?:\s+for\s+adults)?(?![a-z])(?!\s+(?:lower|upper|limit))"
    r"(?:\s*[(\[]?\s*" + CORRECTED_FOR_HB + r"\s*[)\]]?)?"
)
""""FEV1 ≥ 50 % of predicted": pulmonary function is stated as a percentage of the predicted value, which is
what the patient file holds for FEV1, FVC and DLCO ("(corrected for hemoglobin)": DLCO is reported so;
"% of predicted level", "% of predicted normal for adults", the adults' reference equations: the same).
Not beside the FEV1/FVC ratio: a percentage of its
predicted value is not the ratio itself."""
_RATIO_TEXT = r"(?:fev1\s*(?:/|:|-?to-?)\s*fvc|tiffeneau)"
_RATIO = re.compile(_RATIO_TEXT)
_RATIO_THEN_OTHER = re.compile(
    _RATIO_TEXT + r"(?:\s+ratio)?[^;]*?\d[^;]*?(?<![a-z/])(?:fev1|fvc|dlco|diffusi)(?![a-z/])"
    r"(?![^;]*" + _RATIO_TEXT + r")"
)
""""FEV1/FVC ≤ 0.7 and FEV1 ≤ 50% of predicted value": the ratio has its own limit, and the percentage of
predicted after it is another test's."""


_IF_MEASURED = re.compile(
    r"(?<![a-z])if\s+(?:an?\s+|the\s+)?(?:multi-?gated\s+acquisition|muga|echocardiograms?|echo|ecg|electrocardiograms?"
    r"|pulmonary\s+function\s+tests?|pfts?|spirometry)(?:\s*[(\[]\s*[a-z]+\s*[)\]])?(?:\s+scans?)?\s+(?:is|are)\s+"
    r"(?:obtained|performed|done)(?![a-z])\s*,?"
)
""""If MUGA is obtained, the LVEF should exceed 40%": the value exists only where the test was done, and a
patient without it is unknown, not failed, so the clause adds nothing to the threshold."""


def measurement_spans(segment: Segment) -> list[Span]:
    """How and when the value is taken, which the patient file does not record and the threshold does not
    depend on ("at rest", "on room air", "2-D echocardiogram", "(Visit 1)", "triplicate 12-lead ECG",
    "Fridericia's formula"; "prior to each dose of lutetium
    Lu 177 dotatate": at screening, the value to hold is today's)."""
    spans = [m.span() for m in _MEASUREMENT.finditer(segment.norm, segment.start, segment.end)]
    window = segment.norm[segment.start : segment.end]
    if "predict" in window:
        for match in _PREDICTED.finditer(segment.norm, segment.start, segment.end):
            before = segment.norm[segment.start : match.start()]
            if not _RATIO.search(before) or _RATIO_THEN_OTHER.search(before):
                spans.append(match.span())
    if "if " in window and ("obtained" in window or "performed" in window or " done" in window):
        spans += [m.span() for m in _IF_MEASURED.finditer(segment.norm, segment.start, segment.end)]
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
    if not segment.contains("(", "["):
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
