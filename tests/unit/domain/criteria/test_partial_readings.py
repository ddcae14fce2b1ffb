"""Partial readings: an item otherwise left for review whose opening thresholds are read, its unread rest kept
for review and joined so that it can only make the verdict less decisive, never wrong."""

from __future__ import annotations

import pytest
from one_criterion import entered, outcome, patient, result

from trialmatch.domain.criteria import AllOf, AnyOf, NeedsReview, parse_criterion
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

INC, EXC = Section.INCLUSION, Section.EXCLUSION
PASS, FAIL, UNKNOWN = Outcome.PASS, Outcome.FAIL, Outcome.UNKNOWN


def _tail(rule: object) -> NeedsReview:
    assert isinstance(rule, AnyOf | AllOf), rule
    assert len(rule.children) == 2, rule
    head, tail = rule.children
    assert not isinstance(head, NeedsReview)
    assert isinstance(tail, NeedsReview), tail
    return tail


# one case per connective and section: the text, the join, the unread tail, and three patients (the head
# met, not met, not entered) with the verdict and the value the reason must show
CASES = [
    pytest.param(
        EXC,
        "Serum creatinine > 2.5 mg/dL or eGFR < 30 mL/min, or planned nephrectomy during the study",
        AnyOf,
        "or planned nephrectomy during the study",
        [
            (
                entered(("Creatinine", 3.1, "mg/dL")),
                FAIL,
                "serum creatinine 3.1 mg/dL, > 2.5 mg/dL: excluded",
            ),
            (
                entered(("Creatinine", 1.0, "mg/dL"), ("Creatinine clearance", 70, "mL/min")),
                UNKNOWN,
                "serum creatinine 1 mg/dL",
            ),
            ([], UNKNOWN, "serum creatinine not entered"),
        ],
        id="or-exclusion",
    ),
    pytest.param(
        INC,
        "PT INR less than or equal to 1.3 or PTT within the therapeutic range",
        AnyOf,
        "or PTT within the therapeutic range",
        [
            (entered(("INR", 1.1, "1")), PASS, "INR 1.1, within ≤ 1.3"),
            (entered(("INR", 1.6, "1")), UNKNOWN, "INR 1.6 is above the allowed 1.3"),
            ([], UNKNOWN, "INR not entered"),
        ],
        id="or-inclusion",
    ),
    pytest.param(
        INC,
        "Platelets ≥ 75,000/mm³ (other than immune thrombocytopenia)",
        AnyOf,
        "other than immune thrombocytopenia",
        [
            (entered(("Platelets", 150, "10^9/L")), PASS, "platelets 150 × 10⁹/L, meets ≥ 75 × 10⁹/L"),
            (entered(("Platelets", 50, "10^9/L")), UNKNOWN, "platelets 50 × 10⁹/L is below the required 75"),
            ([], UNKNOWN, "platelets not entered"),
        ],
        id="exception-inclusion",
    ),
    pytest.param(
        EXC,
        "Platelets < 50,000/mm³ with the exception of immune thrombocytopenia",
        AllOf,
        "with the exception of immune thrombocytopenia",
        [
            (entered(("Platelets", 30, "10^9/L")), UNKNOWN, "platelets 30 × 10⁹/L, < 50 × 10⁹/L"),
            (entered(("Platelets", 150, "10^9/L")), PASS, "platelets 150 × 10⁹/L, not < 50 × 10⁹/L"),
            ([], UNKNOWN, "platelets not entered"),
        ],
        id="exception-exclusion",
    ),
    pytest.param(
        INC,
        # ("for patients with planned cisplatin therapy" is read as what waives the limit: see
        # test_derived_waivers)
        "Creatinine clearance ≥ 60 mL/min in patients who receive cisplatin",
        AnyOf,
        "in patients who receive cisplatin",
        [
            (entered(("Creatinine clearance", 80, "mL/min")), PASS, "CrCl 80 mL/min (entered), meets ≥ 60"),
            (entered(("Creatinine clearance", 40, "mL/min")), UNKNOWN, "CrCl 40 mL/min (entered) is below"),
            ([], UNKNOWN, "CrCl not available"),
        ],
        id="condition-inclusion",
    ),
    pytest.param(
        EXC,
        "Severe renal impairment (estimated GFR < 30 ml/min) in patients who are not candidates for dialysis",
        AllOf,
        "in patients who are not candidates for dialysis",
        [
            (entered(("Creatinine clearance", 20, "mL/min")), UNKNOWN, "CrCl 20 mL/min (entered), < 30"),
            (entered(("Creatinine clearance", 70, "mL/min")), PASS, "CrCl 70 mL/min (entered), not < 30"),
            ([], UNKNOWN, "CrCl not available"),
        ],
        id="condition-exclusion",
    ),
    pytest.param(
        INC,
        "Absolute neutrophil count ≥ 1,500/µL and adequate bone marrow reserve per investigator",
        AllOf,
        "and adequate bone marrow reserve per investigator",
        [
            (entered(("ANC", 2.0, "10^9/L")), UNKNOWN, "ANC 2 × 10⁹/L, meets ≥ 1.5 × 10⁹/L"),
            (entered(("ANC", 1.0, "10^9/L")), FAIL, "ANC 1 × 10⁹/L is below the required 1.5 × 10⁹/L"),
            ([], UNKNOWN, "ANC not entered"),
        ],
        id="and-inclusion",
    ),
]


