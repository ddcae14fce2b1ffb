"""Guards against Qt bindings that corrupt the interpreter.

PySide6 6.12.0 on Python 3.11 loses one reference to ``None`` on every call of a method returning
nothing; after a few hundred keystrokes the app dies with "Fatal Python error: none_dealloc".
"""

import sys

from PySide6.QtWidgets import QLabel


def test_void_calls_do_not_leak_references_to_none(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(1000):
        label.setToolTip("x")
        label.setText("y")
    assert sys.getrefcount(None) - before > -10
