"""The lab grid: typed like a spreadsheet, defaults visibly marked, nothing typed lost."""

from __future__ import annotations

import pytest
from keys import press, show_active, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox

from trialmatch.gui.lab_grid import LLN, TEST, ULN, UNIT, VALUE, LabGrid, LabGridModel, LabRow, number_or_text

# The offscreen platform cannot raise a completer popup nor grab the keyboard for it; Qt says so.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")


@pytest.fixture
def grid(qtbot):
    model = LabGridModel()
    view = LabGrid(model)
    qtbot.addWidget(view)
    show_active(qtbot, view)
    return view


def test_typing_a_lab_in_the_empty_row_adds_it(qtbot, grid):
    model = grid.rows_model()
    grid.focus_first_empty()
    type_text(qtbot, grid, "ANC")
    press(qtbot, grid, Qt.Key.Key_Tab)
    type_text(qtbot, grid, "1.2")
    press(qtbot, grid, Qt.Key.Key_Tab)
    assert model.rows() == [LabRow(test="ANC", value="1.2", unit="10^9/L")]
    assert model.entries() == ([{"test": "ANC", "value": 1.2, "unit": "10^9/L"}], [0])
    assert model.rowCount() == 2
    assert model.index(0, TEST).data() == "Absolute neutrophil count"
    assert (grid.currentIndex().row(), grid.currentIndex().column()) == (0, UNIT)


def test_the_default_limits_show_in_italics_with_the_word_default_and_stay_out_of_the_document(grid):
    model = grid.rows_model()
    model.setData(model.index(0, TEST), "AST")
    model.setData(model.index(0, VALUE), "88")
    uln = model.index(0, ULN)
    assert uln.data() == "40 (default)"
    assert uln.data(Qt.ItemDataRole.FontRole).italic()
    assert "assumed" in uln.data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(0, LLN).data() == "10 (default)"
    assert model.entries()[0] == [{"test": "AST", "value": 88, "unit": "U/L"}]


def test_an_entered_limit_is_the_patients_own_and_goes_into_the_document(grid):
    model = grid.rows_model()
    model.setData(model.index(0, TEST), "AST")
    model.setData(model.index(0, VALUE), "88")
    model.setData(model.index(0, ULN), "35")
    uln = model.index(0, ULN)
    assert uln.data() == "35"
    assert uln.data(Qt.ItemDataRole.FontRole) is None
    assert model.entries()[0] == [{"test": "AST", "value": 88, "unit": "U/L", "uln": 35}]
    model.setData(uln, "")
    assert uln.data() == "40 (default)"
    assert model.entries()[0] == [{"test": "AST", "value": 88, "unit": "U/L"}]


def test_the_default_follows_the_unit_picked(grid):
    model = grid.rows_model()
    model.setData(model.index(0, TEST), "total bilirubin")
    assert model.index(0, UNIT).data() == "mg/dL"
    assert model.index(0, ULN).data() == "1.2 (default)"
    model.setData(model.index(0, UNIT), "µmol/L")
    assert model.index(0, ULN).data() == "20.52 (default)"


def test_the_unit_picker_offers_only_the_units_of_the_test(qtbot, grid):
    model = grid.rows_model()
    model.setData(model.index(0, TEST), "Hb")
    assert model.index(0, UNIT).data(Qt.ItemDataRole.UserRole + 1) == ("g/dL", "g/L", "mmol/L")
    grid.setCurrentIndex(model.index(0, UNIT))
    grid.edit(model.index(0, UNIT))
    editor = QApplication.focusWidget()
    assert isinstance(editor, QComboBox)
    assert not editor.isEditable()
    assert [editor.itemText(i) for i in range(editor.count())] == ["g/dL", "g/L", "mmol/L"]
    editor.setCurrentIndex(1)
    press(qtbot, grid, Qt.Key.Key_Return)
    assert model.rows()[0].unit == "g/L"


def test_the_test_picker_lists_the_common_oncology_labs_first(grid):
    choices = grid.rows_model().index(0, TEST).data(Qt.ItemDataRole.UserRole + 1)
    assert choices[:12] == (
        "Absolute neutrophil count",
        "White blood cell count",
        "Platelets",
        "Haemoglobin",
        "Absolute lymphocyte count",
        "Serum creatinine",
        "Total bilirubin",
        "Aspartate aminotransferase (AST)",
        "Alanine aminotransferase (ALT)",
        "Alkaline phosphatase",
        "International normalised ratio",
        "Albumin",
    )
    assert "CD4 count" in choices[12:]


def test_an_unknown_test_and_a_non_number_stay_as_typed(grid):
    model = grid.rows_model()
    model.setData(model.index(0, TEST), "Troponin X")
    model.setData(model.index(0, VALUE), "1,2")
    assert model.index(0, TEST).data() == "Troponin X"
    assert model.index(0, UNIT).data(Qt.ItemDataRole.UserRole + 1) is None
    assert model.entries()[0] == [{"test": "Troponin X", "value": "1,2"}]


