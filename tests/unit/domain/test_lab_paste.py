import datetime as dt
from pathlib import Path

import pytest

from trialmatch.domain.lab_paste import parse_lab_panel
from trialmatch.domain.patient import LabEntry

PANELS = Path(__file__).parents[2] / "data" / "lab_panels"
NOV_18 = dt.date(2026, 11, 18)


def panel(name):
    return parse_lab_panel((PANELS / name).read_text(encoding="utf-8"))


def test_the_one_line_summary_of_the_issue():
    parsed = panel("one_line_summary.txt")
    assert parsed.entries == [
        LabEntry(test="ANC", value=1.2, unit="10^9/L"),
        LabEntry(test="PLT", value=85, unit="K/uL"),
        LabEntry(test="Hb", value=9.8, unit="g/dL"),
        LabEntry(test="Cr", value=1.1, unit="mg/dL"),
        LabEntry(test="AST", value=88, unit="U/L", uln=40),
    ]
    assert parsed.not_understood == []


def test_a_lab_system_export_with_flags_ranges_units_after_the_range_and_dates():
    parsed = panel("lab_system_export.tsv")
    assert parsed.entries == [
        LabEntry(test="WBC", value=3.2, unit="K/uL", uln=11.0, lln=4.0, date=NOV_18),
        LabEntry(test="Neutrophils Absolute", value=1.4, unit="K/uL", uln=8.0, lln=1.5, date=NOV_18),
        LabEntry(test="Hemoglobin", value=9.8, unit="g/dL", uln=16.0, lln=12.0, date=NOV_18),
        LabEntry(test="Platelets", value=85, unit="K/uL", uln=400, lln=150, date=NOV_18),
        LabEntry(test="Creatinine", value=1.1, unit="mg/dL", uln=1.0, lln=0.5, date=NOV_18),
        LabEntry(test="AST", value=88, unit="U/L", uln=40, lln=10, date=NOV_18),
        LabEntry(test="ALT", value=45, unit="U/L", uln=56, lln=7, date=NOV_18),
        LabEntry(test="Bilirubin, Total", value=0.9, unit="mg/dL", uln=1.2, lln=0.1, date=NOV_18),
        LabEntry(test="INR", value=1.1, unit="1", uln=1.2, lln=0.8, date=dt.date(2026, 11, 17)),
    ]
    assert parsed.not_understood == ["Component\tValue\tFlag\tReference Range\tUnits\tCollected"]


def test_a_us_report_one_test_per_line_with_colons_flags_and_thousands():
    parsed = panel("us_cbc_cmp.txt")
    assert parsed.entries == [
        LabEntry(test="WBC", value=4.5, unit="K/uL", uln=11.0, lln=4.0),
        LabEntry(test="ANC", value=1200, unit="/uL"),
        LabEntry(test="Hgb", value=9.8, unit="g/dL"),
        LabEntry(test="Plt", value=85, unit="K/uL"),
        LabEntry(test="Creatinine", value=1.1, unit="mg/dL"),
        LabEntry(test="Total Bilirubin", value=0.8, unit="mg/dL", uln=1.2, lln=0.1),
        LabEntry(test="AST (SGOT)", value=88, unit="U/L", uln=40, lln=10),
        LabEntry(test="ALT (SGPT)", value=45, unit="U/L", uln=56, lln=7),
        LabEntry(test="Alk Phos", value=110, unit="U/L", uln=147, lln=44),
        LabEntry(test="Albumin", value=3.4, unit="g/dL", uln=5.2, lln=3.5),
    ]
    assert parsed.not_understood == ["CBC w/ Diff (collected 11/18/2026 07:42)", "CMP"]


def test_a_french_report_with_decimal_commas_giga_per_litre_and_upper_bounds():
    parsed = panel("french_report.txt")
    assert parsed.entries == [
        LabEntry(test="Leucocytes", value=4.5, unit="G/L", uln=10.0, lln=4.0),
        LabEntry(test="Polynucléaires neutrophiles", value=2.1, unit="G/L", uln=7.0, lln=1.5),
        LabEntry(test="Hémoglobine", value=9.8, unit="g/dL", uln=16.0, lln=12.0),
        LabEntry(test="Plaquettes", value=85, unit="G/L", uln=400, lln=150),
        LabEntry(test="Créatinine", value=97, unit="µmol/L", uln=84, lln=45),
        LabEntry(test="ASAT", value=88, unit="UI/L", uln=35),
        LabEntry(test="ALAT", value=45, unit="UI/L", uln=35),
        LabEntry(test="Bilirubine totale", value=12, unit="µmol/L", uln=21),
    ]
    # A day-first date is not guessed (11/12 could be either way round).
    assert parsed.not_understood == ["Prélèvement du 18/11/2026"]


