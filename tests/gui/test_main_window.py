"""The main window end to end: a real catalogue, real patient files, the clinician's flow.

Load the catalogue, open the README melanoma patient, watch the ranking update, read a trial's unmet
criteria and contacts, export the report, override a criterion; plus files, draft, settings, shortcuts.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pdf_text import pdf_text
from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtGui import QKeySequence
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication

from trialmatch.app.context import load_catalogue
from trialmatch.app.importing import import_files
from trialmatch.domain.evaluation import Outcome, Override, Verdict
from trialmatch.gui.filter_bar import Filters
from trialmatch.gui.main_window import MainWindow

# The offscreen platform cannot apply a top-level window's size hints, nor raise popups; Qt says so.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (propagateSizeHints|raise|grabbing)")

PATIENTS = Path(__file__).parents[1] / "data" / "patients"
MELANOMA = PATIENTS / "example_melanoma.json"
IMP321 = "NCT03252938"
IMP321_TITLE = "Feasibility and Safety of IMP321 (Eftilagimod Alpha) for Advanced Stage Solid Tumors"
RTOG = "NCT00023673"
RTOG_AST = "Aspartate aminotransferase (AST) less than 2 times upper limit of normal"
PD1 = "Prior PD-1/PDL-1 targeted therapy (only for Stratum D)"


def ids(window: MainWindow) -> list[str]:
    return [row.card.trial_id for row in window.shown_rows()]


def verdicts(window: MainWindow) -> dict[str, Verdict]:
    return {row.card.trial_id: row.verdict for row in window.shown_rows()}


@pytest.fixture
def melanoma(window, wait_ranked):
    window.open_patient_file(MELANOMA)
    wait_ranked(window)
    return window


def test_a_blank_patient_lists_every_open_trial_as_possible(window):
    assert window.results_model.rowCount() == 8
    assert set(verdicts(window).values()) == {Verdict.POSSIBLE}
    assert window.counts.text().startswith("8 trials • 0 eligible • 8 possible • computed in ")
    assert window.windowTitle() == "Untitled patient[*] — TrialMatch"


def test_full_flow_patient_ranking_detail_and_pdf(melanoma, qtbot, dialogs, tmp_path):
    window = melanoma
    assert window.windowTitle() == "example_melanoma.json[*] — TrialMatch"
    assert not window.isWindowModified()
    assert verdicts(window) == {
        "NCT02465060": Verdict.POSSIBLE,
        "NCT06171568": Verdict.POSSIBLE,
        "NCT03459976": Verdict.POSSIBLE,
        "NCT03599518": Verdict.POSSIBLE,
        "NCT03424005": Verdict.POSSIBLE,
        "NCT02679963": Verdict.POSSIBLE,
        IMP321: Verdict.POSSIBLE,
        "NCT01339988": Verdict.INELIGIBLE,
    }
    assert ids(window)[-1] == "NCT01339988"
    assert window.counts.text().startswith("8 trials • 0 eligible • 7 possible • computed in ")
    row = ids(window).index(IMP321)
    model = window.results_model
    assert [model.text(row, c) for c in (0, 1, 2, 3, 4)] == [
        "Possible — strata A, B, C",
        IMP321_TITLE,
        "Phase 1",
        "Recruiting",
        "1",
    ]
    assert [model.text(row, c) for c in (6, 7)] == ["Krankenhaus Nordwest, Frankfurt, Germany", "563 km"]

    assert window.select_trial(IMP321)
    detail = window.detail
    assert detail.trial_id() == IMP321
    assert detail.title.text() == IMP321_TITLE
    criteria = detail.criteria.toPlainText()
    assert criteria.startswith("Unmet (1)")
    assert f"✘ Unmet · Exclusion\n{PD1}" in criteria
    assert "Patient values used: pembrolizumab (2026-01-10 to 2026-09-15)" in criteria
    assert criteria.index("Unmet (1)") < criteria.index("Unknown (") < criteria.index("Met (")
    # Stratum D is closed by the PD-1 criterion but strata A and B stay open: the trial is not a near miss.
    assert not detail.near_miss.isVisible()
    contacts = detail.contacts_model
    assert [contacts.text(0, c) for c in range(5)] == [
        "Salah-Eddin Al-Batran, MD",
        "Central contact",
        "+49 69 7601 ext 4420",
        "albatran@ikf-khnw.de",
        "Trial",
    ]
    assert [contacts.text(4, c) for c in (0, 2, 3, 4)] == [
        "Thorsten O. Götze, Prof. Dr.",
        "+4969 7601 ext 4420",
        "Goetze.Thorsten@KHNW.DE",
        "Krankenhaus Nordwest, Frankfurt, Germany",
    ]

    target = tmp_path / "report.pdf"
    dialogs.answer("ask_save_path", target)
    window.export_report_pdf()
    data = target.read_bytes()
    assert data.startswith(b"%PDF")
    text = pdf_text(data)
    assert IMP321_TITLE in text
    assert PD1 in text
    assert "+49 69 7601 ext 4420" in text
    assert dialogs.called("error") == []


def test_results_follow_each_edit_and_keep_the_selected_trial(melanoma, wait_ranked):
    window = melanoma
    window.select_trial(IMP321)
    before = window.ranking()
    window.panel.age.setText("17")
    assert window.isWindowModified()
    wait_ranked(window)
    assert window.ranking() is not before
    assert window.ranking().request.patient.age == 17
    assert window.detail.trial_id() == IMP321
    assert window.results.currentIndex().row() == ids(window).index(IMP321)
    assert "age 17, outside ≥ 18 years" in window.detail.criteria.toPlainText()


def test_an_override_changes_verdict_and_rank_and_can_be_cleared(melanoma, dialogs, wait_ranked):
    window = melanoma
    window.filter_bar.set_filters(Filters(open_only=False))
    assert window.results_model.rowCount() == 27
    assert verdicts(window)[RTOG] is Verdict.INELIGIBLE
    rank_before = ids(window).index(RTOG)
    window.select_trial(RTOG)
    unmet = next(r for r in window.detail.criteria_results() if r.result is Outcome.FAIL)
    assert unmet.text == RTOG_AST
    note = "AST raised by liver metastases; PI agreed"
    dialogs.answer("ask_override", Override(Outcome.PASS, note))
    window.detail.criteria.anchorClicked.emit(QUrl(f"override:{unmet.index}"))
    wait_ranked(window)
    assert dialogs.called("ask_override")[0][0].text == RTOG_AST
    assert verdicts(window)[RTOG] is Verdict.POSSIBLE
    assert ids(window).index(RTOG) < rank_before
    ineligible = [i for i, row in enumerate(window.shown_rows()) if row.verdict is Verdict.INELIGIBLE]
    assert ids(window).index(RTOG) < min(ineligible)
    criteria = window.detail.criteria.toPlainText()
    assert f"Override: marked met by the clinician: {note}" in criteria
    assert "Clear override" in criteria
    window.detail.criteria.anchorClicked.emit(QUrl(f"clear:{unmet.index}"))
    wait_ranked(window)
    assert verdicts(window)[RTOG] is Verdict.INELIGIBLE
    assert ids(window).index(RTOG) == rank_before


def test_override_links_are_reached_with_tab_and_enter(melanoma, qtbot, dialogs, wait_ranked):
    window = melanoma
    window.select_trial(IMP321)
    browser = window.detail.criteria
    browser.setFocus()
    qtbot.keyClick(browser, Qt.Key.Key_Tab)
    qtbot.keyClick(browser, Qt.Key.Key_Return)
    (asked,) = dialogs.called("ask_override")
    assert asked[0].text == PD1


def test_filters_narrow_the_ranked_list(melanoma):
    window = melanoma
    bar = window.filter_bar
    bar.hide_ineligible.setChecked(True)
    assert "NCT01339988" not in ids(window)
    assert window.counts.text().startswith("7 trials • 0 eligible • 7 possible")
    bar.set_filters(Filters(open_only=True, phase="Phase 1"))
    assert ids(window) == ["NCT03599518", "NCT03424005", IMP321]
    bar.set_filters(Filters(open_only=True, country="France"))
    assert set(ids(window)) == {"NCT06171568", "NCT03424005", "NCT02679963"}
    bar.set_filters(Filters(open_only=True, max_km=500))
    assert ids(window) == ["NCT06171568", "NCT03424005", "NCT02679963"]
    bar.set_filters(Filters(open_only=False, max_km=100))
    assert set(ids(window)) == {"NCT03424005", "NCT01207388", "NCT02977156"}


def test_search_matches_only_the_trials_the_catalogue_finds(melanoma, wait_ranked):
    window = melanoma
    window.filter_bar.search.setText("eftilagimod")
    wait_ranked(window)
    assert ids(window) == [IMP321]
    assert window.ranking().request.only == frozenset({IMP321})
    window.filter_bar.search.clear()
    wait_ranked(window)
    assert len(ids(window)) == 8


def test_save_as_writes_the_form_and_marks_the_window_saved(melanoma, dialogs, tmp_path, wait_ranked):
    window = melanoma
    window.panel.weight_kg.setText("70")
    wait_ranked(window)
    target = tmp_path / "saved"
    dialogs.answer("ask_save_path", target)
    assert window.save_patient_as()
    saved = json.loads((tmp_path / "saved.json").read_text(encoding="utf-8"))
    assert saved["weight_kg"] == 70
    assert saved["labs"][1] == {"test": "AST", "value": 88, "unit": "U/L", "uln": 40}
    assert saved["location"] == "Lyon, France"
    assert not window.isWindowModified()
    assert window.windowTitle() == "saved.json[*] — TrialMatch"


def test_a_file_with_problems_opens_and_lists_every_problem(window, dialogs, wait_ranked):
    assert window.open_patient_file(PATIENTS / "bad_many_problems.json")
    wait_ranked(window)
    (error,) = dialogs.called("error")
    title, text, details = error
    assert title == "Patient file has problems"
    assert text.startswith("bad_many_problems.json has ")
    assert "age: must not be negative" in details.splitlines()
    assert "ecog: ECOG 6 does not exist (0–5)" in details.splitlines()
    assert window.panel.age.text() == "-62"
    assert window.panel.state().patient is None
    problems = len(window.panel.state().problems)
    assert not window.stale.isHidden()
    assert window.stale.text() == (
        f"The patient form has {problems} problem(s): the list is for the last valid entry."
    )
    window.open_patient_file(MELANOMA)
    wait_ranked(window)
    assert window.stale.isHidden()


def test_a_file_that_is_not_json_is_refused_and_the_form_kept(melanoma, dialogs):
    window = melanoma
    assert not window.open_patient_file(PATIENTS / "bad_not_json.json")
    (error,) = dialogs.called("error")
    assert error[0] == "Not a patient file"
    assert error[1].startswith("bad_not_json.json is not a TrialMatch patient file (not JSON:")
    assert window.panel.age.text() == "62"


def test_the_draft_is_written_after_edits_offered_back_and_deleted_on_close(
    window, context, dialogs, qtbot, loaded, wait_ranked
):
    window.panel.diagnosis.setText("uveal melanoma")
    qtbot.waitUntil(lambda: context.drafts.load() is not None, timeout=5000)
    assert context.drafts.load()["diagnosis"] == "uveal melanoma"
    dialogs.answer("choose", 1)
    window.close()
    assert dialogs.called("choose")[0][0] == "Unsaved patient"
    assert context.drafts.load() is None

    context.drafts.save({"format": "trialmatch-patient/1", "age": 71, "diagnosis": "uveal melanoma"})
    second = MainWindow(context, loaded)
    qtbot.addWidget(second)
    dialogs.answer("confirm", True)
    second.offer_draft()
    wait_ranked(second)
    assert second.panel.age.text() == "71"
    assert second.isWindowModified()
    assert second.ranking().request.patient.diagnosis == "uveal melanoma"
    dialogs.answer("choose", 1)
    second.close()


def test_settings_keep_window_and_filters_but_no_patient_value(melanoma, context, dialogs, tmp_path):
    window = melanoma
    window.filter_bar.set_filters(Filters(open_only=False, phase="Phase 2", max_km=300))
    window.filter_bar.search.setText("melanoma")
    window.close()
    context.settings.sync()
    assert "melanoma" not in (tmp_path / "settings.ini").read_text(encoding="utf-8")
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    assert sorted(settings.allKeys()) == [
        "filters/country",
        "filters/hide_ineligible",
        "filters/max_km",
        "filters/open_only",
        "filters/phase",
        "paths/last_directory",
        "window/detail_beside",
        "window/geometry",
        "window/splitter",
        "window/state",
    ]
    assert settings.value("filters/phase") == "Phase 2"
    assert int(settings.value("filters/max_km")) == 300
    assert settings.value("filters/country") == ""
    assert settings.value("paths/last_directory") == str(PATIENTS)


def test_shortcuts_and_keyboard_focus(melanoma, qtbot):
    window = melanoma
    assert window.open_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Open)
    assert window.save_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Save)
    assert window.print_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Print)
    assert window.find_action.shortcut() == QKeySequence("Ctrl+F")
    assert window.labs_action.shortcut() == QKeySequence("Ctrl+L")
    assert window.results_action.shortcut() == QKeySequence("Ctrl+R")
    assert window.detail_action.shortcut() == QKeySequence("Ctrl+D")
    window.activateWindow()
    qtbot.waitActive(window)
    window.find_action.trigger()
    assert QApplication.focusWidget() is window.filter_bar.search
    window.labs_action.trigger()
    assert QApplication.focusWidget() is window.panel.labs_view
    window.results_action.trigger()
    assert QApplication.focusWidget() is window.results
    window.select_trial(IMP321)
    window.detail.tabs.setCurrentIndex(1)
    window.detail_action.trigger()
    assert QApplication.focusWidget() is window.detail.contacts


def test_about_names_the_catalogue_its_size_and_date(window, dialogs, catalogue_path):
    window.about_action.trigger()
    ((title, text, _),) = dialogs.called("info")
    assert title == "About TrialMatch"
    assert f"Catalogue: {catalogue_path}" in text
    assert "27 trials (8 open), 569 criteria, 1,781 sites" in text
    assert "Records as of: 2025-03-14" in text


def test_print_goes_to_the_printer_the_user_chose(melanoma, dialogs, tmp_path):
    window = melanoma
    window.print_report()
    assert len(dialogs.called("ask_printer")) == 1
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    dialogs.answer("ask_printer", printer)
    window.print_action.trigger()
    assert IMP321_TITLE in pdf_text((tmp_path / "printed.pdf").read_bytes())


def test_import_adds_records_and_the_window_reranks_against_them(
    qtbot, context, dialogs, tmp_path, wait_ranked
):
    seeds = sorted((Path(__file__).parents[1] / "data" / "seeds").glob("*.txt"))
    path = tmp_path / "own.db"
    import_files(seeds, path)
    context.catalogue_path = path
    window = MainWindow(context, load_catalogue(path))
    qtbot.addWidget(window)
    wait_ranked(window)
    window.filter_bar.set_filters(Filters(open_only=False))
    assert len(ids(window)) == 5
    fixture = (
        Path(__file__).parents[1] / "data" / "registry" / "aact_fixtures" / "xml_legacy" / "NCT03424005.xml"
    )
    dialogs.answer("ask_open_paths", [fixture])
    window.import_action.trigger()
    qtbot.waitUntil(lambda: window.loaded.stats.trials == 6, timeout=20_000)
    wait_ranked(window)
    ((title, text, details),) = dialogs.called("info")
    assert (title, text) == ("Import finished", "1 file(s): 1 imported, 0 updated, 0 skipped.")
    assert details.startswith("NCT03424005.xml: 1 imported, 0 updated, 0 skipped")
    assert "NCT03424005" in ids(window)
    assert window.import_action.isEnabled()


def test_overrides_belong_to_the_patient_and_go_when_another_is_opened(melanoma, dialogs, wait_ranked):
    window = melanoma
    window.filter_bar.set_filters(Filters(open_only=False))
    window.select_trial(RTOG)
    unmet = next(r for r in window.detail.criteria_results() if r.result is Outcome.FAIL)
    dialogs.answer("ask_override", Override(Outcome.PASS, "PI agreed"))
    window.detail.criteria.anchorClicked.emit(QUrl(f"override:{unmet.index}"))
    wait_ranked(window)
    assert verdicts(window)[RTOG] is Verdict.POSSIBLE
    window.open_patient_file(MELANOMA)
    wait_ranked(window)
    assert verdicts(window)[RTOG] is Verdict.INELIGIBLE
    assert window.ranking().request.overrides == {}


def test_detail_sits_below_the_list_until_asked_beside_it(melanoma, context, tmp_path):
    window = melanoma
    assert window.splitter.orientation() is Qt.Orientation.Vertical
    window.beside_action.trigger()
    assert window.splitter.orientation() is Qt.Orientation.Horizontal
    window.close()
    context.settings.sync()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    assert settings.value("window/detail_beside", type=bool) is True
