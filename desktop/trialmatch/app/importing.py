"""Import use case: registry files -> compiled rules -> catalogue, all or nothing per file.

Every file is read and its criteria compiled before anything is written, so one unreadable file stops
the whole import with the catalogue untouched; then each file is written in its own transaction.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
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
_CHUNK = 500


def _compile_one(key: CriterionKey) -> CompiledRule:
    rule = parse_criterion(*key)
    return rule.kind, rule.model_dump_json()


def _compile_chunk(keys: list[CriterionKey]) -> list[CompiledRule]:
    with collector_paused():
        return [_compile_one(k) for k in keys]


class RuleCompiler:
    """Compiles each distinct criterion once, in worker processes while the next files are read.

    Registries repeat boilerplate criteria across trials, so each distinct (text, section, context) is
    parsed once. Workers start only once an import has enough distinct criteria to repay their start-up.
    """

    def __init__(self) -> None:
        self._keys: dict[CriterionKey, None] = {}
        self._pending: list[CriterionKey] = []
        self._pool: ProcessPoolExecutor | None = None
        self._futures: list[Future[list[CompiledRule]]] = []
        self._workers = min(os.cpu_count() or 1, 4)

    def add(self, trials: Sequence[Trial]) -> None:
        for trial in trials:
            for c in trial.criteria:
                key = (c.text, c.section, c.context)
                if key not in self._keys:
                    self._keys[key] = None
                    self._pending.append(key)
        if self._workers > 1 and (self._pool is not None or len(self._keys) >= _PARALLEL_FROM):
            self._submit()

    def _submit(self) -> None:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(self._workers, mp_context=multiprocessing.get_context("spawn"))
        for start in range(0, len(self._pending), _CHUNK):
            self._futures.append(self._pool.submit(_compile_chunk, self._pending[start : start + _CHUNK]))
        self._pending = []

    def rules_for(self, trials: Sequence[Trial]) -> list[list[CompiledRule]]:
        """Wait for every rule and hand them out per trial, per criterion, in order."""
        try:
            compiled = [rule for future in self._futures for rule in future.result()]
            compiled += _compile_chunk(self._pending)
        finally:
            if self._pool is not None:
                self._pool.shutdown(cancel_futures=True)
        table = dict(zip(self._keys, compiled, strict=True))
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
    compiler = RuleCompiler()
    with collector_paused():
        for done, path in enumerate(paths):
            if progress:
                progress(done, total, f"Reading {path.name}")
            records = read_path(path)
            for record in records:
                place_sites(record.trial)
            compiler.add([r.trial for r in records])
            read.append((path, records))
        if progress:
            progress(len(paths), total, "Reading the criteria")
        rules = iter(compiler.rules_for([r.trial for _, records in read for r in records]))
        return _write(read, rules, catalogue_path, total, progress)


def _write(
    read: list[tuple[Path, list[ReadRecord]]],
    rules: Iterator[list[CompiledRule]],
    catalogue_path: Path,
    total: int,
    progress: Progress | None,
) -> ImportReport:
    """Each file in its own transaction, once every file has been read and compiled."""
    results: list[FileResult] = []
    with Catalogue.open_for_writing(catalogue_path) as catalogue:
        if progress:
            progress(total - 1, total, "Writing the catalogue")
        for path, records in read:
            incoming = [IncomingRecord(r.source, r.trial, next(rules)) for r in records]
            outcomes = catalogue.write_file(path.name, incoming)
            warnings = tuple(f"{r.source}: {w.field}: {w.message}" for r in records for w in r.trial.warnings)
            results.append(FileResult(path, tuple(outcomes), warnings))
            log.info("imported %s: %d records", path.name, len(outcomes))
    if progress:
        progress(total, total, "Done")
    return ImportReport(tuple(results))
