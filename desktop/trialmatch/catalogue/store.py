"""The trial catalogue: one SQLite file written with sqlite-utils, read-only while matching.

Each imported file is written in one transaction, so a failure leaves the catalogue exactly as it was.
Rules compiled at import are stored beside each criterion's verbatim text; matching never re-parses text.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from enum import Enum, StrEnum
from pathlib import Path
from typing import Any

import sqlite_utils

from trialmatch.catalogue.schema import SCHEMA_VERSION, SchemaTooNewError, migrate, user_version
from trialmatch.domain.trial import (
    Arm,
    Contact,
    Criterion,
    Identifier,
    ImportWarning,
    Site,
    Trial,
    TrialStatus,
)


class CatalogueError(Exception):
    """The catalogue file cannot be used; the message says which file and why, in one line."""


class Action(StrEnum):
    IMPORTED = "imported"
    UPDATED = "updated"
    SKIPPED = "skipped"


@dataclass(frozen=True, slots=True)
class RecordOutcome:
    source: str
    trial_id: str
    action: Action
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class IncomingRecord:
    """A trial read from a registry file, with one compiled rule (JSON) per criterion."""

    source: str
    trial: Trial
    rules: Sequence[tuple[str, str] | None]
    """(rule kind, rule JSON) per criterion, aligned with ``trial.criteria``."""


@dataclass(frozen=True, slots=True)
class TrialSummary:
    """What a list or the ranking needs of a trial, without its criteria."""

    id: str
    title: str
    status: TrialStatus
    phase: str | None
    conditions: tuple[str, ...]
    last_update: date | None


@dataclass(frozen=True, slots=True)
class CatalogueStats:
    trials: int
    open_trials: int
    criteria: int
    sites: int
    latest_update: date | None
    built_at: str | None
    attribution: str | None


@dataclass(slots=True)
class StoredTrial:
    """A trial as stored, with its compiled rules: what matching loads once at start-up."""

    trial: Trial
    rules: list[str | None] = field(default_factory=list)
    """Rule JSON per criterion (None where the catalogue predates rule compilation)."""


_JSON_FIELDS = ("conditions", "interventions", "arms", "sponsors", "identifiers", "warnings")


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class Catalogue:
    """Open with :meth:`open` (read-only, for matching) or :meth:`open_for_writing` (imports)."""

    def __init__(self, db: sqlite_utils.Database, path: Path, *, writable: bool) -> None:
        self._db = db
        self.path = path
        self.writable = writable

    # -- opening -------------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path) -> Catalogue:
        """Open an existing catalogue read-only; it must be at the current schema version."""
        if not path.is_file():
            raise CatalogueError(f"{path}: no catalogue file there")
        try:
            conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
            db = sqlite_utils.Database(conn)
            version = user_version(db)
            tables = set(db.table_names())
        except sqlite3.DatabaseError as exc:
            raise CatalogueError(f"{path}: not a TrialMatch catalogue ({exc})") from exc
        if version > SCHEMA_VERSION:
            conn.close()
            raise CatalogueError(f"{path}: {SchemaTooNewError(version)}")
        if version == 0 or "trials" not in tables:
            conn.close()
            raise CatalogueError(f"{path}: not a TrialMatch catalogue (no trials table)")
        if version < SCHEMA_VERSION:
            conn.close()
            raise CatalogueError(
                f"{path}: catalogue schema version {version} is older than {SCHEMA_VERSION}; "
                "run 'trialmatch catalogue migrate' to upgrade it"
            )
        return cls(db, path, writable=False)

    @classmethod
    def open_for_writing(cls, path: Path) -> Catalogue:
        """Open or create a catalogue for importing, migrating it to the current schema first."""
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite_utils.Database(sqlite3.connect(path))
            db.execute("PRAGMA foreign_keys = ON")
            migrate(db)
        except sqlite3.DatabaseError as exc:
            raise CatalogueError(f"{path}: not a TrialMatch catalogue ({exc})") from exc
        except SchemaTooNewError as exc:
            raise CatalogueError(f"{path}: {exc}") from exc
        return cls(db, path, writable=True)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Catalogue:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -------------------------------------------------------------------------------

    def write_file(self, file_label: str, records: Iterable[IncomingRecord]) -> list[RecordOutcome]:
        """Write every record of one file in a single transaction: all of it or none."""
        if not self.writable:
            raise CatalogueError(f"{self.path}: opened read-only")
        outcomes: list[RecordOutcome] = []
        db = self._db
        with db.atomic():
            known = {row[0]: row[1] for row in db.execute("SELECT id, last_update FROM trials").fetchall()}
            batch: dict[str, IncomingRecord] = {}
            for record in records:
                trial = record.trial
                outcome = self._decide(record, known.get(trial.id), trial.id in known, batch)
                outcomes.append(outcome)
                if outcome.action is not Action.SKIPPED:
                    batch[trial.id] = record
            replaced = [(tid,) for tid in batch if tid in known]
            db.conn.executemany(
                "INSERT INTO search (search, rowid, title, conditions, interventions, criteria) "
                "SELECT 'delete', s.rowid, s.title, s.conditions, s.interventions, s.criteria "
                "FROM search_source s JOIN trials t ON t.rowid = s.rowid WHERE t.id = ?",
                replaced,
            )
            for table in ("criteria", "sites", "contacts"):
                db.conn.executemany(f"DELETE FROM {table} WHERE trial_id = ?", replaced)
            self._insert(batch.values())
            counts = {a: sum(1 for o in outcomes if o.action is a) for a in Action}
            db.table("imports").insert(
                {
                    "file": file_label,
                    "imported_at": datetime.now(UTC).isoformat(timespec="seconds"),
                    "imported": counts[Action.IMPORTED],
                    "updated": counts[Action.UPDATED],
                    "skipped": counts[Action.SKIPPED],
                }
            )
        return outcomes

    @staticmethod
    def _decide(
        record: IncomingRecord,
        stored_update: str | None,
        is_stored: bool,
        batch: dict[str, IncomingRecord],
    ) -> RecordOutcome:
        trial = record.trial
        new = trial.last_update.isoformat() if trial.last_update else None
        earlier = batch.get(trial.id)
        if earlier is not None:
            earlier_update = earlier.trial.last_update
            if trial.last_update and (earlier_update is None or trial.last_update > earlier_update):
                return RecordOutcome(
                    record.source, trial.id, Action.UPDATED, f"newer copy of {earlier.source}"
                )
            return RecordOutcome(
                record.source, trial.id, Action.SKIPPED, f"duplicate of {earlier.source} in the same import"
            )
        if not is_stored:
            return RecordOutcome(record.source, trial.id, Action.IMPORTED)
        if new is not None and (stored_update is None or new > stored_update):
            return RecordOutcome(
                record.source, trial.id, Action.UPDATED, f"last update {new} is newer than {stored_update}"
            )
        return RecordOutcome(
            record.source,
            trial.id,
            Action.SKIPPED,
            f"already in the catalogue with the same or a newer last update ({stored_update or 'none'})",
        )

    def _insert(self, records: Iterable[IncomingRecord]) -> None:
        trials: list[dict[str, Any]] = []
        criteria: list[dict[str, Any]] = []
        sites: list[dict[str, Any]] = []
        contacts: list[dict[str, Any]] = []
        for record in records:
            t = record.trial
            trials.append(_trial_row(t, record.source))
            for position, (criterion, rule) in enumerate(zip(t.criteria, record.rules, strict=True)):
                criteria.append(
                    {
                        "trial_id": t.id,
                        "position": position,
                        **_columns(criterion, _CRITERION_COLUMNS),
                        "rule_kind": rule[0] if rule else None,
                        "rule": rule[1] if rule else None,
                    }
                )
            contact_position = 0
            for contact in t.contacts:
                contacts.append(_contact_row(t.id, contact_position, None, contact))
                contact_position += 1
            for site_position, site in enumerate(t.sites):
                sites.append({"trial_id": t.id, "position": site_position, **_columns(site, _SITE_COLUMNS)})
                for contact in site.contacts:
                    contacts.append(_contact_row(t.id, contact_position, site_position, contact))
                    contact_position += 1
        db = self._db
        _bulk_insert(db, "trials", trials, replace=True)
        _bulk_insert(db, "criteria", criteria)
        _bulk_insert(db, "sites", sites)
        _bulk_insert(db, "contacts", contacts)
        db.conn.executemany(
            "INSERT INTO search (rowid, title, conditions, interventions, criteria) "
            "SELECT s.rowid, s.title, s.conditions, s.interventions, s.criteria "
            "FROM search_source s JOIN trials t ON t.rowid = s.rowid WHERE t.id = ?",
            [(t["id"],) for t in trials],
        )

    def set_meta(self, **values: str) -> None:
        with self._db.atomic():
            self._db.table("meta").insert_all(
                [{"key": k, "value": v} for k, v in values.items()], replace=True
            )

    def compact(self) -> None:
        """Rewrite the file without free pages: the shipped catalogue is committed, so size matters."""
        self._db.vacuum()

    # -- reading -------------------------------------------------------------------------------

    def meta(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else None

    def count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM trials").fetchone()[0])

    def stats(self) -> CatalogueStats:
        q = self._db.execute
        latest = q("SELECT max(last_update) FROM trials").fetchone()[0]
        open_statuses = tuple(s.value for s in TrialStatus if s.is_open)
        placeholders = ",".join("?" * len(open_statuses))
        return CatalogueStats(
            trials=self.count(),
            open_trials=int(
                q(f"SELECT count(*) FROM trials WHERE status IN ({placeholders})", open_statuses).fetchone()[
                    0
                ]
            ),
            criteria=int(q("SELECT count(*) FROM criteria").fetchone()[0]),
            sites=int(q("SELECT count(*) FROM sites").fetchone()[0]),
            latest_update=date.fromisoformat(latest) if latest else None,
            built_at=self.meta("built_at"),
            attribution=self.meta("attribution"),
        )

    def summaries(self, status: TrialStatus | None = None) -> list[TrialSummary]:
        sql = "SELECT id, title, status, phase, conditions, last_update FROM trials"
        params: list[str] = []
        if status is not None:
            sql += " WHERE status = ?"
            params.append(status.value)
        sql += " ORDER BY id"
        return [
            TrialSummary(
                id=row[0],
                title=row[1],
                status=TrialStatus(row[2]),
                phase=row[3],
                conditions=tuple(json.loads(row[4] or "[]")),
                last_update=date.fromisoformat(row[5]) if row[5] else None,
            )
            for row in self._db.execute(sql, params).fetchall()
        ]

    def get(self, trial_id: str) -> StoredTrial | None:
        rows = list(self._db.query("SELECT * FROM trials WHERE id = ?", [trial_id]))
        if not rows:
            return None
        return next(self._assemble(rows, where="trial_id = ?", params=[trial_id]))

    def iter_all(self) -> Iterator[StoredTrial]:
        """Every trial with criteria, rules, sites and contacts, in id order (four queries in all)."""
        rows = list(self._db.query("SELECT * FROM trials ORDER BY id"))
        yield from self._assemble(rows, where="1", params=[])

    def _assemble(
        self, trial_rows: list[dict[str, Any]], where: str, params: list[str]
    ) -> Iterator[StoredTrial]:
        q = self._db.query
        criteria: dict[str, list[dict[str, Any]]] = {}
        for row in q(f"SELECT * FROM criteria WHERE {where} ORDER BY trial_id, position", params):
            criteria.setdefault(row["trial_id"], []).append(row)
        sites: dict[str, list[dict[str, Any]]] = {}
        for row in q(f"SELECT * FROM sites WHERE {where} ORDER BY trial_id, position", params):
            sites.setdefault(row["trial_id"], []).append(row)
        contacts: dict[str, list[dict[str, Any]]] = {}
        for row in q(f"SELECT * FROM contacts WHERE {where} ORDER BY trial_id, position", params):
            contacts.setdefault(row["trial_id"], []).append(row)
        for row in trial_rows:
            tid = row["id"]
            yield _stored_trial(row, criteria.get(tid, []), sites.get(tid, []), contacts.get(tid, []))

    def search(self, text: str, limit: int = 10_000) -> list[str]:
        """Trial ids whose id is the text ("nct05685602"), then those whose title, conditions, interventions
        or criteria match, best first: a colleague's message often names the trial by its id."""
        query = _fts_query(text)
        if not query:
            return []
        named = self._db.execute(
            "SELECT id FROM trials WHERE id = ? COLLATE NOCASE", [text.strip()]
        ).fetchall()
        rows = self._db.execute(
            "SELECT t.id FROM search JOIN trials t ON t.rowid = search.rowid "
            "WHERE search MATCH ? ORDER BY bm25(search, 8, 6, 3, 1) LIMIT ?",
            [query, limit],
        ).fetchall()
        return list(dict.fromkeys(r[0] for r in [*named, *rows]))[:limit]

    def conditions_vocabulary(self) -> list[str]:
        """Every distinct condition, for the diagnosis completer."""
        seen: set[str] = set()
        for (raw,) in self._db.execute("SELECT conditions FROM trials").fetchall():
            seen.update(json.loads(raw or "[]"))
        return sorted(seen, key=str.casefold)

    def content_digest(self) -> str:
        """A hash of every stored value except import times: equal catalogues give equal digests."""
        digest = hashlib.sha256()
        for table, order in (
            ("trials", "id"),
            ("criteria", "trial_id, position"),
            ("sites", "trial_id, position"),
            ("contacts", "trial_id, position"),
        ):
            for row in self._db.execute(f"SELECT * FROM {table} ORDER BY {order}"):
                digest.update(repr(row).encode())
        return digest.hexdigest()


