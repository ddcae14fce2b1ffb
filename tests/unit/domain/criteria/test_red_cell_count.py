"""The red blood cell count: "Hemogram index: RBC ≥ 3.0×1012/L, WBC ≥ 3.5×109/L, ..." reads as a count per
10¹² L (10⁶/µL), like the other counts of a blood count."""

from __future__ import annotations

from one_criterion import entered, inclusion, limits, outcome, patient

from trialmatch.domain.criteria.base import Comparator
from trialmatch.domain.evaluation import Outcome

HEMOGRAM = "Hemogram index: RBC≥3.0×1012/L, WBC≥3.5×109/L, ANC≥1.5×109/L, PLT≥100×109/L, Hb≥90g/L"


def test_the_hemogram_reads_the_red_cell_count_beside_the_other_counts() -> None:
    assert limits(inclusion(HEMOGRAM)) == [
        ("rbc", Comparator.GE, 3.0, "10^12/L"),
        ("wbc", Comparator.GE, 3.5, "10^9/L"),
        ("anc", Comparator.GE, 1.5, "10^9/L"),
        ("platelets", Comparator.GE, 100.0, "10^9/L"),
        ("hemoglobin", Comparator.GE, 90.0, "g/L"),
    ]


def test_a_red_cell_count_per_microlitre_is_the_same_count() -> None:
    assert limits(inclusion("RBC count ≥ 3.5 x 10^6/µL")) == [("rbc", Comparator.GE, 3.5, "10^12/L")]


def test_the_red_cell_count_decides_the_patient() -> None:
    others = [
        ("wbc", 6.0, "10^9/L"),
        ("anc", 3.0, "10^9/L"),
        ("platelets", 250, "10^9/L"),
        ("hb", 12, "g/dL"),
    ]
    passing = patient(labs=entered(("rbc", 4.2, "10^12/L"), *others))
    failing = patient(labs=entered(("red blood cell count", 2.8, "10^6/µL"), *others))
    unknown = patient(labs=entered(*others))
    assert outcome("inclusion", HEMOGRAM, passing) is Outcome.PASS
    assert outcome("inclusion", HEMOGRAM, failing) is Outcome.FAIL
    assert outcome("inclusion", HEMOGRAM, unknown) is Outcome.UNKNOWN


def test_a_red_cell_transfusion_stays_a_note_on_the_haemoglobin() -> None:
    rule = inclusion("Hb ≥ 8 g/dL and no red blood cell (RBC) transfusion within 14 days")
    assert limits(rule) == [("hemoglobin", Comparator.GE, 8.0, "g/dL")]
