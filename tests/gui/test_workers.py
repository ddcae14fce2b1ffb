"""Background work: results, failures and progress arrive on the GUI thread as plain data."""

from __future__ import annotations

import threading

from trialmatch.gui.workers import TaskRunner


def _threaded_sum(values, progress):
    for done, _ in enumerate(values, start=1):
        progress(done, len(values), f"item {done}")
    return sum(values), threading.current_thread() is threading.main_thread()


def _refuse(path):
    raise FileNotFoundError(path)


def test_result_and_progress_are_delivered_on_the_gui_thread(qtbot):
    runner = TaskRunner()
    seen = []
    results = []

    def record_progress(done, total, text):
        seen.append((done, total, text, threading.current_thread() is threading.main_thread()))

    runner.run(
        _threaded_sum,
        [1, 2, 3],
        on_finished=results.append,
        on_failed=lambda exc: results.append(exc),
        on_progress=record_progress,
    )
    qtbot.waitUntil(lambda: bool(results), timeout=5000)
    assert results == [(6, False)]
    assert seen == [(1, 3, "item 1", True), (2, 3, "item 2", True), (3, 3, "item 3", True)]
    runner.wait()


def test_a_failure_is_delivered_as_the_exception_not_raised(qtbot):
    runner = TaskRunner()
    failures = []
    runner.run(_refuse, "/nowhere/trials.db", on_finished=failures.append, on_failed=failures.append)
    qtbot.waitUntil(lambda: bool(failures), timeout=5000)
    (error,) = failures
    assert isinstance(error, FileNotFoundError)
    assert error.args == ("/nowhere/trials.db",)
    runner.wait()
