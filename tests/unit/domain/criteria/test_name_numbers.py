"""Numbers that are part of a name ("type 2 diabetes", "HIV-1", "SARS-CoV-2", "12-lead ECG", "CKD-EPI 2009
equation", "(2015 edition)") are no thresholds: the readers see the words around them instead."""

from __future__ import annotations

from one_criterion import exclusion, review

from trialmatch.domain.criteria.reading.name_numbers import name_spans
from trialmatch.domain.criteria.reading.numbers import find_quantities, normalise


def _values(text: str) -> list[float]:
    return [q.number.value for q in find_quantities(normalise(text), text)]


def test_the_number_of_a_name_is_no_threshold():
    assert _values("Type 1 or Type 2 diabetes with a HbA1c ≤12%") == [12.0]
    assert _values("diabetes mellitus type 2, HbA1c < 9%") == [9.0]
    assert _values("HIV-1 seropositive, CD4 T cell count ≥100/µl") == [100.0]
    assert _values("hospitalized for SARS-CoV-2 infection (COVID-19), SpO2 ≤ 93%") == [93.0]
    assert _values("QTcF > 470 ms on a triplicate 12-lead ECG") == [470.0]
    assert _values("DPP-4 inhibitors or GLP-1 agonists with an HbA1c of <9%") == [9.0]
    assert _values("HLA-A*02:01 positive, AFP > 2 x ULN") == [2.0]
    assert _values("eGFR < 60 (CKD-EPI creatinine 2009 equation; Levey et al, 2009)") == [60.0]
    assert _values("bilirubin ≤ 3 x ULN (2015 edition guidelines)") == [3.0]


def test_a_number_that_may_be_a_limit_is_never_taken_for_a_name():
    assert _values("IL-6 > 10 pg/mL") == [10.0]
    assert _values("CD4 2000/µL") == [2000.0]
    assert _values("platelets 2009/µL") == [2009.0]
    assert _values("type 2 or higher grade") == [2.0]  # no diabetes after it
    assert name_spans(normalise("ANC 2000 per protocol")) == ()


def test_the_year_of_a_cited_edition_is_no_age_and_no_word_left_unread():
    why = review("Diagnosis of fibromyalgia, meeting 2016 ACR criteria.")
    assert "2016" not in why
    why = review("Has at least one measurable lesion per Lugano 2014 classification.")
    assert why == "words not understood: lugano classification"


def test_the_year_of_an_egfr_equation_is_a_name_not_a_threshold():
    """The 2009 CKD-EPI equation gives other values than the 2021 one the file's eGFR is computed with: its
    year names the method (``ckd-epi-2009``), and is no number a reader may leave silently."""
    rule = exclusion(
        "Participants with eGFR < 25 mL/min/1.73 m^2 (calculated based on the CKD-EPI equation, using 2009 "
        "formula). eGFR can be reassessed once within 48 hours."
    )
    assert (rule.kind, rule.value, rule.method) == ("derived", 25.0, "ckd-epi-2009")
    assert name_spans(normalise("eGFR < 60 (CKD-EPI formula [Levey et al, 2009])"))[0][2] is False


def test_a_type_named_once_for_two_is_not_read_as_the_first_alone():
    """ "Diabetes type 1 or 2": a finding reader that read "diabetes type 1" has not read "or 2"; a patient
    with type 2 diabetes must not fail it."""
    assert review("Diabetes type 1 or 2")


def test_the_number_of_a_checkpoint_molecule_spelt_out_is_no_threshold():
    """ "programmed cell death protein 1 (PD1)" sent a drug sentence to review as "threshold before any
    analyte: '1'", a reason that misleads the clinician reading it."""
    assert _values("programmed cell death protein 1 (PD1) or T-lymphocyte-associated protein 4") == []
    assert _values("anti-Programmed death-1 (PD-1), anti-Programmed cell death ligand 2 (PD-L2)") == []
    assert _values("human epidermal growth factor receptor 2 and LAG-3, ANC ≥ 1.5") == [1.5]
    why = review(
        "Participants must have progressed on either single agent programmed cell death protein 1 (PD1) or "
        "combination PD1/ cytotoxic T-lymphocyte-associated protein 4 (CTLA-4) inhibition therapy."
    )
    assert why == "how the therapy relates to the trial (before, now, never) is not stated"
