"""Reader for cancer stage criteria: "Any stage IV malignancy", "Stage III or IV melanoma", "Clinical or
pathologic stage II - IV", "stage IIIB/IV NSCLC", "Stage IIIB or higher".

The stage list may be a range ("II - IV", "IB-IIIA") or open-ended ("IIIB or higher"); both are expanded to
the stages they cover. Words the criterion adds are either filler ("histologically confirmed", "metastatic",
"cancer") or the disease the stages belong to ("ovarian cancer"), kept as printed so the check can compare
it with the patient's diagnosis. Stages of other conditions (CKD, pressure ulcers, NYHA, Tanner) are not
cancer stages, nor is "Stage 1" alone (a study part, unless a cancer is named: cancers are staged in roman
numerals): the reader leaves them to the others; words that narrow the statement ("recurrent",
"unresectable", "with bulky disease") leave it for review.
"""

from __future__ import annotations

import re

from trialmatch.domain.criteria.reading.text import FILLER, Read, Segment, word_set
from trialmatch.domain.criteria.stage import Stage, StageRule, parse_stage, stage_name

_ITEM = r"(?:iv|iii|ii|i|[0-4])[a-d]?(?![a-z0-9])"
_SEPARATOR = r"\s*(?:,\s*(?:or|and)?|/|and\s*/\s*or|or|and|-|–|to|through|&)\s*(?:stage\s*)?"
_STAGES = re.compile(
    r"(?<![a-z-])stages?\s*(?:(?P<ge>≥|>=|at\s+least)\s*)?(?P<list>"
    + _ITEM
    + r"(?:"
    + _SEPARATOR
    + _ITEM
    + r")*)"
    r"(?:\s*(?:or|and)\s+(?P<up>higher|greater|above|more|beyond|later|worse)(?![a-z]))?"
)
_ITEMS = re.compile(r"(?P<item>" + _ITEM + r")|(?P<range>-|–|to|through)")
_WORD = re.compile(r"[a-z0-9][a-z0-9'+]*")

_STAGE_FILLER = word_set(
    """
    histologically cytologically pathologically confirmed proven documented diagnosis diagnosed newly clinical
    clinically pathologic pathological any advanced metastatic disease diseases malignancy malignancies cancer
    cancers tumor tumors tumour tumours carcinoma carcinomas neoplasm neoplasms ajcc uicc figo tnm edition
    according staging classification system ann arbor cog inss
    """
)
_GENERIC = word_set(
    "disease diseases malignancy malignancies cancer cancers tumor tumors tumour tumours carcinoma "
    "carcinomas neoplasm neoplasms"
)
_NON_CANCER = word_set(
    """
    kidney renal ckd ulcer ulcers pressure heart failure hf nyha hypertension periodontitis hoehn yahr
    parkinson parkinson's tanner wagner lymphedema lymphoedema fibrosis copd gold sleep dementia end liver
    cirrhosis gvhd
    chf wound decubitus glaucoma ecog who karnofsky performance ashworth spasticity alzheimer's alzheimer
    gestation pregnancy labor labour hiv aids osteoarthritis obesity retinopathy nephropathy bclc child pugh
    criteria criterion inclusion exclusion study part phase cohort trial screening arm dose
    """
)
"""Stages that are not cancer stages: of other conditions, or of the study ("Inclusion Criteria Stage 1")."""
_NARROWING = word_set(
    """
    no not recurrent relapsed refractory unresectable resectable operable inoperable bulky limited extensive
    locally debulked suboptimally optimally remission symptomatic asymptomatic only except without prior
    previous previously treated untreated history
    """
)


