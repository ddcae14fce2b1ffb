"""``python -m trialmatch`` behaves as the ``trialmatch`` command."""

import sys

from trialmatch.cli.main import main

sys.exit(main())
