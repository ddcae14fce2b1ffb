"""A derived value (creatinine clearance, BMI) whose limit the trial lifts for some patients: "(unless due to
obstructive uropathy ...)", "unless athletic/muscular build", "unless on dialysis". A value past the limit is
allowed when the file records what lifts it and left to the clinician when it does not say; a value within
the limit is judged as before."""

from __future__ import annotations

from one_criterion import entered, patient, result

from trialmatch.domain.criteria import parse_criterion
from trialmatch.domain.criteria.base import Comparator
from trialmatch.domain.criteria.derived import DerivedValueRule
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

INC, EXC = Section.INCLUSION, Section.EXCLUSION
PASS, FAIL, UNKNOWN = Outcome.PASS, Outcome.FAIL, Outcome.UNKNOWN

CAUSE = "unless due to obstructive uropathy which can be relieved by nephrostomy"
UROPATHY = f"Creatinine clearance at least 40 mL/min ({CAUSE})"
ATHLETE = (
    "Body mass index (BMI) >35 unless athletic/muscular build; calculation = body weight (kg)/height (m2)"
)
DIALYSIS = "Creatinine clearance ≥ 50 mL/min unless on dialysis"


def _derived(text: str, section: Section) -> DerivedValueRule:
    rule = parse_criterion(text, section)
    assert isinstance(rule, DerivedValueRule), rule
    return rule


def test_a_cause_that_lifts_a_clearance_limit_is_read_as_its_waiver() -> None:
    rule = _derived(UROPATHY, INC)
    assert (rule.analyte, rule.comparator, rule.value, rule.unit) == ("crcl", Comparator.GE, 40.0, "mL/min")
    assert [(w.concept, w.text, w.waived) for w in rule.waivers] == [(None, CAUSE, True)]
    assert not rule.is_plain


def test_a_clearance_below_a_limit_lifted_for_an_unchecked_cause_is_left_to_the_clinician() -> None:
    met = result(INC, UROPATHY, patient(labs=entered(("Creatinine clearance", 55, "mL/min"))))
    assert met.result is PASS
    low = result(INC, UROPATHY, patient(labs=entered(("Creatinine clearance", 30, "mL/min"))))
    assert low.result is UNKNOWN
    assert "CrCl 30 mL/min" in low.reason
    assert low.reason.endswith(f"the trial's exception '{CAUSE}' is not checked")
    assert result(INC, UROPATHY, patient()).result is UNKNOWN


def test_an_excluding_bmi_lifted_for_an_athletic_build_excludes_nobody_on_the_value_alone() -> None:
    rule = _derived(ATHLETE, EXC)
    assert (rule.analyte, rule.comparator, rule.value) == ("bmi", Comparator.GT, 35.0)
    assert [w.text for w in rule.waivers] == ["unless athletic/muscular build"]
    heavy = result(EXC, ATHLETE, patient(weight_kg=110, height_cm=170))  # BMI 38.1
    assert heavy.result is UNKNOWN
    assert "38.1" in heavy.reason
    assert heavy.reason.endswith("the trial's exception 'unless athletic/muscular build' is not checked")
    assert result(EXC, ATHLETE, patient(weight_kg=70, height_cm=170)).result is PASS  # BMI 24.2


def test_a_waiver_the_file_records_admits_and_its_recorded_absence_fails() -> None:
    rule = _derived(DIALYSIS, INC)
    assert [(w.concept, w.waived) for w in rule.waivers] == [("dialysis", True)]
    low = entered(("Creatinine clearance", 12, "mL/min"))
    on_dialysis = result(INC, DIALYSIS, patient(labs=low, findings={"dialysis": True}))
    assert on_dialysis.result is PASS
    assert "waived" in on_dialysis.reason
    assert result(INC, DIALYSIS, patient(labs=low, findings={"dialysis": False})).result is FAIL
    unrecorded = result(INC, DIALYSIS, patient(labs=low))
    assert unrecorded.result is UNKNOWN
    assert unrecorded.reason.endswith("the limit is waived with dialysis, not recorded")


def test_a_limit_that_changes_with_a_condition_is_still_not_read_for_a_derived_value() -> None:
    rule = parse_criterion(
        "Creatinine clearance ≥ 60 mL/min (≥ 45 mL/min for patients with liver metastases)", INC
    )
    assert rule.kind == "review"
    assert rule.why == "conditions on creatinine clearance are not read"
