"""Crash-recovery draft of the patient form: besides a saved patient file, the one place patient data lands.

The form's raw content (format-v1 dict, invalid values included) is written on every debounced edit so a crash
or power cut loses nothing typed. Because it holds patient data it is readable by the owner only (created with
mode 0600, never widened) and replaced atomically: a reader sees the previous draft or the new one, never half
of one. ``discard`` removes it once the clinician has saved or deliberately closed the patient.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

DRAFT_NAME = "patient-draft.json"
_OWNER_ONLY = 0o600


class DraftStore:
    """The draft file in ``directory`` (normally :func:`trialmatch.app.paths.user_data_dir`)."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.path = directory / DRAFT_NAME

    def save(self, document: dict[str, object]) -> None:
        """Write the draft through a same-directory temporary file and an atomic rename."""
        self.directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        data = json.dumps(document, ensure_ascii=False, indent=1, default=str).encode("utf-8")
        temporary = self.directory / f".{DRAFT_NAME}.{os.getpid()}.tmp"
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()  # a leftover from a crash may have other permissions: never reuse it
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
        descriptor = os.open(temporary, flags, _OWNER_ONLY)
        try:
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            temporary.replace(self.path)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                temporary.unlink()
            raise

    def load(self) -> dict[str, object] | None:
        """The last draft, or None when there is none or it is unreadable (a torn or foreign file)."""
        try:
            document = json.loads(self.path.read_text(encoding="utf-8"))
        except (FileNotFoundError, UnicodeDecodeError, json.JSONDecodeError):
            return None
        return document if isinstance(document, dict) else None

    def discard(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()
