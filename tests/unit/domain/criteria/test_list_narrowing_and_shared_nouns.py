"""Words a finding shares with its neighbours in a list: the narrowing word that opens an "or" list after a
defined condition, the noun of "hepatic or renal dysfunction", and an exception that names the finding
itself."""

from __future__ import annotations

from one_criterion import exclusion, limit_of, outcome, patient

from trialmatch.domain.criteria import AllOf, AnyOf, FindingRule
from trialmatch.domain.evaluation import Outcome

FAIL, PASS, UNKNOWN = Outcome.FAIL, Outcome.PASS, Outcome.UNKNOWN

UNCORRECTABLE = "Uncorrectable thrombocytopenia (Platelets under 50,000) or anemia"


def _finding(rule: object) -> tuple[str, bool, list[str]]:
    assert isinstance(rule, FindingRule), rule
    return rule.concept, rule.present, [e.text for e in rule.exceptions]


def test_the_opening_word_reaches_the_bare_finding_after_the_defined_condition():
    rule = exclusion(UNCORRECTABLE)
    assert isinstance(rule, AnyOf), rule
    platelets, anaemia = rule.children
    assert limit_of(platelets) == ("platelets", "<", 50000.0, "/µL")
    assert _finding(anaemia) == ("anemia", True, ["Uncorrectable"])


def test_anaemia_goes_to_the_clinician_and_a_patient_without_it_in_range_passes():
    platelets = [{"test": "Platelets", "value": 180000, "unit": "/µL"}]
    assert outcome("exclusion", UNCORRECTABLE, patient(findings={"anemia": True}, labs=platelets)) is UNKNOWN
    assert outcome("exclusion", UNCORRECTABLE, patient(findings={"anemia": False}, labs=platelets)) is PASS
    assert outcome("exclusion", UNCORRECTABLE, patient(labs=platelets)) is UNKNOWN


def test_the_word_does_not_reach_past_a_semicolon_and_nor_an_item_with_its_own_verb():
    rule = exclusion("severe anemia (Hgb<8 g/dl) or hypovolemia; and HIV or AIDS related illness.")
    assert isinstance(rule, AnyOf)
    assert [_finding(c) for c in rule.children[1:]] == [
        ("hypovolemia", True, ["severe"]),
        ("hiv", True, []),
        ("aids", True, []),
    ]
    renal = exclusion(
        "Significant or chronic renal insufficiency (defined as serum creatinine > 2.5 mg/dL or an estimated "
        "glomerular filtration rate [eGFR] < 30 mL/min at screening) or requires dialytic support"
    )
    assert isinstance(renal, AnyOf)
    assert _finding(renal.children[-1]) == ("dialysis", True, [])


def test_refractory_anaemia_with_its_haemoglobin_needs_both_and_keeps_refractory_for_the_clinician():
    text = "Refractory anemia (i.e. Hb < 8 g/dL)"
    rule = exclusion(text)
    assert isinstance(rule, AllOf), rule
    anaemia, haemoglobin = rule.children
    assert _finding(anaemia) == ("anemia", True, ["Refractory"])
    assert limit_of(haemoglobin) == ("hemoglobin", "<", 8.0, "g/dL")
    low = [{"test": "Hemoglobin", "value": 7.1, "unit": "g/dL"}]
    normal = [{"test": "Hemoglobin", "value": 11.0, "unit": "g/dL"}]
    assert outcome("exclusion", text, patient(findings={"anemia": True}, labs=low)) is UNKNOWN
    assert outcome("exclusion", text, patient(findings={"anemia": True}, labs=normal)) is PASS
    assert outcome("exclusion", text, patient(findings={"anemia": False}, labs=low)) is PASS
    assert outcome("exclusion", text, patient()) is UNKNOWN


def test_hepatic_or_renal_dysfunction_names_both_organs():
    for text in ("Severe hepatic or renal dysfunction", "Severe liver or renal impairment"):
        rule = exclusion(text)
        assert isinstance(rule, AnyOf), rule
        assert [_finding(c) for c in rule.children] == [
            ("hepatic_impairment", True, ["Severe"]),
            ("chronic_kidney_disease", True, ["Severe"]),
        ]
    text = "Severe hepatic or renal dysfunction"
    liver = patient(findings={"hepatic impairment": True, "renal impairment": False})
    assert outcome("exclusion", text, liver) is UNKNOWN  # severe? the clinician says; it was ignored before
    assert (
        outcome("exclusion", text, patient(findings={"hepatic impairment": False, "renal impairment": False}))
        is PASS
    )


def test_an_exception_naming_the_finding_itself_keeps_the_finding():
    text = (
        "Patients with serum calcium >12 mg/dl or symptomatic hypercalcemia. Documented active treatment for "
        "hypercalcemia is allowed."
    )
    rule = exclusion(text)
    assert isinstance(rule, AnyOf), rule
    calcium, hypercalcaemia = rule.children
    assert limit_of(calcium) == ("calcium", ">", 12.0, "mg/dL")
    assert isinstance(hypercalcaemia, FindingRule)
    assert hypercalcaemia.concept == "hypercalcemia"  # not its parent, electrolyte abnormality
    normal = [{"test": "Calcium", "value": 9.4, "unit": "mg/dL"}]
    hypokalaemic = patient(findings={"hypokalaemia": True, "hypercalcaemia": False}, labs=normal)
    assert outcome("exclusion", text, hypokalaemic) is PASS
