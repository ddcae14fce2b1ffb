"""Reads every registry file of the shared data through read_path and prints throughput and coverage.

The import must reach 1,000 trials/s end to end; this measures the readers' share (parsing, mapping,
segmentation), without SQLite. Run: .venv/bin/python bench/read_registries.py [REGISTRY_DIR]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from trialmatch.domain.segmentation import split_criteria
from trialmatch.domain.trial import Criterion
from trialmatch.registries import ctgov_common
from trialmatch.registries.reading import read_path

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "shared" / "data" / "registry"
RECORD_SUFFIXES = {".zip", ".json", ".xml"}


class _TimedSegmentation:
    """Splits the readers' own cost from segmentation's, which another module owns and tunes."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self.split = split_criteria

    def __call__(self, text: str | None) -> list[Criterion]:
        started = time.process_time()
        try:
            return self.split(text)
        finally:
            self.seconds += time.process_time() - started


def main(directory: Path) -> None:
    segmentation = _TimedSegmentation()
    vars(ctgov_common)["split_criteria"] = segmentation
    files = sorted(p for p in directory.rglob("*") if p.is_file() and p.suffix in RECORD_SUFFIXES)
    files = [p for p in files if p.name != "coverage.json"]
    ids: set[str] = set()
    totals = {"records": 0, "with sites": 0, "with contacts": 0, "with criteria": 0, "with warnings": 0}
    started, cpu_started = time.perf_counter(), time.process_time()
    for path in files:
        file_started = time.perf_counter()
        records = read_path(path)
        elapsed = time.perf_counter() - file_started
        print(f"{path.relative_to(directory)}: {len(records)} records, {elapsed:.2f} s", file=sys.stderr)
        for record in records:
            trial = record.trial
            totals["records"] += 1
            ids.add(trial.id)
            totals["with sites"] += bool(trial.sites)
            totals["with contacts"] += bool(trial.contacts or any(site.contacts for site in trial.sites))
            totals["with criteria"] += bool(trial.criteria)
            totals["with warnings"] += bool(trial.warnings)
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu_started
    print(f"files: {len(files)}")
    print(f"records: {totals['records']} ({len(ids)} distinct NCT ids)")
    print(f"seconds: {seconds:.2f} (CPU {cpu_seconds:.2f}; on a shared machine CPU is the fairer figure)")
    print(f"records/s: {totals['records'] / seconds:,.0f}")
    print(f"records/s (CPU): {totals['records'] / cpu_seconds:,.0f}")
    per_record = 1e6 / totals["records"]
    print(f"CPU µs/record: {cpu_seconds * per_record:,.0f}")
    print(f"  of which segmentation: {segmentation.seconds * per_record:,.0f}")
    print(f"  readers alone: {(cpu_seconds - segmentation.seconds) * per_record:,.0f}")
    for name in ("with sites", "with contacts", "with criteria", "with warnings"):
        print(f"{name}: {totals[name]}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_DIR)
