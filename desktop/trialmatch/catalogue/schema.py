"""The catalogue's schema, versioned by ``PRAGMA user_version``.

A catalogue file outlives the app that wrote it (hospital IT copies them between machines), so every
schema change is a numbered migration applied in order, never an edit of an earlier one.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlite_utils

SCHEMA_VERSION = 1


def _v1(db: sqlite_utils.Database) -> None:
    """Trials with their criteria, sites and contacts; full-text search; metadata and an import log."""
    db.table("meta").create({"key": str, "value": str}, pk="key")
    db.table("trials").create(
        {
            "id": str,
            "registry": str,
            "title": str,
            "official_title": str,
            "acronym": str,
            "status": str,
            "phase": str,
            "study_type": str,
            "enrollment": int,
            "conditions": str,
            "interventions": str,
            "arms": str,
            "min_age": float,
            "max_age": float,
            "sex": str,
            "healthy_volunteers": int,
            "eligibility_text": str,
            "sponsors": str,
            "last_update": str,
            "start_date": str,
            "identifiers": str,
            "summary": str,
            "source_url": str,
            "warnings": str,
            "source": str,
        },
        pk="id",
        not_null={"registry", "title", "status", "sex"},
    )
    db.table("criteria").create(
        {
            "trial_id": str,
            "position": int,
            "section": str,
            "number": str,
            "text": str,
            "stratum": str,
            "context": str,
            "rule_kind": str,
            "rule": str,
        },
        pk=("trial_id", "position"),
        foreign_keys=[("trial_id", "trials", "id")],
        not_null={"section", "text"},
    )
    db.table("sites").create(
        {
            "trial_id": str,
            "position": int,
            "facility": str,
            "city": str,
            "state": str,
            "postal_code": str,
            "country": str,
            "status": str,
            "latitude": float,
            "longitude": float,
        },
        pk=("trial_id", "position"),
        foreign_keys=[("trial_id", "trials", "id")],
    )
    db.table("contacts").create(
        {
            "trial_id": str,
            "position": int,
            "site_position": int,
            "name": str,
            "role": str,
            "phone": str,
            "email": str,
            "affiliation": str,
            "address": str,
        },
        pk=("trial_id", "position"),
        foreign_keys=[("trial_id", "trials", "id")],
        not_null={"name", "role"},
    )
    db.table("imports").create(
        {
            "id": int,
            "file": str,
            "imported_at": str,
            "imported": int,
            "updated": int,
            "skipped": int,
        },
        pk="id",
    )
    db.table("trials").create_index(["status"])
    # Full-text search reads its text from this view (external content), so the catalogue does not
    # store a second copy of every criterion.
    db.execute(
        "CREATE VIEW search_source AS SELECT t.rowid AS rowid, "
        "t.title || ' ' || coalesce(t.official_title, '') || ' ' || coalesce(t.acronym, '') AS title, "
        "t.conditions AS conditions, t.interventions AS interventions, "
        "(SELECT group_concat(c.text, ' ') FROM criteria c WHERE c.trial_id = t.id) AS criteria "
        "FROM trials t"
    )
    db.execute(
        "CREATE VIRTUAL TABLE search USING fts5("
        "title, conditions, interventions, criteria, content = 'search_source', content_rowid = 'rowid', "
        "tokenize = 'unicode61 remove_diacritics 2')"
    )


MIGRATIONS: dict[int, Callable[[sqlite_utils.Database], None]] = {1: _v1}
"""Migration N brings a catalogue from version N-1 to N."""


def migrate(db: sqlite_utils.Database) -> int:
    """Apply every missing migration, each in its own transaction; return the resulting version."""
    version = user_version(db)
    if version > SCHEMA_VERSION:
        raise SchemaTooNewError(version)
    for target in range(version + 1, SCHEMA_VERSION + 1):
        with db.atomic():
            MIGRATIONS[target](db)
            db.execute(f"PRAGMA user_version = {target}")
    return SCHEMA_VERSION


def user_version(db: sqlite_utils.Database) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


class SchemaTooNewError(Exception):
    def __init__(self, version: int) -> None:
        super().__init__(
            f"catalogue schema version {version} is newer than this TrialMatch understands "
            f"(up to {SCHEMA_VERSION}); update TrialMatch"
        )
        self.version = version
