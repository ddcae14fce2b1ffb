"""Sentences that refuse a patient must never be shown as met: a prohibition worded with "allowed" is not a
permission."""

from __future__ import annotations

import pytest
from one_criterion import outcome, patient

from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

INC, EXC = Section.INCLUSION, Section.EXCLUSION


@pytest.mark.parametrize(
    ("section", "text"),
    [
        (INC, "No more than one brain metastasis allowed"),
        (INC, "No concurrent regional chemotherapy allowed"),
        (INC, "No cyclosporine allowed"),
        (EXC, "No testosterone supplementation permitted."),
        (EXC, "Concurrent neoplasm not specifically allowed."),
    ],
)
def test_a_prohibition_worded_with_allowed_is_not_met_for_a_patient_it_may_refuse(section, text):
    three_brain_metastases = patient(findings={"brain metastases": True})
    assert outcome(section, text, three_brain_metastases) is Outcome.UNKNOWN


def test_a_permission_still_states_no_requirement():
    assert outcome(INC, "Indolent disease not requiring therapy allowed", patient()) is Outcome.PASS
    assert outcome(INC, "Prior radiotherapy allowed", patient()) is Outcome.PASS
