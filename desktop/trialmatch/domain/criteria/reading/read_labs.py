"""Reader for lab and derived-value thresholds: "ALT, AST ≤ 3 x ULN (if liver metastasis, up to 5 x ULN
acceptable) and total bilirubin ≤ 3mg/dL", "creatinine ≤ 1.5 x ULN or creatinine clearance ≥ 60 mL/min".

The sentence becomes a sequence of analyte mentions, thresholds and joining words. Analytes listed before a
threshold share it ("AST and ALT ≤ 3 x ULN"); groups joined by "or" are alternatives. Bracketed or trailing
conditions become exceptions ("≤ 5 x if liver metastases") or stratum variants ("for Stratum D: ..."). How a
list combines depends on the section: an inclusion "AST and/or ALT ≤ 3 x ULN" needs both, an exclusion
"ALT and/or AST > 5 x ULN" excludes on either. A plain "and" before a limit the values share, in an exclusion
("AST and ALT > 3 × ULN"), is read both ways: it excludes when every value is beyond the limit, not when none
is, and leaves the rest unknown, so it neither excludes a patient the trial may accept nor lets in one it may
not. Between values with limits of their own ("FEV1/FVC ≤ 0.7 and FEV1 ≤ 50 %") it is read literally (both):
such pairs define one state.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from itertools import pairwise
from typing import cast

from trialmatch.domain.analytes import Analyte, all_analytes, get_analyte
from trialmatch.domain.anticoagulation import ANTICOAGULATION
from trialmatch.domain.criteria.base import Comparator
from trialmatch.domain.criteria.derived import DERIVED_ANALYTES, RENAL_ANALYTES, DerivedValueRule, Method
from trialmatch.domain.criteria.lab import LabException, LabThreshold, StratumVariant, ThresholdFields
from trialmatch.domain.criteria.logic import AllOf, AnyOf, all_of_merged
from trialmatch.domain.criteria.reading.ctcae import grade_bounds
from trialmatch.domain.criteria.reading.gleason_specimen import gleason_specimen
from trialmatch.domain.criteria.reading.lab_advice_notes import advice_notes
from trialmatch.domain.criteria.reading.lab_anticoagulation import (
    CLOTTING,
    for_anticoagulated,
    names_only_anticoagulation,
)
from trialmatch.domain.criteria.reading.lab_any_value import any_value_notes
from trialmatch.domain.criteria.reading.lab_body_size import body_size_notes
from trialmatch.domain.criteria.reading.lab_but_joined import but_before_a_name
from trialmatch.domain.criteria.reading.lab_cardiac import cardiac_note_spans
from trialmatch.domain.criteria.reading.lab_child_pugh import CHILD_PUGH, admits_the_healthy, class_thresholds
from trialmatch.domain.criteria.reading.lab_citations import citation_spans
from trialmatch.domain.criteria.reading.lab_control import requires_above_control
from trialmatch.domain.criteria.reading.lab_correctable import with_correction
from trialmatch.domain.criteria.reading.lab_exclusion_cue import exclusion_cue
from trialmatch.domain.criteria.reading.lab_fasting import fasting_state
from trialmatch.domain.criteria.reading.lab_gleason import (
    GLEASON_SCORES,
    NOTATION,
    NotationError,
    gleason_notations,
    notation_bounds,
)
from trialmatch.domain.criteria.reading.lab_glosses import gloss_spans
from trialmatch.domain.criteria.reading.lab_glycaemic_label import upper_limit_defines_high_glucose
from trialmatch.domain.criteria.reading.lab_grade_before import (
    ctcae_versions,
    grades_named_before,
    grades_restated_after,
)
from trialmatch.domain.criteria.reading.lab_headings import heading_spans
from trialmatch.domain.criteria.reading.lab_ifcc_range import ifcc_range_spans, restates_in_ifcc
from trialmatch.domain.criteria.reading.lab_liver_notes import (
    group_threshold,
    listed_with_liver_tests,
    liver_notes,
)
from trialmatch.domain.criteria.reading.lab_metabolic_notes import metabolic_notes
from trialmatch.domain.criteria.reading.lab_methods import method_note_spans
from trialmatch.domain.criteria.reading.lab_named_exceptions import named_exception
from trialmatch.domain.criteria.reading.lab_notes import (
    GradeLimit,
    Sex,
    both_sexes,
    condition_words,
    defined_by,
    definition_label,
    grade_limits,
    grade_notes,
    measurement_spans,
    sex_after,
    sex_before,
    stated_limit,
)
from trialmatch.domain.criteria.reading.lab_paired_blocks import paired_blocks
from trialmatch.domain.criteria.reading.lab_percent_above import percent_above
from trialmatch.domain.criteria.reading.lab_percent_of_limit import percent_of_limit
from trialmatch.domain.criteria.reading.lab_persistence import course_notes, with_course
from trialmatch.domain.criteria.reading.lab_prostate_notes import prostate_note_spans
from trialmatch.domain.criteria.reading.lab_pulmonary import (
    dlco_correction_spans,
    lung_capacity,
    room_air_spans,
    spirometry_spans,
)
from trialmatch.domain.criteria.reading.lab_qt_correction import (
    QT_ANALYTES,
    bazett_spans,
    requires_prolonged_qtc,
)
from trialmatch.domain.criteria.reading.lab_ratio_predicted import ratio_of_predicted, ratio_predicted_spans
from trialmatch.domain.criteria.reading.lab_renal import with_creatinine_condition
from trialmatch.domain.criteria.reading.lab_renal_methods import renal_method_spans
from trialmatch.domain.criteria.reading.lab_restrictions import regardless_spans, restricts
from trialmatch.domain.criteria.reading.lab_retest import retest_notes
from trialmatch.domain.criteria.reading.lab_seconds_over import seconds_over
from trialmatch.domain.criteria.reading.lab_semicolon_items import semicolon_items
from trialmatch.domain.criteria.reading.lab_sex_variant import bases_for_the_other_sex
from trialmatch.domain.criteria.reading.lab_shared_waiver import (
    FOOTNOTE_ELSEWHERE,
    covered_analytes,
    footnote_elsewhere,
    with_waiver,
)
from trialmatch.domain.criteria.reading.lab_size_reasons import HEIGHT_LIMIT, size_reason_spans
from trialmatch.domain.criteria.reading.lab_spontaneous import SPONTANEOUS_WAIVER, spontaneous_clotting
from trialmatch.domain.criteria.reading.lab_support import SupportNote, is_time_span, support_notes
from trialmatch.domain.criteria.reading.lab_test_notes import test_notes
from trialmatch.domain.criteria.reading.lab_testosterone import testosterone_notes
from trialmatch.domain.criteria.reading.lab_timepoints import at_timepoint, read_timepoint
from trialmatch.domain.criteria.reading.lab_timing import other_correction, plus_grade, timing_spans
from trialmatch.domain.criteria.reading.lab_typical_multiple import bracketed_after, comes_to_typical_multiple
from trialmatch.domain.criteria.reading.lab_unit_prefix import prefix_misprint
from trialmatch.domain.criteria.reading.lab_unit_typos import misprinted_units, unprinted
from trialmatch.domain.criteria.reading.lab_vital_signs import (
    vital_sign_leads,
    vital_sign_notes,
    with_vital_leads,
)
from trialmatch.domain.criteria.reading.lab_window import with_window
from trialmatch.domain.criteria.reading.lab_with import with_as_and
from trialmatch.domain.criteria.reading.numbers import (
    COMPARATOR,
    Number,
    Quantity,
    comparator_of,
    find_bare_limits,
    find_quantities,
    trie_alternation,
)
from trialmatch.domain.criteria.reading.ranges import but_between_bounds, read_ranges
from trialmatch.domain.criteria.reading.read_t_category import any_t_category
from trialmatch.domain.criteria.reading.text import (
    ALTERNATIVE_END,
    ALTERNATIVE_START,
    Read,
    Segment,
    Span,
    inside,
    leftover_words,
    masked,
    parenthesised,
    word_set,
)
from trialmatch.domain.lexicon import Concept, find_concepts, resolve_finding
from trialmatch.domain.trial import Section
from trialmatch.domain.units import UnitError, canonical_unit, convert, is_unit_for, units_for

# --- analyte mentions -------------------------------------------------------------------------------------

_LOWER_CASE_OK = word_set(
    "anc wbc plt plts ast alt inr hgb ldh alp ptt aptt bmi psa gfr egfr alc ggt cea afp tsh crp bun hb "
    "sgot sgpt asat alat crcl clcr qtc qtcf lvef tbili bili creat scr na+ k+ ca++ mg++ ca2+ mg2+ po2"
)
"""Short names read in any case; other names of three letters or fewer only in capitals ("PT", "EF")."""

_NOT_MENTIONS = frozenset(
    {
        "clearance",
        "k",
        "mg",
        "na",
        "ca",
        "cr",
        "ms",
        "ld",
        "tp",
        "tc",
        "tg",
        "got",
        "gpt",
        "pal",
        "glu",
        "tca",
        "serum protein electrophoresis",
        "urine protein electrophoresis",
        "cockcroft-gault",
        "cockcroft gault",
        "ckd-epi",
        "mdrd",
        "systolic",
        "diastolic",
        "ra",
        "ef",
        "lymph",
        "polys",
        "urate",
        "phos",
        "chol",
        "trigs",
        "fertile",
        "weight",
        "body weight",
        "bodyweight",
        "body wt",
        "total body weight",
        "pulse oximetry",
    }
)
"""Aliases too ambiguous in running text: units (mg, K), words (clearance), methods (Cockcroft-Gault)."""

_NOT_ANALYTES = (
    "birth weight",
    "dry weight",
    "fetal weight",
    "foetal weight",
    "ideal body weight",
    "loss of weight",
    "body weight loss",
    "non hdl",
    "non hdl cholesterol",
    "non high density lipoprotein cholesterol",
    "iief ef",
    "pulmonary artery systolic pressure",
    "pulmonary arterial systolic pressure",
    "right ventricular systolic pressure",
)
"""Names that contain an analyte's name but name something else: the weight at birth, a dialysis target, a
weight loss, the cholesterol outside HDL, an erectile function score (IIEF-EF), pressures in the pulmonary
circulation; read as no analyte at all. (The PaO2/FiO2 ratio is an analyte of its own, the P/F ratio, named
by the lexicon: not the PaO2.)"""

_GROUPS = {
    "granulocyte count": ("anc",),
    "granulocyte": ("anc",),
    "polymorphonuclear count": ("anc",),
    "transaminases": ("ast", "alt"),
    "aminotransferases": ("ast", "alt"),
    "liver transaminases": ("ast", "alt"),
    "serum transaminases": ("ast", "alt"),
    "liver aminotransferases": ("ast", "alt"),
    "serum aminotransferases": ("ast", "alt"),
    "transaminase levels": ("ast", "alt"),
    "transaminase": ("ast", "alt"),
    "ast/alt": ("ast", "alt"),
    "alt/ast": ("alt", "ast"),
    "sgot/sgpt": ("ast", "alt"),
    "sgpt/sgot": ("alt", "ast"),
    "hepatic transaminases": ("ast", "alt"),
    "serum glutamate pyruvate transaminase": ("alt",),
    "serum glutamic pyruvate transaminase": ("alt",),
    "glutamate pyruvate transaminase": ("alt",),
    "serum glutamate oxaloacetate transaminase": ("ast",),
    "serum glutamic oxalacetic transaminase": ("ast",),
    "glutamate oxaloacetate transaminase": ("ast",),
    "alanine transferase": ("alt",),
    "alanine amino transferase": ("alt",),
    "aspartate amino transferase": ("ast",),
    "alanine amino-transferase": ("alt",),
    "aspartate amino-transferase": ("ast",),
    "polymorphonuclear neutrophils": ("anc",),
    "polymorphonuclear neutrophil count": ("anc",),
    "polymorphonuclear lymphocytes": ("anc",),
    "polymorphonuclear lymphocyte count": ("anc",),
    "pmn": ("anc",),
    "absolute leukocyte count": ("wbc",),
    "total peripheral white blood cell count": ("wbc",),
    "left ventricular cardiac ejection fraction": ("lvef",),
    "ventricular ejection fraction": ("lvef",),
    "cardiac ventricular ejection fraction": ("lvef",),
    "systolic ejection fraction": ("lvef",),
    "qt interval corrected for heart rate": ("qtcf",),
    "qt corrected for heart rate": ("qtcf",),
    "corrected qt": ("qtcf",),
    "corrected qt interval": ("qtcf",),
    "mean qt interval corrected for heart rate": ("qtcf",),
    "corrected mean qt interval": ("qtcf",),
    "corrected mean qt interval for heart rate": ("qtcf",),
    "corrected qt interval for heart rate": ("qtcf",),
    "asparate aminotransferase": ("ast",),
    "aspirate aminotransferase": ("ast",),
    "alanine aminotransferease": ("alt",),
    "serum glutamic axaloacetic transaminase": ("ast",),
    "serum glutamate oxalate transaminase": ("ast",),
    "alkalin phosphatase": ("alp",),
    "alkalin phosphatases": ("alp",),
    "alkaline phosphatases": ("alp",),
    "aspartate transferase": ("ast",),
    "serum glutamate oxalo acetate transaminase": ("ast",),
    "partial prothrombin time": ("ptt",),
    "partially activated prothrombin time": ("ptt",),
    "activated partial prothrombin time": ("ptt",),
    "activated partial thrombin time": ("ptt",),
    "activated partial coagulation activity enzyme time": ("ptt",),
    "international standardized ratio": ("inr",),
    "internationalized normalized ratio": ("inr",),
    "prothrombin time international ratio": ("inr",),
    "cd4 t cell count": ("cd4",),
    "cd4+ t cell count": ("cd4",),
    "cd4 t cells": ("cd4",),
    "cd4+ t cells": ("cd4",),
    "cd4+ t lymphocyte": ("cd4",),
    "cd4+ t lymphocytes": ("cd4",),
    "cd4 t lymphocyte count": ("cd4",),
    "cd4+ t cell": ("cd4",),
    "cd4 lymphocyte count": ("cd4",),
    "serum creatinine clearance": ("crcl",),
    "crea clearance": ("crcl",),
    "endogenous creatinine clearance": ("crcl",),
    "endogenous creatinine clearance rate": ("crcl",),
    "isotope clearance": ("crcl",),
    "isotopic clearance": ("crcl",),
    "radioisotope clearance": ("crcl",),
    "iothalamate clearance": ("crcl",),
    "iohexol clearance": ("crcl",),
    "pulse oximetry recording": ("spo2",),
    "fev": ("fev1",),
    "spirometry": ("fev1", "fvc"),
}
"""Names the lexicon does not hold: groups ("transaminases" is AST and ALT) and the long or misspelt forms
registries print ("serum glutamate pyruvate transaminase", "alanine transferase"; "FEV", its subscript lost,
for FEV1; "spirometry" for the FEV1 and FVC it measures, their limit a percentage of predicted as the
DLCO's beside them; "polymorphonuclear lymphocytes", old summaries' misnomer for the polymorphonuclear
granulocytes, the neutrophils, that the ANC counts)."""

_CAPITALISED = {
    "cr": "creatinine",
    "k": "potassium",
    "na": "sodium",
    "ca": "calcium",
    "mg": "magnesium",
    "ap": "alp",
    "sap": "alp",
    "tbl": "bilirubin",
    "ccr": "crcl",
    "systolic": "sbp",
    "diastolic": "dbp",
    "weight": "body_weight",
    "body weight": "body_weight",
    "bodyweight": "body_weight",
    "body wt": "body_weight",
    "total body weight": "body_weight",
    "height": "height",
    "pulse oximetry": "spo2",
    "ef": "lvef",
}
"""Ambiguous names read only right before a comparator or inside brackets after their own name, and the
short ones only capitalised: "BUN and Cr ≤ 1.5 × ULN", "creatinine (Cr)", "diastolic ≤ 85 mmHg"; "2 mg",
"K/µL", "systolic dysfunction", "body weight loss > 10 %" are not analytes, nor is "SaO2 ≥ 90 % by pulse
oximetry" a second oxygen saturation. "Body weight of ≥ 40 kg" and
"body weight is not less than 50 kg" name it right before their comparator all the same."""
_BEFORE_COMPARATOR = re.compile(r"\s*(?:(?:of|is)\s+)?(?:" + COMPARATOR + r")\s*[\d.]|\s*\+?\s*\)")
_WEIGHT_AFTER = re.compile(r"\s*(?:(?:of|is)\s+)?\d+(?:[.,]\d+)?\s*(?:kg|kilograms?|lbs?|pounds?)(?![a-z])")
""""Weight of 50 kg or more", "body weight 45 kg or above": a weight in kilograms or pounds right after the
name, its comparator printed after the number, is the patient's body weight all the same."""


@dataclass(frozen=True, slots=True)
class _Names:
    pattern: re.Pattern[str]
    ids: dict[str, tuple[str, ...]]


