"""The crash-recovery draft: what was typed survives, readable by the owner only, never half-written."""

from __future__ import annotations

import os
import stat
import sys

import pytest

from trialmatch.app.draft import DRAFT_NAME, DraftStore

DOCUMENT = {
    "format": "trialmatch-patient/1",
    "age": "-3",
    "sex": "female",
    "labs": [{"test": "ANC", "value": 1.2, "unit": "10^9/L"}],
    "findings": {"brain_metastases": True},
}


def test_save_then_load_returns_the_document_with_invalid_values_kept(tmp_path):
    store = DraftStore(tmp_path)
    store.save(DOCUMENT)
    assert store.load() == DOCUMENT
    assert store.load()["age"] == "-3"


def test_load_without_a_draft_is_none(tmp_path):
    assert DraftStore(tmp_path).load() is None


def test_save_replaces_the_previous_draft_and_leaves_no_temporary_file(tmp_path):
    store = DraftStore(tmp_path)
    store.save(DOCUMENT)
    store.save({"format": "trialmatch-patient/1", "age": 62})
    assert store.load() == {"format": "trialmatch-patient/1", "age": 62}
    assert sorted(p.name for p in tmp_path.iterdir()) == [DRAFT_NAME]


def test_discard_removes_the_draft_and_is_harmless_twice(tmp_path):
    store = DraftStore(tmp_path)
    store.save(DOCUMENT)
    store.discard()
    store.discard()
    assert store.load() is None
    assert list(tmp_path.iterdir()) == []


def test_a_torn_or_foreign_draft_loads_as_none(tmp_path):
    store = DraftStore(tmp_path)
    store.path.write_text('{"format": "trialmatch-pat', encoding="utf-8")
    assert store.load() is None
    store.path.write_text("[1, 2]", encoding="utf-8")
    assert store.load() is None


def test_non_ascii_text_round_trips(tmp_path):
    store = DraftStore(tmp_path)
    store.save({"location": "Zürich", "labs": [{"test": "PLT", "value": 85, "unit": "/µL"}]})
    assert store.load() == {"location": "Zürich", "labs": [{"test": "PLT", "value": 85, "unit": "/µL"}]}


def test_save_creates_a_missing_directory(tmp_path):
    store = DraftStore(tmp_path / "TrialMatch")
    store.save(DOCUMENT)
    assert store.load() == DOCUMENT


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
def test_draft_is_readable_by_its_owner_only_even_under_a_permissive_umask(tmp_path):
    previous = os.umask(0)
    try:
        store = DraftStore(tmp_path)
        store.save(DOCUMENT)
        store.save(DOCUMENT)
    finally:
        os.umask(previous)
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
def test_a_leftover_temporary_file_with_wide_permissions_is_not_reused(tmp_path):
    store = DraftStore(tmp_path)
    leftover = tmp_path / f".{DRAFT_NAME}.{os.getpid()}.tmp"
    leftover.write_text("stale", encoding="utf-8")
    leftover.chmod(0o644)
    store.save(DOCUMENT)
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    assert not leftover.exists()
