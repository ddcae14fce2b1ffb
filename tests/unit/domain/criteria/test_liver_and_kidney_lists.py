"""Liver and organ-function lists: a limit in words beside a finding ("AST or ALT more than twice the upper
limit of normal or cirrhosis"), creatinine or its clearance inside a list joined by "and"."""

from __future__ import annotations

from one_criterion import entered, exclusion, inclusion, limit_of, outcome, patient

from trialmatch.domain.criteria.logic import AllOf, AnyOf
from trialmatch.domain.evaluation import Outcome

TWICE_OR_CIRRHOSIS = "AST or ALT more than twice the upper limit of normal or cirrhosis"


def _transaminases(alt: float, ast: float, uln: float = 40) -> list[dict[str, object]]:
    return [
        {"test": "ALT", "value": alt, "unit": "U/L", "uln": uln},
        {"test": "AST", "value": ast, "unit": "U/L", "uln": uln},
    ]


def test_a_limit_written_in_words_is_shared_by_the_names_before_it_in_a_list_with_a_finding() -> None:
    rule = exclusion(TWICE_OR_CIRRHOSIS)
    assert isinstance(rule, AnyOf)
    limits, cirrhosis = rule.children
    assert isinstance(limits, AnyOf)
    assert [limit_of(child) for child in limits.children] == [
        ("ast", ">", 2.0, None),
        ("alt", ">", 2.0, None),
    ]
    assert all(child.multiple_of == "uln" for child in limits.children)
    assert (cirrhosis.kind, cirrhosis.concept, cirrhosis.present) == ("finding", "cirrhosis", True)


def test_the_word_limit_excludes_a_raised_ast_and_spares_normal_values_without_cirrhosis() -> None:
    raised = patient(labs=_transaminases(alt=30, ast=100), findings={"cirrhosis": False})
    normal = patient(labs=_transaminases(alt=30, ast=35), findings={"cirrhosis": False})
    cirrhotic = patient(labs=_transaminases(alt=30, ast=35), findings={"cirrhosis": True})
    assert outcome("exclusion", TWICE_OR_CIRRHOSIS, raised) is Outcome.FAIL
    assert outcome("exclusion", TWICE_OR_CIRRHOSIS, normal) is Outcome.PASS
    assert outcome("exclusion", TWICE_OR_CIRRHOSIS, cirrhotic) is Outcome.FAIL
    assert outcome("exclusion", TWICE_OR_CIRRHOSIS, patient(labs=_transaminases(alt=30, ast=35))) is (
        Outcome.UNKNOWN
    )


ORGAN_LIST = (
    "Adequate bone marrow, liver, and kidney function defined as neutrophil count ≥ 1500 platelet count ≥"
    " 100,000, total bilirubin less than 1.5 x upper limit of normal (ULN), AST and ALT ≤ 2.5 x ULN, and"
    " creatinine less than 1.5 upper limit of normal or Creatinine clearance greater than 60 mL/min/1.73 m2"
)


def test_an_or_between_creatinine_and_its_clearance_binds_them_first_in_a_list_joined_by_and() -> None:
    rule = inclusion(ORGAN_LIST)
    assert isinstance(rule, AllOf)
    *required, kidney = rule.children
    assert [limit_of(child) for child in required] == [
        ("anc", ">=", 1500.0, "/µL"),
        ("platelets", ">=", 100000.0, "/µL"),
        ("bilirubin", "<", 1.5, None),
        ("ast", "<=", 2.5, None),
        ("alt", "<=", 2.5, None),
    ]
    assert isinstance(kidney, AnyOf)
    creatinine, clearance = kidney.children
    assert limit_of(creatinine) == ("creatinine", "<", 1.5, None)
    assert creatinine.multiple_of == "uln"
    assert (
        clearance.kind,
        clearance.analyte,
        clearance.comparator.value,
        clearance.value,
        clearance.unit,
    ) == (
        "derived",
        "egfr",
        ">",
        60.0,
        "mL/min/1.73m2",
    )


def test_the_kidney_pair_is_met_by_either_measure_and_the_rest_by_each() -> None:
    def judged(creatinine: float, egfr: float) -> Outcome:
        labs = [
            *entered(("ANC", 2000, "/µL"), ("platelets", 150000, "/µL"), ("eGFR", egfr, "mL/min/1.73m2")),
            {"test": "bilirubin", "value": 0.8, "unit": "mg/dL", "uln": 1.2},
            {"test": "ALT", "value": 30, "unit": "U/L", "uln": 40},
            {"test": "AST", "value": 30, "unit": "U/L", "uln": 40},
            {"test": "creatinine", "value": creatinine, "unit": "mg/dL", "uln": 1.1},
        ]
        return outcome("inclusion", ORGAN_LIST, patient(labs=labs))

    assert judged(creatinine=2.0, egfr=70) is Outcome.PASS  # 1.8 x ULN, but the GFR meets the pair
    assert judged(creatinine=1.0, egfr=50) is Outcome.PASS
    assert judged(creatinine=2.0, egfr=50) is Outcome.FAIL


def test_an_or_between_two_limits_of_one_kidney_measure_still_asks_which_binds_first() -> None:
    rule = inclusion(
        "Chronic kidney disease (defined as an estimated glomerular filtration rate <60mL/min/1.73m2 or eGFR"
        " 60-90mL/min/1.73m2 and UACR >300mg/g)."
    )
    assert rule.kind == "review"
    assert "which binds first" in rule.why
