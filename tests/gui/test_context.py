from pathlib import Path

from trialmatch.gui.context import AppContext


def test_a_throwaway_context_keeps_settings_and_drafts_in_its_folder(qapp, tmp_path):
    context = AppContext.throwaway(Path("trials.db"), tmp_path)
    context.remember_directory(tmp_path / "patients" / "p.json")
    context.settings.sync()
    context.drafts.save({"format": "trialmatch-patient/1"})
    assert Path(context.settings.fileName()) == tmp_path / "settings.ini"
    settings = (tmp_path / "settings.ini").read_text(encoding="utf-8")
    assert f"last_directory={tmp_path / 'patients'}" in settings
    assert context.drafts.path.parent == tmp_path
    assert context.drafts.load() == {"format": "trialmatch-patient/1"}
