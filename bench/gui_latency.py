"""Time from a patient edit to the re-ranked list on screen, in the real window, on the shipped catalogue.

Each edit changes one laboratory value of the README melanoma patient in the panel's lab grid (the
ANC or the AST cell, as committing a typed value does), then waits until the window shows the new
ranking. Reported separately:
- edit -> shown: what the clinician waits, including the debounce delay;
- launch -> shown: after the debounce, the worker's match plus handing the rows to the table;
- match only: Matcher.match on the worker.
Run offscreen: .venv/bin/python bench/gui_latency.py [--db trials.db] [--edits 50]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtWidgets import QApplication

from trialmatch.app.context import load_catalogue
from trialmatch.app.paths import bundled_catalogue
from trialmatch.gui.context import AppContext
from trialmatch.gui.lab_grid import VALUE
from trialmatch.gui.live_match import MatchResult
from trialmatch.gui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[1]
PATIENT = ROOT / "tests" / "data" / "patients" / "example_melanoma.json"


def _wait(app: QApplication, condition: Callable[[], bool], timeout: float = 60.0) -> None:
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the window did not show a new ranking in time")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)


def _edit(window: MainWindow, step: int) -> None:
    """Alternately the ANC (row 0) and the AST (row 1), through values that move trials between verdicts;
    each differs from the cell's previous value, so every edit is a real change."""
    model = window.panel.labs_model
    if step % 2:
        row, value = 0, f"{0.8 + (step % 12) * 0.2:.1f}"
    else:
        row, value = 1, str(30 + (step % 10) * 15)
    if not model.setData(model.index(row, VALUE), value, Qt.ItemDataRole.EditRole):
        raise RuntimeError(f"lab grid refused {value!r} in row {row}")


def _percentiles(values: list[float]) -> str:
    p95 = statistics.quantiles(values, n=20, method="inclusive")[18]
    return f"p50 {statistics.median(values):7.1f} ms   p95 {p95:7.1f} ms   max {max(values):7.1f} ms"


def main(db: Path, edits: int) -> int:
    if not db.is_file():
        print(f"{db}: no catalogue; build it with .venv/bin/trialmatch catalogue build", file=sys.stderr)
        return 1
    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as scratch:
        context = AppContext.throwaway(db, Path(scratch))
        started = time.perf_counter()
        loaded = load_catalogue(db)
        seconds = time.perf_counter() - started
        print(f"catalogue: {db} ({len(loaded.matcher):,} trials), loaded in {seconds:.2f} s")
        window = MainWindow(context, loaded)
        window.show()
        _wait(app, lambda: window.is_idle() and window.ranking() is not None)
        window.open_patient_file(PATIENT)
        _wait(app, lambda: window.is_idle())
        shown: list[tuple[float, MatchResult]] = []
        window.live.resultsReady.connect(lambda result: shown.append((time.perf_counter(), result)))
        with_debounce: list[float] = []
        after_debounce: list[float] = []
        match_only: list[float] = []
        for step in range(edits):
            before = len(shown)
            edit_at = time.perf_counter()
            _edit(window, step)
            _wait(app, lambda before=before: len(shown) > before and window.is_idle())
            shown_at, result = shown[-1]
            with_debounce.append((shown_at - edit_at) * 1000)
            after_debounce.append((shown_at - result.launched_at) * 1000)
            match_only.append(result.compute_ms)
        rows = len(window.ranking().rows) if window.ranking() else 0
        window.setWindowModified(False)
        window.close()
        context.runner.wait()
    print(f"edits: {edits}, trials ranked per edit: {rows:,}, debounce: {context.debounce_ms} ms")
    print(f"edit -> shown (with debounce):  {_percentiles(with_debounce)}")
    print(f"launch -> shown (no debounce):  {_percentiles(after_debounce)}")
    print(f"match only (worker):            {_percentiles(match_only)}")
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=bundled_catalogue())
    parser.add_argument("--edits", type=int, default=50)
    arguments = parser.parse_args()
    sys.exit(main(arguments.db, arguments.edits))
