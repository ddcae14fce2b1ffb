"""ClinicalTrials.gov *classic* study pages saved as text (seeds 002 and 004).

The classic site laid records out as tables; saved as text, each row is a line of " | "-separated cells
("Estimated Enrollment : | 45 participants |"), a few values sit on the line after their label
("Recruitment Status :" / "Recruiting") and the locations are rows of country, facility and address.
"""

from __future__ import annotations

import re

from trialmatch.domain.trial import (
    Arm,
    Contact,
    ContactRole,
    Identifier,
    ImportWarning,
    Site,
    Trial,
    normalise_phase,
    normalise_sex,
    normalise_status,
)
from trialmatch.registries.errors import RegistryError
from trialmatch.registries.pages._shared import (
    age_years,
    clean,
    dated,
    eligibility,
    long_date,
    name_phone_email,
    study_type,
    yes_no,
)

REGISTRY = "ctgov"

_ID = re.compile(r"ClinicalTrials\.gov Identifier:\s*\|?\s*(NCT\d{8})")
_INTERVENTION_TYPES = (
    "Drug|Biological|Device|Procedure|Radiation|Behavioral|Genetic|Dietary Supplement|"
    "Combination Product|Diagnostic Test|Other"
)
_INTERVENTION = re.compile(rf"(?:{_INTERVENTION_TYPES}): .+?(?=\s+(?:{_INTERVENTION_TYPES}): |$)")
_ARM = re.compile(
    r"^(Experimental|Active Comparator|Placebo Comparator|Sham Comparator|No Intervention|Other): (.+)$"
)
# The classic page prints "Brief Title (ACRONYM)"; a title that itself ends in a one-word parenthesis with
# two capitals would be read the same way, which the page gives no means to tell apart.
_ACRONYM = re.compile(r"^(.+?)\s*\(\s*([A-Z0-9][A-Za-z0-9\-]*[A-Z][A-Za-z0-9\-]*)\s*\)$")
_OVERALL_PI = re.compile(r"^Principal Investigator:\s*\|\s*(.+?)\s*\|\s*(.*?)\s*\|?\s*$")
_SITE_PI = re.compile(r"^Principal Investigator:\s*([^|]+?)\s*\|?\s*$")
_END_OF_LOCATIONS = (
    r"^(?:Principal Investigator|Study Director|Study Chair|Responsible Party|Sponsor|Collaborators?|"
    r"Investigators|ClinicalTrials\.gov Identifier)\s*:\s*\|"
)


def sniff(text: str) -> bool:
    return bool(_ID.search(text))


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.split("|") if cell.strip()]


def _labelled(lines: list[str], label: str) -> str | None:
    """Value of the first "Label : | value |" row; ``label`` is a regex."""
    pattern = re.compile(rf"^(?:{label})\s*:\s*\|\s*(.*?)\s*\|?\s*$")
    return next((m.group(1) for line in lines if (m := pattern.match(line))), None)


def _status_block(lines: list[str], label: str) -> str | None:
    """Value in the block at the top of the page, on the label's line ("Last Update Posted : November 15,
    2022") or on the next one ("Recruitment Status :" / "Recruiting"); rows with table cells are not it."""
    for i, line in enumerate(lines[:-1]):
        if match := re.fullmatch(rf"{label}\s*:\s*([^|]*)", line):
            return match.group(1).strip() or lines[i + 1].strip() or None
    return None


def _index(lines: list[str], pattern: str, start: int = 0) -> int | None:
    compiled = re.compile(pattern)
    return next((i for i in range(start, len(lines)) if compiled.search(lines[i])), None)


def _ages(raw: str, warnings: list[ImportWarning]) -> tuple[float | None, float | None]:
    """ "18 Years and older (Adult, Older Adult)", "18 Years to 75 Years", "up to 17 Years"; the
    parenthesis is the site's age-group gloss and carries no limit of its own."""
    text = re.sub(r"\s*\([^)]*\)\s*$", "", raw).strip()
    if match := re.fullmatch(r"(.+?)\s+to\s+(.+)", text):
        return age_years(match.group(1), "min_age", warnings), age_years(match.group(2), "max_age", warnings)
    if match := re.fullmatch(r"(.+?)\s+and older", text):
        return age_years(match.group(1), "min_age", warnings), None
    if match := re.fullmatch(r"up to\s+(.+)", text, re.I):
        return None, age_years(match.group(1), "max_age", warnings)
    if re.fullmatch(r"(?:Child|Adult|Older Adult)(?:,\s*(?:Child|Adult|Older Adult))*", text):
        return None, None
    warnings.append(ImportWarning(field="min_age", message=f"unreadable ages {raw!r}"))
    return None, None


