"""Findings: yes / no / unknown per concept the catalogue's criteria ask about, plus terms typed freely.

Unknown is the default and is never written: a missing answer must never exclude a patient. A typed term goes
through the lexicon; a term it does not recognise is listed and flagged "not recognised — will not be used"
(it stays in the document, so nothing typed is lost, and the engine reports it too) instead of vanishing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, ClassVar

from PySide6.QtCore import (
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QIcon, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QTableView,
    QWidget,
)

from trialmatch.domain.anticoagulation import drug_term
from trialmatch.domain.lexicon import Concept, resolve_finding
from trialmatch.gui.lab_grid import ChoiceDelegate, ChoicesRole, FreeTextRole, text_of
from trialmatch.gui.table_model import AnyIndex, FlatTableModel

SearchRole = Qt.ItemDataRole.UserRole + 3
"""Lower-case label, synonyms and recorded term of a row: what the filter line edit matches."""

ANSWERS = {None: "Unknown", True: "Yes", False: "No"}
_FROM_TEXT = {text.casefold(): state for state, text in ANSWERS.items()}
NOT_RECOGNISED = "not recognised — will not be used"

FINDING, ANSWER = range(2)


@dataclass(frozen=True, slots=True)
class FindingRow:
    """One finding: a lexicon concept (``concept`` set) or a term the lexicon does not know."""

    key: str
    """The term as the document records it: the concept id, or the clinician's own wording."""
    concept: Concept | None
    state: bool | None
    """True present, False known absent, None unknown (not written)."""
    invalid: object = None
    """An answer from a file that is not true/false, kept (and written back) until the clinician answers."""
    drug: str | None = None
    """The anticoagulant a typed term names ("warfarin"), which the engine reads as anticoagulation."""

    @property
    def recognised(self) -> bool:
        return self.concept is not None or self.drug is not None


@dataclass(frozen=True, slots=True)
class _Looks:
    finding: str
    answer: str
    tooltip: str | None
    search: str


def _looks(row: FindingRow) -> _Looks:
    answer = ANSWERS[row.state] if row.state is not None or row.invalid is None else text_of(row.invalid)
    if row.drug is not None:
        tooltip = f"an anticoagulant ({row.drug}): read as the finding anticoagulation"
        return _Looks(row.key, answer, tooltip, row.key.casefold())
    if row.concept is None:
        return _Looks(
            row.key,
            NOT_RECOGNISED,
            f"{row.key!r} matches no finding TrialMatch knows: no criterion will use it",
            row.key.casefold(),
        )
    concept = row.concept
    recorded = f"recorded as {row.key!r}" if row.key != concept.id else None
    synonyms = ", ".join(concept.synonyms[:6])
    tooltip = "; ".join(filter(None, [recorded, f"also: {synonyms}" if synonyms else None]))
    search = " | ".join([concept.label, *concept.synonyms, row.key]).casefold()
    return _Looks(concept.label, answer, tooltip or None, search)


