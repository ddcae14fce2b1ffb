"""A waiver "unless controlled ..." printed after a blood-pressure definition covers every limit of it."""

from __future__ import annotations

from one_criterion import entered, evaluation, exclusion, limits_with_multiples, patient

from trialmatch.domain.criteria.logic import leaves
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

HYPERTENSION = (
    "Uncontrolled hypertension defined by a Systolic Blood Pressure (SBP) ≥ 160 mm Hg and/or Diastolic "
    "Blood Pressure (DBP) ≥ 100 mm Hg, unless controlled prior to first dose of study treatment."
)
HEADING = (
    "Clinically significant, uncontrolled cardiac disease and/or recent cardiac events (within 6 months), "
    "such as"
)


def test_the_waiver_is_on_the_systolic_limit_too() -> None:
    rule = exclusion(HYPERTENSION)
    assert rule.kind == "any_of"
    assert limits_with_multiples(rule) == [
        ("sbp", "≥", 160.0, "mmHg", None),
        ("dbp", "≥", 100.0, "mmHg", None),
    ]
    waivers = [[(e.text, e.waived, e.concept) for e in t.exceptions] for t in leaves(rule)]
    assert waivers == [[("unless controlled prior to first dose of study treatment", True, None)]] * 2


def _outcome(sbp: float | None, dbp: float | None) -> Outcome:
    labs = [("sbp", v, "mmHg") for v in [sbp] if v is not None]
    labs += [("dbp", v, "mmHg") for v in [dbp] if v is not None]
    (only,) = evaluation(Section.EXCLUSION, HYPERTENSION, patient(labs=entered(*labs)), HEADING).results
    return only.result


def test_a_high_systolic_pressure_is_left_to_the_clinician_not_excluded() -> None:
    assert _outcome(170, 80) is Outcome.UNKNOWN
    assert _outcome(130, 105) is Outcome.UNKNOWN


def test_pressures_below_the_limits_pass_and_missing_ones_are_unknown() -> None:
    assert _outcome(130, 80) is Outcome.PASS
    assert _outcome(None, None) is Outcome.UNKNOWN


def test_a_waiver_that_names_no_control_stays_on_its_own_limit() -> None:
    rule = exclusion("ANC < 1500/mm3 or SBP ≥ 160 mm Hg unless controlled prior to first dose.")
    assert [(t.analyte, len(t.exceptions)) for t in leaves(rule)] == [("anc", 0), ("sbp", 1)]
