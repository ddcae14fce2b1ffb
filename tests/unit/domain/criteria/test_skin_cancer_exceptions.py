"""A prior cancer excepted as "basal cell skin cancer" excuses a basal cell carcinoma only: read as every
nonmelanoma skin cancer, the exception let a prior squamous cell skin cancer pass a trial that never
excused it. "Basal or squamous cell skin cancer" still excuses both."""

from __future__ import annotations

from one_criterion import inclusion, outcome, patient

from trialmatch.domain.criteria import FindingRule
from trialmatch.domain.evaluation import Outcome

CONTEXT = "PATIENT CHARACTERISTICS: Other"


def _exceptions(rule: object) -> list[tuple[str | None, str]]:
    assert isinstance(rule, FindingRule), rule
    assert (rule.concept, rule.present) == ("prior_malignancy", False)
    return [(e.concept, e.text) for e in rule.exceptions]


def test_basal_cell_skin_cancer_excuses_a_basal_cell_carcinoma_only():
    text = "No other malignancy except basal cell skin cancer"
    assert _exceptions(inclusion(text)) == [("basal_cell_skin_cancer", "except basal cell skin cancer")]
    carcinoma = "No other malignancy except basal cell carcinoma"
    assert _exceptions(inclusion(carcinoma)) == [("basal_cell_skin_cancer", "except basal cell carcinoma")]
    basal = patient(findings={"prior malignancy": True, "basal cell carcinoma": True})
    assert outcome("inclusion", text, basal, CONTEXT) is Outcome.PASS
    squamous = patient(
        findings={"prior malignancy": True, "squamous cell skin cancer": True, "basal cell carcinoma": False}
    )
    assert outcome("inclusion", carcinoma, squamous, CONTEXT) is Outcome.FAIL
    # a skin cancer recorded only as "nonmelanoma": which kind it was is asked
    skin = patient(findings={"prior malignancy": True, "nonmelanoma skin cancer": True})
    assert outcome("inclusion", text, skin, CONTEXT) is Outcome.UNKNOWN
    assert outcome("inclusion", text, patient(findings={"prior malignancy": False}), CONTEXT) is Outcome.PASS


def test_basal_or_squamous_cell_skin_cancer_excuses_either():
    text = "No other malignancy except basal cell or squamous cell skin cancer"
    assert _exceptions(inclusion(text)) == [
        ("nonmelanoma_skin_cancer", "except basal cell or squamous cell skin cancer")
    ]
    squamous = patient(findings={"prior malignancy": True, "squamous cell skin cancer": True})
    assert outcome("inclusion", text, squamous, CONTEXT) is Outcome.PASS
    nonmelanoma = "No prior malignancy except nonmelanomatous skin cancer"
    basal = patient(findings={"prior malignancy": True, "basal cell carcinoma": True})
    assert outcome("inclusion", nonmelanoma, basal, CONTEXT) is Outcome.PASS
