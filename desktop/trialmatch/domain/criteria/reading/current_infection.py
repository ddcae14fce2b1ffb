"""Test results that say a hepatitis infection is there now, not that it ever was.

A patient file records "hepatitis B" present for a cured or resolved infection too (``_MAY_BE_PAST`` in
``checks``). "Positive for HBsAg" and "detectable HCV RNA" name the virus in the blood today: read as
"hepatitis B" at any time, they excluded the patient whose hepatitis B resolved years ago (HBsAg negative,
the very patient such trials admit), and "HBsAg negative" failed her. An antibody ("anti-HCV positive")
says only that the infection once was, and keeps its reading.
"""

from __future__ import annotations

import re

_CURRENT_MARKER = re.compile(r"hbsag|surface\s+antigen|hcv\s+rna|detectable\s+hcv")
_VIRUSES = frozenset({"hbv", "hcv"})


def marks_current_infection(concept_id: str, mention: str) -> bool:
    """Whether the (normalised) words naming a hepatitis finding are a marker of infection now."""
    return concept_id in _VIRUSES and _CURRENT_MARKER.search(mention) is not None
