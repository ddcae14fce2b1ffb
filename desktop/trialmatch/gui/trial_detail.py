"""One trial, explained: every criterion (unmet first) with its reason, then whom to call and where.

Criteria are rich text so the clinician reads each source sentence with its reason, the patient values
used and what is missing at a glance; overrides are links, reachable with Tab and Enter. Contacts and
sites are tables so a phone number or e-mail is selected and copied like any cell.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import QPoint, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from trialmatch.app.matching import MatchRow
from trialmatch.app.report import (
    SiteDistance,
    criterion_html,
    sites_by_distance,
    status_text,
    verdict_text,
)
from trialmatch.domain.evaluation import CriterionResult, Outcome
from trialmatch.domain.trial import Trial
from trialmatch.gui.dialogs import Dialogs
from trialmatch.gui.icons import Icons
from trialmatch.gui.models import ContactsModel, SitesModel, contact_rows

_SELECTABLE = Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
_GROUPS = ((Outcome.FAIL, "Unmet"), (Outcome.UNKNOWN, "Unknown"), (Outcome.PASS, "Met"))
NO_CRITERIA = "No eligibility criteria on record."
_IDENTIFIER_TYPES = {"org_study_id": "Sponsor's study ID", "secondary_id": "Secondary ID"}


def criteria_html(results: Sequence[CriterionResult], has_criteria: bool) -> str:
    """The criteria grouped Unmet / Unknown / Met, each with its override links."""
    parts: list[str] = []
    if not has_criteria:
        parts.append(
            f"<p><b>{NO_CRITERIA}</b> The registry gives none for this trial: judge eligibility "
            "with the study team.</p>"
        )
    for outcome, heading in _GROUPS:
        group = [r for r in results if r.result is outcome]
        if not group:
            continue
        parts.append(f"<h3>{heading} ({len(group)})</h3>")
        for result in group:
            links = [f"<a href='override:{result.index}'>Mark as met / not met…</a>"]
            if result.override is not None:
                links.append(f"<a href='clear:{result.index}'>Clear override</a>")
            parts.append(criterion_html(result, " · ".join(links)))
    return "\n".join(parts)


def record_html(trial: Trial) -> str:
    """Registry identifiers and the record's descriptive fields, for checking against the source."""
    rows: list[tuple[str, str]] = [("Registry", trial.registry), ("Identifier", trial.id)]
    rows.extend(
        (_IDENTIFIER_TYPES.get(i.type or "", i.type or "Other ID"), i.value) for i in trial.identifiers
    )
    if trial.acronym:
        rows.append(("Acronym", trial.acronym))
    if trial.official_title:
        rows.append(("Official title", trial.official_title))
    if trial.conditions:
        rows.append(("Conditions", "; ".join(trial.conditions)))
    if trial.interventions:
        rows.append(("Interventions", "; ".join(trial.interventions)))
    ages = (
        f"{trial.min_age:g} years" if trial.min_age is not None else "no minimum",
        f"{trial.max_age:g} years" if trial.max_age is not None else "no maximum",
    )
    rows.append(("Ages", f"{ages[0]} to {ages[1]}"))
    rows.append(("Sex", trial.sex.value))
    if trial.enrollment is not None:
        rows.append(("Enrollment", f"{trial.enrollment:,}"))
    if trial.sponsors:
        rows.append(("Sponsors", "; ".join(trial.sponsors)))
    if trial.last_update:
        rows.append(("Last update", trial.last_update.isoformat()))
    if trial.source_url:
        rows.append(("Source", trial.source_url))
    table = "".join(
        f"<tr><th align='left' valign='top'>{escape(k)}</th><td>{escape(v)}</td></tr>" for k, v in rows
    )
    summary = f"<h3>Summary</h3><p>{escape(trial.summary)}</p>" if trial.summary else ""
    return f"<table cellpadding='3'>{table}</table>{summary}"