def _conditions_interventions_phase(
    lines: list[str], warnings: list[ImportWarning]
) -> tuple[list[str], list[str], str | None, int | None]:
    """The row under "Condition or disease | Intervention/treatment | Phase |".

    The page joins each cell's list with spaces. Interventions split safely on their type prefixes
    ("Drug: IMP321 Drug: Avelumab"), a closed vocabulary. Conditions have no such marker: "Solid Tumors
    Peritoneal Carcinomatosis" could be one, two or three conditions, and the keyword row near the end
    ("solid tumor peritoneal carcinomatosis") is joined the same way, so the cell is kept whole as one
    condition rather than split by guesswork. Returns also the row's index, where the summary starts.
    """
    header = _index(lines, r"^Condition or disease\s*\|")
    if header is None or header + 2 >= len(lines):
        warnings.append(ImportWarning(field="conditions", message="no 'Condition or disease' table"))
        return [], [], None, None
    row = header + 2 if lines[header + 1].startswith("---") else header + 1
    cells = [cell.strip() for cell in lines[row].split("|")]
    conditions = [cells[0]] if cells[0] else []
    interventions = _INTERVENTION.findall(cells[1]) if len(cells) > 1 else []
    phase = normalise_phase(cells[2]) if len(cells) > 2 else None
    return conditions, interventions, phase, row


def _arms(lines: list[str], interventions: list[str]) -> list[Arm]:
    """Rows of the "Arm | Intervention/treatment |" table.

    Each arm is its "Type: label" line, description lines, a lone "|" and then the intervention cell, which
    ends with " |". The cell's text is mangled (descriptions run into the next intervention), so an arm's
    interventions are the trial's interventions whose "Type: name" appears in its cell.
    """
    header = _index(lines, r"^Arm\s*\|\s*Intervention/treatment")
    if header is None:
        return []
    arms: list[Arm] = []
    i = header + 1
    while i < len(lines):
        match = _ARM.match(lines[i])
        if not match:
            if lines[i].startswith("---"):
                i += 1
                continue
            break
        description: list[str] = []
        i += 1
        while i < len(lines) and lines[i].strip() != "|":
            description.append(lines[i].strip())
            i += 1
        cell: list[str] = []
        i += 1
        while i < len(lines):
            cell.append(lines[i])
            i += 1
            if lines[i - 1].rstrip().endswith("|"):
                break
        cell_text = " ".join(cell)
        arms.append(
            Arm(
                label=match.group(2).strip(),
                type=match.group(1),
                description="\n".join(description) or None,
                interventions=[name for name in interventions if name in cell_text],
            )
        )
    return arms


def _address(cell: str, country: str | None) -> tuple[str | None, str | None, str | None] | None:
    """City, state and postal code of "Frankfurt, Germany, 60488"; None unless it names ``country``."""
    parts = [part.strip() for part in cell.split(",")]
    if country is None or country not in parts or len(parts) < 2:
        return None
    at = parts.index(country)
    return parts[0] if at > 0 else None, ", ".join(parts[1:at]) or None, ", ".join(parts[at + 1 :]) or None


def _locations(lines: list[str]) -> tuple[list[Contact], list[Site]]:
    """Central contacts and sites, printed after "Please refer to this study by its ... identifier".

    Rows before the first location are the central contacts. A location is a country row ("Germany | |",
    or "United States, New York | |" with the state), a facility row with the site status in its second
    cell, and an address row naming the country; "Contact:" and "Principal Investigator: name" rows below a
    facility are that site's. A facility is told from a country row by the address row that follows it.
    """
    start = _index(lines, r"^Please refer to this study by its ClinicalTrials\.gov identifier")
    if start is None:
        return [], []
    end = _index(lines, _END_OF_LOCATIONS, start) or len(lines)
    rows = [_cells(line) for line in lines[start + 1 : end] if _cells(line)]
    central: list[Contact] = []
    sites: list[Site] = []
    country: str | None = None
    state: str | None = None
    for i, cells in enumerate(rows):
        if cells[0].startswith("Contact:"):
            name, phone, email = name_phone_email(" | ".join([cells[0].removeprefix("Contact:"), *cells[1:]]))
            role = ContactRole.SITE_CONTACT if sites else ContactRole.CENTRAL_CONTACT
            contact = Contact(name=name, role=role, phone=phone, email=email)
            (sites[-1].contacts if sites else central).append(contact)
            continue
        if (pi := _SITE_PI.match(" | ".join(cells))) and sites:
            sites[-1].contacts.append(Contact(name=pi.group(1), role=ContactRole.PRINCIPAL_INVESTIGATOR))
            continue
        if sites and sites[-1].city is None and (address := _address(cells[0], country)):
            sites[-1].city, state_of_site, sites[-1].postal_code = address
            sites[-1].state = state_of_site or sites[-1].state
            continue
        following = next((row for row in rows[i + 1 :] if not row[0].startswith("Contact:")), None)
        if len(cells) > 1 or (following is not None and _address(following[0], country)):
            status = normalise_status(cells[1]) if len(cells) > 1 else None
            sites.append(Site(facility=cells[0], country=country, state=state, status=status))
            continue
        country, _, state_part = cells[0].partition(",")
        country, state = country.strip(), state_part.strip() or None
    return central, sites


