"""The trial-aggregator page (seed 001) imports with its unlabelled values read by shape."""

from datetime import date

import pytest

from trialmatch.domain.trial import Arm, Contact, ContactRole, Identifier, Section, Sex, TrialStatus
from trialmatch.registries.pages import aggregator, read_page


@pytest.fixture
def iliad(seed_path):
    path = seed_path("001")
    return read_page(path.read_text(encoding="utf-8"), path.name)


def test_001_is_recognised_as_an_aggregator_page(seed_path):
    assert aggregator.sniff(seed_path("001").read_text(encoding="utf-8"))


def test_001_record_fields(iliad):
    assert iliad.id == "NCT04426201"
    assert iliad.registry == "aggregator"
    assert (
        iliad.title
        == "InterLeukin-7 to Improve Clinical Outcomes in Lymphopenic Patients With COVID-19 Infection"
    )
    assert iliad.acronym == "ILIAD-7-US-O"
    assert iliad.status is TrialStatus.TERMINATED
    assert iliad.phase == "Phase 2"
    assert iliad.enrollment == 10
    assert iliad.study_type == "Interventional"
    assert iliad.start_date == date(2020, 12, 20)
    assert iliad.last_update == date(2024, 4, 11)
    assert iliad.conditions == []
    assert iliad.identifiers == [Identifier(value="ILIAD-7 COVID US ONCO", type="org_study_id")]
    assert iliad.summary is not None
    assert iliad.summary.endswith("This cohort is dedicated to oncology patients")


def test_001_trailing_lines_are_ages_sex_and_healthy_volunteers(iliad):
    assert iliad.min_age == 25
    assert iliad.max_age == 80
    assert iliad.sex is Sex.ALL
    assert iliad.healthy_volunteers is False


def test_001_arms_and_interventions(iliad):
    assert iliad.interventions == ["CYT107", "Placebo"]
    assert iliad.arms == [
        Arm(
            label="CYT107 Treatment",
            description="Intramuscular (IM) administration of CYT107 twice a week for 3 weeks",
            interventions=["CYT107"],
        ),
        Arm(
            label="Saline control",
            description="Intramuscular (IM) placebo (normal saline) at the same frequency",
            interventions=["Placebo"],
        ),
    ]


def test_001_sponsors_without_their_class_lines(iliad):
    assert iliad.sponsors == [
        "Memorial Sloan Kettering Cancer Center",
        "Amarex Clinical Research",
        "M.D. Anderson Cancer Center",
        "Cancer Research Institute, New York City",
        "Revimmune",
    ]


def test_001_principal_investigators_with_affiliation(iliad):
    assert iliad.contacts == [
        Contact(
            name="Steve Pastores, MD",
            role=ContactRole.PRINCIPAL_INVESTIGATOR,
            affiliation="Memorial Sloan Kettering Cancer Center",
        ),
        Contact(
            name="Marcel van den Brink, MD, PhD",
            role=ContactRole.PRINCIPAL_INVESTIGATOR,
            affiliation="Memorial Sloan Kettering Cancer Center",
        ),
    ]


def test_001_two_us_sites(iliad):
    assert [(s.facility, s.city, s.state, s.country, s.status) for s in iliad.sites] == [
        ("Memorial sloan kettering", "New York", "New York", "United States", None),
        ("MD Anderson cancer center", "Houston", "Texas", "United States", None),
    ]


def test_001_eligibility_block_stops_before_the_age_sex_and_volunteer_lines(iliad):
    assert iliad.eligibility_text is not None
    assert iliad.eligibility_text.startswith("Inclusion Criteria\n2. Patient receiving active or recent")
    assert iliad.eligibility_text.endswith("\n11\\. Patients under guardianship")
    assert "Check the participation requirements" not in iliad.eligibility_text
    assert "25 Years" not in iliad.eligibility_text


def test_001_criteria_per_section(iliad):
    sections = [c.section for c in iliad.criteria]
    assert (sections.count(Section.INCLUSION), sections.count(Section.EXCLUSION)) == (7, 17)
    assert iliad.warnings == []


def test_001_items_numbered_on_from_the_inclusion_list_stay_inclusion_criteria(iliad):
    """The page prints "Exclusion Criteria" after item 3, but items 6-12 continue the inclusion list."""
    covid = next(c for c in iliad.criteria if c.text.startswith("Confirmed infection with COVID-19"))
    assert (covid.section, covid.number) == (Section.INCLUSION, "11")
    age = next(c for c in iliad.criteria if c.number == "8" and c.section is Section.INCLUSION)
    assert age.text == "Men and women aged ≥ 25 - 80 (included) years of age"
    pregnancy = iliad.criteria[7]
    assert (pregnancy.section, pregnancy.number, pregnancy.text) == (
        Section.EXCLUSION,
        "1",
        "Pregnancy or breast feeding;",
    )
