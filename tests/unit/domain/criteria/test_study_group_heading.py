"""Items under a heading that admits a patient meeting the requirements of one of the study groups: each item
is one group, judged together with the others, not a requirement of every patient."""

from __future__ import annotations

from one_criterion import entered, patient

from trialmatch.domain.compiled import compile_trial
from trialmatch.domain.criteria import parse_criterion
from trialmatch.domain.criteria.logic import Alternative
from trialmatch.domain.evaluation import evaluate
from trialmatch.domain.trial import Criterion, Section, Trial

GROUPS = (
    "Study Phase: Individuals are eligible for the study phase if they meet the requirements for one of the "
    "study groups, as follows"
)
DIABETES_GROUP = "LTBI+ and uncontrolled DM (HbA1c >8%);"
MALNUTRITION_GROUP = "LTBI+ and severe to moderate malnutrition (BMI <17 kg/m2);"


def test_a_study_group_is_one_alternative_of_the_heading():
    rule = parse_criterion(DIABETES_GROUP, Section.INCLUSION, GROUPS)
    assert isinstance(rule, Alternative)
    assert rule.needed == 1
    assert rule.group.endswith("meet the requirements for one of the study groups")
    (group,) = rule.children
    assert group.kind == "all_of"
    finding, hba1c = group.children  # type: ignore[attr-defined]
    assert (finding.concept, finding.present) == ("latent_tuberculosis", True)
    assert (hba1c.analyte, hba1c.comparator.value, hba1c.value, hba1c.unit) == ("hba1c", ">", 8.0, "%")


def _verdict(**fields: object) -> str:
    criteria = [
        Criterion(section=Section.INCLUSION, text=text, context=GROUPS)
        for text in (DIABETES_GROUP, MALNUTRITION_GROUP)
    ]
    trial = Trial(id="NCT04642755", registry="ctgov", title="t", criteria=criteria)
    return evaluate(compile_trial(trial), patient(**fields)).verdict.value


def test_a_patient_of_another_group_is_not_failed_on_the_diabetes_group():
    latent_tb = {"findings": {"latent_tuberculosis": True}}
    thin = _verdict(**latent_tb, labs=entered(("hba1c", 6.0, "%"), ("bmi", 16.0, "kg/m2")))
    neither = _verdict(**latent_tb, labs=entered(("hba1c", 6.0, "%"), ("bmi", 24.0, "kg/m2")))
    assert thin == "eligible"  # the malnutrition group: an HbA1c of 6% fails no one
    assert neither == "ineligible"  # in no group
