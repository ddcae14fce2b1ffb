"""Ranking: ineligible last, then relevance, open before closed, fewer unknowns, nearer, trial id."""

from __future__ import annotations

import pytest

from trialmatch.domain.evaluation import TrialEvaluation, Verdict
from trialmatch.domain.ranking import RankInput, rank, relevance


@pytest.mark.parametrize(
    ("conditions", "diagnosis", "score"),
    [
        (["Melanoma"], "metastatic melanoma", 1.0),
        (["Asthma"], "metastatic melanoma", 0.0),
        (["Non-small Cell Lung Cancer"], "NSCLC", 1.0),
        (["NSCLC"], "non-small cell lung cancer", 1.0),
        (["Carcinoma, Non-Small-Cell Lung"], "NSCLC stage IV", 1.0),
        (["Small Cell Lung Cancer"], "NSCLC", 0.5),
        (["Breast Carcinoma"], "breast cancer", 1.0),
        (["Uveal Melanoma"], "metastatic melanoma", 0.667),
        (["Advanced Solid Tumors"], "melanoma", 0.5),
        (["Asthma", "Melanoma, Cutaneous"], "melanoma", 0.583),
        (["Melanoma", "Ovarian Cancer", "Prostate Cancer"], "metastatic melanoma", 0.833),
        (["Melanoma"], None, 0.0),
        (["Non-squamous NSCLC"], "non-small cell lung cancer, adenocarcinoma", 0.833),
        (["NSCLC"], "non-small cell lung cancer, adenocarcinoma", 0.8),
        (["Non-squamous NSCLC"], "lung squamous cell carcinoma", 0.25),
        (
            ["Non-metastatic Castration-resistant Prostate Cancer"],
            "metastatic castration-resistant prostate cancer",
            0.5,
        ),
        (
            ["Metastatic Castration-resistant Prostate Cancer"],
            "metastatic castration-resistant prostate cancer",
            1.0,
        ),
        (["nmCRPC"], "mCRPC", 0.5),
        (["Localized Prostate Cancer"], "metastatic prostate cancer", 0.5),
        (["Localized or Metastatic Prostate Cancer"], "metastatic prostate cancer", 1.0),
        (["Metastatic Prostate Cancer"], "prostate cancer", 1.0),
        (["Metastatic Prostate Cancer"], "non-metastatic prostate cancer", 0.5),
    ],
)
def test_relevance(conditions, diagnosis, score):
    assert relevance(conditions, diagnosis) == score


def test_a_melanoma_trial_outranks_a_protocol_listing_melanoma_among_other_cancers():
    specific = relevance(["Metastatic Melanoma", "Advanced Melanoma"], "metastatic melanoma")
    listed = relevance(["Synovial Cell Cancer", "Melanoma", "Colorectal Cancer"], "metastatic melanoma")
    assert specific == 1.0
    assert listed < specific


def _item(trial_id, verdict=Verdict.POSSIBLE, conditions=("Melanoma",), is_open=True, unknown=0, km=None):
    evaluation = TrialEvaluation(trial_id, verdict, "", (), (), 0, unknown, None)
    return RankInput(evaluation, conditions, is_open, km)


def test_order_of_keys():
    items = [
        _item("NCT9", verdict=Verdict.INELIGIBLE),
        _item("NCT8", conditions=("Asthma",)),
        _item("NCT7", is_open=False),
        _item("NCT6", unknown=3),
        _item("NCT5", unknown=1, km=500.0),
        _item("NCT4", unknown=1, km=20.0),
        _item("NCT3", unknown=1),
        _item("NCT2", unknown=1),
    ]
    ranked = rank(items, "metastatic melanoma")
    assert [r.input.evaluation.trial_id for r in ranked] == [
        "NCT4",
        "NCT5",
        "NCT2",
        "NCT3",
        "NCT6",
        "NCT7",
        "NCT8",
        "NCT9",
    ]
    assert [r.score for r in ranked] == [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.0, 1.0]


def test_ranking_is_deterministic_whatever_the_input_order():
    items = [_item(f"NCT{i}", unknown=i % 3, is_open=i % 2 == 0) for i in range(30)]
    first = [r.input.evaluation.trial_id for r in rank(items, "melanoma")]
    second = [r.input.evaluation.trial_id for r in rank(list(reversed(items)), "melanoma")]
    assert first == second
