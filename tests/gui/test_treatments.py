"""Prior treatments: typed row by row, category from the format's vocabulary, kept as typed."""

from __future__ import annotations

import pytest
from keys import press, show_active, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox

from trialmatch.domain.patient import TREATMENT_CATEGORIES
from trialmatch.gui.treatments import (
    CATEGORY,
    END,
    NAME,
    START,
    TreatmentRow,
    TreatmentsModel,
    TreatmentsTable,
)


@pytest.fixture
def table(qtbot):
    view = TreatmentsTable(TreatmentsModel())
    qtbot.addWidget(view)
    show_active(qtbot, view)
    return view


def test_typing_a_treatment_row_by_row(qtbot, table):
    model = table.rows_model()
    table.setFocus()
    table.setCurrentIndex(model.index(0, NAME))
    type_text(qtbot, table, "pembrolizumab")
    press(qtbot, table, Qt.Key.Key_Tab)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QComboBox)
    assert [editor.itemText(i) for i in range(editor.count())] == ["", *TREATMENT_CATEGORIES]
    editor.setCurrentIndex(editor.findText("immunotherapy"))
    press(qtbot, table, Qt.Key.Key_Tab)
    type_text(qtbot, table, "2026-01-10")
    press(qtbot, table, Qt.Key.Key_Tab)
    type_text(qtbot, table, "2026-09-15")
    press(qtbot, table, Qt.Key.Key_Return)
    assert model.entries() == (
        [{"name": "pembrolizumab", "category": "immunotherapy", "start": "2026-01-10", "end": "2026-09-15"}],
        [0],
    )
    assert model.rowCount() == 2


def test_an_ongoing_treatment_has_no_end_and_untyped_fields_are_left_out(table):
    model = table.rows_model()
    model.setData(model.index(0, NAME), "carboplatin")
    model.setData(model.index(0, START), "2026-10-01")
    assert model.entries()[0] == [{"name": "carboplatin", "start": "2026-10-01"}]


def test_a_category_outside_the_vocabulary_is_kept_and_offered(table):
    model = table.rows_model()
    model.set_rows([TreatmentRow.from_entry({"name": "FOLFOX", "category": "chemo"})])
    assert model.index(0, CATEGORY).data(Qt.ItemDataRole.UserRole + 1) == ("chemo", "", *TREATMENT_CATEGORIES)
    assert model.entries()[0] == [{"name": "FOLFOX", "category": "chemo"}]


def test_a_date_that_is_not_a_date_stays_as_typed(table):
    model = table.rows_model()
    model.setData(model.index(0, NAME), "radiotherapy to T4")
    model.setData(model.index(0, END), "last spring")
    assert model.index(0, END).data() == "last spring"
    assert model.entries()[0] == [{"name": "radiotherapy to T4", "end": "last spring"}]


def test_model_passes_qt_model_tester(qtmodeltester):
    model = TreatmentsModel()
    model.set_rows(
        [
            TreatmentRow("pembrolizumab", "immunotherapy", "2026-01-10", "2026-09-15"),
            TreatmentRow("FOLFOX", "chemo"),
        ]
    )
    model.set_problems({(1, CATEGORY): "'chemo' is not a treatment category"})
    qtmodeltester.check(model, force_py=True)
    model.setData(model.index(2, NAME), "nivolumab")
    model.remove(0)
    qtmodeltester.check(model, force_py=True)
