"""What the two ClinicalTrials.gov readers share, so a trial reads the same from legacy XML and API v2 JSON.

The registry writes one vocabulary in two spellings (``DIETARY_SUPPLEMENT`` in JSON, ``Dietary Supplement``
in XML) and dates in three shapes; both readers go through these helpers so the catalogue never holds two
spellings of the same fact.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from trialmatch.domain.segmentation import split_criteria
from trialmatch.domain.trial import Criterion, Identifier, ImportWarning, TrialStatus, normalise_status

REGISTRY = "ctgov"

NCT_ID = re.compile(r"NCT\d{8}")

_ISO_DATE = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
_WORDED_DATE = re.compile(r"([A-Za-z]+)\.?\s+(?:(\d{1,2}),?\s+)?(\d{4})")
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}


def study_url(nct_id: str) -> str:
    """The public record page; stored as text only, never fetched (TrialMatch is offline)."""
    return f"https://clinicaltrials.gov/study/{nct_id}"


def parse_ctgov_date(raw: str) -> date:
    """Registry date to a day: "2024-05-17", "2024-05" and "June 2004" (first of the month), "June 24, 2005".

    Raises ValueError when the text is no such date, so the reader can warn and leave the field empty.
    """
    text = raw.strip()
    try:
        iso = _ISO_DATE.fullmatch(text)
        if iso:
            year, month, day = iso.groups()
            return date(int(year), int(month or 1), int(day or 1))
        worded = _WORDED_DATE.fullmatch(text)
        month = _MONTHS.get(worded.group(1).lower()) if worded else None
        if worded and month is not None:
            return date(int(worded.group(3)), month, int(worded.group(2) or 1))
    except ValueError:
        pass
    raise ValueError(f"{raw!r} is not a date")


def enum_label(raw: str) -> str:
    """JSON enum words as the website and the XML write them: DIETARY_SUPPLEMENT -> Dietary Supplement."""
    if raw.isupper() or "_" in raw:
        return raw.replace("_", " ").title()
    return raw


def intervention_label(kind: str | None, name: str) -> str:
    """One spelling for an intervention everywhere ("Drug: Avelumab"), the one the registry's arms use."""
    return f"{enum_label(kind)}: {name}" if kind else name


def phone_with_extension(phone: str | None, extension: str | None) -> str | None:
    """A dialable line: "617-632-3000 ext. 4704"; a worded extension ("TTY dial 711") follows a comma."""
    if not extension:
        return phone
    if not phone:
        return f"ext. {extension}" if extension.isdigit() else extension
    return f"{phone} ext. {extension}" if extension.isdigit() else f"{phone}, {extension}"


@lru_cache(maxsize=256)
def status_of(raw: str | None) -> TrialStatus:
    """normalise_status, remembered: a bulk file repeats a dozen wordings over a hundred thousand sites."""
    return normalise_status(raw)


def site_status(raw: str | None) -> TrialStatus | None:
    """A site without a status stays None (not "unknown"): older records never stated one."""
    return status_of(raw) if raw else None


def status_warning(raw: str | None, status: TrialStatus) -> ImportWarning | None:
    """A stated status we cannot place ("Approved for marketing") is worth telling: it reads as unknown."""
    if raw and status is TrialStatus.UNKNOWN and "unknown" not in raw.lower():
        return ImportWarning(field="status", message=f"status {raw!r} is not a recruitment status")
    return None


def distinct(identifiers: list[Identifier]) -> list[Identifier]:
    """Registrants repeat secondary IDs (NCI-MATCH lists EAY131 three times); one of each is the fact."""
    seen: set[tuple[str, str | None]] = set()
    kept = []
    for identifier in identifiers:
        key = (identifier.value, identifier.type)
        if key not in seen:
            seen.add(key)
            kept.append(identifier)
    return kept


def criteria_of(eligibility_text: str | None) -> list[Criterion]:
    """Items of the eligibility block; the block itself is kept verbatim beside them."""
    return split_criteria(eligibility_text) if eligibility_text else []


def not_utf8(data: bytes, error: UnicodeDecodeError) -> str:
    """Where the first undecodable byte sits, in the terms an editor shows (line, column)."""
    line = data.count(b"\n", 0, error.start) + 1
    column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
    return f"not UTF-8 text (byte 0x{data[error.start]:02x} at line {line}, column {column})"
