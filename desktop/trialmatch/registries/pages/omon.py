"""Pages of the Dutch OMON register (onderzoekmetmensen.nl) saved as text from its PDF print (seed 003).

The print is part prose under headings, part "key<TAB>value" rows. Every page ends with a footer
"N - <title cut at ~80 characters> ..." and often the print date, which the text extraction drops
anywhere, even mid-line ("Michalakopoulou str 88 3 - PERSONALIZED ... 2-05-2025 Athene"); footers are
cut out before anything is read. Some labels are typed with Cyrillic look-alike letters ("Туре", "ССМО").
"""

from __future__ import annotations

import re

from trialmatch.domain.trial import (
    Contact,
    ContactRole,
    Identifier,
    ImportWarning,
    Site,
    Trial,
    normalise_phase,
    normalise_status,
)
from trialmatch.registries.errors import RegistryError
from trialmatch.registries.pages._shared import (
    clean,
    dated,
    day_month_year,
    eligibility,
    fold_lookalikes,
    study_type,
)

REGISTRY = "omon"

_ID = re.compile(r"^\s*(NL-OMON\d+)\s*$", re.M)
_CONTACT_ROLES = {
    "Public": ContactRole.CENTRAL_CONTACT,
    "Scientific": ContactRole.RESPONSIBLE_PARTY,
}
"""The public contact answers participants' questions, as a central contact does; the scientific contact
answers for the study's content, which ClinicalTrials.gov calls the responsible party."""
# Headings that close the prose sections this reader cuts out.
_HEADINGS = {
    "Summary",
    "ID",
    "Condition",
    "Research involving",
    "Sponsors and support",
    "Intervention",
    "Outcome measures",
    "Study description",
    "Contacts",
    "Trial sites",
    "Listed location countries",
    "Eligibility criteria",
    "Age",
    "Inclusion criteria",
    "Exclusion criteria",
    "Study design",
    "Design",
    "Recruitment",
    "Medical products/devices used",
    "Ethics review",
    "Study registrations",
}


def sniff(text: str) -> bool:
    return bool(_ID.search(text))


def _without_footers(text: str, title: str) -> str:
    """Cut "N - <start of title> ... [print date]" wherever it fell, joining the words around it."""
    footer = re.compile(
        r"[ \t]*\b\d{1,3} - " + re.escape(title[:20]) + r"[^\n]*?\.\.\.(?:\s*\d{1,2}-\d{2}-\d{4})?[ \t]*"
    )
    return footer.sub(lambda m: " " if m.string[m.end() : m.end() + 1] not in ("", "\n") else "", text)


def _section(lines: list[str], heading: str, start: int = 0) -> list[str]:
    """Non-blank lines after ``heading`` up to the next known heading."""
    try:
        at = lines.index(heading, start)
    except ValueError:
        return []
    out: list[str] = []
    for line in lines[at + 1 :]:
        if line in _HEADINGS:
            break
        if line:
            out.append(line)
    return out


def _pairs(lines: list[str]) -> list[tuple[str, str]]:
    """Every "key<TAB>value" row, keys in Latin letters and without the trailing colon, in page order."""
    rows = []
    for line in lines:
        if "\t" in line:
            key, _, value = line.partition("\t")
            rows.append((fold_lookalikes(key).strip().rstrip(":"), value.strip()))
    return rows


def _first(rows: list[tuple[str, str]], *keys: str) -> str | None:
    for wanted in keys:
        for key, value in rows:
            if key == wanted and value:
                return value
    return None


def _ages(raw: str, warnings: list[ImportWarning]) -> tuple[float | None, float | None]:
    """The register's age groups, e.g. "Adults (18-64 years) Elderly (65 years and older)" -> 18, None.

    The trial admits the union of its groups: the youngest group's lower bound, the oldest group's upper
    bound, no upper bound if a group is open-ended.
    """
    lows: list[float] = []
    highs: list[float | None] = []
    for group in re.findall(r"\(([^)]*)\)", raw):
        if match := re.fullmatch(r"(\d+)-(\d+) years", group.strip()):
            lows.append(float(match.group(1)))
            highs.append(float(match.group(2)))
        elif match := re.fullmatch(r"(\d+) years and older", group.strip()):
            lows.append(float(match.group(1)))
            highs.append(None)
        else:
            warnings.append(ImportWarning(field="min_age", message=f"unreadable age group {group!r}"))
            return None, None
    if not lows:
        warnings.append(ImportWarning(field="min_age", message=f"no age group in {raw!r}"))
        return None, None
    high = None if None in highs else max(h for h in highs if h is not None)
    return min(lows), high


def _contacts(lines: list[str]) -> list[Contact]:
    """ "Public" / "**Scientific**" each followed by the organisation and its postal address lines.

    A role is a line of its own or set in bold, so "Public Health ..." in a name is not a role.
    """
    text = "\n".join(_section(lines, "Contacts"))
    parts = re.split(r"(?:^|\n)(Public|Scientific)(?=\n|$)|\s*\*\*(Public|Scientific)\*\*\s*", text)
    contacts = []
    for i in range(1, len(parts) - 2, 3):
        role, body = parts[i] or parts[i + 1], parts[i + 2]
        body_lines = [line.strip() for line in body.strip().split("\n") if line.strip()]
        if body_lines:
            contacts.append(
                Contact(
                    name=body_lines[0],
                    role=_CONTACT_ROLES[role],
                    address=" ".join(body_lines[1:]) or None,
                )
            )
    return contacts


