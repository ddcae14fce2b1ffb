"""Findings read side by side with their sentences: an alternative state or group is not a narrowing of the
finding, "active" before a later item bounds that item, and "clinically significant" overlapping a concept's
own words still narrows it. The rule values a clinician checks, and how a patient fares under them."""

from __future__ import annotations

from one_criterion import evaluation, exclusion, outcome, patient, review

from trialmatch.domain.criteria import AllOf, AnyOf, FindingRule, NeedsReview, parse_criterion
from trialmatch.domain.criteria.stage import StageRule
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section


def _finding(rule: object) -> tuple[str, bool, str, list[str | None], list[str]]:
    assert isinstance(rule, FindingRule), rule
    exceptions = rule.exceptions
    return (
        rule.concept,
        rule.present,
        rule.qualifier,
        [e.concept for e in exceptions],
        [e.text for e in exceptions],
    )


NEWLY = "Newly diagnosed or metastatic disease"


def test_newly_diagnosed_or_metastatic_is_two_ways_in_not_metastatic_disease_narrowed():
    assert "'Newly diagnosed or' names another state of the disease" in review(NEWLY)
    assert review("Locally advanced or metastatic disease.").startswith("'Locally advanced or'")
    # the newly diagnosed patient without metastases was failed
    without_metastases = patient(findings={"metastatic disease": False})
    assert outcome("inclusion", NEWLY, without_metastases) is Outcome.UNKNOWN


SEROLOGY = (
    "Known positive serology for the human immunodeficiency virus (HIV), hepatitis C, "
    "and/or active hepatitis B."
)


def test_active_before_a_later_item_bounds_that_item_only():
    rule = exclusion(SEROLOGY)
    assert isinstance(rule, AnyOf), rule
    assert [_finding(c) for c in rule.children] == [
        ("hiv", True, "any", [], []),
        ("hcv", True, "any", [], []),
        ("hbv", True, "active", [], []),
    ]
    others = {"HIV": False, "hepatitis C": False}
    resolved = patient(findings={**others, "hepatitis B": True, "active hepatitis B": False})
    active = patient(findings={**others, "active hepatitis B": True})
    unsure = patient(findings={**others, "hepatitis B": True})
    assert outcome("exclusion", SEROLOGY, resolved) is Outcome.PASS
    assert outcome("exclusion", SEROLOGY, active) is Outcome.FAIL
    assert outcome("exclusion", SEROLOGY, unsure) is Outcome.UNKNOWN
    assert outcome("exclusion", SEROLOGY, patient(findings={"HIV": True})) is Outcome.FAIL


def test_active_is_shared_by_a_bare_joiner_and_not_taken_past_a_history():
    rule = exclusion(
        "Known human immunodeficiency virus (HIV) infection or active hepatitis B or C infection."
    )
    assert isinstance(rule, AnyOf), rule
    assert [(c.concept, c.qualifier) for c in rule.children if isinstance(c, FindingRule)] == [
        ("hiv", "any"),
        ("hbv", "active"),
        ("hcv", "active"),
    ]
    text = (
        "Type 2 diabetes requiring ongoing systemic treatment at the time of study entry; "
        "or any history of Type 1 diabetes"
    )
    rule = exclusion(text)
    assert isinstance(rule, AnyOf), rule
    assert [(c.concept, c.qualifier) for c in rule.children if isinstance(c, FindingRule)] == [
        ("type2_diabetes", "any"),
        ("type1_diabetes", "any"),
    ]


PULMONARY = "Clinically significant pulmonary disease other than asthma ."


def test_clinically_significant_overlapping_the_concept_words_still_narrows_it():
    assert _finding(exclusion(PULMONARY)) == (
        "lung_disease",
        True,
        "any",
        ["asthma", None],
        ["other than asthma", "Clinically significant"],
    )
    # a mild COPD was failed: whether it is clinically significant the clinician judges
    assert outcome("exclusion", PULMONARY, patient(findings={"COPD": True})) is Outcome.UNKNOWN
    asthma_only = patient(findings={"asthma": True, "lung disease": True})
    assert outcome("exclusion", PULMONARY, asthma_only) is Outcome.PASS
    assert outcome("exclusion", PULMONARY, patient(findings={"lung disease": False})) is Outcome.PASS
    # the concept's own "active" is no narrowing of active brain metastases
    assert _finding(exclusion("Has clinically active brain metastases")) == (
        "active_brain_metastases",
        True,
        "active",
        [],
        [],
    )


CHILDBEARING = (
    "Pregnant patients, currently lactating patients, or females of childbearing potential (unless using "
    "reliable contraception such as double barrier, surgical sterilization, oral contraceptives, "
    "intrauterine device (IUD), etc.)"
)


def test_childbearing_potential_listed_beside_pregnancy_is_a_group_its_unless_bounds_alone():
    rule = exclusion(CHILDBEARING)
    assert isinstance(rule, AnyOf), rule
    unless = (
        "unless using reliable contraception such as double barrier, surgical sterilization, oral "
        "contraceptives, intrauterine device (IUD), etc"
    )
    assert [_finding(c) for c in rule.children] == [
        ("pregnancy", True, "any", [], []),
        ("breastfeeding", True, "active", [], []),
        ("childbearing_potential", True, "any", [None], [unless]),
    ]
    # the pregnant patient was left unknown behind the contraception clause
    assert outcome("exclusion", CHILDBEARING, patient(findings={"pregnant": True})) is Outcome.FAIL
    neither = {"pregnant": False, "breastfeeding": False}
    fertile = patient(findings={**neither, "childbearing potential": True})
    assert outcome("exclusion", CHILDBEARING, fertile) is Outcome.UNKNOWN
    postmenopausal = patient(findings={**neither, "childbearing potential": False})
    assert outcome("exclusion", CHILDBEARING, postmenopausal) is Outcome.PASS
    why = review(
        "Pregnant or breastfeeding women, or women of childbearing potential not using adequate contraception"
    )
    assert why == "women of childbearing potential listed as a group of their own beside pregnancy"