@cache
def _names() -> _Names:
    ids: dict[str, tuple[str, ...]] = dict(_GROUPS) | dict.fromkeys(_NOT_ANALYTES, ())
    for analyte in all_analytes():
        for alias in {analyte.name.lower(), *analyte.aliases}:
            alias = alias.lower()
            spaced = alias.replace("-", " ")
            if alias in _NOT_MENTIONS or spaced in _NOT_MENTIONS or len(alias) < 2:
                continue
            ids.setdefault(alias, (analyte.id,))
            ids.setdefault(spaced, (analyte.id,))
    names = [*(n for n in ids if "-" not in n), *(set(_CAPITALISED) - set(ids))]
    alternation = trie_alternation(names, space=r"[\s-]+")
    return _Names(re.compile(rf"(?<![a-z0-9])(?:{alternation})(?![a-z0-9+])"), ids)


_TOTAL_AND = re.compile(r"(?<![a-z])total(?=\s*(?:and|&)\s*(?:direct|conjugated)\s+bilirubin)")
""""Total and direct bilirubin ≤ 3 × ULN": "total" names total bilirubin, a threshold of its own; read alone
it was a filler word and only direct bilirubin was held to the threshold."""


@dataclass(frozen=True, slots=True)
class _Mention:
    start: int
    end: int
    analytes: tuple[str, ...]


def _bazett(analytes: tuple[str, ...]) -> tuple[str, ...]:
    """The QTc a sentence naming Bazett's correction reads: QTcB (see ``lab_qt_correction``)."""
    return tuple("qtcb" if analyte == "qtcf" else analyte for analyte in analytes)


def analyte_mentions(segment: Segment) -> list[Span]:
    """Where the segment names an analyte (any the lab reader knows), for coverage reports."""
    return [(m.start, m.end) for m in _mentions(segment)]


def named_analytes(text: str) -> frozenset[str]:
    """The analytes a text names, by id."""
    return _analytes(_mentions(Segment.of(text)))


def _mentions(segment: Segment) -> list[_Mention]:
    names = _names()
    found = []
    for match in names.pattern.finditer(segment.norm, segment.start, segment.end):
        key = re.sub(r"[\s-]+", " ", match.group(0))
        analytes = names.ids.get(key) or names.ids.get(match.group(0))
        printed = segment.printed[match.start() : match.end()]
        if analytes == ():
            continue
        if analytes is None:
            analytes = _capitalised(segment, match, key, printed)
            if analytes is None:
                continue
        elif len(key) <= 3 and key not in _LOWER_CASE_OK and not printed.isupper():
            continue
        analytes = fasting_state(lung_capacity(key, analytes, segment), segment, match.start(), match.end())
        analytes = ratio_of_predicted(analytes, segment, match.end())
        found.append(_Mention(match.start(), match.end(), analytes))
    if segment.contains("total"):
        found += [
            _Mention(*m.span(), ("bilirubin",))
            for m in _TOTAL_AND.finditer(segment.norm, segment.start, segment.end)
        ]
        found.sort(key=lambda mention: mention.start)
    return found


def _capitalised(segment: Segment, match: re.Match[str], key: str, printed: str) -> tuple[str, ...] | None:
    analyte = _CAPITALISED.get(key)
    if analyte is None or (len(key) <= 3 and not printed[0].isupper()):
        return None
    if analyte == "height":
        return (analyte,) if HEIGHT_LIMIT.match(segment.norm, match.end(), segment.end) else None
    if (
        not _BEFORE_COMPARATOR.match(segment.norm, match.end(), segment.end)
        and not (analyte == "body_weight" and _WEIGHT_AFTER.match(segment.norm, match.end(), segment.end))
        and not (key == "sap" and listed_with_liver_tests(segment, match.end()))
    ):
        return None
    return (analyte,)


_METHODS: tuple[tuple[tuple[str, ...], re.Pattern[str], Method], ...] = (
    (
        ("cock", "c-g"),
        re.compile(
            r"(?:modified\s+)?cockc?roft(?:[\s-]*(?:and\s+|&\s*|-)?\s*gault(?:\s*\(c-?g\))?)?(?![a-z])|\bc-g\b"
        ),
        "cockcroft-gault",
    ),
    (
        ("2009",),
        re.compile(
            r"(?:chronic\s+kidney\s+disease[\s-]*epidemiology(?:\s+collaboration)?(?:\s*[(\[]ckd[\s-]*epi[)\]])?"
            r"|ckd[\s-]*epi)(?:\s+creatinine)?(?:\s*[(\[]?\s*2009(?:\s*[)\]])?(?:\s+(?:equation|formula))?"
            r"|(?:\s+(?:equation|formula))?(?:,?\s+using\s+(?:the\s+)?2009\s+(?:formula|equation)"
            r"|\s*[(\[]\s*levey\s+et\s+al\.?,?\s*2009\s*[)\]]))"
        ),
        "ckd-epi-2009",
    ),
    (
        ("epidemiology", "ckd"),
        re.compile(
            r"chronic\s+kidney\s+disease[\s-]*epidemiology(?:\s+collaboration)?(?:\s*[(\[]ckd[\s-]*epi[)\]])?"
            r"(?:\s+(?:glomerular\s+filtration\s+rate\s+)?(?:estimation|equation|formula))?|ckd[\s-]*epi"
            r"(?:\s+creatinine)?(?:\s*[(\[]?\s*2021\s*[)\]]?)?(?:\s+(?:equation|formula))?"
            r"(?:\s*[(\[]\s*2021\s*[)\]]|,?\s+using\s+(?:the\s+)?2021\s+(?:formula|equation))?"
        ),
        "ckd-epi",
    ),
    (
        ("diet", "mdrd"),
        re.compile(
            r"modif(?:ication\s+of|ied)\s+diet\s+in\s+renal\s+disease(?:\s+study)?(?:\s*[(\[]mdrd[)\]])?|\bmdrd\b"
        ),
        "mdrd",
    ),
    (
        ("24", "measured", "isotop", "iothalamate", "iohexol"),
        re.compile(
            r"(?=[2mir])(?:(?<!/)(?<!g\sper\s)(?<!\)\sper\s)24[\s-]*(?:hours?|hrs?|h)[\s-]*urine(?:\s+collection)?(?!\s*(?:protein|albumin))"
            r"|measured\s+(?=creatinine\s+clearance)"
            r"|(?<![a-z])(?:radioisotope|isotope|isotopic|iothalamate|iohexol)(?=\s+(?:clearance|gfr|glomerular))"
            r"|(?<=isotope\sclearance\s)measurements?(?![a-z]))"
        ),
        "measured",
    ),
    (
        ("schwartz",),
        re.compile(r"(?<![\[(])(?:(?:revised\s+)?bedside\s+)?schwartz(?:\s+(?:equation|formula))?(?![a-z])"),
        "schwartz",
    ),
    (
        ("cystatin",),
        re.compile(
            r"(?<![a-z])(?=[cs])(?:(?:chronic\s+kidney\s+disease[\s-]*epidemiology(?:\s+collaboration)?(?:\s*[(\[]ckd[\s-]*epi[)\]])?"
            r"|ckd[\s-]*epi)\s+)?(?:(?:serum\s+)?creatinine\s*(?:and|&|-|/|\+)\s*)?cystatin[\s-]*c(?![a-z])"
            r"(?:[\s-]*based)?(?:\s+(?:equation|formula))?"
        ),
        "cystatin-c",
    ),
)
"""How a clearance or GFR is calculated ("isotope clearance measurement", "iothalamate clearance": a measured
GFR, its marker named), each pattern behind the words it cannot match without. "CKD-EPI" is the 2021
equation the patient's eGFR is computed with, said or not; the 2009 one ("CKD-EPI creatinine 2009 equation",
"CKD-EPI formula [Levey et al, 2009]") gives other values, so it is a method of its own, which the patient's
eGFR can only show met. The (bedside) Schwartz equation is the children's."""


def calculation_methods(segment: Segment, claimed: Sequence[Span] = ()) -> list[tuple[int, int, Method]]:
    """The calculation methods the segment names outside ``claimed``, each with its span; of two that overlap
    ("CKD-EPI creatinine-cystatin C equation") the longer, not the CKD-EPI inside it."""
    methods = [
        (m.start(), m.end(), method)
        for cues, pattern, method in _METHODS
        if segment.contains(*cues)
        for m in pattern.finditer(segment.norm, segment.start, segment.end)
        if not inside(m.span(), claimed)
    ]
    return [m for m in methods if not any(o != m and o[0] <= m[0] and m[1] <= o[1] for o in methods)]


_LAB_FILLER = word_set(
    """
    formula equation method according using calculated estimated calculation estimation based institution
    normal limit limits range upper lower rate cells cell sgot sgpt uln lln ratio mm3 µl ul
    aspartate alanine aminotransferase transaminase transaminases aminotransferases direct conjugated
    either whichever coagulation marrow echocardiogram echocardiography echo muga scan multigated
    acquisition radionuclide ventriculography ecg ekg electrocardiogram resting mean triplicate
    cardiac ventricular left mri magnetic resonance imaging multiple gated multi hematology haematology
    cout pft pfts participation
    biochemistry chemistry routine examination panel ecgs electrocardiograms s bp data average repeat
    consecutive central local metabolic pulmonary morning observed was were participant's patient's subject's
    points score preferred ultrasound doppler color echocardiographic via step between inclusive elevated
    elevation concurrent random non-fasting nonfasting preoperative pre-operative postoperative
    post-operative pretreatment pre-treatment pretherapy showing showed seated sitting supine standing
    fingertip oximeter oximetry pulse recording biochemical thyroid addition cbc undergo available
    demonstrated formulas
    """
)

_REDUNDANT = re.compile(
    r"for\s+(?:patients|participants|subjects|those|pts)(?:\s*\(\s*pts\s*\))?\s+(?:with|w/)\s+(?:serum\s+)?creatinine\s+"
    r"(?:levels?\s+)?"
    r"(?:above|>|greater\s+than|over)\s+(?:\d+(?:\.\d+)?\s*x\s*)?(?:the\s+)?(?:institutional\s+)?"
    r"(?:upper\s+limit\s+of\s+)?(?:normal|uln)(?:\s+limits?)?"
)
"""The NCI template's "for participants with creatinine levels above institutional normal": it restates the
creatinine alternative, or states it when the sentence holds none (``lab_renal``); also abbreviated, "for
patients (pts) w/ creatinine levels above institutional normal"."""

_LABEL = re.compile(
    r"(?:[a-z][a-z\s-]{0,50}?\s*\(\s*[a-z][a-z0-9-]{1,7}\s*\)|[a-z][a-z\s-]{0,40}?)\s*(?:,\s*)?\(?\s*(?:(?:as\s+)?(?:defined|evidenced|documented|shown|manifested|indicated"
    r"|demonstrated)\s+(?:as|by|below)"
    r"|as\s+follows)\s*:?\s"
)
""""Neutropenia defined as ANC < 1,500/mm³", "Severe chronic obstructive pulmonary disease (COPD) defined as
...": the words before "defined as" (and the abbreviation of their name) name what the numbers define."""

_CUE = (
    r"(?:if|unless|except|excluding|in\s+(?:the\s+)?case\s+of|in\s+(?:the\s+)?presence\s+of|in\s+the\s+setting\s+of"
    r"|(?:for|in)\s+(?:patients|subjects|participants|those|pts|people|cases)\s+(?:who\s+(?:have|received)|with|of)"
    r"|for(?=\s+(?:known\s+|documented\s+|confirmed\s+)?[a-z]+\s+(?:metastases|metastasis|mets|involvement))"
    r"|such\s+as(?=\s+(?:liver|hepatic)\s+metasta)"
    r"|in(?=\s+(?:known\s+|documented\s+)?(?:gilbert|liver\s+metasta|hepatic\s+metasta)[a-z' ]*?"
    r"\s+(?:subjects|patients|participants)(?![a-z]))"
    r"|with|when|due\s+to|secondary\s+to|attributable\s+to|because\s+of|caused\s+by|related\s+to)"
)
_CUE_START = re.compile(
    r"\s*(?:\*+\s*(?:note\s*:\s*)?\*?\s*)?[,;]?\s*(?:(?:or|and)\s*,?\s*"
    r"|(?:is|are)\s+(?:also\s+)?(?:acceptable|allowed|permitted)\s+"
    r"|(?:[-–]\s*)?(?P<relax>(?:can|may)\s+(?:still\s+)?be\s+(?:included|enrolled)\s+))?(?P<cue>"
    + _CUE
    + r")(?![a-z])"
)
"""A clause after the thresholds; "- can be included if stabilized by medication" after a lone threshold
names who the limit does not hold for, as "unless" does."""
_ADMITTED_WITH = re.compile(
    r"(?<![a-z])(?:subjects?|patients?|participants?|individuals|those|people)\s+(?:with|who\s+have|having)"
    r"\s+(?:an?\s+)?$"
)
""""A subject with HbA1c levels up to 7.5% can be enrolled if the investigator believes ...": the value is
who may be admitted, not a limit the clause waives; among the exclusions it read as excluding them."""
_LEADING_CUE = re.compile(r"\s*[.;,]?\s*(?P<cue>" + _CUE + r")(?![a-z])[^.;:()]*?,\s*")
""""...; for patients with liver metastases, TBIL may be up to 3 times ULN": a condition stated first, then
the analytes named again with the threshold that applies under it."""
_RESTATING_JOINER = re.compile(r"\s*(?:[,;]?\s*or|;|\.\s+(?:an?\s+|the\s+)?)\s*,?\s*")
""""..., or", ";" or a full stop between a threshold and the same analytes named again: an alternative, not
an addition, when a condition follows."""
_UNDIAGNOSED = (
    r"(?:in|for)\s+(?:an?\s+)?(?:patients?|subjects?|participants?|persons?|people|individuals?)\s+"
    r"(?:who\s+(?:(?:has|have)\s+)?)?(?:not|never)\s+(?:been\s+)?(?:previously\s+)?diagnosed\s+with"
)
""""HbA1c > 6.5% in a person not previously diagnosed with diabetes": "without" said as a diagnosis never
made; the patients with it are who the limit is not for."""
_WITHOUT = (
    r"(?P<cue>if\s+there\s+(?:is|are)\s+no|if\s+no|(?:in|for)\s+(?:patients|subjects|participants)\s+without"
    r"|without\s+(?:a\s+)?(?:pattern|picture)\s+consistent\s+with|" + _UNDIAGNOSED + ")"
    r"\s+(?:clear\s+|known\s+|evidence\s+of\s+)?[a-z][a-z' -]*?"
)
_WITHOUT_BEFORE = re.compile(r"(?<![a-z])" + _WITHOUT + r"\s*,\s*$")
_WITHOUT_AFTER = re.compile(r"\s*,?\s*" + _WITHOUT + r"(?=\s*(?:[;.]|$))")
_NEGATION_WORDS = word_set("there no clear without pattern picture consistent not never previously diagnosed")
_LEADING_WAIVER = re.compile(
    r"(?<![a-z])(?P<cue>unless|except|(?:for|in)\s+(?:patients|subjects|participants)\s+(?:who\s+are\s+)?not)"
    r"\s[^:;.()]*?:\s*$"
)
""""Unless documented bone marrow disease: ANC ≥ 1,500/mm³", "For patients not receiving therapeutic
anticoagulation: INR and aPTT ≤ 1.5 x ULN": who the thresholds do not hold for, said before them."""
_NOTE = re.compile(r"(?<![a-z])(?:note\s*:|but)\s*$")
""""≤ 2.5x ULN NOTE: ≤ 5x ULN is acceptable if liver metastases are present", "≤ 2.5 ULN, but ≤ 5 ULN if ...":
the words that introduce the alternative under the condition. A footnote mark before the condition ("≤ 2.5
times ULN* NOTE: *Unless attributable to lymphoma") ties it to the threshold the same way."""
_HAS_CUE = re.compile(r"(?<![a-z])" + _CUE + r"(?![a-z])")
_WAIVER = re.compile(
    r"(?<![a-z])(?:unless|except|excluding|allowed|permitted|acceptable|accepted|eligible)(?![a-z])"
)
_STRATUM = re.compile(
    r"[(\[]\s*(?:only\s+)?(?:for|in)?\s*(?:the\s+)?strat(?:um|a)\s+"
    r"(?P<labels>[a-z0-9]{1,3}(?:\s*(?:,|and|&|/|or)\s*[a-z0-9]{1,3})*)\s*(?::|-)?\s*(?P<rest>.*?)\s*(?:only)?\s*[)\]]",
    re.DOTALL,
)
_CLAUSE_END = re.compile(r"[;)\]]|\.\s|\.$")

_EXCEPTION_FILLER = word_set(
    """
    present presence exhibits exhibit exhibiting has have having are is acceptable accepted allowed permitted
    acceptable documented known up case cases metastatic involvement disease or and only may can be
    eligible patient's who whom setting due secondary attributable because caused related if unless except
    excluding when presence confirmed evidence included note there
    """
)


@dataclass(slots=True)
class _Condition:
    """A bracketed or trailing clause: an exception ("≤ 5 x if liver metastases") or stratum variant."""

    span: Span
    exceptions: list[LabException] = field(default_factory=list)
    variants: list[tuple[str, Segment]] = field(default_factory=list)
    restated: frozenset[str] = frozenset()
    """The analytes the clause names again before its own threshold ("..., or AST and ALT ≤ 5 x ULN in
    patients with liver metastases")."""
    negative: bool = False
    """ "in patients without liver metastases", "if there is no clear liver metastasis": who the base
    threshold is for, which only restates the exception for the opposite condition and must be matched by
    one."""
    walk_at: int | None = None
    """Where the group walk meets a condition printed before the thresholds: just after the first; such a
    condition holds for every threshold of the sentence."""
    waiver: bool = False
    """A leading "for patients not receiving therapeutic anticoagulation:": the thresholds are only for
    others."""
    narrowing: bool = False
    """A clause right after a threshold, with none of its own, that may narrow whom it is for ("if
    considered clinically significant"); ``_read`` decides whether its words do (see ``lab_restrictions``)."""
    restricting: bool = False
    """Set by ``_restrictions`` when it does: kept as an unchecked exception, never with a concept."""

    @property
    def shareable(self) -> bool:
        """Whether a clause after one group may hold for others too: not a leading one (already on every
        group), a stratum variant, a "without" or one already shared by naming its analytes again."""
        return self.walk_at is None and not (self.variants or self.negative or self.restated)


