"""Running a plain function on a thread pool and getting its result back on the GUI thread.

The function never sees a widget: it receives plain arguments and returns plain data. Its signals object
is created on the GUI thread, so every emission from the pool thread is queued to the GUI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class TaskSignals(QObject):
    finished = Signal(object)
    failed = Signal(object)
    """The exception the function raised, delivered as data and never re-raised on the GUI thread."""
    progress = Signal(int, int, str)


class _Task(QRunnable):
    def __init__(self, signals: TaskSignals, fn: Callable[..., Any], args: tuple[Any, ...], progress: bool):
        super().__init__()
        self._signals = signals
        self._fn = fn
        self._args = args
        self._progress = progress

    def run(self) -> None:
        try:
            if self._progress:
                result = self._fn(*self._args, progress=self._signals.progress.emit)
            else:
                result = self._fn(*self._args)
        except Exception as exc:
            log.info("background task %s failed: %s", getattr(self._fn, "__name__", "?"), type(exc).__name__)
            self._signals.failed.emit(exc)
        else:
            self._signals.finished.emit(result)


class TaskRunner(QObject):
    """The app's one thread pool; keeps each task's signals alive until its result has been delivered."""

    def __init__(self, max_threads: int = 2, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._live: set[TaskSignals] = set()

    def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_finished: Callable[[Any], None],
        on_failed: Callable[[Exception], None],
        on_progress: Callable[[int, int, str], None] | None = None,
    ) -> None:
        """Queue ``fn(*args)`` (given ``progress=`` with ``on_progress``); callbacks run on this thread."""
        signals = TaskSignals()
        self._live.add(signals)
        signals.finished.connect(on_finished)
        signals.failed.connect(on_failed)
        signals.finished.connect(lambda _result: self._live.discard(signals))
        signals.failed.connect(lambda _exc: self._live.discard(signals))
        if on_progress is not None:
            signals.progress.connect(on_progress)
        self._pool.start(_Task(signals, fn, args, on_progress is not None))

    def wait(self, msecs: int = -1) -> bool:
        """Block until running tasks end (at shutdown); results not yet delivered are dropped."""
        return self._pool.waitForDone(msecs)
