"""Rules are data: every kind is in the union, JSON round-trips exactly, and a stored rule is immutable."""

from __future__ import annotations

import pydantic
import pytest

from trialmatch.domain.criteria import (
    RULE_KINDS,
    AgeRule,
    AllOf,
    Alternative,
    AnyOf,
    Comparator,
    DerivedValueRule,
    FindingException,
    FindingRule,
    LabException,
    LabThreshold,
    NeedsReview,
    PerformanceStatusRule,
    SexRule,
    StageRule,
    StratumVariant,
    TCategoryRule,
    TemporalTherapyRule,
    parse_criterion,
    rule_from_json,
    rule_to_json,
)
from trialmatch.domain.criteria.per_stratum import PerStratum
from trialmatch.domain.trial import Section

SPAN = (0, 10)

EVERY_KIND = [
    LabThreshold(
        source_span=SPAN,
        analyte="ast",
        comparator=Comparator.LE,
        value=3,
        multiple_of="uln",
        lenient_value=None,
        exceptions=[
            LabException(
                concept="liver_metastases",
                comparator=Comparator.LE,
                value=5,
                multiple_of="uln",
                source_span=SPAN,
            ),
            LabException(
                concept=None,
                text="unless due to Gilbert's",
                comparator=Comparator.LE,
                value=3,
                multiple_of="uln",
                waived=True,
                source_span=SPAN,
            ),
        ],
        strata=[
            StratumVariant(
                stratum="D", comparator=Comparator.LE, value=2.5, multiple_of="uln", source_span=SPAN
            )
        ],
    ),
    LabThreshold(source_span=SPAN, analyte="platelets", comparator=Comparator.GE, value=75000, unit="/µL"),
    LabThreshold(
        source_span=SPAN,
        analyte="hemoglobin",
        comparator=Comparator.LT,
        value=12,
        unit="g/dL",
        sex="male",
        qualifier="without transfusion support",
    ),
    DerivedValueRule(
        source_span=SPAN,
        analyte="crcl",
        comparator=Comparator.GE,
        value=60,
        unit="mL/min",
        method="cockcroft-gault",
    ),
    AgeRule(source_span=SPAN, min=25, max=80),
    SexRule(source_span=SPAN, sex="female"),
    StageRule(source_span=SPAN, stages=["IIIB", "IIIC", "IV"], disease="non-small cell lung cancer"),
    PerformanceStatusRule(source_span=SPAN, scale="ecog", min=0, max=1),
    FindingRule(
        source_span=SPAN,
        concept="brain_metastases",
        qualifier="active",
        exceptions=[
            FindingException(concept="stable_brain_metastases", text="treated and stable", source_span=SPAN)
        ],
    ),
    TemporalTherapyRule(
        source_span=SPAN,
        categories=["chemotherapy"],
        relation="none",
        window=3,
        window_unit="weeks",
        window_inclusive=True,
    ),
    AnyOf(
        source_span=SPAN,
        children=[AgeRule(source_span=SPAN, min=18), NeedsReview(source_span=SPAN, text="x", why="y")],
    ),
    AllOf(source_span=SPAN, children=[]),
    Alternative(
        source_span=SPAN,
        needed=3,
        group="at least 3 of the following",
        children=[AgeRule(source_span=SPAN, min=60)],
    ),
    PerStratum(
        source_span=SPAN,
        strata=["gemcitabine"],
        children=[AgeRule(source_span=SPAN, max=75)],
        free=["capecitabine"],
    ),
    NeedsReview(
        source_span=SPAN, text="Expected survival > 3 months", why="not a criterion kind the engine reads"
    ),
    TCategoryRule(source_span=SPAN, low="T1c", high="T2b", clinical=True),
]


@pytest.mark.parametrize("rule", EVERY_KIND, ids=lambda r: r.kind)
def test_json_round_trip_is_exact(rule):
    text = rule_to_json(rule)
    back = rule_from_json(text)
    assert back == rule
    assert type(back) is type(rule)
    assert rule_to_json(back) == text


def test_every_kind_is_registered_and_round_tripped_here():
    assert set(RULE_KINDS) == {r.kind for r in EVERY_KIND}
    assert set(RULE_KINDS) == {
        "lab",
        "age",
        "sex",
        "performance",
        "finding",
        "therapy",
        "derived",
        "stage",
        "t_category",
        "any_of",
        "all_of",
        "alternative",
        "per_stratum",
        "review",
    }


def test_parsed_seed_rules_round_trip():
    rule = parse_criterion(
        "AST and ALT ≤ 3 x upper limit of normal (≤ 5 x if liver metastases are present) "
        "(for Stratum D: AST and ALT ≤ 2.5 x ULN; ≤ 5 x if liver metastases are present)",
        Section.INCLUSION,
    )
    assert rule_from_json(rule_to_json(rule)) == rule


def test_rules_are_immutable_and_refuse_unknown_fields():
    rule = AgeRule(source_span=SPAN, min=18)
    with pytest.raises(pydantic.ValidationError):
        rule.min = 21  # type: ignore[misc]
    with pytest.raises(pydantic.ValidationError):
        rule_from_json('{"kind": "age", "source_span": [0, 1], "minimum": 18}')


def test_describe_reads_like_the_registry():
    assert EVERY_KIND[0].describe() == "≤ 3 × ULN"
    assert EVERY_KIND[1].describe() == "≥ 75000 /µL"
    assert AgeRule(source_span=SPAN, min=25, max=80).describe() == "25 to 80 years"
    assert AgeRule(source_span=SPAN, max=18, max_inclusive=False).describe() == "< 18 years"
    assert PerformanceStatusRule(source_span=SPAN, scale="karnofsky", min=70).describe() == "Karnofsky ≥ 70"
    assert EVERY_KIND[9].describe() == "chemotherapy within 3 weeks"
    assert EVERY_KIND[6].describe() == "stage IIIB, IIIC or IV non-small cell lung cancer"
