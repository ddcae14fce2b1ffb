"""Renal limits in lists the readers missed for a word around them: "mg/d" misprinted for mg/dL on a
creatinine or bilirubin, and a performance status "required to be ambulatory with" before the lab limits."""

from __future__ import annotations

from one_criterion import entered, inclusion, limits_with_multiples, outcome, patient

from trialmatch.domain.criteria import LabThreshold, PerformanceStatusRule
from trialmatch.domain.criteria.logic import leaves
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

AMBULATORY = (
    "Patients were required to be ambulatory with a Karnofsky Performance Status at least 70, Serum "
    "creatinine ≤ 2mg/dl, Serum bilirubin ≤ 1mg/d, White Blood Cells (WBC) ≥ 3,500/mm^3, "
    "Platelet count ≥ 100,000/mm^3, Prothrombin time < 1.3 x control."
)
WELL = [
    *entered(("creatinine", 1.1, "mg/dL"), ("bilirubin", 0.6, "mg/dL"), ("wbc", 5000, "/µL")),
    *entered(("platelets", 200000, "/µL")),
    {"test": "PT", "value": 12.0, "unit": "s", "lln": 11.0, "uln": 13.5},
]


def test_the_ambulatory_item_reads_its_scale_and_every_limit():
    rule = inclusion(AMBULATORY)
    (scale,) = [leaf for leaf in leaves(rule) if isinstance(leaf, PerformanceStatusRule)]
    assert (scale.scale, scale.min, scale.max) == ("karnofsky", 70, None)
    assert limits_with_multiples(rule) == [
        ("creatinine", "≤", 2.0, "mg/dL", None),
        ("bilirubin", "≤", 1.0, "mg/dL", None),
        ("wbc", "≥", 3500.0, "/µL", None),
        ("platelets", "≥", 100000.0, "/µL", None),
        ("pt", "<", 1.3, None, "control"),
    ]
    (bilirubin,) = [t for t in leaves(rule) if isinstance(t, LabThreshold) and t.analyte == "bilirubin"]
    assert bilirubin.unit_inferred


def test_the_ambulatory_item_judges_the_creatinine():
    assert outcome(Section.INCLUSION, AMBULATORY, patient(karnofsky=80, labs=WELL)) is Outcome.PASS
    high = [*WELL[1:], {"test": "creatinine", "value": 2.4, "unit": "mg/dL"}]
    assert outcome(Section.INCLUSION, AMBULATORY, patient(karnofsky=80, labs=high)) is Outcome.FAIL
    assert outcome(Section.INCLUSION, AMBULATORY, patient(karnofsky=80)) is Outcome.UNKNOWN


def test_a_per_day_creatinine_or_bilirubin_is_per_decilitre_only_below_ten():
    creatinine = inclusion("Creatinine ≤ 1.5 mg/d")
    assert limits_with_multiples(creatinine) == [("creatinine", "≤", 1.5, "mg/dL", None)]
    assert inclusion("Bilirubin ≤ 15 mg/d").kind == "review"
    assert inclusion("Creatinine ≤ 150 mg/d").kind == "review"
    glucose = inclusion("Fasting plasma glucose >126 mg/d")
    assert limits_with_multiples(glucose) == [("fasting_glucose", ">", 126.0, "mg/dL", None)]
