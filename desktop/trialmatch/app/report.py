"""The match report: what a clinician files or hands on after a consultation, as self-contained HTML.

Pure Python so it is tested without Qt; the GUI prints it and exports it to PDF through QTextDocument,
which reads a subset of HTML 4 (tables, headings, lists, simple CSS) — hence the plain markup. The same
criterion and verdict wording is used by the desktop's trial detail, so screen and paper never disagree.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from html import escape

from trialmatch import __version__
from trialmatch.app.matching import MatchRow
from trialmatch.domain.derived import age_at
from trialmatch.domain.evaluation import CriterionResult, Outcome, TrialEvaluation, Verdict
from trialmatch.domain.geo import distance_km, locate_text
from trialmatch.domain.patient import Patient
from trialmatch.domain.trial import Contact, Site, Trial, TrialStatus
from trialmatch.domain.units import format_number, format_quantity

VERDICT_TEXT = {Verdict.ELIGIBLE: "Eligible", Verdict.POSSIBLE: "Possible", Verdict.INELIGIBLE: "Ineligible"}
OUTCOME_TEXT = {Outcome.PASS: "Met", Outcome.FAIL: "Unmet", Outcome.UNKNOWN: "Unknown"}
_VERDICT_MARK = {Verdict.ELIGIBLE: "✔", Verdict.POSSIBLE: "?", Verdict.INELIGIBLE: "✘"}
_OUTCOME_MARK = {Outcome.PASS: "✔", Outcome.UNKNOWN: "?", Outcome.FAIL: "✘"}

DISCLAIMER = (
    "Decision support only: every criterion must be confirmed against the registry record and the "
    "patient's chart before referral."
)


def verdict_text(evaluation: TrialEvaluation) -> str:
    """ "Possible", or "Possible — strata A, C" when only some of the trial's cohorts remain open.

    In a stratified trial an unmet criterion that leaves the trial open excluded some strata only, so the
    remaining ones are worth naming exactly then.
    """
    label = VERDICT_TEXT[evaluation.verdict]
    partial = evaluation.verdict is not Verdict.INELIGIBLE and evaluation.n_fail > 0
    if partial and evaluation.open_strata:
        noun = "stratum" if len(evaluation.open_strata) == 1 else "strata"
        return f"{label} — {noun} {', '.join(evaluation.open_strata)}"
    return label


def status_text(status: TrialStatus) -> str:
    """ "Active, not recruiting" rather than the enum's spelling."""
    if status is TrialStatus.ACTIVE_NOT_RECRUITING:
        return "Active, not recruiting"
    return status.value.replace("_", " ").capitalize()


def distance_text(km: float | None) -> str:
    return "" if km is None else f"{km:,.0f} km"


def criterion_label(result: CriterionResult) -> str:
    """ "Inclusion 3", or "Exclusion" for a bulleted item."""
    section = result.section.value.capitalize()
    return f"{section} {result.number}" if result.number else section


def override_text(result: CriterionResult) -> str | None:
    """The clinician's decision; the engine's own finding stays in the reason."""
    if result.override is None:
        return None
    marked = "met" if result.override.result is Outcome.PASS else "not met"
    return f"marked {marked} by the clinician: {result.override.note}"


def criterion_html(result: CriterionResult, actions: str = "") -> str:
    """One criterion as printed: source sentence, then reason, values used, what is missing, stratum.

    ``actions`` is markup appended after the details (the GUI's override links); it is not escaped.
    """
    outcome = result.result
    head = (
        f"<b>{_OUTCOME_MARK[outcome]} {escape(OUTCOME_TEXT[outcome])}</b> · {escape(criterion_label(result))}"
    )
    lines = [f"<p style='margin-bottom:2px'>{head}<br>{escape(result.text)}</p>", "<ul style='margin-top:0'>"]
    details: list[tuple[str, str]] = [("Reason", result.reason)]
    if result.values_used:
        details.append(("Patient values used", "; ".join(result.values_used)))
    if result.missing:
        details.append(("Missing", "; ".join(result.missing)))
    if result.to_satisfy:
        details.append(("To satisfy", result.to_satisfy))
    if result.stratum:
        details.append(("Stratum", result.stratum))
    override = override_text(result)
    if override:
        details.append(("Override", override))
    lines.extend(f"<li><i>{escape(name)}:</i> {escape(value)}</li>" for name, value in details)
    lines.append("</ul>")
    if actions:
        lines.append(f"<p style='margin-top:0'>{actions}</p>")
    return "\n".join(lines)


