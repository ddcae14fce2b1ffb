"""The ``trialmatch`` command: its JSON outputs are contracts, its errors one line and harmless."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import pytest

from trialmatch.cli.main import parse_args, run

DATA = Path(__file__).resolve().parents[2] / "data"
SEEDS = sorted((DATA / "seeds").glob("*.txt"))
PATIENT = DATA / "patients" / "example_melanoma.json"


def trialmatch(*argv: str) -> int:
    return run(parse_args([str(a) for a in argv]))


@pytest.fixture(scope="module")
def seeded(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("cli") / "seeds.db"
    assert trialmatch("import", *SEEDS, "--db", db) == 0
    return db


def _json(capsys) -> object:
    return json.loads(capsys.readouterr().out)


def test_import_reports_each_record(tmp_path, capsys):
    db = tmp_path / "c.db"
    assert trialmatch("import", *SEEDS, "--db", db) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-1] == "5 imported, 0 updated, 0 skipped"
    assert "imported NCT03252938  002_8832269a6029767b.txt" in out
    assert trialmatch("import", SEEDS[2], "--db", db) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("skipped  NCT03252938")
    assert out[-1] == "0 imported, 0 updated, 1 skipped"


def test_show_json_carries_the_contract_fields(seeded, capsys):
    assert trialmatch("show", "NCT03252938", "--json", "--db", seeded) == 0
    trial = _json(capsys)
    for key in ("id", "title", "status", "phase", "conditions", "min_age", "max_age", "sex"):
        assert key in trial
    assert (trial["id"], trial["status"], trial["phase"], trial["min_age"], trial["max_age"]) == (
        "NCT03252938",
        "recruiting",
        "Phase 1",
        18.0,
        None,
    )
    platelets = next(c for c in trial["criteria"] if c["text"].startswith("Platelets"))
    assert platelets == platelets | {
        "section": "inclusion",
        "text": "Platelets ≥ 75.000/µl (for Stratum D: ≥ 100.000/µl)",
        "stratum": None,
    }
    pd1 = next(c for c in trial["criteria"] if c["text"].startswith("Prior PD-1"))
    assert (pd1["section"], pd1["stratum"]) == ("exclusion", "D")
    site = trial["sites"][0]
    assert {k: site[k] for k in ("facility", "city", "country", "status")} == {
        "facility": "Krankenhaus Nordwest",
        "city": "Frankfurt",
        "country": "Germany",
        "status": "recruiting",
    }
    contact = trial["contacts"][0]
    assert {k: contact[k] for k in ("name", "role", "phone", "email")} == {
        "name": "Salah-Eddin Al-Batran, MD",
        "role": "central_contact",
        "phone": "+49 69 7601 ext 4420",
        "email": "albatran@ikf-khnw.de",
    }


def test_show_text_says_when_a_record_has_no_criteria(seeded, capsys):
    assert trialmatch("show", "CCS-D769759294", "--db", seeded) == 0
    assert "Eligibility: no eligibility criteria on record" in capsys.readouterr().out


def test_list_filters_by_status(seeded, capsys):
    assert trialmatch("list", "--status", "recruiting", "--json", "--db", seeded) == 0
    assert [t["id"] for t in _json(capsys)] == ["NCT03252938"]


def test_match_json_contract_and_verdicts(seeded, capsys):
    assert trialmatch("match", PATIENT, "--all", "--json", "--db", seeded) == 0
    payload = _json(capsys)
    results = {r["trial_id"]: r for r in payload["results"]}
    assert set(results) == {"CCS-D769759294", "NCT04426201", "NCT03252938", "NL-OMON51161", "NCT02977156"}
    for key in ("trial_id", "title", "status", "verdict", "score", "criteria", "sites", "contacts"):
        assert key in results["NCT03252938"]
    imp321 = results["NCT03252938"]
    assert imp321["verdict"] == "possible"
    assert imp321["open_strata"] == ["A", "B", "C"]
    first = imp321["criteria"][0]
    assert set(first) >= {"section", "number", "text", "result", "reason", "stratum"}
    assert (first["text"], first["result"], first["stratum"]) == (
        "Prior PD-1/PDL-1 targeted therapy (only for Stratum D)",
        "fail",
        "D",
    )
    assert results["CCS-D769759294"]["verdict"] == "possible"
    assert results["CCS-D769759294"]["criteria"] == []
    assert results["CCS-D769759294"]["verdict_reason"] == "no eligibility criteria on record"


def test_a_stage_exclusion_excludes_a_patient_of_that_stage(seeded, capsys):
    assert trialmatch("match", PATIENT, "--all", "--json", "--db", seeded) == 0
    results = {r["trial_id"]: r for r in _json(capsys)["results"]}
    # The Dutch sepsis trial excludes any stage IV malignancy: the stage IV melanoma patient is out.
    assert results["NL-OMON51161"]["verdict"] == "ineligible"


def test_match_without_all_leaves_ineligible_trials_out(seeded, capsys):
    assert trialmatch("match", PATIENT, "--json", "--db", seeded) == 0
    verdicts = {r["verdict"] for r in _json(capsys)["results"]}
    assert "ineligible" not in verdicts


def test_as_of_overrides_the_file_date(seeded, capsys):
    assert trialmatch("match", PATIENT, "--json", "--as-of", "2030-01-01", "--db", seeded) == 0
    assert _json(capsys)["as_of"] == "2030-01-01"


def test_parse_prints_rules_for_any_text(tmp_path, capsys):
    text = tmp_path / "criteria.txt"
    text.write_text(
        "Inclusion Criteria:\n- ANC ≥ 1.500/µl\n- Platelets ≥ 100 x 109/L\n"
        "Exclusion Criteria:\n- Pregnancy\n",
        encoding="utf-8",
    )
    assert trialmatch("parse", text, "--json") == 0
    parsed = _json(capsys)
    assert [(p["section"], p["rule"]["kind"]) for p in parsed] == [
        ("inclusion", "lab"),
        ("inclusion", "lab"),
        ("exclusion", "finding"),
    ]
    # As the registry wrote them: 1,500 per µL (European thousands dot), 100 × 10⁹/L (lost superscript).
    assert (parsed[0]["rule"]["value"], parsed[0]["rule"]["unit"]) == (1500.0, "/µL")
    assert (parsed[1]["rule"]["value"], parsed[1]["rule"]["unit"]) == (100.0, "10^9/L")


def test_schema_patient_is_a_json_schema(capsys):
    assert trialmatch("schema", "patient") == 0
    schema = _json(capsys)
    assert schema["properties"]["format"]["const"] == "trialmatch-patient/1"
    assert schema["required"] == ["format"]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "truncated.json",
            b'{"protocolSection": {"identificationModule": {"nctId": "NCT1"',
            "not valid JSON",
        ),
        ("latin1.xml", "<clinical_study><brief_title>Étude</brief_title>".encode("latin-1"), "UTF-8"),
        ("unknown.txt", b"Just some notes about a patient.\n", "format"),
        ("empty.json", b"", "empty"),
    ],
)
def test_bad_files_name_the_file_exit_1_and_leave_the_catalogue_unchanged(
    tmp_path, capsys, seeded, name, content, message
):
    db = tmp_path / "c.db"
    db.write_bytes(seeded.read_bytes())
    before = _digest(db)
    bad = tmp_path / name
    bad.write_bytes(content)
    assert trialmatch("import", SEEDS[0], bad, "--db", db) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert err.startswith("trialmatch: ")
    assert name in err
    assert message in err
    assert err.endswith("; nothing was imported")
    assert _digest(db) == before


def test_a_zip_with_one_bad_member_names_the_member(tmp_path, capsys, seeded):
    db = tmp_path / "c.db"
    db.write_bytes(seeded.read_bytes())
    before = _digest(db)
    archive = tmp_path / "studies.zip"
    good = (DATA / "registry" / "aact_fixtures" / "json_api_v2" / "NCT00763412.json").read_bytes()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("NCT00763412.json", good)
        z.writestr("NCT99999999.json", good[: len(good) // 2])
    assert trialmatch("import", archive, "--db", db) == 1
    err = capsys.readouterr().err
    assert "studies.zip [NCT99999999.json]" in err
    assert _digest(db) == before


def test_bad_patient_file_names_each_field(tmp_path, capsys, seeded):
    bad = tmp_path / "p.json"
    bad.write_text(
        json.dumps(
            {
                "format": "trialmatch-patient/1",
                "age": -3,
                "labs": [{"test": "platelets", "value": 5000, "unit": "10^9/L"}],
                "as_of": "tomorrow",
            }
        ),
        encoding="utf-8",
    )
    assert trialmatch("match", bad, "--db", seeded) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"trialmatch: {bad}: ")
    assert "age: " in err
    assert "labs[0].value: " in err
    assert "as_of: " in err


def test_missing_and_corrupt_catalogues_are_one_line_errors(tmp_path, capsys):
    assert trialmatch("list", "--db", tmp_path / "none.db") == 1
    assert "no catalogue file there" in capsys.readouterr().err
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"x" * 4096)
    assert trialmatch("show", "NCT1", "--db", junk) == 1
    assert "not a TrialMatch catalogue" in capsys.readouterr().err


def test_unknown_finding_terms_are_reported_never_ignored(tmp_path, capsys, seeded):
    patient = json.loads(PATIENT.read_text(encoding="utf-8"))
    patient["findings"]["frobnication syndrome"] = True
    path = tmp_path / "p.json"
    path.write_text(json.dumps(patient), encoding="utf-8")
    assert trialmatch("match", path, "--json", "--db", seeded) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["not_used"] == {"findings": ["frobnication syndrome"], "labs": []}
    assert "finding 'frobnication syndrome' is not a term TrialMatch knows: not used" in captured.err