def test_a_unit_from_a_file_outside_the_picker_is_kept_and_offered(grid):
    model = grid.rows_model()
    model.set_rows([LabRow.from_entry({"test": "PLT", "value": 85, "unit": "K/uL"})])
    assert model.index(0, UNIT).data(Qt.ItemDataRole.UserRole + 1) == ("K/uL", "10^9/L", "/µL")
    assert model.entries()[0] == [{"test": "PLT", "value": 85, "unit": "K/uL"}]


def test_insert_adds_an_empty_row_above_and_delete_removes_the_current_row(qtbot, grid):
    model = grid.rows_model()
    model.set_rows([LabRow("ANC", "1.2", "10^9/L"), LabRow("AST", "88", "U/L", uln="40")])
    grid.setFocus()
    grid.setCurrentIndex(model.index(1, VALUE))
    press(qtbot, grid, Qt.Key.Key_Insert)
    assert [r.test for r in model.rows()] == ["ANC", "", "AST"]
    assert model.entries() == (
        [
            {"test": "ANC", "value": 1.2, "unit": "10^9/L"},
            {"test": "AST", "value": 88, "unit": "U/L", "uln": 40},
        ],
        [0, 2],
    )
    press(qtbot, grid, Qt.Key.Key_Delete)
    press(qtbot, grid, Qt.Key.Key_Delete)
    assert [r.test for r in model.rows()] == ["ANC"]
    assert grid.currentIndex().row() == 1
    press(qtbot, grid, Qt.Key.Key_Delete)
    assert [r.test for r in model.rows()] == ["ANC"]


def test_problems_mark_the_cell_with_icon_and_tooltip_and_follow_row_moves(grid):
    model = grid.rows_model()
    model.set_rows([LabRow("PLT", "5000", "10^9/L")])
    model.set_problems({(0, VALUE): "platelets 5000 × 10⁹/L is not a possible value (expected 0–5000)"})
    cell = model.index(0, VALUE)
    assert cell.data() == "5000"
    assert not cell.data(Qt.ItemDataRole.DecorationRole).isNull()
    assert cell.data(Qt.ItemDataRole.ToolTipRole).startswith("platelets 5000")
    model.insert_blank(0)
    assert model.problems() == {
        (1, VALUE): "platelets 5000 × 10⁹/L is not a possible value (expected 0–5000)"
    }
    model.remove(0)
    assert list(model.problems()) == [(0, VALUE)]


def test_edited_fires_for_user_edits_only(qtbot, grid):
    model = grid.rows_model()
    fired = []
    model.edited.connect(lambda: fired.append(True))
    model.set_rows([LabRow("ANC", "1.2", "10^9/L")])
    model.set_problems({(0, VALUE): "x"})
    assert fired == []
    model.setData(model.index(0, VALUE), "1.3")
    assert fired == [True]


def test_model_passes_qt_model_tester(qtmodeltester):
    model = LabGridModel()
    model.set_rows([LabRow("ANC", "1.2", "10^9/L"), LabRow("AST", "88", "U/L", uln="40"), LabRow("?", "x")])
    model.set_problems({(2, TEST): "unknown test '?'"})
    qtmodeltester.check(model, force_py=True)
    model.setData(model.index(3, TEST), "INR")
    model.insert_blank(1)
    model.remove(0)
    qtmodeltester.check(model, force_py=True)


@pytest.mark.parametrize(
    ("typed", "document"),
    [("62", 62), ("-3", -3), ("1.2", 1.2), (".5", 0.5), ("6o", "6o"), ("nan", "nan"), ("1_000", "1_000")],
)
def test_typed_numbers_become_numbers_and_anything_else_stays_text(typed, document):
    assert number_or_text(typed) == document
    assert type(number_or_text(typed)) is type(document)


def test_the_test_picker_offers_the_child_pugh_score(grid):
    choices = grid.rows_model().index(0, TEST).data(Qt.ItemDataRole.UserRole + 1)
    assert "Child-Pugh score" in choices


def test_a_child_pugh_score_typed_by_its_short_name_is_entered_as_points_without_a_unit(grid):
    model = grid.rows_model()
    model.setData(model.index(0, TEST), "child-pugh")
    model.setData(model.index(0, VALUE), "8")
    assert model.index(0, TEST).data() == "Child-Pugh score"
    assert model.index(0, UNIT).data(Qt.ItemDataRole.UserRole + 1) == ("1",)
    assert model.rows()[0] == LabRow(test="child-pugh", value="8", unit="1")
    assert model.entries() == ([{"test": "child-pugh", "value": 8, "unit": "1"}], [0])
