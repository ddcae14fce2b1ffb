"""The trial record as every registry reader produces it and every later layer consumes it.

Registries disagree on vocabulary (``RECRUITING`` vs ``Recruiting`` vs ``Active, not recruiting``), so the
model holds one normalised vocabulary and the readers map onto it. Verbatim text (the eligibility block,
each criterion) is kept as the registry wrote it: the clinician must always be able to read the source.
"""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


class Model(BaseModel):
    """Base of the domain models: unknown fields are refused so a typo in a reader fails loudly."""

    model_config = ConfigDict(extra="forbid", frozen=False, validate_assignment=False)


class TrialStatus(StrEnum):
    RECRUITING = "recruiting"
    NOT_YET_RECRUITING = "not_yet_recruiting"
    ACTIVE_NOT_RECRUITING = "active_not_recruiting"
    ENROLLING_BY_INVITATION = "enrolling_by_invitation"
    SUSPENDED = "suspended"
    TERMINATED = "terminated"
    COMPLETED = "completed"
    WITHDRAWN = "withdrawn"
    UNKNOWN = "unknown"

    @property
    def is_open(self) -> bool:
        """Open means a patient could be referred now or soon."""
        return self in _OPEN_STATUSES


_OPEN_STATUSES = frozenset(
    {TrialStatus.RECRUITING, TrialStatus.NOT_YET_RECRUITING, TrialStatus.ENROLLING_BY_INVITATION}
)

_STATUS_WORDS = {
    "recruiting": TrialStatus.RECRUITING,
    "open": TrialStatus.RECRUITING,
    "open to accrual": TrialStatus.RECRUITING,
    "recruitment ongoing": TrialStatus.RECRUITING,
    "not yet recruiting": TrialStatus.NOT_YET_RECRUITING,
    "pending": TrialStatus.NOT_YET_RECRUITING,
    "active not recruiting": TrialStatus.ACTIVE_NOT_RECRUITING,
    "recruitment stopped": TrialStatus.ACTIVE_NOT_RECRUITING,
    "enrolling by invitation": TrialStatus.ENROLLING_BY_INVITATION,
    "suspended": TrialStatus.SUSPENDED,
    "temporarily not available": TrialStatus.SUSPENDED,
    "temporarily closed": TrialStatus.SUSPENDED,
    "terminated": TrialStatus.TERMINATED,
    "stopped early": TrialStatus.TERMINATED,
    "completed": TrialStatus.COMPLETED,
    "closed": TrialStatus.COMPLETED,
    "withdrawn": TrialStatus.WITHDRAWN,
    "unknown": TrialStatus.UNKNOWN,
    "unknown status": TrialStatus.UNKNOWN,
}


def normalise_status(raw: str | None) -> TrialStatus:
    """Map any registry's status wording (``ACTIVE_NOT_RECRUITING``, ``Active, not recruiting``) to ours."""
    if not raw:
        return TrialStatus.UNKNOWN
    key = re.sub(r"[\s_,\-]+", " ", raw).strip().lower()
    return _STATUS_WORDS.get(key, TrialStatus.UNKNOWN)


class Section(StrEnum):
    INCLUSION = "inclusion"
    EXCLUSION = "exclusion"


class ContactRole(StrEnum):
    CENTRAL_CONTACT = "central_contact"
    PRINCIPAL_INVESTIGATOR = "principal_investigator"
    STUDY_CHAIR = "study_chair"
    STUDY_DIRECTOR = "study_director"
    RESPONSIBLE_PARTY = "responsible_party"
    SPONSOR = "sponsor"
    SITE_CONTACT = "site_contact"


class Sex(StrEnum):
    ALL = "all"
    FEMALE = "female"
    MALE = "male"


def official_role(raw: str | None) -> ContactRole:
    """A registry's role of an overall official ("Study Chair", "STUDY_DIRECTOR") in our vocabulary."""
    key = re.sub(r"[\s_\-]+", " ", raw or "").strip().lower()
    return {"study chair": ContactRole.STUDY_CHAIR, "study director": ContactRole.STUDY_DIRECTOR}.get(
        key, ContactRole.PRINCIPAL_INVESTIGATOR
    )


class Contact(Model):
    name: str
    role: ContactRole
    phone: str | None = None
    email: str | None = None
    affiliation: str | None = None
    address: str | None = None
    """Postal address, printed by registers that give no phone or email (OMON's public contact)."""


class Site(Model):
    facility: str | None = None
    city: str | None = None
    state: str | None = None
    postal_code: str | None = None
    country: str | None = None
    status: TrialStatus | None = None
    latitude: float | None = None
    longitude: float | None = None
    contacts: list[Contact] = Field(default_factory=list)


