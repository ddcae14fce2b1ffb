"""Classic ClinicalTrials.gov pages (seeds 002 and 004) import with every field the page states."""

from datetime import date

import pytest

from trialmatch.domain.trial import Arm, Contact, ContactRole, Identifier, Section, Sex, TrialStatus
from trialmatch.registries.pages import ctgov_classic, read_page


@pytest.fixture
def imp321(seed_path):
    path = seed_path("002")
    return read_page(path.read_text(encoding="utf-8"), path.name)


@pytest.fixture
def pexa_vec(seed_path):
    path = seed_path("004")
    return read_page(path.read_text(encoding="utf-8"), path.name)


def test_002_is_recognised_as_a_classic_page(seed_path):
    assert ctgov_classic.sniff(seed_path("002").read_text(encoding="utf-8"))


def test_002_record_fields(imp321):
    assert imp321.id == "NCT03252938"
    assert imp321.registry == "ctgov"
    assert (
        imp321.title == "Feasibility and Safety of IMP321 (Eftilagimod Alpha) for Advanced Stage Solid Tumors"
    )
    assert imp321.acronym is None
    assert imp321.official_title == (
        "An Explorative Phase I Study to Evaluate Feasibility and Safety of Intra-tumoral, Intra-peritoneal, "
        "and Subcutaneous Injection of IMP321 (Eftilagimod Alpha; LAG-3Ig Fusion Protein) Alone or in "
        "Combination for Advanced Stage Solid Tumors"
    )
    assert imp321.status is TrialStatus.RECRUITING
    assert imp321.phase == "Phase 1"
    assert imp321.study_type == "Interventional"
    assert imp321.enrollment == 45
    assert imp321.start_date == date(2017, 8, 15)
    assert imp321.last_update == date(2022, 11, 15)
    assert imp321.identifiers == [Identifier(value="INSIGHT", type="org_study_id")]
    assert imp321.summary is not None
    assert imp321.summary.startswith("Up to now, IMP321 is solely administered by sub-cutaneous injection")
    assert imp321.warnings == []


def test_002_conditions_cell_is_kept_whole_and_interventions_split_on_their_types(imp321):
    assert imp321.conditions == ["Solid Tumors Peritoneal Carcinomatosis"]
    assert imp321.interventions == ["Drug: IMP321", "Drug: Avelumab"]


def test_002_eligibility_limits(imp321):
    assert imp321.min_age == 18
    assert imp321.max_age is None
    assert imp321.sex is Sex.ALL
    assert imp321.healthy_volunteers is False


def test_002_arms(imp321):
    assert [arm.label for arm in imp321.arms] == [
        "Solid tumors",
        "Solid tumors + peritoneal carcinomatosis",
        "Solid tumors + chemotherapy",
        "Solid tumors + Avelumab/IMP321 therapy",
    ]
    assert {arm.type for arm in imp321.arms} == {"Experimental"}
    assert imp321.arms[1] == Arm(
        label="Solid tumors + peritoneal carcinomatosis",
        type="Experimental",
        description=(
            "Biweekly intra-peritoneal, escalating doses of IMP321 (1 mg, 3 mg, 6 mg, 12 mg and 30 mg)"
        ),
        interventions=["Drug: IMP321"],
    )
    assert imp321.arms[3].interventions == ["Drug: IMP321", "Drug: Avelumab"]


def test_002_trial_contacts(imp321):
    assert imp321.contacts == [
        Contact(
            name="Salah-Eddin Al-Batran, MD",
            role=ContactRole.CENTRAL_CONTACT,
            phone="+49 69 7601 ext 4420",
            email="albatran@ikf-khnw.de",
        ),
        Contact(
            name="Regina Eickhoff, PhD",
            role=ContactRole.CENTRAL_CONTACT,
            phone="+49 69 7601 ext 4165",
            email="eickhoff.regina@ikf-khnw.de",
        ),
        Contact(
            name="Salah-Eddin Al-Batran, MD",
            role=ContactRole.PRINCIPAL_INVESTIGATOR,
            affiliation="Institute of Clinical Cancer Research (IKF), UCT Frankfurt, Germany",
        ),
        Contact(
            name="Institut für Klinische Krebsforschung IKF GmbH at Krankenhaus Nordwest",
            role=ContactRole.RESPONSIBLE_PARTY,
        ),
    ]
    # The classic page prints no "Sponsor:" row; the responsible party is not promoted to sponsor.
    assert imp321.sponsors == []


def test_002_site_with_its_contacts_and_investigator(imp321):
    (site,) = imp321.sites
    assert (site.facility, site.city, site.state, site.postal_code, site.country, site.status) == (
        "Krankenhaus Nordwest",
        "Frankfurt",
        None,
        "60488",
        "Germany",
        TrialStatus.RECRUITING,
    )
    assert site.contacts == [
        Contact(
            name="Thorsten O. Götze, Prof. Dr.",
            role=ContactRole.SITE_CONTACT,
            phone="+4969 7601 ext 4420",
            email="Goetze.Thorsten@KHNW.DE",
        ),
        Contact(
            name="Eickhoff Regina, PhD",
            role=ContactRole.SITE_CONTACT,
            phone="+4969 7601 ext 4165",
            email="eickhoff.regina@ikf-khnw.de",
        ),
        Contact(name="Thorsten O. Götze, MD", role=ContactRole.PRINCIPAL_INVESTIGATOR),
    ]


