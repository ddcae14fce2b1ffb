"""A finding's exception that could not excuse what the file records even if present leaves nothing to
check: "No active brain metastases (treated brain metastases allowed)" fails a patient with active ones,
whether or not treated ones are recorded too."""

from __future__ import annotations

from one_criterion import patient, result

from trialmatch.domain.evaluation import Outcome

TEXT = "No brain metastases. Treated brain metastases allowed"


def test_active_brain_metastases_fail_beside_a_treated_exception():
    judged = result("inclusion", TEXT, patient(findings={"active brain metastases": True}))
    assert judged.result is Outcome.FAIL
    assert judged.reason == (
        "Brain metastases present (active brain metastases (untreated, symptomatic or progressing) recorded)"
    )


def test_treated_brain_metastases_are_excused():
    judged = result("inclusion", TEXT, patient(findings={"treated brain metastases": True}))
    assert judged.result is Outcome.PASS
    assert judged.reason == "Brain metastases present, but treated, stable brain metastases: accepted"


def test_brain_metastases_of_unknown_treatment_status_stay_unknown():
    judged = result("inclusion", TEXT, patient(findings={"brain metastases": True}))
    assert judged.result is Outcome.UNKNOWN
    assert (
        judged.reason == "Brain metastases present; whether treated, stable brain metastases is not recorded"
    )