def read_stage(segment: Segment) -> Read | None:
    """The stage rule of a criterion naming cancer stages; None when it names none (or other stages)."""
    text = segment.norm[segment.start : segment.end]
    if "stage" not in text:
        return None
    match = _STAGES.search(segment.norm, segment.start, segment.end)
    if match is None:
        return None
    words = [w for w in _WORD.finditer(segment.norm, segment.start, segment.end) if not _within(w, match)]
    names = {w.group(0) for w in words}
    if names & _NON_CANCER:
        return None
    if names & _NARROWING:
        narrowing = sorted(names & _NARROWING)
        return Read.failed(f"a stage criterion narrowed by: {' '.join(narrowing)}")
    stages = _expand(match)
    if stages is None:
        return Read.failed(f"stages not understood: '{segment.quote(*match.span())}'")
    disease = _disease(segment, words, match)
    if isinstance(disease, Read):
        return disease
    if disease is None:
        disease = next((d for system, d in _SYSTEMS if system <= names), None)
    if disease is None and not names & _GENERIC and re.search(r"\d", match.group("list")):
        return None
    return Read(StageRule(source_span=segment.span, stages=stages, disease=disease))


_SYSTEMS = ((frozenset({"ann", "arbor"}), "lymphoma"), (frozenset({"inss"}), "neuroblastoma"))
"""A staging system of one disease names it: Ann Arbor stage IV is a lymphoma's, never a melanoma's."""


def _within(word: re.Match[str], match: re.Match[str]) -> bool:
    return match.start() <= word.start() and word.end() <= match.end()


def _expand(match: re.Match[str]) -> list[str] | None:
    """The stages a list names: "IIIA, IIIB, or IV"; "II - IV" is II, III, IV; "IIIB or higher" runs to IV."""
    found: list[Stage] = []
    ranged = False
    for part in _ITEMS.finditer(match.group("list")):
        if part.group("range"):
            ranged = True
            continue
        stage = parse_stage(part.group("item"))
        if stage is None:
            return None
        if ranged and found:
            found.extend(_between(found.pop(), stage))
        else:
            found.append(stage)
        ranged = False
    if match.group("ge") or match.group("up"):
        if len(found) != 1:
            return None
        found = _between(found[0], (4, None))
    names = list(dict.fromkeys(stage_name(s) for s in found))
    return names or None


def _between(first: Stage, last: Stage) -> list[Stage]:
    """Every stage from ``first`` to ``last``: whole stages between, the sub-stages named at each end."""
    (low, low_sub), (high, high_sub) = first, last
    if (high, high_sub or "Z") < (low, low_sub or ""):
        return [first, last]
    if low == high:
        return [(low, letter) for letter in "ABCD" if (low_sub or "A") <= letter <= (high_sub or "D")]
    stages: list[Stage] = (
        [(low, letter) for letter in "ABCD" if letter >= low_sub] if low_sub else [(low, None)]
    )
    stages += [(number, None) for number in range(low + 1, high)]
    stages += [(high, letter) for letter in "ABCD" if letter <= high_sub] if high_sub else [(high, None)]
    return stages


def _disease(segment: Segment, words: list[re.Match[str]], match: re.Match[str]) -> Read | str | None:
    """The disease the stages belong to, as printed ("ovarian cancer"); None when only generic words stay."""
    named = [w for w in words if w.group(0) not in FILLER and w.group(0) not in _STAGE_FILLER]
    if not named:
        return None
    if any(
        re.search(r"\d", w.group(0)) and not re.fullmatch(r"\d+(?:st|nd|rd|th)", w.group(0)) for w in named
    ):
        return Read.failed("numbers beside the stage are not understood")
    first, last = named[0], named[-1]
    if not (first.start() > match.end() or last.end() < match.start()):
        return Read.failed("disease words on both sides of the stage")
    between = [w for w in words if first.start() <= w.start() <= last.start()]
    gap = [
        w
        for w in words
        if match.end() <= w.start() < first.start() or last.end() <= w.start() < match.start()
    ]
    if any(w.group(0) in FILLER for w in between) or any(w.group(0) not in _STAGE_FILLER for w in gap):
        return Read.failed(f"disease not understood: '{segment.quote(first.start(), last.end())}'")
    end = last.end()
    following = [w for w in words if w.start() >= end]
    for word in following:
        if word.group(0) not in _GENERIC or segment.norm[end : word.start()].strip():
            break
        end = word.end()
    return segment.quote(first.start(), end)
