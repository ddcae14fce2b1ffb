"""Numbers that are part of a name, not thresholds: "type 2 diabetes", "HIV-1", "SARS-CoV-2", "COVID-19",
"Sepsis-3", "12-lead ECG", "DPP-4 inhibitors", "HLA-A*02:01", "CKD-EPI 2009 equation", "(2015 edition)",
"(Flynn 2017)".

Each is a recognised pattern, not a rule about numbers in general: a number that could be a limit ("CD4 2000",
"platelets-100,000/mm3") is never taken for a name. ``find_quantities`` leaves these numbers out, so the
readers see the words around them ("type 2 diabetes" is the finding; the HbA1c limit after it is the
threshold). Every pattern sits behind a cheap substring test: the scanner runs on every criterion.
"""

from __future__ import annotations

import re
from functools import lru_cache

_END = r"(?![\d%])(?![.,]\d)"
"""The end of a name's number: not "2.5" nor "2,000"; a comma or full stop after it ends a clause."""

_DIABETES_TYPE = re.compile(
    r"(?<![a-z])type\s*-?\s*(?:1|2)(?:\s*(?:or|and|/|,|and/or)\s*(?:type\s*-?\s*)?(?:1|2|i{1,2}))?"
    r"(?=\s*(?:diabet|dm(?![a-z])|t[12]dm?(?![a-z])))"
    r"|(?<![a-z])diabet(?:es|ic)(?:\s+mellitus)?\s*,?\s*type\s*-?\s*(?:1|2)(?:\s*(?:or|and|/)\s*(?:1|2))?(?![\d%])(?![.,]\d)"
)
""""type 2 diabetes", "Type 1 or Type 2 diabetes", "type 1 or 2 DM", "diabetes mellitus type 2"."""
_VIRUS = re.compile(
    r"(?<![a-z])(?:hiv|htlv|hsv|hhv|hpv)\s*-?\s*\d{1,2}(?:\s*/\s*\d{1,2})?(?![\d%])(?![.,]\d)"
    r"|(?<![a-z])sars\s*-?\s*cov\s*-?\s*2(?![\d%])(?![.,]\d)|(?<![a-z])covid\s*-?\s*19(?![\d%])(?![.,]\d)"
    r"|(?<![a-z])coronavirus\s+disease\s+(?:20)?19(?![\d%])(?![.,]\d)|(?<![a-z])2019\s*-?\s*ncov(?![a-z])"
)
""""HIV-1", "HTLV-1/2", "HPV 16", "SARS-CoV-2", "COVID-19", "coronavirus disease 2019"."""
_HYPHENED = re.compile(
    r"(?<![a-z])(?:il|dpp|glp|pd|ctla|sglt|cyp|tlr|jak|her|fgfr|vegfr|mmp|cox|pcsk|hif|cdk|parp|lag|tim|sepsis)"
    r"\s*-\s*\d{1,2}(?![\d%])(?![.,]\d)(?!\s*(?:x|times|mg|g/|µ|mmol|iu|u/|/|%|cells?|ms|mm))"
)
""""IL-7", "DPP-4 inhibitors", "GLP-1", "PD-1", "SGLT-2", "HER-2", "Sepsis-3": a molecule, a drug class or a
definition named with its number joined by a hyphen; not "IL-6 > 10 pg/mL", where a unit follows."""
_HYPHEN_CUES: tuple[str, ...] = (
    "il-",
    "dpp",
    "glp",
    "pd-",
    "pd -",
    "ctla",
    "sglt",
    "cyp",
    "tlr",
    "jak",
    "her-",
    "her -",
)
_HYPHEN_CUES += ("fgfr", "vegfr", "mmp", "cox", "pcsk", "hif", "cdk", "parp", "lag", "tim", "sepsis")
_MOLECULE = re.compile(
    r"(?<![a-z])(?:programmed\s+(?:cell\s+)?death(?:\s*-?\s*(?:protein|ligand|receptor))?"
    r"|t\s*-?\s*lymphocyte\s*-?\s*associated\s+(?:protein|antigen)"
    r"|epidermal\s+growth\s+factor\s+receptor|lymphocyte\s+activation\s+gene)\s*-?\s*\d{1,2}" + _END
)
""""programmed cell death protein 1", "programmed death-ligand 1", "cytotoxic T-lymphocyte-associated antigen
4", "human epidermal growth factor receptor 2", "lymphocyte activation gene 3": checkpoint molecules and
receptors spelt out, whose number read as a threshold sent a drug sentence to review as "threshold before
any analyte: '1'"."""
_ECG_LEADS = re.compile(r"(?<![\d.,])(?:12|15|3|5|6)\s*-?\s*leads?(?![a-z])")
""""12-lead ECG", "triplicate 12 lead electrocardiogram"."""
_SECONDS_VOLUME = re.compile(r"(?<![a-z])volume\s+in\s+(?:1|one)\s*-?\s*(?:s|sec|second)(?![a-z])")
""""forced expiratory volume in 1s": FEV1 spelt out."""
_HLA = re.compile(r"(?<![a-z])hla\s*-?\s*[a-z]{1,4}\s*\*?\s*\d{2}\s*:?\s*\d{2,4}(?![\d%])(?![.,]\d)")
""""HLA-A 0201", "HLA-A*02:01": an allele."""
_KIDNEY_STAGE = re.compile(
    r"(?<![a-z])(?:ckd|chronic\s+kidney\s+disease)\s*,?\s*(?:stage|grade)\s*(?:≥|>=|>)?\s*(?:[1-5]|iv|v|i{1,3})"
    r"[ab]?(?![a-z0-9])(?:\s*(?:-|–|~|to|or|/)\s*(?:(?:[1-5]|iv|v|i{1,3})[ab]?|[ab])(?![a-z0-9]))?"
    r"|(?<![a-z])stage\s*(?:[1-5]|iv|v|i{1,3})[ab]?(?=\s+(?:ckd|chronic\s+kidney))"
)
""""CKD stage 4 or greater", "stage 4 CKD": a stage of the disease (``finding_grades.kidney_stages``), not a
threshold of its own."""
_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
_CITED = (
    r"(?:edition|version|revision|update|guidelines?|criteria|classification|consensus|recommendations?"
    r"|definitions?|staging)"
)
_EDITION = re.compile(
    rf"(?<![\d.,])(?P<a>{_YEAR}){_END}(?=\s*[)\]]?\s*(?:[a-z/]{{2,8}}\s+)?{_CITED}(?![a-z]))"
    rf"|(?<![a-z])(?:{_CITED}|et\s+al\.?|who|nccn|ada|kdigo|ajcc|recist|eular|acr|esc|aha|easl|aasld|iwg|imwg"
    rf"|lugano)\s*[(\[,]?\s*(?P<b>{_YEAR}){_END}"
    rf"|\(\s*[a-z][a-z'-]+(?:\s+(?:et\s+al\.?|and\s+[a-z][a-z'-]+))?\s*,?\s*(?P<c>{_YEAR})\s*\)"
)
""""(2015 edition)", "2017 AAP guidelines", "WHO (2016)", "(Flynn 2017)", "[Levey et al, 2009]": the year of
a cited edition or paper."""
_EQUATION_YEAR = re.compile(
    rf"(?<![\d.,])(?P<a>{_YEAR}){_END}(?=\s*[)\]]?\s*(?:equations?|formulae?|formulas?)(?![a-z]))"
    rf"|(?<![a-z])(?:ckd\s*-?\s*epi(?:\s+creatinine)?(?:\s+equation)?|mdrd|schwartz)\s*[(\[,]?\s*(?P<b>{_YEAR}){_END}"
)
""""CKD-EPI 2009 equation", "using 2009 formula": the year names the equation, and the equations of two
years give other values (the file's eGFR is CKD-EPI 2021), so a reader that has not read it leaves it over."""

