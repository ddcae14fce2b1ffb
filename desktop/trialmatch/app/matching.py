"""Match use case: the compiled catalogue held in memory, one patient matched against all of it.

Loading parses every stored rule once; ``match`` is then pure computation over in-memory objects, cheap
enough to run on every keystroke. Site distances depend only on the clinic location, so they are cached
per location rather than recomputed while the clinician types labs.
"""

from __future__ import annotations

import gc
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from pydantic import TypeAdapter

from trialmatch.catalogue.store import Catalogue, StoredTrial
from trialmatch.domain.compiled import CompiledTrial, compile_trial
from trialmatch.domain.criteria import Rule
from trialmatch.domain.criteria.checks import rule_inputs
from trialmatch.domain.evaluation import Override, TrialEvaluation, Verdict, evaluate, prepare
from trialmatch.domain.facts import PatientFacts
from trialmatch.domain.geo import country_code, distance_km, locate_text
from trialmatch.domain.patient import Patient
from trialmatch.domain.ranking import RankInput, rank
from trialmatch.domain.trial import Trial, TrialStatus
from trialmatch.registries.reading import collector_paused

_RULE = TypeAdapter(Rule)


@dataclass(frozen=True, slots=True)
class SitePoint:
    label: str
    """"Facility, City, Country"."""
    latitude: float
    longitude: float


@dataclass(frozen=True, slots=True)
class TrialCard:
    """What lists, filters and the ranking need of a trial; built once at load."""

    trial_id: str
    title: str
    status: TrialStatus
    phase: str | None
    conditions: tuple[str, ...]
    countries: tuple[str, ...]
    sites: tuple[SitePoint, ...]

    @property
    def is_open(self) -> bool:
        return self.status.is_open


@dataclass(frozen=True, slots=True)
class MatchRow:
    card: TrialCard
    evaluation: TrialEvaluation
    score: float
    nearest_site: str | None
    distance_km: float | None

    @property
    def verdict(self) -> Verdict:
        return self.evaluation.verdict


def _card(trial: Trial) -> TrialCard:
    sites = tuple(
        SitePoint(
            ", ".join(filter(None, [s.facility, s.city, s.country])),
            s.latitude,
            s.longitude,
        )
        for s in trial.sites
        if s.latitude is not None and s.longitude is not None
    )
    countries = tuple(sorted({s.country for s in trial.sites if s.country}))
    return TrialCard(
        trial.id, trial.title, trial.status, trial.phase, tuple(trial.conditions), countries, sites
    )


def _compiled(stored: StoredTrial) -> CompiledTrial:
    """Rules as stored at import; a catalogue stored without rules is compiled now instead."""
    if stored.trial.criteria and all(stored.rules):
        return compile_trial(stored.trial, [_RULE.validate_json(r) for r in stored.rules if r])
    return compile_trial(stored.trial)


class Matcher:
    """The catalogue compiled in memory. Build with :meth:`load`; share it read-only between threads."""

    def __init__(self, trials: Sequence[tuple[Trial, CompiledTrial]]) -> None:
        self._entries = [(_card(trial), compiled) for trial, compiled in trials]
        self._cards = {card.trial_id: card for card, _ in self._entries}
        self._trials = {trial.id: trial for trial, _ in trials}
        self._compiled = {card.trial_id: compiled for card, compiled in self._entries}
        self._distances: dict[str, dict[str, tuple[str, float]]] = {}
        """Nearest site per trial, by clinic location: it changes rarely while labs are typed."""

    @classmethod
    def load(cls, catalogue: Catalogue) -> Matcher:
        """Compile every stored trial and build its evaluation plan now, not at the first keystroke."""
        with collector_paused():
            matcher = cls([(s.trial, _compiled(s)) for s in catalogue.iter_all()])
            for compiled in matcher._compiled.values():
                prepare(compiled)
            # The compiled catalogue lives as long as the app: keep the cyclic collector from rescanning
            # it while the clinician types (pauses of 1 to 2.5 s were measured at 4,500 trials).
            gc.freeze()
        return matcher

    def concepts_in_use(self) -> list[str]:
        """Finding concepts the catalogue's criteria read, the most used first: what to ask the clinician."""
        counts: Counter[str] = Counter()
        for compiled in self._compiled.values():
            counts.update(
                {
                    key
                    for item in compiled.criteria
                    for kind, key in rule_inputs(item.rule)
                    if kind == "finding"
                }
            )
        return [concept for concept, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]

    def __len__(self) -> int:
        return len(self._entries)

    def card(self, trial_id: str) -> TrialCard:
        return self._cards[trial_id]

    def compiled(self, trial_id: str) -> CompiledTrial:
        return self._compiled[trial_id]

    def trial(self, trial_id: str) -> Trial:
        """The full record (sites, contacts, identifiers) for the detail view and reports."""
        return self._trials[trial_id]

    def match(
        self,
        patient: Patient,
        as_of: date,
        overrides: Mapping[str, Mapping[int, Override]] | None = None,
        only: set[str] | None = None,
    ) -> list[MatchRow]:
        """Every trial (or those in ``only``) evaluated and ranked; ineligible ones last."""
        facts = PatientFacts(patient, as_of)
        overrides = overrides or {}
        distances = self._nearest_for(patient.location)
        rows: dict[str, tuple[TrialCard, TrialEvaluation, str | None, float | None]] = {}
        inputs: list[RankInput] = []
        for card, compiled in self._entries:
            if only is not None and card.trial_id not in only:
                continue
            evaluation = evaluate(compiled, facts, overrides.get(card.trial_id))
            site, km = distances.get(card.trial_id, (None, None))
            rows[card.trial_id] = (card, evaluation, site, km)
            inputs.append(RankInput(evaluation, card.conditions, card.is_open, km))
        ranked = rank(inputs, patient.diagnosis)
        result = []
        for item in ranked:
            card, evaluation, site, km = rows[item.input.evaluation.trial_id]
            result.append(MatchRow(card, evaluation, item.score, site, km))
        return result

    def _nearest_for(self, location: str | None) -> Mapping[str, tuple[str, float]]:
        key = (location or "").strip()
        if not key:
            return {}
        if key not in self._distances:
            if len(self._distances) >= 8:
                self._distances.pop(next(iter(self._distances)))
            self._distances[key] = self.nearest_sites(key)
        return self._distances[key]

    def nearest_sites(self, location: str | None) -> dict[str, tuple[str, float]]:
        """Trial id -> (nearest site label, km) for a clinic location; empty when it cannot be placed."""
        place = locate_text(location)
        if place is None:
            return {}
        nearest: dict[str, tuple[str, float]] = {}
        for card, _ in self._entries:
            best: tuple[str, float] | None = None
            for site in card.sites:
                km = distance_km(place.latitude, place.longitude, site.latitude, site.longitude)
                if best is None or km < best[1]:
                    best = (site.label, km)
            if best is not None:
                nearest[card.trial_id] = best
        return nearest


def in_country(card: TrialCard, country: str) -> bool:
    """Whether a trial has a site in the country named (any spelling the gazetteer knows)."""
    wanted = country_code(country)
    return any(country_code(c) == wanted for c in card.countries) if wanted else country in card.countries
