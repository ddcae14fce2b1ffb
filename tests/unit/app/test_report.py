"""The match report: what a clinician hands on must name the patient's values, each trial's unmet and
unknown criteria with reasons, the clinician's overrides, whom to call and where, and the data's origin.

Real records from tests/data (two seed documents, two AACT fixtures), the README melanoma patient.
"""

from __future__ import annotations

import re
from datetime import datetime
from html import unescape
from pathlib import Path

import pytest

from trialmatch.app.importing import place_sites
from trialmatch.app.matching import Matcher, MatchRow
from trialmatch.app.report import (
    ReportCatalogue,
    build_report,
    criterion_html,
    report_rows,
    sites_by_distance,
    verdict_text,
)
from trialmatch.domain.compiled import compile_trial
from trialmatch.domain.evaluation import Outcome, Override, Verdict
from trialmatch.domain.patient import Patient, load_patient
from trialmatch.registries.reading import read_path

DATA = Path(__file__).parents[2] / "data"
IMP321 = "NCT03252938"
"""Seed 002: IMP321 in solid tumours, strata A, B, C, D; prior PD-1 therapy excludes stratum D only."""
RTOG = "NCT00023673"
"""AACT fixture: NSCLC chemoradiation, AST < 2 × ULN (the patient's 88 U/L with ULN 40 is 2.2 × ULN)."""
MORPHEUS = "NCT03424005"
"""AACT fixture: Morpheus-TNBC, 22 sites, one at Centre Léon Bérard in Lyon."""
IMM101 = "CCS-D769759294"
"""Seed 000: Canadian Cancer Society page without eligibility criteria."""
CATALOGUE = ReportCatalogue(
    4, "2025-03-14", "Trial records: ClinicalTrials.gov (NLM). Not endorsed by the NLM."
)
GENERATED = datetime(2026, 11, 20, 14, 30)


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    """Read as Import reads them: sites placed from the offline gazetteer, so distances exist."""
    paths = [
        DATA / "seeds" / "000_4576ada8daf7fc04.txt",
        DATA / "seeds" / "002_8832269a6029767b.txt",
        DATA / "registry" / "aact_fixtures" / "xml_legacy" / "NCT00023673.xml",
        DATA / "registry" / "aact_fixtures" / "xml_legacy" / "NCT03424005.xml",
    ]
    trials = [record.trial for path in paths for record in read_path(path)]
    for trial in trials:
        place_sites(trial)
    return Matcher([(trial, compile_trial(trial)) for trial in trials])


@pytest.fixture(scope="module")
def patient() -> Patient:
    return load_patient((DATA / "patients" / "example_melanoma.json").read_text(encoding="utf-8"))


def _rows(matcher: Matcher, patient: Patient, overrides=None) -> list[MatchRow]:
    assert patient.as_of is not None
    return matcher.match(patient, patient.as_of, overrides)


def _text(html: str) -> str:
    """The report as read on paper: tags dropped, entities decoded, whitespace collapsed."""
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def _report(matcher: Matcher, patient: Patient, rows: list[MatchRow], top: int = 10) -> str:
    assert patient.as_of is not None
    return build_report(
        patient,
        rows,
        matcher.trial,
        catalogue=CATALOGUE,
        as_of=patient.as_of,
        generated=GENERATED,
        top=top,
    )


def test_patient_summary_gives_every_entered_value(matcher, patient):
    text = _text(_report(matcher, patient, _rows(matcher, patient)))
    for expected in (
        "Age 62 years",
        "Sex female",
        "Diagnosis metastatic melanoma, stage IV",
        "Performance status ECOG 1",
        "Weight, height 68 kg, 165 cm",
        "Clinic location Lyon, France",
        "Findings present liver metastases",
        "Findings absent HIV infection",
        "Evaluated as of 2026-11-20",
        "ANC 2.1 × 10⁹/L",
        "AST 88 U/L ULN 40",
        "pembrolizumab (immunotherapy, 2026-01-10 to 2026-09-15)",
    ):
        assert expected in text


def test_only_eligible_and_possible_trials_are_reported_in_ranked_order(matcher, patient):
    rows = _rows(matcher, patient)
    verdicts = {row.card.trial_id: row.verdict for row in rows}
    assert verdicts[RTOG] is Verdict.INELIGIBLE
    chosen = [row.card.trial_id for row in report_rows(rows, top=10)]
    assert RTOG not in chosen
    assert set(chosen) == {IMP321, MORPHEUS, IMM101}
    assert chosen == [row.card.trial_id for row in rows if row.verdict is not Verdict.INELIGIBLE]
    html = _report(matcher, patient, rows)
    text = _text(html)
    assert "4 trials considered: 0 eligible, 3 possible." in text
    headings = re.findall(r"<h2>(\d+)\. ([^<]+)</h2>", html)
    assert [title for _, title in headings] == [unescape(matcher.trial(t).title) for t in chosen]
    assert "Radiation Therapy Combined With Paclitaxel" not in text


