"""``python -m trialmatch`` behaves as the ``trialmatch`` command."""

import sys

from trialmatch.launcher import main

sys.exit(main())
