"""ClinicalTrials.gov legacy XML (``clinical_study``), the format of the registry's bulk downloads until 2023.

The record is walked once, child by child, because a bulk import reads thousands of them; the elements are
mapped onto the same Trial fields, in the same spellings, as the API v2 JSON reader.
"""

from __future__ import annotations

import codecs
import re
import xml.etree.ElementTree as ET
from datetime import date
from pyexpat import ErrorString
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

_DECLARED_ENCODING = re.compile(rb"""(?:\xef\xbb\xbf)?<\?xml[^>]*?encoding\s*=\s*["']([^"']*)["']""")
_RESULTS_START = b"<clinical_results>"
_RESULTS_END = b"</clinical_results>"
_ADDRESS_FIELDS = {"city": "city", "state": "state", "zip": "postal_code", "country": "country"}
_HEALTHY_VOLUNTEERS = {"accepts healthy volunteers": True, "yes": True, "no": False}


def read_xml(data: bytes, source: str, member: str | None = None) -> Trial:
    """The one trial of a ``clinical_study`` document.

    Raises RegistryError naming ``source`` and ``member`` when the bytes are not the encoding the document
    declares (UTF-8 when it declares none), not well-formed XML, not a clinical_study, or lack an NCT number.
    """
    _check_encoding(data, source, member)
    try:
        root = _parse(_without_results(data))
    except ET.ParseError:
        try:
            root = _parse(data)
        except ET.ParseError as exc:
            line, column = exc.position
            problem = f"not valid XML (line {line}, column {column + 1}: {ErrorString(exc.code)})"
            raise RegistryError(source, problem, member) from None
    if root.tag != "clinical_study":
        problem = f"unknown format: XML <{root.tag}> is not a ClinicalTrials.gov clinical_study"
        raise RegistryError(source, problem, member)
    nct_id = _text(root.find("id_info/nct_id"))
    if nct_id is None:
        raise RegistryError(source, "clinical_study without an nct_id", member)
    if not NCT_ID.fullmatch(nct_id):
        raise RegistryError(source, f"nct_id {nct_id!r} is not an NCT number", member)
    return _trial(root, nct_id)


def _parse(data: bytes) -> ET.Element:
    # expat >= 2.4 bounds entity expansion and ElementTree resolves no external entities.
    return ET.fromstring(data)  # noqa: S314


def _without_results(data: bytes) -> bytes:
    """Cut clinical_results before parsing: no Trial field is in it and it is a quarter of a bulk download.

    A failed parse of the cut document is retried on the whole one, so errors point at the bytes on disk.
    The price: a defect inside a complete results section goes unnoticed, as that section is never read.
    """
    start = data.find(_RESULTS_START)
    end = data.find(_RESULTS_END, start) if start >= 0 else -1
    if end < 0:
        return data
    return data[:start] + data[end + len(_RESULTS_END) :]


def _check_encoding(data: bytes, source: str, member: str | None) -> None:
    """Refuse bytes that contradict the declaration rather than import misread names and criteria."""
    declaration = _DECLARED_ENCODING.match(data)
    declared = declaration.group(1).decode("ascii", "replace") if declaration else None
    try:
        is_utf8 = declared is None or codecs.lookup(declared).name == "utf-8"
    except LookupError:
        raise RegistryError(source, f"declares an unknown encoding {declared!r}", member) from None
    if data.isascii():
        return
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if is_utf8:
            said = f"declared encoding {declared!r} does not match the content: " if declared else ""
            raise RegistryError(source, said + not_utf8(data, exc), member) from None
        return
    if not is_utf8:
        problem = f"declared encoding {declared!r} does not match the content, which is UTF-8"
        raise RegistryError(source, problem, member)


def _text(element: ET.Element | None) -> str | None:
    if element is None or element.text is None:
        return None
    return element.text.strip() or None


