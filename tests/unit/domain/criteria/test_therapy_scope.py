"""Where a therapy sentence's narrowing word reaches: "for the current cancer" and "for the first time" narrow
the therapy (a patient file does not say which cancer a course was for, nor which line it is), and "major"
or "to the pelvis" narrows only the category written next to it."""

from __future__ import annotations

from one_criterion import exclusion, inclusion, patient, result, therapy_shape

from trialmatch.domain.criteria import AllOf
from trialmatch.domain.criteria.reading.therapy_alternatives import SYSTEMIC
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

INC = Section.INCLUSION
CURRENT_CANCER = "No prior chemotherapy for the current cancer"
FIRST_TIME = "Receiving chemotherapy for the first time."
WASHOUT = "At least 3 weeks since prior major surgery, radiation therapy, or chemotherapy"
PELVIS = "No previous irradiation to the pelvis or chemotherapy"


def given(name: str, category: str, start: str, end: str | None = None) -> dict[str, str]:
    entry = {"name": name, "category": category, "start": start}
    return entry | {"end": end} if end else entry


CARBOPLATIN_2019 = given("carboplatin", "chemotherapy", "2019-01-01", "2019-05-01")


def judged(text: str, *treatments: dict[str, str]) -> tuple[Outcome, str]:
    found = result(INC, text, patient(treatments=list(treatments)))
    return found.result, found.reason


def test_for_the_current_cancer_narrows_the_therapy():
    assert therapy_shape(inclusion(CURRENT_CANCER)) == (
        ["chemotherapy"],
        "none",
        None,
        "days",
        True,
        "for the current cancer",
    )
    # "current" here names the cancer, not a therapy being received now
    assert therapy_shape(inclusion("No chemotherapy for the current cancer"))[1:3] == ("none", None)
    assert therapy_shape(inclusion("No prior radiotherapy for the current cancer"))[0] == ["radiotherapy"]


def test_chemotherapy_on_record_may_have_been_for_another_cancer():
    assert judged(CURRENT_CANCER, CARBOPLATIN_2019) == (
        Outcome.UNKNOWN,
        "carboplatin (2019-01-01 to 2019-05-01): whether for the current cancer is not recorded",
    )
    surgery = given("lumpectomy", "surgery", "2019-01-01", "2019-01-01")
    assert judged(CURRENT_CANCER, surgery) == (
        Outcome.PASS,
        "no chemotherapy for the current cancer on record",
    )
    assert result(INC, CURRENT_CANCER, patient()).result is Outcome.UNKNOWN


def test_prior_systemic_therapy_for_the_current_malignancy_excludes_only_through_the_clinician():
    text = (
        "Has received prior systemic anti-cancer therapy including investigational agents for the current "
        "malignancy."
    )
    assert therapy_shape(exclusion(text)) == (
        list(SYSTEMIC),
        "prior",
        None,
        "days",
        True,
        "for the current malignancy",
    )
    treated = result(Section.EXCLUSION, text, patient(treatments=[CARBOPLATIN_2019]))
    assert treated.result is Outcome.UNKNOWN
    operated = given("lumpectomy", "surgery", "2019-01-01", "2019-01-01")
    assert result(Section.EXCLUSION, text, patient(treatments=[operated])).result is Outcome.PASS


def test_receiving_chemotherapy_for_the_first_time():
    assert therapy_shape(inclusion(FIRST_TIME)) == (
        ["chemotherapy"],
        "current",
        None,
        "days",
        True,
        "for the first time",
    )
    ongoing = given("carboplatin", "chemotherapy", "2026-11-01")
    assert judged(FIRST_TIME, ongoing) == (
        Outcome.UNKNOWN,
        "carboplatin (2026-11-01, ongoing): whether for the first time is not recorded",
    )
    surgery = given("lumpectomy", "surgery", "2026-10-01", "2026-10-01")
    assert judged(FIRST_TIME, surgery) == (Outcome.FAIL, "no chemotherapy for the first time at present")


def test_the_first_time_of_the_study_drug_is_the_anchor_not_a_narrowing():
    rule = inclusion("No chemotherapy within 28 days before receiving the study drug for the first time")
    assert therapy_shape(rule) == (["chemotherapy"], "none", 28, "days", True, None)


def test_major_narrows_the_surgery_not_the_radiotherapy():
    rule = inclusion(WASHOUT)
    assert isinstance(rule, AllOf)
    surgery, others = rule.children
    assert therapy_shape(surgery) == (["surgery"], "none", 3, "weeks", False, "major")
    assert therapy_shape(others) == (["radiotherapy", "chemotherapy"], "none", 3, "weeks", False, None)


def test_radiotherapy_last_week_fails_the_washout_and_surgery_goes_to_the_clinician():
    radiotherapy = given("pelvic radiotherapy", "radiotherapy", "2026-10-01", "2026-11-13")
    assert judged(WASHOUT, radiotherapy) == (
        Outcome.FAIL,
        "pelvic radiotherapy (2026-10-01 to 2026-11-13): radiotherapy or chemotherapy within 3 weeks",
    )
    surgery = given("hysterectomy", "surgery", "2026-11-13", "2026-11-13")
    assert judged(WASHOUT, surgery) == (
        Outcome.UNKNOWN,
        "hysterectomy (2026-11-13 to 2026-11-13): whether major is not recorded",
    )
    long_ago = (
        given("hysterectomy", "surgery", "2026-09-01", "2026-09-01"),
        given("carboplatin", "chemotherapy", "2026-06-01", "2026-10-01"),
    )
    assert judged(WASHOUT, *long_ago) == (
        Outcome.PASS,
        "no major surgery within 3 weeks; no radiotherapy or chemotherapy within 3 weeks",
    )


def test_the_pelvis_narrows_the_irradiation_not_the_chemotherapy():
    rule = inclusion(PELVIS)
    assert isinstance(rule, AllOf)
    assert [therapy_shape(child) for child in rule.children] == [
        (["radiotherapy"], "none", None, "days", True, "to the pelvis"),
        (["chemotherapy"], "none", None, "days", True, None),
    ]
    assert judged(PELVIS, CARBOPLATIN_2019) == (
        Outcome.FAIL,
        "carboplatin (2019-01-01 to 2019-05-01): chemotherapy",
    )
    irradiated = given("radiotherapy", "radiotherapy", "2019-01-01", "2019-02-01")
    assert judged(PELVIS, irradiated)[0] is Outcome.UNKNOWN
    surgery = given("hysterectomy", "surgery", "2019-01-01", "2019-01-01")
    assert judged(PELVIS, surgery) == (
        Outcome.UNKNOWN,
        "no radiotherapy to the pelvis in the treatment list, which often leaves it out",
    )


def test_a_qualifier_of_every_category_named_stays_on_the_whole_rule():
    assert (
        therapy_shape(inclusion("At least 4 weeks since prior extensive radiotherapy or chemotherapy"))[-1]
        == "extensive"
    )
    assert therapy_shape(inclusion("No prior radiotherapy to the brain"))[-1] == "to the brain"
