"""The gold set: hand-read real criteria and patient × trial cases, one test each.

``criteria.jsonl`` holds real sentences (seeds, shared registry records and the shipped catalogue, with their
NCT id) and the rule a clinician reads in each; items marked ``gap`` are places the parser is known to read
less than the gold says (always towards review, never towards a wrong threshold) and are expected to fail
until fixed.
``cases/*.json`` run patients through compiled trials and check verdicts, unmet criteria and reasons.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from gold_compare import load_gold, mismatch

from trialmatch.domain.compiled import compile_trial
from trialmatch.domain.evaluation import Outcome, evaluate
from trialmatch.domain.facts import PatientFacts
from trialmatch.domain.patient import load_patient
from trialmatch.domain.trial import Criterion, Section, Sex, Trial

CASES = Path(__file__).resolve().parent / "cases"


def _gold_params() -> list[Any]:
    params = []
    for item in load_gold():
        marks = [pytest.mark.xfail(reason=item["gap"], strict=True)] if "gap" in item else []
        params.append(pytest.param(item, id=f"{item['id']}-{item['nct']}", marks=marks))
    return params


@pytest.mark.parametrize("item", _gold_params())
def test_criterion_reads_as_the_gold_says(item: dict[str, Any]) -> None:
    assert mismatch(item) is None


def test_gold_set_is_large_and_real() -> None:
    gold = load_gold()
    assert len(gold) >= 200
    assert all(item["nct"] and item["text"] and item["source"] for item in gold)
    assert len({item["text"] for item in gold}) == len(gold)


def _case_params() -> list[Any]:
    params = []
    for path in sorted(CASES.glob("*.json")):
        case = json.loads(path.read_text(encoding="utf-8"))
        for run in case["runs"]:
            params.append(pytest.param(case, run, id=f"{case['name']}: {run['name']}"))
    return params


def _trial(spec: dict[str, Any]) -> Trial:
    criteria = [
        Criterion(
            section=Section(c["section"]), text=c["text"], stratum=c.get("stratum"), context=c.get("context")
        )
        for c in spec["criteria"]
    ]
    return Trial(
        id=spec["id"],
        registry="ctgov",
        title=spec["id"],
        criteria=criteria,
        min_age=spec.get("min_age"),
        max_age=spec.get("max_age"),
        sex=Sex(spec.get("sex", "all")),
    )


@pytest.mark.parametrize(("case", "run"), _case_params())
def test_case(case: dict[str, Any], run: dict[str, Any]) -> None:
    patient = load_patient({k: v for k, v in run["patient"].items() if v is not None})
    as_of = date.fromisoformat(run.get("as_of", patient.as_of.isoformat() if patient.as_of else "2026-11-20"))
    evaluation = evaluate(compile_trial(_trial(case["trial"])), PatientFacts(patient, as_of))
    expect = run["expect"]
    assert evaluation.verdict.value == expect["verdict"], evaluation.reason
    unmet = sorted({r.text for r in evaluation.results if r.result is Outcome.FAIL})
    assert unmet == sorted(expect["unmet"])
    if "unknown" in expect:
        assert sorted({r.text for r in evaluation.results if r.result is Outcome.UNKNOWN}) == sorted(
            expect["unknown"]
        )
    if "open_strata" in expect:
        assert list(evaluation.open_strata) == expect["open_strata"]
    if "reason" in expect:
        assert evaluation.reason == expect["reason"]
    if "near_miss" in expect:
        assert evaluation.near_miss == expect["near_miss"]
    by_text = {r.text: r for r in evaluation.results}
    for text, reason in expect.get("reasons", {}).items():
        assert by_text[text].reason == reason
    for text, wanted in expect.get("to_satisfy", {}).items():
        assert by_text[text].to_satisfy == wanted
    for wanted in expect.get("results", []):
        (found,) = [
            r for r in evaluation.results if r.text == wanted["text"] and r.stratum == wanted["stratum"]
        ]
        assert found.result.value == wanted["result"]
        if "reason" in wanted:
            assert found.reason == wanted["reason"]