def _bulk_insert(
    db: sqlite_utils.Database, table: str, rows: list[dict[str, Any]], *, replace: bool = False
) -> None:
    """Insert rows already shaped like the schema, inside the caller's sqlite-utils transaction.

    sqlite-utils' ``insert_all`` inspects every value for type and JSON on each call: 7 s of the 17 s
    an 8,700-trial import took. These rows come from our own schema mapping, so one prepared statement
    per table does the same work.
    """
    if not rows:
        return
    columns = list(rows[0])
    verb = "INSERT OR REPLACE" if replace else "INSERT"
    names = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join("?" * len(columns))
    db.conn.executemany(
        f'{verb} INTO "{table}" ({names}) VALUES ({marks})', [tuple(row[c] for c in columns) for row in rows]
    )


def _fts_query(text: str) -> str:
    """User words to an FTS5 query: every word must match (prefix match on the last one)."""
    words = [w for w in "".join(ch if ch.isalnum() else " " for ch in text).split() if w]
    if not words:
        return ""
    quoted = [f'"{w}"' for w in words]
    quoted[-1] += "*"
    return " AND ".join(quoted)


def _trial_row(t: Trial, source: str) -> dict[str, Any]:
    return {
        "id": t.id,
        "registry": t.registry,
        "title": t.title,
        "official_title": t.official_title,
        "acronym": t.acronym,
        "status": t.status.value,
        "phase": t.phase,
        "study_type": t.study_type,
        "enrollment": t.enrollment,
        "conditions": _dumps(t.conditions),
        "interventions": _dumps(t.interventions),
        "arms": _dumps([a.model_dump(mode="json") for a in t.arms]),
        "min_age": t.min_age,
        "max_age": t.max_age,
        "sex": t.sex.value,
        "healthy_volunteers": None if t.healthy_volunteers is None else int(t.healthy_volunteers),
        "eligibility_text": t.eligibility_text,
        "sponsors": _dumps(t.sponsors),
        "last_update": t.last_update.isoformat() if t.last_update else None,
        "start_date": t.start_date.isoformat() if t.start_date else None,
        "identifiers": _dumps([i.model_dump(mode="json") for i in t.identifiers]),
        "summary": t.summary,
        "source_url": t.source_url,
        "warnings": _dumps([w.model_dump(mode="json") for w in t.warnings]),
        "source": source,
    }


