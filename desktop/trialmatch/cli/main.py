"""The ``trialmatch`` command. With no sub-command it opens the desktop app.

Output formats named here (``show --json``, ``list --json``, ``match --json``) are contracts other tools
depend on: add fields, never rename or remove them.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from trialmatch import __version__
from trialmatch.app.build import build_catalogue
from trialmatch.app.importing import import_files
from trialmatch.app.matching import Matcher, MatchRow
from trialmatch.app.paths import bundled_catalogue
from trialmatch.catalogue.store import Action, Catalogue, CatalogueError
from trialmatch.domain.criteria import parse_criterion
from trialmatch.domain.evaluation import Outcome, Verdict
from trialmatch.domain.facts import PatientFacts
from trialmatch.domain.patient import Patient, PatientError, load_patient, patient_json_schema
from trialmatch.domain.segmentation import split_criteria
from trialmatch.domain.trial import Trial, TrialStatus
from trialmatch.registries.errors import RegistryError


class UserError(Exception):
    """Bad input from the user: printed as one line, exit status 1."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="trialmatch", description="Offline clinical-trial matching for the oncology clinic."
    )
    parser.add_argument("--version", action="version", version=f"trialmatch {__version__}")
    parser.add_argument("--db", type=Path, help="trial catalogue (default: the bundled trials.db)")
    parser.add_argument("--patient", type=Path, help="open the app with this patient file loaded")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("import", help="import registry files into the catalogue")
    p.add_argument("files", nargs="+", type=Path, metavar="FILE")
    p.add_argument("--db", type=Path, default=argparse.SUPPRESS)

    p = sub.add_parser("show", help="show one trial")
    p.add_argument("trial_id", metavar="ID")
    p.add_argument("--json", action="store_true")
    p.add_argument("--db", type=Path, default=argparse.SUPPRESS)

    p = sub.add_parser("list", help="list the catalogue's trials")
    p.add_argument("--status", choices=[s.value for s in TrialStatus])
    p.add_argument("--json", action="store_true")
    p.add_argument("--db", type=Path, default=argparse.SUPPRESS)

    p = sub.add_parser("match", help="match a patient file against the catalogue")
    p.add_argument("patient_file", type=Path, metavar="PATIENT.json")
    p.add_argument("--db", type=Path, default=argparse.SUPPRESS)
    p.add_argument(
        "--as-of", type=_date, help="judge as of this date (YYYY-MM-DD; default: the file's as_of)"
    )
    p.add_argument("--all", action="store_true", help="include ineligible trials")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("parse", help="print the rules read from eligibility criteria text")
    p.add_argument("file", nargs="?", default="-", help="text file, or - for standard input")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("schema", help="print a JSON schema")
    p.add_argument("what", choices=["patient"])

    p = sub.add_parser("catalogue", help="build, migrate or describe a catalogue")
    csub = p.add_subparsers(dest="catalogue_command", metavar="ACTION", required=True)
    b = csub.add_parser("build", help="rebuild the bundled catalogue from resources/catalogue")
    b.add_argument("--out", type=Path, help="where to write it (default: the bundled trials.db)")
    m = csub.add_parser("migrate", help="upgrade a catalogue to this version's schema")
    m.add_argument("--db", type=Path, default=argparse.SUPPRESS)
    i = csub.add_parser("info", help="record count, date and attribution")
    i.add_argument("--db", type=Path, default=argparse.SUPPRESS)
    return parser


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date (YYYY-MM-DD)") from None


def _db(args: argparse.Namespace) -> Path:
    return args.db or bundled_catalogue()


def _open(args: argparse.Namespace) -> Catalogue:
    try:
        return Catalogue.open(_db(args))
    except CatalogueError as exc:
        raise UserError(str(exc)) from exc


def cmd_import(args: argparse.Namespace) -> int:
    for path in args.files:
        if not path.is_file():
            raise UserError(f"{path}: no such file")
    try:
        report = import_files(args.files, _db(args))
    except (RegistryError, CatalogueError) as exc:
        raise UserError(f"{exc}; nothing was imported") from exc
    for file in report.files:
        for outcome in file.outcomes:
            reason = f" ({outcome.reason})" if outcome.reason else ""
            print(f"{outcome.action.value:8} {outcome.trial_id}  {outcome.source}{reason}")
        for warning in file.warnings:
            print(f"warning  {warning}")
    print(
        f"{report.count(Action.IMPORTED)} imported, {report.count(Action.UPDATED)} updated, "
        f"{report.count(Action.SKIPPED)} skipped"
    )
    return 0


def _trial_json(trial: Trial) -> dict[str, object]:
    return trial.model_dump(mode="json")


