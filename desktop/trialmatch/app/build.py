"""Build the shipped catalogue from the records kept in ``resources/catalogue``.

The build writes a temporary file and swaps it in only when complete, so an interrupted build never
leaves a half-written ``trials.db``. The result depends only on the records: building twice gives the
same content (checked by a test).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from trialmatch.app.importing import ImportReport, Progress, import_files
from trialmatch.catalogue.store import Catalogue

ATTRIBUTION = (
    "Trial records: ClinicalTrials.gov, U.S. National Library of Medicine (snapshots 2023-02 to 2025-12); "
    "registry pages from the Canadian Cancer Society, the Dutch OMON register and a trial aggregator. "
    "Not endorsed by the NLM."
)


@dataclass(frozen=True, slots=True)
class BuildReport:
    target: Path
    report: ImportReport
    trials: int


def catalogue_sources() -> list[str]:
    """The record files in build order, as listed by the manifest."""
    manifest = resources.files("trialmatch_resources") / "catalogue" / "manifest.json"
    return [str(entry["file"]) for entry in json.loads(manifest.read_text(encoding="utf-8"))]


def build_catalogue(target: Path, progress: Progress | None = None) -> BuildReport:
    folder = resources.files("trialmatch_resources") / "catalogue"
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    with resources.as_file(folder) as directory:
        paths = [Path(directory) / name for name in catalogue_sources()]
        report = import_files(paths, partial, progress)
    with Catalogue.open_for_writing(partial) as catalogue:
        stats = catalogue.stats()
        catalogue.set_meta(
            attribution=ATTRIBUTION,
            catalogue_date=stats.latest_update.isoformat() if stats.latest_update else "",
        )
        trials = stats.trials
        catalogue.compact()
    partial.replace(target)
    return BuildReport(target, report, trials)
