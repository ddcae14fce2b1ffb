"""Import every shared registry record into a fresh catalogue and report the figures of the catalogue issue.

    .venv/bin/python bench/import_rate.py [SHARED_DATA_DIR]

Prints the import rate (trials/s, wall and CPU), the criteria count, and the share of records whose
criteria split into inclusion and exclusion items (PDQ-style records count as split when they yield
requirement items). Reads ../shared/data/registry by default; writes only to a temporary directory.
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
from pathlib import Path

from trialmatch.app.importing import import_files
from trialmatch.catalogue.store import Action, Catalogue


def _cpu() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def registry_files(root: Path) -> list[Path]:
    files = sorted(p for p in root.rglob("*") if p.suffix in {".zip", ".json", ".xml"} and p.is_file())
    return [p for p in files if p.name not in {"coverage.json"}]


def main(root: Path) -> int:
    files = registry_files(root)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        wall, cpu = time.perf_counter(), _cpu()
        report = import_files(files, db)
        wall, cpu = time.perf_counter() - wall, _cpu() - cpu
        records = sum(len(f.outcomes) for f in report.files)
        with Catalogue.open(db) as catalogue:
            stats = catalogue.stats()
            q = catalogue._db.execute  # bench only: figures the store has no method for
            with_text = q("SELECT count(*) FROM trials WHERE eligibility_text IS NOT NULL").fetchone()[0]
            split = q(
                "SELECT count(*) FROM trials t WHERE "
                "EXISTS (SELECT 1 FROM criteria c WHERE c.trial_id = t.id AND c.section = 'inclusion') AND "
                "EXISTS (SELECT 1 FROM criteria c WHERE c.trial_id = t.id AND c.section = 'exclusion')"
            ).fetchone()[0]
            any_items = q("SELECT count(DISTINCT trial_id) FROM criteria").fetchone()[0]
            pdq = q(
                "SELECT count(DISTINCT trial_id) FROM criteria c WHERE c.context LIKE '%CHARACTERISTICS%' "
                "AND NOT EXISTS (SELECT 1 FROM criteria e WHERE e.trial_id = c.trial_id "
                "AND e.section = 'exclusion')"
            ).fetchone()[0]
    print(f"files: {len(files)}   records read: {records}   distinct trials stored: {stats.trials}")
    print(
        f"imported {report.count(Action.IMPORTED)}, updated {report.count(Action.UPDATED)}, "
        f"skipped {report.count(Action.SKIPPED)}"
    )
    print(f"wall {wall:.1f} s -> {records / wall:.0f} trials/s")
    print(f"CPU (this process and its workers) {cpu:.1f} s -> {records / cpu:.0f} trials/s per core")
    print(f"criteria: {stats.criteria}   sites: {stats.sites}")
    print(f"records with eligibility text: {with_text}")
    print(f"  with criteria items: {any_items} ({any_items / with_text:.1%})")
    print(f"  split into inclusion and exclusion: {split} ({split / with_text:.1%})")
    print(f"  PDQ-style requirements (all inclusion by design): {pdq}")
    print(f"  either: {split + pdq} ({(split + pdq) / with_text:.1%})")
    return 0


if __name__ == "__main__":
    default = Path(__file__).resolve().parents[2] / "shared" / "data" / "registry"
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else default))
