"""ClinicalTrials.gov API v2 JSON: real studies (AACT fixtures, set 05 slices) read field by field."""

from __future__ import annotations

import json
import zipfile
from datetime import date
from pathlib import Path

import pytest

from trialmatch.domain.trial import ContactRole, ImportWarning, Sex, Trial, TrialStatus
from trialmatch.registries.ctgov_json import read_json
from trialmatch.registries.errors import RegistryError

REGISTRY = Path(__file__).resolve().parents[2] / "data" / "registry"
AACT = REGISTRY / "aact_fixtures" / "json_api_v2"
SLICES = REGISTRY / "slices"


def only_trial(path: Path) -> Trial:
    ((position, trial),) = read_json(path.read_bytes(), path.name)
    assert position is None
    return trial


def study(path: Path) -> dict:
    return json.loads(path.read_bytes())


def test_registry_study_maps_titles_status_design_and_eligibility():
    trial = only_trial(AACT / "NCT03475563.json")

    assert trial.id == "NCT03475563"
    assert trial.registry == "ctgov"
    assert trial.source_url == "https://clinicaltrials.gov/study/NCT03475563"
    assert trial.title == "BiOSS Study (BiOSS LIM C Stent Registry in Bifurcated Lesions)"
    assert trial.acronym == "BIOSS"
    assert trial.status is TrialStatus.UNKNOWN
    assert trial.warnings == []
    assert trial.study_type == "Observational [Patient Registry]"
    assert trial.phase is None
    assert trial.enrollment == 100
    assert trial.conditions == ["Coronary Artery Disease"]
    assert trial.interventions == ["Procedure: Coronary angioplasty with stent implantation"]
    assert (trial.min_age, trial.max_age, trial.sex) == (18.0, None, Sex.ALL)
    assert trial.healthy_volunteers is False
    assert trial.start_date == date(2018, 8, 16)
    assert trial.last_update == date(2019, 11, 27)
    assert trial.sponsors == ["Hospital Universitari Vall d'Hebron Research Institute"]


def test_central_contacts_officials_and_site_contacts_keep_their_roles():
    trial = only_trial(AACT / "NCT03475563.json")

    central, unnamed_phone, official = trial.contacts
    assert (central.name, central.role, central.phone, central.email) == (
        "Imanol Otaegui, MD",
        ContactRole.CENTRAL_CONTACT,
        "+342746155",
        "iotaegui@vhebron.net",
    )
    assert (unnamed_phone.name, unnamed_phone.phone, unnamed_phone.email) == ("Imanol Otaegui", None, None)
    assert (official.name, official.role, official.affiliation) == (
        "Imanol Otaegui, MD",
        ContactRole.PRINCIPAL_INVESTIGATOR,
        "Hospital Universitari Vall d'hebron Barcelona, Spain",
    )
    assert len(trial.sites) == 3
    site = trial.sites[0]
    assert (site.facility, site.city, site.state, site.postal_code, site.country) == (
        "Hospital Universitari Parc Taulí",
        "Sabadell",
        "Barcelona",
        "08208",
        "Spain",
    )
    assert site.status is TrialStatus.RECRUITING
    assert (site.latitude, site.longitude) == (41.54329, 2.10942)
    assert [(c.name, c.role) for c in site.contacts] == [("Eduard Bosch, MD", ContactRole.SITE_CONTACT)]


def test_phone_extension_is_kept_with_the_number_as_registered():
    trial = only_trial(AACT / "NCT06171568.json")

    central = [c for c in trial.contacts if c.role is ContactRole.CENTRAL_CONTACT]
    assert [(c.name, c.phone, c.email) for c in central] == [
        ("Camille Heslot, MD", "01.49.95.81.69, +33", "camille.heslot@aphp.fr"),
        ("Alexis Schnitzler, MD, PhD", "01.40.05.49.58, +33", "alexis.schnitzler@aphp.fr"),
    ]
    assert trial.status is TrialStatus.NOT_YET_RECRUITING
    assert trial.identifiers[1].value == "2023-A00386-39"
    assert trial.identifiers[1].type == "IDRCB"


