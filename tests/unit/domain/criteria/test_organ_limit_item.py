"""An organ-function limit glued under a diagnosis heading of alternatives binds everyone."""

from __future__ import annotations

from one_criterion import entered, lab, limits_with_multiples, patient, result

from trialmatch.domain.criteria import parse_criterion
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

AML = (
    "Histopathologically documented primary or secondary AML, as defined by WHO criteria "
    "(Jaffe et al, 2001), confirmed by pathology review at treating institution, "
    "meeting at least one of the following"
)
CREATININE = "Serum creatinine ≤ 2.0 mg/dL;"


def test_a_creatinine_limit_under_a_diagnosis_heading_is_no_alternative() -> None:
    rule = lab(CREATININE, Section.INCLUSION, AML)
    assert limits_with_multiples(rule) == [("creatinine", "≤", 2.0, "mg/dL", None)]


def test_transaminases_under_it_are_both_required() -> None:
    text = "Serum AST or ALT ≤ 3.0 × ULN unless considered due to leukemic organ involvement;"
    rule = parse_criterion(text, Section.INCLUSION, AML)
    assert rule.kind == "all_of"
    assert limits_with_multiples(rule) == [("ast", "≤", 3.0, None, "uln"), ("alt", "≤", 3.0, None, "uln")]


def test_a_high_creatinine_fails_and_a_missing_one_is_unknown() -> None:
    def outcome(*labs: tuple[str, float, str]) -> Outcome:
        return result(Section.INCLUSION, CREATININE, patient(labs=entered(*labs)), AML).result

    assert outcome(("creatinine", 3.0, "mg/dL")) is Outcome.FAIL
    assert outcome(("creatinine", 1.1, "mg/dL")) is Outcome.PASS
    assert outcome() is Outcome.UNKNOWN


def test_a_heading_about_organ_function_keeps_its_alternatives() -> None:
    heading = "Adequate renal function, meeting at least one of the following"
    assert parse_criterion(CREATININE, Section.INCLUSION, heading).kind == "alternative"
    disease = "Myeloma-defining events, meeting at least one of the following"
    assert parse_criterion("Serum creatinine > 2.0 mg/dL", Section.INCLUSION, disease).kind == "alternative"
