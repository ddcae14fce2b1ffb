"""ClinicalTrials.gov API v2 JSON: one study, a list of studies, or an API page ``{"studies": [...]}``.

Each protocolSection module is mapped on its own: a module of an unexpected shape is left out with a warning
on the trial instead of refusing the record, because one odd field must not hide a trial from a patient.
A study without a usable NCT number is refused: it is the key every later layer relies on.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

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
    official_role,
    parse_age_years,
)
from trialmatch.registries.ctgov_common import (
    NCT_ID,
    REGISTRY,
    criteria_of,
    distinct,
    enum_label,
    intervention_label,
    not_utf8,
    parse_ctgov_date,
    phone_with_extension,
    site_status,
    status_of,
    status_warning,
    study_url,
)
from trialmatch.registries.errors import RegistryError

Fields = dict[str, Any]
Warnings = list[ImportWarning]

_SECONDARY_ID_TYPES = {
    "EUDRACT_NUMBER": "EudraCT",
    "CTIS": "CTIS",
    "NIH": "NIH",
    "FDA": "FDA",
    "AHRQ": "AHRQ",
}
_SITE_CONTACT_ROLES = {"PRINCIPAL_INVESTIGATOR": ContactRole.PRINCIPAL_INVESTIGATOR}


class _UnreadableStudyError(ValueError):
    """The study cannot become a trial at all (no NCT number): the whole file is refused."""


def read_json(data: bytes, source: str, member: str | None = None) -> list[tuple[int | None, Trial]]:
    """Every study of the file as (position, trial); position is 1-based in a list or page, None alone.

    Raises RegistryError naming ``source`` and ``member`` when the file or any study in it is unreadable.
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RegistryError(source, not_utf8(data, exc), member) from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        problem = f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        raise RegistryError(source, problem, member) from None
    studies: list[tuple[int | None, Any]]
    if isinstance(document, dict) and "protocolSection" in document:
        studies = [(None, document)]
    elif isinstance(document, dict) and isinstance(document.get("studies"), list):
        studies = list(enumerate(document["studies"], start=1))
    elif isinstance(document, list):
        studies = list(enumerate(document, start=1))
    else:
        problem = "unknown format: JSON that is not a ClinicalTrials.gov study, list of studies or page"
        raise RegistryError(source, problem, member)
    if not studies:
        raise RegistryError(source, "holds no studies", member)
    trials: list[tuple[int | None, Trial]] = []
    for position, study in studies:
        try:
            trials.append((position, _trial_from_study(study)))
        except _UnreadableStudyError as exc:
            where = f"study #{position}: " if position is not None else ""
            raise RegistryError(source, f"{where}{exc}", member) from None
    return trials


def _trial_from_study(study: Any) -> Trial:
    """One API v2 study object as a Trial; raises _UnreadableStudyError when it has no usable NCT number."""
    if not isinstance(study, dict) or not isinstance(study.get("protocolSection"), dict):
        raise _UnreadableStudyError("not a ClinicalTrials.gov study (no protocolSection)")
    protocol = study["protocolSection"]
    identification = protocol.get("identificationModule")
    nct_id = identification.get("nctId") if isinstance(identification, dict) else None
    if not isinstance(nct_id, str) or not nct_id.strip():
        raise _UnreadableStudyError("study without an nctId")
    nct_id = nct_id.strip()
    if not NCT_ID.fullmatch(nct_id):
        raise _UnreadableStudyError(f"nctId {nct_id!r} is not an NCT number")

    warnings: Warnings = []
    fields: Fields = {}
    for name, mapper in _MODULES:
        module = protocol.get(name)
        if module is None:
            continue
        try:
            if not isinstance(module, dict):
                raise TypeError("it is not an object")
            found = mapper(module, warnings)
        except TypeError as exc:
            warnings.append(ImportWarning(field=name, message=f"{name} left out: {exc}"))
            continue
        for key, value in found.items():
            if key in fields:
                fields[key] = fields[key] + value
            else:
                fields[key] = value
    if not fields.get("title"):
        warnings.append(ImportWarning(field="title", message="no briefTitle nor officialTitle"))
        fields["title"] = ""
    return Trial(id=nct_id, registry=REGISTRY, source_url=study_url(nct_id), warnings=warnings, **fields)


