"""QTc limits per sex inside a list of heart findings, and a lead-in "history or current evidence of" shared
by the whole list."""

from __future__ import annotations

import pytest
from one_criterion import exclusion, limit_of, outcome, patient

from trialmatch.domain.criteria import AnyOf, FindingRule, LabThreshold
from trialmatch.domain.evaluation import Outcome

LONG_QT = (
    "Has a history or current evidence of long QT syndrome, Fridericia's formula corrected QT (QTcF) "
    "interval ≥ 450 ms for men and 460 ms for women, or torsades de pointes."
)


def test_a_limit_per_sex_split_over_two_list_items_is_one_limit_per_sex():
    rule = exclusion(LONG_QT)
    assert isinstance(rule, AnyOf)
    syndrome, qtc, torsades = rule.children
    assert isinstance(syndrome, FindingRule)
    assert (syndrome.concept, syndrome.qualifier) == ("long_qt_syndrome", "history")
    assert isinstance(torsades, FindingRule)
    assert torsades.concept == "torsades_de_pointes"
    assert isinstance(qtc, AnyOf)
    assert [(*limit_of(c), c.sex) for c in qtc.children if isinstance(c, LabThreshold)] == [
        ("qtcf", ">=", 450.0, "ms", "male"),
        ("qtcf", ">=", 460.0, "ms", "female"),
    ]


@pytest.mark.parametrize(
    ("sex", "qtcf", "expected"),
    [
        ("male", 455.0, Outcome.FAIL),  # over the men's limit
        ("female", 455.0, Outcome.UNKNOWN),  # under the women's limit, the findings not recorded
        ("male", None, Outcome.UNKNOWN),
    ],
)
def test_the_qtc_excludes_by_the_patients_own_sex(sex: str, qtcf: float | None, expected: Outcome):
    labs = [] if qtcf is None else [{"test": "QTcF", "value": qtcf, "unit": "ms"}]
    assert outcome("exclusion", LONG_QT, patient(sex=sex, labs=labs)) is expected


def test_a_woman_under_her_limit_without_the_findings_is_not_excluded():
    findings = {"long_qt_syndrome": False, "torsades_de_pointes": False}
    labs = [{"test": "QTcF", "value": 455.0, "unit": "ms"}]
    assert outcome("exclusion", LONG_QT, patient(findings=findings, labs=labs)) is Outcome.PASS


BUNDLE_BRANCH = (
    "Corrected QT interval by Fridericia (QTcF) interval >450 ms for males and >470 ms for females at "
    "Screening Visit 2 or QTcF ≥480 ms for participants with bundle branch block."
)


def test_the_restated_qtc_after_a_limit_per_sex_is_the_exception_of_both():
    rule = exclusion(BUNDLE_BRANCH)
    assert isinstance(rule, AnyOf)
    men, women = rule.children
    assert isinstance(men, LabThreshold)
    assert isinstance(women, LabThreshold)
    assert [(*limit_of(c), c.sex) for c in (men, women)] == [
        ("qtcf", ">", 450.0, "ms", "male"),
        ("qtcf", ">", 470.0, "ms", "female"),
    ]
    for sexed in (men, women):
        (block,) = sexed.exceptions
        assert (block.concept, block.comparator.value, block.value, block.unit) == (
            "bundle_branch_block",
            ">=",
            480.0,
            "ms",
        )


@pytest.mark.parametrize(
    ("sex", "qtcf", "block", "expected"),
    [
        ("male", 460.0, False, Outcome.FAIL),  # over the men's limit, no block
        ("male", 460.0, True, Outcome.PASS),  # with a block only ≥ 480 ms excludes
        ("male", 485.0, True, Outcome.FAIL),
        ("female", 460.0, False, Outcome.PASS),  # under the women's limit
        ("female", 475.0, None, Outcome.UNKNOWN),  # over hers: whether a block raises it is not recorded
    ],
)
def test_a_bundle_branch_block_raises_the_qtc_limit_for_either_sex(
    sex: str, qtcf: float, block: bool | None, expected: Outcome
):
    findings = {} if block is None else {"Bundle branch block": block}
    labs = [{"test": "QTcF", "value": qtcf, "unit": "ms"}]
    assert outcome("exclusion", BUNDLE_BRANCH, patient(sex=sex, labs=labs, findings=findings)) is expected