_CRITERION_COLUMNS = tuple(Criterion.model_fields)
_SITE_COLUMNS = tuple(name for name in Site.model_fields if name != "contacts")
_CONTACT_COLUMNS = tuple(Contact.model_fields)
"""Each child table's columns are its model's fields: a field added to the model and not to the schema
fails at the first insert instead of being dropped without a word."""


def _columns(model: Criterion | Site | Contact, names: tuple[str, ...]) -> dict[str, Any]:
    """Column values of a model; enum members stored as their plain value."""
    values = {name: getattr(model, name) for name in names}
    return {k: v.value if isinstance(v, Enum) else v for k, v in values.items()}


def _contact_row(trial_id: str, position: int, site_position: int | None, c: Contact) -> dict[str, Any]:
    return {
        "trial_id": trial_id,
        "position": position,
        "site_position": site_position,
        **_columns(c, _CONTACT_COLUMNS),
    }


def _contact(row: dict[str, Any]) -> Contact:
    return Contact(**{name: row[name] for name in _CONTACT_COLUMNS})


def _stored_trial(
    row: dict[str, Any],
    criteria_rows: list[dict[str, Any]],
    site_rows: list[dict[str, Any]],
    contact_rows: list[dict[str, Any]],
) -> StoredTrial:
    site_contacts: dict[int, list[Contact]] = {}
    trial_contacts: list[Contact] = []
    for c in contact_rows:
        if c["site_position"] is None:
            trial_contacts.append(_contact(c))
        else:
            site_contacts.setdefault(c["site_position"], []).append(_contact(c))
    values = {k: row[k] for k in row if k != "source"}
    for name in _JSON_FIELDS:
        values[name] = json.loads(values[name] or "[]")
    values["arms"] = [Arm(**a) for a in values["arms"]]
    values["identifiers"] = [Identifier(**i) for i in values["identifiers"]]
    values["warnings"] = [ImportWarning(**w) for w in values["warnings"]]
    hv = values["healthy_volunteers"]
    values["healthy_volunteers"] = None if hv is None else bool(hv)
    trial = Trial(
        **values,
        criteria=[Criterion(**{name: c[name] for name in _CRITERION_COLUMNS}) for c in criteria_rows],
        sites=[
            Site(**{name: s[name] for name in _SITE_COLUMNS}, contacts=site_contacts.get(s["position"], []))
            for s in site_rows
        ],
        contacts=trial_contacts,
    )
    return StoredTrial(trial=trial, rules=[c["rule"] for c in criteria_rows])
