"""Canadian Cancer Society trial pages saved as text (seed 000).

The page is written for patients: title, "Official Title", a plain-language purpose, outcomes and a
description. It prints no registry number, no status and no eligibility criteria, so the reader gives the
trial a derived id and records no criteria (the catalogue shows "no eligibility criteria on record").
The phase and acronym are taken from the official title only when it states them ("COV-IMMUNO: A
Randomized, Phase III Trial ..."); the status stays unknown.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from trialmatch.domain.trial import ImportWarning, Trial, normalise_phase
from trialmatch.registries.errors import RegistryError
from trialmatch.registries.pages._shared import clean

REGISTRY = "ccs"

_MARKERS = (
    re.compile(r"^\s*Canadian Cancer Society\s*$", re.M),
    re.compile(r"provided in partnership with the Canadian Cancer Society"),
)
_ACRONYM = re.compile(r"^([A-Z0-9][A-Za-z0-9\-]*[A-Z][A-Za-z0-9\-]*):\s")
_PHASE = re.compile(r"\bPhase\s+(?:I{1,3}|IV|[1-4])(?:\s*/\s*(?:I{1,3}|IV|[1-4]))?\b")
_CRITERIA_HEADING = re.compile(r"^\s*(?:inclusion|exclusion|eligibility)\s+criteria\b", re.I | re.M)
_FURNITURE = ("Trial Description", "View this trial on", "Interested in this trial?", "Primary Outcome:")


def sniff(text: str) -> bool:
    return any(marker.search(text) for marker in _MARKERS)


def stable_id(title: str) -> str:
    """ "CCS-" and the first 10 hex digits of SHA-256 of the title, NFKC-normalised, case-folded and with
    runs of whitespace made one space.

    The page prints no registry number; the title is what the Society publishes for the trial and does not
    change between saves, so re-importing the same page updates the same record.
    """
    normalised = " ".join(unicodedata.normalize("NFKC", title).casefold().split())
    return "CCS-" + hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:10].upper()


def _after(lines: list[str], heading: str) -> str | None:
    """The first non-blank line after ``heading``."""
    if heading not in lines:
        return None
    return next((line for line in lines[lines.index(heading) + 1 :] if line), None)


def read(text: str, source: str) -> Trial:
    lines = [line.strip() for line in clean(text).split("\n")]
    title = next((line for line in lines if line), None)
    if not title:
        raise RegistryError(source, "the Canadian Cancer Society page has no title")
    official = _after(lines, "Official Title")
    summary = None
    if official is not None:
        summary = _after(lines, official)
        if summary in _FURNITURE:
            summary = None

    warnings: list[ImportWarning] = []
    if _CRITERIA_HEADING.search(text):
        warnings.append(
            ImportWarning(
                field="criteria",
                message="the page has an eligibility heading this reader does not know how to cut out; "
                "read the criteria on the source page",
            )
        )
    acronym = _ACRONYM.match(official) if official else None
    phase = _PHASE.search(official) if official else None
    return Trial(
        id=stable_id(title),
        registry=REGISTRY,
        title=title,
        official_title=official,
        acronym=acronym.group(1) if acronym else None,
        phase=normalise_phase(phase.group(0)) if phase else None,
        summary=summary,
        warnings=warnings,
    )
