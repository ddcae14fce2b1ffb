"""The trial detail: every criterion grouped unmet / unknown / met with its reason, contacts to copy,
sites by distance, registry identifiers, and plain words when a record has no criteria."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QGuiApplication

from trialmatch.domain.evaluation import Outcome, Override
from trialmatch.domain.patient import load_patient
from trialmatch.gui.trial_detail import NO_CRITERIA, TrialDetail

MELANOMA = Path(__file__).parents[1] / "data" / "patients" / "example_melanoma.json"


@pytest.fixture(scope="module")
def rows(loaded):
    patient = load_patient(MELANOMA.read_text(encoding="utf-8"))
    return {row.card.trial_id: row for row in loaded.matcher.match(patient, patient.as_of)}


@pytest.fixture
def detail(qtbot, context):
    widget = TrialDetail(context.icons, context.dialogs)
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    return widget


def show(detail, loaded, rows, trial_id):
    detail.show_trial(loaded.matcher.trial(trial_id), rows[trial_id], "Lyon, France")


def test_nothing_selected_says_what_to_do(detail):
    assert detail.stack.currentWidget() is detail.placeholder
    assert detail.placeholder.text().startswith("Select a trial in the list")


def test_unmet_criterion_comes_first_with_reason_values_and_near_miss(detail, loaded, rows):
    show(detail, loaded, rows, "NCT00023673")
    assert detail.verdict.text().startswith("<b>Ineligible</b> — AST 88 U/L is 2.2 × ULN (40 U/L)")
    assert detail.subtitle.text() == "NCT00023673 · ctgov · Phase 1/Phase 2 · Completed"
    text = detail.criteria.toPlainText()
    assert text.startswith(
        "Unmet (1)\n✘ Unmet · Inclusion\n"
        "Aspartate aminotransferase (AST) less than 2 times upper limit of normal\n"
    )
    assert "Patient values used: AST 88 U/L" in text
    assert "To satisfy: AST < 2 × ULN required, patient 88 U/L is 2.2 × ULN (40 U/L)" in text
    assert not detail.near_miss.isHidden()
    assert detail.near_miss_text.text() == (
        "<b>Near miss:</b> Aspartate aminotransferase (AST) less than 2 times upper limit of normal: "
        "AST &lt; 2 × ULN required, patient 88 U/L is 2.2 × ULN (40 U/L)"
    )


def test_a_record_without_criteria_or_contacts_says_so(detail, loaded, rows):
    show(detail, loaded, rows, "CCS-D769759294")
    assert detail.criteria.toPlainText().startswith(NO_CRITERIA)
    assert detail.near_miss.isHidden()
    assert detail.tabs.tabText(1) == "Contacts (0)"
    assert not detail.no_contacts.isHidden()
    assert detail.contacts.isHidden()


def test_contacts_are_copied_to_the_clipboard(detail, loaded, rows):
    show(detail, loaded, rows, "NCT03252938")
    assert detail.tabs.tabText(1) == "Contacts (7)"
    detail.contacts.selectRow(1)
    detail.copy_phone.click()
    assert QGuiApplication.clipboard().text() == "+49 69 7601 ext 4165"
    detail.copy_email.click()
    assert QGuiApplication.clipboard().text() == "eickhoff.regina@ikf-khnw.de"
    detail.copy_contact.click()
    assert QGuiApplication.clipboard().text() == (
        "Regina Eickhoff, PhD · Central contact · +49 69 7601 ext 4165 · eickhoff.regina@ikf-khnw.de · Trial"
    )
    detail.contacts.selectRow(3)
    assert not detail.copy_phone.isEnabled()
    assert detail.copy_contact.isEnabled()


def test_sites_by_distance_and_registry_identifiers(detail, loaded, rows):
    show(detail, loaded, rows, "NCT00023673")
    assert detail.tabs.tabText(2) == "Sites (41)"
    assert [detail.sites_model.text(0, c) for c in range(5)] == [
        "Good Samaritan Regional Health Center",
        "Mount Vernon, Illinois",
        "United States",
        "Not given",
        "6,124 km",
    ]
    record = detail.record.toPlainText()
    for lines in (
        "Registry\nctgov\nIdentifier\nNCT00023673",
        "Sponsor's study ID\nRTOG L-0117",
        "Secondary ID\nCDR0000068850\nSecondary ID\nNCI-2012-02401",
        "Source\nhttps://clinicaltrials.gov/study/NCT00023673",
    ):
        assert lines in record


def test_override_and_clear_links_ask_and_signal(detail, loaded, rows, dialogs, qtbot):
    show(detail, loaded, rows, "NCT00023673")
    unmet = rows["NCT00023673"].evaluation.ordered()[0]
    decision = Override(Outcome.PASS, "AST from liver metastases")
    dialogs.answer("ask_override", None, decision)
    with qtbot.assertNotEmitted(detail.overrideRequested):
        detail.criteria.anchorClicked.emit(QUrl(f"override:{unmet.index}"))
    with qtbot.waitSignal(detail.overrideRequested) as blocker:
        detail.criteria.anchorClicked.emit(QUrl(f"override:{unmet.index}"))
    assert blocker.args == ["NCT00023673", unmet.index, decision]
    with qtbot.waitSignal(detail.overrideRequested) as blocker:
        detail.criteria.anchorClicked.emit(QUrl(f"clear:{unmet.index}"))
    assert blocker.args == ["NCT00023673", unmet.index, None]
    assert [call[0].index for call in dialogs.called("ask_override")] == [unmet.index, unmet.index]
