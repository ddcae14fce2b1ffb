"""Time ``parse_criterion`` per criterion and snapshot its output, to show a speed-up changes nothing.

    .venv/bin/python bench/parse_speed.py SNAPSHOT [--db TRIALS_DB] [--repeat N]

The corpus is every criterion of the shipped catalogue (``trials.db``, table ``criteria``: text, section,
context; /work/main/trials.db by default) followed by the criteria of every shared registry record
(``registry_criteria.REGISTRY``) split by ``segmentation.split_criteria``, in a fixed order. Each criterion
is parsed once per pass and timed alone; the figures are µs per criterion (mean, p50, p95, max, CPU mean),
for the whole corpus and for the catalogue alone. Cyclic GC is paused while timing, as the import pauses it
while compiling. SNAPSHOT gets one line per criterion,
``rule.model_dump_json()``: two runs whose snapshots are byte-identical parsed every criterion alike.
"""

from __future__ import annotations

import argparse
import gc
import sqlite3
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from registry_criteria import load_records

from trialmatch.domain.criteria import parse_criterion
from trialmatch.domain.segmentation import split_criteria
from trialmatch.domain.trial import Section

Key = tuple[str, Section, str | None]
_WARM_UP = ("ECOG 0-1", "Platelets ≥ 100,000/mm3", "No HIV infection", "No chemotherapy within 4 weeks")
"""Load once what every process loads once (lexicon, analyte and unit tables, pint's registry: ~0.2 s), so
the figures are the steady per-criterion cost."""
DEFAULT_DB = Path(__file__).resolve().parents[2] / "main" / "trials.db"


def catalogue_criteria(db: Path) -> list[Key]:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as connection:
        rows = connection.execute(
            "SELECT text, section, context FROM criteria ORDER BY trial_id, position"
        ).fetchall()
    return [(text, Section(section), context) for text, section, context in rows]


def registry_criteria() -> list[Key]:
    return [
        (c.text, c.section, c.context)
        for record in load_records()
        for c in split_criteria(record.eligibility)
    ]


Run = tuple[list[float], list[float], list[str]]


def _time(corpus: list[Key]) -> Run:
    """Wall and CPU µs per criterion, and each rule as JSON."""
    wall: list[float] = []
    cpu: list[float] = []
    dumps: list[str] = []
    clock, cpu_clock = time.perf_counter_ns, time.process_time_ns
    gc.disable()
    for text, section, context in corpus:
        start, cpu_start = clock(), cpu_clock()
        rule = parse_criterion(text, section, context)
        cpu.append((cpu_clock() - cpu_start) / 1000)
        wall.append((clock() - start) / 1000)
        dumps.append(rule.model_dump_json())
    gc.enable()
    return wall, cpu, dumps


def _summary(name: str, wall: list[float], cpu: list[float]) -> str:
    ordered = sorted(wall)
    p50 = ordered[len(ordered) // 2]
    p95 = ordered[int(len(ordered) * 0.95)]
    return (
        f"{name:<10} {len(wall):>6} criteria   mean {statistics.fmean(wall):7.1f} µs   p50 {p50:6.1f} µs   "
        f"p95 {p95:7.1f} µs   max {ordered[-1] / 1000:6.1f} ms   CPU mean {statistics.fmean(cpu):7.1f} µs"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("snapshot", type=Path)
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--repeat", type=int, default=1, help="passes; the fastest is reported")
    args = parser.parse_args()
    catalogue = catalogue_criteria(args.db)
    corpus = catalogue + registry_criteria()
    for warm_up in _WARM_UP:
        parse_criterion(warm_up, Section.INCLUSION)
    runs = [_time(corpus) for _ in range(args.repeat)]
    wall, cpu, dumps = min(runs, key=lambda run: sum(run[1]))
    print(_summary("catalogue", wall[: len(catalogue)], cpu[: len(catalogue)]))
    print(_summary("all", wall, cpu))
    args.snapshot.write_text("".join(f"{d}\n" for d in dumps), encoding="utf-8")
    print(f"snapshot: {len(dumps)} rules -> {args.snapshot}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
