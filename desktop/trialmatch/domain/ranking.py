"""Order of the match list: ineligible last, then how well the trial's conditions fit the diagnosis, open
before closed, fewer unknowns, nearer sites, and the trial id so equal trials always sort the same way.

Relevance compares disease words, not whole strings: "metastatic melanoma" fits "Melanoma" fully (stage
and spread words are not the disease), "NSCLC" is "non-small cell lung cancer" (a small abbreviation table),
"non-small cell" never matches "small cell", and "non-squamous" fits an adenocarcinoma. A condition whose
spread contradicts the diagnosis's ("Non-metastatic castration-resistant prostate cancer" for a metastatic
one) fits half as well: the same disease, at a stage the trial does not take.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from trialmatch.domain.criteria.reading.text import word_set
from trialmatch.domain.evaluation import TrialEvaluation, Verdict


@dataclass(frozen=True, slots=True)
class RankInput:
    evaluation: TrialEvaluation
    conditions: tuple[str, ...]
    is_open: bool
    distance_km: float | None


@dataclass(frozen=True, slots=True)
class RankedTrial:
    input: RankInput
    score: float
    """Relevance of the trial's conditions to the diagnosis, 0..1."""


ABBREVIATIONS = {
    "nsclc": "non-small cell lung cancer",
    "sclc": "small cell lung cancer",
    "crc": "colorectal cancer",
    "mcrc": "metastatic colorectal cancer",
    "hcc": "hepatocellular carcinoma",
    "rcc": "renal cell carcinoma",
    "ccrcc": "clear cell renal cell carcinoma",
    "tnbc": "triple negative breast cancer",
    "mbc": "metastatic breast cancer",
    "hnscc": "head and neck squamous cell carcinoma",
    "scchn": "squamous cell carcinoma of the head and neck",
    "pdac": "pancreatic ductal adenocarcinoma",
    "gbm": "glioblastoma",
    "aml": "acute myeloid leukemia",
    "all": "acute lymphoblastic leukemia",
    "cll": "chronic lymphocytic leukemia",
    "cml": "chronic myeloid leukemia",
    "mds": "myelodysplastic syndrome",
    "mm": "multiple myeloma",
    "nhl": "non-hodgkin lymphoma",
    "hl": "hodgkin lymphoma",
    "dlbcl": "diffuse large b-cell lymphoma",
    "gist": "gastrointestinal stromal tumor",
    "mcrpc": "metastatic castration-resistant prostate cancer",
    "crpc": "castration-resistant prostate cancer",
    "nmcrpc": "non-metastatic castration-resistant prostate cancer",
    "mcspc": "metastatic castration-sensitive prostate cancer",
    "mhspc": "metastatic hormone-sensitive prostate cancer",
    "scc": "squamous cell carcinoma",
    "bcc": "basal cell carcinoma",
    "uc": "urothelial carcinoma",
    "gej": "gastroesophageal junction cancer",
}
"""Abbreviations registries and clinicians use for a diagnosis; expanded before words are compared."""

_GENERIC = word_set(
    """
    cancer cancers carcinoma carcinomas tumor tumors tumour tumours neoplasm neoplasms malignancy malignancies
    malignant metastatic advanced recurrent refractory relapsed locally stage unresectable disease primary
    adult adults patients of the and or with in a an i ii iii iv iva ivb previously treated untreated newly
    diagnosed progressive high low grade early late nos nonmetastatic localized localised
    """
)
"""Words that say how far or how treated a disease is, not which disease it is."""

_BASKET = re.compile(
    r"^(?:advanced |metastatic |refractory )*(?:solid tumou?rs?|cancers?|neoplasms?|malignanc(?:y|ies))$"
)
"""Conditions of basket trials that take any solid tumour: half relevant to every cancer diagnosis."""

_COMPOUNDS = (
    (re.compile(r"non[\s-]+small[\s-]+cell"), "nonsmallcell"),
    (re.compile(r"small[\s-]+cell"), "smallcell"),
    (re.compile(r"non[\s-]*squamous"), "nonsquamous"),
    (re.compile(r"non[\s-]*metastatic"), "nonmetastatic"),
)
_NON_SQUAMOUS = re.compile(r"adenocarcinoma|large[\s-]+cell\s+(?:lung\s+)?carcinoma")
"""Histologies that are non-squamous: "non-squamous NSCLC" is about the patient with lung adenocarcinoma."""
_WORD = re.compile(r"[a-z0-9]+")