def _textblock(element: ET.Element | None) -> str | None:
    """The block as written, without the XML's indentation, trailing blanks and CR entities (``&#xD;``)."""
    text = element.findtext("textblock") if element is not None else None
    if not text:
        return None
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    body = "\n".join(lines).strip("\n")
    if not body:
        return None
    lines = body.split("\n")
    indent = min([len(line) - len(line.lstrip(" ")) for line in lines if line])
    return "\n".join([line[indent:] for line in lines]) if indent else body


def _person(element: ET.Element, role: ContactRole) -> Contact:
    return Contact(
        name=_text(element.find("last_name")) or "",
        role=role,
        phone=phone_with_extension(_text(element.find("phone")), _text(element.find("phone_ext"))),
        email=_text(element.find("email")),
        affiliation=_text(element.find("affiliation")),
    )


def _site(location: ET.Element) -> Site:
    fields: dict[str, Any] = {}
    contacts = []
    for child in location:
        tag = child.tag
        if tag == "facility":
            for part in child:
                if part.tag == "name":
                    fields["facility"] = _text(part)
                elif part.tag == "address":
                    for line in part:
                        if line.tag in _ADDRESS_FIELDS:
                            fields[_ADDRESS_FIELDS[line.tag]] = _text(line)
        elif tag == "status":
            fields["status"] = site_status(_text(child))
        elif tag in ("contact", "contact_backup"):
            contacts.append(_person(child, ContactRole.SITE_CONTACT))
        elif tag == "investigator":
            is_pi = child.findtext("role") == "Principal Investigator"
            contacts.append(
                _person(child, ContactRole.PRINCIPAL_INVESTIGATOR if is_pi else ContactRole.SITE_CONTACT)
            )
    return Site(contacts=contacts, **fields)


def _date(element: ET.Element, field: str, warnings: list[ImportWarning]) -> date | None:
    raw = _text(element)
    if raw is None:
        return None
    try:
        return parse_ctgov_date(raw)
    except ValueError as exc:
        warnings.append(ImportWarning(field=field, message=f"{element.tag} {exc}"))
        return None


def _age(element: ET.Element | None, field: str, warnings: list[ImportWarning]) -> float | None:
    if element is None:
        return None
    try:
        return parse_age_years(_text(element))
    except ValueError as exc:
        warnings.append(ImportWarning(field=field, message=f"{element.tag}: {exc}"))
        return None


def _eligibility(element: ET.Element, warnings: list[ImportWarning]) -> dict[str, Any]:
    healthy_raw = _text(element.find("healthy_volunteers"))
    healthy = _HEALTHY_VOLUNTEERS.get(healthy_raw.lower()) if healthy_raw else None
    if healthy_raw and healthy is None:
        warnings.append(
            ImportWarning(
                field="healthy_volunteers", message=f"healthy_volunteers {healthy_raw!r} is not yes/no"
            )
        )
    text = _textblock(element.find("criteria"))
    return {
        "eligibility_text": text,
        "criteria": criteria_of(text),
        "sex": normalise_sex(_text(element.find("gender"))),
        "min_age": _age(element.find("minimum_age"), "min_age", warnings),
        "max_age": _age(element.find("maximum_age"), "max_age", warnings),
        "healthy_volunteers": healthy,
    }


def _responsible_party(element: ET.Element) -> list[Contact]:
    person = _text(element.find("investigator_full_name")) or _text(element.find("name_title"))
    organisation = _text(element.find("investigator_affiliation")) or _text(element.find("organization"))
    if person:
        return [Contact(name=person, role=ContactRole.RESPONSIBLE_PARTY, affiliation=organisation)]
    if organisation:
        return [Contact(name=organisation, role=ContactRole.RESPONSIBLE_PARTY)]
    return []


def _arm(group: ET.Element, interventions_by_arm: dict[str, list[str]]) -> Arm:
    """The XML lists an arm's interventions on the interventions (arm_group_label), not on the arm."""
    label = _text(group.find("arm_group_label")) or ""
    return Arm(
        label=label,
        type=_text(group.find("arm_group_type")),
        description=_text(group.find("description")),
        interventions=interventions_by_arm.get(label, []),
    )