class TrialDetail(QWidget):
    """Shows one matched trial; asks for overrides through the dialogs seam and reports them as a signal."""

    overrideRequested = Signal(str, int, object)
    """trial id, criterion index, :class:`Override` or None to clear it."""

    def __init__(self, icons: Icons, dialogs: Dialogs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._icons = icons
        self._dialogs = dialogs
        self._row: MatchRow | None = None

        self.placeholder = QLabel(
            "Select a trial in the list to see every criterion, its contacts and sites."
        )
        self.placeholder.setWordWrap(True)

        self.verdict_icon = QLabel()
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.verdict.setTextInteractionFlags(_SELECTABLE)
        badge = QHBoxLayout()
        badge.addWidget(self.verdict_icon)
        badge.addWidget(self.verdict, 1)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(_SELECTABLE)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        self.subtitle = QLabel()
        self.subtitle.setWordWrap(True)
        self.subtitle.setTextInteractionFlags(_SELECTABLE)
        self.near_miss = QFrame()
        self.near_miss.setFrameShape(QFrame.Shape.StyledPanel)
        self.near_miss.setObjectName("nearMissBanner")
        # Its own text colour with its own background, so the banner stays legible under a dark palette.
        self.near_miss.setStyleSheet(
            "#nearMissBanner { background: #fff4d6; border: 1px solid #e69f00; }"
            " #nearMissBanner QLabel { color: #3b2f00; }"
        )
        self.near_miss_icon = QLabel()
        self.near_miss_text = QLabel()
        self.near_miss_text.setWordWrap(True)
        self.near_miss_text.setTextInteractionFlags(_SELECTABLE)
        banner = QHBoxLayout(self.near_miss)
        banner.addWidget(self.near_miss_icon)
        banner.addWidget(self.near_miss_text, 1)
        self.near_miss.hide()

        self.criteria = QTextBrowser()
        self.criteria.setOpenLinks(False)
        self.criteria.anchorClicked.connect(self._anchor)
        self.contacts_model = ContactsModel(self)
        self.contacts = _table(self.contacts_model)
        self.contacts.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.contacts.customContextMenuRequested.connect(self._contact_menu)
        self.copy_phone = QPushButton("Copy phone")
        self.copy_email = QPushButton("Copy email")
        self.copy_contact = QPushButton("Copy contact")
        self.copy_phone.clicked.connect(lambda: self._copy_cell(ContactsModel.PHONE))
        self.copy_email.clicked.connect(lambda: self._copy_cell(ContactsModel.EMAIL))
        self.copy_contact.clicked.connect(self._copy_contact)
        copy_action = QAction("Copy", self.contacts)
        copy_action.setShortcut(QKeySequence.StandardKey.Copy)
        copy_action.triggered.connect(self._copy_contact)
        self.contacts.addAction(copy_action)
        self.contacts.selectionModel().selectionChanged.connect(self._update_copy_buttons)
        contacts_page = QWidget()
        contacts_page.setFocusProxy(self.contacts)
        contacts_layout = QVBoxLayout(contacts_page)
        contacts_layout.addWidget(self.contacts)
        buttons = QHBoxLayout()
        for button in (self.copy_phone, self.copy_email, self.copy_contact):
            buttons.addWidget(button)
        buttons.addStretch(1)
        contacts_layout.addLayout(buttons)
        self.no_contacts = QLabel("No contact on record: use the registry page or the sponsor.")
        contacts_layout.addWidget(self.no_contacts)
        self.sites_model = SitesModel(self)
        self.sites = _table(self.sites_model)
        self.record = QTextBrowser()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.criteria, "C&riteria")
        self.tabs.addTab(contacts_page, "Contacts")
        self.tabs.addTab(self.sites, "Sites")
        self.tabs.addTab(self.record, "Record")

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(badge)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.near_miss)
        layout.addWidget(self.tabs, 1)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)
        self._update_copy_buttons()

    # -- showing -------------------------------------------------------------------------------

    def trial_id(self) -> str | None:
        return self._row.card.trial_id if self._row else None

    def criteria_results(self) -> tuple[CriterionResult, ...]:
        """The shown trial's criteria, unmet first (empty when nothing is shown)."""
        return self._row.evaluation.ordered() if self._row else ()

    def clear(self) -> None:
        self._row = None
        self.stack.setCurrentIndex(0)

    def show_trial(self, trial: Trial, row: MatchRow, location: str | None) -> None:
        """Show ``row``'s evaluation of ``trial``; the same trial again keeps the reader's scroll position."""
        same = self._row is not None and self._row.card.trial_id == trial.id
        scroll = self.criteria.verticalScrollBar().value() if same else 0
        self._row = row
        evaluation = row.evaluation
        self.verdict_icon.setPixmap(self._icons.verdict[evaluation.verdict].pixmap(self._badge_size()))
        self.verdict.setText(f"<b>{escape(verdict_text(evaluation))}</b> — {escape(evaluation.reason)}")
        self.title.setText(escape(trial.title))
        self.subtitle.setText(
            " · ".join(
                p
                for p in (
                    trial.id,
                    trial.registry,
                    trial.phase or "Phase not given",
                    status_text(trial.status),
                )
                if p
            )
        )
        if evaluation.near_miss:
            self.near_miss_icon.setPixmap(self._icons.near_miss.pixmap(self._badge_size()))
            self.near_miss_text.setText(f"<b>Near miss:</b> {escape(evaluation.near_miss)}")
            self.near_miss.show()
        else:
            self.near_miss.hide()
        self.criteria.setHtml(criteria_html(evaluation.ordered(), trial.has_criteria))
        self.criteria.verticalScrollBar().setValue(scroll)
        sites = sites_by_distance(trial, location)
        self._set_contacts(trial, sites)
        self.sites_model.set_sites(sites)
        self.tabs.setTabText(2, f"Sites ({len(sites)})")
        self.record.setHtml(record_html(trial))
        self.stack.setCurrentIndex(1)

    def _set_contacts(self, trial: Trial, sites: Sequence[SiteDistance]) -> None:
        rows = contact_rows(trial, sites)
        self.contacts_model.set_contacts(rows)
        self.tabs.setTabText(1, f"Contacts ({len(rows)})")
        self.no_contacts.setVisible(not rows)
        self.contacts.setVisible(bool(rows))
        if rows:
            self.contacts.selectRow(0)
        self._update_copy_buttons()

    def _badge_size(self) -> int:
        return self.fontMetrics().height()

    # -- overrides -----------------------------------------------------------------------------

    def _anchor(self, url: QUrl) -> None:
        action, _, index_text = url.toString().partition(":")
        if self._row is None or not index_text.isdigit():
            return
        index = int(index_text)
        result = next((r for r in self._row.evaluation.results if r.index == index), None)
        if result is None:
            return
        trial_id = self._row.card.trial_id
        if action == "override":
            override = self._dialogs.ask_override(self, result)
            if override is not None:
                self.overrideRequested.emit(trial_id, index, override)
        elif action == "clear":
            self.overrideRequested.emit(trial_id, index, None)

    # -- copying -------------------------------------------------------------------------------

    def _selected_contact_row(self) -> int | None:
        rows = self.contacts.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _update_copy_buttons(self) -> None:
        row = self._selected_contact_row()
        has = row is not None
        self.copy_phone.setEnabled(has and bool(self.contacts_model.text(row or 0, ContactsModel.PHONE)))
        self.copy_email.setEnabled(has and bool(self.contacts_model.text(row or 0, ContactsModel.EMAIL)))
        self.copy_contact.setEnabled(has)

    def _copy_cell(self, column: int) -> None:
        row = self._selected_contact_row()
        if row is not None:
            QGuiApplication.clipboard().setText(self.contacts_model.text(row, column))

    def _copy_contact(self) -> None:
        row = self._selected_contact_row()
        if row is None:
            return
        texts = [self.contacts_model.text(row, c) for c in range(len(ContactsModel.headers))]
        QGuiApplication.clipboard().setText(" · ".join(t for t in texts if t))

    def _contact_menu(self, position: QPoint) -> None:
        if self._selected_contact_row() is None:
            return
        menu = QMenu(self)
        for text, button in (
            ("Copy &phone", self.copy_phone),
            ("Copy &email", self.copy_email),
            ("Copy &contact", self.copy_contact),
        ):
            action = menu.addAction(text)
            action.setEnabled(button.isEnabled())
            action.triggered.connect(button.click)
        menu.popup(self.contacts.viewport().mapToGlobal(position))


def _table(model: ContactsModel | SitesModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view
