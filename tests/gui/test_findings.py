"""Findings: tri-state answers, a filter, and typed terms that are resolved or visibly flagged."""

from __future__ import annotations

import pytest
from keys import show_active
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from trialmatch.domain.lexicon import get_concept
from trialmatch.gui.findings import ANSWER, FINDING, NOT_RECOGNISED, FindingsModel, FindingsPanel

CONCEPTS = [
    get_concept(c) for c in ("brain_metastases", "liver_metastases", "hiv", "hbv", "hcv", "pregnancy")
]


@pytest.fixture
def panel(qtbot):
    # Hosted in a window without a layout: a top-level layout would push size hints to the platform,
    # which the offscreen plugin warns it cannot do.
    host = QWidget()
    qtbot.addWidget(host)
    widget = FindingsPanel(CONCEPTS, host)
    host.resize(widget.sizeHint())
    widget.resize(widget.sizeHint())
    show_active(qtbot, host)
    yield widget
    host.close()


def answers(panel):
    proxy = panel.proxy
    return [(proxy.index(r, FINDING).data(), proxy.index(r, ANSWER).data()) for r in range(proxy.rowCount())]


def test_every_concept_starts_unknown_and_unknown_is_never_written(panel):
    assert answers(panel) == [
        ("Brain metastases", "Unknown"),
        ("Liver metastases", "Unknown"),
        ("HIV infection", "Unknown"),
        ("Hepatitis B infection", "Unknown"),
        ("Hepatitis C infection", "Unknown"),
        ("Pregnancy", "Unknown"),
    ]
    assert panel.findings() == {}


def test_keys_y_n_u_and_space_answer_the_current_finding(qtbot, panel):
    view = panel.view
    view.setFocus()
    view.setCurrentIndex(panel.proxy.index(2, ANSWER))
    qtbot.keyClick(view, Qt.Key.Key_N)
    assert panel.findings() == {"hiv": False}
    view.setCurrentIndex(panel.proxy.index(0, ANSWER))
    qtbot.keyClick(view, Qt.Key.Key_Y)
    assert panel.findings() == {"hiv": False, "brain_metastases": True}
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert panel.findings()["brain_metastases"] is False
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert panel.findings() == {"hiv": False}
    view.setCurrentIndex(panel.proxy.index(2, ANSWER))
    qtbot.keyClick(view, Qt.Key.Key_U)
    assert panel.findings() == {}


def test_the_filter_matches_labels_and_synonyms(qtbot, panel):
    qtbot.keyClicks(panel.filter, "hepatitis")
    assert [a[0] for a in answers(panel)] == ["Hepatitis B infection", "Hepatitis C infection"]
    panel.filter.clear()
    qtbot.keyClicks(panel.filter, "human immunodeficiency")
    assert [a[0] for a in answers(panel)] == ["HIV infection"]


def test_a_typed_known_term_answers_its_concept_yes(qtbot, panel):
    qtbot.keyClicks(panel.term, "brain mets")
    qtbot.keyClick(panel.term, Qt.Key.Key_Return)
    assert panel.findings() == {"brain_metastases": True}
    assert panel.status.text() == "'brain mets' recorded as Brain metastases: Yes"
    assert panel.term.text() == ""


def test_a_typed_known_term_outside_the_list_is_added(qtbot, panel):
    qtbot.keyClicks(panel.term, "interstitial lung disease")
    qtbot.keyClick(panel.term, Qt.Key.Key_Return)
    assert answers(panel)[-1] == ("Interstitial lung disease", "Yes")
    assert panel.findings() == {"interstitial_lung_disease": True}


def test_an_unknown_term_is_listed_flagged_and_kept_in_the_document(qtbot, panel):
    qtbot.keyClicks(panel.term, "frobnication syndrome")
    qtbot.keyClick(panel.term, Qt.Key.Key_Return)
    assert answers(panel)[-1] == ("frobnication syndrome", NOT_RECOGNISED)
    assert panel.status.text() == f"'frobnication syndrome': {NOT_RECOGNISED}"
    last = panel.proxy.index(panel.proxy.rowCount() - 1, ANSWER)
    assert not last.data(Qt.ItemDataRole.DecorationRole).isNull()
    assert not last.flags() & Qt.ItemFlag.ItemIsEditable
    assert panel.findings() == {"frobnication syndrome": True}
    panel.view.setFocus()
    panel.view.setCurrentIndex(last)
    qtbot.keyClick(panel.view, Qt.Key.Key_Y)
    assert answers(panel)[-1] == ("frobnication syndrome", NOT_RECOGNISED)
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    assert panel.findings() == {}
    assert panel.proxy.rowCount() == len(CONCEPTS)


