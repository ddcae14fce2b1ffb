"""Every modal question the app asks, behind one seam.

Widgets never open a message box or file picker themselves: they call :class:`Dialogs`, which tests
replace with a recorder that answers from a script. Each method returns plain values.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from trialmatch.domain.evaluation import CriterionResult, Outcome, Override


class OverrideDialog(QDialog):
    """Mark one criterion as met or not met, with the clinician's reason (required, kept in the report)."""

    def __init__(self, criterion: CriterionResult, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Override criterion")
        text = QLabel(criterion.text)
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        engine = QLabel(f"Engine: {criterion.result.value} — {criterion.reason}")
        engine.setWordWrap(True)
        self.met = QRadioButton("&Met")
        self.not_met = QRadioButton("&Not met")
        group = QButtonGroup(self)
        group.addButton(self.met)
        group.addButton(self.not_met)
        current = criterion.override.result if criterion.override else None
        (
            self.not_met if current is Outcome.FAIL or criterion.result is Outcome.PASS else self.met
        ).setChecked(True)
        self.note = QLineEdit(criterion.override.note if criterion.override else "")
        self.note.setPlaceholderText("e.g. HIV viral load undetectable on 2026-10-02")
        note_label = QLabel("&Reason (shown in the detail and the report):")
        note_label.setBuddy(self.note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.note.textChanged.connect(self._update_ok)
        layout = QVBoxLayout(self)
        for widget in (text, engine, self.met, self.not_met, note_label, self.note, self.buttons):
            layout.addWidget(widget)
        self.note.setFocus()
        self._update_ok()

    def _update_ok(self) -> None:
        button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        button.setEnabled(bool(self.note.text().strip()))

    def override(self) -> Override:
        result = Outcome.PASS if self.met.isChecked() else Outcome.FAIL
        return Override(result, self.note.text().strip())


class Dialogs:
    """The real dialogs. Subclass or replace in tests; every method is a question with a plain answer."""

    def ask_open_path(
        self, parent: QWidget | None, title: str, directory: str, name_filter: str
    ) -> Path | None:
        path, _ = QFileDialog.getOpenFileName(parent, title, directory, name_filter)
        return Path(path) if path else None

    def ask_open_paths(
        self, parent: QWidget | None, title: str, directory: str, name_filter: str
    ) -> list[Path]:
        paths, _ = QFileDialog.getOpenFileNames(parent, title, directory, name_filter)
        return [Path(p) for p in paths]

    def ask_save_path(
        self, parent: QWidget | None, title: str, suggested: str, name_filter: str
    ) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(parent, title, suggested, name_filter)
        return Path(path) if path else None

    def error(self, parent: QWidget | None, title: str, text: str, details: str | None = None) -> None:
        self._message(parent, QMessageBox.Icon.Critical, title, text, details)

    def info(self, parent: QWidget | None, title: str, text: str, details: str | None = None) -> None:
        self._message(parent, QMessageBox.Icon.Information, title, text, details)

    def confirm(self, parent: QWidget | None, title: str, text: str, accept: str, reject: str) -> bool:
        return self.choose(parent, title, text, [accept, reject]) == 0

    def choose(self, parent: QWidget | None, title: str, text: str, choices: Sequence[str]) -> int | None:
        """Index of the button pressed (the first is the default), None when the box was closed."""
        box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
        buttons = [box.addButton(label, QMessageBox.ButtonRole.ActionRole) for label in choices]
        box.setDefaultButton(buttons[0])
        box.exec()
        clicked = box.clickedButton()
        return next((i for i, b in enumerate(buttons) if b is clicked), None)

    def ask_override(self, parent: QWidget | None, criterion: CriterionResult) -> Override | None:
        dialog = OverrideDialog(criterion, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.override()

    def ask_printer(self, parent: QWidget | None) -> QPrinter | None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return printer

    @staticmethod
    def _message(
        parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str, details: str | None
    ) -> None:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
        if details:
            box.setDetailedText(details)
        box.exec()