def _expanded(text: str) -> str:
    """The lower-case text with abbreviations expanded and compounds joined."""
    expanded = " ".join(ABBREVIATIONS.get(w, w) for w in _WORD.findall(text.lower()))
    for pattern, joined in _COMPOUNDS:
        expanded = pattern.sub(joined, expanded)
    return expanded


def _words(text: str) -> frozenset[str]:
    """Disease words of a diagnosis or condition: abbreviations expanded, compounds joined, generic out."""
    return frozenset(w for w in _WORD.findall(_expanded(text)) if w not in _GENERIC)


_LOCAL = re.compile(r"\b(?:nonmetastatic|localized|localised|m0)\b")
_SPREAD = re.compile(r"\b(?:metastatic|metastases|metastasis|m1)\b")


def _spread(text: str) -> str | None:
    """ "local" or "spread" when the text says which and not both ("localized or metastatic": neither)."""
    expanded = _expanded(text)
    local, spread = bool(_LOCAL.search(expanded)), bool(_SPREAD.search(expanded))
    if local == spread:
        return None
    return "local" if local else "spread"


def _implied(diagnosis: str) -> frozenset[str]:
    """Words a condition may use that the diagnosis implies without printing them: they let a condition fit,
    and are not asked of one ("NSCLC" fits a lung adenocarcinoma as well as before)."""
    return frozenset({"nonsquamous"}) if _NON_SQUAMOUS.search(diagnosis.lower()) else frozenset()


def _similar(a: str, b: str) -> bool:
    """The same word, allowing plural and spelling variants (tumour/tumor, leukaemia/leukemia)."""
    return a == b or (min(len(a), len(b)) >= 5 and fuzz.ratio(a, b) >= 88)


def _fit(condition: str, wanted: frozenset[str], implied: frozenset[str], spread: str | None) -> float:
    if _BASKET.match(condition.strip().lower()):
        return 0.5
    offered = _words(condition)
    if not wanted or not offered:
        return 0.0
    shared = sum(1 for w in wanted if any(_similar(w, o) for o in offered))
    covered = sum(1 for o in offered if o in implied or any(_similar(o, w) for w in wanted))
    fit = (shared + covered) / (len(wanted) + len(offered))
    offered_spread = _spread(condition)
    if spread and offered_spread and offered_spread != spread:
        return fit / 2
    return fit


@lru_cache(maxsize=65536)
def _relevance(conditions: tuple[str, ...], diagnosis: str) -> float:
    """Best-fitting condition, scaled down when most of the trial's conditions are other diseases.

    A melanoma trial should rank above a protocol that lists melanoma among twenty other cancers.
    """
    wanted = _words(diagnosis)
    implied = _implied(diagnosis)
    spread = _spread(diagnosis)
    fits = [_fit(condition, wanted, implied, spread) for condition in conditions]
    if not fits:
        return 0.0
    best = max(fits)
    specific = sum(1 for f in fits if f >= 0.5) / len(fits)
    return round(best * (0.75 + 0.25 * specific), 3)


def relevance(conditions: Sequence[str], diagnosis: str | None) -> float:
    """How well the trial's conditions fit the diagnosis, 0..1 (the best-fitting condition counts)."""
    if not diagnosis or not diagnosis.strip():
        return 0.0
    return _relevance(tuple(conditions), diagnosis.strip())


def rank(items: Sequence[RankInput], diagnosis: str | None) -> list[RankedTrial]:
    """Deterministic order: ineligible last; relevance; open first; fewer unknowns; nearer; trial id."""
    scored = [RankedTrial(item, relevance(item.conditions, diagnosis)) for item in items]
    scored.sort(
        key=lambda r: (
            r.input.evaluation.verdict is Verdict.INELIGIBLE,
            -r.score,
            not r.input.is_open,
            r.input.evaluation.n_unknown,
            r.input.distance_km if r.input.distance_km is not None else float("inf"),
            r.input.evaluation.trial_id,
        )
    )
    return scored
