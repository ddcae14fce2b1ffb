""" "No history of previous metastatic disease" asks about metastases before the current ones: a patient whose
file says metastatic disease is present now is left to the clinician, never failed by a trial that takes
stage IV patients; a site the patient either had or not ("prior brain metastases") stays a plain history."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from one_criterion import exclusion, inclusion, outcome, patient

from trialmatch.domain.compiled import compile_trial
from trialmatch.domain.criteria import FindingRule
from trialmatch.domain.evaluation import Outcome, Verdict, evaluate
from trialmatch.domain.facts import PatientFacts
from trialmatch.domain.patient import load_patient
from trialmatch.domain.segmentation import split_criteria
from trialmatch.domain.trial import Section, Trial

DATA = Path(__file__).parents[3] / "data" / "segmentation"
PREVIOUS = "No history of previous metastatic disease"


def finding(rule: Any) -> tuple[str, bool, str, list[tuple[str | None, str]]]:
    assert isinstance(rule, FindingRule), rule
    return rule.concept, rule.present, rule.qualifier, [(e.concept, e.text) for e in rule.exceptions]


@pytest.mark.parametrize(
    ("rule", "read"),
    [
        (inclusion(PREVIOUS), ("metastatic_disease", False, "history", [(None, "previous")])),
        (
            inclusion("No prior metastatic disease"),
            ("metastatic_disease", False, "history", [(None, "prior")]),
        ),
        (
            exclusion("Previous metastatic disease"),
            ("metastatic_disease", True, "history", [(None, "Previous")]),
        ),
        (inclusion("No history of metastatic disease"), ("metastatic_disease", False, "history", [])),
        (inclusion("No prior or current metastatic disease"), ("metastatic_disease", False, "history", [])),
        (inclusion("No documented prior brain metastases"), ("brain_metastases", False, "history", [])),
        (exclusion("Prior brain metastases"), ("brain_metastases", True, "history", [])),
    ],
    ids=["history of previous", "no prior", "exclusion", "no history", "prior or current", "site", "site ex"],
)
def test_previous_stays_on_the_disease_as_a_whole(rule, read):
    assert finding(rule) == read


@pytest.mark.parametrize(
    ("present", "result"),
    [(True, Outcome.UNKNOWN), (False, Outcome.PASS)],
)
def test_present_metastases_are_left_to_the_clinician(present, result):
    assert outcome(Section.INCLUSION, PREVIOUS, patient(findings={"metastatic disease": present})) is result


def test_prior_brain_metastases_still_exclude_a_patient_with_brain_metastases():
    judged = outcome(
        Section.EXCLUSION, "Prior brain metastases", patient(findings={"brain metastases": True})
    )
    assert judged is Outcome.FAIL


def test_the_stage_iv_patient_stays_possible_for_the_oligometastatic_trial():
    text = (DATA / "NCT03955198_previous_metastatic_disease.txt").read_text(encoding="utf-8")
    trial = Trial(id="NCT03955198", registry="ctgov", title="t", criteria=split_criteria(text))
    raw = {
        "format": "trialmatch-patient/1",
        "as_of": "2026-11-20",
        "age": 62,
        "sex": "male",
        "ecog": 1,
        "findings": {"metastatic disease": True},
    }
    evaluation = evaluate(compile_trial(trial), PatientFacts(load_patient(raw), date(2026, 11, 20)))
    assert evaluation.verdict is Verdict.POSSIBLE
    (result,) = [r for r in evaluation.results if r.text == PREVIOUS]
    assert (result.result, result.reason) == (Outcome.UNKNOWN, "Metastatic disease present; check 'previous'")
