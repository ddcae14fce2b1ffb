"""Numbers, comparators and units as registries print them."""

from __future__ import annotations

import pytest

from trialmatch.domain.criteria.base import Comparator
from trialmatch.domain.criteria.reading.numbers import (
    find_bare_limits,
    find_quantities,
    normalise,
    read_number,
)


def _one(text: str):
    norm = normalise(text)
    (quantity,) = list(find_quantities(norm, text))
    return quantity


def test_normalise_keeps_every_character_at_its_index():
    text = "ANC \\> 1.5 × 10⁹/L – µl ≧ ≦"
    assert len(normalise(text)) == len(text)
    assert normalise(text) == "anc  > 1.5 x 10⁹/l - µl ≥ ≤"


@pytest.mark.parametrize(
    ("printed", "value", "grouped"),
    [
        ("1.500", 1.5, 1500.0),
        ("75.000", 75.0, 75000.0),
        ("1.000.000", 1_000_000.0, None),
        ("1,500", 1500.0, None),
        ("100,000", 100_000.0, None),
        ("1,5", 1.5, None),
        ("1.5", 1.5, None),
        ("two", 2.0, None),
    ],
)
def test_printed_numbers(printed, value, grouped):
    number = read_number(printed)
    assert (number.value, number.grouped) == (value, grouped)


@pytest.mark.parametrize(
    ("words", "comparator"),
    [
        ("≥", Comparator.GE),
        (">=", Comparator.GE),
        ("=>", Comparator.GE),
        ("at least", Comparator.GE),
        ("greater than or equal to", Comparator.GE),
        ("at or above", Comparator.GE),
        ("more than", Comparator.GT),
        ("greater than", Comparator.GT),
        ("above", Comparator.GT),
        ("\\>", Comparator.GT),
        ("no more than", Comparator.LE),
        ("not exceeding", Comparator.LE),
        ("up to", Comparator.LE),
        ("≤", Comparator.LE),
        ("=<", Comparator.LE),
        ("at or below", Comparator.LE),
        ("<", Comparator.LT),
        ("below", Comparator.LT),
        ("lower than", Comparator.LT),
        ("less than", Comparator.LT),
    ],
)
def test_every_comparator_wording(words, comparator):
    assert _one(f"ANC {words} 1.5").comparator is comparator


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("≥ 1 x 109/L", "10^9/L"),
        ("≥ 100 x 109/L", "10^9/L"),
        ("≥ 1.5 x 10 9/L", "10^9/L"),
        ("≥ 1.5 x 10^9/l", "10^9/L"),
        ("≥ 1.5 10*9/L", "10^9/L"),
        ("≥ 1.5 x 10⁹/L", "10^9/L"),
        ("≥ 100 x 10(9)/L", "10^9/L"),
        ("≥ 1,500/mm^3", "/µL"),
        ("≥ 1,500/mm(3)", "/µL"),
        ("≥ 1,500 cells/mm3", "/µL"),
        ("≥ 1,500/mcL", "/µL"),
        ("≥ 1,500 per cubic millimeter", "/µL"),
        ("≥ 9g/dL", "g/dL"),
        ("≤ 3mg/dL", "mg/dL"),
        ("≤ 133 µmol/L", "µmol/L"),
        ("≥ 60 ml/min", "mL/min"),
        ("≥ 60 mL/min/1.73 m2", "mL/min/1.73m2"),
        ("> 480 ms", "ms"),
        ("≥ 50%", "%"),
        ("≤ 40 U/L", "U/L"),
    ],
)
def test_units_as_printed(text, unit):
    assert _one(text).unit == unit


def test_flattened_superscript_is_not_a_number():
    quantity = _one("ANC ≥ 1 x 109/L")
    assert quantity.number.value == 1.0


def test_european_thousands_point_is_offered_for_counts():
    quantity = _one("Platelets ≥ 75.000/µl")
    assert (quantity.number.value, quantity.number.grouped, quantity.unit) == (75.0, 75000.0, "/µL")


@pytest.mark.parametrize(
    ("text", "value", "upper", "multiple"),
    [
        ("≤ 3 x ULN", 3.0, None, "uln"),
        ("≤ 3 x upper limit of normal", 3.0, None, "uln"),
        ("no greater than 1.5 times the institutional upper limit of normal", 1.5, None, "uln"),
        ("< 2.5 times ULN", 2.5, None, "uln"),
        ("≤ 1.5xULN", 1.5, None, "uln"),
        ("no greater than 1.5 times normal", 1.5, None, "uln"),
        ("≤ 3 x UNL", 3.0, None, "uln"),
        ("≥ 1 x LLN", 1.0, None, "lln"),
        ("≤ 1.5 - 3 x upper limit of normal", 1.5, 3.0, "uln"),
    ],
)
def test_multiples_of_normal_limits(text, value, upper, multiple):
    quantity = _one(text)
    assert quantity.number.value == value
    assert (quantity.upper.value if quantity.upper else None) == upper
    assert quantity.multiple_of == multiple


def test_bare_limits_have_no_number():
    assert find_bare_limits(normalise("creatinine ≤ ULN")) == [(11, 16, Comparator.LE, "uln")]
    assert find_bare_limits(normalise("bilirubin within normal institutional limits"))[0][2:] == (
        Comparator.LE,
        "normal",
    )
    assert find_bare_limits(normalise("PTT within (w/in) normal limits"))[0][3] == "normal"


@pytest.mark.parametrize(
    ("text", "time_unit", "comparator"),
    [
        ("> 3 weeks", "weeks", Comparator.GT),
        ("at least 4 weeks", "weeks", Comparator.GE),
        ("within 6 months", "months", Comparator.LE),
        ("18 years or older", "years", Comparator.GE),
        ("18 years of age or older", "years", Comparator.GE),
        ("72 hours", "hours", None),
    ],
)
def test_time_spans(text, time_unit, comparator):
    quantity = _one(text)
    assert (quantity.time_unit, quantity.comparator) == (time_unit, comparator)


def test_words_inside_other_words_are_not_numbers():
    assert find_quantities(normalise("creatinine"), "creatinine") == []
    assert [q.number.value for q in find_quantities(normalise("CD4+ < 200/µL"), "CD4+ < 200/µL")] == [200.0]


def test_or_less_after_a_number_is_not_the_start_of_the_next_threshold():
    text = "BMI more than 23 kg/m2 and less than 35"
    first, second = find_quantities(normalise(text), text)
    assert (first.comparator, first.number.value) == (Comparator.GT, 23.0)
    assert (second.comparator, second.number.value) == (Comparator.LT, 35.0)
    text = "PSA 15 ng/mL or greater"
    assert find_quantities(normalise(text), text)[0].comparator is Comparator.GE


def test_molar_units_are_told_from_millimetres_by_their_capital():
    text = "hemoglobin < 9 g/dL (5.6 mM), lesion 5 mm"
    units = [(q.number.value, q.unit) for q in find_quantities(normalise(text), text)]
    assert units == [(9.0, "g/dL"), (5.6, "mmol/L"), (5.0, None)]
