""" "Paste labs…": a lab panel copied from a report or lab system, read while it is pasted.

What the parser read (test, value, unit, limits) and, separately, the fragments it could not read are both
shown before anything reaches the grid, so the clinician sees at once what will be used and what will not.
OK merges the readings into the lab grid; nothing else leaves the dialog.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QListView,
    QPlainTextEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from trialmatch.domain.analytes import resolve_analyte
from trialmatch.domain.lab_paste import parse_lab_panel
from trialmatch.domain.patient import LabEntry
from trialmatch.gui.lab_grid import LabRow, text_of
from trialmatch.gui.table_model import AnyIndex, FlatTableModel


def _row_text(entry: LabEntry) -> tuple[str, ...]:
    analyte = resolve_analyte(entry.test)
    written = entry.test.casefold()
    named = analyte is None or written == analyte.name.casefold() or f"({written})" in analyte.name.casefold()
    test = entry.test if analyte is None else analyte.name if named else f"{analyte.name} ({entry.test})"
    return (
        test,
        text_of(entry.value),
        entry.unit or "",
        text_of(entry.uln),
        text_of(entry.lln),
    )


class ReadLabsModel(FlatTableModel):
    """The entries the parser read, as the dialog shows them (read-only)."""

    headers = ("Test", "Value", "Unit", "ULN", "LLN")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._entries: list[LabEntry] = []
        self._texts: list[tuple[str, ...]] = []

    def row_total(self) -> int:
        return len(self._texts)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid() or index.row() >= len(self._texts):
            return None
        return self._texts[index.row()][index.column()]

    def entries(self) -> list[LabEntry]:
        return list(self._entries)

    def set_entries(self, entries: Sequence[LabEntry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self._texts = [_row_text(e) for e in self._entries]
        self.endResetModel()


class PasteLabsDialog(QDialog):
    """Paste box, what was read, what was not; OK is enabled once at least one lab was read."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Paste labs")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.text = QPlainTextEdit(self)
        self.text.setPlaceholderText("e.g. ANC 1.2, PLT 85 K/uL, Hb 9.8 g/dL, Cr 1.1 mg/dL, AST 88 (ULN 40)")
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setTabChangesFocus(True)
        text_label = QLabel("&Paste the lab results here:", self)
        text_label.setBuddy(self.text)

        self.read_model = ReadLabsModel(self)
        self.read_view = QTableView(self)
        self.read_view.setModel(self.read_model)
        self.read_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.read_view.setTabKeyNavigation(False)
        self.read_view.verticalHeader().hide()
        self.read_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.read_label = QLabel(self)
        self.read_label.setBuddy(self.read_view)

        self.missed_model = QStringListModel(self)
        self.missed_view = QListView(self)
        self.missed_view.setModel(self.missed_model)
        self.missed_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.missed_label = QLabel(self)
        self.missed_label.setBuddy(self.missed_view)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Add to lab grid")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        for widget in (
            text_label,
            self.text,
            self.read_label,
            self.read_view,
            self.missed_label,
            self.missed_view,
            self.buttons,
        ):
            layout.addWidget(widget)
        self.text.textChanged.connect(self._read)
        self._read()

    def _read(self) -> None:
        parsed = parse_lab_panel(self.text.toPlainText())
        self.read_model.set_entries(parsed.entries)
        self.missed_model.setStringList(list(parsed.not_understood))
        self.read_label.setText(f"&Read ({len(parsed.entries)}):")
        missed = len(parsed.not_understood)
        self.missed_label.setText(f"&Not understood — will not be added ({missed}):")
        self.missed_view.setVisible(bool(missed))
        self.missed_label.setVisible(bool(missed))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(parsed.entries))

    def lab_rows(self) -> list[LabRow]:
        """The readings as lab-grid rows (limits read from the panel become the patient's own)."""
        return [
            LabRow(
                test=e.test,
                value=text_of(e.value),
                unit=e.unit or "",
                uln=text_of(e.uln),
                lln=text_of(e.lln),
                date=e.date.isoformat() if e.date else "",
            )
            for e in self.read_model.entries()
        ]