def _text(obj: dict[str, Any], key: str) -> str | None:
    value = obj.get(key)
    if type(value) is str:
        return value.strip() or None
    if value is None:
        return None
    raise TypeError(f"{key} is {type(value).__name__}, not text")


def _texts(obj: dict[str, Any], key: str) -> list[str]:
    values = obj.get(key)
    if values is None:
        return []
    if not isinstance(values, list) or not all(isinstance(value, str) for value in values):
        raise TypeError(f"{key} is not a list of texts")
    return [text for text in (value.strip() for value in values) if text]


def _objects(obj: dict[str, Any], key: str) -> list[dict[str, Any]]:
    values = obj.get(key)
    if values is None:
        return []
    if not isinstance(values, list) or not all(isinstance(value, dict) for value in values):
        raise TypeError(f"{key} is not a list of objects")
    return values


def _object(obj: dict[str, Any], key: str) -> dict[str, Any]:
    value = obj.get(key)
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise TypeError(f"{key} is not an object")
    return value


def _date(struct: dict[str, Any], key: str, field: str, warnings: Warnings) -> Fields:
    raw = _text(_object(struct, key), "date")
    if raw is None:
        return {}
    try:
        return {field: parse_ctgov_date(raw)}
    except ValueError as exc:
        warnings.append(ImportWarning(field=field, message=f"{key}.date {exc}"))
        return {}


def _identification(module: dict[str, Any], warnings: Warnings) -> Fields:
    identifiers = []
    org_study_id = _text(_object(module, "orgStudyIdInfo"), "id")
    if org_study_id:
        identifiers.append(Identifier(value=org_study_id, type="org_study_id"))
    for info in _objects(module, "secondaryIdInfos"):
        value = _text(info, "id")
        if value:
            kind = (
                _SECONDARY_ID_TYPES.get(_text(info, "type") or "") or _text(info, "domain") or "secondary_id"
            )
            identifiers.append(Identifier(value=value, type=kind))
    identifiers += [Identifier(value=alias, type="nct_alias") for alias in _texts(module, "nctIdAliases")]
    return {
        "title": _text(module, "briefTitle") or _text(module, "officialTitle"),
        "official_title": _text(module, "officialTitle"),
        "acronym": _text(module, "acronym"),
        "identifiers": distinct(identifiers),
    }


def _status(module: dict[str, Any], warnings: Warnings) -> Fields:
    raw = _text(module, "overallStatus")
    status = status_of(raw)
    warning = status_warning(raw, status)
    if warning:
        warnings.append(warning)
    return (
        {"status": status}
        | _date(module, "lastUpdatePostDateStruct", "last_update", warnings)
        | _date(module, "startDateStruct", "start_date", warnings)
    )


def _design(module: dict[str, Any], warnings: Warnings) -> Fields:
    fields: Fields = {"phase": normalise_phase(", ".join(_texts(module, "phases")))}
    study_type = _text(module, "studyType")
    if study_type:
        registry = study_type == "OBSERVATIONAL" and module.get("patientRegistry") is True
        fields["study_type"] = "Observational [Patient Registry]" if registry else enum_label(study_type)
    count = _object(module, "enrollmentInfo").get("count")
    if isinstance(count, int) and not isinstance(count, bool) and count >= 0:
        fields["enrollment"] = count
    elif count is not None:
        warnings.append(
            ImportWarning(field="enrollment", message=f"enrollment count {count!r} is not a number")
        )
    return fields


def _conditions(module: dict[str, Any], warnings: Warnings) -> Fields:
    return {"conditions": _texts(module, "conditions")}


def _arms_interventions(module: dict[str, Any], warnings: Warnings) -> Fields:
    interventions = [
        intervention_label(_text(item, "type"), name)
        for item in _objects(module, "interventions")
        if (name := _text(item, "name"))
    ]
    arms = [
        Arm(
            label=_text(group, "label") or "",
            type=enum_label(kind) if (kind := _text(group, "type")) else None,
            description=_text(group, "description"),
            interventions=_texts(group, "interventionNames"),
        )
        for group in _objects(module, "armGroups")
    ]
    return {"interventions": interventions, "arms": arms}