@dataclass(frozen=True, slots=True)
class SiteDistance:
    site: Site
    km: float | None


def site_label(site: Site) -> str:
    return ", ".join(filter(None, [site.facility, site.city, site.state, site.country])) or "Unnamed site"


def sites_by_distance(trial: Trial, location: str | None) -> list[SiteDistance]:
    """Sites nearest the clinic first; sites that cannot be placed follow in registry order."""
    place = locate_text(location)
    placed: list[SiteDistance] = []
    unplaced: list[SiteDistance] = []
    for site in trial.sites:
        if place is not None and site.latitude is not None and site.longitude is not None:
            km = distance_km(place.latitude, place.longitude, site.latitude, site.longitude)
            placed.append(SiteDistance(site, km))
        else:
            unplaced.append(SiteDistance(site, None))
    placed.sort(key=lambda s: s.km if s.km is not None else 0.0)
    return placed + unplaced


def contact_line(contact: Contact) -> str:
    role = contact.role.value.replace("_", " ")
    parts = [contact.name, f"({role})", contact.affiliation, contact.phone, contact.email, contact.address]
    return " · ".join(p for p in parts if p)


@dataclass(frozen=True, slots=True)
class ReportCatalogue:
    """What the report says about where its trials came from."""

    trials: int
    catalogue_date: str | None
    attribution: str | None


def _patient_age(patient: Patient, as_of: date) -> str | None:
    if patient.age is not None:
        return f"{format_number(patient.age)} years"
    if patient.birth_date is not None and patient.birth_date <= as_of:
        return f"{int(age_at(patient.birth_date, as_of))} years (born {patient.birth_date.isoformat()})"
    return None


def _patient_html(patient: Patient, as_of: date) -> str:
    facts: list[tuple[str, str]] = []
    age = _patient_age(patient, as_of)
    if age:
        facts.append(("Age", age))
    if patient.sex:
        facts.append(("Sex", patient.sex))
    if patient.diagnosis:
        facts.append(("Diagnosis", patient.diagnosis + (f", stage {patient.stage}" if patient.stage else "")))
    elif patient.stage:
        facts.append(("Stage", patient.stage))
    performance = [
        f"ECOG {patient.ecog}" if patient.ecog is not None else "",
        f"Karnofsky {patient.karnofsky}" if patient.karnofsky is not None else "",
    ]
    if any(performance):
        facts.append(("Performance status", ", ".join(p for p in performance if p)))
    body = [
        f"{format_number(patient.weight_kg)} kg" if patient.weight_kg is not None else "",
        f"{format_number(patient.height_cm)} cm" if patient.height_cm is not None else "",
    ]
    if any(body):
        facts.append(("Weight, height", ", ".join(b for b in body if b)))
    if patient.location:
        facts.append(("Clinic location", patient.location))
    present = sorted(t for t, v in patient.findings.items() if v)
    absent = sorted(t for t, v in patient.findings.items() if not v)
    if present:
        facts.append(("Findings present", ", ".join(present)))
    if absent:
        facts.append(("Findings absent", ", ".join(absent)))
    facts.append(("Evaluated as of", as_of.isoformat()))
    rows = "".join(f"<tr><th align='left'>{escape(k)}</th><td>{escape(v)}</td></tr>" for k, v in facts)
    parts = [f"<table cellpadding='3'>{rows}</table>"]
    if patient.labs:
        lab_rows = []
        for lab in patient.labs:
            value = format_quantity(lab.value, lab.unit) if lab.unit else format_number(lab.value)
            limits = ", ".join(
                f"{name} {format_number(limit)}"
                for name, limit in (("LLN", lab.lln), ("ULN", lab.uln))
                if limit
            )
            when = lab.date.isoformat() if lab.date else ""
            lab_rows.append(
                f"<tr><td>{escape(lab.test)}</td><td>{escape(value)}</td><td>{escape(limits)}</td>"
                f"<td>{escape(when)}</td></tr>"
            )
        parts.append(
            "<h3>Laboratory values</h3><table border='1' cellspacing='0' cellpadding='3'>"
            "<tr><th>Test</th><th>Value</th><th>Limits</th><th>Date</th></tr>"
            + "".join(lab_rows)
            + "</table>"
        )
    if patient.treatments:
        items = []
        for t in patient.treatments:
            span = ""
            if t.start:
                span = f"{t.start.isoformat()} to {t.end.isoformat() if t.end else 'ongoing'}"
            elif t.end:
                span = f"until {t.end.isoformat()}"
            detail = ", ".join(p for p in (t.category, span) if p)
            items.append(f"<li>{escape(t.name)}{escape(f' ({detail})') if detail else ''}</li>")
        parts.append("<h3>Treatments</h3><ul>" + "".join(items) + "</ul>")
    return "\n".join(parts)


