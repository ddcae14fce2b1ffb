"""Long organ-function lists under headings and numbered sub-headings, read whole with the structure their
punctuation states."""

from __future__ import annotations

from one_criterion import entered, inclusion, limit_of, outcome, patient, thresholds

from trialmatch.domain.criteria import AllOf, AnyOf
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

INC, EXC = Section.INCLUSION, Section.EXCLUSION
PASS, FAIL, UNKNOWN = Outcome.PASS, Outcome.FAIL, Outcome.UNKNOWN

NUMBERED_HEADINGS = (
    "The main organs function are normally, the following criteria are met:(1)Blood routine "
    "examination criteria should be met (no blood transfusion and blood products within 14 days, no "
    "correction by G-CSF and other hematopoietic stimuli): HB≥90 g/L; ANC ≥ 1.5×10^9/L; PLT "
    "≥80×10^9/L;(2)Biochemical examinations must meet the following criteria: TBIL<1.5×ULN; ALT and "
    "AST < 2.5×ULN, and for patients with liver metastases < 5×ULN; Serum Cr ≤ 1.25×ULN or "
    "endogenous creatinine clearance > 60 ml/min (Cockcroft-Gault formula);"
)


def test_a_numbered_heading_its_bracketed_support_note_and_an_or_inside_a_semicolon_item() -> None:
    rule = inclusion(NUMBERED_HEADINGS)
    assert isinstance(rule, AllOf), rule
    *labs, renal = rule.children
    assert [limit_of(part) for part in labs] == [
        ("hemoglobin", ">=", 90.0, "g/L"),
        ("anc", ">=", 1.5, "10^9/L"),
        ("platelets", ">=", 80.0, "10^9/L"),
        ("bilirubin", "<", 1.5, None),
        ("alt", "<", 2.5, None),
        ("ast", "<", 2.5, None),
    ]
    # the note heads the blood counts only, not the biochemistry after the next heading
    assert [part.qualifier is not None for part in thresholds(rule)[:6]] == [True] * 3 + [False] * 3
    assert [(t.multiple_of, [e.value for e in t.exceptions]) for t in thresholds(rule)[3:6]] == [
        ("uln", []),
        ("uln", [5.0]),
        ("uln", [5.0]),
    ]
    # "Serum Cr ≤ 1.25 × ULN or clearance > 60": either, within its item
    assert isinstance(renal, AnyOf), renal
    assert [(c.analyte, c.comparator.value, c.value) for c in renal.children] == [
        ("creatinine", "<=", 1.25),
        ("crcl", ">", 60.0),
    ]


def test_either_renal_value_meets_its_item_and_a_high_creatinine_alone_does_not_fail() -> None:
    good = entered(
        ("Hemoglobin", 120, "g/L"),
        ("ANC", 3.0, "10^9/L"),
        ("Platelets", 200, "10^9/L"),
        ("Total bilirubin", 0.5, "mg/dL"),
        ("ALT", 20, "U/L"),
        ("AST", 20, "U/L"),
    )
    uln = {"ALT": 40, "AST": 40, "Total bilirubin": 1.2, "Creatinine": 1.0}
    labs = [{**lab, "uln": uln[str(lab["test"])]} if lab["test"] in uln else lab for lab in good]
    high_creatinine = [*labs, {"test": "Creatinine", "value": 1.6, "unit": "mg/dL", "uln": 1.0}]
    assert outcome(INC, NUMBERED_HEADINGS, patient(labs=high_creatinine)) is UNKNOWN
    low_clearance = [*high_creatinine, {"test": "Creatinine clearance", "value": 40, "unit": "mL/min"}]
    assert outcome(INC, NUMBERED_HEADINGS, patient(labs=low_clearance)) is FAIL
    low_hb = [{**lab, "value": 80} if lab["test"] == "Hemoglobin" else lab for lab in high_creatinine]
    assert outcome(INC, NUMBERED_HEADINGS, patient(labs=low_hb)) is FAIL


def test_a_bracket_between_a_heading_and_its_colon_is_read_as_the_note_it_is() -> None:
    rule = inclusion(
        "Blood routine [no blood transfusion or colony-stimulating factor (G-CSF) treatment within 14 days]: "
        "absolute neutrophil count ≥ 1.5 × 109/L; platelet ≥ 75 × 109/L"
    )
    assert [limit_of(t) for t in thresholds(rule)] == [
        ("anc", ">=", 1.5, "10^9/L"),
        ("platelets", ">=", 75.0, "10^9/L"),
    ]
    assert all(t.qualifier for t in thresholds(rule))


def test_a_bracket_before_a_heading_colon_that_is_no_note_stays_for_review() -> None:
    rule = inclusion(
        "Blood routine (unless bone marrow infiltration): ANC ≥ 1.5 × 10^9/L; platelets ≥ 75 × 10^9/L"
    )
    assert "review" in {leaf.kind for leaf in _leaves(rule)}


def _leaves(rule: object) -> list[object]:
    children = getattr(rule, "children", None)
    return [rule] if children is None else [leaf for child in children for leaf in _leaves(child)]


NOTE_IF = (
    "Creatinine =< institutional upper limit normal (ULN), CTCAE v 3.0 grade 0; NOTE: if creatinine > ULN, "
    "creatinine clearance must be > 50 mL/min"
)


def test_a_note_label_opening_a_sentence_leaves_the_sentence_to_be_read() -> None:
    rule = inclusion(NOTE_IF)
    assert isinstance(rule, AnyOf), rule
    assert [(t.analyte, t.comparator.value, t.value, t.multiple_of, t.unit) for t in rule.children] == [
        ("creatinine", "<=", 1.0, "uln", None),
        ("crcl", ">", 50.0, None, "mL/min"),
    ]
    high = {"test": "Creatinine", "value": 1.4, "unit": "mg/dL", "uln": 1.1}
    cleared = {"test": "Creatinine clearance", "value": 62, "unit": "mL/min"}
    assert outcome(INC, NOTE_IF, patient(labs=[high, cleared])) is PASS
    assert outcome(INC, NOTE_IF, patient(labs=[high, {**cleared, "value": 45}])) is FAIL
    assert outcome(INC, NOTE_IF, patient(labs=[high])) is UNKNOWN


def test_a_note_that_may_widen_the_limit_keeps_the_item_for_review() -> None:
    rule = inclusion(
        "Alkaline phosphatase no greater than 3 times ULN* NOTE: * Patients with laboratory values greater "
        "than 3 times ULN may still be eligible if no metastatic disease by imaging examinations"
    )
    assert "review" in {leaf.kind for leaf in _leaves(rule)}
