import pytest

from trialmatch.domain.analytes import all_analytes, get_analyte, resolve_analyte
from trialmatch.domain.units import canonical_unit

CONTRACT_IDS = [
    "anc",
    "wbc",
    "platelets",
    "hemoglobin",
    "lymphocytes",
    "creatinine",
    "crcl",
    "egfr",
    "bilirubin",
    "ast",
    "alt",
    "alp",
    "inr",
    "ptt",
    "albumin",
    "cd4",
    "qtcf",
    "lvef",
    "bmi",
    "sodium",
    "potassium",
    "calcium",
    "magnesium",
    "glucose",
    "hba1c",
    "ldh",
    "psa",
    "testosterone",
    "sofa",
    "news2",
    "charlson",
    "spo2",
]


def test_every_analyte_the_contract_names_exists():
    ids = {a.id for a in all_analytes()}
    assert set(CONTRACT_IDS) <= ids


@pytest.mark.parametrize(
    ("text", "analyte_id"),
    [
        ("ANC", "anc"),
        ("neutrophils", "anc"),
        ("Absolute neutrophil count", "anc"),
        ("751-8", "anc"),
        ("Hb", "hemoglobin"),
        ("Haemoglobin", "hemoglobin"),
        ("HGB", "hemoglobin"),
        ("PLT", "platelets"),
        ("Platelet count", "platelets"),
        ("WBC", "wbc"),
        ("leucocytes", "wbc"),
        ("Cr", "creatinine"),
        ("Serum creatinine", "creatinine"),
        ("S-creatinine", "creatinine"),
        ("creatinine clearance", "crcl"),
        ("eGFR", "egfr"),
        ("T. bili", "bilirubin"),
        ("Total bilirubin", "bilirubin"),
        ("SGOT", "ast"),
        ("ASAT", "ast"),
        ("SGPT", "alt"),
        ("Alk Phos", "alp"),
        ("aPTT", "ptt"),
        ("INR", "inr"),
        ("CD4+ T-cell count", "cd4"),
        ("QTcF", "qtcf"),
        ("LVEF", "lvef"),
        ("HbA1c", "hba1c"),
        ("hemoglobin A1c", "hba1c"),
        ("  ast: ", "ast"),
        ("1920-8", "ast"),
        ("98979-8", "egfr"),
        ("CA 19-9", "ca19_9"),  # the pancreatic and biliary marker a clinician types in the lab grid
        ("CA19-9", "ca19_9"),
        ("24108-3", "ca19_9"),
    ],
)
def test_names_abbreviations_and_loinc_codes_resolve(text, analyte_id):
    analyte = resolve_analyte(text)
    assert analyte is not None
    assert analyte.id == analyte_id


@pytest.mark.parametrize("text", ["XYZ", "", "hemoglobin electrophoresis", "751-9"])
def test_unknown_names_resolve_to_none(text):
    assert resolve_analyte(text) is None


def test_loinc_codes_are_the_published_ones():
    loinc = {a.id: a.loinc for a in all_analytes()}
    assert loinc["anc"] == "751-8"
    assert loinc["wbc"] == "6690-2"
    assert loinc["platelets"] == "777-3"
    assert loinc["hemoglobin"] == "718-7"
    assert loinc["creatinine"] == "2160-0"
    assert loinc["crcl"] == "35591-7"
    assert loinc["egfr"] == "98979-8"
    assert loinc["bilirubin"] == "1975-2"
    assert loinc["ast"] == "1920-8"
    assert loinc["alt"] == "1742-6"
    assert loinc["alp"] == "6768-6"
    assert loinc["inr"] == "6301-6"
    assert loinc["albumin"] == "1751-7"
    assert loinc["lymphocytes"] == "731-0"
    assert loinc["cd4"] == "24467-3"
    assert loinc["qtcf"] == "76634-5"
    assert loinc["lvef"] == "10230-1"


def test_canonical_units_and_typical_limits_of_the_common_tests():
    anc = get_analyte("anc")
    assert (anc.unit, anc.default_lln, anc.plausible) == ("10^9/L", 1.5, (0.0, 100.0))
    ast = get_analyte("ast")
    assert (ast.unit, ast.default_uln) == ("U/L", 40.0)
    assert get_analyte("bilirubin").default_uln == 1.2
    assert get_analyte("platelets").plausible == (0.0, 2000.0)
    assert get_analyte("inr").unit == "1"
    assert get_analyte("egfr").unit == "mL/min/1.73m2"


def test_every_default_limit_names_its_source_and_lies_within_what_is_possible():
    for analyte in all_analytes():
        low, high = analyte.plausible
        assert low < high, analyte.id
        assert analyte.range_source, analyte.id
        for limit in (analyte.default_lln, analyte.default_uln):
            assert limit is None or low <= limit <= high, analyte.id


def test_every_unit_in_the_table_is_a_canonical_spelling_and_the_canonical_unit_comes_first():
    for analyte in all_analytes():
        assert analyte.units[0] == analyte.unit, analyte.id
        for unit in analyte.units:
            assert canonical_unit(unit) == unit, (analyte.id, unit)


def test_unknown_id_raises_key_error():
    with pytest.raises(KeyError):
        get_analyte("not_an_analyte")


def test_labels_read_inside_a_sentence():
    assert get_analyte("platelets").label == "platelets"
    assert get_analyte("hemoglobin").label == "haemoglobin"
    assert get_analyte("cd4").label == "CD4 count"
    assert get_analyte("qtcf").label == "QTc interval (Fridericia)"
