"""The lab grid: one row per laboratory value, typed like a spreadsheet, kept as the clinician typed it.

Rows hold raw text (a value that is not yet a number stays on screen and in the document); the engine's
``load_patient`` judges them and the panel hands its problems back as cell markers. ULN/LLN cells show the
analyte's default limit in italics with the word "default" until the clinician enters the lab's own: only an
entered limit is the patient's and goes into the document.

The editable-rows machinery (a trailing empty row that becomes a real one when typed into, Insert/Delete,
choice editors, problem markers) is shared with the prior-treatments table.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, ClassVar

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QIcon, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from trialmatch.domain.analytes import Analyte, all_analytes, resolve_analyte
from trialmatch.domain.units import UnitError, canonical_unit, convert, format_number, units_for
from trialmatch.gui.table_model import AnyIndex, FlatTableModel

ChoicesRole = Qt.ItemDataRole.UserRole + 1
"""Role carrying the choices a cell's editor offers (tuple of str), or None for a plain text editor."""
FreeTextRole = Qt.ItemDataRole.UserRole + 2
"""Role saying whether a choice editor also accepts text outside its choices."""


COMMON_LAB_IDS = (
    "anc",
    "wbc",
    "platelets",
    "hemoglobin",
    "lymphocytes",
    "creatinine",
    "bilirubin",
    "ast",
    "alt",
    "alp",
    "inr",
    "albumin",
)
"""The labs oncology criteria ask for most, first in the test picker; the other analytes follow."""


def picker_analytes() -> tuple[Analyte, ...]:
    """Every analyte, the common oncology labs first in clinical order, then the table's order."""
    by_id = {a.id: a for a in all_analytes()}
    common = tuple(by_id[i] for i in COMMON_LAB_IDS)
    return common + tuple(a for a in all_analytes() if a.id not in COMMON_LAB_IDS)


_DECIMAL = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?", re.ASCII)


def number_or_text(text: str) -> float | int | str | None:
    """What a typed number means in the document: 62 stays an int, 1.2 a float, "6o" or "nan" stay text."""
    stripped = text.strip()
    if not stripped:
        return None
    if not _DECIMAL.fullmatch(stripped):
        return stripped
    number = float(stripped)
    if stripped.lstrip("+-").isdigit():
        return int(number)
    return number


