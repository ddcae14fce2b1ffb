"""The Canadian Cancer Society page (seed 000) imports without criteria and with a derived, stable id."""

import pytest

from trialmatch.domain.trial import TrialStatus
from trialmatch.registries.pages import ccs, read_page


@pytest.fixture
def cov_immuno(seed_path):
    path = seed_path("000")
    return read_page(path.read_text(encoding="utf-8"), path.name)


def test_000_is_recognised_as_a_ccs_page(seed_path):
    assert ccs.sniff(seed_path("000").read_text(encoding="utf-8"))


def test_000_record_fields(cov_immuno):
    assert cov_immuno.registry == "ccs"
    assert cov_immuno.title == (
        "Immunization With IMM-101 vs Observation for Prevention of Respiratory and Severe COVID-19 Related "
        "Infections in Cancer Patients at Increased Risk of Exposure"
    )
    assert cov_immuno.official_title is not None
    assert cov_immuno.official_title.startswith("COV-IMMUNO: A Randomized, Phase III Trial of Immunization")
    assert cov_immuno.acronym == "COV-IMMUNO"
    assert cov_immuno.phase == "Phase 3"
    assert cov_immuno.status is TrialStatus.UNKNOWN
    assert cov_immuno.summary == (
        "The purpose of this study is to find out if immunization with IMM-101 will reduce the incidence of "
        "severe respiratory and COVID-19 infections in cancer patients."
    )
    assert cov_immuno.warnings == []


def test_000_has_no_criteria_on_record(cov_immuno):
    assert cov_immuno.criteria == []
    assert cov_immuno.eligibility_text is None
    assert cov_immuno.sites == []
    assert cov_immuno.identifiers == []


def test_000_id_is_derived_from_the_title_and_stable_across_spacing_and_case(cov_immuno):
    assert cov_immuno.id == "CCS-D769759294"
    assert ccs.stable_id(
        "  immunization with IMM-101 vs observation for prevention of respiratory and severe "
        "COVID-19 related infections in cancer patients at increased risk   of exposure"
    ) == ("CCS-D769759294")
