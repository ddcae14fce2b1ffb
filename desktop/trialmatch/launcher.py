"""The ``trialmatch`` entry point: a sub-command runs the CLI, none opens the desktop app.

It sits outside the layers so that the CLI never imports Qt: the GUI is imported only when it opens.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Sequence

from trialmatch.cli.main import parse_args, run


def main(argv: Sequence[str] | None = None) -> int:
    # A frozen build re-runs this entry point in the import's worker processes.
    multiprocessing.freeze_support()
    args = parse_args(argv)
    if args.command is None:
        from trialmatch.gui.main import run_gui

        return run_gui(db=args.db, patient=args.patient)
    return run(args)