def _trial(root: ET.Element, nct_id: str) -> Trial:
    warnings: list[ImportWarning] = []
    fields: dict[str, Any] = {}
    identifiers: list[Identifier] = []
    conditions: list[str] = []
    interventions: list[str] = []
    arm_interventions: dict[str, list[str]] = {}
    arm_groups: list[ET.Element] = []
    sites: list[Site] = []
    contacts: list[Contact] = []
    backups: list[Contact] = []
    officials: list[Contact] = []
    responsible: list[Contact] = []
    lastchanged = None
    for child in root:
        tag = child.tag
        if tag == "location":
            sites.append(_site(child))
        elif tag == "condition":
            if condition := _text(child):
                conditions.append(condition)
        elif tag == "intervention":
            name = _text(child.find("intervention_name"))
            if name:
                label = intervention_label(_text(child.find("intervention_type")), name)
                interventions.append(label)
                for arm in child.iterfind("arm_group_label"):
                    arm_interventions.setdefault(_text(arm) or "", []).append(label)
        elif tag == "arm_group":
            arm_groups.append(child)
        elif tag == "id_info":
            identifiers = [
                Identifier(value=value, type=item.tag)
                for item in child
                if item.tag != "nct_id" and (value := _text(item))
            ]
        elif tag == "brief_title":
            fields["title"] = _text(child)
        elif tag == "official_title":
            fields["official_title"] = _text(child)
        elif tag == "acronym":
            fields["acronym"] = _text(child)
        elif tag == "overall_status":
            raw = _text(child)
            fields["status"] = status = status_of(raw)
            if warning := status_warning(raw, status):
                warnings.append(warning)
        elif tag == "phase":
            fields["phase"] = normalise_phase(_text(child))
        elif tag == "study_type":
            fields["study_type"] = _text(child)
        elif tag == "enrollment":
            raw = _text(child)
            if raw is not None and raw.isdigit():
                fields["enrollment"] = int(raw)
            elif raw is not None:
                warnings.append(
                    ImportWarning(field="enrollment", message=f"enrollment {raw!r} is not a number")
                )
        elif tag == "eligibility":
            fields.update(_eligibility(child, warnings))
        elif tag == "overall_contact":
            contacts.append(_person(child, ContactRole.CENTRAL_CONTACT))
        elif tag == "overall_contact_backup":
            backups.append(_person(child, ContactRole.CENTRAL_CONTACT))
        elif tag == "overall_official":
            officials.append(_person(child, official_role(child.findtext("role"))))
        elif tag == "responsible_party":
            responsible = _responsible_party(child)
        elif tag == "sponsors":
            fields["sponsors"] = [name for agency in child.iterfind("*/agency") if (name := _text(agency))]
        elif tag == "brief_summary":
            fields["summary"] = _textblock(child)
        elif tag == "start_date":
            fields["start_date"] = _date(child, "start_date", warnings)
        elif tag == "last_update_posted":
            fields["last_update"] = _date(child, "last_update", warnings)
        elif tag == "lastchanged_date":
            lastchanged = child
    if "last_update" not in fields and lastchanged is not None:
        fields["last_update"] = _date(lastchanged, "last_update", warnings)
    if not fields.get("title"):
        fields["title"] = fields.get("official_title") or ""
    if not fields["title"]:
        warnings.append(ImportWarning(field="title", message="no brief_title nor official_title"))
    arms = [_arm(group, arm_interventions) for group in arm_groups]
    return Trial(
        id=nct_id,
        registry=REGISTRY,
        source_url=study_url(nct_id),
        identifiers=distinct(identifiers),
        conditions=conditions,
        interventions=interventions,
        arms=arms,
        sites=sites,
        contacts=contacts + backups + officials + responsible,
        warnings=warnings,
        **fields,
    )
