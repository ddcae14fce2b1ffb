"""How well and how fast split_criteria cuts every eligibility block of the shared registry data.

Reads the records with plain zipfile/json/xml.etree (no dependency on the registry readers), keeps the
first copy of each NCT id (sets 01 and 04 share 3 ids, set 03 ships 2 duplicate files; the AACT fixtures
in 06 are importer fixtures, not part of the 8,726), and prints: the share of records with criteria text
that split into both inclusion and exclusion items (PDQ records: into requirements), the total number of
criteria, items per record, and the time split_criteria takes per record. The import target of 1,000
trials/s leaves segmentation well under 200 µs per record.

Run: .venv/bin/python bench/segmentation_coverage.py [REGISTRY_DIR]
"""

from __future__ import annotations

import json
import re
import statistics
import sys
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree as ET

from trialmatch.domain.segmentation import split_criteria
from trialmatch.domain.trial import Section

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "shared" / "data" / "registry"
SETS = ("01_", "02_", "03_", "04_", "05_")
PDQ = re.compile(
    r"(?:DISEASE|PATIENT|POPULATION) CHARACTERISTICS\s*:|PRIOR\s*/?\s*CONCURRENT THERAPY\s*:"
    r"|--\s*(?:Disease|Patient|Population) Characteristics\s*--|--\s*Prior/Concurrent Therapy\s*--"
)
"""The NCI/PDQ headings: those records state requirements only, no inclusion/exclusion split."""
PASSES = 3


def _from_xml(data: bytes) -> tuple[str | None, str | None]:
    root = ET.fromstring(data)  # noqa: S314 (the project's own registry snapshot)
    return root.findtext("id_info/nct_id"), root.findtext("eligibility/criteria/textblock")


def _from_json(study: dict[str, object]) -> tuple[str | None, str | None]:
    protocol = study.get("protocolSection")
    if not isinstance(protocol, dict):
        return None, None
    nct = protocol.get("identificationModule", {}).get("nctId")
    text = protocol.get("eligibilityModule", {}).get("eligibilityCriteria")
    return nct, text


def records(directory: Path) -> Iterator[tuple[str, str, str | None]]:
    """(set, NCT id, criteria text) for every record file of sets 01-05."""
    for folder in sorted(p for p in directory.iterdir() if p.is_dir() and p.name.startswith(SETS)):
        for path in sorted(folder.iterdir()):
            if path.suffix == ".zip":
                with zipfile.ZipFile(path) as archive:
                    for name in archive.namelist():
                        if name.endswith(".xml"):
                            nct, text = _from_xml(archive.read(name))
                        elif name.endswith(".json"):
                            nct, text = _from_json(json.loads(archive.read(name)))
                        else:
                            continue
                        if nct:
                            yield folder.name[:2], nct, text
            elif path.suffix == ".json" and path.name != "coverage.json":
                for study in json.loads(path.read_text(encoding="utf-8")):
                    nct, text = _from_json(study)
                    if nct:
                        yield folder.name[:2], nct, text


def main(directory: Path) -> None:
    unique: dict[str, tuple[str, str | None]] = {}
    for source, nct, text in records(directory):
        unique.setdefault(nct, (source, text))
    texts = [text for _, text in unique.values() if text and text.strip()]

    best = best_cpu = float("inf")
    for _ in range(PASSES):
        started, started_cpu = time.perf_counter(), time.process_time()
        for text in texts:
            split_criteria(text)
        best = min(best, time.perf_counter() - started)
        best_cpu = min(best_cpu, time.process_time() - started_cpu)

    both = pdq_split = placeholders = only_one = 0
    counts: list[int] = []
    for text in texts:
        criteria = split_criteria(text)
        counts.append(len(criteria))
        sections = {c.section for c in criteria}
        if not criteria:
            placeholders += 1
        elif PDQ.search(text):
            pdq_split += 1
        elif sections == {Section.INCLUSION, Section.EXCLUSION}:
            both += 1
        else:
            only_one += 1
    with_text = len(texts)
    print(f"records (unique NCT ids, sets 01-05): {len(unique):,}")
    print(f"records with criteria text:           {with_text:,}")
    print(f"  split into inclusion + exclusion:   {both:,}")
    print(f"  PDQ records split into requirements:{pdq_split:>6,}")
    print(f"  one section only:                   {only_one:,}")
    print(f"  no criteria (placeholder text):     {placeholders:,}")
    print(f"share inclusion+exclusion or PDQ:     {(both + pdq_split) / with_text:.1%}")
    print(f"total criteria:                       {sum(counts):,}")
    print(f"items per record (median):            {statistics.median(counts):g}")
    print(f"time per record (best of {PASSES}):        {best / with_text * 1e6:.0f} µs wall")
    print(f"                                      {best_cpu / with_text * 1e6:.0f} µs CPU (shared machines)")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_DIR)
