"""Pulmonary oedema is a finding of its own: "No pulmonary edema" among the inclusions, and "Pulmonary oedema
with PaO2 / FiO2 < 100" among the exclusions, the diagnosis narrowed by the ratio (both must hold)."""

from __future__ import annotations

from one_criterion import entered, exclusion, finding_shape, inclusion, limit_of, outcome, patient

from trialmatch.domain.criteria.logic import AllOf
from trialmatch.domain.evaluation import Outcome

NARROWED = "Pulmonary oedema with PaO2 / FiO2 < 100; or"


def test_both_spellings_name_the_finding():
    assert finding_shape(inclusion("No pulmonary edema")) == ("pulmonary_edema", False, "any", [])
    assert finding_shape(inclusion("No history of pulmonary oedema")) == (
        "pulmonary_edema",
        False,
        "history",
        [],
    )


def test_the_oedema_narrowed_by_a_ratio_excludes_only_with_both():
    rule = exclusion(NARROWED)
    assert isinstance(rule, AllOf)
    finding, ratio = rule.children
    assert finding_shape(finding) == ("pulmonary_edema", True, "any", [])
    assert limit_of(ratio) == ("pf_ratio", "<", 100.0, "mmHg")
    low = entered(("PaO2/FiO2", 80.0, "mmHg"))
    assert (
        outcome("exclusion", NARROWED, patient(labs=low, findings={"pulmonary oedema": True})) is Outcome.FAIL
    )
    assert (
        outcome("exclusion", NARROWED, patient(labs=low, findings={"pulmonary edema": False})) is Outcome.PASS
    )
    high = entered(("PaO2/FiO2", 250.0, "mmHg"))
    assert (
        outcome("exclusion", NARROWED, patient(labs=high, findings={"pulmonary edema": True})) is Outcome.PASS
    )
    assert outcome("exclusion", NARROWED, patient(labs=low)) is Outcome.UNKNOWN
