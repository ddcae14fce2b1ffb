"""Age, sex, performance status, stage and childbearing readings never fail a patient the trial accepts.

Three patients a clinician would put to these sentences: a postmenopausal woman of 76 (ECOG 2, Karnofsky 60,
stage IIIB breast cancer), a man of 19 (ECOG 0, stage II testicular cancer) and a woman of 45 of
childbearing potential, not pregnant (ECOG 1, stage IV melanoma).
"""

from __future__ import annotations

from datetime import date

import pytest

from trialmatch.domain.criteria import Alternative, parse_criterion
from trialmatch.domain.criteria.checks import PatientView, build_check
from trialmatch.domain.facts import PatientFacts
from trialmatch.domain.patient import Patient
from trialmatch.domain.trial import Section

INC, EXC = Section.INCLUSION, Section.EXCLUSION
TODAY = date(2026, 11, 20)


def _view(**fields: object) -> PatientView:
    raw = {"format": "trialmatch-patient/1", "as_of": TODAY.isoformat(), **fields}
    return PatientView(PatientFacts(Patient.model_validate(raw), TODAY))


OLDER_WOMAN = _view(
    age=76,
    sex="female",
    ecog=2,
    karnofsky=60,
    stage="IIIB",
    diagnosis="breast cancer",
    findings={"postmenopausal": True, "childbearing potential": False, "pregnancy": False},
)
YOUNG_MAN = _view(age=19, sex="male", ecog=0, stage="II", diagnosis="testicular cancer")
FERTILE_WOMAN = _view(
    age=45,
    sex="female",
    ecog=1,
    stage="IV",
    diagnosis="melanoma",
    findings={"childbearing potential": True, "pregnancy": False, "postmenopausal": False},
)


def _truth(text: str, section: Section, view: PatientView, context: str | None = None) -> bool | None:
    rule = parse_criterion(text, section, context)
    return build_check(rule, section is INC)(view, None).truth


def _fails(text: str, section: Section, view: PatientView, context: str | None = None) -> bool:
    truth = _truth(text, section, view, context)
    return truth is False if section is INC else truth is True


@pytest.mark.parametrize("view", [OLDER_WOMAN, YOUNG_MAN], ids=["postmenopausal woman", "man"])
@pytest.mark.parametrize(
    "text",
    [
        "Women of childbearing potential",
        "Men and women of reproductive potential who are following accepted birth control methods (as "
        "determined by the treating physician, however abstinence is not an acceptable method).",
    ],
)
def test_naming_women_of_childbearing_potential_does_not_require_fertility(text, view):
    assert not _fails(text, INC, view)


def test_women_of_childbearing_potential_named_alone_are_left_to_the_clinician():
    assert _truth("Women of childbearing potential", INC, FERTILE_WOMAN) is None


def test_a_heading_on_women_is_not_a_women_only_rule():
    text = (
        "A woman must be: a. Not of childbearing potential or b. Of childbearing potential and practicing a "
        "highly effective method of contraception"
    )
    assert _truth(text, INC, YOUNG_MAN) is None
    assert _truth("Patient must be female.", INC, YOUNG_MAN) is False


def test_either_without_its_alternative_does_not_fail_a_woman_using_contraception():
    assert _truth("Female subjects must either be of non-reproductive potential", INC, FERTILE_WOMAN) is None


def test_non_childbearing_potential_proved_one_of_several_ways_is_not_required():
    context = (
        "Female patients should be using adequate contraceptive measures; or female patients must have an "
        "evidence of non-childbearing potential by fulfilling one of the following criteria at screening"
    )
    text = "Post-menopausal defined as aged more than 50 years and amenorrheic for at least 12 months."
    rule = parse_criterion(text, INC, context)
    assert isinstance(rule, Alternative)
    assert rule.group.endswith("by fulfilling one of the following")
    assert _truth(text, INC, FERTILE_WOMAN, context) is False  # this way, judged with the others
    assert not _fails(text, INC, OLDER_WOMAN, context)


def test_one_of_several_ways_to_qualify_does_not_fail_the_others():
    context = (
        "Ineligible to receive platinum-based chemotherapy with radiation (at least one of the following)"
    )
    rule = parse_criterion("Age >= 75 years old", INC, context)
    assert isinstance(rule, Alternative)
    assert rule.needed == 1
    assert _truth("Age >= 75 years old", INC, YOUNG_MAN, context) is False  # this way, judged with the others
    assert _truth("Age >= 75 years old", INC, OLDER_WOMAN, context) is True


@pytest.mark.parametrize(
    ("text", "context"),
    [
        ("Karnofsky performance status < 80.", "Conditions for Patient Ineligibility"),
        (
            "Known pregnancy.",
            "Exclusion criteria. Patients are considered ineligible for participation if any of the "
            "following are present",
        ),
    ],
)
def test_an_exclusion_heading_inside_the_inclusions_does_not_make_its_items_requirements(text, context):
    assert _truth(text, INC, YOUNG_MAN, context) is None


@pytest.mark.parametrize(
    "text",
    [
        "Age equal to or less than 25 years at the time of diagnosis.",
        "Age: Patient must be 3 to 18 years of age at the time of diagnosis.",
    ],
)
def test_an_age_at_diagnosis_is_not_the_current_age(text):
    assert _truth(text, INC, YOUNG_MAN) is None


def test_an_age_named_beside_another_diagnosis_stays_an_age():
    assert _truth("Patients aged 18 years or older", INC, YOUNG_MAN) is True


def test_ecog_0_or_2_is_not_read_as_excluding_ecog_1():
    text = (
        "a performance status of 0 or 2 on the Eastern Cooperative Oncology Group (ECOG) Performance Status."
    )
    assert _truth(text, INC, FERTILE_WOMAN) is None


def test_a_lead_in_phase_with_its_own_performance_status_is_left_to_the_clinician():
    text = (
        "Eastern Cooperative Oncology Group (ECOG) performance status (PS) status 2 OR Karnofsky Performance "
        "Status scale 60%. For the safety lead-in phase, only patients with PS 0-1 will be included."
    )
    for view in (OLDER_WOMAN, YOUNG_MAN, FERTILE_WOMAN):
        assert _truth(text, INC, view) is None


def test_a_second_stage_list_keeps_the_disease_of_the_first():
    text = "Pure immature teratoma COG stage II - IV or FIGO stage IC to IV"
    context = "Patients with any diagnoses not listed including"
    for view in (OLDER_WOMAN, YOUNG_MAN, FERTILE_WOMAN):
        assert not _fails(text, EXC, view, context)


def test_either_gender_takes_both():
    assert _truth("Either gender", INC, YOUNG_MAN) is True
    assert _truth("Gender: Either gender", INC, OLDER_WOMAN) is True


def test_age_bounds_no_age_meets_both_of_exclude_either_side():
    assert _fails("Age<26 and >75 years old", EXC, OLDER_WOMAN)
    assert _fails("Age<26 and >75 years old", EXC, YOUNG_MAN)
    assert not _fails("Age<26 and >75 years old", EXC, FERTILE_WOMAN)
