"""Theme: numbers printed around thresholds that are not thresholds, and thresholds printed before their
analyte. Each case is a catalogue sentence (or its wording) with the values a clinician would check."""

from __future__ import annotations

from trialmatch.domain.criteria import parse_criterion
from trialmatch.domain.criteria.reading.numbers import find_quantities, normalise
from trialmatch.domain.trial import Section


def _limits(rule) -> list[tuple[str, str, float, str | None, str | None]]:
    children = getattr(rule, "children", None)
    if children is not None:
        return [limit for child in children for limit in _limits(child)]
    assert rule.kind in {"lab", "derived"}, rule
    return [(rule.analyte, rule.comparator.value, rule.value, rule.unit, rule.multiple_of)]


def test_a_tilde_between_two_numbers_prints_a_range():
    text = "ALT: 2～10 × ULN"
    (quantity,) = find_quantities(normalise(text), text)
    assert (quantity.number.value, quantity.upper and quantity.upper.value, quantity.multiple_of) == (
        2.0,
        10.0,
        "uln",
    )


def test_a_tilde_range_of_uln_multiples_reads_as_both_bounds():
    rule = parse_criterion(
        "Subject serum ALT: 5~20 × upper limit of normal value (ULN), TBil: <10 × ULN;", Section.INCLUSION
    )
    assert rule.kind == "all_of"
    assert _limits(rule) == [
        ("alt", ">=", 5.0, None, "uln"),
        ("alt", "<=", 20.0, None, "uln"),
        ("bilirubin", "<", 10.0, None, "uln"),
    ]


def test_a_range_printed_with_the_unit_on_both_numbers_reads_as_its_two_bounds():
    rule = parse_criterion("Platelet count 50,000/mm3 to 500,000/mm^3", Section.INCLUSION)
    assert _limits(rule) == [
        ("platelets", ">=", 50000.0, "/µL", None),
        ("platelets", "<=", 500000.0, "/µL", None),
    ]


def test_the_first_number_of_a_range_takes_the_unit_and_strictness_stays_with_the_second():
    rule = parse_criterion("Has a body mass index of 18 to <40 kilograms/meter squared", Section.INCLUSION)
    assert _limits(rule) == [("bmi", ">=", 18.0, "kg/m2", None), ("bmi", "<", 40.0, "kg/m2", None)]


def test_within_opening_a_range_is_not_an_upper_bound_on_its_first_number():
    rule = parse_criterion(
        "Body mass index (BMI) within 18.0 kg/m2 to 32.0 kg/m2, inclusive.", Section.INCLUSION
    )
    assert _limits(rule) == [("bmi", ">=", 18.0, "kg/m2", None), ("bmi", "<=", 32.0, "kg/m2", None)]


def test_a_first_number_with_its_own_comparator_is_not_made_a_range_bound():
    rule = parse_criterion("Hemoglobin ≥ 9 g/dL to 10 g/dL", Section.INCLUSION)
    assert rule.kind == "review"


def test_thresholds_printed_before_the_analytes_they_bound():
    text = "Abnormal Liver Function tests (>2x normal AST or ALT and/or >1.5x normal bilirubin)"
    rule = parse_criterion(text, Section.EXCLUSION)
    assert rule.kind == "any_of"
    assert _limits(rule) == [
        ("ast", ">", 2.0, None, "uln"),
        ("alt", ">", 2.0, None, "uln"),
        ("bilirubin", ">", 1.5, None, "uln"),
    ]
    assert all(start <= end for start, end in _spans(rule))


def _spans(rule) -> list[tuple[int, int]]:
    return [rule.source_span, *(span for child in getattr(rule, "children", []) for span in _spans(child))]


def test_a_leading_threshold_is_not_read_when_the_analytes_after_it_have_their_own():
    rule = parse_criterion("(> 2 x ULN AST or ALT, bilirubin > 1.5 x ULN)", Section.EXCLUSION)
    assert rule.kind == "review"


def test_a_leading_count_without_unit_is_not_a_threshold_of_the_analyte_after_it():
    rule = parse_criterion("Received > 2 RBC transfusions", Section.EXCLUSION)
    assert rule.kind == "review"


def test_a_list_is_not_split_inside_a_worded_comparator():
    rule = parse_criterion("Age greater than or equal to 2 and weight greater than 12 kg.", Section.INCLUSION)
    assert rule.kind == "all_of"
    age, weight = rule.children
    assert (age.kind, age.min, age.min_inclusive) == ("age", 2.0, True)
    assert _limits(weight) == [("body_weight", ">", 12.0, "kg", None)]


def test_a_list_item_opening_with_with_shares_the_subject_before_it():
    text = "Diabetics with HbA1c greater than or equal to 10%, or with a history of retinopathy"
    assert parse_criterion(text, Section.EXCLUSION).kind == "review"


def test_an_hba1c_printed_in_ifcc_units_is_read_from_its_percentage_restatement():
    rule = parse_criterion("HbA1c ≥48 mmol/mol (6.5%) as measured at visit 1.", Section.EXCLUSION)
    assert _limits(rule) == [("hba1c", ">=", 6.5, "%", None)]


def test_an_ifcc_value_its_percentage_does_not_restate_is_left_for_review():
    assert parse_criterion("HbA1c ≥58 mmol/mol (6.5%)", Section.EXCLUSION).kind == "review"


def test_a_pointer_to_an_appendix_closing_a_bracket_is_blanked_at_its_place():
    text = "Estimated GFR ≥30 mL/minute/1.73 m2 (any validated formula, see Appendix 13.4)"
    norm = normalise(text)
    assert len(norm) == len(text)
    assert norm.endswith("(any validated formula,                  )")
    assert [q.number.value for q in find_quantities(norm, text)] == [30.0]


def test_an_appendix_that_holds_the_criterion_is_kept():
    assert "appendix 1" in normalise("Taking any of the medications listed in Appendix 1 (see protocol)")
