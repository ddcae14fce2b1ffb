"""How much of the registry's eligibility text the engine turns into rules, per rule kind, how often the
parser agrees with the hand-written gold set, and what parsing costs per criterion.

Two populations are measured. The shipped catalogue (``trials.db`` at the repository root, or ``--db``: table
``criteria`` with text, section, context and the rule as stored at import) gives the issue's acceptance
figure, also split by the shared registry index's oncology flag; the registry-wide figure parses every shared
registry record split by ``segmentation.split_criteria`` (``--no-registry`` skips it, it takes half a minute).
A "lab-threshold criterion" is one where an analyte name is followed, within 40 characters, by a comparator
and a number (not a time span); it is covered (the strict figure, "read fully") when its rule holds lab or
derived-value thresholds and nothing left for review. The second figure, "thresholds read, rest for review",
counts the others whose rule holds lab or derived-value thresholds beside a part left for review (a partial
reading, ``read_partial``, or a sentence not read): the thresholds decide where the rest cannot turn them, the
rest is still the clinician's. The two never overlap, and their sum is the share where some threshold is read.
The gold set gives the same share on sentences a clinician reads as lab thresholds, where the parse must also
match the gold's values.

The parse cost re-parses every catalogue criterion (``--runs`` times, the fastest run counts) and prints the
mean µs per criterion; at the import's target of 1,000 trials/s and some 17 criteria a trial, parsing alone
would have to stay near 60 µs per criterion per core, less what parsing each distinct text once saves.

Run: .venv/bin/python bench/parse_coverage.py [--db PATH] [--misses N] [--runs N] [--no-registry]
"""

from __future__ import annotations

import argparse
import collections
import gc
import json
import sqlite3
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "gold"))

from gold_compare import load_gold, mismatch
from registry_criteria import load_records, oncology_trials

from trialmatch.domain.criteria import Rule, parse_criterion, rule_from_json
from trialmatch.domain.criteria.reading.numbers import find_quantities
from trialmatch.domain.criteria.reading.read_labs import analyte_mentions
from trialmatch.domain.criteria.reading.text import Segment
from trialmatch.domain.segmentation import split_criteria
from trialmatch.domain.trial import Section

ROOT = Path(__file__).resolve().parents[1]

Row = tuple[str, Section, str | None, Rule]


def _from_db(path: Path) -> Iterator[Row]:
    with sqlite3.connect(path) as db:
        for text, section, context, rule in db.execute("SELECT text, section, context, rule FROM criteria"):
            yield text, Section(section), context, rule_from_json(rule)


def _from_records() -> Iterator[Row]:
    for record in load_records():
        for criterion in split_criteria(record.eligibility):
            rule = parse_criterion(criterion.text, criterion.section, criterion.context)
            yield criterion.text, criterion.section, criterion.context, rule


def _kinds(rule: Rule) -> set[str]:
    found = {rule.kind}
    for child in getattr(rule, "children", []):
        found |= _kinds(child)
    return found


def _states_lab_threshold(text: str) -> bool:
    segment = Segment.of(text)
    mentions = analyte_mentions(segment)
    if not mentions:
        return False
    quantities = [
        q
        for q in find_quantities(segment.norm, segment.printed)
        if q.comparator is not None and not q.time_unit
    ]
    return any(0 <= q.start - end <= 40 for _, end in mentions for q in quantities)


@dataclass
class Coverage:
    """Kinds and lab-threshold share over one population of criteria."""

    total: int = 0
    top: collections.Counter[str] = field(default_factory=collections.Counter)
    containing: collections.Counter[str] = field(default_factory=collections.Counter)
    lab_candidates: int = 0
    lab_read: int = 0
    lab_partial: int = 0
    lab_misses: collections.Counter[str] = field(default_factory=collections.Counter)
    examples: dict[str, str] = field(default_factory=dict)

    @property
    def lab_share(self) -> float:
        return 100 * self.lab_read / self.lab_candidates if self.lab_candidates else 0.0

    @property
    def partial_share(self) -> float:
        return 100 * self.lab_partial / self.lab_candidates if self.lab_candidates else 0.0

    def add(self, text: str, rule: Rule) -> None:
        self.total += 1
        kinds = _kinds(rule)
        self.top[rule.kind] += 1
        for kind in kinds:
            self.containing[kind] += 1
        if not _states_lab_threshold(text):
            return
        self.lab_candidates += 1
        if kinds & {"lab", "derived"} and "review" not in kinds:
            self.lab_read += 1
            return
        if kinds & {"lab", "derived"}:
            self.lab_partial += 1
        why = getattr(rule, "why", None) or "partly left for review"
        head = why.split(":")[0]
        self.lab_misses[head] += 1
        self.examples.setdefault(head, text)


def _measure(rows: Iterable[Row]) -> tuple[Coverage, float]:
    started = time.perf_counter()
    coverage = Coverage()
    for text, _section, _context, rule in rows:
        coverage.add(text, rule)
    return coverage, time.perf_counter() - started


def _split_by_oncology(path: Path) -> tuple[Coverage, Coverage]:
    """The catalogue's figure over the trials the registry index flags as oncology, and over the rest.

    The catalogue ships every open trial, oncology or not (a patient with cancer may also qualify for a
    supportive-care or infection trial), so the product owner can see which part holds the misses.
    """
    oncology = oncology_trials()
    flagged, rest = Coverage(), Coverage()
    with sqlite3.connect(path) as db:
        for trial_id, text, rule in db.execute("SELECT trial_id, text, rule FROM criteria"):
            (flagged if trial_id in oncology else rest).add(text, rule_from_json(rule))
    return flagged, rest


