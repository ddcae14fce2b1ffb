"""Showing real widgets and typing into them the way the platform delivers keys, for the GUI tests."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


def show_active(qtbot, window):
    """Show a top-level widget and make it the active window, as a user's click would: keys go to it."""
    with qtbot.waitExposed(window):
        window.show()
    with qtbot.waitActive(window):
        window.activateWindow()


def key_target(widget):
    """Where the platform delivers a key: an open completer popup, else the focused widget.

    The offscreen platform does not give activation back to the window when a popup closes, as a desktop
    does; reactivating it restores the focus to the editor the user was typing in.
    """
    if QApplication.activePopupWidget() is None and QApplication.focusWidget() is None:
        widget.window().activateWindow()
        QApplication.processEvents()
    return QApplication.activePopupWidget() or QApplication.focusWidget() or widget


def type_text(qtbot, widget, text):
    for char in text:
        qtbot.keyClick(key_target(widget), char)


def press(qtbot, widget, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(key_target(widget), key, modifier)
    QApplication.processEvents()
