"""Coagulation tests sharing one limit and CNS disease beyond metastases (theme: a glioblastoma patient, a
lung cancer patient whose INR is reported but not the PT): "INR or PT" names one test reported two ways, and
"known CNS disease" excludes a primary brain tumour as well as brain metastases."""

from __future__ import annotations

from one_criterion import outcome, patient

from trialmatch.domain.criteria import NeedsReview, parse_criterion
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.facts import PatientFacts
from trialmatch.domain.trial import Section

INC, EXC = Section.INCLUSION, Section.EXCLUSION

COAGULATION = (
    "International normalized ratio (INR) or prothrombin time (PT) and activated partial thromboplastin "
    "time (aPTT) ≤ 1.5 × ULN. Subjects on anticoagulant therapy should be discussed with the Medical Monitor."
)
"""NCT03983954, "Adequate hematologic and organ function"."""


def clotting(inr: float, aptt: float) -> PatientFacts:
    """INR and aPTT measured; the prothrombin time in seconds not reported (the INR is its report)."""
    labs = [{"test": "INR", "value": inr}, {"test": "aPTT", "value": aptt, "unit": "s"}]
    return patient(labs=labs)


def test_inr_or_pt_is_one_test_so_a_normal_inr_and_aptt_pass():
    assert outcome(INC, COAGULATION, clotting(inr=1.0, aptt=30)) is Outcome.PASS


def test_a_high_aptt_still_fails_since_it_is_asked_as_well():
    assert outcome(INC, "INR or PT and aPTT ≤ 1.5 x ULN", clotting(inr=1.0, aptt=70)) is Outcome.FAIL
    # The trial's note on anticoagulated subjects is not checked: not a fail while it may apply.
    assert outcome(INC, COAGULATION, clotting(inr=1.0, aptt=70)) is Outcome.UNKNOWN


def test_a_high_inr_with_no_pt_reported_is_not_a_fail():
    assert outcome(INC, COAGULATION, clotting(inr=2.5, aptt=30)) is not Outcome.PASS
    assert outcome(INC, COAGULATION, clotting(inr=2.5, aptt=30)) is not Outcome.FAIL


def test_or_and_mixed_between_other_analytes_is_left_for_review():
    rule = parse_criterion("AST or ALT and bilirubin ≤ 1.5 x ULN", INC, None)
    assert isinstance(rule, NeedsReview)
    assert "which binds first" in rule.why


def glioblastoma() -> PatientFacts:
    findings = {"primary brain tumour": True, "cns metastases": False}
    return patient(age=58, diagnosis="glioblastoma", findings=findings)


def lung_cancer_with_brain_metastases() -> PatientFacts:
    return patient(diagnosis="non-small cell lung cancer", findings={"brain metastases": True})


def no_cns_disease() -> PatientFacts:
    return patient(diagnosis="breast cancer", findings={"cns disease": False})


def test_known_cns_disease_excludes_a_primary_brain_tumour_and_brain_metastases():
    """NCT00461773: "Known CNS disease"."""
    assert outcome(EXC, "Known CNS disease", glioblastoma()) is Outcome.FAIL
    assert outcome(EXC, "Known CNS disease", lung_cancer_with_brain_metastases()) is Outcome.FAIL
    assert outcome(EXC, "Known CNS disease", no_cns_disease()) is Outcome.PASS


def test_cns_involvement_is_any_cns_disease():
    """NCT05698303: "Suspected or confirmed central nervous system involvement"."""
    text = "Suspected or confirmed central nervous system involvement."
    assert outcome(EXC, text, glioblastoma()) is Outcome.FAIL


def test_cns_metastases_alone_do_not_exclude_a_primary_brain_tumour():
    """A metastasis exclusion is about metastases; the glioblastoma patient has none."""
    assert outcome(EXC, "Known CNS metastases", glioblastoma()) is Outcome.PASS
    assert outcome(INC, "No brain metastases or primary brain tumors", glioblastoma()) is Outcome.FAIL


def test_active_cns_disease_is_not_failed_on_a_tumour_that_may_be_past():
    """A primary brain tumour on file may be one treated years ago: "active" is then not known."""
    assert outcome(INC, "No active CNS disease", glioblastoma()) is Outcome.UNKNOWN
