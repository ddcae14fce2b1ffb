"""Start-up: a missing or damaged catalogue is explained with a way out; a patient file opens, a crash
draft is offered back."""

from __future__ import annotations

from pathlib import Path

import pytest

from trialmatch.gui.main import launch

# The offscreen platform cannot apply a top-level window's size hints; Qt says so.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

PATIENTS = Path(__file__).parents[1] / "data" / "patients"


@pytest.fixture
def opened(qtbot):
    windows = []

    def keep(window):
        if window is not None:
            qtbot.addWidget(window)
            windows.append(window)
        return window

    return keep


def test_a_missing_catalogue_names_the_file_and_quitting_opens_nothing(context, dialogs, tmp_path, opened):
    context.catalogue_path = tmp_path / "gone.db"
    dialogs.answer("choose", 1)
    assert opened(launch(context, None)) is None
    ((title, text, choices),) = dialogs.called("choose")
    assert title == "Trial catalogue unavailable"
    assert f"{tmp_path / 'gone.db'}: no catalogue file there" in text
    assert "Choose another catalogue file" in text
    assert choices == ("&Choose another catalogue…", "&Quit")


def test_a_damaged_catalogue_can_be_replaced_by_another(
    context, dialogs, tmp_path, catalogue_path, opened, wait_ranked
):
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\x13" * 4096)
    context.catalogue_path = damaged
    dialogs.answer("choose", 0)
    dialogs.answer("ask_open_path", catalogue_path)
    window = opened(launch(context, None))
    assert window is not None
    wait_ranked(window)
    ((_, text, _),) = dialogs.called("choose")
    assert f"{damaged}: not a TrialMatch catalogue (" in text
    assert context.catalogue_path == catalogue_path
    assert window.loaded.stats.trials == 27
    assert dialogs.called("confirm") == []


def test_a_patient_file_given_at_start_is_opened(context, dialogs, opened, wait_ranked):
    window = opened(launch(context, PATIENTS / "example_melanoma.json"))
    wait_ranked(window)
    assert window.windowTitle() == "example_melanoma.json[*] — TrialMatch"
    assert window.ranking().request.patient.diagnosis == "metastatic melanoma"
    assert dialogs.called("error") == []


def test_a_bad_patient_file_at_start_shows_its_problems_and_the_window_opens(context, dialogs, opened):
    window = opened(launch(context, PATIENTS / "bad_wrong_format.json"))
    assert window is not None
    assert window.isVisible()
    ((title, _, details),) = dialogs.called("error")
    assert title == "Patient file has problems"
    assert (
        "format: 'trialmatch-patient/2' is not a format TrialMatch reads (expected 'trialmatch-patient/1')"
        in (details.splitlines())
    )


def test_a_draft_left_by_a_crash_is_offered_and_declining_deletes_it(context, dialogs, opened):
    context.drafts.save({"format": "trialmatch-patient/1", "age": 58})
    dialogs.answer("confirm", False)
    window = opened(launch(context, None))
    ((title, _, accept, reject),) = dialogs.called("confirm")
    assert (title, accept, reject) == ("Restore unsaved patient", "&Restore", "&Discard")
    assert context.drafts.load() is None
    assert window.panel.age.text() == ""
