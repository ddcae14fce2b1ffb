"""The filters above the results: what narrows the ranked list without changing any verdict.

Filters other than the free-text search act on rows already matched, so toggling them is instant; the
search restricts which trials are matched at all (``Matcher.match(only=...)``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from trialmatch.app.matching import MatchRow, in_country
from trialmatch.domain.evaluation import Verdict

PHASES = ("Early Phase 1", "Phase 1", "Phase 2", "Phase 3", "Phase 4", "N/A")
ANY_PHASE = "Any phase"
ANY_COUNTRY = "Any country"


@dataclass(frozen=True, slots=True)
class Filters:
    open_only: bool = True
    phase: str | None = None
    """One of PHASES; a combined "Phase 1/Phase 2" trial counts for both phases."""
    country: str | None = None
    max_km: int | None = None
    """Trials without a placed site are left out when set: their distance is unknown."""
    hide_ineligible: bool = False

    def keep(self, row: MatchRow) -> bool:
        card = row.card
        if self.open_only and not card.is_open:
            return False
        if self.hide_ineligible and row.verdict is Verdict.INELIGIBLE:
            return False
        if self.phase is not None and self.phase not in (card.phase or "").split("/"):
            return False
        if self.country is not None and not in_country(card, self.country):
            return False
        return self.max_km is None or (row.distance_km is not None and row.distance_km <= self.max_km)

    def apply(self, rows: Iterable[MatchRow]) -> list[MatchRow]:
        return [row for row in rows if self.keep(row)]


class FilterBar(QWidget):
    """Search box and filters; emits plain values, never touches the results itself.

    Mnemonics use letters the patient form leaves free (Alt+Y, I, E, U); the search has Ctrl+F.
    """

    filtersChanged = Signal(object)
    """:class:`Filters`"""
    searchChanged = Signal(str)

    def __init__(self, countries: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Trial id, title, condition, drug, criterion text…")
        self.search.setClearButtonEnabled(True)
        self.open_only = QCheckBox("Open trials onl&y")
        self.open_only.setChecked(True)
        self.hide_ineligible = QCheckBox("H&ide ineligible")
        self.phase = QComboBox()
        self.phase.addItems([ANY_PHASE, *PHASES])
        self.country = QComboBox()
        self.country.setEditable(True)
        self.country.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        # Sized for a typical name, not the longest one ("South Georgia and the South Sandwich Islands"),
        # so the filter bar never forces the window wider than a clinic screen.
        for combo in (self.phase, self.country):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)
        self.set_countries(countries)
        self.max_km = QSpinBox()
        self.max_km.setRange(0, 20_000)
        self.max_km.setSingleStep(50)
        self.max_km.setSuffix(" km")
        self.max_km.setSpecialValueText("Any distance")
        self.max_km.setAccelerated(True)

        # Two independent rows (not a grid): a grid would size each column for the wider of two
        # unrelated cells and make the bar, and so the window, wider than it needs to be.
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top, bottom = QHBoxLayout(), QHBoxLayout()
        layout.addLayout(top)
        layout.addLayout(bottom)
        search_label = QLabel("Search (Ctrl+F):")
        search_label.setBuddy(self.search)
        top.addWidget(search_label)
        top.addWidget(self.search, 1)
        top.addWidget(self.open_only)
        top.addWidget(self.hide_ineligible)
        for text, widget in (("Phas&e:", self.phase), ("Co&untry:", self.country), ("Within:", self.max_km)):
            label = QLabel(text)
            label.setBuddy(widget)
            bottom.addWidget(label)
            bottom.addWidget(widget, 1)
        for first, second in (
            (self.search, self.open_only),
            (self.open_only, self.hide_ineligible),
            (self.hide_ineligible, self.phase),
            (self.phase, self.country),
            (self.country, self.max_km),
        ):
            QWidget.setTabOrder(first, second)

        self.search.textChanged.connect(self.searchChanged)
        self.open_only.toggled.connect(self._emit)
        self.hide_ineligible.toggled.connect(self._emit)
        self.phase.currentIndexChanged.connect(self._emit)
        self.country.currentTextChanged.connect(self._emit)
        self.max_km.valueChanged.connect(self._emit)

    def set_countries(self, countries: Sequence[str]) -> None:
        current = self.country.currentText()
        self.country.blockSignals(True)
        self.country.clear()
        self.country.addItems([ANY_COUNTRY, *countries])
        completer = QCompleter([*countries], self.country)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.country.setCompleter(completer)
        self.country.setCurrentText(current or ANY_COUNTRY)
        self.country.blockSignals(False)

    def filters(self) -> Filters:
        phase = self.phase.currentText()
        country = self.country.currentText().strip()
        return Filters(
            open_only=self.open_only.isChecked(),
            phase=None if phase == ANY_PHASE else phase,
            country=None if country in {"", ANY_COUNTRY} else country,
            max_km=self.max_km.value() or None,
            hide_ineligible=self.hide_ineligible.isChecked(),
        )

    def set_filters(self, filters: Filters) -> None:
        """Show ``filters`` and emit them once (not once per widget)."""
        widgets = (self.open_only, self.hide_ineligible, self.phase, self.country, self.max_km)
        for widget in widgets:
            widget.blockSignals(True)
        self.open_only.setChecked(filters.open_only)
        self.hide_ineligible.setChecked(filters.hide_ineligible)
        self.phase.setCurrentText(filters.phase or ANY_PHASE)
        self.country.setCurrentText(filters.country or ANY_COUNTRY)
        self.max_km.setValue(filters.max_km or 0)
        for widget in widgets:
            widget.blockSignals(False)
        self._emit()

    def save(self, settings: QSettings) -> None:
        """Filters only: the search text is not kept, as it may name the patient's disease."""
        f = self.filters()
        settings.setValue("filters/open_only", f.open_only)
        settings.setValue("filters/hide_ineligible", f.hide_ineligible)
        settings.setValue("filters/phase", f.phase or "")
        settings.setValue("filters/country", f.country or "")
        settings.setValue("filters/max_km", f.max_km or 0)

    def restore(self, settings: QSettings) -> None:
        def flag(key: str, default: bool) -> bool:
            value = settings.value(key, default)
            return value if isinstance(value, bool) else str(value).lower() == "true"

        try:
            max_km = int(str(settings.value("filters/max_km", 0)))
        except ValueError:
            max_km = 0
        phase = str(settings.value("filters/phase", "") or "")
        self.set_filters(
            Filters(
                open_only=flag("filters/open_only", True),
                hide_ineligible=flag("filters/hide_ineligible", False),
                phase=phase if phase in PHASES else None,
                country=str(settings.value("filters/country", "") or "") or None,
                max_km=max_km or None,
            )
        )

    def _emit(self) -> None:
        self.filtersChanged.emit(self.filters())
