"""Blood counts with a word on how they may be reached ("unsupported platelet count", "Hb > 10 g/dl
(corrected)"), a count printed with a bare volume ("ANC ≥ 1000ml"), the share of CD20+ B lymphocytes, and
haematological disorders named in comorbidity lists ("hematologic or coagulation disorders")."""

from __future__ import annotations

from one_criterion import entered, exclusion, inclusion, limits_with_multiples, outcome, patient, result

from trialmatch.domain.criteria import FindingRule, LabThreshold
from trialmatch.domain.criteria.logic import leaves
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

INC, EXC = Section.INCLUSION, Section.EXCLUSION
PASS, FAIL, UNKNOWN = Outcome.PASS, Outcome.FAIL, Outcome.UNKNOWN

UNSUPPORTED = "CBC: ANC ≥ 1000ml and unsupported platelet count of ≥ 50,000/ml"


def test_unsupported_qualifies_the_count_it_precedes_and_a_bare_ml_is_a_misprinted_count_unit() -> None:
    rule = inclusion(UNSUPPORTED)
    assert limits_with_multiples(rule) == [
        ("anc", "≥", 1000.0, "/µL", None),
        ("platelets", "≥", 50000.0, "/µL", None),
    ]
    anc, platelets = [leaf for leaf in leaves(rule) if isinstance(leaf, LabThreshold)]
    assert anc.qualifier is None
    assert anc.unit_inferred
    assert platelets.qualifier == "unsupported (without transfusion support)"
    met = result(INC, UNSUPPORTED, patient(labs=entered(("anc", 1.2, "10^9/L"), ("platelets", 80, "10^9/L"))))
    assert met.result is UNKNOWN  # whether 80 × 10⁹/L was reached without transfusion is not recorded
    assert "without transfusion support" in met.reason
    low = patient(labs=entered(("anc", 1.2, "10^9/L"), ("platelets", 40, "10^9/L")))
    assert outcome(INC, UNSUPPORTED, low) is FAIL  # below the bound whatever the support
    assert outcome(INC, UNSUPPORTED, patient(labs=entered(("anc", 1.2, "10^9/L")))) is UNKNOWN


def test_a_count_printed_with_a_bare_ml_reads_its_value_as_a_count() -> None:
    text = "ANC ≥ 1.5ml"
    assert limits_with_multiples(inclusion(text)) == [("anc", "≥", 1.5, "10^9/L", None)]
    assert outcome(INC, text, patient(labs=entered(("anc", 2.0, "10^9/L")))) is PASS
    assert outcome(INC, text, patient(labs=entered(("anc", 0.9, "10^9/L")))) is FAIL


def test_haemoglobin_corrected_may_be_reached_with_transfusion() -> None:
    text = "Hb: > 10g/dl (corrected)"
    assert limits_with_multiples(inclusion(text)) == [("hemoglobin", ">", 10.0, "g/dL", None)]
    assert outcome(INC, text, patient(labs=entered(("hemoglobin", 11.2, "g/dL")))) is PASS
    below = result(INC, text, patient(labs=entered(("hemoglobin", 8.9, "g/dL"))))
    assert below.result is UNKNOWN  # a transfusion may correct it: the clinician judges
    assert "corrected (may be reached with transfusion)" in below.reason
    assert outcome(INC, text, patient()) is UNKNOWN


def test_corrected_after_a_test_support_cannot_raise_stays_unread() -> None:
    """A corrected calcium is corrected for albumin, not by transfusion."""
    assert exclusion("Calcium ≤ 11 mg/dL (corrected)").kind == "review"


def test_cd20_b_lymphocytes_as_a_share_with_a_decimal_comma() -> None:
    text = "CD20 B lymphocytes count <2,5%"
    assert limits_with_multiples(exclusion(text)) == [("cd20_b_cells", "<", 2.5, "%", None)]
    assert outcome(EXC, text, patient(labs=entered(("cd20_b_cells", 1.0, "%")))) is FAIL
    assert outcome(EXC, text, patient(labs=entered(("cd20_b_cells", 8.0, "%")))) is PASS
    assert outcome(EXC, text, patient()) is UNKNOWN


HAEMATOLOGIC_LIST = (
    "abnormalities in hematologic test: coagulation disorders or ongoing anticoagulation therapy; moderate to"
    " severe anemia; platelet count < 80 × 10^9/L"
)


def test_a_list_of_blood_abnormalities_under_its_label() -> None:
    rule = exclusion(HAEMATOLOGIC_LIST)
    assert rule.kind == "any_of"
    assert [leaf.concept for leaf in leaves(rule) if isinstance(leaf, FindingRule)] == [
        "coagulation_disorder",
        "anticoagulation",
        "anemia",
    ]
    assert limits_with_multiples(rule) == [("platelets", "<", 80.0, "10^9/L", None)]
    clear = {"coagulation disorder": False, "anticoagulation": False, "anemia": False}
    fine = patient(findings=clear, labs=entered(("platelets", 150, "10^9/L")))
    assert outcome(EXC, HAEMATOLOGIC_LIST, fine) is PASS
    low = patient(findings=clear, labs=entered(("platelets", 60, "10^9/L")))
    assert outcome(EXC, HAEMATOLOGIC_LIST, low) is FAIL
    assert outcome(EXC, HAEMATOLOGIC_LIST, patient(labs=entered(("platelets", 150, "10^9/L")))) is UNKNOWN


def test_hematologic_shares_the_noun_of_the_condition_after_it() -> None:
    """Read alone "hematologic" is a filler word: "hematologic or coagulation disorders" once dropped it."""
    rule = exclusion("Hematologic or coagulation disorders")
    assert rule.kind == "any_of"
    assert [leaf.concept for leaf in leaves(rule) if isinstance(leaf, FindingRule)] == [
        "hematologic_disorder",
        "coagulation_disorder",
    ]
    text = "Known haematopoietic disorder"
    assert outcome(EXC, text, patient(findings={"haemophilia": True})) is FAIL  # a bleeding disorder is one
    assert outcome(EXC, text, patient(findings={"haematological disorder": False})) is PASS
    assert outcome(EXC, text, patient()) is UNKNOWN


def test_an_active_bleeding_diathesis_is_a_bleeding_disorder_not_active_bleeding() -> None:
    (finding,) = leaves(exclusion("active bleeding diathesis"))
    assert isinstance(finding, FindingRule)
    assert finding.concept == "bleeding_disorder"
    assert finding.qualifier == "active"
