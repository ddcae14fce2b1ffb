"""Copy the registry records TrialMatch ships from the shared data set into resources/catalogue/.

Run once when the shared data changes: ``python scripts/select_catalogue_records.py ../shared``.
What a clinic needs first: every oncology trial and every open trial (a patient with cancer may also
qualify for supportive-care or infection trials) unless it has closed; closed oncology trials only when
updated since 2019, whose results a clinician may still ask about. Older closed trials can take no
patient and would double the catalogue (the 2023-02 snapshot alone has 2,193 completed NCI trials).
Each record is copied byte for byte (members of ZIPs keep their names) so the catalogue build reads
the registry's own text; the manifest records origin, licence and snapshot date of each source.
"""

from __future__ import annotations

import csv
import json
import re
import shutil
import sys
import zipfile
from pathlib import Path

OPEN = {"RECRUITING", "NOT_YET_RECRUITING", "NOT YET RECRUITING"}
CLOSED = {"COMPLETED", "TERMINATED", "WITHDRAWN", "NO LONGER AVAILABLE", "NO_LONGER_AVAILABLE"}
CLOSED_SINCE = 2019
TARGET = Path(__file__).resolve().parent.parent / "resources" / "catalogue"

SOURCES = [
    {
        "folder": "02_jakob-huetteneder_ctgov-xml_2023-06-09",
        "archive": "all_1000_xml.zip",
        "output": "ctgov_xml_2023-06-09.zip",
        "format": "ClinicalTrials.gov legacy XML",
        "snapshot": "2023-06-09",
        "provenance": "GitHub jakob-huetteneder/ClinicalTrialMatcher",
    },
    {
        "folder": "01_reesewang25_ctgov-xml_2023-02-03",
        "archive": "all_6786_xml.zip",
        "output": "ctgov_xml_2023-02-03.zip",
        "format": "ClinicalTrials.gov legacy XML",
        "snapshot": "2023-02-03",
        "provenance": "GitHub reesewang25/enrollment_and_studylength",
    },
    {
        "folder": "03_dhanasaibontu_ctgov-v2json_2025-07",
        "archive": "recruiting_india_210files_v2json.zip",
        "output": "ctgov_v2json_2025-07.zip",
        "format": "ClinicalTrials.gov API v2 JSON",
        "snapshot": "2025-07",
        "provenance": "GitHub DhanasaiBontu/clinical_trial_matchers",
    },
    {
        "folder": "04_marc-morcos_ctgov-v2json-urology_2024-09",
        "archive": "ctg-studies.json.zip",
        "output": "ctgov_v2json_urology_2024-09-24.zip",
        "format": "ClinicalTrials.gov website bulk JSON ZIP",
        "snapshot": "2024-09-24",
        "provenance": "GitHub Marc-Morcos/ClinicalTrials-Urology-Database-Word-Counter (MIT)",
    },
]


def _ships(row: dict[str, str]) -> bool:
    status = row["overall_status"].strip().upper().replace(",", "")
    oncology = row["oncology_ext"] == "1"
    if status not in CLOSED:
        return oncology or status in OPEN
    year = re.search(r"\d{4}", row["last_update_posted"])
    return oncology and year is not None and int(year.group()) >= CLOSED_SINCE


def _wanted(index: Path) -> set[str]:
    with index.open(newline="", encoding="utf-8") as f:
        return {row["nct_id"] for row in csv.DictReader(f) if _ships(row)}


def _copy_zip(source: Path, target: Path, wanted: set[str]) -> int:
    count = 0
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in sorted(src.infolist(), key=lambda i: i.filename):
            if Path(info.filename).stem in wanted:
                copy = zipfile.ZipInfo(info.filename, date_time=(2020, 1, 1, 0, 0, 0))
                copy.compress_type = zipfile.ZIP_DEFLATED
                dst.writestr(copy, src.read(info))
                count += 1
    return count


def main(shared: Path) -> int:
    registry = shared / "data" / "registry"
    if TARGET.exists():
        shutil.rmtree(TARGET)
    TARGET.mkdir(parents=True)
    manifest: list[dict[str, object]] = []
    # The seeds first: the documents the product was made from.
    for seed in sorted((shared / "seeds").glob("*.txt")):
        shutil.copyfile(seed, TARGET / f"seed_{seed.name}")
        manifest.append({"file": f"seed_{seed.name}", "records": 1, "format": "registry page saved as text"})
    for source in SOURCES:
        folder = registry / str(source["folder"])
        count = _copy_zip(
            folder / str(source["archive"]), TARGET / str(source["output"]), _wanted(folder / "index.csv")
        )
        manifest.append(
            {
                "file": source["output"],
                "records": count,
                **{k: source[k] for k in ("format", "snapshot", "provenance")},
            }
        )
    nsclc = registry / "05_vrinda2019-nsclcbench_ctgov-v2json" / "ctg-studies.json"
    wanted = _wanted(nsclc.parent / "index.csv")
    studies = [
        s
        for s in json.loads(nsclc.read_text(encoding="utf-8"))
        if s["protocolSection"]["identificationModule"]["nctId"] in wanted
    ]
    (TARGET / "ctgov_v2json_nsclc_2025-12.json").write_text(
        json.dumps(studies, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    manifest.append(
        {
            "file": "ctgov_v2json_nsclc_2025-12.json",
            "records": len(studies),
            "format": "ClinicalTrials.gov API v2 JSON array",
            "snapshot": "2025-12",
            "provenance": "GitHub vrinda2019/NSCLCBench",
        }
    )
    fixtures = registry / "06_aact_fixtures"
    for sub, fmt in (
        ("xml_legacy", "ClinicalTrials.gov legacy XML"),
        ("json_api_v2", "ClinicalTrials.gov API v2 JSON"),
    ):
        for path in sorted((fixtures / sub).iterdir()):
            shutil.copyfile(path, TARGET / f"aact_{path.name}")
            manifest.append(
                {
                    "file": f"aact_{path.name}",
                    "records": 1,
                    "format": fmt,
                    "provenance": "ctti-clinicaltrials/aact test fixtures (MIT)",
                }
            )
    (TARGET / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    print(f"{sum(int(str(m['records'])) for m in manifest)} records in {len(manifest)} files -> {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared"))
