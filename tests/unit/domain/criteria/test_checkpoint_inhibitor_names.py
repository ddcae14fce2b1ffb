"""Checkpoint inhibitors named by their target, however spelt: "anti-PD-L2", "anti-Programmed Death-ligand 1",
"anti-LAG-3". A melanoma patient after pembrolizumab is the one these exclusions are about."""

from __future__ import annotations

from one_criterion import exclusion, patient, result

from trialmatch.domain.criteria.temporal import TemporalTherapyRule
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.facts import PatientFacts

_WITHIN = (
    "Has received prior therapy with an anti-PD-1, anti-PD-L1, anti-PD-L2, or anti-LAG-3 agent within 6 "
    "months prior to day 1 of treatment on study."
)
_SPELT = (
    "Has received prior therapy with an anti-Programmed Death 1 (PD-1), anti- Programmed Death-ligand 1 "
    "(PD-L1), or anti- Programmed Death-ligand 1 (PD-L2) agent."
)


def test_the_targets_name_the_classes_of_drugs():
    rule = exclusion(_WITHIN)
    assert isinstance(rule, TemporalTherapyRule)
    assert (rule.agents, rule.relation, rule.window, rule.window_unit) == (
        ["pd-1/pd-l1 inhibitor", "lag-3 inhibitor"],
        "prior",
        6,
        "months",
    )
    spelt = exclusion(_SPELT)
    assert isinstance(spelt, TemporalTherapyRule)
    assert (spelt.agents, spelt.relation, spelt.window) == (["pd-1/pd-l1 inhibitor"], "prior", None)


def _after(name: str, end: str) -> PatientFacts:
    """A patient treated with ``name`` for the two months up to ``end``."""
    year, month, day = end.split("-")
    start = f"{year}-{int(month) - 2:02d}-{day}"
    return patient(treatments=[{"name": name, "category": "immunotherapy", "start": start, "end": end}])


def test_a_patient_after_pembrolizumab_or_relatlimab_is_excluded_within_the_window_only():
    assert result("exclusion", _WITHIN, _after("pembrolizumab", "2026-09-15")).result is Outcome.FAIL
    assert result("exclusion", _WITHIN, _after("relatlimab", "2026-09-15")).result is Outcome.FAIL
    assert result("exclusion", _WITHIN, _after("pembrolizumab", "2026-04-01")).result is Outcome.PASS
    assert result("exclusion", _SPELT, _after("nivolumab", "2024-03-01")).result is Outcome.FAIL
    assert result("exclusion", _SPELT, _after("ipilimumab", "2026-09-15")).result is Outcome.PASS