def _trial_html(rank: int, row: MatchRow, trial: Trial, location: str | None, sites: int) -> str:
    evaluation = row.evaluation
    lines = [
        f"<h2>{rank}. {escape(trial.title)}</h2>",
        f"<p><b>{_VERDICT_MARK[evaluation.verdict]} {escape(verdict_text(evaluation))}</b> · "
        f"{escape(trial.id)} · {escape(trial.phase or 'Phase not given')} · "
        f"{escape(status_text(trial.status))}"
        f"<br>{escape(evaluation.reason)}</p>",
    ]
    if evaluation.near_miss:
        lines.append(f"<p><b>Near miss:</b> {escape(evaluation.near_miss)}</p>")
    ordered = evaluation.ordered()
    unmet = [r for r in ordered if r.result is Outcome.FAIL]
    unknown = [r for r in ordered if r.result is Outcome.UNKNOWN]
    overridden_met = [r for r in ordered if r.override is not None and r.result is Outcome.PASS]
    if not trial.criteria:
        lines.append("<p>No eligibility criteria on record.</p>")
    for heading, group in (
        ("Unmet criteria", unmet),
        ("Unknown criteria", unknown),
        ("Met by clinician override", overridden_met),
    ):
        if group:
            lines.append(f"<h3>{heading} ({len(group)})</h3>")
            lines.extend(criterion_html(r) for r in group)
    contacts = list(trial.contacts)
    nearest = sites_by_distance(trial, location)[:sites]
    for placed in nearest:
        contacts.extend(placed.site.contacts)
    if contacts:
        lines.append("<h3>Contacts</h3><ul>")
        lines.extend(f"<li>{escape(contact_line(c))}</li>" for c in contacts)
        lines.append("</ul>")
    if nearest:
        lines.append(f"<h3>Nearest sites ({len(nearest)} of {len(trial.sites)})</h3><ul>")
        for placed in nearest:
            status = status_text(placed.site.status) if placed.site.status else "status not given"
            km = f" · {distance_text(placed.km)}" if placed.km is not None else ""
            lines.append(f"<li>{escape(site_label(placed.site))} · {escape(status)}{km}</li>")
        lines.append("</ul>")
    return "\n".join(lines)


def report_rows(rows: Iterable[MatchRow], top: int) -> list[MatchRow]:
    """The eligible and possible trials, in ranked order, at most ``top`` of them."""
    return [r for r in rows if r.verdict is not Verdict.INELIGIBLE][:top]


def build_report(
    patient: Patient,
    rows: Sequence[MatchRow],
    trial: Callable[[str], Trial],
    *,
    catalogue: ReportCatalogue,
    as_of: date,
    generated: datetime,
    top: int = 10,
    sites_per_trial: int = 3,
) -> str:
    """The whole report as one HTML document; ``rows`` in ranked order, ``trial`` looks up full records."""
    chosen = report_rows(rows, top)
    eligible = sum(1 for r in rows if r.verdict is Verdict.ELIGIBLE)
    possible = sum(1 for r in rows if r.verdict is Verdict.POSSIBLE)
    parts = [
        "<html><head><meta charset='utf-8'><title>TrialMatch report</title></head><body>",
        "<h1>Clinical trial match report</h1>",
        f"<p>{len(rows)} trials considered: {eligible} eligible, {possible} possible. "
        f"Showing the top {len(chosen)} eligible or possible trials in ranked order.</p>",
        "<h2>Patient</h2>",
        _patient_html(patient, as_of),
    ]
    if not chosen:
        parts.append("<p>No eligible or possible trial among those considered.</p>")
    for rank, row in enumerate(chosen, start=1):
        parts.append(_trial_html(rank, row, trial(row.card.trial_id), patient.location, sites_per_trial))
    source = f"Catalogue of {catalogue.trials:,} trials"
    if catalogue.catalogue_date:
        source += f", records as of {catalogue.catalogue_date}"
    parts.extend(
        [
            "<hr>",
            f"<p><small>{escape(source)}. {escape(catalogue.attribution or '')}</small></p>",
            f"<p><small>Generated {generated.strftime('%Y-%m-%d %H:%M')} by TrialMatch {__version__}. "
            f"{escape(DISCLAIMER)}</small></p>",
            "</body></html>",
        ]
    )
    return "\n".join(parts)
