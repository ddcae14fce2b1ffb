"""The lab grid offers the Child-Pugh score, a clinical score entered without a unit like INR."""

from __future__ import annotations

import pytest
from keys import show_active
from PySide6.QtCore import Qt

from trialmatch.gui.lab_grid import TEST, UNIT, VALUE, LabGrid, LabGridModel, LabRow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")


@pytest.fixture
def grid(qtbot):
    model = LabGridModel()
    view = LabGrid(model)
    qtbot.addWidget(view)
    show_active(qtbot, view)
    return view


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
