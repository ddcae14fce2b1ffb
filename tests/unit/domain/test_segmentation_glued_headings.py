"""Lead-ins printed as items or run into them, on the real eligibility blocks: the alternatives after "with at
least one of the following high risk criteria:" are not each required, and the lab items after "Laboratory
test: (Abnormalities are allowed if due to organ involvement by lymphoma)." keep the values it allows."""

from __future__ import annotations

from datetime import date

from trialmatch.domain.compiled import compile_trial
from trialmatch.domain.evaluation import Outcome, evaluate
from trialmatch.domain.facts import PatientFacts
from trialmatch.domain.patient import load_patient
from trialmatch.domain.segmentation import split_criteria
from trialmatch.domain.trial import Trial

HIGH_RISK = """
        DISEASE CHARACTERISTICS: Acute myelogenous leukemia (AML), acute lymphocytic leukemia
        (ALL), lymphocytic leukemia (LL) or myelodysplastic syndromes (MDS) with at least one of
        the following high risk criteria: T-cell depleted stem cells or autologous stem cells
        Second complete response (CR) Previous CNS involvement No CR First CR achieved more than 5
        weeks after start of remission-induction therapy Poor prognostic cytogenetic features:
        t(9;22), t(8;14), t(11;14), 11q23 anomalies, -5/5q-anomalies, -7/7q-anomalies, +8, complex
        cytogenetics Postcytotoxic/secondary AML Chronic myelogenous leukemia (CML) with at least
        one of the following high risk criteria: T-cell depleted stem cells Not in first chronic
        phase Non-Hodgkin's lymphoma or multiple myeloma Autologous stem cells

        PATIENT CHARACTERISTICS: Age: 16 to 60 Performance status: WHO 0-2
"""
"""NCT00002989, as the registry prints it (flattened)."""

LAB_NOTE = """
        -  INCLUSION CRITERIA:

        Aggressive CD20 + NHL confirmed by Pathology, DCS.

        Age greater than or equal to 18 years.

        Laboratory test: (Abnormalities are allowed if due to organ involvement by lymphoma).

        Creatinine less than or equal to 1.7.

        ANC greater than or equal 1000/mm(3).

        EXCLUSION CRITERIA:

        Pregnancy or nursing.
"""
"""NCT00001563, shortened."""

AML = "Acute myelogenous leukemia (AML), acute lymphocytic leukemia (ALL), lymphocytic leukemia (LL) or"


def facts(**fields: object) -> PatientFacts:
    raw = {"format": "trialmatch-patient/1", "as_of": "2026-11-20", "age": 40, "sex": "male", **fields}
    return PatientFacts(load_patient(raw), date(2026, 11, 20))


def results(block: str, patient: PatientFacts) -> dict[str, Outcome]:
    trial = Trial(id="NCT00000001", registry="ctgov", title="t", criteria=split_criteria(block))
    return {r.text: r.result for r in evaluate(compile_trial(trial), patient).results}


def test_a_lead_in_run_into_an_item_heads_the_alternatives_after_it():
    criteria = {c.text: c.context for c in split_criteria(HIGH_RISK)}
    heading = (
        f"DISEASE CHARACTERISTICS: {AML} myelodysplastic syndromes (MDS) with at least one of the following"
    )
    assert criteria["T-cell depleted stem cells or autologous stem cells"] == f"{heading} high risk criteria"
    assert criteria["Previous CNS involvement"] == f"{heading} high risk criteria"
    assert "Acute myelogenous leukemia (AML), acute lymphocytic leukemia" not in " ".join(criteria)


def test_an_alternative_high_risk_criterion_does_not_fail_a_patient_without_it():
    """An AML patient in second CR, without CNS involvement: one high-risk criterion is enough."""
    patient = facts(diagnosis="acute myeloid leukemia", findings={"cns disease": False})
    assert results(HIGH_RISK, patient)["Previous CNS involvement"] is not Outcome.FAIL


def test_a_lab_note_printed_as_an_item_keeps_the_values_it_allows():
    texts = [c.text for c in split_criteria(LAB_NOTE)]
    note = "(Abnormalities are allowed if due to organ involvement by lymphoma)"
    assert f"Creatinine less than or equal to 1.7 {note}." in texts
    assert not any(t.startswith("Laboratory test") for t in texts)
    assert "Age greater than or equal to 18 years." in texts  # before the note: untouched
    high = facts(labs=[{"test": "creatinine", "value": 2.5, "unit": "mg/dL"}])
    assert results(LAB_NOTE, high)[f"Creatinine less than or equal to 1.7 {note}."] is Outcome.UNKNOWN
    normal = facts(labs=[{"test": "creatinine", "value": 0.9, "unit": "mg/dL"}])
    assert results(LAB_NOTE, normal)[f"Creatinine less than or equal to 1.7 {note}."] is Outcome.PASS
