"""An upper limit on creatinine clearance where the heading asks for adequate renal function is an inverted
sign, left to the clinician: NCT05704634's "Creatinine ≤ 30 mL/minute (using Cockroft-Gault formula)" under
"Patients must have adequate hematologic, coagulation, hepatic, and renal function" failed every patient whose
kidneys work once the item was no longer (wrongly) asked of cohort B alone."""

from __future__ import annotations

from one_criterion import patient, result

from trialmatch.domain.criteria import DerivedValueRule, NeedsReview, parse_criterion
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

_ADEQUATE = (
    "Patients must have adequate hematologic, coagulation, hepatic, and renal function. All laboratory tests "
    "must be obtained less than 4 weeks from study entry. This includes"
)
_CAPPED = "Creatinine ≤ 30 mL/minute (using Cockroft-Gault formula)."


def test_a_capped_clearance_under_adequate_renal_function_is_left_to_the_clinician():
    rule = parse_criterion(_CAPPED, Section.INCLUSION, _ADEQUATE)
    assert isinstance(rule, NeedsReview)
    assert rule.why == (
        "an upper limit on kidney function where adequate renal function is asked: inverted sign? judge it"
    )
    kidneys_work = patient(age=62, weight_kg=70, labs=[{"test": "creatinine", "value": 0.8, "unit": "mg/dL"}])
    assert result("inclusion", _CAPPED, kidneys_work, _ADEQUATE).result is Outcome.UNKNOWN


def test_a_capped_clearance_asked_of_patients_with_decreased_kidney_function_stays_read():
    rule = parse_criterion("Glomerular filtration rate no greater than 50 mL/min", Section.INCLUSION, "Renal")
    assert isinstance(rule, DerivedValueRule)
    assert (rule.analyte, rule.comparator.symbol, rule.value) == ("crcl", "≤", 50.0)
    ranged = parse_criterion("Adequate renal function: eGFR ≥ 30 and < 90 mL/min/1.73 m2", Section.INCLUSION)
    assert not isinstance(ranged, NeedsReview)
