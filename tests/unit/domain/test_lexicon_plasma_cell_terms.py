"""Patient-file terms of myeloma and treated-CNS clinics land on the concepts criteria are read as, so
"Known amyloidosis" or "treated and stable brain metastases accepted" get a verdict; a term the lexicon does
not hold is still reported back, never guessed."""

from __future__ import annotations

from datetime import date

import pytest

from trialmatch.domain.facts import PatientFacts
from trialmatch.domain.lexicon import ancestors, resolve_finding
from trialmatch.domain.patient import load_patient


@pytest.mark.parametrize(
    ("term", "concept"),
    [
        ("amyloidosis", "amyloidosis"),
        ("history of amyloidosis", "amyloidosis"),
        ("AL amyloidosis", "al_amyloidosis"),
        ("light-chain amyloidosis", "al_amyloidosis"),
        ("plasma cell leukemia", "plasma_cell_leukemia"),
        ("Plasma cell leukaemia", "plasma_cell_leukemia"),
        ("irradiated brain metastases", "stable_brain_metastases"),
        ("previously treated CNS metastases", "stable_brain_metastases"),
        ("previously treated central nervous system metastases", "stable_brain_metastases"),
    ],
)
def test_the_term_resolves_to_the_concept_criteria_use(term, concept):
    found = resolve_finding(term)
    assert found is not None
    assert found.id == concept


def test_al_amyloidosis_is_an_amyloidosis_but_not_the_reverse():
    assert "amyloidosis" in ancestors("al_amyloidosis")
    assert ancestors("amyloidosis") == frozenset()


@pytest.mark.parametrize(
    "term", ["secondary amyloidosis", "cardiac amyloid deposits", "plasma cell disorder"]
)
def test_a_term_naming_something_else_is_not_resolved(term):
    assert resolve_finding(term) is None


def test_unresolved_terms_are_reported_back():
    patient = load_patient(
        {
            "format": "trialmatch-patient/1",
            "as_of": "2026-11-20",
            "age": 62,
            "findings": {
                "amyloidosis": False,
                "cardiac amyloid deposits": True,
                "irradiated brain metastases": True,
            },
        }
    )
    facts = PatientFacts(patient, date(2026, 11, 20))
    assert facts.unknown_terms == ("cardiac amyloid deposits",)
