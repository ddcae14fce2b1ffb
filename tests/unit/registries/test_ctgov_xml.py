"""ClinicalTrials.gov legacy XML: real records (AACT fixtures, sets 01 and 02) read field by field."""

from __future__ import annotations

import zipfile
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from trialmatch.domain.trial import ContactRole, ImportWarning, Sex, Trial, TrialStatus
from trialmatch.registries.ctgov_xml import read_xml
from trialmatch.registries.errors import RegistryError

REGISTRY = Path(__file__).resolve().parents[2] / "data" / "registry"
AACT = REGISTRY / "aact_fixtures" / "xml_legacy"
SLICES = REGISTRY / "slices"


def read(path: Path) -> Trial:
    return read_xml(path.read_bytes(), path.name)


def set01(nct_id: str) -> bytes:
    with zipfile.ZipFile(SLICES / "xml-set01-3.zip") as archive:
        return archive.read(f"NCT0000xxxx/{nct_id}.xml")


def test_nci_match_keeps_every_one_of_its_1218_sites():
    trial = read(AACT / "NCT02465060.xml")

    assert trial.id == "NCT02465060"
    assert trial.title == (
        "Targeted Therapy Directed by Genetic Testing in Treating Patients With Advanced Refractory Solid "
        "Tumors, Lymphomas, or Multiple Myeloma (The MATCH Screening Trial)"
    )
    assert trial.official_title == "Molecular Analysis for Therapy Choice (MATCH)"
    assert trial.status is TrialStatus.RECRUITING
    assert trial.phase == "Phase 2"
    assert trial.enrollment == 6452
    assert (trial.min_age, trial.max_age, trial.sex) == (18.0, None, Sex.ALL)
    assert len(trial.sites) == 1218
    assert Counter(site.status for site in trial.sites) == {
        TrialStatus.RECRUITING: 1113,
        TrialStatus.ACTIVE_NOT_RECRUITING: 57,
        TrialStatus.SUSPENDED: 48,
    }
    assert Counter(site.country for site in trial.sites) == {"United States": 1214, "Puerto Rico": 4}
    first = trial.sites[0]
    assert (first.facility, first.city, first.state, first.postal_code, first.country, first.status) == (
        "University of Alabama at Birmingham Cancer Center",
        "Birmingham",
        "Alabama",
        "35233",
        "United States",
        TrialStatus.RECRUITING,
    )
    assert [(c.name, c.role, c.email) for c in first.contacts] == [
        ("Carla I. Falkson", ContactRole.SITE_CONTACT, "ecog.rss@jimmy.harvard.edu"),
        ("Carla I. Falkson", ContactRole.PRINCIPAL_INVESTIGATOR, None),
    ]
    assert [(c.name, c.role, c.affiliation) for c in trial.contacts] == [
        ("Keith Flaherty", ContactRole.PRINCIPAL_INVESTIGATOR, "ECOG-ACRIN Cancer Research Group")
    ]


def test_arms_get_the_interventions_that_name_them_and_repeated_ids_are_kept_once():
    trial = read(AACT / "NCT02465060.xml")

    assert len(trial.arms) == 30
    arm = trial.arms[0]
    assert (arm.label, arm.type) == ("Subprotocol A (EGFR activating mutation)", "Experimental")
    assert arm.interventions == [
        "Drug: Afatinib",
        "Other: Cytology Specimen Collection Procedure",
        "Other: Laboratory Biomarker Analysis",
    ]
    assert [(i.value, i.type) for i in trial.identifiers] == [
        ("NCI-2015-00054", "org_study_id"),
        ("NCI-2015-00054", "secondary_id"),
        ("EAY131", "secondary_id"),
        ("U10CA180820", "secondary_id"),
        ("U24CA196172", "secondary_id"),
    ]


def test_central_contacts_backup_officials_and_responsible_party_in_that_order():
    trial = read(AACT / "NCT03459976.xml")

    assert [(c.role, c.name, c.phone, c.email, c.affiliation) for c in trial.contacts] == [
        (
            ContactRole.CENTRAL_CONTACT,
            "S Sayed Professor Obstetrics and Gynecology, phD",
            "00201220377787",
            "fda2017@yahoo.com",
            None,
        ),
        (
            ContactRole.CENTRAL_CONTACT,
            "H Fathy Assistant Professor Obstetrics and Gynecology, phD",
            "00201220377787",
            "dr.hayam@live.com",
            None,
        ),
        (
            ContactRole.STUDY_DIRECTOR,
            "M Elhafeez Assistant Professor Obstetrics and Gy, phD",
            None,
            None,
            "Obstetrics and Gynecology",
        ),
        (ContactRole.PRINCIPAL_INVESTIGATOR, "n khazragy lecturer, phD", None, None, "clinical pathology"),
        (ContactRole.RESPONSIBLE_PARTY, "f m dabnon", None, None, "Ain Shams University"),
    ]
    assert trial.acronym == "HE4"
    assert (trial.min_age, trial.max_age, trial.sex) == (40.0, 70.0, Sex.FEMALE)
    assert trial.study_type == "Observational"
    assert trial.interventions == ["Diagnostic Test: evaluate serum level HE4 in endometrial cancer"]


