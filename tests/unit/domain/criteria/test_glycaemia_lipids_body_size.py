"""Glycaemia, lipids, thyroid and body-size thresholds as registries print them: the unit spellings, the
notes beside the numbers and the joins between them, with the values a clinician checks and the verdicts a
patient gets; and what must stay for review."""

from __future__ import annotations

from typing import Any

from one_criterion import exclusion, inclusion, limits, outcome, patient

from trialmatch.domain.criteria import AnyOf
from trialmatch.domain.criteria.base import Comparator
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

INC, EXC = Section.INCLUSION, Section.EXCLUSION
GE, GT, LE, LT = Comparator.GE, Comparator.GT, Comparator.LE, Comparator.LT


def _outcome(section: Section, text: str, **fields: Any) -> Outcome:
    return outcome(section, text, patient(**fields))


def _labs(**values: tuple[float, str]) -> dict[str, Any]:
    return {"labs": [{"test": test, "value": v, "unit": u} for test, (v, u) in values.items()]}


# --- units ------------------------------------------------------------------------------------------------

THYROID = "thyroid dysfunction, defined as an ultrasensitive TSH <0.5 or >5.0 mU/L"


def test_milli_units_per_litre_is_the_tsh_unit():
    """ "mU/L" (milli-units) is the mIU/L laboratories report TSH in; "ultrasensitive" names the assay."""
    rule = exclusion(THYROID)
    assert isinstance(rule, AnyOf)
    assert limits(rule) == [("tsh", LT, 0.5, "mIU/L"), ("tsh", GT, 5.0, "mIU/L")]
    assert _outcome(EXC, THYROID, **_labs(tsh=(2.1, "mIU/L"))) is Outcome.PASS
    assert _outcome(EXC, THYROID, **_labs(tsh=(7.5, "mIU/L"))) is Outcome.FAIL
    assert _outcome(EXC, THYROID) is Outcome.UNKNOWN
