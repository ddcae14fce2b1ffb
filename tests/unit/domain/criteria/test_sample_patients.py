"""Catalogue sentences misread for the patients this product is for (the sample melanoma, lung and prostate
patients in tests/data/patients): each failed a patient with metastases whom the trial would take."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from trialmatch.domain.criteria import NeedsReview, parse_criterion
from trialmatch.domain.criteria.checks import PatientView, build_check
from trialmatch.domain.facts import PatientFacts
from trialmatch.domain.patient import Patient
from trialmatch.domain.trial import Section

INC, EXC = Section.INCLUSION, Section.EXCLUSION
PATIENTS = Path(__file__).parents[3] / "data" / "patients"
DISEASE = "DISEASE CHARACTERISTICS"
NONMEASURABLE = (
    "DISEASE CHARACTERISTICS: Measurable or nonmeasurable disease: Nonmeasurable disease includes any of the "
    "following"
)


def _view(name: str) -> PatientView:
    raw = json.loads((PATIENTS / name).read_text(encoding="utf-8"))
    return PatientView(PatientFacts(Patient.model_validate(raw), date.fromisoformat(raw["as_of"])))


def _truth(text: str, section: Section, view: PatientView, context: str | None = None) -> bool | None:
    rule = parse_criterion(text, section, context)
    return build_check(rule, section is Section.INCLUSION)(view, None).truth


MELANOMA = "example_melanoma.json"
LUNG = "nsclc_si_units_karnofsky.json"
PROSTATE = "prostate_us_units.json"


@pytest.mark.parametrize("patient", [MELANOMA, LUNG, PROSTATE])
def test_no_prior_treatment_for_metastatic_disease_does_not_refuse_the_metastases(patient: str):
    # NCT00003326, a trial for metastatic oesophageal cancer: it refuses prior treatment in the metastatic
    # setting, which the sample gives no setting for. Read as "no metastatic disease" it failed all three.
    text = "No prior treatment for metastatic disease"
    assert isinstance(parse_criterion(text, INC, DISEASE), NeedsReview)
    assert _truth(text, INC, _view(patient), DISEASE) is None


def test_bone_marrow_metastases_are_not_every_metastasis():
    # NCT00003927: the melanoma patient has liver metastases; her bone marrow is not recorded.
    rule = parse_criterion("No bone marrow metastases", INC, DISEASE)
    assert isinstance(rule, NeedsReview)
    assert rule.why == "metastases at a site the engine does not know"
    assert _truth("No bone marrow metastases", INC, _view(MELANOMA), DISEASE) is None


def test_bone_only_disease_is_a_pattern_not_the_bone_metastases():
    # NCT00004207: "No bone metastases only" refuses bone-only disease; a patient with bone and other
    # metastases is taken. The prostate patient has bone metastases, the rest of his spread unrecorded.
    for text in (
        "No bone metastases only",
        "No bone-only metastases",
        "No osseous metastases as only site of disease",
    ):
        assert isinstance(parse_criterion(text, INC, DISEASE), NeedsReview), text
    assert _truth("No bone metastases only", INC, _view(PROSTATE), DISEASE) is None


def test_items_of_a_definition_of_nonmeasurable_disease_are_not_requirements():
    # NCT00496756 (metastatic kidney cancer): "Leptomeningeal disease" is one example of nonmeasurable
    # disease; read as required, it failed the lung patient who has none.
    assert _truth("Leptomeningeal disease", INC, _view(LUNG), NONMEASURABLE) is None
    assert isinstance(parse_criterion("Bone lesions", INC, NONMEASURABLE), NeedsReview)


def test_plain_metastasis_criteria_keep_their_reading():
    melanoma, prostate = _view(MELANOMA), _view(PROSTATE)
    assert _truth("No distant metastases", INC, melanoma, DISEASE) is False
    assert _truth("No bone metastases", INC, prostate, DISEASE) is False
    assert _truth("No liver metastases", INC, prostate, DISEASE) is True
    assert _truth("Known brain metastases", EXC, _view(LUNG)) is True


WASHOUT = (
    "Prior treatment with chemotherapy or other systemic antineoplastic therapy within 21 days; prior "
    "experimental therapy within 21 days or 5 half-lives, whichever is shorter."
)


def test_a_washout_among_the_inclusions_does_not_require_recent_therapy():
    # NCT03983954 (advanced solid tumours): the exclusion heading was lost and this washout sits among the
    # inclusions. Read as "must have had anticancer therapy in the last 21 days" it failed the melanoma
    # patient, whose pembrolizumab ended two months before.
    assert isinstance(parse_criterion(WASHOUT, INC), NeedsReview)
    assert _truth(WASHOUT, INC, _view(MELANOMA)) is None
    # A trial that wants patients on treatment says so, and keeps its reading.
    required = "Must have received systemic anticancer therapy within the past 3 months"
    assert _truth(required, INC, _view(MELANOMA)) is True


def test_an_open_ended_poor_performance_requirement_goes_to_review():
    # NCT00006200, thalidomide and dacarbazine for metastatic melanoma: "ECOG > 2" among the inclusions
    # hid the trial from the melanoma patient (ECOG 1); NCT00493441 (gemcitabine) has "Karnofsky <= 60".
    assert _truth("ECOG performance status > 2.", INC, _view(MELANOMA)) is None
    assert _truth("Karnofsky Performance Score of less than or equal to 60", INC, _view(LUNG)) is None
    # A bounded range for unfit patients, and the same words as an exclusion, keep their reading.
    assert _truth("ECOG 2-3", INC, _view(MELANOMA)) is False
    assert _truth("ECOG performance status > 2.", EXC, _view(MELANOMA)) is False


def test_ongoing_castration_is_not_other_anticancer_therapy_in_prostate_cancer():
    # NCT05691465 (lutetium Lu 177 dotatate, metastatic prostate cancer) requires ongoing LHRH agonists and
    # says "No concurrent use of other anti-cancer therapies"; the prostate patient on leuprolide failed it.
    prostate = _view(PROSTATE)
    assert _truth("No concurrent use of other anti-cancer therapies", INC, prostate) is None
    assert _truth("Is receiving any concomitant anti-cancer therapy", EXC, prostate) is None
    # A rule about hormone therapy itself, and his past chemotherapy, keep their verdicts.
    assert _truth("No concurrent hormonal therapy", INC, prostate) is False
    assert _truth("No prior chemotherapy", INC, prostate) is False
    # Elsewhere ongoing targeted therapy still counts (the lung patient on osimertinib).
    assert _truth("No concurrent use of other anti-cancer therapies", INC, _view(LUNG)) is False


def test_time_since_a_therapy_began_is_not_a_washout():
    # NCT00003684 (theophylline for breathlessness in cancer patients): the prostate patient started
    # leuprolide in 2023 and is still on it; read as "2 months since the last dose" he failed.
    text = "Endocrine therapy: At least 2 months since prior initiation of hormonal therapy"
    context = "PRIOR CONCURRENT THERAPY: Endocrine therapy"
    assert isinstance(parse_criterion(text, INC, context), NeedsReview)
    assert _truth(text, INC, _view(PROSTATE), context) is None
