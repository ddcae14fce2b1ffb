"""A trial-aggregator's study page saved as text (seed 001), republishing a ClinicalTrials.gov record.

The page is a run of section headings, each followed by a one-line blurb about the section, then the
values one per line and mostly without labels ("TERMINATED", "PHASE2", "10 participants"). Values are
recognised by their shape, never by their position alone, and a heading counts only when its own blurb
follows it, so a criterion or arm that happens to read "Conditions" cannot open a section.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from trialmatch.domain.trial import (
    Arm,
    Contact,
    ContactRole,
    Identifier,
    ImportWarning,
    Site,
    Trial,
    TrialStatus,
    normalise_phase,
    normalise_sex,
    normalise_status,
)
from trialmatch.registries.errors import RegistryError
from trialmatch.registries.pages._shared import age_years, clean, eligibility, iso_date, study_type, yes_no

REGISTRY = "aggregator"

_ID = re.compile(r"^NCT ID:\s*(NCT\d{8})\s*$", re.M)
_BLURBS = {
    "Study Results": "The study team has not published outcome measurements",
    "Basic Information": "Get a concise snapshot of the trial",
    "Brief Summary": "Review the sponsor-provided synopsis",
    "Related Clinical Trials": "Explore similar clinical trials",
    "Detailed Description": "Dive into the extended narrative",
    "Conditions": "See the medical conditions and disease areas",
    "Study Design": "Understand how the trial is structured",
    "Study Groups": "Review each arm or cohort in the study",
    "Interventions": "Learn about the drugs, procedures, or behavioral strategies",
    "Other Intervention Names": "Discover alternative or legacy names",
    "Eligibility Criteria": "Check the participation requirements",
    "Sponsors": "Meet the organizations funding or collaborating",
    "Responsible Party": "Identify the individual or organization",
    "Principal Investigators": "Learn about the lead researchers",
    "Locations": "Explore where the study is taking place",
    "Countries": "Review the countries where the study",
    "References": "Explore related publications",
    "Other Identifiers": "Review additional registry numbers",
    "More Related Trials": "Additional clinical trials that may be relevant",
}
"""Each heading with the start of the blurb the page prints under it."""
_STUDY_TYPES = {"INTERVENTIONAL", "OBSERVATIONAL", "EXPANDED_ACCESS"}
_PHASE = re.compile(r"(?:EARLY_)?PHASE\d(?:\s*,\s*PHASE\d)*|NA")
_SPONSOR_CLASSES = {"OTHER", "INDUSTRY", "NIH", "FED", "OTHER_GOV", "INDIV", "NETWORK", "AMBIG", "UNKNOWN"}
_AGE = re.compile(r"\d+(?:\.\d+)?\s+(?:Years?|Months?|Weeks?|Days?|Hours?|Minutes?)")


def sniff(text: str) -> bool:
    return bool(_ID.search(text)) and re.search(r"^Basic Information\s*$", text, re.M) is not None


def _sections(lines: list[str]) -> dict[str, list[str]]:
    """Heading -> its value lines, blurbs and blank lines left out."""
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    i = 0
    while i < len(lines):
        line = lines[i]
        blurb = _BLURBS.get(line)
        if blurb and i + 1 < len(lines) and lines[i + 1].startswith(blurb):
            current = sections.setdefault(line, [])
            i += 2
            continue
        if current is not None and line:
            current.append(line)
        i += 1
    return sections


@dataclass
class _Basic:
    status: str | None = None
    phase: str | None = None
    enrollment: int | None = None
    study_type: str | None = None
    start_date: date | None = None


def _basic(values: list[str], warnings: list[ImportWarning]) -> _Basic:
    """Status, phase, enrollment, study type and the start and completion dates, by their shape."""
    basic = _Basic()
    dates: list[date] = []
    for value in values:
        if normalise_status(value) is not TrialStatus.UNKNOWN or value.upper() == "UNKNOWN":
            basic.status = value
        elif _PHASE.fullmatch(value):
            basic.phase = value
        elif match := re.fullmatch(r"(\d+) participants?", value):
            basic.enrollment = int(match.group(1))
        elif value in _STUDY_TYPES:
            basic.study_type = value
        elif (parsed := iso_date(value)) is not None:
            dates.append(parsed)
        else:
            warnings.append(ImportWarning(field="basic_information", message=f"unrecognised value {value!r}"))
    if len(dates) == 2:
        basic.start_date = dates[0]
    elif dates:
        warnings.append(
            ImportWarning(
                field="start_date", message=f"{len(dates)} unlabelled dates; start date not told apart"
            )
        )
    return basic


def _pairs(values: list[str], field: str, warnings: list[ImportWarning]) -> list[tuple[str, str]]:
    """ "Name / description" (Interventions) or "facility / address" (Locations) line pairs."""
    if len(values) % 2:
        warnings.append(ImportWarning(field=field, message=f"unpaired last line {values[-1]!r} not kept"))
    return list(zip(values[0::2], values[1::2], strict=False))


def _arms(values: list[str], interventions: dict[str, str]) -> list[Arm]:
    """Arms as "label / description", each followed by its interventions as "name / description".

    An intervention is recognised as a known intervention name followed by that intervention's own
    description (from the Interventions section), so an arm called like a drug still opens an arm.
    """
    arms: list[Arm] = []
    i = 0
    while i < len(values):
        name = values[i]
        following = values[i + 1] if i + 1 < len(values) else None
        if arms and name in interventions and following == interventions[name]:
            arms[-1].interventions.append(name)
            i += 2
            continue
        described = following is not None and following not in interventions
        arms.append(Arm(label=name, description=following if described else None))
        i += 2 if described else 1
    return arms


def _eligibility_facts(
    values: list[str], warnings: list[ImportWarning]
) -> tuple[list[str], float | None, float | None, str | None, bool | None]:
    """Split off the unlabelled "25 Years / 80 Years / ALL / No" lines printed after the criteria.

    They are minimum age, maximum age, sex and healthy volunteers. A single age line cannot be told to be
    the minimum or the maximum, so it is reported rather than guessed.
    """
    block = list(values)
    ages: list[str] = []
    sex = healthy = None
    while block:
        last = block[-1].strip()
        if last in {"ALL", "FEMALE", "MALE"} and sex is None:
            sex = last
        elif last in {"Yes", "No"} and healthy is None:
            healthy = last
        elif _AGE.fullmatch(last) and len(ages) < 2:
            ages.insert(0, last)
        else:
            break
        block.pop()
    min_age = max_age = None
    if len(ages) == 2:
        min_age = age_years(ages[0], "min_age", warnings)
        max_age = age_years(ages[1], "max_age", warnings)
    elif ages:
        warnings.append(
            ImportWarning(
                field="min_age", message=f"one unlabelled age {ages[0]!r}: minimum or maximum unknown"
            )
        )
    return block, min_age, max_age, sex, yes_no(healthy) if healthy else None


def _investigators(values: list[str], warnings: list[ImportWarning]) -> list[Contact]:
    """ "Name / Role: PRINCIPAL_INVESTIGATOR / affiliation" triples."""
    contacts = []
    for i, line in enumerate(values):
        if not line.startswith("Role: ") or i == 0:
            continue
        role = line.removeprefix("Role: ").strip()
        affiliation = (
            values[i + 1] if i + 1 < len(values) and not values[i + 1].startswith("Role: ") else None
        )
        if role == "PRINCIPAL_INVESTIGATOR":
            contacts.append(
                Contact(name=values[i - 1], role=ContactRole.PRINCIPAL_INVESTIGATOR, affiliation=affiliation)
            )
        else:
            warnings.append(ImportWarning(field="contacts", message=f"{values[i - 1]}: role {role} not kept"))
    return contacts


def _site(facility: str, address: str) -> Site:
    """ "New York, New York, United States": city first, country last, a part with digits the postal code."""
    parts = [part.strip() for part in address.split(",")]
    postal = next((part for part in parts[1:-1] if re.search(r"\d", part)), None)
    middle = [part for part in parts[1:-1] if part != postal]
    return Site(
        facility=facility,
        city=parts[0] if len(parts) > 1 else None,
        state=", ".join(middle) or None,
        postal_code=postal,
        country=parts[-1],
    )


def _identifiers(values: list[str]) -> list[Identifier]:
    """ "VALUE / Identifier Type: - / Identifier Source: org_study_id" triples."""
    identifiers = []
    for i, line in enumerate(values):
        if line.startswith(("Identifier Type:", "Identifier Source:")):
            continue
        kind = next(
            (
                v.removeprefix(prefix).strip()
                for v in values[i + 1 : i + 3]
                for prefix in ("Identifier Type:", "Identifier Source:")
                if v.startswith(prefix) and v.removeprefix(prefix).strip() not in {"", "-"}
            ),
            None,
        )
        identifiers.append(Identifier(value=line, type=kind))
    return identifiers


def read(text: str, source: str) -> Trial:
    match = _ID.search(text)
    if not match:
        raise RegistryError(source, "no 'NCT ID: NCT...' line on the page")
    lines = [line.strip() for line in clean(text).split("\n")]
    sections = _sections(lines)
    warnings: list[ImportWarning] = []

    title, acronym = lines[0], None
    # The page pads the acronym: "... Infection ( ILIAD-7-US-O )"; a title's own "(COVID-19)" is unpadded.
    if acronym_match := re.fullmatch(r"(.+?)\s+\( (\S+) \)", lines[0]):
        title, acronym = acronym_match.group(1), acronym_match.group(2)

    last_update = None
    if updated := next((line for line in lines if line.startswith("Last Updated:")), None):
        raw_update = updated.removeprefix("Last Updated:").strip()
        last_update = iso_date(raw_update)
        if last_update is None:
            warnings.append(ImportWarning(field="last_update", message=f"unreadable date {raw_update!r}"))

    basic = _basic(sections.get("Basic Information", []), warnings)
    interventions = dict(_pairs(sections.get("Interventions", []), "interventions", warnings))
    block, min_age, max_age, sex, healthy = _eligibility_facts(
        sections.get("Eligibility Criteria", []), warnings
    )
    eligibility_text, criteria = eligibility(block)

    contacts = _investigators(sections.get("Principal Investigators", []), warnings)
    contacts += [
        Contact(name=name, role=ContactRole.RESPONSIBLE_PARTY)
        for name in sections.get("Responsible Party", [])
    ]
    locations = _pairs(sections.get("Locations", []), "sites", warnings)
    # Seed 001 prints the "Brief Summary" heading with nothing under it: the description is what it states.
    summary = sections.get("Brief Summary") or sections.get("Detailed Description") or []
    return Trial(
        id=match.group(1),
        registry=REGISTRY,
        title=title,
        acronym=acronym,
        status=normalise_status(basic.status),
        phase=normalise_phase(basic.phase),
        study_type=study_type(basic.study_type) if basic.study_type else None,
        enrollment=basic.enrollment,
        conditions=sections.get("Conditions", []),
        interventions=list(interventions),
        arms=_arms(sections.get("Study Groups", []), interventions),
        min_age=min_age,
        max_age=max_age,
        sex=normalise_sex(sex),
        healthy_volunteers=healthy,
        eligibility_text=eligibility_text,
        criteria=criteria,
        sites=[_site(facility, address) for facility, address in locations],
        contacts=contacts,
        sponsors=[line for line in sections.get("Sponsors", []) if line not in _SPONSOR_CLASSES],
        last_update=last_update,
        start_date=basic.start_date,
        identifiers=_identifiers(sections.get("Other Identifiers", [])),
        summary="\n".join(summary) or None,
        warnings=warnings,
    )