@dataclass(slots=True)
class _Group:
    """Analytes sharing thresholds: "AST and ALT" ≤ "3 x ULN"."""

    mentions: list[_Mention]
    joiners: list[str]
    thresholds: list[Quantity]
    threshold_joiners: list[str]
    conditions: list[_Condition] = field(default_factory=list)
    method: Method | None = None

    @property
    def analytes(self) -> list[str]:
        return list(dict.fromkeys(a for m in self.mentions for a in m.analytes))


class _UnreadableError(Exception):
    """A lab sentence the reader cannot read fully; the message is the reason shown for review."""


def read_labs(segment: Segment, section: Section) -> Read | None:
    """The lab/derived rule for the segment; None when it names no analyte with a number."""
    mentions = _mentions(segment)
    if not mentions:
        return None
    quantities = [
        q
        for q in find_quantities(segment.norm[: segment.end], segment.printed, segment.start)
        if not any(m.start <= q.start and q.end <= m.end for m in mentions)
    ]  # "FEV 1", "FEV_1": a digit in the analyte's own name
    mentions = [m for m in mentions if not any(_in_unit(m, q) for q in quantities)]
    quantities = unprinted(segment, [(m.start, m.analytes) for m in mentions], quantities)
    child_pugh = [m.end for m in mentions if CHILD_PUGH in m.analytes]
    if child_pugh:  # "Child-Pugh class A": a class is a band of the score
        quantities = class_thresholds(segment, child_pugh, quantities)
    bare = find_bare_limits(segment.norm[: segment.end], segment.start)
    grades = grade_limits(segment)
    if not quantities and not bare and not grades and not _normal_words(segment, mentions):
        return None
    segment = with_as_and(segment, [(m.start, m.end, m.analytes) for m in mentions], quantities)
    spontaneous = spontaneous_clotting(segment, [(m.start, m.analytes) for m in mentions])
    if spontaneous is not None:  # "spontaneous INR > 1.6": not for the anticoagulated (``lab_spontaneous``)
        segment = masked(segment, [spontaneous])
    try:
        rule = _read(segment, section, mentions, quantities, bare, grades)
    except _UnreadableError as problem:
        return Read.failed(str(problem))
    waived = (
        with_waiver(rule, SPONTANEOUS_WAIVER, spontaneous, CLOTTING, ANTICOAGULATION)
        if spontaneous is not None
        else None
    )
    if isinstance(waived, AnyOf | AllOf | LabThreshold | DerivedValueRule):
        rule = waived
    if section is Section.INCLUSION and requires_above_control(rule):
        return Read.failed("a clotting time required above its control")
    if section is Section.INCLUSION and requires_prolonged_qtc(rule):
        return Read.failed("an inclusion requiring a prolonged QTc: an exclusion filed among the inclusions?")
    if "*" in segment.printed and segment.end == len(segment.norm.rstrip(" .;,*")):
        mark = footnote_elsewhere(segment)
        if mark:
            return Read(with_waiver(rule, FOOTNOTE_ELSEWHERE, mark) or rule)
    return Read(with_correction(rule, segment, section))


def _in_unit(mention: _Mention, quantity: Quantity) -> bool:
    """ "75,000 platelets/mm(3)": the counted cells named in the unit are no second mention of the analyte."""
    if not quantity.unit or not quantity.unit_text:
        return False
    return quantity.end - len(quantity.unit_text) <= mention.start and mention.end <= quantity.end


@dataclass(slots=True)
class _Notes:
    """What the sentence says about individual thresholds, by the threshold's start: the sex it is for, the
    support it may or may not be reached with, the same value restated in brackets, and lower bounds printed
    before the analyte ("30 ≤ eGFR < 90")."""

    sexes: dict[int, Sex] = field(default_factory=dict)
    support: dict[int, list[SupportNote]] = field(default_factory=dict)
    restated: dict[int, Quantity] = field(default_factory=dict)
    leading: dict[int, int] = field(default_factory=dict)
    """Threshold start -> the position it is read at (just after the analyte it bounds)."""


_DANGLING = re.compile(f"{ALTERNATIVE_START}|{ALTERNATIVE_END}")
""""Leukocytosis with WBC ≥ 10 000/mm3, OR", "OR - a 24 hour urine creatinine clearance ≥ 70": one inclusion
item of a list of alternatives; alone it could fail a patient who meets another. An exclusion item so printed
("INR ≥ 2.0 or") excludes on its own, as every exclusion item does."""
_MAY_BE = re.compile(r"(?<![a-z])may\s+be\s+(?:elevated\s+)?(?=up\s+to\s)")
""""ALT and AST may be up to 1.5 x ULN" (inclusion): the permitted maximum, said as a permission."""
_SENTENCE_START = re.compile(r".*(?:[.;]\s|[;:])", re.DOTALL)


def _may_be(segment: Segment) -> list[Span]:
    """ "may be up to" where nothing in its sentence before it sets a condition: "For patients with liver
    metastases, AST and ALT may be up to 5 x ULN" is a variant for those patients, not a limit for all. The
    sentence is looked at whole, also when the segment is one item of a list split at its commas."""
    found = []
    for match in _MAY_BE.finditer(segment.norm, segment.start, segment.end):
        before = _SENTENCE_START.match(segment.norm, 0, match.start())
        if not _HAS_CUE.search(segment.norm, before.end() if before else 0, match.start()):
            found.append(match.span())
    return found


_LEADING_CONDITION = re.compile(
    r"\W*(?:if|(?:for|in)\s+(?:patients|participants|subjects|those|pts|individuals|people)\s+(?:with|who|whose))"
    r"(?![a-z])[^,:;]*?\d[^,:;]*[,:]"
)
""""for participants with screening eGFR ≥ 45 mL/min/1.73 m2, potassium ≤ 4.8": a threshold in a leading
condition, read as one list with the rest, would require eGFR ≥ 45 of everyone; the item-level reading of
conditions (parsing) judges it. A condition without a number ("For patients with liver metastases, ...") is
read here as an exception."""
_DOCUMENTED = re.compile(r"(?<![a-z])documented\s+(?:(?:fasting|random|serum|plasma|blood|whole)\s+){0,3}$")
""""Patients with documented fasting blood glucose below 55 mg/dl": a value on record, which may be a past
episode (an insulinoma's hypoglycaemia), not the value the patient file holds today. A value documented by
the test the item has the patient undergo ("must undergo a 24-hour urine collection with documented creatinine
clearance > 50 ml/min") is today's."""
_NO = re.compile(r"\s*no\s+(?=\S)")
""""No LVEF less than 35%" (PDQ inclusion): the opposite threshold is required."""
_QT_WORDS = re.compile(r"(?<![a-z])(?:interval|corrected|prolong(?:ed|ation)(?:\s+(?:to|of))?)(?![a-z])")
""""QTc interval prolonged (> 450 ms)", "corrected QTcF": for the QT interval these words restate the
threshold or the name."""


def _read(
    segment: Segment,
    section: Section,
    mentions: list[_Mention],
    quantities: list[Quantity],
    bare: list[tuple[int, int, Comparator, str]],
    grades: list[GradeLimit],
) -> AnyOf | AllOf | LabThreshold | DerivedValueRule:
    if _LEADING_CONDITION.match(segment.norm, segment.start, segment.end):
        raise _UnreadableError("a condition before the thresholds: they hold only for the patients it names")
    if segment.contains("documented") and not segment.contains("undergo"):
        for mention in mentions:
            past = _DOCUMENTED.search(segment.norm, max(segment.start, mention.start - 60), mention.start)
            if past and any(q.comparator and q.start >= mention.end for q in quantities):
                quote = segment.quote(past.start(), mention.end)
                raise _UnreadableError(f"a documented value, which may be a past one: '{quote}'")
    limit = stated_limit(segment)
    if limit:
        raise _UnreadableError(f"a bracket that states the normal limit, not a threshold: '{limit}'")
    plus = plus_grade(segment)
    if plus:
        raise _UnreadableError(f"a dipstick grade in pluses is not read: '{plus}'")
    group = group_threshold(segment)
    if group:
        raise _UnreadableError(f"a limit on liver tests that names none of them: '{group}'")
    if section is Section.INCLUSION and _DANGLING.search(segment.text):
        raise _UnreadableError(
            "begins or ends with 'or': one of several alternative items, judge them together"
        )
    claimed: list[Span] = []
    notes = _Notes()
    start = segment.start
    negated = False
    no = _NO.match(segment.norm, start, segment.end) if section is Section.INCLUSION else None
    if no:
        negated = True
        claimed.append(no.span())
        start = no.end()
    label = _LABEL.match(segment.norm, start, segment.end)
    first = min((m.start for m in mentions if m.start >= start), default=segment.end)
    analytes = _analytes(mentions)
    defined = label.span() if label else definition_label(segment, start, first, _LAB_FILLER)
    if defined and defined_by(segment, defined, analytes):
        claimed.append(defined)
    correction = other_correction(segment, analytes)
    bazett = bazett_spans(segment, analytes) if correction else []
    if bazett:
        mentions = [_Mention(m.start, m.end, _bazett(m.analytes)) for m in mentions]
        analytes = _analytes(mentions)
        claimed.extend(bazett)
    elif correction:
        raise _UnreadableError(f"a QT interval corrected by another formula than Fridericia: '{correction}'")
    timing, windows = timing_spans(segment, analytes)
    claimed.extend(timing)
    claimed.extend(exclusion_cue(segment, section))
    claimed.extend(method_note_spans(segment, analytes))
    claimed.extend(renal_method_spans(segment, analytes))
    claimed.extend(cardiac_note_spans(segment, analytes))
    above_normal = [m.span() for m in _REDUNDANT.finditer(segment.norm, segment.start, segment.end)]
    claimed.extend(above_normal)
    if section is Section.INCLUSION and segment.contains("may"):
        claimed.extend(_may_be(segment))
    claimed.extend(measurement_spans(segment))
    claimed.extend(misprinted_units(segment, [(m.start, m.analytes) for m in mentions], quantities))
    claimed.extend(dlco_correction_spans(segment, analytes))
    claimed.extend(room_air_spans(segment, analytes))
    claimed.extend(spirometry_spans(segment, analytes))
    claimed.extend(vital_sign_notes(segment, analytes))
    claimed.extend(body_size_notes(segment, analytes))
    claimed.extend(size_reason_spans(segment, analytes))
    claimed.extend(ratio_predicted_spans(segment, analytes))
    claimed.extend(metabolic_notes(segment, [m.start for m in mentions]))
    claimed.extend(advice_notes(segment, section))
    claimed.extend(citation_spans(segment))
    claimed.extend(ifcc_range_spans(segment, analytes))
    claimed.extend(gloss_spans(segment, section, min((m.start for m in mentions), default=segment.end)))
    if grades:
        claimed.extend(grades_named_before(segment, grades, [(m.start, m.end) for m in mentions], quantities))
        named = [(m.start, m.end, frozenset(m.analytes)) for m in mentions]
        claimed.extend(grades_restated_after(segment, grades, named, quantities))
    claimed.extend(ctcae_versions(segment))
    claimed.extend(test_notes(segment, [(m.start, m.end) for m in mentions]))
    claimed.extend(retest_notes(segment, [(m.start, m.end) for m in mentions]))
    claimed.extend(liver_notes(segment, [m.start for m in mentions]))
    if section is Section.INCLUSION:  # "meet all of the following" in an exclusion would need every one
        claimed.extend(heading_spans(segment))
    claimed.extend(regardless_spans(segment))
    claimed.extend(any_t_category(segment))
    claimed.extend(prostate_note_spans(segment))
    claimed.extend(any_value_notes(segment))
    claimed.extend(both_sexes(segment))
    if any(QT_ANALYTES.intersection(m.analytes) for m in mentions):
        claimed.extend(m.span() for m in _QT_WORDS.finditer(segment.norm, segment.start, segment.end))
    support = support_notes(segment, [m.start for m in mentions])
    if any(n.corrected for n in support):
        support = [n for n in support if not n.corrected or _corrects_a_count(n, mentions)]
    claimed.extend(n.span for n in support)
    course = course_notes(segment, min((m.start for m in mentions), default=segment.end))
    hormone, asks_nothing = testosterone_notes(
        segment, [(m.start, m.end) for m in mentions if "testosterone" in m.analytes]
    )
    course += hormone
    claimed.extend(asks_nothing)
    claimed.extend(n.span for n in course)
    leads = vital_sign_leads(segment, analytes, min((m.start for m in mentions), default=segment.end))
    claimed.extend(lead.span for lead in leads)
    when, at = read_timepoint(segment, [(m.start, m.analytes) for m in mentions], claimed)
    when, at = gleason_specimen(segment, [(m.start, m.end, m.analytes) for m in mentions], when, at)
    claimed.extend(at)
    methods = calculation_methods(segment, claimed)
    method_spans = [(s, e) for s, e, _ in methods]
    claimed.extend(method_spans)
    mentions = [m for m in mentions if not inside((m.start, m.end), method_spans) or m.start == m.end]
    mentions = [m for m in mentions if not inside((m.start, m.end), claimed)]
    graded = [_grade_quantity(g) for g in grades]
    if any(GLEASON_SCORES.intersection(m.analytes) for m in mentions):
        graded = _with_gleason_notations(segment, mentions, graded)
    quantities = [q for q in quantities if not any(_overlap(q, g) for g in graded)] + graded
    for extra in (
        [_bare_quantity(b) for b in bare]
        + _normal_words(segment, mentions)
        + _normal_before(segment, mentions, notes)
    ):
        if not any(_overlap(extra, q) for q in quantities):
            quantities.append(extra)
    quantities.sort(key=lambda q: q.start)
    quantities = seconds_over(segment, percent_of_limit(segment, percent_above(segment, quantities)))
    claimed.extend(_grade_restatements(segment, quantities))
    claimed.extend(_restated_units(segment, quantities))
    claimed.extend(_abbreviations(segment, mentions))
    inner = [q for q in quantities if inside((q.start, q.end), [n.span for n in support])]
    quantities = [q for q in quantities if not inside((q.start, q.end), claimed)]
    quantities = _restatements(segment, quantities, notes, claimed)
    _between(segment, quantities)
    if " to " in segment.norm or "-" in segment.norm or "~" in segment.norm:
        read_ranges(segment.norm, quantities)
    if segment.contains("but"):
        claimed.extend(but_between_bounds(segment.norm, quantities))
        claimed.extend(but_before_a_name(segment, quantities, analytes, (m.start for m in mentions)))
    _leading_bounds(segment, quantities, mentions, notes)
    claimed.extend(_sexes(segment, quantities, mentions, notes))
    mentions = [m for m in mentions if not inside((m.start, m.end), claimed)]
    _attach_support(segment, support, inner, quantities, mentions, notes)
    conditions, condition_spans = _bracketed_conditions(segment, quantities, mentions, claimed)
    claimed.extend(condition_spans)
    mentions = [m for m in mentions if not inside((m.start, m.end), condition_spans)]
    quantities = [q for q in quantities if not inside((q.start, q.end), condition_spans)]
    _refuse_time_spans(segment, quantities)
    groups = _groups(segment, mentions, quantities, conditions, methods, claimed, notes)
    _restrictions(segment, section, groups)
    claimed.extend((m.start, m.end) for g in groups for m in g.mentions)
    claimed.extend((q.start, q.end) for g in groups for q in g.thresholds)
    leftover = leftover_words(segment, claimed, _LAB_FILLER)
    if leftover:
        raise _UnreadableError(f"words not understood: {' '.join(leftover[:8])}")
    # "No SGOT and/or SGPT > 1.5 × ULN and ALP > 2.5 × ULN": what "no" rules out is read as an exclusion
    # reads it (either of "and/or" is ruled out), then negated; read as an inclusion's "both" first, the
    # negation let in a patient with SGPT and ALP both raised
    combining = Section.EXCLUSION if negated else section
    group_rules = [_group_rule(g, combining, segment, notes) for g in groups]
    rules, joiners = _pair_sexes(group_rules, [_joiner_between(segment, a, b) for a, b in pairwise(groups)])
    words = set(joiners)
    if combining is Section.INCLUSION:
        # "creatinine ≤ 1.5 mg/dL and/or clearance ≥ 60 mL/min", "BNP > 100 and/or NT-proBNP > 400": either
        # one met is what the inclusion asks; "ANC and/or platelets ≥ ..." asks every value
        either = words == {"or"} or (
            words <= {"or", "and/or"} and (_raised_values(rules) or _renal_alternatives(rules))
        )
    else:
        either = words <= {"or", ",", "and/or"}
    items = (
        _exclusion_items(segment, groups, rules, joiners)
        if combining is Section.EXCLUSION and words == {",", "and"} and len(rules) == len(group_rules)
        else None
    )
    if len(rules) == 1:
        rule = rules[0]
    elif items is not None:
        rule = items
    elif "or" in words and not either and words != {"or"}:
        blocks: LabThreshold | DerivedValueRule | AnyOf | AllOf | None = paired_blocks(
            rules, joiners, segment.span
        )
        if blocks is None and combining is Section.INCLUSION:
            blocks = _renal_pairs(segment, rules, joiners)
        if blocks is None and len(rules) == len(group_rules) and segment.contains(";"):
            separated = [_bare_semicolon(segment, a, b) for a, b in pairwise(groups)]
            inclusion = combining is Section.INCLUSION
            blocks = semicolon_items(rules, joiners, separated, inclusion, segment.span)
        if blocks is None:
            raise _UnreadableError("'and' and 'or' mixed between thresholds: which binds first is not stated")
        rule = blocks
    elif either:
        rule = AnyOf(source_span=segment.span, children=rules)
    else:
        rule = all_of_merged(rules, segment.span)
    if above_normal:
        rule = with_creatinine_condition(rule, section, segment, above_normal[0])
    if course:
        coursed = with_course(rule, course)
        if not isinstance(coursed, AnyOf | AllOf | LabThreshold):
            raise _UnreadableError(f"a note on the course of no lab value: '{course[0].note}'")
        rule = coursed
    if leads:
        led = with_vital_leads(rule, leads)
        if not isinstance(led, AnyOf | AllOf | LabThreshold):
            raise _UnreadableError(f"more than one reading asked of another value: '{leads[0].qualifier}'")
        rule = led
    if defined and admits_the_healthy(rule):
        raise _UnreadableError("a Child-Pugh limit a normal liver meets does not define the liver condition")
    if defined and upper_limit_defines_high_glucose(segment.norm[defined[0] : defined[1]], rule):
        raise _UnreadableError(
            "diabetes 'defined' by a glucose below a limit: which side is meant is not stated"
        )
    if negated:
        rule = _negate(rule)
    if windows:  # the draw's window, unless it dates a note on support or the course
        rule = with_window(rule, windows, [n.span for n in support] + [n.span for n in course])
    if when:
        whole = Segment(segment.printed, segment.norm, 0, len(segment.norm))
        if any(not segment.start <= start < segment.end for start, _ in analyte_mentions(whole)):
            raise _UnreadableError(
                f"a value at another time than now, in an item naming other tests: '{when}'"
            )
        timed = at_timepoint(rule, when)
        if not isinstance(timed, LabThreshold | DerivedValueRule | AnyOf | AllOf):
            raise _UnreadableError(f"a value at another time than now, of which test is not stated: '{when}'")
        rule = timed
    return rule


