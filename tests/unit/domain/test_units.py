import pytest

from trialmatch.domain.analytes import all_analytes, get_analyte
from trialmatch.domain.units import UnitError, canonical_unit, convert, format_quantity, units_for


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("10^9/L", "10^9/L"),
        ("x10^9/L", "10^9/L"),
        ("x 10^9/L", "10^9/L"),
        ("×10⁹/L", "10^9/L"),
        ("10*9/L", "10^9/L"),
        ("10^9/l", "10^9/L"),
        ("10E9/L", "10^9/L"),
        ("K/uL", "10^9/L"),
        ("K/µL", "10^9/L"),
        ("10^3/µL", "10^9/L"),
        ("G/L", "10^9/L"),
        ("/uL", "/µL"),
        ("/µl", "/µL"),
        ("/μL", "/µL"),
        ("/mm3", "/µL"),
        ("/mm³", "/µL"),
        ("cells/mm3", "/µL"),
        ("cells/µL", "/µL"),
        ("/mcL", "/µL"),
        ("10^6/L", "/µL"),
        ("g/dl", "g/dL"),
        ("g/L", "g/L"),
        ("mg/dl", "mg/dL"),
        ("µmol/L", "µmol/L"),
        ("umol/l", "µmol/L"),
        ("μmol/L", "µmol/L"),
        ("IU/L", "U/L"),
        ("UI/L", "U/L"),
        ("ml/min", "mL/min"),
        ("mL/min/1.73 m²", "mL/min/1.73m2"),
        ("ml/min/1,73m2", "mL/min/1.73m2"),
        ("msec", "ms"),
        ("mEq/L", "mEq/L"),
        ("ng/ml", "ng/mL"),
        ("µg/L", "ng/mL"),
    ],
)
def test_clinician_spellings_map_to_one_canonical_spelling(text, canonical):
    assert canonical_unit(text) == canonical


@pytest.mark.parametrize("text", ["mg", "furlongs", "", "g"])
def test_unknown_units_are_none(text):
    assert canonical_unit(text) is None


def test_haemoglobin_conversions_are_exact_to_the_laboratory_factors():
    hb = get_analyte("hemoglobin")
    assert convert(1, "g/dL", "g/L", hb) == 10
    assert convert(1, "g/dL", "mmol/L", hb) == 0.6206
    assert convert(9.8, "g/dl", "mmol/L", hb) == 6.08188
    assert convert(98, "g/L", "g/dL", hb) == 9.8


def test_creatinine_and_bilirubin_conversions_are_exact_to_the_laboratory_factors():
    creatinine, bilirubin = get_analyte("creatinine"), get_analyte("bilirubin")
    assert convert(1, "mg/dL", "µmol/L", creatinine) == 88.4
    assert convert(1.1, "mg/dL", "µmol/L", creatinine) == 97.24
    assert convert(88.4, "umol/l", "mg/dL", creatinine) == 1
    assert convert(97, "µmol/L", "mg/dL", creatinine) == pytest.approx(1.0973, abs=5e-5)
    assert convert(1, "mg/dL", "µmol/L", bilirubin) == 17.1
    assert convert(34.2, "µmol/L", "mg/dL", bilirubin) == 2


def test_cell_counts_per_microlitre_and_per_litre():
    assert convert(1500, "/mm3", "10^9/L") == 1.5
    assert convert(1500, "/µL", "x10^9/L") == 1.5
    assert convert(2800, "cells/mm3", "10^9/L") == 2.8
    assert convert(100000, "cells/mm3", "10^9/L") == 100
    assert convert(85, "K/uL", "10^9/L") == 85
    assert convert(1, "10^6/L", "/µL") == 1
    assert convert(200, "/µL", "10^9/L", get_analyte("cd4")) == 0.2


def test_albumin_to_creatinine_ratio_per_gram_and_per_milligram():
    uacr = get_analyte("uacr")
    assert convert(0.030, "mg/mg", "mg/g", uacr) == 30
    assert convert(5000, "mg/g", "mg/mg", uacr) == 5
    assert canonical_unit("mg/gram") == "mg/g"
    assert units_for(uacr) == ("mg/g", "mg/mg", "mg/mmol")


def test_heart_rate_spellings_are_per_minute():
    assert canonical_unit("bpm") == canonical_unit("beats/min") == canonical_unit("/min") == "/min"
    assert units_for(get_analyte("heart_rate")) == ("/min",)


def test_enzyme_activity_and_electrolyte_equivalents():
    assert convert(1, "µkat/L", "U/L") == 60
    assert convert(140, "mEq/L", "mmol/L", get_analyte("sodium")) == 140
    assert convert(2, "mEq/L", "mmol/L", get_analyte("magnesium")) == 1
    assert convert(1, "mmol/L", "mg/dL", get_analyte("calcium")) == 4.0078


def test_impossible_conversions_name_both_units_and_the_analyte():
    with pytest.raises(UnitError, match=r"cannot convert mg/dL to mmol/L: needs the molar mass"):
        convert(1, "mg/dL", "mmol/L")
    with pytest.raises(UnitError, match=r"cannot convert 10\^9/L to g/dL for platelets"):
        convert(150, "10^9/L", "g/dL", get_analyte("platelets"))
    with pytest.raises(UnitError, match=r"cannot convert mL/min to mL/min/1.73m2 for creatinine clearance"):
        convert(60, "mL/min", "mL/min/1.73m2", get_analyte("crcl"))
    with pytest.raises(UnitError, match=r"unknown unit 'mg'"):
        convert(9.8, "mg", "g/dL", get_analyte("hemoglobin"))


def test_a_percentage_is_not_a_mass_even_when_a_molar_mass_is_known():
    """ "Testosterone < 25%" read against ng/dL: pint's chemistry context divided by zero here."""
    with pytest.raises(UnitError, match=r"cannot convert % to ng/dL for testosterone: different kinds"):
        convert(25, "%", "ng/dL", get_analyte("testosterone"))
    with pytest.raises(UnitError, match=r"cannot convert % to mmol/L for glucose: different kinds"):
        convert(7, "%", "mmol/L", get_analyte("glucose"))
    assert convert(1.7, "nmol/L", "ng/dL", get_analyte("testosterone")) == 49.0314


def test_every_unit_offered_for_an_analyte_converts_to_its_canonical_unit():
    for analyte in all_analytes():
        for unit in units_for(analyte):
            assert convert(1.0, unit, analyte.unit, analyte) > 0, (analyte.id, unit)


def test_units_offered_in_the_picker():
    assert units_for(get_analyte("hemoglobin")) == ("g/dL", "g/L", "mmol/L")
    assert units_for(get_analyte("platelets")) == ("10^9/L", "/µL")
    assert units_for(get_analyte("inr")) == ("1",)


@pytest.mark.parametrize(
    ("value", "unit", "shown"),
    [
        (1.2, "10^9/L", "1.2 × 10⁹/L"),
        (85, "K/uL", "85 × 10⁹/L"),
        (1500, "/mm3", "1500/µL"),
        (9.8, "g/dl", "9.8 g/dL"),
        (88, "U/L", "88 U/L"),
        (55, "%", "55%"),
        (1.3, "1", "1.3"),
        (0.1 + 0.2, "mg/dL", "0.3 mg/dL"),
        (1.1, "mg/dL", "1.1 mg/dL"),
        (60, "mL/min/1.73m2", "60 mL/min/1.73 m²"),
    ],
)
def test_display_form(value, unit, shown):
    assert format_quantity(value, unit) == shown