def _print_kinds(coverage: Coverage) -> None:
    total = coverage.total
    print("  criteria turned into rules, by the rule's kind (top level; 'review' = not read):")
    for kind, count in coverage.top.most_common():
        print(f"    {kind:12} {count:7}  {100 * count / total:5.1f} %")
    read = total - coverage.top["review"]
    print(f"    read (any kind but review): {read} / {total} = {100 * read / total:.1f} %")
    print("  criteria containing a rule of each kind (anywhere in the rule):")
    for kind, count in coverage.containing.most_common():
        print(f"    {kind:12} {count:7}  {100 * count / total:5.1f} %")


def _print_lab_share(label: str, coverage: Coverage, misses: int) -> None:
    print(
        f"  lab-threshold criteria read fully ({label}): "
        f"{coverage.lab_read} / {coverage.lab_candidates} = {coverage.lab_share:.1f} %; "
        f"thresholds read, rest for review: {coverage.lab_partial} / {coverage.lab_candidates} = "
        f"{coverage.partial_share:.1f} %"
    )
    for head, count in coverage.lab_misses.most_common(misses):
        print(f"    {count:6}  {head}  e.g. {coverage.examples[head][:120]!r}")


def _parse_cost(path: Path, runs: int) -> tuple[int, float]:
    """Mean µs per criterion over every catalogue criterion, the fastest of ``runs`` passes."""
    with sqlite3.connect(path) as db:
        rows = [
            (text, Section(section), context)
            for text, section, context in db.execute("SELECT text, section, context FROM criteria")
        ]
    for text, section, context in rows[:2000]:  # first use loads the lexicons and compiles the patterns
        parse_criterion(text, section, context)
    best = float("inf")
    gc.disable()
    try:
        for _ in range(runs):
            started = time.perf_counter()
            for text, section, context in rows:
                parse_criterion(text, section, context)
            best = min(best, time.perf_counter() - started)
    finally:
        gc.enable()
    return len(rows), 1e6 * best / len(rows)


def _kinds_of_spec(spec: dict[str, Any]) -> set[str]:
    found = {str(spec["kind"])}
    for child in spec.get("children", []):
        found |= _kinds_of_spec(child)
    return found


def _gold_lab_share() -> tuple[int, int]:
    """Gold items a clinician reads as lab/derived thresholds only: how many parse exactly so."""
    items = [
        item
        for item in load_gold()
        if _kinds_of_spec(item["expect"]) <= {"lab", "derived", "any_of", "all_of"}
    ]
    items = [item for item in items if _kinds_of_spec(item["expect"]) & {"lab", "derived"}]
    return sum(1 for item in items if mismatch(item) is None), len(items)


def main(database: Path, misses: int, runs: int, registry: bool) -> None:
    summary: dict[str, Any] = {}
    if database.exists():
        catalogue, elapsed = _measure(_from_db(database))
        print(
            f"shipped catalogue {database.name}: {catalogue.total} criteria, stored rules ({elapsed:.0f} s)"
        )
        _print_kinds(catalogue)
        _print_lab_share("shipped catalogue", catalogue, misses)
        flagged, rest = _split_by_oncology(database)
        if flagged.total:
            _print_lab_share("catalogue trials the registry flags as oncology", flagged, 0)
            _print_lab_share("the other catalogue trials, seeds and fixtures included", rest, 0)
        count, micros = _parse_cost(database, runs)
        print(f"  parse cost: {micros:.1f} µs per criterion (mean over {count}, fastest of {runs} runs)")
        summary |= {
            "catalogue_lab_share": round(catalogue.lab_share, 1),
            "catalogue_lab_partial_share": round(catalogue.partial_share, 1),
            "us_per_criterion": round(micros, 1),
        }
    else:
        print(f"no catalogue at {database}: build it with `.venv/bin/trialmatch catalogue build`")
    if registry:
        records, elapsed = _measure(_from_records())
        print(f"registry-wide (shared records split and parsed): {records.total} criteria ({elapsed:.0f} s)")
        _print_lab_share("registry-wide", records, misses if not database.exists() else 0)
        summary["registry_lab_share"] = round(records.lab_share, 1)
        summary["registry_lab_partial_share"] = round(records.partial_share, 1)
    gold_read, gold_labs = _gold_lab_share()
    print(
        f"gold lab-threshold criteria parsed exactly: {gold_read} / {gold_labs} = "
        f"{100 * gold_read / gold_labs:.1f} %"
    )
    gold = load_gold()
    wrong = [(item, problem) for item in gold if (problem := mismatch(item))]
    print(f"gold set: {len(gold) - len(wrong)} / {len(gold)} criteria read as the gold says")
    for item, problem in wrong[:misses]:
        print(f"  {item['nct']}: {item['text'][:90]!r}: {problem}")
    summary |= {"gold_lab": [gold_read, gold_labs], "gold": [len(gold) - len(wrong), len(gold)]}
    print(json.dumps(summary))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, default=ROOT / "trials.db", help="the catalogue to measure")
    parser.add_argument(
        "--misses", type=int, default=15, help="how many miss reasons and gold misses to list"
    )
    parser.add_argument("--runs", type=int, default=3, help="parse passes for the cost (fastest counts)")
    parser.add_argument("--no-registry", action="store_true", help="skip the registry-wide figure")
    arguments = parser.parse_args()
    main(arguments.db, arguments.misses, arguments.runs, not arguments.no_registry)
