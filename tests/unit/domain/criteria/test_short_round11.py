"""Round 11, one blocking word or phrase: sentences read fully but for a word the lexicon lacked, a misprint,
or a label that restates what the thresholds say; and the words that change a sentence's meaning, which keep
it for review."""

from __future__ import annotations

from one_criterion import entered, outcome, patient, thresholds

from trialmatch.domain.criteria import parse_criterion
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

INC, EXC = Section.INCLUSION, Section.EXCLUSION
PASS, FAIL, UNKNOWN = Outcome.PASS, Outcome.FAIL, Outcome.UNKNOWN


def test_a_count_per_ml3_is_a_count_per_cubic_millimetre_misprinted() -> None:
    text = (
        "Patients must have, within 6 weeks prior to entry, a hemoglobin (Hgb) of >=10 gm, a white blood cell"
        " (WBC) count of >= 4000 cells/ml3, a platelet count of >= 100,000 cells/ml3, a serum bilirubin"
        " <= the institutional upper limit of normal, and a serum creatinine of <= 2.0 times the"
        " institutional upper limit of normal."
    )
    rule = parse_criterion(text, INC)
    assert [(t.analyte, t.comparator.value, t.value, t.unit, t.multiple_of) for t in thresholds(rule)] == [
        ("hemoglobin", ">=", 10.0, "g/dL", None),
        ("wbc", ">=", 4000.0, "/µL", None),
        ("platelets", ">=", 100000.0, "/µL", None),
        ("bilirubin", "<=", 1.0, None, "uln"),
        ("creatinine", "<=", 2.0, None, "uln"),
    ]
    assert rule.kind == "all_of"
    low = patient(labs=entered(("wbc", 3.1, "10^9/L"), ("platelets", 250, "10^9/L")))
    assert outcome(INC, "White blood cell (WBC) count of >= 4000 cells/ml3", low) is FAIL