def text_of(value: object) -> str:
    """The text a document value shows as in an editor: 62 not 62.0, every digit of 12345678.9 kept."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


NUMBER_KEYS = frozenset({"value", "uln", "lln"})
"""Entry fields that are numbers in the document (lab value and limits)."""


def entry_of(typed: Mapping[str, str], extra: tuple[tuple[str, object], ...]) -> dict[str, object]:
    """A document list entry from a row: typed fields (numbers as numbers), then keys the row did not know."""
    entry: dict[str, object] = {}
    for key, text in typed.items():
        value = number_or_text(text) if key in NUMBER_KEYS else text.strip() or None
        if value is not None:
            entry[key] = value
    entry.update(extra)
    return entry


@dataclass(frozen=True, slots=True)
class Cell:
    """A cell's precomputed looks: the model's ``data()`` only reads these."""

    text: str = ""
    edit: str = ""
    italic: bool = False
    tooltip: str | None = None
    choices: tuple[str, ...] | None = None
    free_text: bool = True
    editable: bool = True


class RowsTableModel(FlatTableModel):
    """Rows of plain values plus one trailing empty row; typing into that row appends a real one.

    Rows are frozen dataclasses with an ``entry()`` giving their document form. Subclasses say how a row
    looks (``_cells_of``) and how an edit changes it (``_edited``). ``edited`` fires
    only for the user's own changes, never for :meth:`set_rows` or problem markers, so the panel can
    revalidate on it without looping.
    """

    edited = Signal()
    headers: ClassVar[tuple[str, ...]] = ()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []
        self._cells: list[tuple[Cell, ...]] = []
        self._blank_cells = self._cells_of(self._blank())
        self._problems: dict[tuple[int, int], str] = {}
        self._italic = QFont()
        self._italic.setItalic(True)
        self._warning = QIcon()

    # -- subclass hooks -------------------------------------------------------------------------------
    def _blank(self) -> Any:
        raise NotImplementedError

    def _cells_of(self, row: Any) -> tuple[Cell, ...]:
        raise NotImplementedError

    def _edited(self, row: Any, column: int, text: str) -> Any:
        raise NotImplementedError

    def _is_blank(self, row: Any) -> bool:
        return bool(row == self._blank())

    # -- Qt model -------------------------------------------------------------------------------------
    def row_total(self) -> int:
        return len(self._rows) + 1  # the trailing empty row where the next entry is typed

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation == Qt.Orientation.Horizontal:
            return super().headerData(section, orientation, role)
        if 0 <= section < len(self._rows):
            return str(section + 1)
        return "+" if section == len(self._rows) else None

    def _cell(self, index: AnyIndex) -> Cell | None:
        if not index.isValid() or index.column() >= len(self.headers):
            return None
        row = index.row()
        if row < len(self._cells):
            return self._cells[row][index.column()]
        return self._blank_cells[index.column()] if row == len(self._rows) else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        cell = self._cell(index)
        if cell is None:
            return None
        problem = self._problems.get((index.row(), index.column()))
        if role == Qt.ItemDataRole.DisplayRole:
            return cell.text
        if role == Qt.ItemDataRole.EditRole:
            return cell.edit
        if role == Qt.ItemDataRole.FontRole:
            return self._italic if cell.italic else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return problem if problem is not None else cell.tooltip
        if role == Qt.ItemDataRole.DecorationRole:
            return self._warning if problem is not None else None
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return problem
        if role == ChoicesRole:
            return cell.choices
        if role == FreeTextRole:
            return cell.free_text
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        cell = self._cell(index)
        if cell is None:
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return flags | Qt.ItemFlag.ItemIsEditable if cell.editable else flags

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        cell = self._cell(index)
        if cell is None or role != Qt.ItemDataRole.EditRole or not cell.editable:
            return False
        text = "" if value is None else str(value)
        row = index.row()
        if row == len(self._rows):
            changed = self._edited(self._blank(), index.column(), text)
            if self._is_blank(changed):
                return False
            # The trailing row becomes a real (still blank) row and a new trailing row appears after it;
            # only then does the edit land, so views keep their current cell on the row being typed.
            self.beginInsertRows(QModelIndex(), row + 1, row + 1)
            self._rows.append(self._blank())
            self._cells.append(self._blank_cells)
            self.endInsertRows()
        else:
            changed = self._edited(self._rows[row], index.column(), text)
            if changed == self._rows[row]:
                return False
        self._rows[row] = changed
        self._cells[row] = self._cells_of(changed)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.headers) - 1))
        self.headerDataChanged.emit(Qt.Orientation.Vertical, row, row)
        self.edited.emit()
        return True

    # -- row operations -------------------------------------------------------------------------------
    def rows(self) -> list[Any]:
        return list(self._rows)

    def entries(self) -> tuple[list[dict[str, object]], list[int]]:
        """The rows as document entries (empty rows left out) and the model row of each entry."""
        rows = [i for i, r in enumerate(self._rows) if not self._is_blank(r)]
        return [self._rows[i].entry() for i in rows], rows

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._cells = [self._cells_of(r) for r in self._rows]
        self._problems = {}
        self.endResetModel()

    def append_rows(self, rows: Sequence[Any]) -> None:
        """Add rows at the end (before the trailing empty row), as a user edit."""
        if not rows:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows.extend(rows)
        self._cells.extend(self._cells_of(r) for r in rows)
        self.endInsertRows()
        self._shift_problems(first, len(rows))
        self.edited.emit()

    def replace_row(self, row: int, value: Any) -> None:
        """Replace one real row's content, as a user edit."""
        self._rows[row] = value
        self._cells[row] = self._cells_of(value)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.headers) - 1))
        self.edited.emit()

    def insert_blank(self, row: int) -> None:
        """An empty row before ``row`` (at the end when ``row`` is the trailing empty row)."""
        row = max(0, min(row, len(self._rows)))
        self.beginInsertRows(QModelIndex(), row, row)
        blank = self._blank()
        self._rows.insert(row, blank)
        self._cells.insert(row, self._cells_of(blank))
        self.endInsertRows()
        self._shift_problems(row, 1)
        self.edited.emit()

    def remove(self, row: int) -> bool:
        """Remove a real row; the trailing empty row cannot be removed."""
        if not 0 <= row < len(self._rows):
            return False
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        del self._cells[row]
        self.endRemoveRows()
        self._problems = {(r - 1 if r > row else r, c): m for (r, c), m in self._problems.items() if r != row}
        self.edited.emit()
        return True

    def _shift_problems(self, first: int, count: int) -> None:
        self._problems = {(r + count if r >= first else r, c): m for (r, c), m in self._problems.items()}

    # -- problem markers ------------------------------------------------------------------------------
    def set_warning_icon(self, icon: QIcon) -> None:
        self._warning = icon

    def set_problems(self, problems: Mapping[tuple[int, int], str]) -> None:
        """Mark cells (row, column) with the engine's message: icon + tooltip; the text stays as typed."""
        if dict(problems) == self._problems:
            return
        touched = {r for r, _ in self._problems} | {r for r, _ in problems}
        self._problems = dict(problems)
        roles = [
            Qt.ItemDataRole.DecorationRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.AccessibleDescriptionRole,
        ]
        for row in sorted(r for r in touched if 0 <= r < self.rowCount()):
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.headers) - 1), roles)

    def problems(self) -> dict[tuple[int, int], str]:
        return dict(self._problems)