class FindingsModel(FlatTableModel):
    """Finding rows in display order: the given concepts, then concepts and terms added by typing."""

    edited = Signal()
    headers = ("Finding", "Answer")

    def __init__(self, concepts: Sequence[Concept], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._concepts = tuple(concepts)
        self._rows: list[FindingRow] = []
        self._looks: list[_Looks] = []
        self._problems: dict[int, str] = {}
        self._warning = QIcon()
        self.set_findings({})

    # -- Qt model -------------------------------------------------------------------------------------
    def row_total(self) -> int:
        return len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, looks, column = self._rows[index.row()], self._looks[index.row()], index.column()
        problem = self._problems.get(index.row())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return looks.finding if column == FINDING else looks.answer
        if role == Qt.ItemDataRole.ToolTipRole:
            return problem or looks.tooltip
        if role == Qt.ItemDataRole.DecorationRole and column == ANSWER:
            return self._warning if problem or not row.recognised else None
        if role == SearchRole:
            return looks.search
        if role == ChoicesRole and column == ANSWER:
            return tuple(ANSWERS.values()) if row.recognised else None
        if role == FreeTextRole:
            return False
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == ANSWER and self._rows[index.row()].recognised:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not self.flags(index) & Qt.ItemFlag.ItemIsEditable:
            return False
        text = str(value).strip().casefold()
        if text not in _FROM_TEXT:
            return False
        return self.set_state(index.row(), _FROM_TEXT[text])

    # -- editing --------------------------------------------------------------------------------------
    def rows(self) -> list[FindingRow]:
        return list(self._rows)

    def set_state(self, row: int, state: bool | None) -> bool:
        """Answer a recognised finding; an unrecognised term keeps its flag whatever is pressed."""
        current = self._rows[row]
        if not current.recognised or (current.state is state and current.invalid is None):
            return False
        self._replace(row, replace(current, state=state, invalid=None))
        self.edited.emit()
        return True

    def add_term(self, term: str) -> int | None:
        """Record a typed term as present; the row it landed on (None for an empty term)."""
        term = term.strip()
        if not term:
            return None
        concept = resolve_finding(term)
        if concept is not None:
            for number, row in enumerate(self._rows):
                if row.concept == concept:
                    self.set_state(number, True)
                    return number
        for number, row in enumerate(self._rows):
            if row.concept is None and row.key.casefold() == term.casefold():
                self.set_state(number, True)
                return number
        drug = drug_term(term) if concept is None else None
        self._append(FindingRow(concept.id if concept else term, concept, True, drug=drug))
        self.edited.emit()
        return len(self._rows) - 1

    def remove(self, row: int) -> bool:
        """Take a typed term away, or set a concept back to unknown."""
        if not 0 <= row < len(self._rows):
            return False
        if self._rows[row].concept is not None:
            return self.set_state(row, None)
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        del self._looks[row]
        self.endRemoveRows()
        self._problems = {r - 1 if r > row else r: m for r, m in self._problems.items() if r != row}
        self.edited.emit()
        return True

    def _replace(self, row: int, value: FindingRow) -> None:
        self._rows[row] = value
        self._looks[row] = _looks(value)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.headers) - 1))

    def _append(self, value: FindingRow) -> None:
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows))
        self._rows.append(value)
        self._looks.append(_looks(value))
        self.endInsertRows()

    # -- document -------------------------------------------------------------------------------------
    def findings(self) -> dict[str, object]:
        """The document's ``findings``: answered concepts and every typed term, unknown left out."""
        return {
            row.key: row.invalid if row.state is None else row.state
            for row in self._rows
            if row.state is not None or row.invalid is not None or not row.recognised
        }

    def set_findings(self, findings: Mapping[str, object]) -> None:
        """Rows for the given concepts (unknown), then the document's answers under the terms it used."""
        rows = [FindingRow(c.id, c, None) for c in self._concepts]
        claimed: set[int] = set()
        for term, value in findings.items():
            concept = resolve_finding(term)
            drug = drug_term(term) if concept is None else None
            row = (
                FindingRow(term, concept, value, None, drug)
                if isinstance(value, bool)
                else FindingRow(term, concept, None, value, drug)
            )
            place = next(
                (i for i, r in enumerate(rows) if concept and r.concept == concept and i not in claimed), None
            )
            if place is None:
                rows.append(row)
                claimed.add(len(rows) - 1)
            else:
                rows[place] = row
                claimed.add(place)
        self.beginResetModel()
        self._rows = rows
        self._looks = [_looks(r) for r in rows]
        self._problems = {}
        self.endResetModel()

    # -- problem markers ------------------------------------------------------------------------------
    def set_warning_icon(self, icon: QIcon) -> None:
        self._warning = icon

    def set_problems(self, problems: Mapping[str, str]) -> None:
        """The engine's messages per recorded term ("findings.<term>"), shown on that row."""
        by_row = {i: problems[r.key] for i, r in enumerate(self._rows) if r.key in problems}
        if by_row == self._problems:
            return
        touched = set(by_row) | set(self._problems)
        self._problems = by_row
        for row in sorted(touched):
            self.dataChanged.emit(
                self.index(row, 0),
                self.index(row, len(self.headers) - 1),
                [Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.ToolTipRole],
            )