def test_a_swedish_si_panel_with_specimen_prefixes_and_microkatal():
    parsed = panel("swedish_si.txt")
    assert parsed.entries == [
        LabEntry(test="B-Hb", value=98, unit="g/L", uln=153, lln=117, date=NOV_18),
        LabEntry(test="B-Leukocyter", value=4.5, unit="x10^9/L", date=NOV_18),
        LabEntry(test="P-Kreatinin", value=97, unit="µmol/L", uln=90, lln=45, date=NOV_18),
        LabEntry(test="P-ALAT", value=0.75, unit="µkat/L", uln=0.76, date=NOV_18),
        LabEntry(test="P-ASAT", value=1.47, unit="µkat/L", uln=0.61, date=NOV_18),
        LabEntry(test="P-Albumin", value=34, unit="g/L", uln=48, lln=36, date=NOV_18),
        LabEntry(test="B-Trombocyter", value=85, unit="x10^9/L", date=NOV_18),
    ]
    assert parsed.not_understood == []


def test_what_cannot_be_read_with_certainty_is_returned_verbatim():
    parsed = panel("messy_with_unreadable.txt")
    assert parsed.entries == [
        LabEntry(test="Hb", value=9.8, unit="g/dL"),
        LabEntry(test="Plt", value=85, unit="x10^9/L"),
        LabEntry(test="WBC", value=4.5, unit="K/µL"),
        LabEntry(test="Creatinine", value=97, unit="µmol/L"),
        LabEntry(test="ALT", value=45, unit="U/L", uln=56, lln=7),
    ]
    assert parsed.not_understood == [
        "Labs today:",
        "ANC 1500",  # no unit, and 1500 × 10⁹/L is impossible: /µL is likely but not guessed
        "CRP <0.5 mg/L",  # below a detection limit: no exact value to record
        "Hb 9.8 mg",  # mg is not a unit for haemoglobin
        "Urine dipstick: protein 1+",
    ]


@pytest.mark.parametrize(
    ("text", "entries"),
    [
        ("Hb 9,8 g/dL", [LabEntry(test="Hb", value=9.8, unit="g/dL")]),
        ("Plt 85x10^9/L", [LabEntry(test="Plt", value=85, unit="x10^9/L")]),
        ("WBC 4.5 K/µL", [LabEntry(test="WBC", value=4.5, unit="K/µL")]),
        ("Creatinine 97 µmol/L", [LabEntry(test="Creatinine", value=97, unit="µmol/L")]),
        ("ALT: 45 U/L (7-56)", [LabEntry(test="ALT", value=45, unit="U/L", uln=56, lln=7)]),
        (
            "Hemoglobin\t9.8\tg/dL\t12.0-16.0",
            [LabEntry(test="Hemoglobin", value=9.8, unit="g/dL", uln=16, lln=12)],
        ),
        ("Platelets 150,000 /mm3", [LabEntry(test="Platelets", value=150000, unit="/mm3")]),
        ("CA-125 35 U/mL (0-35)", [LabEntry(test="CA-125", value=35, unit="U/mL", uln=35, lln=0)]),
        ("HbA1c 7.1 %", [LabEntry(test="HbA1c", value=7.1, unit="%")]),
        ("eGFR 58 mL/min/1.73 m²", [LabEntry(test="eGFR", value=58, unit="mL/min/1.73 m²")]),
        (
            "Bilirubin 12 µmol/L (3-21 µmol/L)",
            [LabEntry(test="Bilirubin", value=12, unit="µmol/L", uln=21, lln=3)],
        ),
        (
            "ANC 1.2 PLT 85 Hb 9.8",
            [
                LabEntry(test="ANC", value=1.2, unit="10^9/L"),
                LabEntry(test="PLT", value=85, unit="10^9/L"),
                LabEntry(test="Hb", value=9.8, unit="g/dL"),
            ],
        ),
        ("", []),
    ],
)
def test_variants_read_in_full(text, entries):
    parsed = parse_lab_panel(text)
    assert parsed.entries == entries
    assert parsed.not_understood == []


@pytest.mark.parametrize(
    "text",
    [
        "Bilirubin 12 µmol/L (0.1-1.2 mg/dL)",  # limits in another unit than the value
        "Creatinine 97",  # 97 mg/dL is impossible; µmol/L is not guessed
        "Hb 128",  # 128 g/dL is impossible; g/L is not guessed
        "PLT 85000 K/uL",  # impossible in its unit
        "ALT 45 U/L (56-7)",  # a range upside down
        "Hb 9.8 U/L",
    ],
)
def test_fragments_that_are_not_certain_are_not_read(text):
    parsed = parse_lab_panel(text)
    assert parsed.entries == []
    assert parsed.not_understood == [text]


def test_text_after_a_complete_reading_is_kept_apart():
    parsed = parse_lab_panel("AST 88 U/L see note")
    assert parsed.entries == [LabEntry(test="AST", value=88, unit="U/L")]
    assert parsed.not_understood == ["see note"]
