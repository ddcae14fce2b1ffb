"""A limit the patient failed to reach ("Failure to achieve PSA < 0.1 ng/mL") names the value's opposite: in
an exclusion the opposite excludes, in an inclusion it is required (see ``read_not_achieved``)."""

from __future__ import annotations

from one_criterion import entered, exclusion, inclusion, limits_with_multiples, outcome, patient, review

from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

PSA_NOT_UNDETECTABLE = (
    "Failure to achieve prostate specific antigen level of less than 0.1ng/ml prior to enrollment in study"
)


def _psa(value: float) -> list[dict[str, object]]:
    return entered(("PSA", value, "ng/mL"))


def test_failure_to_achieve_a_psa_below_the_limit_is_a_psa_at_or_above_it():
    assert limits_with_multiples(exclusion(PSA_NOT_UNDETECTABLE)) == [("psa", "≥", 0.1, "ng/mL", None)]
    assert limits_with_multiples(inclusion("Inability to reach a hemoglobin ≥ 9 g/dL")) == [
        ("hemoglobin", "<", 9.0, "g/dL", None)
    ]


def test_a_psa_that_did_not_fall_below_the_limit_excludes():
    assert outcome(Section.EXCLUSION, PSA_NOT_UNDETECTABLE, patient(labs=_psa(0.4))) is Outcome.FAIL
    assert outcome(Section.EXCLUSION, PSA_NOT_UNDETECTABLE, patient(labs=_psa(0.1))) is Outcome.FAIL
    assert outcome(Section.EXCLUSION, PSA_NOT_UNDETECTABLE, patient(labs=_psa(0.05))) is Outcome.PASS
    assert outcome(Section.EXCLUSION, PSA_NOT_UNDETECTABLE, patient()) is Outcome.UNKNOWN


def test_what_is_not_one_plain_limit_is_not_read_so():
    assert review("Inability to achieve or maintain min SBP ≥ 65 mm Hg.", Section.EXCLUSION).startswith(
        "words not understood"
    )
    assert review("Failure to achieve peripheral vascular access.", Section.EXCLUSION)