def test_month_only_dates_read_as_first_of_month_and_responsible_investigator_is_a_contact():
    trial = only_trial(AACT / "NCT00763412.json")

    assert trial.start_date == date(2006, 11, 1)
    assert trial.last_update == date(2017, 6, 5)
    assert (trial.min_age, trial.max_age) == (12.0, 24.0)
    assert trial.phase == "N/A"
    assert trial.status is TrialStatus.COMPLETED
    assert trial.enrollment == 31
    assert trial.interventions == ["Drug: placebo", "Drug: repaglinide"]
    assert [(i.value, i.type) for i in trial.identifiers] == [
        ("05-1109", "org_study_id"),
        ("P60DK020579", "NIH"),
    ]
    assert trial.sponsors[0] == "Arbelaez, Ana Maria"
    assert len(trial.sponsors) == 5
    responsible = trial.contacts[-1]
    assert (responsible.name, responsible.role, responsible.affiliation) == (
        "Ana Maria Arbelaez",
        ContactRole.RESPONSIBLE_PARTY,
        "Arbelaez, Ana Maria",
    )


def test_the_record_id_comes_from_the_content_not_the_file_name():
    """The AACT fixture NCT02278341.json holds study NCT02552212 (C-AXSPAND)."""
    trial = only_trial(AACT / "NCT02278341.json")

    assert trial.id == "NCT02552212"
    assert trial.acronym == "C-AXSPAND"
    assert trial.phase == "Phase 3"
    assert len(trial.sites) == 105
    assert [(i.value, i.type) for i in trial.identifiers] == [
        ("AS0006", "org_study_id"),
        ("2015-001894-41", "EudraCT"),
    ]
    assert trial.interventions == ["Biological: Certolizumab Pegol", "Other: Placebo"]


def test_array_of_studies_numbers_each_from_one():
    path = SLICES / "ctg-studies-set05-3.json"
    trials = read_json(path.read_bytes(), path.name)

    assert [(position, trial.id) for position, trial in trials] == [
        (1, "NCT06576635"),
        (2, "NCT07247227"),
        (3, "NCT04318938"),
    ]
    first = trials[0][1]
    assert first.title == (
        "LUNG-05: Investigating Chemotherapy Effectiveness for Non-Small Cell Lung Cancer (NSCLC) "
        "Metastatic Patients"
    )
    assert first.acronym == "LUNG-05"
    assert first.status is TrialStatus.RECRUITING
    assert first.conditions == ["NSCLC"]
    assert first.min_age == 18.0
    assert len(trials[2][1].sites) == 26


def test_api_page_of_studies():
    path = SLICES / "studies-page-set05-2.json"
    trials = read_json(path.read_bytes(), path.name)

    assert [(position, trial.id) for position, trial in trials] == [(1, "NCT06050278"), (2, "NCT03453307")]
    observational = trials[0][1]
    assert observational.acronym == "TAP-NSCLC"
    assert observational.study_type == "Observational"
    assert observational.phase is None
    site = observational.sites[0]
    assert (site.facility, site.city, site.country, site.status) == (
        "Fondazione IRCCS San Gerardo dei Tintori",
        "Monza",
        "Italy",
        TrialStatus.RECRUITING,
    )
    assert [(c.name, c.phone) for c in site.contacts] == [
        ("Diego Cortinovis, MD", "+390392336040"),
        ("Elisa Sala, PhD", "+390392333203"),
    ]
    assert trials[1][1].healthy_volunteers is None


def test_arms_carry_their_interventions_and_eligibility_is_verbatim(tmp_path: Path):
    raw = _set04_study("NCT05558007.json")
    trial = _read_study(tmp_path, raw)

    assert trial.phase == "Phase 2"
    assert (trial.min_age, trial.max_age, trial.sex) == (40.0, 65.0, Sex.MALE)
    assert trial.arms[0].label == "Daily oral Tadalafil 5mg + Topical Placebo"
    assert trial.arms[0].type == "Active Comparator"
    assert trial.arms[0].interventions == ["Drug: Tadalafil 5mg", "Drug: Topical Placebo"]
    assert trial.eligibility_text == raw["protocolSection"]["eligibilityModule"]["eligibilityCriteria"]
    assert trial.criteria
    assert trial.criteria[0].text.startswith("Men between the ages of 40 and 65 years")
    assert trial.summary is not None
    assert trial.summary.startswith(
        "To determine efficacy, safety and tolerabiltiy of topically applied BZ371A"
    )


