"""Liver and clotting limits: a limit in words beside a finding ("AST or ALT more than twice the upper
limit of normal or cirrhosis")."""

from __future__ import annotations

from one_criterion import exclusion, limit_of, outcome, patient

from trialmatch.domain.criteria.logic import AnyOf
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
