"""Shared fixtures. Qt runs offscreen so the suite needs no display."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

DATA = Path(__file__).parent / "data"
SEEDS = DATA / "seeds"


@pytest.fixture
def seed_path():
    """Path of a seed document by its number: ``seed_path("002")``."""

    def find(number: str) -> Path:
        (match,) = SEEDS.glob(f"{number}_*.txt")
        return match

    return find
