"""The catalogue a desktop session matches against, loaded outside Qt.

Plain Python so the GUI's start-up and its reload after an import run the same code the tests exercise
without a display, and so a damaged file is reported in one line instead of a traceback.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from trialmatch.app.matching import Matcher
from trialmatch.catalogue.store import Catalogue, CatalogueError, CatalogueStats
from trialmatch.domain.lexicon import Concept, all_concepts, get_concept

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class LoadedCatalogue:
    """A catalogue opened read-only with its trials compiled in memory, ready to match."""

    path: Path
    catalogue: Catalogue
    matcher: Matcher
    stats: CatalogueStats
    catalogue_date: str | None
    """The date the records were taken (build metadata), else the latest record update; ISO format."""
    conditions: tuple[str, ...]
    """Every condition named by a trial, for the diagnosis completer."""
    countries: tuple[str, ...]
    """Every country with a site, for the country filter."""
    concepts: tuple[Concept, ...]
    """Findings the catalogue's criteria ask about, the most used first, for the findings panel."""

    def close(self) -> None:
        self.catalogue.close()


def load_catalogue(path: Path) -> LoadedCatalogue:
    """Open and compile a catalogue; any unreadable content becomes a one-line CatalogueError.

    Opening only checks the header and schema, so damage deeper in the file shows up while reading the
    rows: that is reported the same way instead of as a traceback.
    """
    catalogue = Catalogue.open(path)
    try:
        matcher = Matcher.load(catalogue)
        stats = catalogue.stats()
        built = catalogue.meta("catalogue_date")
        conditions = tuple(catalogue.conditions_vocabulary())
        countries = tuple(
            sorted(
                {c for s in catalogue.summaries() for c in matcher.card(s.id).countries},
                key=str.casefold,
            )
        )
        known = {c.id for c in all_concepts()}
        concepts = tuple(get_concept(c) for c in matcher.concepts_in_use() if c in known)
    except (sqlite3.DatabaseError, ValidationError, ValueError) as exc:
        catalogue.close()
        first_line = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise CatalogueError(f"{path}: the catalogue is damaged ({first_line})") from exc
    date_text = built or (stats.latest_update.isoformat() if stats.latest_update else None)
    log.info("catalogue %s: %d trials compiled", path, len(matcher))
    return LoadedCatalogue(path, catalogue, matcher, stats, date_text, conditions, countries, concepts)
