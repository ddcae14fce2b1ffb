"""Import use case: registry files -> compiled rules -> catalogue, all or nothing per file.

Every file is read and its criteria compiled before anything is written, so one unreadable file stops
the whole import with the catalogue untouched; then each file is written in its own transaction.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from trialmatch.catalogue.store import Action, Catalogue, IncomingRecord, RecordOutcome
from trialmatch.domain.criteria import parse_criterion
from trialmatch.domain.geo import locate
from trialmatch.domain.trial import Section, Trial
from trialmatch.registries.reading import ReadRecord, collector_paused, read_path

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


CriterionKey = tuple[str, Section, str | None]
CompiledRule = tuple[str, str]
"""(rule kind, rule JSON) as the catalogue stores it."""

_PARALLEL_FROM = 3_000
"""Below this many distinct criteria, starting worker processes costs more than it saves."""


def _compile_one(key: CriterionKey) -> CompiledRule:
    rule = parse_criterion(*key)
    return rule.kind, rule.model_dump_json()


def _compile_chunk(keys: list[CriterionKey]) -> list[CompiledRule]:
    with collector_paused():
        return [_compile_one(k) for k in keys]


def compile_rules(trials: Sequence[Trial]) -> list[list[CompiledRule]]:
    """Each criterion's rule, compiled once per distinct text here so matching never re-parses.

    Registries repeat boilerplate criteria across trials, so each distinct (text, section, context) is
    parsed once; large imports spread the parsing over the machine's cores.
    """
    keys = list(dict.fromkeys((c.text, c.section, c.context) for t in trials for c in t.criteria))
    workers = min(os.cpu_count() or 1, 4)
    if len(keys) >= _PARALLEL_FROM and workers > 1:
        size = max(200, len(keys) // (workers * 8))
        chunks = [keys[i : i + size] for i in range(0, len(keys), size)]
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
            compiled = [rule for chunk in pool.map(_compile_chunk, chunks) for rule in chunk]
    else:
        compiled = _compile_chunk(keys)
    table = dict(zip(keys, compiled, strict=True))
    return [[table[(c.text, c.section, c.context)] for c in t.criteria] for t in trials]


def place_sites(trial: Trial) -> None:
    """Give sites without coordinates those of their city from the offline gazetteer, once, at import."""
    for site in trial.sites:
        if site.latitude is None and site.city:
            place = locate(site.city, site.country)
            if place is not None:
                site.latitude, site.longitude = place.latitude, place.longitude


def import_files(
    paths: Sequence[Path], catalogue_path: Path, progress: Progress | None = None
) -> ImportReport:
    """Import registry files into the catalogue; RegistryError from any file means nothing was written."""
    total = len(paths) + 2
    read: list[tuple[Path, list[ReadRecord]]] = []
    for done, path in enumerate(paths):
        if progress:
            progress(done, total, f"Reading {path.name}")
        read.append((path, read_path(path)))
    trials = [r.trial for _, records in read for r in records]
    if progress:
        progress(len(paths), total, "Reading the criteria")
    with collector_paused():
        for trial in trials:
            place_sites(trial)
        rules = iter(compile_rules(trials))
    results: list[FileResult] = []
    with Catalogue.open_for_writing(catalogue_path) as catalogue:
        if progress:
            progress(len(paths) + 1, total, "Writing the catalogue")
        for path, records in read:
            incoming = [IncomingRecord(r.source, r.trial, next(rules)) for r in records]
            outcomes = catalogue.write_file(path.name, incoming)
            warnings = tuple(f"{r.source}: {w.field}: {w.message}" for r in records for w in r.trial.warnings)
            results.append(FileResult(path, tuple(outcomes), warnings))
            log.info("imported %s: %d records", path.name, len(outcomes))
    if progress:
        progress(total, total, "Done")
    return ImportReport(tuple(results))