def test_002_eligibility_block_runs_from_inclusion_heading_to_the_last_exclusion(imp321):
    assert imp321.eligibility_text is not None
    assert imp321.eligibility_text.startswith(
        "Inclusion Criteria:\n- Histologically confirmed locally advanced or metastatic solid tumor\n"
    )
    assert "\nExclusion Criteria:\n- Inability to understand the aims of the study" in imp321.eligibility_text
    assert imp321.eligibility_text.endswith("would make the patient inappropriate for entry into this study.")
    assert "To learn more about this study" not in imp321.eligibility_text


def test_002_criteria(imp321):
    sections = [c.section for c in imp321.criteria]
    assert (sections.count(Section.INCLUSION), sections.count(Section.EXCLUSION)) == (21, 34)
    first = imp321.criteria[0]
    assert (first.section, first.text) == (
        Section.INCLUSION,
        "Histologically confirmed locally advanced or metastatic solid tumor",
    )
    assert imp321.criteria[8].text == "ANC (absolute neutrophil count) ≥ 1.500/µl (for Stratum D: >1.500/µl)"
    pregnancy = next(c for c in imp321.criteria if c.number == "28")
    assert (pregnancy.section, pregnancy.text) == (Section.EXCLUSION, "Pregnancy or lactation")


def test_004_record_fields(pexa_vec):
    assert pexa_vec.id == "NCT02977156"
    assert pexa_vec.title == (
        "Immunization Strategy With Intra-tumoral Injections of Pexa-Vec With Ipilimumab in "
        "Metastatic / Advanced Solid Tumors."
    )
    assert pexa_vec.acronym == "ISI-JX"
    assert pexa_vec.status is TrialStatus.COMPLETED
    assert pexa_vec.phase == "Phase 1"
    assert pexa_vec.enrollment == 22
    assert pexa_vec.start_date == date(2017, 1, 3)
    assert pexa_vec.last_update == date(2022, 7, 25)
    assert pexa_vec.conditions == ["Metastatic Tumor Advanced Tumor"]
    assert pexa_vec.interventions == ["Biological: Pexa-Vec", "Drug: Ipilimumab"]
    assert pexa_vec.arms == [
        Arm(
            label="Combination PexaVec + Ipilimumab",
            type="Experimental",
            interventions=["Biological: Pexa-Vec", "Drug: Ipilimumab"],
        )
    ]
    assert (pexa_vec.min_age, pexa_vec.max_age, pexa_vec.sex, pexa_vec.healthy_volunteers) == (
        18,
        None,
        Sex.ALL,
        False,
    )
    assert pexa_vec.identifiers == [Identifier(value="ET14-035 (ISI-JX)", type="org_study_id")]
    assert pexa_vec.summary is None
    assert pexa_vec.contacts == [
        Contact(
            name="Aurélien MARABELLE, MD, PhD",
            role=ContactRole.PRINCIPAL_INVESTIGATOR,
            affiliation="Centre Leon Berard",
        ),
        Contact(name="Centre Leon Berard", role=ContactRole.RESPONSIBLE_PARTY),
    ]
    assert pexa_vec.warnings == []


def test_004_five_french_sites_without_a_printed_status(pexa_vec):
    assert [(s.facility, s.city, s.postal_code, s.country, s.status) for s in pexa_vec.sites] == [
        ("Institut Bergonie", "Bordeaux", "33076", "France", None),
        ("Centre Léon Bérard", "Lyon", "69008", "France", None),
        ("Hopital Saint Louis", "Paris", "75475", "France", None),
        ("Centre Hospitalier Lyon Sud", "Pierre-Bénite", "69310", "France", None),
        ("Institut Gustave Roussy", "Villejuif", None, "France", None),
    ]


def test_004_eligibility_block_and_criteria(pexa_vec):
    assert pexa_vec.eligibility_text is not None
    assert pexa_vec.eligibility_text.startswith(
        "Inclusion Criteria:\n- Male or female patients aged ≥ 18 years"
    )
    assert pexa_vec.eligibility_text.endswith("hematologic malignancies).")
    sections = [c.section for c in pexa_vec.criteria]
    assert (sections.count(Section.INCLUSION), sections.count(Section.EXCLUSION)) == (20, 19)
    assert pexa_vec.criteria[3].text == "PS ECOG 0 or 1"
    assert pexa_vec.criteria[7].text == "Absolute neutrophil count (ANC) ≥ 1 x 109/L"
    assert pexa_vec.criteria[-1].text.startswith("Household contact exclusions for patients enrolled")