FERTILITY = "Pregnant or lactating women, and women with recent fertility plans;"


def test_and_women_with_names_a_further_group_not_a_narrowing_of_pregnancy():
    assert review(FERTILITY) == (
        "'and <patients> with ...' names another group of patients, not a narrowing of the finding"
    )
    neither = patient(findings={"pregnant": False, "breastfeeding": False})
    assert outcome("exclusion", FERTILITY, neither) is Outcome.UNKNOWN


SALIVA = (
    "Participants will be excluded from providing a saliva sample (required for the cortisol measurement) if "
    "they meet any of the following criteria"
)


def test_a_heading_excluding_from_a_part_of_the_study_does_not_exclude_from_the_trial():
    rule = parse_criterion("Currently breastfeeding;", Section.EXCLUSION, SALIVA)
    assert isinstance(rule, NeedsReview), rule
    assert rule.why == (
        "asked only of the patients in an optional part of the study "
        "('excluded from providing a saliva sample'): judge it for them"
    )
    nursing = patient(findings={"breastfeeding": True})
    (only,) = evaluation("exclusion", "Currently breastfeeding;", nursing, SALIVA).results
    assert only.result is Outcome.UNKNOWN
    # under a heading excluding from the study itself the item still excludes
    study = "Patients will be excluded from the study if any of the following criteria apply"
    (only,) = evaluation("exclusion", "Currently breastfeeding;", nursing, study).results
    assert only.result is Outcome.FAIL


PSYCHOTIC = "Diagnosed with psychotic disorder or bipolar disorder"


def test_a_psychotic_disorder_is_no_psychiatric_illness_of_any_kind():
    rule = exclusion(PSYCHOTIC)
    assert isinstance(rule, AnyOf), rule
    assert [_finding(c) for c in rule.children] == [
        ("psychotic_disorder", True, "any", [], []),
        ("bipolar_disorder", True, "any", [], []),
    ]
    # a depression on file failed the patient as if it were a psychosis
    depressed = patient(findings={"depression": True, "bipolar disorder": False})
    assert outcome("exclusion", PSYCHOTIC, depressed) is Outcome.UNKNOWN
    assert outcome("exclusion", PSYCHOTIC, patient(findings={"schizophrenia": True})) is Outcome.FAIL
    assert outcome("exclusion", PSYCHOTIC, patient(findings={"psychiatric illness": False})) is Outcome.PASS
    assert outcome("inclusion", "No psychosis", depressed) is Outcome.UNKNOWN


def test_a_smoking_history_is_not_read_as_current_smoking():
    why = "a smoking history: the patient file says only whether the patient smokes now"
    assert review("Has a history of smoking", Section.EXCLUSION) == why
    # the patient who quit, recorded as no current smoker, passed an exclusion of every past smoker
    quit_smoking = patient(findings={"current smoker": False})
    assert outcome("exclusion", "Has a history of smoking", quit_smoking) is Outcome.UNKNOWN
    assert _finding(exclusion("Current smoker")) == ("smoking", True, "active", [], [])


def test_an_item_under_a_heading_naming_two_parts_binds_only_their_patients():
    text = "Inflammatory bowel disease (e.g Crohn's disease, ulcerative colitis, etc)."
    rule = parse_criterion(text, Section.EXCLUSION, "Part B and Part C")
    assert isinstance(rule, AllOf), rule
    ibd, subgroup = rule.children
    assert _finding(ibd) == ("inflammatory_bowel_disease", True, "any", [], [])
    assert isinstance(subgroup, NeedsReview), subgroup
    assert "('part b and part c')" in subgroup.why
    # a part A patient with Crohn's disease was excluded from the whole trial
    (crohn,) = evaluation(
        "exclusion", text, patient(findings={"Crohn's disease": True}), "Part B and Part C"
    ).results
    assert crohn.result is Outcome.UNKNOWN
    (none,) = evaluation("exclusion", text, patient(findings={"IBD": False}), "Part B and Part C").results
    assert none.result is Outcome.PASS


AR2 = (
    "DISEASE CHARACTERISTICS: Average risk (AR) patients: AR patients substratified in: AR2: "
    "B-cell lineage ALL with WBC at least 100,000/mm^3"
)


def test_a_risk_group_named_above_the_lead_in_bounds_the_item_to_its_patients():
    text = "Precursor T-lymphoblastic NHL stage III or IV"
    rule = parse_criterion(text, Section.INCLUSION, AR2)
    assert isinstance(rule, AnyOf), rule
    stage, subgroup = rule.children
    assert isinstance(stage, StageRule), stage
    assert (stage.stages, stage.disease) == (["III", "IV"], "Precursor T-lymphoblastic NHL")
    assert isinstance(subgroup, NeedsReview), subgroup
    assert "('average risk (ar) patients')" in subgroup.why
    # a stage II patient of the AR1 group was failed on the AR2 definition
    stage_two = patient(diagnosis="Precursor T-lymphoblastic lymphoma", stage="II")
    (only,) = evaluation("inclusion", text, stage_two, AR2).results
    assert only.result is Outcome.UNKNOWN
    stage_four = patient(diagnosis="Precursor T-lymphoblastic lymphoma", stage="IV")
    (only,) = evaluation("inclusion", text, stage_four, AR2).results
    assert only.result is Outcome.PASS
