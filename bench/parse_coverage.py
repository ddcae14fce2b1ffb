"""How much of the registry's eligibility text the engine turns into rules, per rule kind, and how often the
parser agrees with the hand-written gold set.

Criteria come from ``trials.db`` at the repository root when it exists (table ``criteria``: text, section,
context, rule as stored at import), else from the shared registry records split by
``segmentation.split_criteria`` and parsed here. A "lab-threshold criterion" is one where an analyte name is
followed, within 40 characters, by a comparator and a number (not a time span); it is covered when its rule
holds lab or derived-value thresholds and nothing left for review. The gold set gives the same share on
sentences a clinician reads as lab thresholds, where the parse must also match the gold's values.

Run: .venv/bin/python bench/parse_coverage.py [--misses N]
"""

from __future__ import annotations

import argparse
import collections
import json
import sqlite3
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "gold"))

from gold_compare import load_gold, mismatch
from registry_criteria import load_records

from trialmatch.domain.criteria import Rule, parse_criterion, rule_from_json
from trialmatch.domain.criteria.numbers import find_quantities
from trialmatch.domain.criteria.read_labs import analyte_mentions
from trialmatch.domain.criteria.text import Segment
from trialmatch.domain.segmentation import split_criteria
from trialmatch.domain.trial import Section

ROOT = Path(__file__).resolve().parents[1]


def _from_db(path: Path) -> Iterator[tuple[str, Section, str | None, Rule]]:
    with sqlite3.connect(path) as db:
        for text, section, context, rule in db.execute("SELECT text, section, context, rule FROM criteria"):
            yield text, Section(section), context, rule_from_json(rule)


def _from_records() -> Iterator[tuple[str, Section, str | None, Rule]]:
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


def main(misses: int) -> None:
    database = ROOT / "trials.db"
    source = f"{database.name}" if database.exists() else "shared registry records (split_criteria)"
    rows = _from_db(database) if database.exists() else _from_records()
    started = time.perf_counter()
    total = 0
    top: collections.Counter[str] = collections.Counter()
    containing: collections.Counter[str] = collections.Counter()
    lab_candidates = lab_read = 0
    lab_misses: collections.Counter[str] = collections.Counter()
    examples: dict[str, str] = {}
    for text, _section, _context, rule in rows:
        total += 1
        kinds = _kinds(rule)
        top[rule.kind] += 1
        for kind in kinds:
            containing[kind] += 1
        if _states_lab_threshold(text):
            lab_candidates += 1
            if kinds & {"lab", "derived"} and "review" not in kinds:
                lab_read += 1
            else:
                why = getattr(rule, "why", None) or "partly left for review"
                head = why.split(":")[0]
                lab_misses[head] += 1
                examples.setdefault(head, text)
    elapsed = time.perf_counter() - started
    print(f"source: {source}; {total} criteria in {elapsed:.0f} s")
    print("criteria turned into rules, by the rule's kind (top level; 'review' = not read):")
    for kind, count in top.most_common():
        print(f"  {kind:12} {count:7}  {100 * count / total:5.1f} %")
    read = total - top["review"]
    print(f"  read (any kind but review): {read} / {total} = {100 * read / total:.1f} %")
    print("criteria containing a rule of each kind (anywhere in the rule):")
    for kind, count in containing.most_common():
        print(f"  {kind:12} {count:7}  {100 * count / total:5.1f} %")
    share = 100 * lab_read / lab_candidates if lab_candidates else 0.0
    print(f"lab-threshold criteria read fully: {lab_read} / {lab_candidates} = {share:.1f} %")
    gold_read, gold_labs = _gold_lab_share()
    gold_share = 100 * gold_read / gold_labs
    print(f"gold lab-threshold criteria parsed exactly: {gold_read} / {gold_labs} = {gold_share:.1f} %")
    for head, count in lab_misses.most_common(misses):
        print(f"  {count:6}  {head}  e.g. {examples[head][:140]!r}")
    gold = load_gold()
    wrong = [(item, problem) for item in gold if (problem := mismatch(item))]
    print(f"gold set: {len(gold) - len(wrong)} / {len(gold)} criteria read as the gold says")
    for item, problem in wrong[:misses]:
        print(f"  {item['nct']}: {item['text'][:90]!r}: {problem}")
    print(
        json.dumps(
            {
                "total": total,
                "lab_share": round(share, 1),
                "gold_lab": [gold_read, gold_labs],
                "gold": [len(gold) - len(wrong), len(gold)],
            }
        )
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--misses", type=int, default=15, help="how many miss reasons and gold misses to list"
    )
    main(parser.parse_args().misses)
