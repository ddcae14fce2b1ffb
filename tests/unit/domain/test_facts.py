import datetime as dt
from pathlib import Path

import pytest

from trialmatch.domain.facts import PatientFacts, Reading
from trialmatch.domain.patient import LabEntry, Patient, load_patient

PATIENTS = Path(__file__).parents[2] / "data" / "patients"


def facts_of(name, as_of):
    return PatientFacts(load_patient((PATIENTS / f"{name}.json").read_text(encoding="utf-8")), as_of)


@pytest.fixture
def melanoma():
    return facts_of("example_melanoma", dt.date(2026, 11, 20))


@pytest.fixture
def nsclc():
    return facts_of("nsclc_si_units_karnofsky", dt.date(2026, 10, 2))


def test_entered_values_are_kept_as_entered(melanoma):
    assert melanoma.age == 62
    assert (melanoma.age_derived, melanoma.age_derived_from) == (False, None)
    assert (melanoma.sex, melanoma.diagnosis, melanoma.stage) == ("female", "metastatic melanoma", "IV")
    assert (melanoma.ecog, melanoma.ecog_derived) == (1, False)
    assert melanoma.treatments[0].name == "pembrolizumab"


def test_karnofsky_derived_from_ecog_is_a_range(melanoma):
    assert melanoma.karnofsky_range == (70, 80)
    assert (melanoma.karnofsky, melanoma.karnofsky_derived) == (75, True)


def test_ecog_derived_from_karnofsky(nsclc):
    assert (nsclc.ecog, nsclc.ecog_derived) == (1, True)
    assert (nsclc.karnofsky, nsclc.karnofsky_derived, nsclc.karnofsky_range) == (80, False, (80, 80))


def test_the_lab_uln_is_used_and_a_missing_one_is_assumed_from_the_default(melanoma):
    assert melanoma.lab("ast") == Reading(
        analyte_id="ast",
        value=88,
        display="88 U/L",
        uln=40,
        lln=10,
        uln_assumed=False,
        lln_assumed=True,
        derived_from=None,
        date=dt.date(2026, 11, 20),  # undated: the file's date
    )
    assert melanoma.lab("anc") == Reading(
        analyte_id="anc",
        value=2.1,
        display="2.1 × 10⁹/L",
        uln=8.0,
        lln=1.5,
        uln_assumed=True,
        lln_assumed=True,
        derived_from=None,
        date=dt.date(2026, 11, 20),  # undated: the file's date
    )


def test_unknown_labs_stay_unknown(melanoma):
    assert melanoma.lab("platelets") is None
    assert melanoma.lab("crcl") is None  # no creatinine: Cockcroft-Gault cannot be computed
    assert melanoma.lab("egfr") is None
    assert melanoma.lab("not_an_analyte") is None


def test_bmi_is_derived_and_says_from_what(melanoma):
    reading = melanoma.lab("bmi")
    assert reading is not None
    assert reading.value == pytest.approx(24.98, abs=0.005)
    assert reading.display == "BMI 25 kg/m²"
    assert reading.derived_from == "BMI from 68 kg, 165 cm"


def test_findings_resolve_and_propagate_up_the_hierarchy(melanoma):
    assert melanoma.finding("liver_metastases") is True
    assert melanoma.finding("metastatic_disease") is True
    assert melanoma.finding("hiv") is False
    assert melanoma.finding("hbv") is None
    assert melanoma.unknown_terms == ()


def test_si_units_are_read_in_canonical_units(nsclc):
    assert nsclc.lab("platelets").value == 212  # G/L
    assert nsclc.lab("platelets").display == "212 × 10⁹/L"
    assert nsclc.lab("hemoglobin").value == 12.8  # 128 g/L
    assert nsclc.lab("hemoglobin").display == "128 g/L"
    bilirubin = nsclc.lab("bilirubin")
    assert (bilirubin.value, bilirubin.uln, bilirubin.uln_assumed) == (
        pytest.approx(12 / 17.1),
        pytest.approx(21 / 17.1),
        False,
    )
    alt = nsclc.lab("alt")
    assert (alt.value, alt.uln, alt.lln, alt.lln_assumed) == (31, 45, 5, False)


def test_age_from_birth_date_and_renal_function_from_the_latest_creatinine(nsclc):
    assert nsclc.age == pytest.approx(68 + 202 / 365)
    assert (nsclc.age_derived, nsclc.age_derived_from) == (True, "birth date 1958-03-14")
    assert nsclc.lab("creatinine").display == "97 µmol/L"  # 30 Sept, not the June value
    crcl = nsclc.lab("crcl")
    # (140 - 68.553) × 81.5 / (72 × 97/88.4) = 73.7 mL/min
    assert crcl.value == pytest.approx(73.7, abs=0.05)
    assert crcl.display == "Cockcroft-Gault 73.7 mL/min"
    assert crcl.derived_from == "Cockcroft-Gault from creatinine 97 µmol/L, 81.5 kg, 68 y, male"
    egfr = nsclc.lab("egfr")
    # 142 × (1.0973/0.9)^-1.200 × 0.9938^68.553 = 73.1 mL/min/1.73 m²
    assert egfr.value == pytest.approx(73.1, abs=0.05)
    assert egfr.derived_from == "CKD-EPI 2021 from creatinine 97 µmol/L, 68 y, male"


