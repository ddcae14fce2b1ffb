"""GUI fixtures: one small real catalogue per session, a context whose dialogs answer from a script.

The catalogue is imported from the seed documents and the AACT fixtures in tests/data, exactly as a user's
Import would; settings and the crash draft live in the test's temporary directory, never the user's.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any, ClassVar

import pytest
from PySide6.QtCore import QSettings

from trialmatch.app.context import LoadedCatalogue, load_catalogue
from trialmatch.app.draft import DraftStore
from trialmatch.app.importing import import_files
from trialmatch.gui.context import AppContext
from trialmatch.gui.dialogs import Dialogs
from trialmatch.gui.icons import Icons
from trialmatch.gui.main_window import MainWindow
from trialmatch.gui.workers import TaskRunner

DATA = Path(__file__).parents[1] / "data"
PATIENTS = DATA / "patients"
TODAY = date(2026, 11, 20)


def registry_files() -> list[Path]:
    fixtures = DATA / "registry" / "aact_fixtures"
    return sorted((DATA / "seeds").glob("*.txt")) + sorted(fixtures.glob("*/*.*"))


@pytest.fixture(scope="session")
def catalogue_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("catalogue") / "trials.db"
    import_files(registry_files(), path)
    return path


@pytest.fixture(scope="session")
def loaded(catalogue_path: Path) -> Iterator[LoadedCatalogue]:
    catalogue = load_catalogue(catalogue_path)
    yield catalogue
    catalogue.close()


class RecordingDialogs(Dialogs):
    """Answers each question from a queue (``answer``), else with a harmless default; records every call."""

    DEFAULTS: ClassVar[dict[str, Any]] = {
        "ask_open_path": None,
        "ask_open_paths": [],
        "ask_save_path": None,
        "error": None,
        "info": None,
        "confirm": False,
        "choose": 1,
        "ask_override": None,
        "ask_printer": None,
    }

    def __init__(self) -> None:
        self.calls: list[tuple[str, tuple[Any, ...]]] = []
        self._answers: dict[str, deque[Any]] = defaultdict(deque)

    def answer(self, method: str, *values: Any) -> None:
        self._answers[method].extend(values)

    def called(self, method: str) -> list[tuple[Any, ...]]:
        return [args for name, args in self.calls if name == method]

    def _reply(self, method: str, *args: Any) -> Any:
        self.calls.append((method, args))
        queue = self._answers[method]
        return queue.popleft() if queue else self.DEFAULTS[method]

    def ask_open_path(self, parent: Any, title: str, directory: str, name_filter: str) -> Path | None:
        return self._reply("ask_open_path", title, directory, name_filter)

    def ask_open_paths(self, parent: Any, title: str, directory: str, name_filter: str) -> list[Path]:
        return self._reply("ask_open_paths", title, directory, name_filter)

    def ask_save_path(self, parent: Any, title: str, suggested: str, name_filter: str) -> Path | None:
        return self._reply("ask_save_path", title, suggested, name_filter)

    def error(self, parent: Any, title: str, text: str, details: str | None = None) -> None:
        return self._reply("error", title, text, details)

    def info(self, parent: Any, title: str, text: str, details: str | None = None) -> None:
        return self._reply("info", title, text, details)

    def confirm(self, parent: Any, title: str, text: str, accept: str, reject: str) -> bool:
        return self._reply("confirm", title, text, accept, reject)

    def choose(self, parent: Any, title: str, text: str, choices: Sequence[str]) -> int | None:
        return self._reply("choose", title, text, tuple(choices))

    def ask_override(self, parent: Any, criterion: Any) -> Any:
        return self._reply("ask_override", criterion)

    def ask_printer(self, parent: Any) -> Any:
        return self._reply("ask_printer")


@pytest.fixture
def dialogs() -> RecordingDialogs:
    return RecordingDialogs()


@pytest.fixture
def context(
    qapp: Any, tmp_path: Path, catalogue_path: Path, dialogs: RecordingDialogs
) -> Iterator[AppContext]:
    runner = TaskRunner()
    yield AppContext(
        catalogue_path=catalogue_path,
        settings=QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat),
        dialogs=dialogs,
        drafts=DraftStore(tmp_path / "user-data"),
        today=lambda: TODAY,
        runner=runner,
        icons=Icons.build(),
        debounce_ms=50,
        draft_delay_ms=50,
    )
    runner.wait()


@pytest.fixture
def wait_ranked(qtbot: Any) -> Callable[[MainWindow], None]:
    """Waits until the window's newest edit has been matched and shown."""

    def wait(window: MainWindow) -> None:
        qtbot.waitUntil(lambda: window.is_idle() and window.ranking() is not None, timeout=20_000)

    return wait


@pytest.fixture
def window(
    qtbot: Any, context: AppContext, loaded: LoadedCatalogue, wait_ranked: Callable[[MainWindow], None]
) -> MainWindow:
    main = MainWindow(context, loaded)
    qtbot.addWidget(main)
    main.show()
    wait_ranked(main)
    return main
