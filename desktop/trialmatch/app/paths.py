"""Where TrialMatch finds its catalogue and keeps its per-user files, in source and frozen builds alike."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import trialmatch

APP_NAME = "TrialMatch"


def bundled_catalogue() -> Path:
    """The shipped ``trials.db``: beside the frozen executable's data, or at the repository root."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "trials.db"
    return Path(trialmatch.__file__).resolve().parents[2] / "trials.db"


def user_data_dir() -> Path:
    """Per-user data (the crash-recovery draft); created with owner-only permissions."""
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share"))
    path = base / APP_NAME
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path