def test_cockcroft_gault_for_the_woman_of_the_example_with_a_creatinine():
    patient = load_patient(
        (PATIENTS / "example_melanoma.json")
        .read_text(encoding="utf-8")
        .replace('"labs": [', '"labs": [{"test": "creatinine", "value": 1.1, "unit": "mg/dL"}, ')
    )
    crcl = PatientFacts(patient, dt.date(2026, 11, 20)).lab("crcl")
    assert crcl.value == pytest.approx(56.9, abs=0.05)
    assert crcl.derived_from == "Cockcroft-Gault from creatinine 1.1 mg/dL, 68 kg, 62 y, female"


def test_an_earlier_evaluation_date_ignores_later_results():
    earlier = facts_of("nsclc_si_units_karnofsky", dt.date(2026, 7, 1))
    assert earlier.lab("creatinine").display == "88 µmol/L"  # the June value; September is in the future
    assert earlier.lab("anc") is None  # dated 30 Sept
    assert earlier.lab("crcl").value == pytest.approx(81.5, abs=0.05)


def test_an_entered_age_moves_on_with_the_evaluation_date():
    later = facts_of("example_melanoma", dt.date(2027, 11, 20))
    assert (later.age, later.age_derived, later.age_derived_from) == (63, True, "age 62 on 2026-11-20")


def test_the_findings_of_children_fill_their_parents(nsclc):
    assert nsclc.finding("egfr_mutation") is True  # "EGFR exon 19 deletion"
    assert nsclc.finding("stable_brain_metastases") is True
    assert nsclc.finding("brain_metastases") is True
    assert nsclc.finding("cns_metastases") is True
    assert nsclc.finding("leptomeningeal_disease") is False
    assert nsclc.finding("diabetes") is True  # from type 2 diabetes
    assert nsclc.finding("viral_hepatitis") is None  # B and C absent does not rule out others


def test_a_parent_known_absent_makes_its_children_absent():
    facts = PatientFacts(
        Patient(format="trialmatch-patient/1", findings={"CNS metastases": False, "diabetis": True}),
        dt.date(2026, 1, 1),
    )
    assert facts.finding("brain_metastases") is False
    assert facts.finding("leptomeningeal_disease") is False
    assert facts.finding("metastatic_disease") is None
    assert facts.unknown_terms == ("diabetis",)


def test_peritoneal_metastases_say_nothing_of_distant_ones_but_organ_metastases_do():
    def facts(findings):
        return PatientFacts(Patient(format="trialmatch-patient/1", findings=findings), dt.date(2026, 1, 1))

    ovarian = facts({"peritoneal metastases": True, "liver metastases": False})
    assert ovarian.finding("metastatic_disease") is True
    assert ovarian.finding("distant_metastases") is None
    assert facts({"bone metastases": True}).finding("distant_metastases") is True
    assert facts({"metastatic disease": False}).finding("distant_metastases") is False
    assert facts({"distant metastases": True}).finding("metastatic_disease") is True


def test_us_units_and_tests_without_unit():
    facts = facts_of("prostate_us_units", dt.date(2026, 8, 18))
    assert facts.lab("anc").value == 2.8
    assert facts.lab("anc").display == "2800/µL"
    assert facts.lab("potassium").value == 4.2
    assert facts.lab("hba1c").display == "7.1%"
    assert facts.lab("crcl").value == pytest.approx(67.8, abs=0.05)
    assert facts.lab("egfr").value == pytest.approx(58.7, abs=0.05)


def test_an_entered_clearance_wins_over_the_formula_and_minors_get_no_adult_formula():
    entered = Patient(
        format="trialmatch-patient/1",
        age=50,
        sex="male",
        weight_kg=80,
        labs=[
            LabEntry(test="creatinine", value=1.0, unit="mg/dL"),
            LabEntry(test="measured creatinine clearance", value=64, unit="mL/min"),
        ],
    )
    reading = PatientFacts(entered, dt.date(2026, 1, 1)).lab("crcl")
    assert (reading.value, reading.derived_from) == (64, None)
    minor = entered.model_copy(update={"age": 16, "labs": entered.labs[:1]})
    assert PatientFacts(minor, dt.date(2026, 1, 1)).lab("crcl") is None


def test_a_lab_the_engine_cannot_read_is_reported_not_dropped():
    patient = Patient(
        format="trialmatch-patient/1", labs=[LabEntry.model_construct(test="Hb", value=9.8, unit="mg")]
    )
    facts = PatientFacts(patient, dt.date(2026, 1, 1))
    assert facts.lab("hemoglobin") is None
    assert facts.unusable_labs == ("Hb 9.8 mg",)


def test_the_assumed_creatinine_uln_follows_the_sex_when_known():
    """Creatinine ranges differ by sex (women 0.5-1.1, men 0.7-1.3 mg/dL): 1.3 mg/dL is normal in a man."""
    labs = [{"test": "creatinine", "value": 1.3, "unit": "mg/dL"}]
    limits = {}
    for sex in ("male", "female", None):
        raw = {"format": "trialmatch-patient/1", "as_of": "2026-11-20", "age": 71, "sex": sex, "labs": labs}
        reading = PatientFacts(load_patient(raw), dt.date(2026, 11, 20)).lab("creatinine")
        assert reading is not None
        assert reading.uln_assumed
        limits[sex] = reading.uln
    assert limits == {"male": 1.3, "female": 1.1, None: 1.2}