class ChoiceDelegate(QStyledItemDelegate):
    """Editors from the model's ``ChoicesRole``: a combo box (editable with a contains-completer when the
    cell accepts free text), else the default line edit."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> QWidget:
        choices = index.data(ChoicesRole)
        if not choices:
            return super().createEditor(parent, option, index)
        combo = QComboBox(parent)
        combo.addItems(list(choices))
        if index.data(FreeTextRole):
            combo.setEditable(True)
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            completer = QCompleter(list(choices), combo)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
            combo.setCompleter(completer)
        return combo

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        if isinstance(editor, QComboBox):
            text = index.data(Qt.ItemDataRole.EditRole) or ""
            found = editor.findText(text, Qt.MatchFlag.MatchFixedString)
            if found >= 0:
                editor.setCurrentIndex(found)
            elif editor.isEditable():
                editor.setEditText(text)
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)


class RowsTableView(QTableView):
    """Spreadsheet keys: typing edits, Tab moves along, Insert adds a row above, Delete removes the row."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setItemDelegate(ChoiceDelegate(self))
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setStretchLastSection(True)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def rows_model(self) -> RowsTableModel:
        model = self.model()
        if isinstance(model, QSortFilterProxyModel):
            model = model.sourceModel()
        assert isinstance(model, RowsTableModel)
        return model

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.state() != QAbstractItemView.State.EditingState and event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        ):
            current = self.currentIndex()
            row = current.row() if current.isValid() else self.rows_model().rowCount() - 1
            column = max(current.column(), 0)
            if event.key() == Qt.Key.Key_Insert:
                self.rows_model().insert_blank(row)
                self.setCurrentIndex(self.rows_model().index(row, 0))
                event.accept()
                return
            if event.key() == Qt.Key.Key_Delete and current.isValid():
                if self.rows_model().remove(row):
                    model = self.rows_model()
                    self.setCurrentIndex(model.index(min(row, model.rowCount() - 1), column))
                event.accept()
                return
        super().keyPressEvent(event)


@dataclass(frozen=True, slots=True)
class LabRow:
    """One lab as typed. ``uln``/``lln`` empty means "the analyte's default", which is never written out."""

    test: str = ""
    value: str = ""
    unit: str = ""
    uln: str = ""
    lln: str = ""
    date: str = ""

    extra: tuple[tuple[str, object], ...] = ()
    """Keys of a loaded entry the grid has no column for, written back so the engine can name them."""

    @property
    def analyte(self) -> Analyte | None:
        return resolve_analyte(self.test) if self.test.strip() else None

    def entry(self) -> dict[str, object]:
        """The row as a format-v1 ``labs`` entry; untyped fields are left out (the engine says if needed)."""
        typed = {"test": self.test, "value": self.value, "unit": self.unit, "uln": self.uln, "lln": self.lln}
        return entry_of({**typed, "date": self.date}, self.extra)

    @classmethod
    def from_entry(cls, entry: Mapping[str, object]) -> LabRow:
        known = ("test", "value", "unit", "uln", "lln", "date")
        return cls(
            test=text_of(entry.get("test")),
            value=text_of(entry.get("value")),
            unit=text_of(entry.get("unit")),
            uln=text_of(entry.get("uln")),
            lln=text_of(entry.get("lln")),
            date=text_of(entry.get("date")),
            extra=tuple((k, v) for k, v in entry.items() if k not in known),
        )


