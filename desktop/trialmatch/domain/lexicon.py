"""Clinical findings (conditions, history, states) as concepts with the synonyms criteria and clinicians use.

A patient file says ``"HIV infection": false`` and a criterion says "known human immunodeficiency virus";
both must land on the same concept. The table (``resources/lexicon/findings.csv``) holds one row per concept
with its synonyms and parents (liver metastases is a metastatic disease), so the evaluator can reason about a
finding recorded at a different level of detail than the criterion asks for.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files

from rapidfuzz import fuzz, process


@dataclass(frozen=True, slots=True)
class Concept:
    id: str
    label: str
    synonyms: tuple[str, ...]
    """Lower-case, normalised as ``normalise_term`` does."""
    parents: tuple[str, ...]


FUZZY_CUTOFF = 90.0
"""Minimum rapidfuzz ``ratio`` for a typo to resolve ("brian metastases"); below it, unrelated names of the
same length start to meet ("heart failure" / "renal failure" score 85). See test_lexicon for both sides."""

_FILLER = re.compile(
    r"^(?:(?:known|documented|confirmed|diagnosed|diagnosis of|history of|h/o|hx of|hx|prior history of|"
    r"past history of|personal history of)\s+)+"
)
_PARENTHESES = re.compile(r"\([^)]*\)")
_NON_WORD = re.compile(r"[^a-z0-9+/'.<>]+")


def normalise_term(term: str) -> str:
    """Lower-case, hyphens and punctuation to single spaces: "HIV-positive " and "hiv positive" meet."""
    text = term.lower().replace("’", "'").replace("–", "-")
    text = _NON_WORD.sub(" ", text)
    return re.sub(r"\s+", " ", text).strip(" .'/")


def _discriminators(text: str) -> frozenset[str]:
    """Tokens a typo must not change: digits and single letters tell hepatitis B from C, type 1 from 2."""
    return frozenset(t for t in text.split() if len(t) == 1 or any(c.isdigit() for c in t))


@cache
def _tables() -> tuple[tuple[Concept, ...], dict[str, Concept], dict[str, Concept]]:
    text = files("trialmatch_resources").joinpath("lexicon", "findings.csv").read_text(encoding="utf-8")
    concepts = []
    for row in csv.DictReader(io.StringIO(text)):
        synonyms = dict.fromkeys(normalise_term(s) for s in row["synonyms"].split("|") if s.strip())
        concepts.append(
            Concept(
                id=row["id"],
                label=row["label"],
                synonyms=tuple(synonyms),
                parents=tuple(p for p in row["parents"].split("|") if p),
            )
        )
    by_id = {c.id: c for c in concepts}
    by_synonym: dict[str, Concept] = {}
    for concept in concepts:
        for parent in concept.parents:
            if parent not in by_id:
                raise ValueError(f"findings.csv: {concept.id} has unknown parent {parent!r}")
        for synonym in (*concept.synonyms, normalise_term(concept.label), concept.id.replace("_", " ")):
            other = by_synonym.setdefault(synonym, concept)
            if other is not concept:
                raise ValueError(f"findings.csv: {synonym!r} names both {other.id} and {concept.id}")
    return tuple(concepts), by_id, by_synonym


def all_concepts() -> tuple[Concept, ...]:
    return _tables()[0]


def get_concept(concept_id: str) -> Concept:
    """The concept by id; KeyError names the unknown id."""
    return _tables()[1][concept_id]


@cache
def ancestors(concept_id: str) -> frozenset[str]:
    """Every concept above this one (liver_metastases -> metastatic_disease); empty for unknown ids."""
    by_id = _tables()[1]
    found: set[str] = set()
    pending = list(by_id[concept_id].parents) if concept_id in by_id else []
    while pending:
        parent = pending.pop()
        if parent not in found:
            found.add(parent)
            pending.extend(by_id[parent].parents)
    return frozenset(found)


@cache
def descendants(concept_id: str) -> frozenset[str]:
    """Every concept below this one (cns_metastases -> brain_metastases, leptomeningeal_disease, ...)."""
    return frozenset(c.id for c in all_concepts() if concept_id in ancestors(c.id))


@lru_cache(maxsize=4096)
def resolve_finding(term: str) -> Concept | None:
    """The concept a clinician's or registry's term names: exact synonym first, then a close typo; else None.

    Leading qualifiers that do not change the concept ("known", "history of") and parenthesised remarks are
    dropped before matching. A fuzzy match must keep every digit and single letter ("hepatitis d" is not B).
    """
    by_synonym = _tables()[2]
    for candidate in (normalise_term(term), normalise_term(_PARENTHESES.sub(" ", term))):
        for form in (candidate, _FILLER.sub("", candidate)):
            if form in by_synonym:
                return by_synonym[form]
    query = _FILLER.sub("", normalise_term(_PARENTHESES.sub(" ", term)))
    if not query:
        return None
    wanted = _discriminators(query)
    for synonym, _score, _ in process.extract(
        query, list(by_synonym), scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=5
    ):
        if _discriminators(synonym) == wanted:
            return by_synonym[synonym]
    return None


def _synonym_pattern(synonym: str) -> str:
    """A synonym as a regex over raw text: spaces match any run of spaces or hyphens, and vice versa."""
    words = [re.escape(w) for w in synonym.split(" ")]
    return r"[\s\-]+".join(words)


@cache
def _mention_patterns() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, Concept]]:
    """Two alternations, longest synonym first: words match in any case, short abbreviations only in capitals.

    "AIDS", "MI", "PE" and "TB" are reliable in capitals; in lower case they are ordinary words or noise
    ("hearing aids", "pe" in a URL) more often than not.
    """
    by_synonym = _tables()[2]
    words: list[str] = []
    abbreviations: list[str] = []
    for synonym in sorted(by_synonym, key=len, reverse=True):
        if " " not in synonym and len(synonym) <= 4 and synonym.isalnum():
            abbreviations.append(re.escape(synonym.upper()))
        else:
            words.append(_synonym_pattern(synonym))
    boundary_left, boundary_right = r"(?<![A-Za-z0-9])", r"(?![A-Za-z0-9])"
    word_pattern = re.compile(f"{boundary_left}(?:{'|'.join(words)}){boundary_right}", re.IGNORECASE)
    abbreviation_pattern = re.compile(f"{boundary_left}(?:{'|'.join(abbreviations)}){boundary_right}")
    return word_pattern, abbreviation_pattern, by_synonym


def find_concepts(text: str) -> list[tuple[int, int, Concept]]:
    """Concept mentions in free text as (start, end, concept), in text order; the longest mention wins."""
    word_pattern, abbreviation_pattern, by_synonym = _mention_patterns()
    found: list[tuple[int, int, Concept]] = []
    for pattern in (word_pattern, abbreviation_pattern):
        for match in pattern.finditer(text):
            concept = by_synonym.get(normalise_term(match.group(0)))
            if concept is not None:
                found.append((match.start(), match.end(), concept))
    found.sort(key=lambda span: (span[0], -(span[1] - span[0])))
    kept: list[tuple[int, int, Concept]] = []
    for span in found:
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept
