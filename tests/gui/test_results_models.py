"""The table models: thin, correct adapters (Qt's model tester) showing exactly what a clinician reads."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt

from trialmatch.app.report import sites_by_distance
from trialmatch.domain.evaluation import Verdict
from trialmatch.domain.patient import load_patient
from trialmatch.gui.models import ContactsModel, ResultsModel, SitesModel, contact_rows

MELANOMA = Path(__file__).parents[1] / "data" / "patients" / "example_melanoma.json"


@pytest.fixture(scope="module")
def rows(loaded):
    patient = load_patient(MELANOMA.read_text(encoding="utf-8"))
    return loaded.matcher.match(patient, patient.as_of)


def test_results_model_passes_the_model_tester_and_shows_rank_verdict_counts_and_distance(
    qtmodeltester, context, rows
):
    model = ResultsModel(context.icons.verdict)
    qtmodeltester.check(model)
    model.set_rows(rows)
    qtmodeltester.check(model)
    assert model.rowCount() == 27
    assert model.columnCount() == 8
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(8)]
    assert headers == [
        "Verdict",
        "Trial",
        "Phase",
        "Status",
        "Unmet",
        "Unknown",
        "Nearest site",
        "Distance",
    ]
    last = model.rowCount() - 1
    assert [model.text(last, c) for c in (0, 2, 3, 4)] == [
        "Ineligible",
        "Phase 1/2",
        "Completed",
        "1",
    ]
    assert model.position("NCT00023673") == last
    index = model.index(last, ResultsModel.VERDICT)
    assert model.data(index, Qt.ItemDataRole.DecorationRole).cacheKey() == (
        context.icons.verdict[Verdict.INELIGIBLE].cacheKey()
    )
    assert model.data(index, Qt.ItemDataRole.UserRole) == "NCT00023673"
    assert model.data(index, Qt.ItemDataRole.ToolTipRole).startswith(
        "Radiation Therapy Combined With Paclitaxel and Carboplatin in Treating Patients With Stage III "
        "Non-Small Cell Lung Cancer\nNCT00023673: AST 88 U/L is 2.2 × ULN (40 U/L)"
    )
    lyon = model.position("NCT03424005")
    assert [model.text(lyon, c) for c in (6, 7)] == ["Centre Léon Bérard, Lyon, France", "0 km"]
    assert model.data(model.index(lyon, 7), Qt.ItemDataRole.TextAlignmentRole) == int(
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    )
    unplaced = model.position("NCT03599518")
    assert [model.text(unplaced, c) for c in (6, 7)] == ["", ""]
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.data(QModelIndex()) is None


def test_contacts_model_lists_trial_contacts_then_each_sites(qtmodeltester, loaded):
    trial = loaded.matcher.trial("NCT03252938")
    model = ContactsModel()
    model.set_contacts(contact_rows(trial, sites_by_distance(trial, "Lyon, France")))
    qtmodeltester.check(model)
    assert model.rowCount() == 7
    assert [model.text(1, c) for c in range(5)] == [
        "Regina Eickhoff, PhD",
        "Central contact",
        "+49 69 7601 ext 4165",
        "eickhoff.regina@ikf-khnw.de",
        "Trial",
    ]
    assert [model.text(6, c) for c in (0, 1, 2, 4)] == [
        "Thorsten O. Götze, MD",
        "Principal investigator",
        "",
        "Krankenhaus Nordwest, Frankfurt, Germany",
    ]


def test_sites_model_orders_by_distance_with_status(qtmodeltester, loaded):
    trial = loaded.matcher.trial("NCT03424005")
    model = SitesModel()
    model.set_sites(sites_by_distance(trial, "Lyon, France"))
    qtmodeltester.check(model)
    assert model.rowCount() == 22
    assert [model.text(0, c) for c in range(5)] == [
        "Centre Léon Bérard",
        "Lyon",
        "France",
        "Recruiting",
        "0 km",
    ]
    assert [model.text(1, c) for c in (1, 4)] == ["Toulouse", "360 km"]