def cmd_show(args: argparse.Namespace) -> int:
    with _open(args) as catalogue:
        stored = catalogue.get(args.trial_id)
    if stored is None:
        raise UserError(f"{args.trial_id}: no such trial in {_db(args)}")
    trial = stored.trial
    if args.json:
        json.dump(_trial_json(trial), sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    print(_describe(trial))
    return 0


def _age_range(trial: Trial) -> str:
    low = f"{trial.min_age:g}" if trial.min_age is not None else "no minimum"
    high = f"{trial.max_age:g}" if trial.max_age is not None else "no maximum"
    return f"{low} to {high} years"


def _describe(trial: Trial) -> str:
    lines = [
        f"{trial.id}  {trial.title}",
        f"Status: {trial.status.value}   Phase: {trial.phase or '-'}   Type: {trial.study_type or '-'}",
        f"Conditions: {'; '.join(trial.conditions) or '-'}",
        f"Ages: {_age_range(trial)}   Sex: {trial.sex.value}",
    ]
    if trial.official_title:
        lines.append(f"Official title: {trial.official_title}")
    if trial.enrollment is not None:
        lines.append(f"Enrollment: {trial.enrollment}")
    if trial.sponsors:
        lines.append(f"Sponsors: {'; '.join(trial.sponsors)}")
    if trial.last_update:
        lines.append(f"Last update: {trial.last_update.isoformat()}")
    lines.append("")
    if not trial.criteria:
        lines.append("Eligibility: no eligibility criteria on record")
    for section in ("inclusion", "exclusion"):
        items = [c for c in trial.criteria if c.section.value == section]
        if items:
            lines.append(f"{section.capitalize()} criteria ({len(items)}):")
        for c in items:
            label = f"{c.number}." if c.number else "-"
            stratum = f"  [stratum {c.stratum}]" if c.stratum else ""
            lines.append(f"  {label} {c.text}{stratum}")
    if trial.contacts:
        lines.append("")
        lines.append("Contacts:")
        for contact in trial.contacts:
            details = ", ".join(filter(None, [contact.phone, contact.email]))
            lines.append(f"  {contact.name} ({contact.role.value}){': ' + details if details else ''}")
    if trial.sites:
        lines.append("")
        lines.append(f"Sites ({len(trial.sites)}):")
        for site in trial.sites:
            place = ", ".join(filter(None, [site.city, site.state, site.country]))
            status = f" [{site.status.value}]" if site.status else ""
            lines.append(f"  {site.facility or '-'} — {place}{status}")
            for contact in site.contacts:
                details = ", ".join(filter(None, [contact.phone, contact.email]))
                lines.append(f"      {contact.name}{': ' + details if details else ''}")
    return "\n".join(lines)


def cmd_list(args: argparse.Namespace) -> int:
    status = TrialStatus(args.status) if args.status else None
    with _open(args) as catalogue:
        rows = catalogue.summaries(status)
    if args.json:
        payload = [
            {
                "id": r.id,
                "title": r.title,
                "status": r.status.value,
                "phase": r.phase,
                "conditions": list(r.conditions),
                "last_update": r.last_update.isoformat() if r.last_update else None,
            }
            for r in rows
        ]
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    for r in rows:
        print(f"{r.id:16} {r.status.value:24} {r.phase or '-':16} {r.title}")
    print(f"{len(rows)} trials")
    return 0


def cmd_catalogue(args: argparse.Namespace) -> int:
    if args.catalogue_command == "build":
        target = args.out or bundled_catalogue()
        try:
            result = build_catalogue(target)
        except (RegistryError, CatalogueError) as exc:
            raise UserError(f"{exc}; the catalogue was not changed") from exc
        report = result.report
        print(
            f"{result.target}: {result.trials} trials ({report.count(Action.IMPORTED)} imported, "
            f"{report.count(Action.UPDATED)} updated, {report.count(Action.SKIPPED)} skipped)"
        )
        return 0
    if args.catalogue_command == "migrate":
        try:
            Catalogue.open_for_writing(_db(args)).close()
        except CatalogueError as exc:
            raise UserError(str(exc)) from exc
        print(f"{_db(args)}: schema is current")
        return 0
    with _open(args) as catalogue:
        stats = catalogue.stats()
    print(f"Catalogue: {_db(args)}")
    print(f"Trials: {stats.trials} ({stats.open_trials} open)")
    print(f"Criteria: {stats.criteria}   Sites: {stats.sites}")
    print(f"Latest record update: {stats.latest_update.isoformat() if stats.latest_update else '-'}")
    if stats.attribution:
        print(stats.attribution)
    return 0


def _load_patient_file(path: Path) -> Patient:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise UserError(f"{path}: {exc.strerror}") from exc
    try:
        return load_patient(raw)
    except PatientError as exc:
        problems = "; ".join(f"{p.field}: {p.message}" for p in exc.problems)
        raise UserError(f"{path}: {problems}") from exc


def _result_json(row: MatchRow, trial: Trial) -> dict[str, object]:
    return {
        "trial_id": trial.id,
        "title": trial.title,
        "status": trial.status.value,
        "verdict": row.evaluation.verdict.value,
        "verdict_reason": row.evaluation.reason,
        "open_strata": list(row.evaluation.open_strata),
        "near_miss": row.evaluation.near_miss,
        "score": round(row.score, 4),
        "nearest_site": row.nearest_site,
        "distance_km": None if row.distance_km is None else round(row.distance_km, 1),
        "criteria": [
            {
                "section": r.section.value,
                "number": r.number,
                "text": r.text,
                "result": r.result.value,
                "reason": r.reason,
                "stratum": r.stratum,
                "kind": r.kind,
                "values_used": list(r.values_used),
                "missing": list(r.missing),
            }
            for r in row.evaluation.ordered()
        ],
        "sites": [
            {
                "facility": s.facility,
                "city": s.city,
                "country": s.country,
                "status": s.status.value if s.status else None,
            }
            for s in trial.sites
        ],
        "contacts": [
            {"name": c.name, "role": c.role.value, "phone": c.phone, "email": c.email} for c in trial.contacts
        ],
    }


def cmd_match(args: argparse.Namespace) -> int:
    patient = _load_patient_file(args.patient_file)
    as_of = args.as_of or patient.as_of or date.today()
    with _open(args) as catalogue:
        matcher = Matcher.load(catalogue)
    rows = matcher.match(patient, as_of)
    facts = PatientFacts(patient, as_of)
    not_used = {"findings": list(facts.unknown_terms), "labs": list(facts.unusable_labs)}
    for term in facts.unknown_terms:
        print(f"trialmatch: finding '{term}' is not a term TrialMatch knows: not used", file=sys.stderr)
    for lab in facts.unusable_labs:
        print(f"trialmatch: lab '{lab}' could not be used", file=sys.stderr)
    if not args.all:
        rows = [r for r in rows if r.verdict is not Verdict.INELIGIBLE]
    if args.json:
        payload = {
            "as_of": as_of.isoformat(),
            "not_used": not_used,
            "results": [_result_json(r, matcher.trial(r.card.trial_id)) for r in rows],
        }
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    for rank_number, row in enumerate(rows, start=1):
        ev = row.evaluation
        where = f"  {row.nearest_site} ({row.distance_km:.0f} km)" if row.distance_km is not None else ""
        print(f"{rank_number:4}. {ev.verdict.value:10} {row.card.trial_id:14} {row.card.title}")
        print(f"      {row.card.status.value}; {ev.n_fail} unmet, {ev.n_unknown} unknown{where}")
        for result in ev.ordered():
            if result.result is Outcome.PASS:
                break
            print(f"      [{result.result.value}] {result.text[:100]}")
            print(f"             {result.reason}")
    print(f"{len(rows)} trials as of {as_of.isoformat()}")
    return 0


def cmd_parse(args: argparse.Namespace) -> int:
    if args.file == "-":
        text = sys.stdin.read()
    else:
        try:
            text = Path(args.file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise UserError(f"{args.file}: cannot read as UTF-8 text ({exc})") from exc
    criteria = split_criteria(text)
    parsed = [(c, parse_criterion(c.text, c.section, c.context)) for c in criteria]
    if args.json:
        payload = [
            {
                "section": c.section.value,
                "number": c.number,
                "text": c.text,
                "stratum": c.stratum,
                "context": c.context,
                "rule": rule.model_dump(mode="json"),
            }
            for c, rule in parsed
        ]
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    for c, rule in parsed:
        label = f"{c.number}." if c.number else "-"
        print(f"{c.section.value:9} {label} {c.text}")
        print(f"          -> {rule.kind}: {rule.model_dump_json(exclude={'source_span'})}")
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    json.dump(patient_json_schema(), sys.stdout, indent=2)
    print()
    return 0


COMMANDS = {
    "import": cmd_import,
    "show": cmd_show,
    "list": cmd_list,
    "match": cmd_match,
    "parse": cmd_parse,
    "schema": cmd_schema,
    "catalogue": cmd_catalogue,
}


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Parse the command line; ``command`` is None when the desktop app should open."""
    return _parser().parse_args(argv)


def run(args: argparse.Namespace) -> int:
    """Run one sub-command; user errors are one line on stderr and exit status 1."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        return COMMANDS[args.command](args)
    except UserError as exc:
        print(f"trialmatch: {exc}", file=sys.stderr)
        return 1
