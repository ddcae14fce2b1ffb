"""Compare a parsed rule with the gold expectation written by hand for its sentence.

An expectation names the fields that matter to a clinician (kind, analyte, comparator, value, unit, multiple
of ULN, exceptions, strata, concept, polarity, window...); fields it leaves out are not compared. Lists of
children, exceptions and strata match in any order, one expected item per actual item.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from trialmatch.domain.criteria import Rule, parse_criterion
from trialmatch.domain.trial import Section

GOLD = Path(__file__).resolve().parent / "criteria.jsonl"


def load_gold() -> list[dict[str, Any]]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


def parse_item(item: dict[str, Any]) -> Rule:
    return parse_criterion(item["text"], Section(item["section"]), item.get("context"))


def mismatch(item: dict[str, Any]) -> str | None:
    """None when the parser reads the sentence as the gold says; else what differs."""
    actual = parse_item(item).model_dump(mode="json")
    return _compare(item["expect"], actual, "rule")


def _compare(expected: Any, actual: Any, where: str) -> str | None:
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return f"{where}: expected an object, got {actual!r}"
        for key, wanted in expected.items():
            if key == "exception_concepts":
                got = sorted(e["concept"] for e in actual.get("exceptions", []) if e.get("concept"))
                if sorted(wanted) != got:
                    return f"{where}.exceptions: expected concepts {sorted(wanted)}, got {got}"
                continue
            if key == "categories_include":
                missing = set(wanted) - set(actual.get("categories", []))
                if missing:
                    return f"{where}.categories: missing {sorted(missing)} in {actual.get('categories')}"
                continue
            if key not in actual:
                return f"{where}: no field {key!r} in a {actual.get('kind', 'part')} ({actual})"
            problem = _compare(wanted, actual[key], f"{where}.{key}")
            if problem:
                return problem
        return None
    if isinstance(expected, list):
        if not isinstance(actual, list) or len(actual) != len(expected):
            return f"{where}: expected {len(expected)} items, got {actual!r}"
        remaining = list(actual)
        for wanted in expected:
            found = next((a for a in remaining if _compare(wanted, a, where) is None), None)
            if found is None:
                return f"{where}: nothing matches {wanted} in {remaining}"
            remaining.remove(found)
        return None
    if (
        isinstance(expected, float | int)
        and not isinstance(expected, bool)
        and isinstance(actual, float | int)
    ):
        return (
            None
            if math.isclose(expected, actual, rel_tol=1e-9)
            else f"{where}: expected {expected}, got {actual}"
        )
    return None if expected == actual else f"{where}: expected {expected!r}, got {actual!r}"
