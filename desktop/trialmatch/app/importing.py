"""Import use case: registry files -> compiled rules -> catalogue, all or nothing per file.

Every file is read and compiled before anything is written, so one unreadable file stops the whole
import with the catalogue untouched; then each file is written in its own transaction.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from trialmatch.catalogue.store import Action, Catalogue, IncomingRecord, RecordOutcome
from trialmatch.domain.criteria import parse_criterion
from trialmatch.domain.geo import locate
from trialmatch.domain.trial import Trial
from trialmatch.registries.reading import read_path

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]
"""(files done, files in all, what is happening) — for progress bars."""


@dataclass(frozen=True, slots=True)
class FileResult:
    path: Path
    outcomes: tuple[RecordOutcome, ...]
    warnings: tuple[str, ...]
    """"source: field: problem" for each field a reader had to leave empty."""

    def count(self, action: Action) -> int:
        return sum(1 for o in self.outcomes if o.action is action)


@dataclass(frozen=True, slots=True)
class ImportReport:
    files: tuple[FileResult, ...]

    def count(self, action: Action) -> int:
        return sum(f.count(action) for f in self.files)


def compile_rules(trial: Trial) -> list[tuple[str, str] | None]:
    """Each criterion's rule as (kind, JSON): compiled once here so matching never re-parses text."""
    compiled: list[tuple[str, str] | None] = []
    for criterion in trial.criteria:
        rule = parse_criterion(criterion.text, criterion.section, criterion.context)
        compiled.append((rule.kind, rule.model_dump_json()))
    return compiled


def place_sites(trial: Trial) -> None:
    """Give sites without coordinates those of their city from the offline gazetteer, once, at import."""
    for site in trial.sites:
        if site.latitude is None and site.city:
            place = locate(site.city, site.country)
            if place is not None:
                site.latitude, site.longitude = place.latitude, place.longitude


def read_and_compile(path: Path) -> list[IncomingRecord]:
    """Read a registry file, place its sites, compile its criteria; raises RegistryError, writes nothing."""
    records = read_path(path)
    for record in records:
        place_sites(record.trial)
    return [IncomingRecord(r.source, r.trial, compile_rules(r.trial)) for r in records]


def import_files(
    paths: Sequence[Path], catalogue_path: Path, progress: Progress | None = None
) -> ImportReport:
    """Import registry files into the catalogue; RegistryError from any file means nothing was written."""
    total = len(paths)
    prepared: list[tuple[Path, list[IncomingRecord]]] = []
    for done, path in enumerate(paths):
        if progress:
            progress(done, total * 2, f"Reading {path.name}")
        prepared.append((path, read_and_compile(path)))
    results: list[FileResult] = []
    with Catalogue.open_for_writing(catalogue_path) as catalogue:
        for done, (path, records) in enumerate(prepared, start=total):
            if progress:
                progress(done, total * 2, f"Writing {path.name}")
            outcomes = catalogue.write_file(path.name, records)
            warnings = tuple(f"{r.source}: {w.field}: {w.message}" for r in records for w in r.trial.warnings)
            results.append(FileResult(path, tuple(outcomes), warnings))
            log.info("imported %s: %d records", path.name, len(outcomes))
    if progress:
        progress(total * 2, total * 2, "Done")
    return ImportReport(tuple(results))