def _other_ids(lines: list[str]) -> list[Identifier]:
    """Rows after "Other Study ID Numbers: |" up to "First Posted:"; the first is the sponsor's own id."""
    start = _index(lines, r"^Other Study ID Numbers:")
    if start is None:
        return []
    values: list[str] = []
    inline = lines[start].split("|", 1)[1].strip(" |") if "|" in lines[start] else ""
    if inline:
        values.append(inline)
    for line in lines[start + 1 :]:
        if re.match(r"^[A-Z][A-Za-z ]+:", line):
            break
        if value := line.strip().rstrip("|").strip():
            values.append(value)
    return [
        Identifier(value=value, type="org_study_id" if i == 0 else "secondary_id")
        for i, value in enumerate(values)
    ]


def read(text: str, source: str) -> Trial:
    match = _ID.search(text)
    if not match:
        raise RegistryError(source, "no 'ClinicalTrials.gov Identifier: NCT...' on the page")
    lines = [line.rstrip() for line in clean(text).split("\n")]
    warnings: list[ImportWarning] = []

    title = lines[0].strip()
    acronym = None
    if acronym_match := _ACRONYM.match(title):
        title, acronym = acronym_match.group(1), acronym_match.group(2)

    conditions, interventions, phase, table_row = _conditions_interventions_phase(lines, warnings)
    study_type_row = _index(lines, r"^Study Type\s*:")
    summary_lines = (
        lines[table_row + 1 : study_type_row] if table_row is not None and study_type_row is not None else []
    )

    enrollment_raw = _labelled(lines, r"(?:Estimated|Actual) Enrollment")
    enrollment = None
    if enrollment_raw:
        if enrollment_match := re.fullmatch(r"(\d[\d,]*)\s+participants?", enrollment_raw):
            enrollment = int(enrollment_match.group(1).replace(",", ""))
        else:
            warnings.append(ImportWarning(field="enrollment", message=f"unreadable {enrollment_raw!r}"))

    min_age = max_age = None
    if ages := _labelled(lines, "Ages Eligible for Study"):
        min_age, max_age = _ages(ages, warnings)

    block_start = _index(lines, r"^Accepts Healthy Volunteers:")
    block_end = _index(lines, r"^To learn more about this study", block_start or 0)
    block: list[str] = []
    if block_start is not None and block_end is not None:
        block = lines[block_start + 1 : block_end]
    eligibility_text, criteria = eligibility(block)

    central, sites = _locations(lines)
    contacts = list(central)
    for line in lines:
        if pi := _OVERALL_PI.match(line):
            contacts.append(
                Contact(
                    name=pi.group(1), role=ContactRole.PRINCIPAL_INVESTIGATOR, affiliation=pi.group(2) or None
                )
            )
    if responsible := _labelled(lines, "Responsible Party"):
        contacts.append(Contact(name=responsible, role=ContactRole.RESPONSIBLE_PARTY))

    healthy = _labelled(lines, "Accepts Healthy Volunteers")
    return Trial(
        id=match.group(1),
        registry=REGISTRY,
        title=title,
        official_title=_labelled(lines, "Official Title"),
        acronym=acronym,
        status=normalise_status(_status_block(lines, "Recruitment Status")),
        phase=phase,
        study_type=study_type(raw) if (raw := _labelled(lines, "Study Type")) else None,
        enrollment=enrollment,
        conditions=conditions,
        interventions=interventions,
        arms=_arms(lines, interventions),
        min_age=min_age,
        max_age=max_age,
        sex=normalise_sex(_labelled(lines, "Sexes Eligible for Study")),
        healthy_volunteers=yes_no(healthy) if healthy else None,
        eligibility_text=eligibility_text,
        criteria=criteria,
        sites=sites,
        contacts=contacts,
        last_update=dated(long_date, _status_block(lines, "Last Update Posted"), "last_update", warnings),
        start_date=dated(
            long_date, _labelled(lines, r"(?:Actual|Estimated) Study Start Date"), "start_date", warnings
        ),
        identifiers=_other_ids(lines),
        summary="\n".join(line.strip() for line in summary_lines if line.strip()) or None,
        warnings=warnings,
    )