class Criterion(Model):
    """One eligibility item as printed: the unit a clinician judges and the engine compiles to a rule."""

    section: Section
    number: str | None = None
    """The label as printed ("3", "I8", "a") or None for a bullet."""
    text: str
    """Verbatim item text, wrapped lines joined, bullet/number stripped."""
    stratum: str | None = None
    """Cohort labels the whole item is restricted to, comma separated ("D" or "A, B, D"); None = every one."""
    context: str | None = None
    """The heading(s) the item sits under ("Laboratory requirements", "PATIENT CHARACTERISTICS: Hepatic")."""

    @property
    def strata(self) -> tuple[str, ...]:
        if not self.stratum:
            return ()
        return tuple(s.strip() for s in self.stratum.split(",") if s.strip())


class Arm(Model):
    label: str
    type: str | None = None
    description: str | None = None
    interventions: list[str] = Field(default_factory=list)


class Identifier(Model):
    value: str
    type: str | None = None
    """org_study_id, secondary_id, EudraCT, CCMO, NL-OMON, ..."""


class ImportWarning(Model):
    """A field the reader could not read: the record still imports, the field is left empty."""

    field: str
    message: str


class Trial(Model):
    id: str
    """Registry identifier used as the primary key (NCT number, NL-OMON number...)."""
    registry: str
    """ctgov, omon, ccs (Canadian Cancer Society), aggregator, ..."""
    title: str
    official_title: str | None = None
    acronym: str | None = None
    status: TrialStatus = TrialStatus.UNKNOWN
    phase: str | None = None
    """Normalised as "Phase 1", "Phase 1/Phase 2", "Early Phase 1", "Phase 2", "N/A"."""
    study_type: str | None = None
    enrollment: int | None = None
    conditions: list[str] = Field(default_factory=list)
    interventions: list[str] = Field(default_factory=list)
    arms: list[Arm] = Field(default_factory=list)
    min_age: float | None = None
    """Years; None is no lower limit."""
    max_age: float | None = None
    """Years; None is no upper limit."""
    sex: Sex = Sex.ALL
    healthy_volunteers: bool | None = None
    eligibility_text: str | None = None
    """The eligibility block verbatim, None when the record has none."""
    criteria: list[Criterion] = Field(default_factory=list)
    sites: list[Site] = Field(default_factory=list)
    contacts: list[Contact] = Field(default_factory=list)
    sponsors: list[str] = Field(default_factory=list)
    last_update: date | None = None
    start_date: date | None = None
    identifiers: list[Identifier] = Field(default_factory=list)
    summary: str | None = None
    source_url: str | None = None
    warnings: list[ImportWarning] = Field(default_factory=list)

    @property
    def has_criteria(self) -> bool:
        return bool(self.criteria)


_PHASE_NUMBERS = re.compile(r"(early\s*phase\s*1|phase\s*[1-4](?:\s*/\s*(?:phase\s*)?[1-4])?|n/?a)", re.I)


def normalise_phase(raw: str | None) -> str | None:
    """One spelling for phases: "PHASE1, PHASE2" and "Phase I/II" both become "Phase 1/Phase 2"."""
    if not raw:
        return None
    text = raw.strip()
    roman = {"IV": "4", "III": "3", "II": "2", "I": "1"}
    text = re.sub(r"\b(IV|III|II|I)\b", lambda m: roman[m.group(1)], text.replace("PHASE", "Phase "))
    if re.search(r"early", text, re.I):
        return "Early Phase 1"
    numbers = sorted(set(re.findall(r"[1-4]", text)))
    if numbers:
        return "/".join(f"Phase {n}" for n in numbers)
    if re.fullmatch(r"\s*(n/?a|not applicable|na)\s*", text, re.I):
        return "N/A"
    return None


_AGE_UNITS = {
    "year": 1.0,
    "years": 1.0,
    "yr": 1.0,
    "yrs": 1.0,
    "month": 1 / 12,
    "months": 1 / 12,
    "week": 7 / 365.25,
    "weeks": 7 / 365.25,
    "day": 1 / 365.25,
    "days": 1 / 365.25,
    "hour": 1 / (24 * 365.25),
    "hours": 1 / (24 * 365.25),
    "minute": 1 / (60 * 24 * 365.25),
    "minutes": 1 / (60 * 24 * 365.25),
}


def parse_age_years(raw: str | None) -> float | None:
    """Registry age to years: "18 Years" -> 18.0, "6 Months" -> 0.5, "N/A" -> None (no limit).

    Raises ValueError when unreadable, so the reader can record a warning and leave the field empty.
    """
    if raw is None:
        return None
    text = raw.strip().lower()
    if text in {"", "n/a", "na", "none", "no limit"}:
        return None
    match = re.fullmatch(r"(\d+(?:\.\d+)?)\s*([a-z]+)?", text)
    if not match:
        raise ValueError(f"unreadable age {raw!r}")
    value, unit = float(match.group(1)), (match.group(2) or "years")
    if unit not in _AGE_UNITS:
        raise ValueError(f"unknown age unit in {raw!r}")
    return round(value * _AGE_UNITS[unit], 4)


def normalise_sex(raw: str | None) -> Sex:
    if not raw:
        return Sex.ALL
    key = raw.strip().lower()
    if key in {"female", "females", "women", "f"}:
        return Sex.FEMALE
    if key in {"male", "males", "men", "m"}:
        return Sex.MALE
    return Sex.ALL
