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
"""Minimum rapidfuzz ``ratio`` for a typo to resolve ("brian metastases" scores 93.8); just below it different
conditions meet ("hyperthyroidism" / "hypothyroidism" score 89.7). test_lexicon holds both sides."""

_FILLER = re.compile(
    r"^(?:(?:known|documented|confirmed|diagnosed|diagnosis of|history of|h/o|hx of|hx|prior history of|"
    r"past history of|personal history of)\s+)+"
)
_PARENTHESES = re.compile(r"\([^)]*\)")
_TOKEN = re.compile(r"[A-Za-z0-9+]+(?:['./][A-Za-z0-9+]+)*")
"""A word as criteria write it: "HER2+", "Crohn's", "her2/neu" and "1.1" stay whole; hyphens separate."""


def _tokens(text: str) -> list[re.Match[str]]:
    return list(_TOKEN.finditer(text.replace("’", "'")))


def normalise_term(term: str) -> str:
    """Lower-case words separated by single spaces: "HIV-positive " and "hiv positive" meet."""
    return " ".join(m.group(0).lower() for m in _tokens(term))


def _typo_of(query: str, synonym: str) -> bool:
    """Word by word, could ``query`` be ``synonym`` mistyped? Short words, numbers, first letters must agree.

    That keeps apart what differs by one meaningful letter: hepatitis B / C / D, HBV / HCV / HDV, type 1 / 2,
    treated / untreated, stable / unstable.
    """
    query_words, synonym_words = query.split(), synonym.split()
    if len(query_words) != len(synonym_words):
        return False
    for q, s in zip(query_words, synonym_words, strict=True):
        if q == s:
            continue
        if min(len(q), len(s)) <= 3 or q[0] != s[0] or any(c.isdigit() for c in q + s):
            return False
    return True


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


_ACTIVE = re.compile(r"\s*(?:active|current|ongoing)\s+", re.IGNORECASE)


def says_active(term: str, concept: Concept) -> bool:
    """Whether ``term`` is "active ..." of a concept the word does not change ("active hepatitis B" is
    hepatitis B, "active brain metastases" a concept of its own): the patient records whether the finding is
    active now, and "active hepatitis B": false says nothing of a past one."""
    active = _ACTIVE.match(term)
    if active is None:
        return False
    bare = resolve_finding(term[active.end() :])
    return bare is not None and bare.id == concept.id


@lru_cache(maxsize=4096)
def resolve_finding(term: str) -> Concept | None:
    """The concept a clinician's or registry's term names: exact synonym first, then a close typo; else None.

    Leading qualifiers that do not change the concept ("known", "history of") and parenthesised remarks are
    dropped before matching. A fuzzy match must be a plausible typo word by word ("hepatitis d" is not B).
    """
    by_synonym = _tables()[2]
    for candidate in (normalise_term(term), normalise_term(_PARENTHESES.sub(" ", term))):
        for form in (candidate, _FILLER.sub("", candidate)):
            if form in by_synonym:
                return by_synonym[form]
    query = _FILLER.sub("", normalise_term(_PARENTHESES.sub(" ", term)))
    if not query:
        return None
    for synonym, _score, _ in process.extract(
        query, _synonyms(), scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=5
    ):
        if _typo_of(query, synonym):
            return by_synonym[synonym]
    return None


@cache
def _synonyms() -> tuple[str, ...]:
    return tuple(_tables()[2])


@dataclass(frozen=True, slots=True)
class _MentionIndex:
    by_synonym: dict[str, Concept]
    prefixes: frozenset[str]
    """Every word-prefix of a synonym: a key that is none stops the extension."""
    starts: frozenset[str]
    """The words a mention can start with (most words of a criterion are none of them)."""
    longest: int
    """The longest synonym, in words."""
    words: frozenset[str]
    """Every word of a synonym ("and/or" in "ER and/or PR positive")."""


@cache
def _mention_index() -> _MentionIndex:
    by_synonym = _tables()[2]
    prefixes = {" ".join(words[:n]) for words in map(str.split, by_synonym) for n in range(1, len(words))}
    starts = frozenset(key for key in (*by_synonym, *prefixes) if key and " " not in key)
    words = frozenset(word for synonym in by_synonym for word in synonym.split())
    longest = max(len(s.split()) for s in by_synonym)
    return _MentionIndex(by_synonym, frozenset(prefixes), starts, longest, words)


def _is_abbreviation(synonym: str) -> bool:
    """Short one-word synonyms ("aids", "mi", "pe", "tb") that only count as mentions in capitals.

    In capitals they are reliable; in lower case they are ordinary words or noise ("hearing aids").
    """
    return " " not in synonym and len(synonym) <= 4 and synonym.isalnum()


_SLASHED_PART = re.compile(r"[A-Za-z0-9+]+(?:['.][A-Za-z0-9+]+)*")


def _mention_tokens(text: str, index: _MentionIndex) -> list[re.Match[str]]:
    """The words of ``text``, a slash joining two of them ("unstable angina/acute myocardial infarction")
    splitting them unless a synonym holds them so ("HIV/AIDS", "QT/QTc prolongation", "ER and/or PR")."""
    tokens = _tokens(text)
    if "/" not in text:
        return tokens
    split: list[re.Match[str]] = []
    for token in tokens:
        word = token.group(0).lower()
        if "/" in word and word not in index.words:
            split.extend(_SLASHED_PART.finditer(token.string, token.start(), token.end()))
        else:
            split.append(token)
    return split


def _in_capitals(word: str) -> bool:
    """ "TDP", and "TdP" as registries print torsades de pointes: a capital after the first letter marks an
    abbreviation, where "All" opening a sentence is a word."""
    return word.isupper() or any(c.isupper() for c in word[1:])


def find_concepts(text: str) -> list[tuple[int, int, Concept]]:
    """Concept mentions in free text as (start, end, concept), in text order; the longest mention wins.

    A scan over words with dictionary lookups, not a regex alternation: criteria texts run to thousands of
    characters and the engine reads every one. Only words that can start a mention start a lookup.
    """
    index = _mention_index()
    tokens = _mention_tokens(text, index)
    words = [t.group(0).lower() for t in tokens]
    found: list[tuple[int, int, Concept]] = []
    resume = 0
    for start in [i for i, word in enumerate(words) if word in index.starts]:
        if start < resume:
            continue
        match: tuple[int, Concept] | None = None
        key = ""
        for end in range(start, min(start + index.longest, len(tokens))):
            key = f"{key} {words[end]}" if key else words[end]
            concept = index.by_synonym.get(key)
            if concept is not None and (not _is_abbreviation(key) or _in_capitals(tokens[start].group(0))):
                match = (end, concept)
            if key not in index.prefixes:
                break
        if match is not None:
            end, concept = match
            found.append((tokens[start].start(), tokens[end].end(), concept))
            resume = end + 1
    return found