def test_recruiting_record_of_set_02_with_site_statuses_and_investigators():
    trial = read(SLICES / "NCT05704530.xml")

    assert trial.title == "Liquid Biopsies in Esophageal Cancer"
    assert trial.status is TrialStatus.RECRUITING
    assert trial.phase == "N/A"
    assert trial.enrollment == 248
    assert trial.conditions == ["Esophageal Cancer"]
    assert trial.start_date == date(2023, 3, 29)
    assert trial.last_update == date(2023, 4, 10)
    central = trial.contacts[0]
    assert (central.name, central.role, central.phone, central.email) == (
        "Jeroen Dekervel, MD",
        ContactRole.CENTRAL_CONTACT,
        "016344225",
        "jeroen.dekervel@uzleuven.be",
    )
    assert trial.sponsors == ["Universitaire Ziekenhuizen KU Leuven", "Kom Op Tegen Kanker"]
    assert [(s.facility, s.city, s.country, s.status) for s in trial.sites] == [
        ("UZA", "Antwerpen", "Belgium", TrialStatus.NOT_YET_RECRUITING),
        ("UZ Gent", "Gent", "Belgium", TrialStatus.NOT_YET_RECRUITING),
        ("UZLeuven", "Leuven", "Belgium", TrialStatus.RECRUITING),
        ("AZ Delta", "Roeselare", "Belgium", TrialStatus.RECRUITING),
    ]
    assert [(c.name, c.role) for c in trial.sites[2].contacts] == [
        ("Filip Van Herpe, MD", ContactRole.SITE_CONTACT),
        ("Jeroen Dekervel, MD", ContactRole.PRINCIPAL_INVESTIGATOR),
    ]


def test_textblock_is_dedented_verbatim_and_worded_dates_are_read():
    trial = read_xml(set01("NCT00000102"), "NCT00000102.xml")

    assert trial.eligibility_text == (
        "Inclusion Criteria:\n"
        "\n"
        "  -  diagnosed with Congenital Adrenal Hyperplasia (CAH)\n"
        "\n"
        "  -  normal ECG during baseline evaluation\n"
        "\n"
        "Exclusion Criteria:\n"
        "\n"
        "  -  history of liver disease, or elevated liver function tests\n"
        "\n"
        "  -  history of cardiovascular disease"
    )
    assert trial.criteria
    assert trial.criteria[0].text.startswith("diagnosed with Congenital Adrenal Hyperplasia")
    assert trial.last_update == date(2005, 6, 24)
    assert trial.start_date is None
    assert trial.phase == "Phase 1/Phase 2"
    assert (trial.min_age, trial.max_age) == (14.0, 35.0)
    assert trial.interventions == ["Drug: Nifedipine"]


def test_pdq_record_keeps_its_headings_in_the_text():
    trial = read_xml(set01("NCT00002472"), "NCT00002472.xml")

    assert (
        trial.title
        == "Cisplatin and Etoposide Prior to Radiation Therapy in Treating Patients With CNS Tumors"
    )
    assert trial.start_date == date(1991, 3, 1)
    assert trial.min_age == 3.0
    assert trial.eligibility_text is not None
    assert trial.eligibility_text.startswith(
        "DISEASE CHARACTERISTICS:\n\n"
        "  -  Histologically proven CNS germ cell tumor of 1 of the following subtypes:"
    )
    assert "PATIENT CHARACTERISTICS:" in trial.eligibility_text
    assert trial.criteria
    assert [s.city for s in trial.sites] == ["Scottsdale", "Jacksonville", "Rochester"]
    assert trial.contacts[0].name == "Jan C. Buckner, MD"
    assert trial.contacts[0].affiliation == "Mayo Clinic"


def test_worded_phone_extension_follows_the_number():
    trial = read_xml(set01("NCT00001379"), "NCT00001379.xml")

    (contact,) = trial.sites[0].contacts
    assert contact.phone == "800-411-1222, TTY dial 711"
    assert contact.email == "ccopr@nih.gov"
    assert trial.start_date == date(1995, 5, 5)
    assert [(i.value, i.type) for i in trial.identifiers][-1] == ("NCT00018993", "nct_alias")