_LIST_MARKS = re.compile(r"[;,]")
_BRACKETED = re.compile(r"\([^)]*\)|\[[^\]]*\]")


def _exclusion_items(
    segment: Segment,
    groups: list[_Group],
    rules: list[LabThreshold | DerivedValueRule | AnyOf | AllOf],
    joiners: list[str],
) -> LabThreshold | DerivedValueRule | AnyOf | AllOf | None:
    """An exclusion's list whose items a bare semicolon sets apart, one item joining two values with "and"
    ("ANC < 1.5 × 10⁹/L; platelets < 100 × 10⁹/L; creatinine > 1.5 × ULN with creatinine clearance < 50
    mL/min"): the "and" binds inside its item, and each item excludes on its own, as the items of a list
    without it do; read as one "and" over the list, it let in a patient with platelets of 50 × 10⁹/L."""
    if ";" not in segment.text:
        return None
    separated = [_bare_semicolon(segment, a, b) for a, b in pairwise(groups)]
    for (first, second), apart, joiner in zip(pairwise(groups), separated, joiners, strict=True):
        if joiner == "," and not apart:
            return None  # items set apart by commas: the list's last "and" may join them all
        between = _BRACKETED.sub(" ", segment.norm[_span_of(first)[1] : second.mentions[0].start])
        if joiner == "and" and _LIST_MARKS.search(between):
            return None  # "A; B; and C": the list's own "and", read literally
    return semicolon_items(rules, joiners, separated, False, segment.span)


def _refuse_time_spans(segment: Segment, quantities: list[Quantity]) -> None:
    """A duration among the numbers ("within 14 days", "for > 3 months") is no lab value: unread."""
    for q in quantities:
        if q.time_unit:
            raise _UnreadableError(f"a time span in a lab sentence: '{segment.quote(q.start, q.end)}'")


def _overlap(a: Quantity, b: Quantity) -> bool:
    return a.start < b.end and b.start < a.end


def _bare_quantity(bare: tuple[int, int, Comparator, str], unit_text: str | None = None) -> Quantity:
    start, end, comparator, multiple = bare
    return Quantity(start, end, comparator, Number(1.0, None), None, None, unit_text, multiple, False, None)


def _with_gleason_notations(
    segment: Segment, mentions: list[_Mention], graded: list[Quantity]
) -> list[Quantity]:
    """The grade limits with the Gleason notations ("3+4=7", "Gleason score 7"), which replace a CTCAE grade
    read inside one ("Gleason grade ≤ 3+4")."""
    named = [(m.start, m.end, a) for m in mentions for a in m.analytes if a in GLEASON_SCORES]
    try:
        noted = gleason_notations(segment, named)
    except NotationError as problem:
        raise _UnreadableError(str(problem)) from None
    return [g for g in graded if not any(_overlap(g, n) for n in noted)] + noted


def _grade_quantity(grade: GradeLimit) -> Quantity:
    """ "≤ grade 1" as a threshold whose limit is a CTCAE grade, resolved per analyte in ``_expanded``."""
    comparator = Comparator.LE if grade.at_most else Comparator.GE
    start, end = grade.span
    return Quantity(
        start, end, comparator, Number(grade.grade, None), None, None, "grade", "grade", False, None
    )


def _right_after(segment: Segment, end: int, start: int, read: list[Span] | None = None) -> bool:
    """Whether only spaces and commas separate a threshold's end from what follows it, or brackets already
    read: "30 milligram/gram (mg/g) (0.030 mg/mg)"; or the full stop of an abbreviated unit ("70 Lb. (35
    kg)")."""
    if start < end:
        return False
    gap = list(segment.norm[end:start])
    for low, high in read or ():
        for index in range(max(low, end), min(high, start)):
            gap[index - end] = " "
    abbreviated = segment.norm[end - 1 : end].isalpha()
    return not "".join(gap).lstrip("." if abbreviated else "").strip(" ,")


def _grade_restatements(segment: Segment, quantities: list[Quantity]) -> list[Span]:
    """ "Bilirubin ≤ 1.5 x ULN (CTCAE v 3.0 grade 1)": the grade restates the printed threshold."""
    return [
        span
        for span in grade_notes(segment)
        if any(q.comparator and _right_after(segment, q.end, span[0]) for q in quantities)
    ]


_METHOD_NOTE_JOINERS = word_set(
    "or and either are is acceptable allowed preferred if when not available unavailable"
)
_METHOD_NOTE = _METHOD_NOTE_JOINERS | word_set(
    "echo echocardiogram echocardiography muga scan mri radionuclide ventriculography multigated gated "
    "acquisition cardiac magnetic resonance imaging"
)
""""LVEF ≥ 45% (ECHO or MUGA are acceptable)", "LVEF on MRI < 56 % (echocardiography allowed if MRI not
available)": how the value may be measured, after the threshold; read as a condition, the second waived the
limit for every patient."""


_ABBREVIATION = re.compile(r"[(\[]\s*[A-Za-z][A-Za-z0-9+/]{1,9}\s*[)\]]")


def _abbreviations(segment: Segment, mentions: list[_Mention]) -> list[Span]:
    """ "Lymphocyte count (LC)", "Hemoglobin (HG)": the trial's own abbreviation, printed right after the
    name it abbreviates; one capitalised token in brackets."""
    found = []
    for mention in mentions:
        match = _ABBREVIATION.match(segment.printed, mention.end, segment.end)
        if match is None:
            match = _ABBREVIATION.match(segment.printed, mention.end + 1, segment.end)
            if match is None or segment.printed[mention.end] != " ":
                continue
        token = match.group(0).strip("()[] ")
        if any(c.isupper() for c in token) and canonical_unit(token) is None:
            found.append(match.span())
    return found


def _restated_units(segment: Segment, quantities: list[Quantity]) -> list[Span]:
    """Brackets after a threshold that restate it in other words: the unit in its symbol ("≥ 25 kilograms per
    square meter (kg/m2)", "/microliter (mcL)"), the condition it defines ("BMI > 40 (morbidly obese)"), or
    how it may be measured ("(ECHO or MUGA are acceptable)")."""
    found = []
    for start, end in parenthesised(segment):
        inner = segment.norm[start + 1 : end - 1].strip()
        words = set(re.findall(r"[a-z0-9]+", inner))
        if words <= _METHOD_NOTE and words - _METHOD_NOTE_JOINERS:
            found.append((start, end))
            continue
        for q in quantities:
            if not _right_after(segment, q.end, start) or q.comparator is None:
                continue
            if (q.unit and q.unit in _units_named(inner)) or (words and condition_words(words)):
                found.append((start, end))
    return found


def _units_named(text: str) -> set[str | None]:
    return {canonical_unit(text), canonical_unit(f"/{text}")}


_RESTATING_WORDS = word_set("approximately approx about equivalent equal to i e ie or corresponding")


def _restatements(
    segment: Segment, quantities: list[Quantity], notes: _Notes, claimed: list[Span]
) -> list[Quantity]:
    """ "Hemoglobin ≥ 9.0 g/dL (90 g/L)", "creatinine < 1.6 mg/dL (150 micromoles/L)": the bracketed value
    restates the threshold in another unit; it is compared with it when the analyte is known. "HbA1c ≥ 48
    mmol/mol (6.5%)": no unit table holds the IFCC unit, so the bracketed percentage is read, checked
    against the IFCC value it restates."""
    restating: set[int] = set()
    promoted: dict[int, Comparator] = {}
    groups = parenthesised(segment)  # and "(< 1.7 nmol/L [50 ng/dL])": one bracket inside another
    groups += [
        g for s, e in groups for g in parenthesised(Segment(segment.printed, segment.norm, s + 1, e - 1))
    ]
    for start, end in groups:
        inner = [q for q in quantities if start < q.start and q.end <= end]
        before = [q for q in quantities if q.end <= start]
        if len(inner) != 1 or not before:
            continue
        base, again = before[-1], inner[0]
        if (
            not _right_after(segment, base.end, start, claimed)
            or base.comparator is None
            or base.upper
            or again.upper
        ):
            continue
        reverse = _ifcc(base) and again.unit == "%"
        if again.comparator not in (None, base.comparator) or not (
            (again.unit and (base.unit or base.multiple_of))
            or (base.unit == "%" and _ifcc(again))
            or (again.multiple_of and again.multiple_of == base.multiple_of)
            or reverse
        ):
            continue
        words = leftover_words(Segment(segment.printed, segment.norm, start, end), [(again.start, again.end)])
        if reverse and not words:
            notes.restated[again.start] = base
            restating.add(base.start)
            promoted[again.start] = base.comparator
            claimed.append((base.start, base.end))
            continue
        if reverse or any(w not in _RESTATING_WORDS for w in words):
            continue
        notes.restated[base.start] = again
        restating.add(again.start)
        claimed.append((start, end))
    for base, again in pairwise(quantities):
        if (
            _restated_after_or(segment, base, again) or _ifcc_after_slash(segment, base, again)
        ) and base.start not in notes.restated:
            notes.restated[base.start] = again
            restating.add(again.start)
            claimed.append((base.end, again.end))
    return [
        replace(q, comparator=promoted[q.start]) if q.start in promoted else q
        for q in quantities
        if q.start not in restating
    ]


_OR = re.compile(r"\s*,?\s*or\s*")


def _restated_after_or(segment: Segment, base: Quantity, again: Quantity) -> bool:
    """ "Hemoglobin ≥ 10 g/dL or 6.2 mmol/L", "≥ 9.0 g/dL or ≥ 5.6 mmol/L": one threshold printed again in
    another unit, joined by "or" as a bracket would join it; read as alternatives, a qualifier after the
    second ("..., without recent transfusion") bound only that one. It is then checked as a bracketed
    restatement is, and a value that disagrees sends the sentence to review."""
    return (
        _OR.fullmatch(segment.norm, base.end, again.start) is not None
        and base.comparator is not None
        and again.comparator in (None, base.comparator)
        and base.unit is not None
        and again.unit is not None
        and base.unit != again.unit
        and base.multiple_of is None
        and again.multiple_of is None
        and base.upper is None
        and again.upper is None
    )


_SLASH = re.compile(r"\s*/\s*")


def _ifcc_after_slash(segment: Segment, base: Quantity, again: Quantity) -> bool:
    """ "glycated haemoglobin > 7% / 53 mmol/mol": the percentage printed again in IFCC units after a slash,
    checked as a bracketed restatement is."""
    return (
        _SLASH.fullmatch(segment.norm, base.end, again.start) is not None
        and base.comparator is not None
        and again.comparator in (None, base.comparator)
        and base.unit == "%"
        and base.upper is None
        and again.upper is None
        and _ifcc(again)
    )


_LEADING = re.compile(r"\s*(?P<cmp>" + COMPARATOR + r")\s*")
_FLIPPED = {Comparator.LE: Comparator.GE, Comparator.LT: Comparator.GT, Comparator.GE: Comparator.LE}
_FLIPPED[Comparator.GT] = Comparator.LT


_BETWEEN = re.compile(r"between\s+$")


def _between(segment: Segment, quantities: list[Quantity]) -> None:
    """ "HbA1c between 7 and 10 %": two bare numbers after "between" are the bounds of a range."""
    for index, (low, high) in enumerate(pairwise(list(quantities))):
        if (
            low.comparator
            or high.comparator
            or low.multiple_of
            or high.multiple_of
            or low.upper
            or high.upper
        ):
            continue
        if not _BETWEEN.search(segment.norm, max(segment.start, low.start - 9), low.start):
            continue
        if segment.norm[low.end : high.start].strip() != "and":
            continue
        unit, unit_text = (low.unit, low.unit_text) if low.unit_text else (high.unit, high.unit_text)
        quantities[index] = replace(low, comparator=Comparator.GE, unit=unit, unit_text=unit_text)
        quantities[index + 1] = replace(high, comparator=Comparator.LE)


def _leading_bounds(
    segment: Segment, quantities: list[Quantity], mentions: list[_Mention], notes: _Notes
) -> None:
    """ "30 ≤ eGFR < 90", "20kg/m2≤body mass index(BMI)≤30 kg/m2": a bound printed before the analyte, read
    as the analyte's opposite bound; a bound without unit takes the unit of the one after the analyte. A
    whole threshold printed before its analytes ("> 2x normal AST or ALT") is walked after them."""
    for index, q in enumerate(quantities):
        if q.comparator is not None or q.multiple_of:
            continue
        sign = _LEADING.match(segment.norm, q.end, segment.end)
        if not sign:
            continue
        mention = next((m for m in mentions if m.start == sign.end()), None)
        if mention is None:
            continue
        after = next((o for o in quantities[index + 1 :] if o.start >= mention.end), None)
        unit, unit_text = q.unit, q.unit_text
        if unit is None and unit_text is None and after is not None:
            unit, unit_text = after.unit, after.unit_text
        flipped = _FLIPPED[comparator_of(sign.group("cmp"))]
        quantities[index] = replace(q, comparator=flipped, unit=unit, unit_text=unit_text)
        notes.leading[q.start] = mention.end
    for index, q in enumerate(quantities):
        if q.comparator is not None and (q.unit or q.multiple_of) and q.start not in notes.leading:
            run_end = _analytes_after(segment, quantities, index, mentions, notes)
            if run_end is not None:
                notes.leading[q.start] = run_end


_RUN_JOINER = re.compile(r"\s*(?:,|and\s*/\s*or|or|and|/)\s*")
_RUN_CLOSED = re.compile(r"\s*(?:[);.]|$|,?\s*(?:and\s*/\s*or|or|and)\s+(?=" + COMPARATOR + r"))")


def _analytes_after(
    segment: Segment, quantities: list[Quantity], index: int, mentions: list[_Mention], notes: _Notes
) -> int | None:
    """ "(>2x normal AST or ALT and/or >1.5x normal bilirubin)": a threshold printed right before the analytes
    it bounds; where that run of analytes ends, or None. Only a threshold that no analyte before it claims,
    with a unit or a multiple of a normal limit ("> 2 RBC transfusions" counts something else), whose run is
    closed (end, bracket, or a joiner and the next comparator): a run followed by its own threshold is not
    bounded by the one before it."""
    q = quantities[index]
    previous = quantities[index - 1] if index else None
    previous_end = notes.leading.get(previous.start, previous.end) if previous else segment.start
    if any(previous_end <= m.start < q.start for m in mentions):
        return None
    following = [m for m in mentions if m.start >= q.end]
    if not following or segment.norm[q.end : following[0].start].strip():
        return None
    run_end = following[0].end
    for mention in following[1:]:
        if not _RUN_JOINER.fullmatch(segment.norm, run_end, mention.start):
            break
        run_end = mention.end
    if not _RUN_CLOSED.match(segment.norm, run_end, segment.end):
        return None
    return run_end


