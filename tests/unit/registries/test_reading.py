"""read_path: the format from the content, a source for every trial, and whole-file refusal of bad input."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest

from trialmatch.domain.trial import TrialStatus
from trialmatch.registries.errors import RegistryError
from trialmatch.registries.reading import ReadRecord, detect_format, read_path

REGISTRY = Path(__file__).resolve().parents[2] / "data" / "registry"
AACT = REGISTRY / "aact_fixtures"
SLICES = REGISTRY / "slices"
SEEDS = Path(__file__).resolve().parents[2] / "data" / "seeds"


def zip_of(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def refusal(path: Path) -> str:
    with pytest.raises(RegistryError) as error:
        read_path(path)
    return str(error.value)


def test_bulk_zip_of_the_website_reads_every_study_named_by_member():
    records = read_path(SLICES / "ctg-studies-set04-5.json.zip")

    assert [r.source for r in records] == [
        "ctg-studies-set04-5.json.zip [NCT05558007.json]",
        "ctg-studies-set04-5.json.zip [NCT03406169.json]",
        "ctg-studies-set04-5.json.zip [NCT01194648.json]",
        "ctg-studies-set04-5.json.zip [NCT05960149.json]",
        "ctg-studies-set04-5.json.zip [NCT00057759.json]",
    ]
    assert [r.trial.id for r in records] == [
        "NCT05558007",
        "NCT03406169",
        "NCT01194648",
        "NCT05960149",
        "NCT00057759",
    ]
    sildenafil = records[4].trial
    assert sildenafil.status is TrialStatus.COMPLETED
    assert len(sildenafil.sites) == 30
    assert sildenafil.sponsors == ["Radiation Therapy Oncology Group", "National Cancer Institute (NCI)"]


def test_zip_of_json_files_in_sub_folders():
    records = read_path(SLICES / "recruiting-india-set03-3.zip")

    assert [r.source for r in records] == [
        "recruiting-india-set03-3.zip [Cancer_India/NCT02992574.json]",
        "recruiting-india-set03-3.zip [Cancer_India/NCT03118986.json]",
        "recruiting-india-set03-3.zip [Diabetes_India/NCT06386939.json]",
    ]
    children = records[1].trial
    assert (children.min_age, children.max_age) == (2.5, 18.0)
    assert len(children.sites) == 10


def test_zip_of_legacy_xml_keeps_the_member_path():
    records = read_path(SLICES / "xml-set01-3.zip")

    assert [r.source for r in records] == [
        "xml-set01-3.zip [NCT0000xxxx/NCT00000102.xml]",
        "xml-set01-3.zip [NCT0000xxxx/NCT00001379.xml]",
        "xml-set01-3.zip [NCT0000xxxx/NCT00002472.xml]",
    ]


def test_json_array_records_are_numbered_and_a_single_study_is_the_file():
    array = read_path(SLICES / "ctg-studies-set05-3.json")
    single = read_path(AACT / "json_api_v2" / "NCT00973089.json")

    assert [r.source for r in array] == [
        "ctg-studies-set05-3.json #1",
        "ctg-studies-set05-3.json #2",
        "ctg-studies-set05-3.json #3",
    ]
    assert single == [ReadRecord("NCT00973089.json", single[0].trial)]
    assert single[0].trial.status is TrialStatus.WITHDRAWN


def test_format_comes_from_the_content_not_the_extension(tmp_path: Path):
    renamed_zip = tmp_path / "download (3)"
    renamed_zip.write_bytes((SLICES / "xml-set01-3.zip").read_bytes())
    json_as_txt = tmp_path / "study.txt"
    json_as_txt.write_bytes((AACT / "json_api_v2" / "NCT00973089.json").read_bytes())
    xml_as_json = tmp_path / "record.json"
    xml_as_json.write_bytes((SLICES / "NCT05704530.xml").read_bytes())

    assert [r.trial.id for r in read_path(renamed_zip)] == ["NCT00000102", "NCT00001379", "NCT00002472"]
    assert [r.trial.id for r in read_path(json_as_txt)] == ["NCT00973089"]
    assert [r.trial.id for r in read_path(xml_as_json)] == ["NCT05704530"]


def test_detect_format():
    assert detect_format((SLICES / "xml-set01-3.zip").read_bytes()) == "zip"
    assert detect_format(b"\xef\xbb\xbf\n  [{}]") == "ctgov_json"
    assert detect_format((AACT / "json_api_v2" / "NCT00973089.json").read_bytes()) == "ctgov_json"
    assert detect_format((SLICES / "NCT05704530.xml").read_bytes()) == "ctgov_xml"
    assert detect_format((SEEDS / "002_8832269a6029767b.txt").read_bytes()) == "page"


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "empty file"),
        (b" \r\n\t\n", "empty file"),
        (
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
            "unknown format: binary content, not a ZIP, JSON, XML or text record",
        ),
        ("Étude de phase II".encode("latin-1"), "not UTF-8 text (byte 0xc9 at line 1, column 1)"),
        (
            "Étude".encode("utf-16"),
            "UTF-16 text; ClinicalTrials.gov records and registry pages are read as UTF-8",
        ),
    ],
)
def test_detect_format_names_what_it_cannot_read(data: bytes, problem: str):
    with pytest.raises(ValueError, match=re.escape(problem)):
        detect_format(data)


def test_saved_registry_page_goes_to_the_page_readers():
    (record,) = read_path(SEEDS / "002_8832269a6029767b.txt")

    assert record.source == "002_8832269a6029767b.txt"
    assert record.trial.id == "NCT03252938"
    assert record.trial.registry == "ctgov"


def test_refusals_name_the_file_and_the_problem(tmp_path: Path):
    empty = tmp_path / "empty.json"
    empty.write_bytes(b"")
    text = tmp_path / "notes.txt"
    text.write_text("Patient list for the tumour board, Tuesday.\n", encoding="utf-8")
    broken_zip = tmp_path / "ctg-studies.json.zip"
    broken_zip.write_bytes((SLICES / "ctg-studies-set04-5.json.zip").read_bytes()[:5000])

    assert refusal(empty) == "empty.json: empty file"
    assert refusal(tmp_path / "missing.json") == "missing.json: cannot be read (No such file or directory)"
    assert refusal(text) == (
        "notes.txt: unknown format: text that is not a ClinicalTrials.gov record nor a registry page"
    )
    assert refusal(broken_zip).startswith("ctg-studies.json.zip: not a readable ZIP archive (")


def test_one_bad_member_refuses_the_whole_zip(tmp_path: Path):
    good = (AACT / "json_api_v2" / "NCT00973089.json").read_bytes()
    bad = tmp_path / "bad.zip"
    bad.write_bytes(
        zip_of(
            {"NCT00973089.json": good, "NCT0001.json": b'{\n  "protocolSection": {\n    "a": 1\n    "b": 2}}'}
        )
    )

    assert (
        refusal(bad) == "bad.zip [NCT0001.json]: not valid JSON (line 4, column 5: Expecting ',' delimiter)"
    )


@pytest.mark.parametrize(
    ("members", "problem"),
    [
        ({"NCT00000102.xml": b""}, "bad.zip [NCT00000102.xml]: empty file"),
        (
            {"inner.zip": zip_of({"a.json": b"{}"})},
            "bad.zip [inner.zip]: a ZIP inside a ZIP is not read; unpack the inner archive",
        ),
        (
            {"docs/": b"", "__MACOSX/._NCT00000102.xml": b"\x00\x05\x16\x07"},
            "bad.zip: ZIP archive holds no records",
        ),
    ],
)
def test_zip_members_are_checked_one_by_one(tmp_path: Path, members: dict[str, bytes], problem: str):
    bad = tmp_path / "bad.zip"
    bad.write_bytes(zip_of(members))

    assert refusal(bad) == problem


def test_macos_metadata_beside_the_records_is_skipped(tmp_path: Path):
    archive = tmp_path / "from-a-mac.zip"
    archive.write_bytes(
        zip_of(
            {
                "__MACOSX/._NCT05704530.xml": b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X",
                "NCT05704530.xml": (SLICES / "NCT05704530.xml").read_bytes(),
            }
        )
    )

    assert [r.source for r in read_path(archive)] == ["from-a-mac.zip [NCT05704530.xml]"]