_PATTERNS: tuple[tuple[tuple[str, ...], re.Pattern[str], bool], ...] = (
    (("type",), _DIABETES_TYPE, False),
    (("hiv", "htlv", "hsv", "hhv", "hpv", "cov", "coronavirus"), _VIRUS, False),
    (_HYPHEN_CUES, _HYPHENED, False),
    (("death", "lymphocyte", "growth factor receptor", "activation gene"), _MOLECULE, False),
    (("lead",), _ECG_LEADS, True),
    (("volume in",), _SECONDS_VOLUME, True),
    (("hla",), _HLA, False),
    (("ckd", "kidney disease"), _KIDNEY_STAGE, False),
    (("19", "20"), _EDITION, True),
    (("19", "20"), _EQUATION_YEAR, False),
)
"""Cue words, the pattern, and whether its number says nothing a reader needs (the year of a cited edition,
the leads of an ECG): such a number left over by a reader is no word it failed to understand. "Type 1 or 2"
is: a finding reader that read "diabetes type 1" alone has not read "or 2"."""

Names = tuple[tuple[int, int, bool], ...]


@lru_cache(maxsize=64)
def name_spans(norm: str) -> Names:
    """Spans of the normalised text that are names holding a number (with whether the number is silent, as
    above); a number inside one is no threshold."""
    spans: list[tuple[int, int, bool]] = []
    equation = "epi" in norm or "mdrd" in norm or "levey" in norm  # "CKD-EPI formula [Levey et al, 2009]"
    for cues, pattern, silent in _PATTERNS:
        silent = silent and not (equation and pattern is _EDITION)
        if any(cue in norm for cue in cues):
            for match in pattern.finditer(norm):
                groups = [g for g in ("a", "b", "c") if g in pattern.groupindex and match.group(g)]
                spans.append((*(match.span(groups[0]) if groups else match.span()), silent))
    return tuple(spans)


def in_a_name(names: Names, start: int, end: int, silent: bool = False) -> bool:
    """Whether the number printed at start:end belongs to one of the names (to a silent one if asked)."""
    return any(s <= start and end <= e and (quiet or not silent) for s, e, quiet in names)
