"""Filters narrow the ranked list without changing a verdict; the bar remembers them, not the search."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from trialmatch.domain.patient import load_patient
from trialmatch.gui.filter_bar import ANY_COUNTRY, ANY_PHASE, FilterBar, Filters

MELANOMA = Path(__file__).parents[1] / "data" / "patients" / "example_melanoma.json"


@pytest.fixture(scope="module")
def rows(loaded):
    patient = load_patient(MELANOMA.read_text(encoding="utf-8"))
    return loaded.matcher.match(patient, patient.as_of)


@pytest.fixture
def bar(qtbot, loaded):
    widget = FilterBar(loaded.countries)
    qtbot.addWidget(widget)
    return widget


def ids(rows):
    return [row.card.trial_id for row in rows]


def test_defaults_show_open_trials_of_any_phase_country_and_distance(bar, rows):
    assert bar.filters() == Filters()
    assert bar.phase.currentText() == ANY_PHASE
    assert bar.country.currentText() == ANY_COUNTRY
    assert bar.max_km.text() == "Any distance"
    assert ids(Filters().apply(rows)) == [
        "NCT02465060",
        "NCT06171568",
        "NCT03459976",
        "NCT03599518",
        "NCT03424005",
        "NCT02679963",
        "NCT03252938",
        "NCT01339988",
    ]


def test_a_combined_phase_counts_for_both_phases(rows):
    phase_two = ids(Filters(open_only=False, phase="Phase 2").apply(rows))
    assert "NCT03424005" in phase_two
    assert "NCT00023673" in phase_two
    assert "NCT03252938" not in phase_two
    assert "NCT03424005" in ids(Filters(open_only=False, phase="Phase 1").apply(rows))


def test_country_accepts_any_spelling_the_gazetteer_knows(rows):
    usa = ids(Filters(open_only=False, country="USA").apply(rows))
    assert usa == ids(Filters(open_only=False, country="United States").apply(rows))
    assert "NCT00023673" in usa
    assert "NCT03252938" not in usa


def test_distance_leaves_out_trials_without_a_placed_site(rows):
    near = Filters(open_only=False, max_km=600).apply(rows)
    assert all(row.distance_km is not None and row.distance_km <= 600 for row in near)
    assert "NCT03252938" in ids(near)
    assert "NCT03599518" not in ids(Filters(open_only=False, max_km=20_000).apply(rows))


def test_set_filters_shows_them_and_emits_once(bar, qtbot):
    chosen = Filters(open_only=False, phase="Phase 3", country="France", max_km=250, hide_ineligible=True)
    with qtbot.waitSignal(bar.filtersChanged) as blocker:
        bar.set_filters(chosen)
    assert blocker.args == [chosen]
    assert bar.filters() == chosen
    emitted = []
    bar.filtersChanged.connect(emitted.append)
    bar.max_km.setValue(0)
    assert emitted == [Filters(open_only=False, phase="Phase 3", country="France", hide_ineligible=True)]


def test_filters_are_remembered_but_the_search_text_is_not(bar, loaded, qtbot, tmp_path):
    settings = QSettings(str(tmp_path / "filters.ini"), QSettings.Format.IniFormat)
    chosen = Filters(open_only=False, phase="Phase 2", country="Germany", max_km=800)
    bar.set_filters(chosen)
    bar.search.setText("melanoma")
    bar.save(settings)
    settings.sync()
    assert "melanoma" not in (tmp_path / "filters.ini").read_text(encoding="utf-8")
    again = FilterBar(loaded.countries)
    qtbot.addWidget(again)
    again.restore(QSettings(str(tmp_path / "filters.ini"), QSettings.Format.IniFormat))
    assert again.filters() == chosen
    assert again.search.text() == ""