def test_expanded_access_status_is_unknown_with_a_warning():
    trial = read(AACT / "NCT03133988.xml")

    assert trial.status is TrialStatus.UNKNOWN
    assert trial.study_type == "Expanded Access"
    assert trial.warnings == [
        ImportWarning(field="status", message="status 'Available' is not a recruitment status")
    ]


def test_unreadable_fields_import_empty_with_a_warning():
    data = set01("NCT00001379")
    data = data.replace(b"<minimum_age>12 Years</minimum_age>", b"<minimum_age>twelve</minimum_age>")
    data = data.replace(b'<enrollment type="Anticipated">105</enrollment>', b"<enrollment>many</enrollment>")
    data = data.replace(b"May 5, 1995</start_date>", b"Maybe 1995</start_date>")
    trial = read_xml(data, "NCT00001379.xml")

    assert (trial.min_age, trial.enrollment, trial.start_date) == (None, None, None)
    assert trial.phase == "Phase 2"
    assert trial.warnings == [
        ImportWarning(field="start_date", message="start_date 'Maybe 1995' is not a date"),
        ImportWarning(field="enrollment", message="enrollment 'many' is not a number"),
        ImportWarning(field="min_age", message="minimum_age: unreadable age 'twelve'"),
    ]


def test_lastchanged_date_stands_in_for_last_update_posted():
    data = set01("NCT00000102").replace(
        b'<last_update_posted type="Estimate">June 24, 2005</last_update_posted>',
        b"<lastchanged_date>June 23, 2005</lastchanged_date>",
    )
    assert read_xml(data, "NCT00000102.xml").last_update == date(2005, 6, 23)


def test_declared_latin1_with_latin1_bytes_reads_the_same_names():
    text = (AACT / "NCT01207388.xml").read_text(encoding="utf-8")
    latin1 = text.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"').encode("latin-1", "xmlcharrefreplace")

    assert read_xml(latin1, "latin1.xml") == read(AACT / "NCT01207388.xml")


@pytest.mark.parametrize(
    ("declared", "encoding", "problem"),
    [
        (
            "UTF-8",
            "cp1252",
            "declared encoding 'UTF-8' does not match the content: not UTF-8 text (byte 0xae at line 16, "
            "column 124)",
        ),
        ("ISO-8859-1", "utf-8", "declared encoding 'ISO-8859-1' does not match the content, which is UTF-8"),
        ("x-unheard-of", "utf-8", "declares an unknown encoding 'x-unheard-of'"),
    ],
)
def test_bytes_that_contradict_the_declared_encoding_are_refused(declared: str, encoding: str, problem: str):
    text = (AACT / "NCT01207388.xml").read_text(encoding="utf-8")
    data = text.replace('encoding="UTF-8"', f'encoding="{declared}"').encode(encoding, "xmlcharrefreplace")

    with pytest.raises(RegistryError) as error:
        read_xml(data, "NCT01207388.xml")
    assert str(error.value) == f"NCT01207388.xml: {problem}"


def test_undeclared_latin1_is_not_utf8():
    data = set01("NCT00000102").replace(
        b"Nifedipine</intervention_name>", "Nifédipine</intervention_name>".encode("latin-1")
    )

    with pytest.raises(RegistryError) as error:
        read_xml(data, "all.zip", "NCT0000xxxx/NCT00000102.xml")
    assert (
        str(error.value)
        == "all.zip [NCT0000xxxx/NCT00000102.xml]: not UTF-8 text (byte 0xe9 at line 55, column 27)"
    )


@pytest.mark.parametrize(
    ("damage", "problem"),
    [
        (lambda d: d[:3000], "not valid XML (line 64, column 29: no element found)"),
        (
            lambda d: d.replace(b"</brief_title>", b"</brief_titel>"),
            "not valid XML (line 14, column 89: mismatched tag)",
        ),
        (
            lambda d: d.replace(b"clinical_study>", b"study>"),
            "unknown format: XML <study> is not a ClinicalTrials.gov clinical_study",
        ),
        (lambda d: d.replace(b"<nct_id>NCT00000102</nct_id>", b""), "clinical_study without an nct_id"),
    ],
)
def test_malformed_records_are_refused_with_line_and_column(damage, problem: str):
    with pytest.raises(RegistryError) as error:
        read_xml(damage(set01("NCT00000102")), "NCT00000102.xml")
    assert str(error.value) == f"NCT00000102.xml: {problem}"


def test_error_positions_are_those_of_the_file_even_after_the_results_section():
    data = (AACT / "NCT01207388.xml").read_bytes()
    assert b"<clinical_results>" in data
    broken = data.replace(b"</clinical_study>", b"</clinical_studies>")

    with pytest.raises(RegistryError) as error:
        read_xml(broken, "NCT01207388.xml")
    assert str(error.value) == "NCT01207388.xml: not valid XML (line 2767, column 3: mismatched tag)"
