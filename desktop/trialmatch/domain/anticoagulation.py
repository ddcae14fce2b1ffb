"""Whether the patient is on anticoagulation on the evaluation date, and what in the file says so.

Clotting limits are written around it ("INR ≤ 1.5 × ULN unless receiving anticoagulation therapy", "taking
blood thinners and INR > 3"), so the evaluator reads it as one finding, the lexicon concept
``anticoagulation``, from two places in the patient file:

- a finding the clinician recorded: "anticoagulation", "on anticoagulants", "blood thinners" (the lexicon's
  synonyms), or a term naming an anticoagulant drug ("warfarin", "on apixaban"), true or false;
- the treatments: an entry naming a known anticoagulant (``resources/lexicon/anticoagulants.csv``: vitamin K
  antagonists, heparins, factor Xa and direct thrombin inhibitors, by generic and brand name) that is ongoing
  on the evaluation date: started on or before it, and not ended (no end date) or ending after it.

Present when either says so. Absent only when the clinician recorded it false: the treatment list of a
cancer patient file is no complete medication list, so a list without an anticoagulant says nothing. Unknown
otherwise, and also when the two disagree (recorded false beside an ongoing warfarin) or the only
anticoagulant entry has no dates (it may be a past one) or keeps a line open ("heparin flush"). A treatment
that ended on or before the evaluation date counts for nothing: it neither makes the patient anticoagulated
nor says they are not.

The dose is not recorded, so "anticoagulation" is any dose: a patient on prophylactic enoxaparin is on
anticoagulation, not known to be on *therapeutic* anticoagulation (readers keep that word for the clinician).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from trialmatch.domain.patient import TreatmentEntry

ANTICOAGULATION = "anticoagulation"
"""The lexicon concept the fact is recorded under."""


@dataclass(frozen=True, slots=True)
class Anticoagulation:
    """The fact and the evidence a reason quotes."""

    present: bool | None
    evidence: str | None
    """ "on warfarin (treatments)", "anticoagulation recorded", "recorded absent"; with ``present`` None, why
    it is unknown ("apixaban in the treatments without dates"); None when nothing in the file bears on it."""


@cache
def _drugs() -> tuple[dict[str, str], re.Pattern[str]]:
    """Any name of an anticoagulant -> its generic name, and a pattern finding those names in free text."""
    text = files("trialmatch_resources").joinpath("lexicon", "anticoagulants.csv").read_text(encoding="utf-8")
    generic = {}
    for row in csv.DictReader(io.StringIO(text)):
        for name in row["names"].split("|"):
            generic[name.strip().lower()] = row["name"]
    names = sorted(generic, key=len, reverse=True)
    pattern = re.compile(r"(?<![a-z])(?:" + "|".join(re.escape(n) for n in names) + r")(?![a-z])")
    return generic, pattern


def anticoagulant_named(text: str) -> str | None:
    """The generic name of the anticoagulant ``text`` names ("Eliquis 5 mg bid" -> "apixaban"), else None."""
    generic, pattern = _drugs()
    found = pattern.search(text.lower())
    return generic[found.group(0)] if found else None


_LOCAL = re.compile(r"flush|lock|bonded|coated|catheter|(?<![a-z])line(?![a-z])", re.IGNORECASE)
"""A heparin that keeps a port or catheter open ("heparin flush", "heparin lock") is no systemic
anticoagulation."""

_ON = re.compile(r"^\s*(?:on|taking|receiving|current|ongoing)\s+", re.IGNORECASE)


def drug_term(term: str) -> str | None:
    """The anticoagulant a patient-file finding term names ("warfarin", "on apixaban"), else None."""
    on = _ON.match(term)
    rest = term[on.end() :] if on else term
    generic, _ = _drugs()
    return generic.get(" ".join(rest.lower().split()))


def _ongoing(entry: TreatmentEntry, as_of: dt.date) -> bool | None:
    """Ongoing on ``as_of``: True, False (ended, or not started yet), None (no dates)."""
    if entry.start is None and entry.end is None:
        return None
    if entry.start is not None and entry.start > as_of:
        return False
    return entry.end is None or entry.end > as_of


def read_anticoagulation(
    recorded: bool | None,
    drug_terms: Mapping[str, bool],
    treatments: Iterable[TreatmentEntry],
    as_of: dt.date,
) -> Anticoagulation:
    """The fact from the recorded finding (``recorded``, None when not entered), the finding terms naming a
    drug (generic name -> recorded value) and the treatments, on ``as_of``."""
    ongoing: list[str] = []
    undated: list[str] = []
    local: list[str] = []
    for entry in treatments:
        drug = anticoagulant_named(entry.name)
        if drug is None:
            continue
        if _LOCAL.search(entry.name):
            local.append(entry.name)
            continue
        state = _ongoing(entry, as_of)
        if state:
            ongoing.append(drug)
        elif state is None:
            undated.append(drug)
    said = [drug for drug, value in drug_terms.items() if value]
    clash = next((d for d in ongoing if recorded is False or drug_terms.get(d) is False), None)
    if clash is not None:
        return Anticoagulation(None, f"recorded absent, but {clash} ongoing in the treatments")
    if recorded is False and said:
        return Anticoagulation(None, f"recorded absent, but on {said[0]} recorded")
    if said:
        return Anticoagulation(True, f"on {said[0]} (recorded)")
    if recorded:
        return Anticoagulation(True, "anticoagulation recorded")
    if ongoing:
        return Anticoagulation(True, f"on {ongoing[0]} (treatments)")
    if recorded is False:
        return Anticoagulation(False, "anticoagulation recorded absent")
    if undated:
        return Anticoagulation(None, f"{undated[0]} in the treatments without dates")
    if local:
        return Anticoagulation(
            None, f"'{local[0]}' in the treatments: a line flush or lock, not known to be more"
        )
    return Anticoagulation(None, None)
