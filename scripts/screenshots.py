"""Render the README screenshots: the main window with the example patient ranked, and a seed trial's detail.

Runs offscreen (QWidget.grab needs no display) with throw-away settings, so the user's own window state
and draft are neither used nor touched.
Run: .venv/bin/python scripts/screenshots.py OUT_DIR [--db trials.db] [--trial NCT03252938]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QSize
from PySide6.QtWidgets import QApplication

from trialmatch.app.context import load_catalogue
from trialmatch.app.paths import bundled_catalogue
from trialmatch.gui.context import AppContext
from trialmatch.gui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[1]
PATIENT = ROOT / "tests" / "data" / "patients" / "example_melanoma.json"
SEED_TRIAL = "NCT03252938"
"""IMP321 (eftilagimod alpha) in advanced solid tumours: seed document 002, recruiting, with contacts."""


def _wait(app: QApplication, condition: Callable[[], bool], timeout: float = 60.0) -> None:
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the window did not settle in time")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 10)


def main(out: Path, db: Path, trial_id: str) -> int:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as scratch:
        context = AppContext.throwaway(db, Path(scratch))
        window = MainWindow(context, load_catalogue(db))
        window.resize(QSize(1680, 1000))
        window.show()
        window.open_patient_file(PATIENT)
        _wait(app, lambda: window.is_idle() and window.ranking() is not None)
        if window.shown_rows():
            window.select_trial(window.shown_rows()[0].card.trial_id)
        app.processEvents()
        main_png = out / "main-window.png"
        window.grab().save(str(main_png))
        print(main_png)
        if not window.select_trial(trial_id):
            print(f"{trial_id} is not listed with the default filters; detail not rendered", file=sys.stderr)
            return 1
        width = sum(window.splitter.sizes())
        window.splitter.setSizes([width // 2, width - width // 2])
        app.processEvents()
        detail_png = out / "trial-detail.png"
        window.detail.grab().save(str(detail_png))
        print(detail_png)
        window.setWindowModified(False)
        window.close()
        context.runner.wait()
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--db", type=Path, default=bundled_catalogue())
    parser.add_argument("--trial", default=SEED_TRIAL)
    arguments = parser.parse_args()
    sys.exit(main(arguments.out, arguments.db, arguments.trial))
