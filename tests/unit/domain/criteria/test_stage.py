"""Stage criteria: stages named, ranges and open ends expanded, the disease kept, other stages left out."""

from __future__ import annotations

import pytest

from trialmatch.domain.criteria import NeedsReview, StageRule, parse_criterion
from trialmatch.domain.criteria.stage import parse_stage, stage_holds
from trialmatch.domain.trial import Section

INC, EXC = Section.INCLUSION, Section.EXCLUSION


@pytest.mark.parametrize(
    ("text", "stages", "disease"),
    [
        ("Any stage IV malignancy.", ["IV"], None),
        ("Stage III or IV melanoma", ["III", "IV"], "melanoma"),
        ("stage IIIB/IV NSCLC", ["IIIB", "IV"], "NSCLC"),
        ("Clinical or pathologic stage II - IV", ["II", "III", "IV"], None),
        (
            "Stage IB-IIIA non-small cell lung cancer",
            ["IB", "IC", "ID", "II", "IIIA"],
            "non-small cell lung cancer",
        ),
        ("Stage IIIB or higher", ["IIIB", "IIIC", "IIID", "IV"], None),
        ("Stage 3 or 4 embryonal rhabdomyosarcoma", ["III", "IV"], "embryonal rhabdomyosarcoma"),
        (
            "Histologically/pathologically confirmed stage III and IV ovarian cancer",
            ["III", "IV"],
            "ovarian cancer",
        ),
    ],
)
def test_the_stages_a_criterion_names(text, stages, disease):
    rule = parse_criterion(text, EXC)
    assert isinstance(rule, StageRule), rule
    assert (rule.stages, rule.disease) == (stages, disease)


@pytest.mark.parametrize(
    "text",
    [
        "Patient with pressure ulcer stage 1 or 2",
        "renal disease (stage 4 CKD)",
        "Hoehn and Yahr stage II-III",
        "Inclusion Criteria Stage 1",
        "ECOG stage 0-3",
    ],
)
def test_stages_of_other_things_are_not_cancer_stages(text):
    assert not isinstance(parse_criterion(text, INC), StageRule)


def test_a_narrowed_stage_is_left_for_review():
    rule = parse_criterion("Histologically proven recurrent stage IV adenocarcinoma of the colon", INC)
    assert isinstance(rule, NeedsReview)
    assert rule.why == "a stage criterion narrowed by: recurrent"


def test_patient_stages_and_sub_stages():
    assert parse_stage("IVA") == (4, "A")
    assert parse_stage("stage 3") == (3, None)
    assert parse_stage(" Stage IIIb ") == (3, "B")
    assert parse_stage("limited") is None
    assert stage_holds(["IV"], (4, "A")) is True
    assert stage_holds(["IIIB", "IV"], (3, None)) is None
    assert stage_holds(["IIIB", "IV"], (3, "A")) is False
    assert stage_holds(["III", "IV"], (2, "B")) is False
