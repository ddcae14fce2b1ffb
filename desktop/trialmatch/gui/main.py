"""Start-up: build the application and its context, load the catalogue on a worker, open the window.

A catalogue that is missing or damaged is explained in a dialog (which file, what is wrong, what to do)
with a choice of another file or quitting, never a traceback.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog

from trialmatch import __version__
from trialmatch.app.context import LoadedCatalogue, load_catalogue
from trialmatch.app.paths import APP_NAME, bundled_catalogue
from trialmatch.gui.context import AppContext
from trialmatch.gui.main_window import MainWindow

log = logging.getLogger(__name__)

CATALOGUE_FILTER = "TrialMatch catalogue (*.db *.sqlite);;All files (*)"


def _load_in_background(context: AppContext, path: Path) -> LoadedCatalogue | Exception:
    """Load ``path`` on the worker while a busy dialog keeps the GUI responsive; the result or the error."""
    progress = QProgressDialog(f"Loading the trial catalogue\n{path}", "", 0, 0)
    progress.setWindowTitle(APP_NAME)
    progress.setCancelButton(None)
    progress.setWindowModality(Qt.WindowModality.ApplicationModal)
    # Shown only if loading is slow enough to notice, so a small catalogue does not flash a dialog.
    delay = QTimer(progress)
    delay.setSingleShot(True)
    delay.timeout.connect(progress.show)
    delay.start(300)
    outcome: list[LoadedCatalogue | Exception] = []
    loop = QEventLoop()

    def done(value: LoadedCatalogue | Exception) -> None:
        outcome.append(value)
        loop.quit()

    context.runner.run(load_catalogue, path, on_finished=done, on_failed=done)
    if not outcome:
        loop.exec()
    delay.stop()
    progress.close()
    return outcome[0]


def load_with_recovery(context: AppContext) -> LoadedCatalogue | None:
    """The catalogue at ``context.catalogue_path``, or one the user picks after an error; None to quit."""
    while True:
        loaded = _load_in_background(context, context.catalogue_path)
        if isinstance(loaded, LoadedCatalogue):
            return loaded
        log.warning("catalogue not loaded: %s", loaded)
        choice = context.dialogs.choose(
            None,
            "Trial catalogue unavailable",
            f"TrialMatch cannot use the trial catalogue.\n\n{loaded}\n\n"
            "Choose another catalogue file (a trials.db built with 'trialmatch catalogue build'), or quit.",
            ["&Choose another catalogue…", "&Quit"],
        )
        if choice != 0:
            return None
        path = context.dialogs.ask_open_path(
            None, "Choose a trial catalogue", str(context.catalogue_path.parent), CATALOGUE_FILTER
        )
        if path is None:
            return None
        context.catalogue_path = path


def launch(context: AppContext, patient: Path | None) -> MainWindow | None:
    """Load the catalogue, show the window, then open ``patient`` or offer a crash draft back."""
    loaded = load_with_recovery(context)
    if loaded is None:
        return None
    window = MainWindow(context, loaded)
    window.show()
    if patient is not None:
        window.open_patient_file(patient)
    else:
        window.offer_draft()
    return window


def run_gui(db: Path | None, patient: Path | None) -> int:
    """The desktop app; returns the process exit status (1 when no catalogue could be opened)."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    context = AppContext.create(db or bundled_catalogue())
    app.setWindowIcon(context.icons.app)
    window = launch(context, patient)
    if window is None:
        return 1
    return app.exec()