TEST, VALUE, UNIT, ULN, LLN, DATE = range(6)
LAB_FIELDS = {"test": TEST, "value": VALUE, "unit": UNIT, "uln": ULN, "lln": LLN, "date": DATE}
"""Patient-file field of a lab entry -> grid column, to place the engine's problems."""


def _default_limit(analyte: Analyte | None, limit: float | None, unit: str) -> Cell:
    """The analyte's default limit, in the row's unit when it converts, marked as not the patient's own."""
    if analyte is None or limit is None:
        return Cell()
    text = format_number(limit)
    if unit and canonical_unit(unit) not in (None, analyte.unit):
        try:
            text = format_number(convert(limit, analyte.unit, unit, analyte))
        except UnitError:
            text = f"{text} {analyte.unit}"
    source = f" ({analyte.range_source})" if analyte.range_source else ""
    tooltip = f"Default for {analyte.label}{source}: assumed until you enter the lab's own"
    return Cell(text=f"{text} (default)", edit="", italic=True, tooltip=tooltip)


class LabGridModel(RowsTableModel):
    """The lab rows; the test picker lists :func:`picker_analytes` names, the unit picker ``units_for``."""

    headers = ("Test", "Value", "Unit", "ULN", "LLN", "Date")

    def __init__(self, parent: QWidget | None = None) -> None:
        self._test_choices = tuple(a.name for a in picker_analytes())
        super().__init__(parent)

    def _blank(self) -> LabRow:
        return LabRow()

    def _cells_of(self, row: LabRow) -> tuple[Cell, ...]:
        analyte = row.analyte
        test_text = analyte.name if analyte else row.test
        units = units_for(analyte) if analyte else None
        if units is not None and row.unit and row.unit not in units:
            units = (row.unit, *units)
        # The column is narrow (the form shares the screen with the results): the full name is a hover away.
        if analyte is None:
            tooltip = None
        elif row.test != analyte.name:
            tooltip = f"{analyte.name} ({row.test})"
        else:
            tooltip = analyte.name
        uln, lln = (
            Cell(typed, typed) if typed else _default_limit(analyte, default, row.unit)
            for typed, default in (
                (row.uln, analyte.default_uln if analyte else None),
                (row.lln, analyte.default_lln if analyte else None),
            )
        )
        return (
            Cell(test_text, test_text, tooltip=tooltip, choices=self._test_choices, free_text=True),
            Cell(row.value, row.value),
            Cell(row.unit, row.unit, choices=units, free_text=units is None),
            uln,
            lln,
            Cell(row.date, row.date, tooltip="YYYY-MM-DD"),
        )

    def _edited(self, row: LabRow, column: int, text: str) -> LabRow:
        text = text.strip()
        if column == TEST:
            analyte = resolve_analyte(text) if text else None
            if analyte is not None and analyte == row.analyte:
                return row
            unit = row.unit
            if analyte is not None and unit not in units_for(analyte):
                unit = units_for(analyte)[0]
            return replace(row, test=text, unit=unit)
        change: dict[str, Any] = {("test", "value", "unit", "uln", "lln", "date")[column]: text}
        return replace(row, **change)

    def lab_rows(self) -> list[LabRow]:
        return list(self._rows)


class LabGrid(RowsTableView):
    """The grid view over a :class:`LabGridModel`."""

    def __init__(self, model: LabGridModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        model.set_warning_icon(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning))
        self.setAccessibleName("Laboratory values")
        room = 2 * self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        self.setColumnWidth(TEST, self.fontMetrics().horizontalAdvance("Absolute neutrophil") + room)

    def focus_first_empty(self) -> None:
        """Focus the grid on the trailing empty row's test cell, ready to type the next lab."""
        model = self.rows_model()
        self.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.setCurrentIndex(model.index(model.rowCount() - 1, TEST))