@pytest.mark.parametrize(("section", "text", "join", "tail", "patients"), CASES)
def test_the_head_decides_only_where_the_tail_cannot_turn_it(
    section: Section,
    text: str,
    join: type,
    tail: str,
    patients: list[tuple[list[dict[str, object]], Outcome, str]],
) -> None:
    rule = parse_criterion(text, section)
    assert type(rule) is join
    kept = _tail(rule)
    assert kept.text == tail
    assert kept.why.endswith(f"check '{tail}'")
    for labs, verdict, shown in patients:
        judged = result(section, text, patient(labs=labs))
        assert judged.result is verdict, (labs, judged.reason)
        assert shown in judged.reason
        if verdict is UNKNOWN:  # what is left to check is said beside the value
            assert judged.reason.endswith(f"check '{tail}'")


@pytest.mark.parametrize(
    ("text", "section"),
    [
        # an exclusion's "and" may list things that each exclude
        ("Absolute neutrophil count < 1,000/µL and adequate bone marrow reserve per investigator", EXC),
        # a bare comma or a new sentence does not say how the rest binds
        ("Platelets ≥ 75,000/mm³, adequate bone marrow reserve", INC),
        ("Platelets ≥ 75,000/mm³ (other than immune thrombocytopenia), adequate marrow", INC),
        (
            # (advice, "We recommend avoiding cisplatin for patients with CrCl < 50 mL/min", is no limit: see
            # test_lab_advice_notes)
            "Creatinine clearance ≥ 30 mL/min. Cisplatin only for patients with CrCl ≥ 50 mL/min.",
            INC,
        ),
        # the tail says how the value counts: met after a transfusion, it does not admit
        ("Platelets ≥ 100,000/mm³ when not transfused", INC),
        # the head is a past value, not what the item requires now
        ("History of creatinine > 2 mg/dL or dialysis", EXC),
        # a number after an inclusion's exception may be a stricter limit for some
        ("Platelets ≥ 75,000/mm³ other than immune thrombocytopenia with platelets ≥ 30,000/mm³", INC),
        # a variant limit for a subgroup, maybe a stricter one
        ("Creatinine ≤ 1.5 mg/dL or creatinine clearance ≥ 60 mL/min among diabetics", INC),
        ("Creatinine > 1.5 mg/dL, or > 2.0 mg/dL in myeloma", EXC),
        # a connective after the exception could bind the head another way
        ("Hemoglobin ≥ 9 g/dL and stable for the investigator unless transfused", INC),
    ],
)
def test_stays_one_review_where_the_rest_could_turn_the_verdict(text: str, section: Section) -> None:
    rule = parse_criterion(text, section)
    assert isinstance(rule, NeedsReview), rule


def test_a_head_without_its_unit_is_not_read() -> None:
    # read whole, "Bilirubin > 2" is read with an inferred unit; as the head of a partial reading, whose
    # unit may lie in the unread tail, it is not
    rule = parse_criterion("Bilirubin > 2 or symptomatic cholestasis", Section.EXCLUSION)
    assert isinstance(rule, NeedsReview), rule


def test_a_subgroup_heading_still_wraps_the_partial_reading() -> None:
    text = "PT INR less than or equal to 1.3 or PTT within the therapeutic range"
    met = patient(labs=entered(("INR", 1.1, "1")))
    assert outcome(INC, text, met, "Metabolic: For high-risk patients") is PASS


@pytest.mark.parametrize(
    ("section", "context", "text"),
    [
        (
            EXC,
            "more than ONE of the following chronic medical conditions, they are NOT eligible",
            "Blood pressure more than or equal to 130/85 mmHg or use of antihypertensive medication",
        ),
    ],
)
def test_not_read_under_a_heading_that_counts_its_items(section: Section, context: str, text: str) -> None:
    # the item does not decide alone, and the parser does not count them: one review, as before
    assert isinstance(parse_criterion(text, section, context), NeedsReview)
    assert not isinstance(parse_criterion(text, section, None), NeedsReview)