class FindingsView(QTableView):
    """Keys: Y yes, N no, U unknown, Space cycles unknown → yes → no, Delete clears or removes a term."""

    _KEYS: ClassVar[dict[Qt.Key, bool | None]] = {Qt.Key.Key_Y: True, Qt.Key.Key_N: False, Qt.Key.Key_U: None}

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setItemDelegate(ChoiceDelegate(self))
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(False)
        self.verticalHeader().hide()

    def _source(self) -> tuple[FindingsModel, int] | None:
        proxy = self.model()
        current = self.currentIndex()
        if not isinstance(proxy, QSortFilterProxyModel) or not current.isValid():
            return None
        model = proxy.sourceModel()
        assert isinstance(model, FindingsModel)
        return model, proxy.mapToSource(current).row()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        found = self._source()
        plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        if found is not None and plain and self.state() != QAbstractItemView.State.EditingState:
            model, row = found
            key = Qt.Key(event.key())
            if key in self._KEYS:
                model.set_state(row, self._KEYS[key])
                event.accept()
                return
            if key == Qt.Key.Key_Space:
                following = {None: True, True: False, False: None}
                model.set_state(row, following[model.rows()[row].state])
                event.accept()
                return
            if key == Qt.Key.Key_Delete:
                model.remove(row)
                event.accept()
                return
        super().keyPressEvent(event)


class FindingsPanel(QWidget):
    """Filter line, the findings table and the free-text entry, in reading (and tab) order."""

    edited = Signal()

    def __init__(self, concepts: Sequence[Concept], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = FindingsModel(concepts, self)
        self.model.set_warning_icon(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning))
        self.model.edited.connect(self.edited)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterRole(SearchRole)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText("Filter: type part of a name (e.g. hepatitis)")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        filter_label = QLabel("Find&ings:", self)
        filter_label.setBuddy(self.filter)

        self.view = FindingsView(self)
        self.view.setModel(self.proxy)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(FINDING, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ANSWER, QHeaderView.ResizeMode.ResizeToContents)
        self.view.setAccessibleName("Findings")
        self.view.setToolTip("Y yes, N no, U unknown, Space to cycle; Delete clears")

        self.term = QLineEdit(self)
        self.term.setPlaceholderText("e.g. brain mets, hepatitis B, prior pneumonitis")
        self.term.returnPressed.connect(self.add_term)
        term_label = QLabel("Other finding (&x):", self)
        term_label.setBuddy(self.term)
        self.add_button = QPushButton("Add", self)
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_term)
        self.status = QLabel(self)
        self.status.setWordWrap(True)

        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(filter_label, 0, 0)
        layout.addWidget(self.filter, 0, 1, 1, 2)
        layout.addWidget(self.view, 1, 0, 1, 3)
        layout.addWidget(term_label, 2, 0)
        layout.addWidget(self.term, 2, 1)
        layout.addWidget(self.add_button, 2, 2)
        layout.addWidget(self.status, 3, 0, 1, 3)
        QWidget.setTabOrder(self.filter, self.view)
        QWidget.setTabOrder(self.view, self.term)
        QWidget.setTabOrder(self.term, self.add_button)

    def add_term(self) -> None:
        """Resolve the typed term: a known concept is answered yes; an unknown one is listed and flagged."""
        text = self.term.text().strip()
        row = self.model.add_term(text)
        if row is None:
            return
        added = self.model.rows()[row]
        if added.drug is not None:
            self.status.setText(f"{text!r}: an anticoagulant, read as anticoagulation: Yes")
        elif added.concept is None:
            self.status.setText(f"{text!r}: {NOT_RECOGNISED}")
        else:
            self.status.setText(f"{text!r} recorded as {added.concept.label}: Yes")
        self.term.clear()
        self.filter.clear()
        self.view.setCurrentIndex(self.proxy.mapFromSource(self.model.index(row, ANSWER)))
        self.view.scrollTo(self.view.currentIndex())

    def findings(self) -> dict[str, object]:
        return self.model.findings()

    def set_findings(self, findings: Mapping[str, object]) -> None:
        self.model.set_findings(findings)
        self.status.clear()
