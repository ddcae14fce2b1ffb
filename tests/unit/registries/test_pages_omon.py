"""The Dutch OMON register page (seed 003) imports with its page footers cut out of every field."""

from datetime import date

import pytest

from trialmatch.domain.trial import Contact, ContactRole, Identifier, Section, Sex, Site, TrialStatus
from trialmatch.registries.pages import omon, read_page


@pytest.fixture
def immunosep(seed_path):
    path = seed_path("003")
    return read_page(path.read_text(encoding="utf-8"), path.name)


def test_003_is_recognised_as_an_omon_page(seed_path):
    assert omon.sniff(seed_path("003").read_text(encoding="utf-8"))


def test_003_record_fields(immunosep):
    assert immunosep.id == "NL-OMON51161"
    assert immunosep.registry == "omon"
    assert immunosep.title == (
        "PERSONALIZED IMMUNOTHERAPY IN SEPSIS: A MULTICENTRE AND MULTINATIONAL, DOUBLE-BLIND, "
        "DOUBLE-DUMMY RANDOMIZED CLINICAL TRIAL"
    )
    assert immunosep.acronym == "ImmunoSep"
    assert immunosep.status is TrialStatus.COMPLETED
    assert immunosep.phase == "Phase 2"
    assert immunosep.study_type == "Interventional"
    assert immunosep.enrollment == 80
    assert immunosep.start_date == date(2022, 6, 29)
    assert immunosep.last_update == date(2025, 3, 14)
    assert immunosep.summary == (
        "The aim of ImmunoSep is to study if personalized immunotherapy targeting either fulminant "
        "hyper-inflammation or immunoparalysis is able to improve sepsis outcomes."
    )
    assert immunosep.warnings == []


def test_003_adults_and_elderly_mean_from_18_without_upper_limit(immunosep):
    assert immunosep.min_age == 18
    assert immunosep.max_age is None
    assert immunosep.sex is Sex.ALL
    assert immunosep.healthy_volunteers is None


def test_003_condition_with_its_synonym(immunosep):
    assert immunosep.conditions == [
        "Bacterial infectious disorders",
        "dysregulated host response to an infection, sepsis",
    ]


def test_003_products_sponsors_and_other_register_ids(immunosep):
    assert immunosep.interventions == [
        "Medicine: Immukine (recombinant human interferon gamma-1b)",
        "Medicine: Kineret (Anakinra)",
    ]
    assert immunosep.sponsors == ["Hellenic Institute for the Study of Sepsis", "Horizon 2020 Grant"]
    # "ССМО" is printed in Cyrillic letters on the page.
    assert immunosep.identifiers == [
        Identifier(value="EUCTR2020-005768-74-NL", type="EudraCT"),
        Identifier(value="NL76706.091.21", type="CCMO"),
    ]


def test_003_public_and_scientific_contacts_with_address_and_no_page_footer(immunosep):
    address = "Michalakopoulou str 88 Athene 11528 GR"
    assert immunosep.contacts == [
        Contact(
            name="Hellenic Institute for the Study of Sepsis",
            role=ContactRole.CENTRAL_CONTACT,
            address=address,
        ),
        Contact(
            name="Hellenic Institute for the Study of Sepsis",
            role=ContactRole.RESPONSIBLE_PARTY,
            address=address,
        ),
    ]


def test_003_the_country_listed_is_a_site_with_the_dutch_recruitment_status(immunosep):
    assert immunosep.sites == [Site(country="Netherlands", status=TrialStatus.COMPLETED)]


def test_003_eligibility_block_without_the_page_footer(immunosep):
    text = immunosep.eligibility_text
    assert text is not None
    assert text.startswith("Inclusion criteria\n- Age equal to or above 18 years.\n- Both genders.\n")
    assert "PERSONALIZED IMMUNOTHERAPY" not in text
    assert (
        "- Time from classification into sepsis by the Sepsis-3 definitions and start of\n"
        "Exclusion criteria\n- Age below 18 years.\n"
    ) in text
    assert text.endswith("- a urine pregnancy test before inclusion in the study.")


def test_003_criteria(immunosep):
    inclusion = [c for c in immunosep.criteria if c.section is Section.INCLUSION]
    exclusion = [c for c in immunosep.criteria if c.section is Section.EXCLUSION]
    assert (len(inclusion), len(exclusion)) == (8, 15)
    assert inclusion[0].text == "Age equal to or above 18 years."
    # The page break swallowed the rest of this item; the footer is not read as its continuation.
    assert (
        inclusion[-1].text == "Time from classification into sepsis by the Sepsis-3 definitions and start of"
    )
    assert exclusion[3].text == "Any stage IV malignancy."
