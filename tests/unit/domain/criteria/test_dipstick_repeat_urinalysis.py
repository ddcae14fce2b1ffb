"""A dipstick limit whose way out goes through a repeat strip: "Urinalysis (UA) must show less than 1+
protein in urine, or the pt will require a repeat UA. If repeat UA shows 1+ protein or more, a 24 hour urine
collection will be required & must show total protein =< 1000 mg/24 hour to be eligible" is a grade below 1+
(the latest strip, the repeat one included), or at most 1000 mg of protein in 24 hours."""

from __future__ import annotations

from one_criterion import entered, inclusion, limits, outcome, patient

from trialmatch.domain.criteria import AnyOf
from trialmatch.domain.criteria.base import Comparator
from trialmatch.domain.evaluation import Outcome

TEXT = (
    "Urinalysis (UA) must show less than 1+ protein in urine, or the pt will require a repeat UA. If repeat "
    "UA shows 1+ protein or more, a 24 hour urine collection will be required & must show total protein =< "
    "1000 mg/24 hour to be eligible."
)


def test_the_strip_or_the_day_collection() -> None:
    rule = inclusion(TEXT)
    assert isinstance(rule, AnyOf)
    assert limits(rule) == [
        ("urine_protein_dipstick", Comparator.LT, 1.0, "1"),
        ("proteinuria", Comparator.LE, 1000.0, "mg/24h"),
    ]


def test_verdicts_on_the_strip_and_the_collection() -> None:
    clear = patient(labs=entered(("urine protein dipstick", 0, "1")))
    collected = patient(labs=entered(("urine protein dipstick", 2, "1"), ("proteinuria", 600, "mg/24h")))
    heavy = patient(labs=entered(("urine protein dipstick", 2, "1"), ("proteinuria", 1.8, "g/24h")))
    strip_only = patient(labs=entered(("urine protein dipstick", 1, "1")))
    assert outcome("inclusion", TEXT, clear) is Outcome.PASS
    assert outcome("inclusion", TEXT, collected) is Outcome.PASS
    assert outcome("inclusion", TEXT, heavy) is Outcome.FAIL
    assert outcome("inclusion", TEXT, strip_only) is Outcome.UNKNOWN
    assert outcome("inclusion", TEXT, patient()) is Outcome.UNKNOWN


def test_protein_between_the_grade_and_or_more() -> None:
    assert limits(inclusion("Urine protein 2+ protein or more")) == [
        ("urine_protein_dipstick", Comparator.GE, 2.0, "1")
    ]
