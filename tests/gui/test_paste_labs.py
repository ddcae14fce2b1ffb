"""Paste labs: real panels pasted, what was read and what was not shown apart, OK merges into the grid."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from keys import show_active
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget

from trialmatch.domain.geo import city_labels
from trialmatch.domain.patient import LabEntry
from trialmatch.gui.lab_grid import LabRow
from trialmatch.gui.paste_labs import PasteLabsDialog, ReadLabsModel
from trialmatch.gui.patient_panel import PatientPanel

DATA = Path(__file__).parents[1] / "data"
PANELS = DATA / "lab_panels"

# Offscreen, a dialog's layout cannot push its size hints to the platform window, and Qt says so.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def panel_text(name):
    return (PANELS / name).read_text(encoding="utf-8")


@pytest.fixture
def dialog(qtbot):
    widget = PasteLabsDialog()
    qtbot.addWidget(widget)
    show_active(qtbot, widget)
    return widget


def paste(qtbot, dialog, text):
    """Through the clipboard and Ctrl+V, as a clinician pastes from a report."""
    QApplication.clipboard().setText(text)
    dialog.text.setFocus()
    qtbot.keyClick(dialog.text, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def read_rows(dialog):
    model = dialog.read_model
    return [
        tuple(model.index(r, c).data() for c in range(model.columnCount())) for r in range(model.rowCount())
    ]


def missed(dialog):
    return dialog.missed_model.stringList()


def ok_button(dialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_the_one_line_summary_is_read_test_by_test(qtbot, dialog):
    paste(qtbot, dialog, panel_text("one_line_summary.txt"))
    assert read_rows(dialog) == [
        ("Absolute neutrophil count (ANC)", "1.2", "10^9/L", "", ""),
        ("Platelets (PLT)", "85", "K/uL", "", ""),
        ("Haemoglobin (Hb)", "9.8", "g/dL", "", ""),
        ("Serum creatinine (Cr)", "1.1", "mg/dL", "", ""),
        ("Aspartate aminotransferase (AST)", "88", "U/L", "40", ""),
    ]
    assert missed(dialog) == []
    assert not dialog.missed_view.isVisible()
    assert dialog.read_label.text() == "&Read (5):"
    assert ok_button(dialog).isEnabled()


def test_what_was_not_understood_is_listed_apart_verbatim(qtbot, dialog):
    paste(qtbot, dialog, panel_text("messy_with_unreadable.txt"))
    assert read_rows(dialog) == [
        ("Haemoglobin (Hb)", "9.8", "g/dL", "", ""),
        ("Platelets (Plt)", "85", "x10^9/L", "", ""),
        ("White blood cell count (WBC)", "4.5", "K/µL", "", ""),
        ("Serum creatinine (Creatinine)", "97", "µmol/L", "", ""),
        ("Alanine aminotransferase (ALT)", "45", "U/L", "56", "7"),
    ]
    assert missed(dialog) == [
        "Labs today:",
        "ANC 1500",
        "CRP <0.5 mg/L",
        "Hb 9.8 mg",
        "Urine dipstick: protein 1+",
    ]
    assert dialog.missed_view.isVisible()
    assert dialog.missed_label.text() == "&Not understood — will not be added (5):"


def test_the_reading_follows_the_text_as_it_changes(qtbot, dialog):
    assert not ok_button(dialog).isEnabled()
    dialog.text.setFocus()
    qtbot.keyClicks(dialog.text, "AST 88 (ULN 40)")
    assert read_rows(dialog) == [("Aspartate aminotransferase (AST)", "88", "U/L", "40", "")]
    qtbot.keyClick(dialog.text, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.text, "foo 12")
    assert missed(dialog) == ["foo 12"]
    dialog.text.clear()
    assert read_rows(dialog) == []
    assert not ok_button(dialog).isEnabled()


def test_readings_become_grid_rows_with_the_labs_own_limits_and_dates(qtbot, dialog):
    paste(qtbot, dialog, panel_text("lab_system_export.tsv"))
    assert missed(dialog) == ["Component\tValue\tFlag\tReference Range\tUnits\tCollected"]
    rows = dialog.lab_rows()
    assert len(rows) == 9
    assert rows[0] == LabRow("WBC", "3.2", "K/uL", "11", "4", "2026-11-18")
    assert rows[8] == LabRow("INR", "1.1", "1", "1.2", "0.8", "2026-11-17")


def test_the_read_model_passes_qt_model_tester(qtmodeltester):
    model = ReadLabsModel()
    model.set_entries(
        [LabEntry(test="ANC", value=1.2, unit="10^9/L"), LabEntry(test="AST", value=88, unit="U/L", uln=40)]
    )
    qtmodeltester.check(model, force_py=True)


@pytest.fixture
def patient_panel(qtbot, loaded):
    host = QWidget()
    qtbot.addWidget(host)
    widget = PatientPanel(
        list(loaded.conditions), city_labels(), [], host, today=lambda: dt.date(2026, 11, 20)
    )
    widget.resize(700, 1400)
    host.resize(700, 1400)
    show_active(qtbot, host)
    yield widget
    host.close()


def test_ok_merges_the_pasted_panel_into_the_patients_grid(qtbot, patient_panel):
    example = json.loads((DATA / "patients" / "example_melanoma.json").read_text(encoding="utf-8"))
    patient_panel.set_document(example)
    states = []
    patient_panel.patientEdited.connect(states.append)
    patient_panel.paste_button.setFocus()
    qtbot.keyClick(patient_panel.paste_button, Qt.Key.Key_Space)
    dialog = patient_panel.paste_dialog
    qtbot.waitUntil(dialog.isVisible)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert dialog.isModal() or dialog.windowModality() == Qt.WindowModality.WindowModal
    paste(qtbot, dialog, panel_text("us_cbc_cmp.txt"))
    assert missed(dialog) == ["CBC w/ Diff (collected 11/18/2026 07:42)", "CMP"]
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.text, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    assert patient_panel.document()["labs"] == [
        {"test": "ANC", "value": 1200, "unit": "/uL"},
        {"test": "AST (SGOT)", "value": 88, "unit": "U/L", "uln": 40, "lln": 10},
        {"test": "WBC", "value": 4.5, "unit": "K/uL", "uln": 11, "lln": 4},
        {"test": "Hgb", "value": 9.8, "unit": "g/dL"},
        {"test": "Plt", "value": 85, "unit": "K/uL"},
        {"test": "Creatinine", "value": 1.1, "unit": "mg/dL"},
        {"test": "Total Bilirubin", "value": 0.8, "unit": "mg/dL", "uln": 1.2, "lln": 0.1},
        {"test": "ALT (SGPT)", "value": 45, "unit": "U/L", "uln": 56, "lln": 7},
        {"test": "Alk Phos", "value": 110, "unit": "U/L", "uln": 147, "lln": 44},
        {"test": "Albumin", "value": 3.4, "unit": "g/dL", "uln": 5.2, "lln": 3.5},
    ]
    assert states[-1].problems == []
    assert len(states[-1].patient.labs) == 10
