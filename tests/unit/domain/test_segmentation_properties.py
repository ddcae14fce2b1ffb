"""Properties of split_criteria that hold for any input: it never raises, every item has text, and no word of
a real block is lost (headings aside: their words go to the section or the context)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from trialmatch.domain.segmentation import split_criteria
from trialmatch.domain.trial import Criterion, Section

DATA = Path(__file__).parents[2] / "data"
WORD = re.compile(r"[A-Za-z]{3,}")
HEADING_WORDS = {
    "inclusion", "exclusion", "criteria", "key", "eligibility", "characteristics", "disease", "patient",
    "prior", "concurrent", "therapy", "protocol", "entry", "population", "for",
}  # fmt: skip
LINE_PARTS = st.sampled_from(
    [
        "Inclusion Criteria:",
        "Exclusion Criteria:",
        "Key inclusion criteria",
        "EXCLUSION CRITERIA",
        "DISEASE CHARACTERISTICS:",
        "PATIENT CHARACTERISTICS: Age: 18 and over Performance status: ECOG 0-1",
        "Hepatic:",
        "Laboratory requirements:",
        "-",
        "- ",
        "* ",
        "  * ",
        "1. ",
        "12\\. ",
        "(a) ",
        "ii) ",
        "I8. ",
        "o ",
        "• ",
        "OR",
        "(only for Stratum D)",
        "(Strata A, B and D)",
        "\\>",
        "\\<",
        "",
        "   ",
        "\t",
        "\r",
    ]
)
LINES = st.lists(st.one_of(LINE_PARTS, st.text(max_size=40)), max_size=12).map("".join)


def check(criteria: list[Criterion]) -> None:
    for criterion in criteria:
        assert criterion.text
        assert criterion.text == criterion.text.strip()
        assert criterion.section in (Section.INCLUSION, Section.EXCLUSION)
        assert criterion.context is None or criterion.context.strip()
        assert criterion.stratum is None or all(criterion.strata)


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_any_text_splits_without_error(text):
    check(split_criteria(text))


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(LINES, max_size=25).map("\n".join))
def test_any_arrangement_of_bullets_numbers_and_headings_splits_without_error(text):
    check(split_criteria(text))


def blocks() -> list[Path]:
    return sorted((DATA / "segmentation").glob("*.txt"))


@pytest.mark.parametrize("path", blocks(), ids=lambda path: path.name.split("_")[0])
def test_no_word_of_a_real_block_is_lost(path):
    text = path.read_text(encoding="utf-8")
    criteria = split_criteria(text)
    kept: Counter[str] = Counter()
    for criterion in criteria:
        kept.update(word.lower() for word in WORD.findall(criterion.text))
        kept.update(word.lower() for word in WORD.findall(criterion.context or ""))
    printed = {word.lower() for word in WORD.findall(text)} - HEADING_WORDS
    assert sorted(word for word in printed if word not in kept) == []


def test_no_word_of_a_seed_block_is_lost():
    for number, start, end in [
        ("001", "Inclusion Criteria\n", "25 Years\n"),
        ("002", "Inclusion Criteria:\n", "\n\nTo learn more"),
        ("004", "Inclusion Criteria:\n", "\n\nTo learn more"),
    ]:
        (path,) = (DATA / "seeds").glob(f"{number}_*.txt")
        page = path.read_text(encoding="utf-8")
        text = page[page.index(start) : page.index(end, page.index(start))]
        kept = {w.lower() for c in split_criteria(text) for w in WORD.findall(f"{c.text} {c.context or ''}")}
        assert {w.lower() for w in WORD.findall(text)} - HEADING_WORDS - kept == set(), number
