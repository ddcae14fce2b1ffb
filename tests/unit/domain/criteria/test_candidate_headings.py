"""Items under a heading that lists the likely candidate diseases: one disease a patient may have, not a
requirement every patient must meet."""

from one_criterion import finding_shape, inclusion, outcome, patient

from trialmatch.domain.criteria import NeedsReview, parse_criterion
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

HEADING = (
    "Patients < 75 years of age with other malignant diseases treatable by allogeneic bone marrow transplant "
    "(BMT) whom through pre-existing chronic disease affecting kidneys, liver, lungs, and heart are "
    "considered to be at high risk for regimen related toxicity using standard high dose regimens; the "
    "following diseases are the likely candidates"
)


def test_a_likely_candidate_disease_is_not_required_of_every_patient():
    rule = parse_criterion("Myelodysplastic syndromes", Section.INCLUSION, HEADING)
    assert isinstance(rule, NeedsReview)
    assert rule.why == (
        "one of the likely candidate diseases its heading lists, not a requirement: judge it with the heading"
    )
    hodgkin = patient(findings={"myelodysplastic syndrome": False, "hodgkin lymphoma": True})
    assert outcome(Section.INCLUSION, "Myelodysplastic syndromes", hodgkin, HEADING) is Outcome.UNKNOWN
    open_list = f"{HEADING} but other less common diseases may be considered and approved by PCC"
    assert isinstance(parse_criterion("Hodgkin's disease", Section.INCLUSION, open_list), NeedsReview)


def test_without_such_a_heading_the_disease_is_required():
    assert finding_shape(inclusion("Myelodysplastic syndromes")) == (
        "myelodysplastic_syndrome",
        True,
        "any",
        [],
    )