def _sexes(
    segment: Segment, quantities: list[Quantity], mentions: list[_Mention], notes: _Notes
) -> list[Span]:
    """ "Hb < 12 g/dL for males and < 11 g/dL for females", "male: QTcF ≥ 450 ms": whom each limit is for."""
    if not re.search(
        r"(?<![a-z])(?:fe)?males?|(?:wo)?men(?![a-z])", segment.norm[segment.start : segment.end]
    ):
        return []
    spans: list[Span] = []
    floor = segment.start
    for q in quantities:
        found = sex_after(segment, q.end)
        before = sex_before(segment, q.start, floor)
        if before is None:
            named = [m for m in mentions if floor <= m.start and m.end <= q.start]
            if named:
                before = sex_before(segment, named[-1].start, floor)
        for mark in (found, before):
            if mark is None:
                continue
            span, sex = mark
            if notes.sexes.setdefault(q.start, sex) != sex:
                raise _UnreadableError(f"two sexes for one limit: '{segment.quote(q.start, q.end)}'")
            spans.append(span)
        floor = max(q.end, found[0][1] if found else q.end)
    notes.sexes.update(bases_for_the_other_sex(segment, quantities, notes.sexes))
    return spans


ONE_SEX_ONLY = "patients only: the other sex's is not stated"
"""The end of the problem a limit for one sex alone gives; the list reader pairs it with the other's."""
_SUPPORTED = frozenset({"anc", "wbc", "platelets", "hemoglobin", "hematocrit", "lymphocytes"})
"""Counts that transfusion or growth factors raise: a value below the bound fails whatever the support."""
_LOWERED = frozenset({"alt", "ast", "bilirubin", "direct_bilirubin", "alp", "ggt"})
"""Liver tests hepatoprotective drugs lower: a value above the bound fails whatever the drugs."""


def _corrects_a_count(note: SupportNote, mentions: list[_Mention]) -> bool:
    """ "Hb: > 10 g/dl (corrected)": a count or haemoglobin may be corrected (transfused) to reach the bound;
    "(corrected)" after a calcium or a DLCO is another correction, not support."""
    before = [m for m in mentions if m.end <= note.span[0]]
    return bool(before) and set(before[-1].analytes) <= _SUPPORTED


def _qualifies_the_next(segment: Segment, note: SupportNote, mentions: list[_Mention]) -> bool:
    """ "... and unsupported platelet count ≥ 50,000": the adjective before an analyte's name qualifies that
    analyte's threshold, not the one before it (a trailing "without transfusion support" ends where the next
    analyte is named, and qualifies the threshold before it)."""
    start, end = note.span
    return segment.norm[start:end].strip() == "unsupported" and any(
        m.start >= end and not segment.norm[end : m.start].strip() for m in mentions
    )


def _attach_support(
    segment: Segment,
    support: list[SupportNote],
    inner: list[Quantity],
    quantities: list[Quantity],
    mentions: list[_Mention],
    notes: _Notes,
) -> None:
    """Each support note to its threshold: the one it follows, or the first after a note that opens the
    sentence ("unsupported platelet count ≥ 50,000"), or all when the note is in a heading ("Blood routine (no
    transfusion within 14 days): ANC ≥ 1.5; PLT ≥ 75; Hb ≥ 90") when the segment holds all the items it heads,
    or all before it when it is a clause of its own. Values inside a note must be time spans, or restate the
    threshold a transfusion may reach ("to achieve Hgb ≥ 8.0 g/dl"), in any of the units printed for it."""
    first_mention = min((m.start for m in mentions), default=segment.end)
    for note in support:
        start, end = note.span
        if end <= first_mention and ":" in segment.norm[end:first_mention]:
            if segment.norm[segment.end :].strip(" .;,"):
                raise _UnreadableError(f"a note on support heading items read apart: '{note.text}'")
            # "(1) Blood routine (no transfusion ...): Hb ≥ 90 g/L; ... (2) Biochemistry: TBIL ...": the note
            # heads the items up to the next heading
            stop = min((s for s, _ in heading_spans(segment) if s > first_mention), default=segment.end)
            for q in quantities:
                if q.start < stop:
                    notes.support.setdefault(q.start, []).append(note)
            continue
        if note.shared:
            before = [q for q in quantities if q.end <= start]
            if not before:
                raise _UnreadableError(f"a note on support for no threshold: '{note.text}'")
            if any(start <= q.start < end and not is_time_span(segment, q) for q in inner):
                raise _UnreadableError(f"a note on support for every threshold names a value: '{note.text}'")
            for q in before:
                notes.support.setdefault(q.start, []).append(note)
            continue
        if end <= first_mention or _qualifies_the_next(segment, note, mentions):
            target = next((q for q in quantities if q.start >= end), None)
        else:
            before = [q for q in quantities if q.end <= start]
            target = before[-1] if before else None
            if target is not None and any(target.end <= m.start < start for m in mentions):
                target = None
        if target is None:
            raise _UnreadableError(f"a note on support for no threshold: '{note.text}'")
        named = max((m.end for m in mentions if m.end <= target.start), default=segment.start)
        printed = {target.number.value} | {
            q.number.value
            for q in quantities
            if named <= q.start and q.end <= start and not any(named <= m.start < start for m in mentions)
        }  # "Hemoglobin ≥10 g/dL or 6.2 mmol/L (Note: transfusion to achieve Hgb ≥10 g/dL ...)"
        for q in inner:
            if start <= q.start < end and not is_time_span(segment, q) and q.number.value not in printed:
                raise _UnreadableError(f"a note on support with another threshold: '{note.text}'")
        notes.support.setdefault(target.start, []).append(note)
        partner = _other_sex_before(target, quantities, notes) if start >= target.end else None
        if partner is not None:
            notes.support.setdefault(partner.start, []).append(note)


def _other_sex_before(target: Quantity, quantities: list[Quantity], notes: _Notes) -> Quantity | None:
    """ "hemoglobin ≤ 13.5 g/dL for males and ≤ 12.5 g/dL for females (transfusion prior to study allowed)":
    a note after the second of two limits per sex is on both, not only on the nearer one."""
    sex = notes.sexes.get(target.start)
    before = [q for q in quantities if q.end <= target.start]
    if sex is None or not before or notes.sexes.get(before[-1].start) not in {"male", "female"} - {sex}:
        return None
    return before[-1]


def _pair_sexes(
    rules: list[LabThreshold | DerivedValueRule | AnyOf | AllOf], joiners: list[str]
) -> tuple[list[LabThreshold | DerivedValueRule | AnyOf | AllOf], list[str]]:
    """Neighbouring limits for one analyte, one per sex ("Hemoglobin < 11 (women) or hemoglobin < 12 (men)"),
    become one AnyOf whatever word joins them; a limit given for one sex only is not read."""
    kept = list(rules)
    kept_joiners = list(joiners)
    index = 0
    while index < len(kept):
        rule = kept[index]
        if isinstance(rule, LabThreshold) and rule.sex:
            following = kept[index + 1] if index + 1 < len(kept) else None
            if not (
                isinstance(following, LabThreshold)
                and following.sex
                and following.sex != rule.sex
                and following.analyte == rule.analyte
            ):
                raise _UnreadableError(f"a limit for {rule.sex} {ONE_SEX_ONLY}")
            span = (rule.source_span[0], following.source_span[1])
            kept[index : index + 2] = [AnyOf(source_span=span, children=[rule, following])]
            del kept_joiners[index]
        index += 1
    return kept, kept_joiners


def _negate(
    rule: LabThreshold | DerivedValueRule | AnyOf | AllOf,
) -> LabThreshold | DerivedValueRule | AnyOf | AllOf:
    """ "No LVEF less than 35%": the opposite threshold; "no A or B" needs neither (De Morgan). A threshold
    with exceptions, strata, a sex or a printed range has no plain opposite and is not read."""
    if isinstance(rule, AnyOf | AllOf):
        children = [_negate(child) for child in rule.children]  # type: ignore[arg-type]
        kind = AllOf if isinstance(rule, AnyOf) else AnyOf
        return kind(source_span=rule.source_span, children=list(children), read_both_ways=rule.read_both_ways)
    if isinstance(rule, LabThreshold) and (rule.exceptions or rule.strata or rule.sex or rule.qualifier):
        raise _UnreadableError("'no' before a threshold with conditions: its opposite is not stated")
    if rule.lenient_value is not None:
        raise _UnreadableError("'no' before a printed range of thresholds")
    return rule.model_copy(update={"comparator": rule.comparator.opposite})


_NORMAL = re.compile(
    r"(?:\s+(?:levels?|values?|is|are|must\s+be|should\s+be|within|in|the))*\s+(?:normal|wnl)(?![a-z])(?:\s+(?:limits?|range|values?))?"
)
_UPPER_CONCERN = frozenset(
    {"bilirubin", "direct_bilirubin", "ast", "alt", "alp", "ggt", "creatinine", "ldh", "inr", "pt", "ptt"}
)
"""Analytes for which "normal" means "not above the upper limit" ("Creatinine normal", "SGOT normal")."""


_NORMAL_BEFORE = re.compile(r"(?<![a-z])normal\s+$")
_DEFINED_AFTER = re.compile(
    r"\s*(?:[(\[][^()\[\]]{1,12}[)\]]\s*)?(?:(?:of|is|at)\s+)?(?:" + COMPARATOR + r")"
)


def _normal_before(segment: Segment, mentions: list[_Mention], notes: _Notes) -> list[Quantity]:
    """ "Normal serum creatinine for age": "normal" printed before the analyte, read after it; unless a
    threshold follows the analyte, which says what normal is ("a normal left ventricular ejection fraction of
    ≥ 50 %", "normal serum creatinine ≤ 1.5 mg/dL")."""
    found = []
    for mention in mentions:
        match = _NORMAL_BEFORE.search(segment.norm, max(segment.start, mention.start - 8), mention.start)
        if match and not _DEFINED_AFTER.match(segment.norm, mention.end, segment.end):
            quantity = _bare_quantity((match.start(), match.end(), Comparator.LE, "uln"), unit_text="normal")
            notes.leading[quantity.start] = mention.end
            found.append(quantity)
    return found


_ABBREVIATION_END = re.compile(r"\s*[)\]]")


def _normal_words(segment: Segment, mentions: list[_Mention]) -> list[Quantity]:
    """ "Bilirubin normal": PDQ records print "normal" after the analyte for ≤ 1 × ULN; also after the
    analyte's bracketed abbreviation ("aspartate aminotransferase (AST) normal range"), where it was read as
    filler and the threshold after it ("(or ≤ 3.0 x ULN if liver metastases ...)") taken for everyone's."""
    found = []
    for mention in mentions:
        closed = _ABBREVIATION_END.match(segment.norm, mention.end, segment.end)
        match = _NORMAL.match(segment.norm, closed.end() if closed else mention.end, segment.end)
        if match:
            found.append(
                _bare_quantity((match.start(), match.end(), Comparator.LE, "uln"), unit_text="normal")
            )
    return found


# --- conditions -------------------------------------------------------------------------------------------


def _bracketed_conditions(
    segment: Segment, quantities: list[Quantity], mentions: list[_Mention], claimed: list[Span]
) -> tuple[list[_Condition], list[Span]]:
    """Bracketed clauses with a stratum label or a condition word, and trailing clauses after a threshold.

    A trailing clause with its own threshold ("≤ 3 x ULN, except for patients with liver metastasis, who may
    be included if ALT ≤ 5 x ULN") leaves the threshold before it as the base; one without ("≤ 3 x ULN or
    ≤ 5 x ULN if liver metastases") makes that threshold the exception's, when another threshold for the
    same analytes precedes it; after a lone base it can only waive ("unless Gilbert's syndrome").
    """
    conditions: list[_Condition] = []
    spans: list[Span] = []
    groups = parenthesised(segment)
    holding: list[Span] = []
    for start, end in groups:
        if inside((start + 1, end - 1), claimed):
            continue
        inner = segment.norm[start:end]
        stratum = _STRATUM.fullmatch(inner)
        if stratum:
            labels = [x.upper() for x in re.split(r"\s*(?:,|and|&|/|or)\s*", stratum.group("labels")) if x]
            rest = stratum.group("rest").strip(" :-")
            spans.append((start, end))
            if not rest and sum(_STRATUM.fullmatch(segment.norm[s:e]) is not None for s, e in groups) > 1:
                quote = segment.quote(start, end)
                raise _UnreadableError(f"a stratum label on one of several thresholds: '{quote}'")
            if rest:
                rest_start = start + stratum.start("rest")
                variant = segment.sub(rest_start, rest_start + len(stratum.group("rest")))
                conditions.append(_Condition((start, end), variants=[(label, variant) for label in labels]))
            continue
        cue = _HAS_CUE.search(inner)
        if cue and _opens_the_thresholds(start, start + cue.start(), quantities, mentions):
            holding.append((start, end))
        elif cue:
            narrowing = not any(start < q.start < end for q in quantities)
            conditions.append(_Condition((start, end), narrowing=narrowing))
            spans.append((start, end))
            continue
        limit = min(
            [q.start for q in quantities if start < q.start < end and q.comparator]
            + [m.start for m in mentions if start < m.start < end],
            default=None,
        )
        finding = named_exception(segment, start, end, limit) if limit is not None else None
        if finding is not None:
            conditions.append(_Condition(finding))
            spans.append((start, end))
    previous: Quantity | None = None
    previous_named: list[_Mention] = []
    joiner_start = segment.start
    for q in quantities:
        if inside((q.start, q.end), spans) or inside((q.start, q.end), claimed):
            continue
        previous_end = previous.end if previous else segment.start
        named = [m for m in mentions if previous_end <= m.start < q.start]
        # past what was read after the value: "> 6.5% at screening in patients without diabetes"
        without = _WITHOUT_AFTER.match(segment.norm, _past_claimed(segment, q.end, claimed), segment.end)
        trailing_without = without.span() if without else None
        if without:
            conditions.append(_Condition((without.start("cue"), without.end()), negative=True))
            spans.append((without.start("cue"), without.end()))
        if previous is None and named:
            without = _WITHOUT_BEFORE.search(segment.norm, segment.start, named[0].start)
            if without:
                span = (without.start("cue"), without.end())
                conditions.append(_Condition(span, negative=True, walk_at=q.end))
                spans.append(span)
            waiver = _LEADING_WAIVER.search(segment.norm, segment.start, named[0].start)
            if waiver and not without:
                span = (waiver.start("cue"), waiver.end())
                conditions.append(_Condition(span, walk_at=q.end, waiver=True))
                spans.append(span)
        alternative = previous is not None and not named
        restated = previous is not None and _restated(previous_named, named)
        previous_joiner = joiner_start  # past "if there is no liver metastasis" after the threshold before
        joiner_start, previous = (trailing_without[1] if trailing_without else q.end), q
        if named:
            previous_named = named
        leading = restated and _LEADING_CUE.fullmatch(segment.norm, previous_end, named[0].start)
        if leading and not any(previous_end <= o.start < named[0].start for o in quantities):
            conditions.append(_Condition((leading.start("cue"), q.end), restated=_analytes(named)))
            spans.append((leading.start("cue"), q.end))
            continue
        cue = _CUE_START.match(segment.norm, _past_restatement(segment, q.end, claimed), segment.end)
        if (
            not cue
            or inside(cue.span("cue"), claimed)
            or inside(cue.span("cue"), [trailing_without or (0, 0)])
        ):
            continue  # "ALT ≤ 2.5 × ULN if there is no liver metastasis": read above as the base's condition
        end = _clause_end(segment, cue.end(), groups)
        if any(g[0] < end <= g[1] and g[0] < cue.start() and g not in holding for g in groups):
            continue
        own_threshold = any(cue.end() <= o.start < end for o in quantities)
        if (
            restated
            and not own_threshold
            and _RESTATING_JOINER.fullmatch(
                segment.norm, _past_claimed(segment, previous_joiner, claimed), named[0].start
            )
        ):
            conditions.append(_Condition((named[0].start, end), restated=_analytes(named)))
            spans.append((named[0].start, end))
            continue
        start = q.start if alternative and not own_threshold else cue.start("cue")
        if start == cue.start("cue") and "*" in segment.norm[cue.start() : start]:
            start = cue.start()
        relaxing = cue.group("relax") is not None and start == cue.start("cue") and not own_threshold
        if relaxing:
            start = cue.start("relax")
            at = (named or previous_named)[0].start
            if _ADMITTED_WITH.search(segment.norm, max(0, at - 40), at):
                raise _UnreadableError(
                    "patients with the value 'can be enrolled if ...': a permission, not a limit"
                )
        note = _NOTE.search(segment.norm, previous_end, start) if start == q.start else None
        if note:
            start = note.start()
        narrowing = (
            not own_threshold
            and start == cue.start("cue")
            and not segment.norm[cue.start() : start].strip(" ,")
        )
        conditions.append(_Condition((start, end), narrowing=narrowing and not relaxing, waiver=relaxing))
        spans.append((start, end))
    return conditions, spans


def _opens_the_thresholds(start: int, cue: int, quantities: list[Quantity], mentions: list[_Mention]) -> bool:
    """ "Adequate liver function (AST/ALT ≤ 2.5 × ULN unless liver metastases are present, in which case ≤ 5 ×
    ULN)": a bracket that names an analyte and its threshold before any condition word, with no threshold
    before it, holds the item's thresholds, not a condition on one; the clauses inside it are read as they
    would be without the bracket."""
    return (
        not any(q.start < start for q in quantities)
        and any(start < m.start < cue for m in mentions)
        and any(start < q.start < cue and q.comparator for q in quantities)
    )


