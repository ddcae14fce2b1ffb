"""The application context: everything the window needs from outside, built once in ``main`` and passed in.

No globals, no singletons: tests build their own context with a recorder for dialogs, a settings file
and a draft folder in a temporary directory, and a fixed date.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings

from trialmatch.app.draft import DraftStore
from trialmatch.app.paths import APP_NAME, user_data_dir
from trialmatch.gui.dialogs import Dialogs
from trialmatch.gui.icons import Icons
from trialmatch.gui.workers import TaskRunner


@dataclass
class AppContext:
    catalogue_path: Path
    """The catalogue matched against and imported into; changes when the user picks another one."""
    settings: QSettings
    """Window geometry, filters and the last folder used: never a patient value."""
    dialogs: Dialogs
    drafts: DraftStore
    today: Callable[[], date]
    runner: TaskRunner
    icons: Icons
    debounce_ms: int = 250
    draft_delay_ms: int = 1000

    @classmethod
    def create(cls, catalogue_path: Path) -> AppContext:
        """The real context; needs a QApplication (icons are drawn, settings use its names)."""
        return cls._real(catalogue_path, QSettings(APP_NAME, APP_NAME), DraftStore(user_data_dir()))

    @classmethod
    def throwaway(cls, catalogue_path: Path, directory: Path) -> AppContext:
        """A real context whose settings and drafts live in ``directory``: for scripts that drive the
        window (screenshots, latency bench) without using or touching the user's own."""
        settings = QSettings(str(directory / "settings.ini"), QSettings.Format.IniFormat)
        return cls._real(catalogue_path, settings, DraftStore(directory))

    @classmethod
    def _real(cls, catalogue_path: Path, settings: QSettings, drafts: DraftStore) -> AppContext:
        """The real dialogs, clock, task runner and icons, with the settings and drafts given."""
        return cls(
            catalogue_path=catalogue_path,
            settings=settings,
            dialogs=Dialogs(),
            drafts=drafts,
            today=date.today,
            runner=TaskRunner(),
            icons=Icons.build(),
        )

    def last_directory(self) -> str:
        return str(self.settings.value("paths/last_directory", str(Path.home())))

    def remember_directory(self, path: Path) -> None:
        self.settings.setValue("paths/last_directory", str(path.parent))