def test_unreadable_fields_import_empty_with_a_warning(tmp_path: Path):
    raw = study(AACT / "NCT03475563.json")
    protocol = raw["protocolSection"]
    protocol["eligibilityModule"]["minimumAge"] = "eighteen"
    protocol["designModule"]["enrollmentInfo"]["count"] = "many"
    protocol["statusModule"]["startDateStruct"]["date"] = "2018-13"
    trial = _read_study(tmp_path, raw)

    assert trial.id == "NCT03475563"
    assert (trial.min_age, trial.enrollment, trial.start_date) == (None, None, None)
    assert trial.last_update == date(2019, 11, 27)
    assert trial.warnings == [
        ImportWarning(field="start_date", message="startDateStruct.date '2018-13' is not a date"),
        ImportWarning(field="enrollment", message="enrollment count 'many' is not a number"),
        ImportWarning(field="min_age", message="minimumAge: unreadable age 'eighteen'"),
    ]


def test_a_module_of_the_wrong_shape_is_left_out_with_a_warning(tmp_path: Path):
    raw = study(AACT / "NCT03475563.json")
    raw["protocolSection"]["conditionsModule"]["conditions"] = "Coronary Artery Disease"
    trial = _read_study(tmp_path, raw)

    assert trial.conditions == []
    assert trial.warnings == [
        ImportWarning(
            field="conditionsModule", message="conditionsModule left out: conditions is not a list of texts"
        )
    ]
    assert len(trial.sites) == 3


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b'{"protocolSection": {"identificationModule": {"briefTitle": "x"}}}', "study without an nctId"),
        (
            b'{"protocolSection": {"identificationModule": {"nctId": "12345"}}}',
            "nctId '12345' is not an NCT number",
        ),
        (b'{"studies": []}', "holds no studies"),
        (
            b'{"FullStudiesResponse": {}}',
            "unknown format: JSON that is not a ClinicalTrials.gov study, list of studies or page",
        ),
        (b'[{"protocolSection": {}}, 3]', "study #1: study without an nctId"),
        (
            b'{"protocolSection": {\n  "identificationModule": {"nctId": "NCT0"\n  "x": 1}}}',
            "not valid JSON (line 3, column 3: Expecting ',' delimiter)",
        ),
        (
            b'[{"protocolSection": {"identificationModule": {"nctId": "NCT03475563", "briefTitle": "BiO',
            "not valid JSON (line 1, column 86: Unterminated string starting at)",
        ),
        (
            '{"protocolSection": {"identificationModule": {"briefTitle": "Caf\u00e9"}}}'.encode("latin-1"),
            "not UTF-8 text (byte 0xe9 at line 1, column 65)",
        ),
    ],
)
def test_unreadable_json_is_refused_naming_the_file(content: bytes, problem: str):
    with pytest.raises(RegistryError) as error:
        read_json(content, "bad.json")
    assert str(error.value) == f"bad.json: {problem}"


def test_second_study_without_nct_id_refuses_the_whole_array():
    studies = json.loads((SLICES / "ctg-studies-set05-3.json").read_bytes())
    del studies[1]["protocolSection"]["identificationModule"]["nctId"]

    with pytest.raises(RegistryError) as error:
        read_json(json.dumps(studies).encode(), "ctg-studies.json", "batch/ctg-studies.json")
    assert str(error.value) == "ctg-studies.json [batch/ctg-studies.json]: study #2: study without an nctId"


def _set04_study(member: str) -> dict:
    with zipfile.ZipFile(SLICES / "ctg-studies-set04-5.json.zip") as archive:
        return json.loads(archive.read(member))


def _read_study(tmp_path: Path, raw: dict) -> Trial:
    path = tmp_path / "study.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    return only_trial(path)