def _past_restatement(segment: Segment, end: int, claimed: list[Span]) -> int:
    """Where a clause after a threshold may start: past a bracket right after it that restates it ("ANC ≥
    1,000 per microliter (1,000/μL) unless there is known marrow involvement")."""
    for low, high in sorted(claimed):
        if low >= end and segment.norm[low] in "([" and not segment.norm[end:low].strip(" ,"):
            end = high
    return end


def _past_claimed(segment: Segment, end: int, claimed: list[Span]) -> int:
    """Past the words already read right after a threshold: "QTcF > 450 ms for males and > 470 ms for females
    or QTcF ≥ 480 ms for participants with bundle branch block" restates the QTcF after the sex the limit
    before it is for, as "QTcF > 450 ms or QTcF ≥ 480 ms for ..." does right after the limit."""
    for low, high in sorted(claimed):
        if high > end and (low <= end or not segment.norm[end:low].strip()):
            end = high
    return end


_PRINTED = re.compile(r"[a-z0-9]")


def _restrictions(segment: Segment, section: Section, groups: list[_Group]) -> None:
    """Mark the conditions that narrow whom a threshold is for (see ``lab_restrictions``); a waiving word
    makes a condition a waiver instead. Only in a whole item with one group of thresholds: after several,
    or in one part of a list, which thresholds a condition narrows is not stated ("ANC < 1000, or platelets
    < 50,000, if not due to underlying disease"), unless it names them all ("if these cytopenias are ...")."""
    norm = segment.norm
    if _PRINTED.search(norm, 0, segment.start) or _PRINTED.search(norm, segment.end):
        return
    exclusion = section is Section.EXCLUSION
    narrowing = [
        c
        for g in groups
        for c in g.conditions
        if c.narrowing and restricts(norm, c.span[0], exclusion) and not _WAIVER.search(norm, *c.span)
    ]
    if narrowing and len(groups) > 1 and all(_OF_THEM_ALL.search(norm, *c.span) for c in narrowing):
        for condition in narrowing:
            _take_explanation(segment, condition, groups)
            for group in groups:
                if condition not in group.conditions:
                    group.conditions.append(condition)
    elif narrowing and len(groups) > 1:
        printed = segment.quote(*narrowing[0].span)
        raise _UnreadableError(
            f"a condition after several thresholds, which it narrows is not stated: '{printed}'"
        )
    for condition in narrowing:
        condition.restricting = True


_OF_THEM_ALL = re.compile(
    r"(?<![a-z])(?:these|both|all\s+(?:of\s+)?(?:these|the|such))\s+(?:cytopenias?|abnormalit(?:y|ies)"
    r"|values|counts|results|levels|laboratory\s+abnormalities)(?![a-z])"
)
""""ANC < 1000, or platelets < 50,000, if these cytopenias are not due to underlying disease": the condition
names every threshold before it, and narrows each."""


def _take_explanation(segment: Segment, condition: _Condition, groups: list[_Group]) -> None:
    """ "... if these cytopenias are not due to underlying disease (i.e. potentially reversible with
    anti-neoplastic therapy)": a bracket right after the condition that says what it means is part of it."""
    for group in groups:
        for other in list(group.conditions):
            if (
                other is not condition
                and not segment.norm[condition.span[1] : other.span[0]].strip()
                and _EXPLANATION.match(segment.norm, other.span[0], other.span[1])
            ):
                group.conditions.remove(other)
                condition.span = (condition.span[0], other.span[1])


_EXPLANATION = re.compile(r"[(\[]\s*(?:i\.\s?e\.|that\s+is)")


def _restated(before: list[_Mention], named: list[_Mention]) -> bool:
    """ "ALAT and ASAT ≤ 3.0 x ULN, or ALAT and ASAT < 5 x ULN in ...": the same analytes named again, so the
    threshold that follows may be the alternative of the one before rather than a new group."""
    return bool(named and before) and _analytes(named) == _analytes(before)


def _analytes(mentions: list[_Mention]) -> frozenset[str]:
    return frozenset(a for m in mentions for a in m.analytes)


def _clause_end(segment: Segment, start: int, groups: list[Span]) -> int:
    """Where a trailing clause ends: at ";", ")" or a full stop, past brackets opened inside it ("in the
    presence of documented Gilbert's Syndrome (unconjugated hyperbilirubinaemia)")."""
    position = start
    while True:
        found = _CLAUSE_END.search(segment.norm, position, segment.end)
        if found is None:
            return segment.end
        opened = next((g for g in groups if start <= g[0] < found.start() < g[1]), None)
        if opened is None:
            return found.start()
        position = opened[1]


def _read_condition(
    segment: Segment, condition: _Condition, base: Quantity, analyte: Analyte, shared: frozenset[str]
) -> None:
    """Fill ``condition.exceptions`` from its text, or raise when any part of it is not understood.

    ``shared`` are the analytes of the base's group: a condition that also names an analyte with a threshold
    of its own elsewhere in the sentence ("ALT ≤ 2.5 × ULN (for liver involvement AST and ALT ≤ 5 × ULN)"
    after "AST ≤ 2.5 × ULN;") widens that threshold too, which no exception of this group can carry. A
    threshold printed after another analyte's name ("(or direct bilirubin < 1.5 x ULN when total bilirubin is
    above ULN)") holds that analyte to it, not the base's.
    """
    if condition.variants:
        return
    start, end = condition.span
    quantities = [
        q
        for q in find_quantities(segment.norm[:end], segment.printed)
        if start <= q.start and q.end <= end and q.start != base.start
    ]
    concepts = _condition_concepts(segment, start, end)
    # "(anticoagulation is allowed if ... on a stable dose of warfarin for > 2 weeks)": a condition naming no
    # finding but anticoagulation is never granted unseen (its text goes to the clinician), so a time span in
    # it is its own words
    times = (
        []
        if concepts and not names_only_anticoagulation(concepts)
        else [q for q in quantities if q.time_unit]
    )
    quantities = [q for q in quantities if not q.time_unit] if times else quantities
    _refuse_time_spans(segment, quantities)
    restated = bracketed_after(segment, quantities)  # "TBIL > 2.5 × ULN (3.0 mg/dL) in Gilbert subjects"
    if restated is not None:
        quantities = quantities[:1]
    if len(quantities) > 1:
        raise _UnreadableError(f"several thresholds in one condition: '{segment.quote(start, end)}'")
    if quantities and not (quantities[0].comparator or quantities[0].unit_text or quantities[0].multiple_of):
        q = quantities[0]
        raise _UnreadableError(f"a bare number in a condition: '{segment.quote(q.start, q.end)}'")
    claimed = [(s, e) for s, e, _ in concepts] + [(q.start, q.end) for q in quantities + times]
    if restated is not None:
        claimed.append((restated.start, restated.end))
    claimed.extend(m.span() for m in _HAS_CUE.finditer(segment.norm, start, end))
    named = _mentions(Segment(segment.printed, segment.norm, start, end))
    others = _analytes(named) - shared - condition.restated
    whole = Segment(segment.printed, segment.norm, 0, len(segment.norm))
    if others and others & _analytes([m for m in _mentions(whole) if not start <= m.start < end]):
        quote = segment.quote(start, end)
        raise _UnreadableError(f"a condition on another analyte's threshold too: '{quote}'")
    first_other = min((m.start for m in named if set(m.analytes) & others), default=end)
    if any(q.start > first_other for q in quantities):
        quote = segment.quote(start, end)
        raise _UnreadableError(f"a condition with a threshold that may be another analyte's: '{quote}'")
    again = analyte.id in _analytes(
        named
    )  # "; for liver metastases, ALT and AST ≤ 5 × ULN" after "ALT and AST"
    claimed.extend(
        (m.start, m.end)
        for m in named
        if set(m.analytes) & {analyte.id}
        or (condition.restated and set(m.analytes) <= condition.restated)
        or (again and set(m.analytes) <= shared)
    )
    leftover = leftover_words(
        Segment(segment.printed, segment.norm, start, end), claimed, _EXCEPTION_FILLER | _LAB_FILLER
    )
    waived = not quantities
    restricting = waived and condition.restricting and bool(leftover or not concepts)
    if waived and not (restricting or condition.waiver or _WAIVER.search(segment.norm, start, end)):
        raise _UnreadableError(f"condition without a threshold: '{segment.quote(start, end)}'")
    fields = (
        _fields(quantities[0], analyte, base, segment)
        if quantities
        else _fields(base, analyte, None, segment)
    )
    if restated is not None:
        fields = _with_restatement(fields, restated, analyte, segment)
    if leftover or not concepts or restricting:
        text = _NOTE_MARKS.sub("", segment.quote(start, end)).strip("()[] ,;:")
        anticoagulated = (
            waived
            and not restricting
            and for_anticoagulated(segment.sub(start, end), concepts, leading=condition.waiver)
        )
        condition.exceptions.append(
            LabException(
                concept=ANTICOAGULATION if anticoagulated else None,
                text=text,
                waived=waived,
                source_span=(start, end),
                requirement=text if anticoagulated else None,
                **fields.model_dump(),
            )
        )
        return
    for s, e, concept in concepts:
        condition.exceptions.append(
            LabException(concept=concept.id, waived=waived, source_span=(s, e), **fields.model_dump())
        )


def _match_negative(
    segment: Segment, condition: _Condition, exceptions: list[LabException], fields: ThresholdFields
) -> list[LabException]:
    """ "AST < 2.5 x ULN in patients without liver metastases; < 5 x ULN in patients with liver metastases":
    the base is for patients without what the exceptions name, which they already say. Alone ("Total
    bilirubin < 2 mg/dL without a pattern consistent with Gilbert's syndrome") it says the limit is not for
    the patients with what it names, whose own limit it does not state (another item may): the limit is
    waived for them with the condition as what is left to check, so a value past it is the clinician's, not
    a pass. Anything else is a condition on the base itself, which no rule carries."""
    start, end = condition.span
    concepts = _condition_concepts(segment, start, end)
    claimed = [(s, e) for s, e, _ in concepts]
    leftover = leftover_words(
        Segment(segment.printed, segment.norm, start, end), claimed, _EXCEPTION_FILLER | _NEGATION_WORDS
    )
    named = {c.id for _, _, c in concepts}
    if not leftover and named and not exceptions:
        return [
            LabException(
                concept=concept,
                waived=True,
                source_span=(start, end),
                requirement=segment.quote(start, end),
                **fields.model_dump(),
            )
            for concept in sorted(named)
        ]
    if leftover or not named or not named <= {e.concept for e in exceptions}:
        raise _UnreadableError(f"a condition on the base threshold: '{segment.quote(start, end)}'")
    return []


_NOTE_MARKS = re.compile(r"^[\s*]*(?:note\s*:\s*)?\**\s*", re.IGNORECASE)
"""A footnote mark or "NOTE:" before a condition, left out of the condition shown to the clinician."""


_ELLIPSIS = re.compile(
    r"(?<![a-z])(?P<first>[a-z]+)\s+(?:or|and|and/or|/)\s+(?:[a-z]+\s+)?(?P<noun>metastases|metastasis|mets|involvement)(?![a-z])"
)
""""bone or liver metastases": the first noun shares the second's head, so "bone metastases" is meant too."""


def _condition_concepts(segment: Segment, start: int, end: int) -> list[tuple[int, int, Concept]]:
    """Concepts named in a condition, with "bone or liver metastases" read as both."""
    found = [(s + start, e + start, c) for s, e, c in find_concepts(segment.printed[start:end])]
    for match in _ELLIPSIS.finditer(segment.norm, start, end):
        concept = resolve_finding(f"{match.group('first')} {match.group('noun')}")
        if concept and not any(c.id == concept.id for _, _, c in found):
            found.append((match.start("first"), match.end("first"), concept))
    return sorted(found, key=lambda x: x[0])


# --- groups -----------------------------------------------------------------------------------------------


def _groups(
    segment: Segment,
    mentions: list[_Mention],
    quantities: list[Quantity],
    conditions: list[_Condition],
    methods: list[tuple[int, int, Method]],
    claimed: list[Span],
    notes: _Notes,
) -> list[_Group]:
    """Walk mentions and thresholds in order: analytes collect until a threshold closes their group. A bound
    printed before its analyte is walked just after it, and the threshold after it joins it with "and"."""
    items: list[tuple[int, str, _Mention | Quantity | _Condition | str]] = [
        (m.start, "m", m) for m in _dedupe(mentions, segment)
    ]
    items += [(notes.leading.get(q.start, q.start), "q", q) for q in quantities]
    items += [(c.span[0] if c.walk_at is None else c.walk_at, "c", c) for c in conditions]
    items += [(s, "x", method) for s, _, method in methods]
    items.sort(key=lambda item: item[0])
    groups: list[_Group] = []
    pending: list[_Mention] = []
    joiners: list[str] = []
    previous_end = segment.start
    last_kind = ""
    method: Method | None = None
    after_leading = False
    for position, kind, item in items:
        joiner = _joiner(segment.norm[previous_end:position])
        if kind == "m":
            assert isinstance(item, _Mention)
            if pending:
                joiners.append(joiner)
            pending.append(item)
            previous_end = item.end
        elif kind == "q":
            assert isinstance(item, Quantity)
            if pending:
                groups.append(_Group(pending, joiners, [item], [], method=method))
                pending, joiners, method = [], [], None
            elif groups and last_kind in {"q", "c"}:
                groups[-1].thresholds.append(item)
                groups[-1].threshold_joiners.append("and" if after_leading else joiner)
            else:
                raise _UnreadableError(
                    f"threshold before any analyte: '{segment.quote(item.start, item.end)}'"
                )
            previous_end = max(item.end, position)
            after_leading = item.start in notes.leading
        elif kind == "c":
            assert isinstance(item, _Condition)
            if not groups or pending:
                raise _UnreadableError(
                    f"condition with no threshold before it: '{segment.quote(*item.span)}'"
                )
            groups[-1].conditions.append(item)
            previous_end = max(previous_end, item.span[1])
        elif not pending and not groups:  # "a 24-hour urine collection with creatinine clearance > 50"
            method = cast(Method, item)
        else:
            named = _analytes(pending) if pending else _measured(groups[-1])
            # "eGFR < 60 and UACR > 100 mg/g (eGFR is calculated by the CKD-EPI equation)": after another
            # analyte's threshold, the method of the clearances or GFRs before it that name none
            earlier = [] if pending or named & DERIVED_ANALYTES else _without_method(groups)
            if not named & DERIVED_ANALYTES and not earlier:
                raise _UnreadableError("a calculation method named for no clearance or GFR threshold")
            if pending:
                method = cast(Method, item)
            for group in earlier or ([] if pending else groups[-1:]):
                group.method = cast(Method, item)
        last_kind = kind
    if pending:
        names = ", ".join(get_analyte(a).label for m in pending for a in m.analytes)
        raise _UnreadableError(f"no threshold for {names}")
    for condition in conditions:
        if condition.walk_at is not None:
            for group in groups:
                if condition not in group.conditions:
                    group.conditions.append(condition)
    _share_trailing_waiver(segment, groups)
    _share_restating_condition(segment, groups)
    claimed.extend(c.span for g in groups for c in g.conditions)
    return groups


_CLEARANCE_UNITS = frozenset({"mL/min", "mL/min/1.73m2"})


def _measured(group: _Group) -> set[str]:
    """The group's analytes, "creatinine" read as the clearance its unit makes it ("Creatinine ≤ 30 mL/minute
    (using Cockcroft-Gault formula)"), so the method after it has a clearance to name."""
    named = set(group.analytes)
    if named == {"creatinine"} and all(q.unit in _CLEARANCE_UNITS for q in group.thresholds):
        return {"crcl"}
    return named


def _without_method(groups: list[_Group]) -> list[_Group]:
    """The groups of a clearance or GFR that name no calculation method."""
    return [g for g in groups if set(g.analytes) & DERIVED_ANALYTES and g.method is None]


_THEN_LIMIT = re.compile(
    r"\s*(?:(?:levels?|values?|must|may|should|be|is|are|of)\s+)*(?:" + COMPARATOR + r")"
)


def _names_its_threshold(segment: Segment, run: list[_Mention]) -> bool:
    """Whether the analytes a condition names are one list right before its threshold ("AST and ALT ≤ 5 ×
    ULN"), not a condition on one and a limit on another ("if DBP criteria alone is met, SBP must be ≥
    130")."""
    for before, after in pairwise(run):
        if not _RUN_JOINER.fullmatch(segment.norm, before.end, after.start):
            return False
    return bool(_THEN_LIMIT.match(segment.norm, run[-1].end))


