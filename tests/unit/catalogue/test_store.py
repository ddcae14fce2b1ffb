import hashlib
import sqlite3
from datetime import date

import pytest

from trialmatch.catalogue.schema import SCHEMA_VERSION
from trialmatch.catalogue.store import Action, Catalogue, CatalogueError, IncomingRecord
from trialmatch.domain.trial import (
    Contact,
    ContactRole,
    Criterion,
    Section,
    Site,
    Trial,
    TrialStatus,
)


def _trial(trial_id="NCT03252938", last_update=date(2022, 11, 15), title="IMP321 for solid tumors"):
    return Trial(
        id=trial_id,
        registry="ctgov",
        title=title,
        status=TrialStatus.RECRUITING,
        phase="Phase 1",
        conditions=["Solid Tumors", "Peritoneal Carcinomatosis"],
        interventions=["Drug: IMP321", "Drug: Avelumab"],
        min_age=18,
        last_update=last_update,
        criteria=[
            Criterion(section=Section.INCLUSION, text="ECOG 0 or 1"),
            Criterion(
                section=Section.INCLUSION,
                text="Platelets ≥ 75.000/µl (for Stratum D: ≥ 100.000/µl)",
                context="Adequate hematological, hepatic and renal function parameters",
            ),
            Criterion(
                section=Section.EXCLUSION, number="7", text="Prior PD-1/PDL-1 targeted therapy", stratum="D"
            ),
        ],
        sites=[
            Site(
                facility="Krankenhaus Nordwest",
                city="Frankfurt",
                postal_code="60488",
                country="Germany",
                status=TrialStatus.RECRUITING,
                contacts=[
                    Contact(
                        name="Thorsten O. Götze",
                        role=ContactRole.SITE_CONTACT,
                        phone="+4969 7601 ext 4420",
                        email="Goetze.Thorsten@KHNW.DE",
                        address="Steinbacher Hohl 2-26, Frankfurt",
                    )
                ],
            )
        ],
        contacts=[
            Contact(
                name="Salah-Eddin Al-Batran, MD",
                role=ContactRole.CENTRAL_CONTACT,
                phone="+49 69 7601 ext 4420",
                email="albatran@ikf-khnw.de",
            )
        ],
    )


def _record(trial, source="seed.txt"):
    return IncomingRecord(source, trial, [("needs_review", '{"kind":"needs_review"}')] * len(trial.criteria))


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_trial_round_trips_with_criteria_sites_and_contacts(tmp_path):
    db = tmp_path / "c.db"
    trial = _trial()
    with Catalogue.open_for_writing(db) as cat:
        outcomes = cat.write_file("seed.txt", [_record(trial)])
    assert [(o.trial_id, o.action) for o in outcomes] == [("NCT03252938", Action.IMPORTED)]
    with Catalogue.open(db) as cat:
        stored = cat.get("NCT03252938")
    assert stored is not None
    assert stored.trial == trial
    assert stored.rules == ['{"kind":"needs_review"}'] * 3


def test_schema_version_is_recorded(tmp_path):
    db = tmp_path / "c.db"
    Catalogue.open_for_writing(db).close()
    assert sqlite3.connect(db).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_same_id_is_updated_only_when_newer(tmp_path):
    db = tmp_path / "c.db"
    with Catalogue.open_for_writing(db) as cat:
        cat.write_file("a", [_record(_trial())])
        older = cat.write_file("b", [_record(_trial(last_update=date(2021, 1, 1), title="old"))])
        newer = cat.write_file("c", [_record(_trial(last_update=date(2023, 3, 1), title="new"))])
    assert older[0].action is Action.SKIPPED
    assert "2022-11-15" in (older[0].reason or "")
    assert newer[0].action is Action.UPDATED
    with Catalogue.open(db) as cat:
        stored = cat.get("NCT03252938")
        assert stored is not None
        assert stored.trial.title == "new"
        assert cat.stats().criteria == 3
        assert cat.stats().sites == 1


def test_duplicate_in_one_file_is_skipped_with_reason(tmp_path):
    db = tmp_path / "c.db"
    with Catalogue.open_for_writing(db) as cat:
        outcomes = cat.write_file("f.zip", [_record(_trial(), "f.zip [a]"), _record(_trial(), "f.zip [b]")])
    assert [o.action for o in outcomes] == [Action.IMPORTED, Action.SKIPPED]
    assert outcomes[1].reason == "duplicate of f.zip [a] in the same import"


def test_a_failing_write_leaves_the_file_byte_for_byte_unchanged(tmp_path):
    db = tmp_path / "c.db"
    with Catalogue.open_for_writing(db) as cat:
        cat.write_file("a", [_record(_trial())])
    before = _digest(db)
    broken = IncomingRecord("bad", _trial("NCT1"), rules=[])  # rules do not match criteria
    with Catalogue.open_for_writing(db) as cat, pytest.raises(ValueError, match="zip"):
        cat.write_file("b", [_record(_trial("NCT2")), broken])
    assert _digest(db) == before
    with Catalogue.open(db) as cat:
        assert cat.count() == 1


def test_read_only_open_refuses_writes_and_bad_files(tmp_path):
    db = tmp_path / "c.db"
    Catalogue.open_for_writing(db).close()
    with Catalogue.open(db) as cat, pytest.raises(CatalogueError, match="read-only"):
        cat.write_file("x", [])
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(CatalogueError, match=r"junk\.db: not a TrialMatch catalogue"):
        Catalogue.open(junk)
    with pytest.raises(CatalogueError, match="no catalogue file"):
        Catalogue.open(tmp_path / "missing.db")


def test_newer_schema_is_refused_not_damaged(tmp_path):
    db = tmp_path / "c.db"
    Catalogue.open_for_writing(db).close()
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(CatalogueError, match="newer than this TrialMatch"):
        Catalogue.open(db)
    with pytest.raises(CatalogueError, match="newer than this TrialMatch"):
        Catalogue.open_for_writing(db)


def test_full_text_search_covers_title_conditions_interventions_and_criteria(tmp_path):
    db = tmp_path / "c.db"
    with Catalogue.open_for_writing(db) as cat:
        asthma = _trial("NCT2", title="Asthma inhaler study").model_copy(
            update={"conditions": ["Asthma"], "interventions": ["Drug: Albuterol"], "criteria": []}
        )
        cat.write_file("a", [_record(_trial()), _record(asthma)])
    with Catalogue.open(db) as cat:
        assert cat.search("peritoneal") == ["NCT03252938"]
        assert cat.search("avelumab") == ["NCT03252938"]
        assert cat.search("PD-1") == ["NCT03252938"]
        assert cat.search("asth") == ["NCT2"]
        assert cat.search(" nct03252938 ") == ["NCT03252938"]
        assert cat.search("  ") == []
        assert cat.conditions_vocabulary() == ["Asthma", "Peritoneal Carcinomatosis", "Solid Tumors"]
