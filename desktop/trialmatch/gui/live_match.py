"""Re-ranking while the clinician types: debounce, match on a worker, keep only the newest answer.

At most one match runs at a time (the machine may have two cores and the GUI needs one). A request made
while one runs replaces any request already waiting; when the running match ends, its now-stale result is
dropped and the waiting request starts. Every result carries its generation and timings, so the window
and the latency benchmark see the same figures.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QObject, QTimer, Signal

from trialmatch.app.matching import Matcher, MatchRow
from trialmatch.domain.evaluation import Override
from trialmatch.domain.patient import Patient
from trialmatch.gui.workers import TaskRunner


@dataclass(frozen=True, slots=True)
class MatchRequest:
    patient: Patient
    as_of: date
    overrides: Mapping[str, Mapping[int, Override]]
    only: frozenset[str] | None
    requested_at: float
    """``time.perf_counter()`` when the edit happened (before any debounce)."""


@dataclass(frozen=True, slots=True)
class MatchResult:
    generation: int
    rows: list[MatchRow]
    request: MatchRequest
    """What was matched: the report describes exactly this patient, as of this date."""
    launched_at: float
    """When the debounce ended and the match was queued (GUI thread)."""
    started_at: float
    finished_at: float

    @property
    def compute_ms(self) -> float:
        return (self.finished_at - self.started_at) * 1000


def _run_match(matcher: Matcher, request: MatchRequest, generation: int, launched: float) -> MatchResult:
    started = time.perf_counter()
    only = set(request.only) if request.only is not None else None
    rows = matcher.match(request.patient, request.as_of, request.overrides, only)
    return MatchResult(generation, rows, request, launched, started, time.perf_counter())


class LiveMatcher(QObject):
    resultsReady = Signal(object)
    """:class:`MatchResult`, newest only, delivered on the GUI thread."""
    failed = Signal(str)

    def __init__(self, runner: TaskRunner, debounce_ms: int = 250, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._matcher: Matcher | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._timer.timeout.connect(self._launch_waiting)
        self._waiting: MatchRequest | None = None
        self._running = False
        self._generation = 0

    def set_matcher(self, matcher: Matcher | None) -> None:
        self._matcher = matcher

    def request(self, request: MatchRequest, *, debounce: bool = True) -> None:
        """Match ``request`` after the debounce delay (restarted by each call), or as soon as possible."""
        self._waiting = request
        if debounce:
            self._timer.start()
        else:
            self._timer.stop()
            self._launch_waiting()

    def is_idle(self) -> bool:
        return not self._running and self._waiting is None and not self._timer.isActive()

    def _launch_waiting(self) -> None:
        if self._running or self._waiting is None or self._matcher is None:
            return
        request, self._waiting = self._waiting, None
        self._generation += 1
        self._running = True
        self._runner.run(
            _run_match,
            self._matcher,
            request,
            self._generation,
            time.perf_counter(),
            on_finished=self._finished,
            on_failed=self._failed,
        )

    def _finished(self, result: MatchResult) -> None:
        self._running = False
        if self._waiting is not None and not self._timer.isActive():
            self._launch_waiting()
            return
        if result.generation == self._generation and self._waiting is None:
            self.resultsReady.emit(result)

    def _failed(self, error: Exception) -> None:
        self._running = False
        self.failed.emit(f"{type(error).__name__}: {error}")
        if not self._timer.isActive():
            self._launch_waiting()
