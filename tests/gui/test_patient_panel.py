"""The patient panel: typed into like a clinician would, judged by the engine, nothing typed lost."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from keys import press, show_active, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from trialmatch.domain.geo import city_labels
from trialmatch.domain.lexicon import get_concept
from trialmatch.domain.patient import FieldProblem, LabEntry, Patient
from trialmatch.gui.lab_grid import TEST, UNIT, VALUE
from trialmatch.gui.patient_panel import PanelState, PatientPanel
from trialmatch.gui.treatments import END

PATIENTS = Path(__file__).parents[1] / "data" / "patients"
TODAY = dt.date(2026, 11, 20)
CONCEPTS = [
    get_concept(c)
    for c in ("brain_metastases", "liver_metastases", "metastatic_disease", "hiv", "hbv", "hcv", "pregnancy")
]

# The offscreen platform cannot raise a completer popup nor grab the keyboard for it; Qt says so.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")


@pytest.fixture
def panel(qtbot, loaded):
    # Hosted in a window without a layout: a top-level layout would push size hints to the platform,
    # which the offscreen plugin warns it cannot do.
    host = QWidget()
    qtbot.addWidget(host)
    widget = PatientPanel(list(loaded.conditions), city_labels(), CONCEPTS, host, today=lambda: TODAY)
    widget.resize(700, 1400)
    host.resize(700, 1400)
    show_active(qtbot, host)
    yield widget
    host.close()


@pytest.fixture
def states(panel):
    emitted: list[PanelState] = []
    panel.patientEdited.connect(emitted.append)
    return emitted


def patient_file(name):
    return json.loads((PATIENTS / name).read_text(encoding="utf-8"))


def problem_lines(panel):
    return [panel.problems_list.item(i).text() for i in range(panel.problems_list.count())]


def test_typing_age_sex_and_one_lab_gives_the_validated_patient(qtbot, panel, states):
    panel.age.setFocus()
    type_text(qtbot, panel, "62")
    press(qtbot, panel, Qt.Key.Key_Tab)
    press(qtbot, panel, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is panel.sex
    press(qtbot, panel, Qt.Key.Key_F)
    panel.focus_labs()
    type_text(qtbot, panel, "ANC")
    press(qtbot, panel, Qt.Key.Key_Tab)
    type_text(qtbot, panel, "1.2")
    press(qtbot, panel, Qt.Key.Key_Return)
    state = states[-1]
    assert state.problems == []
    assert state.patient == Patient(
        format="trialmatch-patient/1",
        as_of=TODAY,
        age=62,
        sex="female",
        labs=[LabEntry(test="ANC", value=1.2, unit="10^9/L")],
    )
    assert state.document == {
        "format": "trialmatch-patient/1",
        "as_of": "2026-11-20",
        "age": 62,
        "sex": "female",
        "labs": [{"test": "ANC", "value": 1.2, "unit": "10^9/L"}],
    }
    assert not panel.problems_list.isVisible()


def test_every_keystroke_emits_a_state(qtbot, panel, states):
    panel.weight_kg.setFocus()
    type_text(qtbot, panel, "68")
    assert [s.document.get("weight_kg") for s in states] == [6, 68]


def test_a_negative_age_is_marked_and_kept_as_typed(qtbot, panel, states):
    panel.age.setFocus()
    type_text(qtbot, panel, "-3")
    state = states[-1]
    assert state.patient is None
    assert state.problems == [FieldProblem("age", "must not be negative")]
    assert [str(p) for p in state.problems] == ["age: must not be negative"]
    assert panel.age.text() == "-3"
    assert panel.document()["age"] == -3
    assert panel.markers["age"].isVisible()
    assert panel.markers["age"].toolTip() == "must not be negative"
    assert panel.age.toolTip() == "must not be negative"
    assert problem_lines(panel) == ["Age: must not be negative"]
    assert panel.problems_list.isVisible()
    press(qtbot, panel, Qt.Key.Key_Backspace)
    press(qtbot, panel, Qt.Key.Key_Backspace)
    assert states[-1].problems == []
    assert not panel.markers["age"].isVisible()
    assert not panel.problems_list.isVisible()


def test_text_that_is_not_a_number_stays_text_in_the_document(qtbot, panel, states):
    panel.age.setFocus()
    type_text(qtbot, panel, "6o")
    assert panel.document()["age"] == "6o"
    assert states[-1].problems == [FieldProblem("age", "'6o' is not a number")]


def test_the_as_of_date_defaults_to_today(panel):
    assert panel.as_of.text() == "2026-11-20"
    assert panel.state().patient.as_of == TODAY


@pytest.mark.parametrize(
    "name",
    [
        "example_melanoma.json",
        "minimal.json",
        "nsclc_si_units_karnofsky.json",
        "prostate_us_units.json",
        "bad_contradictions.json",
        "bad_many_problems.json",
        "bad_wrong_format.json",
    ],
)
def test_a_patient_file_round_trips_through_the_form(panel, name):
    document = patient_file(name)
    panel.set_document(document)
    assert panel.document() == document


def test_the_example_file_fills_every_widget(panel, states):
    panel.set_document(patient_file("example_melanoma.json"))
    assert len(states) == 1
    assert states[0].problems == []
    assert [w.text() for w in (panel.age, panel.weight_kg, panel.height_cm, panel.ecog)] == [
        "62",
        "68",
        "165",
        "1",
    ]
    assert panel.sex.currentText() == "Female"
    assert (panel.diagnosis.text(), panel.stage.text()) == ("metastatic melanoma", "IV")
    assert (panel.location.text(), panel.as_of.text()) == ("Lyon, France", "2026-11-20")
    labs = panel.labs_model
    assert [labs.index(r, TEST).data() for r in range(2)] == [
        "Absolute neutrophil count",
        "Aspartate aminotransferase (AST)",
    ]
    assert labs.index(1, 4).data() == "10 (default)"
    assert labs.index(1, 3).data() == "40"
    assert panel.findings.findings() == {"liver metastases": True, "HIV infection": False}
    patient = states[0].patient
    assert patient.findings == {"liver metastases": True, "HIV infection": False}
    assert patient.treatments[0].end == dt.date(2026, 9, 15)


def test_engine_problems_reach_every_editor_and_the_strip(panel):
    panel.set_document(patient_file("bad_contradictions.json"))
    assert problem_lines(panel) == [
        "Age: 55 does not match birth_date 1961-09-30 (64 years on 2026-05-04)",
        "Karnofsky: 90 does not match ECOG 1 (ECOG 1 is Karnofsky 70–80)",
        "Finding 'metastatic disease': false, but 'brain metastases' is true (Brain metastases implies it)",
        "Finding 'HIV': false, but 'human immunodeficiency virus infection' is true (the same finding)",
        "Lab 1 (Absolute neutrophil count) date: 2026-05-20 is after as_of 2026-05-04",
        "Treatment 1 (trastuzumab deruxtecan) end: 2025-12-01 is before the start 2026-02-01",
    ]
    assert panel.markers["age"].isVisible()
    assert panel.markers["karnofsky"].isVisible()
    assert not panel.markers["ecog"].isVisible()
    assert panel.labs_model.problems() == {(0, 5): "2026-05-20 is after as_of 2026-05-04"}
    assert panel.treatments_model.problems() == {(0, END): "2025-12-01 is before the start 2026-02-01"}
    hiv = next(i for i, r in enumerate(panel.findings.model.rows()) if r.key == "HIV")
    tooltip = panel.findings.model.index(hiv, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip == "false, but 'human immunodeficiency virus infection' is true (the same finding)"


def test_a_lab_unit_problem_marks_the_unit_cell(panel):
    panel.set_document(
        {"format": "trialmatch-patient/1", "labs": [{"test": "Hb", "value": 9.8, "unit": "mg"}]}
    )
    assert problem_lines(panel) == [
        "Lab 1 (Haemoglobin) unit: 'mg' is not a unit for haemoglobin (use g/dL, g/L, mmol/L)"
    ]
    assert list(panel.labs_model.problems()) == [(0, UNIT)]
    assert panel.labs_model.index(0, UNIT).data() == "mg"


def test_enter_on_a_problem_puts_the_cursor_on_its_field(qtbot, panel):
    panel.set_document(patient_file("bad_contradictions.json"))
    panel.problems_list.setFocus()
    panel.problems_list.setCurrentRow(1)
    press(qtbot, panel, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is panel.karnofsky
    panel.problems_list.setFocus()
    panel.problems_list.setCurrentRow(5)
    press(qtbot, panel, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is panel.treatments_view
    assert (panel.treatments_view.currentIndex().row(), panel.treatments_view.currentIndex().column()) == (
        0,
        END,
    )


def test_fields_the_form_does_not_know_are_kept_and_reported(panel):
    panel.set_document({"format": "trialmatch-patient/1", "age": 62, "notes": "seen by Dr X"})
    assert panel.document() == {"format": "trialmatch-patient/1", "age": 62, "notes": "seen by Dr X"}
    assert panel.state().problems == [FieldProblem("notes", "unknown field")]
    assert problem_lines(panel) == ["notes: unknown field"]


def test_tab_follows_reading_order(qtbot, panel):
    panel.age.setFocus()
    seen = [QApplication.focusWidget()]
    for _ in range(11):
        press(qtbot, panel, Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    assert seen == [
        panel.age,
        panel.birth_date,
        panel.sex,
        panel.weight_kg,
        panel.height_cm,
        panel.diagnosis,
        panel.stage,
        panel.ecog,
        panel.karnofsky,
        panel.location,
        panel.as_of,
        panel.labs_view,
    ]
    panel.paste_button.setFocus()
    seen = [QApplication.focusWidget()]
    for _ in range(5):
        press(qtbot, panel, Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    assert seen == [
        panel.paste_button,
        panel.findings.filter,
        panel.findings.view,
        panel.findings.term,
        panel.findings.add_button,
        panel.treatments_view,
    ]


def test_every_field_has_a_label_with_its_own_mnemonic(panel):
    labels = [w for w in panel.findChildren(QLabel) if w.buddy() is not None]
    buddies = {label.buddy() for label in labels}
    fields = [panel.age, panel.birth_date, panel.sex, panel.weight_kg, panel.height_cm, panel.diagnosis]
    fields += [panel.stage, panel.ecog, panel.karnofsky, panel.location, panel.as_of, panel.labs_view]
    fields += [panel.treatments_view, panel.findings.filter, panel.findings.term]
    assert set(fields) <= buddies
    letters = [label.text()[label.text().index("&") + 1].lower() for label in labels]
    assert len(letters) == len(set(letters))
    assert {label.buddy(): label.text() for label in labels}[panel.age] == "&Age:"
    assert {label.buddy(): label.text() for label in labels}[panel.sex] == "&Sex:"


def test_mnemonics_move_the_focus(qtbot, panel):
    panel.age.setFocus()
    press(qtbot, panel, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is panel.birth_date
    press(qtbot, panel, Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is panel.karnofsky
    press(qtbot, panel, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is panel.labs_view


def test_focus_labs_puts_the_cursor_on_the_empty_row(panel):
    panel.set_document(patient_file("example_melanoma.json"))
    panel.focus_labs()
    assert QApplication.focusWidget() is panel.labs_view
    current = panel.labs_view.currentIndex()
    assert (current.row(), current.column()) == (2, TEST)


def test_the_diagnosis_completer_matches_any_part_of_a_catalogue_condition(qtbot, panel):
    panel.diagnosis.setFocus()
    type_text(qtbot, panel, "MELAN")
    completer = panel.diagnosis.completer()
    found = [completer.completionModel().index(i, 0).data() for i in range(completer.completionCount())]
    assert found == ["Melanoma", "Recurrent Melanoma"]


def test_the_location_completer_offers_gazetteer_cities(qtbot, panel):
    panel.location.setFocus()
    type_text(qtbot, panel, "lyon")
    completer = panel.location.completer()
    found = [completer.completionModel().index(i, 0).data() for i in range(completer.completionCount())]
    assert "Lyon, France" in found


def test_clear_starts_a_new_patient_assessed_today(panel):
    panel.set_document(patient_file("example_melanoma.json"))
    panel.clear()
    assert panel.document() == {"format": "trialmatch-patient/1", "as_of": "2026-11-20"}
    assert panel.labs_model.rowCount() == 1
    assert panel.findings.findings() == {}


def test_merged_labs_replace_the_same_test_and_add_the_others(panel, states):
    panel.set_document(patient_file("example_melanoma.json"))
    from trialmatch.gui.lab_grid import LabRow

    panel.merge_labs([LabRow("Neutrophils", "1.2", "10^9/L"), LabRow("PLT", "85", "K/uL")])
    assert panel.document()["labs"] == [
        {"test": "Neutrophils", "value": 1.2, "unit": "10^9/L"},
        {"test": "AST", "value": 88, "unit": "U/L", "uln": 40},
        {"test": "PLT", "value": 85, "unit": "K/uL"},
    ]
    assert states[-1].patient.labs[2] == LabEntry(test="PLT", value=85, unit="K/uL")
    assert panel.labs_model.index(2, VALUE).data() == "85"


def test_a_sex_the_format_does_not_know_is_shown_as_written_until_the_next_file(panel):
    panel.set_document(patient_file("bad_many_problems.json"))
    assert panel.sex.currentText() == "woman"
    assert panel.document()["sex"] == "woman"
    assert "sex: 'woman' is not a sex this format records (use female or male)" in [
        str(p) for p in panel.state().problems
    ]
    panel.set_document(patient_file("example_melanoma.json"))
    assert [panel.sex.itemText(i) for i in range(panel.sex.count())] == ["—", "Female", "Male"]
    assert panel.sex.currentText() == "Female"
