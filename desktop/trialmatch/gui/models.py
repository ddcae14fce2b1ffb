"""Qt table models: thin adapters over lists of rows whose cells are computed once, when the list is set.

``data()`` only looks values up, so scrolling and repainting never re-run matching or formatting.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon

from trialmatch.app.matching import MatchRow
from trialmatch.app.report import (
    SiteDistance,
    distance_text,
    site_label,
    status_text,
    verdict_text,
)
from trialmatch.domain.trial import Contact, Trial
from trialmatch.gui.table_model import AnyIndex, FlatTableModel

_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


@dataclass(frozen=True, slots=True)
class Cells:
    """One table row as shown: display text per column, and the tooltip for the whole row."""

    texts: tuple[str, ...]
    tooltip: str = ""


class CellsModel(FlatTableModel):
    """A read-only table over precomputed :class:`Cells`; subclasses say how a domain object becomes cells."""

    NUMERIC: frozenset[int] = frozenset()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._cells: list[Cells] = []
        self._alignments = tuple(_RIGHT if c in self.NUMERIC else _LEFT for c in range(len(self.headers)))

    def _reset(self, cells: list[Cells]) -> None:
        self.beginResetModel()
        self._cells = cells
        self.endResetModel()

    def row_total(self) -> int:
        return len(self._cells)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        cells = self._cells[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return cells.texts[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return cells.tooltip or None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self._alignments[index.column()]
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def text(self, row: int, column: int) -> str:
        return self._cells[row].texts[column]


class ResultsModel(CellsModel):
    """The ranked trials. The verdict column carries an icon as well as its words."""

    headers = ("Verdict", "Trial", "Phase", "Status", "Unmet", "Unknown", "Nearest site", "Distance")
    NUMERIC = frozenset({4, 5, 7})
    VERDICT = 0

    def __init__(self, verdict_icons: dict[Any, QIcon], parent: Any = None) -> None:
        super().__init__(parent)
        self._icons = verdict_icons
        self._rows: list[MatchRow] = []
        self._row_icons: list[QIcon] = []
        self._positions: dict[str, int] = {}

    def set_rows(self, rows: Sequence[MatchRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._cells = [_result_cells(row) for row in self._rows]
        self._row_icons = [self._icons[row.verdict] for row in self._rows]
        self._positions = {row.card.trial_id: i for i, row in enumerate(self._rows)}
        self.endResetModel()

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DecorationRole and index.isValid() and index.column() == self.VERDICT:
            return self._row_icons[index.row()]
        if role == Qt.ItemDataRole.UserRole and index.isValid():
            return self._rows[index.row()].card.trial_id
        return super().data(index, role)

    def rows(self) -> list[MatchRow]:
        return list(self._rows)

    def row_at(self, row: int) -> MatchRow:
        return self._rows[row]

    def position(self, trial_id: str) -> int | None:
        return self._positions.get(trial_id)


def _result_cells(row: MatchRow) -> Cells:
    evaluation = row.evaluation
    card = row.card
    return Cells(
        (
            verdict_text(evaluation),
            card.title,
            (card.phase or "").replace("/Phase ", "/"),
            status_text(card.status),
            str(evaluation.n_fail),
            str(evaluation.n_unknown),
            row.nearest_site or "",
            distance_text(row.distance_km),
        ),
        tooltip=f"{card.title}\n{card.trial_id}: {evaluation.reason}",
    )


@dataclass(frozen=True, slots=True)
class ContactRow:
    contact: Contact
    where: str
    """ "Trial" for the study's own contacts, else the site's label."""


def contact_rows(trial: Trial, sites: Sequence[SiteDistance]) -> list[ContactRow]:
    """The trial's own contacts first, then each site's, nearest site first."""
    rows = [ContactRow(c, "Trial") for c in trial.contacts]
    rows.extend(ContactRow(c, site_label(s.site)) for s in sites for c in s.site.contacts)
    return rows


class ContactsModel(CellsModel):
    headers = ("Name", "Role", "Phone", "Email", "Where")
    PHONE = 2
    EMAIL = 3

    def set_contacts(self, rows: Sequence[ContactRow]) -> None:
        self._reset(
            [
                Cells(
                    (
                        r.contact.name,
                        r.contact.role.value.replace("_", " ").capitalize(),
                        r.contact.phone or "",
                        r.contact.email or "",
                        r.where,
                    ),
                    tooltip=r.contact.address or r.contact.affiliation or "",
                )
                for r in rows
            ]
        )


class SitesModel(CellsModel):
    headers = ("Facility", "City", "Country", "Status", "Distance")
    NUMERIC = frozenset({4})

    def set_sites(self, sites: Sequence[SiteDistance]) -> None:
        self._reset(
            [
                Cells(
                    (
                        s.site.facility or "",
                        ", ".join(filter(None, [s.site.city, s.site.state])),
                        s.site.country or "",
                        status_text(s.site.status) if s.site.status else "Not given",
                        distance_text(s.km),
                    )
                )
                for s in sites
            ]
        )