def _share_restating_condition(segment: Segment, groups: list[_Group]) -> None:
    """ "AST ≤ 2.5 × ULN; ALT ≤ 2.5 × ULN (for patients with known liver involvement AST and ALT ≤ 5 × ULN)":
    a condition that names its group's analytes and others again with its threshold is also on the earlier
    groups of those others, when they are plain (one threshold, no condition of their own); read on the
    last group only, it left AST at 2.5 × ULN for the very patients it names."""
    for index, group in enumerate(groups):
        for condition in group.conditions:
            if not condition.shareable:
                continue
            run = _mentions(Segment(segment.printed, segment.norm, *condition.span))
            named = _analytes(run)
            others = named - set(group.analytes)
            if not others or not set(group.analytes) <= named or not _names_its_threshold(segment, run):
                continue
            targets = [
                earlier
                for earlier in groups[:index]
                if set(earlier.analytes) <= others and len(earlier.thresholds) == 1 and not earlier.conditions
            ]
            if {a for earlier in targets for a in earlier.analytes} != others:
                continue
            condition.restated = named
            for earlier in targets:
                earlier.conditions.append(condition)


def _share_trailing_waiver(segment: Segment, groups: list[_Group]) -> None:
    """A waiver that ends the item after several groups is also on the earlier ones it covers (see
    ``lab_shared_waiver``)."""
    if len(groups) < 2:
        return
    for condition in list(groups[-1].conditions):
        if not condition.shareable:
            continue
        covered = covered_analytes(segment, *condition.span)
        if covered is not None and not covered:
            continue
        for group in groups[:-1]:
            if condition not in group.conditions and (covered is None or covered & set(group.analytes)):
                group.conditions.append(condition)


def _dedupe(mentions: list[_Mention], segment: Segment) -> list[_Mention]:
    """ "Absolute neutrophil count (ANC)": the same analyte named twice in a row is one mention."""
    kept: list[_Mention] = []
    for mention in mentions:
        if kept and kept[-1].analytes == mention.analytes:
            between = segment.norm[kept[-1].end : mention.start]
            if re.fullmatch(r"[\s(\[,:=-]*", between):
                kept[-1] = _Mention(kept[-1].start, mention.end, mention.analytes)
                continue
        kept.append(mention)
    return kept


_HOW_OBTAINED = re.compile(
    r"(?<![a-z])(?:calculated|measured|estimated)\s+or\s+(?:calculated|measured|estimated)(?![a-z])"
)
""""creatinine > 2.0 mg/dl and a calculated or measured creatinine clearance < 50": the "or" is between two
ways of obtaining the clearance, not between the thresholds (read as one, an exclusion took either value
alone)."""


def _joiner(between: str) -> str:
    """The joining word between two items: "and/or", "or", "and", "," or "" (adjacent). "but" joins as "and"
    does ("post-bronchodilator FEV1/FVC ≤ 0.7 but FEV1 ≥ 50% of predicted": both)."""
    text = re.sub(r"\([^)]*\)", " ", between)
    if re.search(r"and\s*/\s*or", text):
        return "and/or"
    if re.search(r"(?<![a-z])or(?![a-z])", text):
        return "or"
    if re.search(
        r"(?<![a-z])(?:and|but(?!\s+not))(?![a-z])|&|\bplus\b|\bas well as\b|\bconcurrent with\b", text
    ):
        return "and"
    if "," in text or ";" in text:
        return ","
    if "/" in text:
        return "/"
    if re.fullmatch(r"\s*(?:to|-|–)\s*", text):
        return "to"
    return ""


def _joiner_between(segment: Segment, first: _Group, second: _Group) -> str:
    end = _span_of(first)[1]
    start = second.mentions[0].start
    between = segment.norm[end:start]
    if "or" in between:
        how = _HOW_OBTAINED.search(segment.norm, end, min(segment.end, start + len("calculated")))
        if how and how.start() < start:
            between = segment.norm[end : how.start()]
    return _joiner(between) or ","


def _bare_semicolon(segment: Segment, first: _Group, second: _Group) -> bool:
    """Whether only a semicolon (outside brackets) sets the two groups apart, no joining word."""
    between = re.sub(
        r"\([^)]*\)|\[[^\]]*\]", " ", segment.norm[_span_of(first)[1] : second.mentions[0].start]
    )
    return ";" in between and _joiner(between) == ","


def _group_rule(
    group: _Group, section: Section, segment: Segment, notes: _Notes
) -> LabThreshold | DerivedValueRule | AnyOf | AllOf:
    """One rule per (analyte, threshold), combined as the joining words and the section require."""
    per_analyte: list[LabThreshold | DerivedValueRule | AnyOf | AllOf] = []
    sexed = [q for q in group.thresholds if q.start in notes.sexes]
    for analyte_id in group.analytes:
        analyte = get_analyte(analyte_id)
        alternatives = []
        for index, q in enumerate(group.thresholds):
            base = group.thresholds[index - 1] if index and q in sexed and q.comparator is None else None
            alternatives.append(_expanded(q, analyte, group, section, segment, notes, base))
        if len(alternatives) == 1:
            per_analyte.append(alternatives[0])
            continue
        joiners = set(group.threshold_joiners)
        if joiners <= {"", "to"} and _bounds_of_a_range(group.thresholds):
            joiners = {"and"}
        if sexed:
            if len(sexed) != len(group.thresholds) or {notes.sexes[q.start] for q in sexed} != {
                "male",
                "female",
            }:
                raise _UnreadableError(f"limits of {analyte.label} for one sex and for everyone mixed")
            per_analyte.append(AnyOf(source_span=_span_of(group), children=list(alternatives)))
        elif joiners == {"or"}:
            if _one_side_twice(alternatives):
                raise _UnreadableError(
                    f"two limits on one side for {analyte.label}: each of another measure?"
                )
            per_analyte.append(AnyOf(source_span=_span_of(group), children=list(alternatives)))
        elif joiners <= {"and", ","}:
            per_analyte.append(AllOf(source_span=_span_of(group), children=list(alternatives)))
        else:
            raise _UnreadableError(f"two thresholds for {analyte.label} without saying how they combine")
    if len(per_analyte) == 1:
        return per_analyte[0]
    joiners = set(group.joiners) - {""}
    if section is Section.INCLUSION and "or" in joiners and joiners & {"and", ","}:
        grouped = _one_test_two_ways(segment, group, per_analyte, "and" in joiners)
        if grouped is not None:
            return grouped
    if section is Section.INCLUSION and joiners == {"or"} and _upper_limits_of_distinct_tests(per_analyte):
        return all_of_merged(_one_test_once(per_analyte, _span_of(group)), _span_of(group))
    if section is Section.INCLUSION:
        either = joiners == {"or"} or (joiners == {"and/or"} and _raised_values(per_analyte))
    else:
        either = joiners != {"and"}
    if either:
        return AnyOf(source_span=_span_of(group), children=list(per_analyte))
    return all_of_merged(per_analyte, _span_of(group), read_both_ways=section is Section.EXCLUSION)


_ONE_TEST = frozenset({"inr", "pt"})
"""INR and prothrombin time: one clotting test reported two ways, so "INR or PT" names one value."""


def _one_test_two_ways(
    segment: Segment,
    group: _Group,
    per_analyte: list[LabThreshold | DerivedValueRule | AnyOf | AllOf],
    with_and: bool,
) -> AllOf | None:
    """ "INR or PT and aPTT ≤ 1.5 × ULN": "or" and "and" mixed between analytes sharing one threshold. Read
    as (INR or PT) and aPTT only when every "or" joins one test reported two ways; with another "or" and an
    "and" which binds first is not stated (review); a list with commas and a last "or" is left as it was."""
    rules = dict(zip(group.analytes, per_analyte, strict=True))
    chunks: list[list[str]] = [list(group.mentions[0].analytes)]
    for joiner, mention in zip(group.joiners, group.mentions[1:], strict=True):
        if joiner == "or":
            chunks[-1].extend(mention.analytes)
        else:
            chunks.append(list(mention.analytes))
    chunks = [list(dict.fromkeys(chunk)) for chunk in chunks]
    if any(len(chunk) > 1 and not set(chunk) <= _ONE_TEST for chunk in chunks):
        if with_and:
            raise _UnreadableError("'and' and 'or' mixed between analytes: which binds first is not stated")
        return None
    children: list[LabThreshold | DerivedValueRule | AnyOf | AllOf] = [
        AnyOf(source_span=_span_of(group), children=[rules[a] for a in chunk])
        if len(chunk) > 1
        else rules[chunk[0]]
        for chunk in chunks
    ]
    return all_of_merged(children, _span_of(group))


def _raised_values(rules: list[LabThreshold | DerivedValueRule | AnyOf | AllOf]) -> bool:
    """ "BNP > 100 pg/mL and/or NT-proBNP > 400 pg/mL": minimums on analytes with no lower normal limit ask
    for a raised value, which either one shows; "AST and/or ALT ≤ 3 × ULN", "ANC and/or platelets ≥ ..." ask
    every value to be safe, and stay read as all of them."""
    return all(
        isinstance(rule, LabThreshold)
        and rule.comparator.is_lower_bound
        and rule.multiple_of is None
        and get_analyte(rule.analyte).default_lln is None
        for rule in rules
    )


def _upper_limits_of_distinct_tests(rules: list[LabThreshold | DerivedValueRule | AnyOf | AllOf]) -> bool:
    """ "AST or ALT ≤ 3 × ULN", "SGOT or SGPT no greater than 4 times normal" in an inclusion: one maximum
    shared by two tests means neither may exceed it, as the exclusion "AST or ALT > 3 × ULN" says; read as
    either, a patient with AST at 10 × ULN passed on a normal ALT. Not "INR or PT", one test reported two
    ways."""
    analytes = [rule.analyte for rule in rules if isinstance(rule, LabThreshold)]
    return (
        len(analytes) == len(rules) > 1
        and len(set(analytes)) == len(analytes)
        and not set(analytes) <= _ONE_TEST
        and not set(analytes) & _KIDNEY_TESTS
        and all(isinstance(rule, LabThreshold) and not rule.comparator.is_lower_bound for rule in rules)
    )


_KIDNEY_TESTS = frozenset({"creatinine", "bun"})
"""'Creatinine or BUN < 1.5 × ULN': two measures of one kidney function, left read as either."""


def _one_test_once(
    rules: list[LabThreshold | DerivedValueRule | AnyOf | AllOf], span: Span
) -> list[LabThreshold | DerivedValueRule | AnyOf | AllOf]:
    """The limits each required, INR and PT together as either ("INR or PT or aPTT < 1.5 × ULN")."""
    one_test = [rule for rule in rules if isinstance(rule, LabThreshold) and rule.analyte in _ONE_TEST]
    if len(one_test) < 2:
        return rules
    others = [rule for rule in rules if rule not in one_test]
    return [AnyOf(source_span=span, children=list(one_test)), *others]


_RENAL_MEASURES = RENAL_ANALYTES | {"creatinine"}
"""The measures of kidney function; a clearance or GFR may also be printed under any of their names, the unit
saying which ("Creatinine at least 40 mL/min")."""


def _renal_alternatives(rules: list[LabThreshold | DerivedValueRule | AnyOf | AllOf]) -> bool:
    """Creatinine and a clearance or GFR: two measures of one kidney function, either of which shows it."""
    analytes = {rule.analyte for rule in rules if isinstance(rule, LabThreshold | DerivedValueRule)}
    return len(analytes) > 1 and len(analytes) == len(rules) and analytes <= _RENAL_MEASURES


def _renal_pairs(
    segment: Segment, rules: list[LabThreshold | DerivedValueRule | AnyOf | AllOf], joiners: list[str]
) -> AllOf | None:
    """ "..., AST and ALT ≤ 2.5 x ULN, and creatinine < 1.5 x ULN or creatinine clearance > 60 mL/min": an
    inclusion's "or" between creatinine and its clearance (or GFR) joins the two measures of kidney function
    first, as "and/or" does; None unless every "or" of the list is such a pair (two different measures), so
    "eGFR < 60 or eGFR 60-90 and UACR > 300" stays unread."""
    joined: list[LabThreshold | DerivedValueRule | AnyOf | AllOf] = [rules[0]]
    for joiner, rule in zip(joiners, rules[1:], strict=True):
        if joiner != "or":
            joined.append(rule)
            continue
        before = joined[-1]
        if not _renal_alternatives([before, rule]):
            return None
        start, end = before.source_span[0], rule.source_span[1]
        joined[-1] = AnyOf(source_span=(start, end), children=[before, rule])
    return all_of_merged(joined, segment.span)


def _bounds_of_a_range(thresholds: list[Quantity]) -> bool:
    """ "> 100 mg/dL <126 mg/dl", "≥ 18.0 to ≤ 33.0 kg/m²": a lower and an upper bound side by side."""
    directions = [q.comparator.is_lower_bound for q in thresholds if q.comparator is not None]
    return len(thresholds) == 2 and len(directions) == 2 and directions[0] != directions[1]


def _span_of(group: _Group) -> Span:
    end = max([group.thresholds[-1].end, group.mentions[-1].end, *(c.span[1] for c in group.conditions)])
    return (min(group.mentions[0].start, group.thresholds[0].start), end)


def _one_side_twice(alternatives: list[LabThreshold | DerivedValueRule | AnyOf | AllOf]) -> bool:
    """ "LVEF greater than 50% OR ECHO greater than 30%": either of two minimums (or maximums) in one unit is
    the looser alone, so the other would say nothing; the trial means another measure for one of them
    (there most likely the echocardiographic shortening fraction); read as one value, the looser limit admits
    patients the trial refuses."""
    plain = [
        (rule.comparator.is_lower_bound, rule.unit, rule.multiple_of, rule.value)
        for rule in alternatives
        if isinstance(rule, LabThreshold)
        and not (rule.exceptions or rule.strata or rule.sex or rule.qualifier)
    ]
    sides = {(lower, unit, multiple) for lower, unit, multiple, _ in plain}
    return len(sides) < len(set(plain))


def _expanded(
    quantity: Quantity,
    analyte: Analyte,
    group: _Group,
    section: Section,
    segment: Segment,
    notes: _Notes,
    base: Quantity | None,
) -> LabThreshold | DerivedValueRule | AnyOf | AllOf:
    """The threshold for one analyte; "within normal limits" and a CTCAE grade become the bounds they mean.

    Within normal limits is ≥ LLN and ≤ ULN, except for analytes where only a high value is abnormal
    (creatinine, bilirubin, transaminases...: a creatinine below the LLN is low muscle mass, not a failing
    kidney), where it is ≤ ULN; a limit the analyte has no reference value for is left out.
    """
    if quantity.multiple_of == "normal":
        bounds: list[Quantity] = []
        if analyte.id not in _UPPER_CONCERN and analyte.default_lln is not None:
            bounds.append(replace(quantity, comparator=Comparator.GE, multiple_of="lln"))
        if analyte.default_uln is not None:
            bounds.append(replace(quantity, comparator=Comparator.LE, multiple_of="uln"))
        if not bounds:
            raise _UnreadableError(f"no normal limits known for {analyte.label}")
        rules = [_threshold_rule(b, analyte, group, section, segment, notes, None) for b in bounds]
        return rules[0] if len(rules) == 1 else AllOf(source_span=_span_of(group), children=list(rules))
    if quantity.multiple_of == "grade":
        at_most = quantity.comparator is Comparator.LE
        grade = int(quantity.number.value)
        found = grade_bounds(analyte.id, at_most, grade)
        if found is None:
            raise _UnreadableError(f"CTCAE grade {grade} of {analyte.label} is not a lab threshold")
        rules = [
            _threshold_rule(
                replace(
                    quantity,
                    comparator=b.comparator,
                    number=Number(b.value, None),
                    unit=b.unit,
                    unit_text=b.unit,
                    multiple_of=b.multiple_of,
                ),
                analyte,
                group,
                section,
                segment,
                notes,
                None,
            )
            for b in found
        ]
        if len(rules) == 1:
            return rules[0]
        kind = AllOf if at_most else AnyOf
        return kind(source_span=_span_of(group), children=list(rules))
    if quantity.multiple_of == NOTATION:
        if analyte.id not in GLEASON_SCORES:
            raise _UnreadableError(f"a Gleason notation for {analyte.label}")
        scale, printed_bounds = notation_bounds(quantity)
        ends = [
            _threshold_rule(
                replace(
                    quantity, comparator=c, number=Number(v, None), upper=None, unit="1", multiple_of=None
                ),
                get_analyte(scale),
                group,
                section,
                segment,
                notes,
                None,
            )
            for c, v in printed_bounds
        ]
        return ends[0] if len(ends) == 1 else AllOf(source_span=_span_of(group), children=list(ends))
    if quantity.upper is not None and base is None and _class_range(quantity, analyte):
        low = replace(quantity, comparator=quantity.comparator or Comparator.GE, upper=None)
        high = replace(quantity, comparator=Comparator.LE, number=quantity.upper, upper=None)
        ends = [_threshold_rule(b, analyte, group, section, segment, notes, None) for b in (low, high)]
        return AllOf(source_span=_span_of(group), children=list(ends))
    return _threshold_rule(quantity, analyte, group, section, segment, notes, base)


_CLASS_RANGES = frozenset({"bmi"})
"""Analytes whose printed ranges are classes ("BMI ≥ 30-39.9 kg/m2", obesity classes I-II): a lower bound
printed before such a range is its lower end, never an uncertain single limit as "≤ 1.5 - 3 x ULN" is."""


def _class_range(quantity: Quantity, analyte: Analyte) -> bool:
    """A range with no comparator ("30-39.9"), or with a lower bound before it on a class range, whose ends
    rise."""
    if quantity.comparator is None:
        return True
    upper = quantity.upper
    return (
        analyte.id in _CLASS_RANGES
        and quantity.comparator.is_lower_bound
        and quantity.multiple_of is None
        and upper is not None
        and quantity.number.value < upper.value
    )


