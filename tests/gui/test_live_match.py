"""Live re-ranking: edits are debounced, one match runs at a time, and only the newest answer is shown."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from trialmatch.domain.patient import Patient, load_patient
from trialmatch.gui.live_match import LiveMatcher, MatchRequest

MELANOMA = Path(__file__).parents[1] / "data" / "patients" / "example_melanoma.json"


@pytest.fixture
def live(qtbot, context, loaded):
    matcher = LiveMatcher(context.runner, debounce_ms=100)
    matcher.set_matcher(loaded.matcher)
    return matcher


def request(age: float) -> MatchRequest:
    patient = load_patient(MELANOMA.read_text(encoding="utf-8")).model_copy(update={"age": age})
    assert isinstance(patient, Patient)
    assert patient.as_of is not None
    return MatchRequest(patient, patient.as_of, {}, None, time.perf_counter())


def test_keystrokes_within_the_debounce_give_one_match_for_the_last(live, qtbot):
    results = []
    live.resultsReady.connect(results.append)
    for age in (6, 62, 17):
        live.request(request(age))
    assert not live.is_idle()
    qtbot.waitUntil(live.is_idle, timeout=10_000)
    assert [r.request.patient.age for r in results] == [17]
    (result,) = results
    assert result.generation == 1
    assert result.finished_at >= result.started_at >= result.launched_at > result.request.requested_at
    verdicts = {row.card.trial_id: row.verdict.value for row in result.rows}
    assert verdicts["NCT03252938"] == "ineligible"


def test_a_result_overtaken_by_a_newer_request_is_dropped(live, qtbot):
    results = []
    live.resultsReady.connect(results.append)
    live.request(request(62), debounce=False)
    live.request(request(17), debounce=False)
    qtbot.waitUntil(live.is_idle, timeout=10_000)
    assert [(r.generation, r.request.patient.age) for r in results] == [(2, 17)]


def test_search_restricts_what_is_matched(live, qtbot, loaded):
    results = []
    live.resultsReady.connect(results.append)
    only = frozenset(loaded.catalogue.search("nivolumab"))
    assert only == {"NCT01642004", "NCT02481830", "NCT02465060"}
    base = request(62)
    live.request(MatchRequest(base.patient, base.as_of, {}, only, base.requested_at), debounce=False)
    qtbot.waitUntil(live.is_idle, timeout=10_000)
    assert {row.card.trial_id for row in results[0].rows} == only
