"""Readers of registry pages saved as text: the documents TrialMatch was first built from.

Each module reads one page format and offers ``sniff(text)`` and ``read(text, source)``. The format is
told from the content, never from the file name. ``READERS`` is tried in order, most specific marker
first:

1. ``ctgov_classic`` — "ClinicalTrials.gov Identifier: NCT..." (classic ClinicalTrials.gov pages);
2. ``aggregator`` — an "NCT ID: NCT..." line and a "Basic Information" heading;
3. ``omon`` — a line holding only an NL-OMON number;
4. ``ccs`` — "Canadian Cancer Society" as a line or in the partnership credit; last, because other
   registries' pages can name the Society as a sponsor or collaborator.
"""

from __future__ import annotations

from types import ModuleType

from trialmatch.domain.trial import Trial
from trialmatch.registries.errors import RegistryError
from trialmatch.registries.pages import aggregator, ccs, ctgov_classic, omon

READERS: tuple[ModuleType, ...] = (ctgov_classic, aggregator, omon, ccs)


def is_page(text: str) -> bool:
    """True if one of the page readers recognises the text."""
    return any(reader.sniff(text) for reader in READERS)


def read_page(text: str, source: str) -> Trial:
    """Read a saved registry page with the first reader that recognises it.

    Raises RegistryError naming ``source`` when no reader does, or when the recognised page lacks what
    every trial needs (its identifier, its title).
    """
    for reader in READERS:
        if reader.sniff(text):
            trial: Trial = reader.read(text, source)
            return trial
    raise RegistryError(
        source,
        "not a registry page TrialMatch can read (ClinicalTrials.gov classic, trial aggregator, OMON, "
        "Canadian Cancer Society)",
    )
