"""The override dialog: a clinician's decision on one criterion always carries its reason."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox

from trialmatch.domain.evaluation import Outcome, Override
from trialmatch.domain.patient import load_patient
from trialmatch.gui.dialogs import OverrideDialog

MELANOMA = Path(__file__).parents[1] / "data" / "patients" / "example_melanoma.json"


def _results(loaded, trial_id):
    patient = load_patient(MELANOMA.read_text(encoding="utf-8"))
    (row,) = [r for r in loaded.matcher.match(patient, patient.as_of) if r.card.trial_id == trial_id]
    return row.evaluation.ordered()


def test_an_unmet_criterion_is_offered_as_met_and_needs_a_reason(qtbot, loaded):
    unmet = _results(loaded, "NCT00023673")[0]
    dialog = OverrideDialog(unmet)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert dialog.met.isChecked()
    assert not ok.isEnabled()
    qtbot.keyClicks(dialog.note, "  ")
    assert not ok.isEnabled()
    qtbot.keyClicks(dialog.note, "PI accepts AST 2.2 × ULN with liver metastases")
    assert ok.isEnabled()
    assert dialog.override() == Override(Outcome.PASS, "PI accepts AST 2.2 × ULN with liver metastases")


def test_a_met_criterion_is_offered_as_not_met(qtbot, loaded):
    met = _results(loaded, "NCT03252938")[-1]
    assert met.result is Outcome.PASS
    dialog = OverrideDialog(met)
    qtbot.addWidget(dialog)
    assert dialog.not_met.isChecked()
    dialog.note.setText("ECOG 2 since last week")
    assert dialog.override() == Override(Outcome.FAIL, "ECOG 2 since last week")