def test_stratified_trial_names_the_open_strata_and_its_unmet_criterion_with_reason(matcher, patient):
    rows = {row.card.trial_id: row for row in _rows(matcher, patient)}
    assert verdict_text(rows[IMP321].evaluation) == "Possible — strata A, B, C"
    text = _text(_report(matcher, patient, list(rows.values())))
    section = text.split("Feasibility and Safety of IMP321")[1].split("Contacts")[0]
    assert "Possible — strata A, B, C · NCT03252938 · Phase 1 · Recruiting" in section
    assert "Unmet criteria (1)" in section
    assert "✘ Unmet · Exclusion Prior PD-1/PDL-1 targeted therapy (only for Stratum D)" in section
    assert "Patient values used: pembrolizumab (2026-01-10 to 2026-09-15)" in section
    assert "Stratum: D" in section
    assert "Near miss" not in section  # strata A, B and C stay open: not a near miss


def test_contacts_and_nearest_sites_are_listed_with_phone_email_and_distance(matcher, patient):
    text = _text(_report(matcher, patient, _rows(matcher, patient)))
    imp321 = text.split("Feasibility and Safety of IMP321")[1].split("Catalogue of")[0]
    assert (
        "Salah-Eddin Al-Batran, MD · (central contact) · +49 69 7601 ext 4420 · albatran@ikf-khnw.de"
        in imp321
    )
    assert (
        "Thorsten O. Götze, Prof. Dr. · (site contact) · +4969 7601 ext 4420 · Goetze.Thorsten@KHNW.DE"
        in imp321
    )
    assert "Nearest sites (1 of 1) Krankenhaus Nordwest, Frankfurt, Germany · Recruiting · 563 km" in imp321
    morpheus = text.split("Morpheus-TNBC")[1]
    assert "Nearest sites (3 of 22) Centre Léon Bérard, Lyon, France · Recruiting · 0 km" in morpheus
    assert (
        "Institut Universitaire du Cancer de Toulouse-Oncopole, Toulouse, France · Recruiting · 360 km"
        in morpheus
    )


def test_a_trial_without_criteria_says_so(matcher, patient):
    text = _text(_report(matcher, patient, _rows(matcher, patient)))
    section = text.split("Immunization With IMM-101")[1]
    assert "Possible · CCS-D769759294 · Phase 3 · Unknown no eligibility criteria on record" in section
    assert "No eligibility criteria on record." in section


def test_an_override_is_reported_with_the_clinicians_note_and_changes_the_verdict(matcher, patient):
    rows = {row.card.trial_id: row for row in _rows(matcher, patient)}
    unmet = next(r for r in rows[RTOG].evaluation.results if r.result is Outcome.FAIL)
    assert unmet.text == "Aspartate aminotransferase (AST) less than 2 times upper limit of normal"
    note = "AST from liver metastases; PI agreed on 2026-11-18"
    overridden = _rows(matcher, patient, {RTOG: {unmet.index: Override(Outcome.PASS, note)}})
    row = next(r for r in overridden if r.card.trial_id == RTOG)
    assert row.verdict is Verdict.POSSIBLE
    text = _text(_report(matcher, patient, overridden))
    section = text.split("Radiation Therapy Combined With Paclitaxel")[1]
    assert "Met by clinician override (1)" in section
    assert f"Override: marked met by the clinician: {note}" in section


def test_top_limits_the_trials_reported_and_the_footer_names_source_and_date(matcher, patient):
    rows = _rows(matcher, patient)
    html = _report(matcher, patient, rows, top=1)
    assert len(re.findall(r"<h2>\d+\. ", html)) == 1
    text = _text(html)
    assert "Showing the top 1 eligible or possible trials in ranked order." in text
    assert "Catalogue of 4 trials, records as of 2025-03-14." in text
    assert "Not endorsed by the NLM." in text
    assert "Generated 2026-11-20 14:30 by TrialMatch" in text


def test_registry_text_is_escaped_not_read_as_markup(matcher, patient):
    rows = {row.card.trial_id: row for row in _rows(matcher, patient)}
    result = next(r for r in rows[RTOG].evaluation.results if r.text.startswith("Completed 3D plan"))
    html = criterion_html(result)
    assert "total lung V20 &lt;/= 30%" in html
    assert "Completed 3D plan with total lung V20 </= 30%" in _text(html)


def test_sites_are_ordered_nearest_first_and_unplaced_ones_follow(matcher):
    morpheus = matcher.trial(MORPHEUS)
    ordered = sites_by_distance(morpheus, "Lyon, France")
    assert [s.site.city for s in ordered[:3]] == ["Lyon", "Toulouse", "Barcelona"]
    assert [round(s.km) for s in ordered[:3] if s.km is not None] == [0, 360, 531]
    assert len(ordered) == 22
    assert [s.km for s in sites_by_distance(morpheus, None)] == [None] * 22
