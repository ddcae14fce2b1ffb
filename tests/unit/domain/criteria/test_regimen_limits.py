"""A limit per conditioning regimen, the second value printed without its test: each binds the regimens its
bracket names, and a patient between the two limits stays eligible for the regimens of the lower one."""

from __future__ import annotations

import pytest
from one_criterion import evaluation, inclusion, limits_with_multiples, patient

from trialmatch.domain.criteria.per_stratum import PerStratum
from trialmatch.domain.evaluation import Verdict
from trialmatch.domain.trial import Section

LVEF = (
    "Left ventricular ejection fraction of at least 40% (Myeloablative Regimen 4, Reduced Intensity Regimen "
    "3) or 30% (Nonmyeloablative Regimen 2)"
)
CREATININE = (
    "Creatinine < 1.6 mg/dL (Myeloablative Regimen 4, Reduced Intensity Regimen 3) or < 3.0 mg/dL "
    "(Nonmyeloablative Regimen 2)."
)
REGIMENS = ["Myeloablative Regimen 4", "Reduced Intensity Regimen 3", "Nonmyeloablative Regimen 2"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            LVEF,
            [("lvef", "≥", 40.0, "%", None), ("lvef", "≥", 40.0, "%", None), ("lvef", "≥", 30.0, "%", None)],
        ),
        (
            CREATININE,
            [
                ("creatinine", "<", 1.6, "mg/dL", None),
                ("creatinine", "<", 1.6, "mg/dL", None),
                ("creatinine", "<", 3.0, "mg/dL", None),
            ],
        ),
    ],
)
def test_each_regimen_has_its_limit(text: str, expected: list[tuple[str, str, float, str, None]]) -> None:
    rule = inclusion(text)
    assert isinstance(rule, PerStratum)
    assert rule.strata == REGIMENS
    assert [limits_with_multiples(child)[0] for child in rule.children] == expected


@pytest.mark.parametrize(
    ("value", "verdict", "open_strata"),
    [
        (45.0, Verdict.ELIGIBLE, tuple(sorted(REGIMENS))),
        (35.0, Verdict.ELIGIBLE, ("Nonmyeloablative Regimen 2",)),
        (25.0, Verdict.INELIGIBLE, ()),
        (None, Verdict.POSSIBLE, tuple(sorted(REGIMENS))),
    ],
)
def test_an_lvef_between_the_limits_leaves_the_nonmyeloablative_regimen_open(
    value: float | None, verdict: Verdict, open_strata: tuple[str, ...]
) -> None:
    labs = [] if value is None else [{"test": "LVEF", "value": value, "unit": "%"}]
    judged = evaluation(Section.INCLUSION, LVEF, patient(labs=labs))
    assert (judged.verdict, judged.open_strata) == (verdict, open_strata)


def test_a_second_value_of_another_test_or_a_part_without_its_regimen_is_not_read_per_regimen() -> None:
    assert not isinstance(
        inclusion(
            "LVEF of at least 40% (Myeloablative Regimen 4) or FEV1 ≥ 30% (Nonmyeloablative Regimen 2)"
        ),
        PerStratum,
    )
    assert not isinstance(inclusion("LVEF of at least 40% (Myeloablative Regimen 4) or 30%"), PerStratum)
