"""Keystroke reuse never shows a stale answer: while the user types, each trial keeps its last evaluation and
only re-judges criteria whose inputs changed. A check that reads something it does not declare (the drug
behind "on warfarin", the age behind a minor's consent, the diagnosis behind castration) would keep the
previous patient's verdict. Every gold sentence, judged after each one-field edit of a patient, must give what
it gives judged afresh."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from trialmatch.domain import evaluation
from trialmatch.domain.compiled import compile_trial
from trialmatch.domain.criteria import parse_criterion
from trialmatch.domain.evaluation import evaluate
from trialmatch.domain.facts import PatientFacts
from trialmatch.domain.patient import load_patient
from trialmatch.domain.trial import Criterion, Section, Trial

AS_OF = date(2026, 11, 20)
GOLD = Path(__file__).parents[2] / "gold" / "criteria.jsonl"
CRITERIA = [
    Criterion(section=Section(item["section"]), text=item["text"], context=item.get("context"))
    for item in map(json.loads, GOLD.read_text(encoding="utf-8").splitlines())
]
TRIAL = Trial(id="NCT00000001", registry="ctgov", title="gold sentences", criteria=CRITERIA)
RULES = [parse_criterion(c.text, c.section, c.context) for c in CRITERIA]

LABS = {
    "ANC": [1.0, 2.0],
    "platelets": [80, 150],
    "Hb": [8.5, 12.0],
    "creatinine": [0.8, 2.1],
    "PSA": [0.1, 25.0],
    "HbA1c": [6.0, 11.0],
}
LAB_UNITS = {"ANC": "10^9/L", "platelets": "10^9/L", "Hb": "g/dL", "creatinine": "mg/dL", "PSA": "ng/mL"}
ULN_LABS = {
    "AST": ("U/L", 40, [30, 150]),
    "INR": ("1", 1.1, [1.0, 2.6]),
    "bilirubin": ("mg/dL", 1.2, [0.5, 3]),
}
FINDINGS = ["liver metastases", "HIV infection", "brain metastases", "informed consent", "anticoagulation"]
TREATMENTS = {
    "warfarin": {"name": "warfarin", "start": "2025-01-10"},
    "apixaban": {"name": "apixaban", "start": "2025-01-10"},
    "leuprolide": {"name": "leuprolide", "category": "hormone therapy", "start": "2026-01-05"},
    "pembrolizumab": {
        "name": "pembrolizumab",
        "category": "immunotherapy",
        "start": "2026-01-10",
        "end": "2026-10-30",
    },
}


OPTIONS: dict[str, list[Any]] = {
    "age": [None, 8, 40, 70],
    "sex": [None, "female", "male"],
    "weight_kg": [None, 45, 80],
    "ecog": [None, 0, 2],
    "diagnosis": [None, "prostate cancer", "non-small cell lung cancer"],
    "stage": [None, "II", "IV", "T3N1M0"],
    "treatments": [[], ["warfarin"], ["apixaban"], ["leuprolide"], ["pembrolizumab", "apixaban"]],
    **{f"lab {test}": [None, *values] for test, values in LABS.items()},
    **{f"lab {test}": [None, *values] for test, (_, _, values) in ULN_LABS.items()},
    **{f"finding {term}": [None, True, False] for term in FINDINGS},
    "lab date": [None, "2026-11-12", "2026-06-01"],
    "judged on": [None, "2027-02-01"],
}
"""What the clinician may type, field by field; the date every lab was drawn (None: undated) and the day the
file is judged on (None: its own date), which a draw window ("within 14 days prior to registration") counts
back from."""

BASES = {
    "abnormal, child on warfarin and leuprolide": {
        **{name: values[1] for name, values in OPTIONS.items()},
        "age": 8,
        "sex": "male",
        "diagnosis": "prostate cancer",
        "treatments": ["warfarin", "leuprolide"],
        **{f"finding {term}": True for term in FINDINGS},
        "finding informed consent": False,
    },
    "nothing entered": dict.fromkeys(OPTIONS),
    "normal values, older woman": {
        **{name: values[-1] for name, values in OPTIONS.items()},
        "finding anticoagulation": None,
    },
}
"""Patients from which every one-field edit is tried: a stale answer shows where the edited field decides."""


def _patient(fields: dict[str, Any]) -> PatientFacts:
    judged_on = date.fromisoformat(fields.get("judged on") or AS_OF.isoformat())
    drawn = fields.get("lab date")
    raw: dict[str, Any] = {
        "format": "trialmatch-patient/1",
        "as_of": "2026-11-20",
        "labs": [],
        "findings": {},
    }
    for name, value in fields.items():
        if value is None or name in ("judged on", "lab date"):
            continue
        kind, _, what = name.partition(" ")
        if kind == "lab" and what in ULN_LABS:
            unit, uln, _ = ULN_LABS[what]
            raw["labs"].append({"test": what, "value": value, "unit": unit, "uln": uln})
        elif kind == "lab":
            raw["labs"].append({"test": what, "value": value, "unit": LAB_UNITS.get(what, "%")})
        elif kind == "finding":
            raw["findings"][what] = value
        elif name == "treatments":
            raw["treatments"] = [TREATMENTS[drug] for drug in value]
        else:
            raw[name] = value
    if drawn:
        raw["labs"] = [{**entry, "date": drawn} for entry in raw["labs"]]
    return PatientFacts(load_patient(raw), judged_on)


def _shown(evaluation: Any) -> list[tuple[object, ...]]:
    return [(r.result, r.reason, r.values_used, r.missing, r.to_satisfy) for r in evaluation.results] + [
        (evaluation.verdict, evaluation.reason)
    ]


@pytest.mark.parametrize("base", sorted(BASES))
def test_every_one_field_edit_gets_what_the_edited_patient_gets_alone(base):
    fields = BASES[base]
    typed = compile_trial(TRIAL, RULES)
    stale = []
    for name, values in OPTIONS.items():
        for value in values:
            if value == fields[name]:
                continue
            evaluate(typed, _patient(fields))
            edited = _patient({**fields, name: value})
            kept = _shown(evaluate(typed, edited))
            evaluation._EARLIER.clear()  # answers kept across trials: judge this patient from nothing
            fresh = _shown(evaluate(compile_trial(TRIAL, RULES), _patient({**fields, name: value})))
            stale += [(name, value, k, f) for k, f in zip(kept, fresh, strict=True) if k != f]
    assert stale == []