def test_a_file_keeps_the_terms_it_used(panel):
    panel.set_findings({"liver metastases": True, "HIV infection": False, "Kimura disease": True})
    assert panel.findings() == {"liver metastases": True, "HIV infection": False, "Kimura disease": True}
    assert answers(panel)[1] == ("Liver metastases", "Yes")
    assert answers(panel)[2] == ("HIV infection", "No")
    assert answers(panel)[-1] == ("Kimura disease", NOT_RECOGNISED)
    tooltip = panel.proxy.index(1, FINDING).data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip.startswith("recorded as 'liver metastases'")


def test_the_answer_editor_offers_unknown_yes_no(qtbot, panel):
    index = panel.proxy.index(3, ANSWER)
    panel.view.setFocus()
    panel.view.setCurrentIndex(index)
    qtbot.keyClick(panel.view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert [editor.itemText(i) for i in range(editor.count())] == ["Unknown", "Yes", "No"]
    editor.setCurrentIndex(1)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert panel.findings() == {"hbv": True}


def test_engine_problems_mark_the_row_of_the_term(panel):
    panel.set_findings({"HIV infection": False, "hiv": True})
    panel.model.set_problems({"HIV infection": "false, but 'hiv' is true (the same finding)"})
    row = next(i for i, r in enumerate(panel.model.rows()) if r.key == "HIV infection")
    index = panel.model.index(row, ANSWER)
    assert index.data(Qt.ItemDataRole.ToolTipRole) == "false, but 'hiv' is true (the same finding)"
    assert not index.data(Qt.ItemDataRole.DecorationRole).isNull()


def test_edited_fires_on_answers_not_on_loading(panel):
    fired = []
    panel.edited.connect(lambda: fired.append(True))
    panel.set_findings({"pregnancy": False})
    assert fired == []
    panel.model.set_state(0, True)
    assert fired == [True]


def test_model_passes_qt_model_tester(qtmodeltester):
    model = FindingsModel(CONCEPTS)
    model.set_findings({"liver metastases": True, "Kimura disease": True})
    qtmodeltester.check(model, force_py=True)
    model.add_term("hepatitis C")
    model.add_term("made-up finding")
    model.remove(len(model.rows()) - 1)
    qtmodeltester.check(model, force_py=True)


def test_a_typed_anticoagulant_is_read_as_anticoagulation_not_flagged(qtbot, panel):
    # The engine reads "warfarin": true as anticoagulation; the panel must not say it "will not be used".
    qtbot.keyClicks(panel.term, "warfarin")
    qtbot.keyClick(panel.term, Qt.Key.Key_Return)
    assert answers(panel)[-1] == ("warfarin", "Yes")
    assert panel.status.text() == "'warfarin': an anticoagulant, read as anticoagulation: Yes"
    last = panel.proxy.index(panel.proxy.rowCount() - 1, ANSWER)
    assert last.data(Qt.ItemDataRole.DecorationRole) is None
    assert last.flags() & Qt.ItemFlag.ItemIsEditable
    tooltip = panel.proxy.index(panel.proxy.rowCount() - 1, FINDING).data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip == "an anticoagulant (warfarin): read as the finding anticoagulation"
    panel.view.setFocus()
    panel.view.setCurrentIndex(last)
    qtbot.keyClick(panel.view, Qt.Key.Key_N)
    assert panel.findings() == {"warfarin": False}
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    assert panel.findings() == {}
    assert panel.proxy.rowCount() == len(CONCEPTS)


def test_a_file_naming_an_anticoagulant_shows_its_answer(panel):
    panel.set_findings({"on apixaban": True})
    assert answers(panel)[-1] == ("on apixaban", "Yes")
    assert panel.findings() == {"on apixaban": True}