def _age(module: dict[str, Any], key: str, field: str, warnings: Warnings) -> float | None:
    raw = _text(module, key)
    try:
        return parse_age_years(raw)
    except ValueError as exc:
        warnings.append(ImportWarning(field=field, message=f"{key}: {exc}"))
        return None


def _eligibility(module: dict[str, Any], warnings: Warnings) -> Fields:
    text = module.get("eligibilityCriteria")
    if text is not None and not isinstance(text, str):
        raise TypeError("eligibilityCriteria is not text")
    eligibility_text = text if text and text.strip() else None
    healthy = module.get("healthyVolunteers")
    if healthy is not None and not isinstance(healthy, bool):
        warnings.append(ImportWarning(field="healthy_volunteers", message=f"healthyVolunteers {healthy!r}"))
        healthy = None
    return {
        "eligibility_text": eligibility_text,
        "criteria": criteria_of(eligibility_text),
        "min_age": _age(module, "minimumAge", "min_age", warnings),
        "max_age": _age(module, "maximumAge", "max_age", warnings),
        "sex": normalise_sex(_text(module, "sex")),
        "healthy_volunteers": healthy,
    }


def _contact(person: dict[str, Any], role: ContactRole) -> Contact:
    return Contact(
        name=_text(person, "name") or "",
        role=role,
        phone=phone_with_extension(_text(person, "phone"), _text(person, "phoneExt")),
        email=_text(person, "email"),
        affiliation=_text(person, "affiliation"),
    )


def _coordinate(point: dict[str, Any], key: str) -> float | None:
    value = point.get(key)
    if type(value) is float or type(value) is int:
        return float(value)
    if value is None:
        return None
    raise TypeError(f"geoPoint.{key} is not a number")


def _site(location: dict[str, Any]) -> Site:
    point = _object(location, "geoPoint")
    return Site(
        facility=_text(location, "facility"),
        city=_text(location, "city"),
        state=_text(location, "state"),
        postal_code=_text(location, "zip"),
        country=_text(location, "country"),
        status=site_status(_text(location, "status")),
        latitude=_coordinate(point, "lat"),
        longitude=_coordinate(point, "lon"),
        contacts=[
            _contact(person, _SITE_CONTACT_ROLES.get(_text(person, "role") or "", ContactRole.SITE_CONTACT))
            for person in _objects(location, "contacts")
        ],
    )


def _contacts_locations(module: dict[str, Any], warnings: Warnings) -> Fields:
    """Central contacts, overall officials with their role (investigator, chair, director), and sites."""
    contacts = [
        _contact(person, ContactRole.CENTRAL_CONTACT) for person in _objects(module, "centralContacts")
    ]
    contacts += [
        _contact(person, official_role(_text(person, "role")))
        for person in _objects(module, "overallOfficials")
    ]
    return {"contacts": contacts, "sites": [_site(location) for location in _objects(module, "locations")]}


def _sponsor_collaborators(module: dict[str, Any], warnings: Warnings) -> Fields:
    lead = _text(_object(module, "leadSponsor"), "name")
    sponsors = ([lead] if lead else []) + [
        name for collaborator in _objects(module, "collaborators") if (name := _text(collaborator, "name"))
    ]
    party = _object(module, "responsibleParty")
    person = _text(party, "investigatorFullName") or _text(party, "oldNameTitle")
    organisation = _text(party, "investigatorAffiliation") or _text(party, "oldOrganization")
    contacts = []
    if person:
        contacts.append(Contact(name=person, role=ContactRole.RESPONSIBLE_PARTY, affiliation=organisation))
    elif organisation:
        contacts.append(Contact(name=organisation, role=ContactRole.RESPONSIBLE_PARTY))
    return {"sponsors": sponsors, "contacts": contacts}


def _description(module: dict[str, Any], warnings: Warnings) -> Fields:
    return {"summary": _text(module, "briefSummary")}


_MODULES: tuple[tuple[str, Callable[[dict[str, Any], Warnings], Fields]], ...] = (
    ("identificationModule", _identification),
    ("statusModule", _status),
    ("designModule", _design),
    ("conditionsModule", _conditions),
    ("armsInterventionsModule", _arms_interventions),
    ("eligibilityModule", _eligibility),
    ("contactsLocationsModule", _contacts_locations),
    ("sponsorCollaboratorsModule", _sponsor_collaborators),
    ("descriptionModule", _description),
)
