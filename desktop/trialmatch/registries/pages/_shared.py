"""Text helpers every page reader needs: dates as registries print them, contacts, the eligibility block.

Saved pages are what a browser or a PDF-to-text tool left behind, so the helpers are forgiving about
spacing and strict about meaning: anything they cannot read is returned as None for the reader to turn into
an ``ImportWarning``, never guessed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from trialmatch.domain.segmentation import split_criteria
from trialmatch.domain.trial import Criterion, ImportWarning, parse_age_years

_MONTHS = {
    name: number
    for number, name in enumerate(
        (
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ),
        start=1,
    )
}

# Cyrillic letters that look Latin; some saved pages carry them in labels ("Туре", "ССМО").
_LOOKALIKES = str.maketrans("АВСЕНКМОРТХаеорсух", "ABCEHKMOPTXaeopcyx")


def clean(text: str) -> str:
    """Saved text as the readers expect it: no byte-order mark, "\n" line ends, plain spaces."""
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")


def fold_lookalikes(label: str) -> str:
    """Latin spelling of a label typed with Cyrillic look-alike letters, so "ССМО" is read as "CCMO"."""
    return label.translate(_LOOKALIKES)


def long_date(raw: str) -> date | None:
    """ "November 15, 2022" (ClinicalTrials.gov's display form) -> 2022-11-15; None if not that form."""
    match = re.fullmatch(r"([A-Za-z]+)\s+(\d{1,2}),\s*(\d{4})", raw.strip())
    if not match or match.group(1).lower() not in _MONTHS:
        return None
    try:
        return date(int(match.group(3)), _MONTHS[match.group(1).lower()], int(match.group(2)))
    except ValueError:
        return None


def day_month_year(raw: str) -> date | None:
    """ "29-06-2022" (Dutch register order, day first) -> 2022-06-29; None if not a real date."""
    match = re.fullmatch(r"(\d{1,2})-(\d{1,2})-(\d{4})", raw.strip())
    if not match:
        return None
    try:
        return date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
    except ValueError:
        return None


def iso_date(raw: str) -> date | None:
    """ "2020-12-20" -> 2020-12-20; None if not a full ISO date."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw.strip()):
        return None
    try:
        return date.fromisoformat(raw.strip())
    except ValueError:
        return None


def study_type(raw: str) -> str:
    """One spelling for study types: "INTERVENTIONAL", "Interventional (Clinical Trial)" -> "Interventional".

    The parenthesis is ClinicalTrials.gov's gloss on its own vocabulary, not part of the type.
    """
    words = re.sub(r"\s*\(.*\)\s*$", "", raw).replace("_", " ").strip()
    return words[:1].upper() + words[1:].lower()


def yes_no(raw: str) -> bool | None:
    key = raw.strip().lower()
    if key in {"yes", "accepts healthy volunteers"}:
        return True
    if key == "no":
        return False
    return None


def age_years(raw: str, field: str, warnings: list[ImportWarning]) -> float | None:
    """One printed age limit in years, or None with a warning when the page printed something unreadable."""
    try:
        return parse_age_years(raw)
    except ValueError as error:
        warnings.append(ImportWarning(field=field, message=str(error)))
        return None


_PHONE_THEN_REST = re.compile(r"^(?P<name>.*?[^\d\s+])\s+(?P<phone>\+?\d[\d\s()./\-]*?(?:\s*ext\.?\s*\d+)?)$")


def name_phone_email(text: str) -> tuple[str, str | None, str | None]:
    """Split "Name | phone | email" or the cell-less "Name, Title +49 69 7601 ext 4420 a@b.de" form.

    The email is the token with "@"; the phone is the run of digits (with "+", spaces and "ext") that ends
    what is left; the name is everything before it.
    """
    cells = [cell.strip() for cell in text.split("|") if cell.strip()]
    if len(cells) > 1:
        email = next((cell for cell in cells[1:] if "@" in cell), None)
        phone = next((cell for cell in cells[1:] if "@" not in cell and re.search(r"\d", cell)), None)
        return cells[0], phone, email
    rest = cells[0] if cells else ""
    email = None
    email_match = re.search(r"\s*(\S+@\S+)$", rest)
    if email_match:
        email = email_match.group(1)
        rest = rest[: email_match.start()]
    phone_match = _PHONE_THEN_REST.match(rest.strip())
    if phone_match:
        return phone_match.group("name").strip(), phone_match.group("phone").strip(), email
    return rest.strip(), None, email


def eligibility(lines: list[str]) -> tuple[str | None, list[Criterion]]:
    """The verbatim block and its criteria, from the lines a reader cut out (headings included).

    Splitting into items belongs to ``split_criteria``, which also reads a misplaced "Exclusion Criteria"
    heading by the printed numbering (seed 001); the reader's job ends at handing it the right block.
    """
    while lines and not lines[0].strip():
        lines = lines[1:]
    while lines and not lines[-1].strip():
        lines = lines[:-1]
    if not lines:
        return None, []
    block = "\n".join(line.rstrip() for line in lines)
    return block, split_criteria(block)


def dated(
    parse: Callable[[str], date | None], raw: str | None, field: str, warnings: list[ImportWarning]
) -> date | None:
    """A page's date read with the page's own date format; unreadable ones become a warning, not a guess."""
    if not raw:
        return None
    parsed = parse(raw)
    if parsed is None:
        warnings.append(ImportWarning(field=field, message=f"unreadable date {raw!r}"))
    return parsed
