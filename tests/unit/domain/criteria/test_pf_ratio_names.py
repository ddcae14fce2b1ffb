"""The P/F ratio written "PaO2/FiO2" (the oxygenation index the ICU chart reports, in mmHg), not the PaO2:
"Critical hypoxemia (PaO2/FiO2 < 150 mm Hg)" is read as the ratio's limit, the hypoxemia the bracket
defines."""

from __future__ import annotations

import pytest
from one_criterion import entered, lab, patient, result

from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

_CRITICAL = "Critical hypoxemia (PaO2/FiO2 < 150 mm Hg),"


@pytest.mark.parametrize(
    ("text", "comparator", "value", "inferred"),
    [
        (_CRITICAL, "<", 150.0, False),
        ("PaO2/FiO2 ratio below 150 mm Hg", "<", 150.0, False),
        ("PaO2 / FiO2 ≤ 300", "<=", 300.0, True),
        ("PaO2:FiO2 ratio ≤ 300 mmHg", "<=", 300.0, False),
    ],
)
def test_pao2_fio2_is_the_pf_ratio(text: str, comparator: str, value: float, inferred: bool):
    rule = lab(text, Section.EXCLUSION)
    assert (rule.analyte, rule.comparator.value, rule.value, rule.unit, rule.multiple_of) == (
        "pf_ratio",
        comparator,
        value,
        "mmHg",
        None,
    )
    assert rule.unit_inferred is inferred


@pytest.mark.parametrize(
    ("ratio", "outcome"), [(220.0, Outcome.PASS), (120.0, Outcome.FAIL), (None, Outcome.UNKNOWN)]
)
def test_critical_hypoxemia_excludes_a_ratio_below_its_limit(ratio: float | None, outcome: Outcome):
    labs = entered(("PaO2/FiO2", ratio, "mmHg")) if ratio is not None else []
    assert result("exclusion", _CRITICAL, patient(labs=labs)).result is outcome


def test_a_pao2_alone_is_no_ratio():
    (pao2,) = entered(("PaO2", 70.0, "mmHg"))
    assert result("exclusion", _CRITICAL, patient(labs=[pao2])).result is Outcome.UNKNOWN
