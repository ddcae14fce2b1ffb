"""Real eligibility blocks from the shared registry records, read with zipfile/json/xml.etree only.

Shared by ``match_speed`` and ``parse_coverage`` so both measure the same trials: oncology records first
(the catalogue's purpose), then the others, in a fixed order.
"""

from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

REGISTRY = Path(__file__).resolve().parents[2] / "shared" / "data" / "registry"


@dataclass(frozen=True, slots=True)
class Record:
    nct_id: str
    eligibility: str
    min_age: str | None
    max_age: str | None
    sex: str | None
    conditions: tuple[str, ...]
    oncology: bool


def _xml(data: bytes, oncology: set[str]) -> Record | None:
    root = ET.fromstring(data)  # noqa: S314 — the project's own registry snapshots, not user input
    text = root.findtext("eligibility/criteria/textblock")
    nct = root.findtext("id_info/nct_id") or ""
    if not text:
        return None
    return Record(
        nct,
        text,
        root.findtext("eligibility/minimum_age"),
        root.findtext("eligibility/maximum_age"),
        root.findtext("eligibility/gender"),
        tuple(c.text or "" for c in root.findall("condition")),
        nct in oncology,
    )


def _v2(study: dict[str, object], oncology: set[str]) -> Record | None:
    protocol = study["protocolSection"]
    assert isinstance(protocol, dict)
    eligibility = protocol.get("eligibilityModule", {})
    text = eligibility.get("eligibilityCriteria")
    nct = protocol["identificationModule"]["nctId"]
    if not text:
        return None
    conditions = protocol.get("conditionsModule", {}).get("conditions", [])
    return Record(
        nct,
        text,
        eligibility.get("minimumAge"),
        eligibility.get("maximumAge"),
        eligibility.get("sex"),
        tuple(conditions),
        nct in oncology,
    )


def _oncology(folder: Path) -> set[str]:
    with (folder / "index.csv").open(encoding="utf-8") as handle:
        return {row["nct_id"] for row in csv.DictReader(handle) if row.get("oncology") == "1"}


def oncology_trials() -> set[str]:
    """NCT ids the shared registry index flags as oncology (its strict term list), over every folder."""
    if not REGISTRY.is_dir():
        return set()
    return set().union(
        *(_oncology(p) for p in REGISTRY.iterdir() if p.is_dir() and (p / "index.csv").exists())
    )


def _records() -> Iterator[Record]:
    for folder in sorted(p for p in REGISTRY.iterdir() if p.is_dir() and (p / "index.csv").exists()):
        oncology = _oncology(folder)
        for path in sorted(folder.iterdir()):
            if path.suffix == ".zip":
                with zipfile.ZipFile(path) as archive:
                    for name in sorted(archive.namelist()):
                        if name.endswith(".xml"):
                            record = _xml(archive.read(name), oncology)
                        elif name.endswith(".json"):
                            record = _v2(json.loads(archive.read(name)), oncology)
                        else:
                            continue
                        if record:
                            yield record
            elif path.suffix == ".json":
                for study in json.loads(path.read_text(encoding="utf-8")):
                    record = _v2(study, oncology)
                    if record:
                        yield record


def load_records() -> list[Record]:
    """Unique records with an eligibility block, oncology first."""
    seen: dict[str, Record] = {}
    for record in _records():
        seen.setdefault(record.nct_id, record)
    return sorted(seen.values(), key=lambda r: (not r.oncology, r.nct_id))