def _products(rows: list[tuple[str, str]]) -> list[str]:
    """ "Medicine: Kineret (Anakinra)" for each "Product type / Brand name / Generic name" group."""
    products: list[dict[str, str]] = []
    for key, value in rows:
        if key == "Product type":
            products.append({"type": value})
        elif products and key in {"Brand name", "Generic name"}:
            products[-1][key] = value
    names = []
    for product in products:
        brand, generic = product.get("Brand name"), product.get("Generic name")
        name = f"{brand} ({generic})" if brand and generic else brand or generic
        if name:
            names.append(f"{product['type']}: {name}" if product["type"] else name)
    return names


def _eligibility_lines(lines: list[str]) -> list[str]:
    """From "Inclusion criteria" to the "Study design" heading that follows the exclusions.

    Blank lines are the PDF's paragraph spacing (it also splits wrapped items with them), not content.
    """
    try:
        start = lines.index("Inclusion criteria")
    except ValueError:
        return []
    end = lines.index("Study design", start) if "Study design" in lines[start:] else len(lines)
    return [line for line in lines[start:end] if line]


def _summary(lines: list[str]) -> str | None:
    """The register's one-paragraph description, printed between the "Published:" line and the first row."""
    start = next((i for i, line in enumerate(lines) if line.startswith("Published:")), None)
    if start is None:
        return None
    summary: list[str] = []
    for line in lines[start + 1 :]:
        if "\t" in line or line in _HEADINGS:
            break
        if line:
            summary.append(line)
    return "\n".join(summary) or None


def _prefixed(lines: list[str], prefix: str) -> str | None:
    """Text after ``prefix`` on the first line that starts with it ("Brief title ImmunoSep")."""
    return next((line.removeprefix(prefix).strip() for line in lines if line.startswith(prefix)), None)


def read(text: str, source: str) -> Trial:
    match = _ID.search(text)
    if not match:
        raise RegistryError(source, "no NL-OMON identifier on the page")
    text = clean(text)
    title = next((line.strip() for line in text.split("\n") if line.strip()), "")
    lines = [line.strip() for line in _without_footers(text, title).split("\n")]
    rows = _pairs(lines)
    keys = [key for key, _ in rows]
    warnings: list[ImportWarning] = []

    update_match = re.search(r"Last updated:\s*(\S+)", _prefixed(lines, "Published:") or "")
    last_update = dated(
        day_month_year, update_match.group(1) if update_match else None, "last_update", warnings
    )
    start_key = next((key for key in keys if key.startswith("Start date")), None)
    start_date = dated(day_month_year, _first(rows, start_key) if start_key else None, "start_date", warnings)

    brief = _prefixed(lines, "Brief title ")
    acronym = brief if brief and " " not in brief else None
    short_title = brief if brief and acronym is None else None

    conditions = [line.lstrip("•").strip() for line in _section(lines, "Condition") if line.startswith("•")]
    if synonym := _prefixed(lines, "Synonym "):
        conditions.append(synonym)

    sponsors: list[str] = []
    if sponsor_line := _prefixed(lines, "Primary sponsor:"):
        sponsor, _, support = sponsor_line.partition("**Source(s) of monetary or material Support:**")
        sponsors = [name.strip() for name in (sponsor, support) if name.strip()]

    enrollment = None
    if (raw_enrollment := _first(rows, "Enrollment")) is not None:
        if raw_enrollment.isdigit():
            enrollment = int(raw_enrollment)
        else:
            warnings.append(ImportWarning(field="enrollment", message=f"unreadable {raw_enrollment!r}"))

    min_age = max_age = None
    eligibility_at = lines.index("Eligibility criteria") if "Eligibility criteria" in lines else 0
    if age_lines := _section(lines, "Age", eligibility_at):
        min_age, max_age = _ages(" ".join(age_lines), warnings)

    status = normalise_status(_first(rows, "Recruitment status", "Status"))
    sites = [
        Site(country=country, status=status if country == "Netherlands" else None)
        for country in _section(lines, "Listed location countries")
    ]

    registers = rows[keys.index("Register") + 1 :] if "Register" in keys else []
    identifiers = [Identifier(value=value, type=register) for register, value in registers]

    eligibility_text, criteria = eligibility(_eligibility_lines(lines))
    raw_type = _first(rows, "Study type")
    return Trial(
        id=match.group(1),
        registry=REGISTRY,
        title=short_title or title,
        official_title=title if short_title else None,
        acronym=acronym,
        status=status,
        phase=normalise_phase(_first(rows, "Study phase")),
        study_type=study_type(raw_type) if raw_type else None,
        enrollment=enrollment,
        conditions=conditions,
        interventions=_products(rows),
        min_age=min_age,
        max_age=max_age,
        eligibility_text=eligibility_text,
        criteria=criteria,
        sites=sites,
        contacts=_contacts(lines),
        sponsors=sponsors,
        last_update=last_update,
        start_date=start_date,
        identifiers=identifiers,
        summary=_summary(lines),
        warnings=warnings,
    )
