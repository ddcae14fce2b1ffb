"""Prior treatments: name, category, start and end, typed like the lab grid.

Washout and "no prior X" criteria read these rows, so each is kept as typed (dates as text until they are
dates) and judged by the engine's ``load_patient``, whose messages come back as cell markers.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtWidgets import QHeaderView, QStyle, QWidget

from trialmatch.domain.patient import TREATMENT_CATEGORIES
from trialmatch.gui.lab_grid import Cell, RowsTableModel, RowsTableView, entry_of, text_of

NAME, CATEGORY, START, END = range(4)
TREATMENT_FIELDS = {"name": NAME, "category": CATEGORY, "start": START, "end": END}
"""Patient-file field of a treatment entry -> table column, to place the engine's problems."""

DATE_HINT = "YYYY-MM-DD"


@dataclass(frozen=True, slots=True)
class TreatmentRow:
    name: str = ""
    category: str = ""
    start: str = ""
    end: str = ""
    """Empty with a start date means ongoing."""

    extra: tuple[tuple[str, object], ...] = ()
    """Keys of a loaded entry the table has no column for, written back so the engine can name them."""

    def entry(self) -> dict[str, object]:
        """The row as a format-v1 ``treatments`` entry; untyped fields are left out."""
        typed = {"name": self.name, "category": self.category, "start": self.start, "end": self.end}
        return entry_of(typed, self.extra)

    @classmethod
    def from_entry(cls, entry: Mapping[str, object]) -> TreatmentRow:
        known = ("name", "category", "start", "end")
        return cls(
            name=text_of(entry.get("name")),
            category=text_of(entry.get("category")),
            start=text_of(entry.get("start")),
            end=text_of(entry.get("end")),
            extra=tuple((k, v) for k, v in entry.items() if k not in known),
        )


class TreatmentsModel(RowsTableModel):
    """Treatment rows; the category picker offers the format's vocabulary (or nothing)."""

    headers = ("Treatment", "Category", "Start", "End")

    def _blank(self) -> TreatmentRow:
        return TreatmentRow()

    def _cells_of(self, row: TreatmentRow) -> tuple[Cell, ...]:
        categories: tuple[str, ...] = ("", *TREATMENT_CATEGORIES)
        if row.category not in categories:
            categories = (row.category, *categories)
        return (
            Cell(row.name, row.name),
            Cell(row.category, row.category, choices=categories, free_text=False),
            Cell(row.start, row.start, tooltip=DATE_HINT),
            Cell(row.end, row.end, tooltip=f"{DATE_HINT}; empty if ongoing"),
        )

    def _edited(self, row: TreatmentRow, column: int, text: str) -> TreatmentRow:
        change: dict[str, Any] = {("name", "category", "start", "end")[column]: text.strip()}
        return replace(row, **change)


class TreatmentsTable(RowsTableView):
    """The table view over a :class:`TreatmentsModel`."""

    def __init__(self, model: TreatmentsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        model.set_warning_icon(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning))
        self.setAccessibleName("Prior treatments")
        header = self.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        for column in (CATEGORY, START, END):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