def _threshold_rule(
    quantity: Quantity,
    analyte: Analyte,
    group: _Group,
    section: Section,
    segment: Segment,
    notes: _Notes,
    base: Quantity | None,
) -> LabThreshold | DerivedValueRule:
    analyte = _measured_as(analyte, quantity)
    again = notes.restated.get(quantity.start)
    fields = _fields(quantity, analyte, base, segment)
    if again is not None:
        fields = _with_restatement(fields, again, analyte, segment)
    exceptions: list[LabException] = []
    variants: list[StratumVariant] = []
    for condition in group.conditions:
        if condition.variants:
            for label, variant_text in condition.variants:
                variants.append(
                    _variant(label, variant_text, condition.span, quantity, analyte, group, section, segment)
                )
            continue
        if condition.negative:
            continue
        condition.exceptions.clear()
        _read_condition(segment, condition, quantity, analyte, frozenset(group.analytes))
        exceptions.extend(condition.exceptions)
    for condition in group.conditions:
        if condition.negative:
            exceptions.extend(_match_negative(segment, condition, exceptions, fields))
    if section is Section.EXCLUSION:
        exceptions = [_excluding(e, fields.comparator) for e in exceptions]
    sex = notes.sexes.get(quantity.start)
    restricting: list[str] = []
    for support in notes.support.get(quantity.start, ()):
        if support.relaxing:
            exceptions.append(
                LabException(
                    concept=None,
                    text=support.text,
                    waived=True,
                    source_span=support.span,
                    **fields.model_dump(),
                )
            )
            continue
        helped = (
            analyte.id in _LOWERED and not fields.comparator.is_lower_bound
            if support.lowers
            else analyte.id in _SUPPORTED and fields.comparator.is_lower_bound
        )
        if not helped:
            raise _UnreadableError(f"'{support.text}' for a limit support could not help to meet")
        restricting.append(support.text)
    qualifier = "; ".join(restricting) or None
    span = (min(group.mentions[0].start, quantity.start), max(quantity.end, group.mentions[-1].end))
    if analyte.id in DERIVED_ANALYTES:
        if variants or sex or not all(e.waived for e in exceptions):
            raise _UnreadableError(f"conditions on {analyte.label} are not read")
        if fields.multiple_of:
            raise _UnreadableError(f"{analyte.label} as a multiple of a normal limit")
        renal = _renal_analyte(analyte, fields)
        return DerivedValueRule(
            source_span=span, analyte=renal, method=group.method, waivers=exceptions, **fields.model_dump()
        )
    if group.method:
        raise _UnreadableError(f"a calculation method for {analyte.label}")
    return LabThreshold(
        source_span=span,
        analyte=analyte.id,
        exceptions=exceptions,
        strata=variants,
        sex=sex,
        qualifier=qualifier,
        **fields.model_dump(),
    )


def _excluding(exception: LabException, base: Comparator) -> LabException:
    """In an exclusion, a condition's limit printed the other way round from the base ("bilirubin > 1.5 ×
    ULN; in the case of known Gilbert's syndrome, a higher bilirubin (< 2 × ULN) is allowed") bounds the
    values it accepts: what excludes is the opposite (≥ 2 × ULN)."""
    if exception.waived or exception.comparator.is_lower_bound == base.is_lower_bound:
        return exception
    return exception.model_copy(update={"comparator": exception.comparator.opposite})


_IN_OTHER_UNITS = {
    "fev1": ("fev1_volume",),
    "m_protein_serum": ("m_protein_urine",),
    "creatinine": ("crcl", "egfr"),
}
"""FEV1 as a percentage of the predicted value or as a volume ("FEV1 at least 1 liter"), an M-protein in g/dL
(serum) or mg/24 h (urine), creatinine in mg/dL or a clearance in mL/min or mL/min/1.73 m² ("Creatinine at
least 40 mL/min"): different values in the patient file, and the unit printed says which one the threshold
is on."""


def _measured_as(analyte: Analyte, quantity: Quantity) -> Analyte:
    others = _IN_OTHER_UNITS.get(analyte.id)
    if others is None or quantity.unit is None or is_unit_for(quantity.unit, analyte):
        return analyte
    unit = quantity.unit
    return next((m for other in others if is_unit_for(unit, m := get_analyte(other))), analyte)


def _ifcc(quantity: Quantity) -> bool:
    """ "(53 mmol/mol)": an HbA1c in IFCC units, which no unit table converts (it is not proportional);
    "(48 mmol/ml)" its misprint, which ``_with_restatement`` accepts only as the percentage's IFCC value."""
    return quantity.unit is None and re.sub(r"\s+", "", quantity.unit_text or "") in ("mmol/mol", "mmol/ml")


def _with_restatement(
    fields: ThresholdFields, again: Quantity, analyte: Analyte, segment: Segment
) -> ThresholdFields:
    """The threshold checked against its bracketed restatement: equal to 1 % (rounding), or within 12 % and
    then read as a printed range whose laxer end leaves the patients between to the clinician. An HbA1c
    restated in mmol/mol is checked with the IFCC master equation, mmol/mol = 10.929 × (% − 2.15), and must
    agree to the 1 mmol/mol it is printed to. A multiple of a normal limit may only restate the same multiple
    ("≤ 3 times the upper limit of normal (3×ULN)"); the limit itself may be restated as a value, which is
    the trial's."""
    if _ifcc(again):
        if (
            analyte.id != "hba1c"
            or fields.unit != "%"
            or not restates_in_ifcc(fields.value, again.number.value)
        ):
            printed = segment.quote(again.start, again.end)
            raise _UnreadableError(f"the bracketed value disagrees with the threshold: '{printed}'")
        return fields
    other = _fields(replace(again, comparator=fields.comparator), analyte, None, segment)
    printed = segment.quote(again.start, again.end)
    if fields.multiple_of and other.multiple_of == fields.multiple_of:
        if other.value != fields.value:
            raise _UnreadableError(f"the bracketed value disagrees with the threshold: '{printed}'")
        return fields
    if fields.multiple_of and fields.value == 1 and other.unit is not None and not other.multiple_of:
        return other  # "LVEF ≥ lower limit of normal (50%)": the trial's own normal limit, as printed
    if comes_to_typical_multiple(fields, other, analyte):
        return other  # "TBIL > 2.5 × ULN (3.0 mg/dL)": the multiple worked out by the trial, as printed
    if fields.multiple_of or other.multiple_of or fields.unit is None or other.unit is None:
        raise _UnreadableError(f"a restated threshold that cannot be compared: '{printed}'")
    restated = convert(other.value, other.unit, fields.unit, analyte)
    if math.isclose(restated, fields.value, rel_tol=0.01):
        return fields
    if not math.isclose(restated, fields.value, rel_tol=0.12):
        raise _UnreadableError(f"the bracketed value disagrees with the threshold: '{printed}'")
    restated = float(f"{restated:.3g}")
    low, high = sorted((fields.value, restated))
    strict, lenient = (high, low) if fields.comparator.is_lower_bound else (low, high)
    return fields.model_copy(update={"value": strict, "lenient_value": lenient})


def _renal_analyte(analyte: Analyte, fields: ThresholdFields) -> str:
    """ "GFR ≥ 50 ml/min" is a clearance in mL/min; "CrCl ≥ 60 mL/min/1.73 m²" is a normalised eGFR.

    The unit, not the name, says which value the patient file must offer, so the unit decides.
    """
    if analyte.id in RENAL_ANALYTES and fields.unit == "mL/min":
        return "crcl"
    if analyte.id in RENAL_ANALYTES and fields.unit == "mL/min/1.73m2":
        return "egfr"
    return analyte.id


def _variant(
    label: str,
    text: Segment,
    span: Span,
    base: Quantity,
    analyte: Analyte,
    group: _Group,
    section: Section,
    segment: Segment,
) -> StratumVariant:
    """ "for Stratum D: ≥ 100.000/µl", "for Stratum D: AST and ALT ≤ 2.5 x ULN; ≤ 5 x if liver metastases"."""
    mentions = _mentions(text)
    if mentions and not any(analyte.id in m.analytes for m in mentions):
        raise _UnreadableError(f"stratum {label} variant names other analytes: '{text.quote()}'")
    quantities = [q for q in find_quantities(text.norm[: text.end], text.printed) if q.start >= text.start]
    bare = [_bare_quantity(b) for b in find_bare_limits(text.norm[: text.end]) if b[0] >= text.start]
    quantities = sorted([*quantities, *bare], key=lambda q: q.start)
    if not quantities:
        raise _UnreadableError(f"stratum {label} variant without a threshold: '{text.quote()}'")
    first = quantities[0]
    conditions, condition_spans = _bracketed_conditions(text, quantities, mentions, [])
    fields = _fields(first, analyte, base, segment)
    exceptions: list[LabException] = []
    for condition in conditions:
        if condition.negative:
            raise _UnreadableError(f"stratum {label} variant not understood: '{text.quote()}'")
        _read_condition(segment, condition, first, analyte, frozenset(group.analytes))
        exceptions.extend(condition.exceptions)
    claimed = [(first.start, first.end), *condition_spans, *((m.start, m.end) for m in mentions)]
    leftover = leftover_words(text, claimed, _LAB_FILLER)
    if leftover or any(not inside((q.start, q.end), condition_spans) for q in quantities[1:]):
        raise _UnreadableError(f"stratum {label} variant not understood: '{text.quote()}'")
    return StratumVariant(stratum=label, exceptions=exceptions, source_span=span, **fields.model_dump())


# --- one threshold ----------------------------------------------------------------------------------------

_COUNT_UNITS = frozenset({"/µL"})


def _fields(quantity: Quantity, analyte: Analyte, base: Quantity | None, segment: Segment) -> ThresholdFields:
    """Comparator, value and unit of one threshold, checked against what the analyte can be."""
    printed = segment.quote(quantity.start, quantity.end)
    comparator = quantity.comparator or (base.comparator if base else None)
    if comparator is None:
        raise _UnreadableError(f"no comparator in '{printed}'")
    multiple = quantity.multiple_of or (base.multiple_of if base and quantity.times_only else None)
    if quantity.times_only and not multiple:
        raise _UnreadableError(f"'x' with no limit named in '{printed}'")
    if quantity.unit_text == "normal" and analyte.id not in _UPPER_CONCERN:
        raise _UnreadableError(f"'normal' {analyte.label}: both limits or only one is not stated")
    lenient = None
    if multiple:
        value = quantity.number.value
        if quantity.upper:
            value, lenient = _range_bounds(comparator, value, quantity.upper.value)
        if not 0 < value <= 100:
            raise _UnreadableError(f"implausible multiple of the normal limit: '{printed}'")
        if quantity.plus_seconds is not None and analyte.unit != "s":
            raise _UnreadableError(f"seconds added to a limit of {analyte.label}: '{printed}'")
        return ThresholdFields(
            comparator=comparator,
            value=value,
            multiple_of=multiple,
            lenient_value=lenient,
            plus_seconds=quantity.plus_seconds,
        )
    if quantity.upper:
        raise _UnreadableError(f"a range where one threshold is expected: '{printed}'")
    unit = quantity.unit
    if analyte.id in _RENAL_MEASURES and unit in _CLEARANCE_UNITS:
        analyte = get_analyte("crcl" if unit == "mL/min" else "egfr")
    if quantity.unit_text and unit is None:
        raise _UnreadableError(f"unit not recognised in '{printed}'")
    number = quantity.number
    if unit is None and base is not None and base.unit and not base.multiple_of:
        unit = base.unit
    inferred = False
    if unit is None:
        unit, value = _infer_unit(number.value, analyte, printed)
        inferred = analyte.unit != "1"
    else:
        value = number.grouped if (number.grouped is not None and unit in _COUNT_UNITS) else number.value
    if value <= 0:
        raise _UnreadableError(f"a threshold of zero or less for {analyte.label}: '{printed}'")
    try:
        canonical = convert(value, unit, analyte.unit, analyte)
    except UnitError:
        raise _UnreadableError(f"{unit} is not a unit for {analyte.label} ('{printed}')") from None
    low, high = analyte.plausible
    floor = _typo_floor(analyte)
    implausible = not low <= canonical <= high
    if not inferred and (implausible or (floor is not None and canonical < floor)):
        meant = prefix_misprint(value, unit, analyte, _clinical_window)
        if meant is not None:
            return ThresholdFields(comparator=comparator, value=value, unit=meant, unit_inferred=True)
    if implausible:
        raise _UnreadableError(f"implausible value for {analyte.label}: '{printed}'")
    if not inferred and floor is not None and canonical < floor:
        typo = _UnreadableError(f"far below any threshold for {analyte.label}, a unit typo?: '{printed}'")
        if unit not in _PREFIX_SLIPS.get(analyte.id, ()):
            raise typo
        try:
            unit, value = _infer_unit(number.value, analyte, printed)
        except _UnreadableError:
            raise typo from None
        inferred = True
    return ThresholdFields(comparator=comparator, value=value, unit=unit, unit_inferred=inferred)


_TYPO_FLOORS = {"hemoglobin": 3.0}
""""Hemoglobin >= 9 g/L" (g/dL meant) is 0.9 g/dL: above a twentieth of the lower limit, yet no haemoglobin
under 3 g/dL is a threshold anyone sets (canonical unit)."""


_PREFIX_SLIPS = {"hemoglobin": frozenset({"g/L"})}
""""Hemoglobin >= 9 g/L": the volume slipped (9 g/dL and 90 g/L are the same limit), which
``lab_unit_prefix`` (the numerator's prefix: "Hemoglobin > 8 mg/dl") does not read. Under the typo floor the
number is read as if no unit were printed (``_infer_unit``, flagged ``unit_inferred``, as lab_unit_typos does
for the misprints it claims); other units there stay for review."""


def _typo_floor(analyte: Analyte) -> float | None:
    """ "Hemoglobin > 8 mg/dl" (g/dL meant) converts to 0.008 g/dL, possible yet no threshold anyone sets:
    under a twentieth of the lower limit (a fiftieth of the upper one) a printed unit is taken for a typo."""
    if analyte.id in _TYPO_FLOORS:
        return _TYPO_FLOORS[analyte.id]
    if analyte.default_lln:
        return analyte.default_lln / 20
    if analyte.default_uln:
        return analyte.default_uln / 50
    return None


def _range_bounds(comparator: Comparator, first: float, second: float) -> tuple[float, float]:
    """ "≤ 1.5 - 3 x ULN": the strict bound is the value, the other the lenient one (see ThresholdFields)."""
    low, high = sorted((first, second))
    return (low, high) if not comparator.is_lower_bound else (high, low)


_FRACTIONS = frozenset({"fev1_fvc"})
"""Ratios printed as a fraction ("FEV1/FVC < 0.70") or as a percentage ("< 70 %"): below 1, the fraction."""
_UNIT_REQUIRED = frozenset({"body_weight"})
"""Printed in kg or in pounds, both plausible for the same number ("weight > 150"): no unit, no reading."""


def _infer_unit(value: float, analyte: Analyte, printed: str) -> tuple[str, float]:
    """The unit a unit-less threshold must be in: among the units that put it within a clinical window of
    the analyte's reference limits, the canonical (conventional) one, else the only one ("platelets ≥ 100"
    is 10⁹/L, "ANC ≥ 1500" is /µL, "creatinine ≤ 133" is µmol/L); several or none is unreadable."""
    if analyte.id in _UNIT_REQUIRED:
        raise _UnreadableError(f"no unit given for {analyte.label}: '{printed}'")
    if analyte.id in _FRACTIONS and value < 1:
        return "1", value
    if analyte.unit in {"1", "%", "ms", "s"}:
        return analyte.unit, value
    window_low, window_high = _clinical_window(analyte)
    if len(units_for(analyte)) == 1:  # "AST less than twice normal" must not become "AST < 2 U/L"
        if value < window_low:
            raise _UnreadableError(f"no unit given and the value is far below the normal range: '{printed}'")
        return analyte.unit, value
    fits = []
    for unit in units_for(analyte):
        try:
            canonical = convert(value, unit, analyte.unit, analyte) if value > 0 else value
        except UnitError:
            continue
        low = window_low if unit == analyte.unit else _COUNT_FLOORS.get(analyte.id, window_low)
        if low <= canonical <= window_high:
            fits.append(unit)
    if analyte.unit in fits:
        return analyte.unit, value
    if len(fits) != 1:
        raise _UnreadableError(f"no unit given and the value fits {len(fits)} units: '{printed}'")
    return fits[0], value


_COUNT_FLOORS = {"platelets": 10.0}
""""Platelet count greater than 20,000" (leukaemia trials, transfusion triggers) is 20 × 10⁹/L, under a fifth
of the lower limit, yet printed so it can only be per µL; the canonical unit keeps the window, since a bare
"≥ 15" may be a count per 10⁴/µL."""


def _clinical_window(analyte: Analyte) -> tuple[float, float]:
    """Thresholds sit between a fifth of the lower limit and ten times the upper one."""
    limits = [x for x in (analyte.default_lln, analyte.default_uln) if x]
    if not limits:
        return analyte.plausible
    low = (analyte.default_lln / 5) if analyte.default_lln else (analyte.default_uln or 0) / 10
    high = (analyte.default_uln or analyte.default_lln or 0) * 10
    return low, high
