"""How each rule kind is decided for one patient: three-valued, with the sentence a clinician reads.

``build_check(rule, inclusion)`` runs once per rule when a trial is first evaluated: units are converted,
thresholds resolved and wording chosen then, so the returned check does only comparisons and dictionary
reads. A check answers whether the rule's statement holds (True / False / None = cannot tell) for the
patient, in a stratum when the rule has stratum variants; the caller turns that into pass/fail per section.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
import threading
import weakref
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache

from trialmatch.domain.analytes import Analyte, get_analyte
from trialmatch.domain.criteria.age import AgeRule
from trialmatch.domain.criteria.base import Comparator
from trialmatch.domain.criteria.derived import DerivedValueRule
from trialmatch.domain.criteria.drawn import DrawWindowCheck
from trialmatch.domain.criteria.finding import FindingRule
from trialmatch.domain.criteria.gleason_derived import DerivedScore, derived_score
from trialmatch.domain.criteria.lab import LabException, LabThreshold, ThresholdFields, limit_name
from trialmatch.domain.criteria.logic import JOINING, AllOf, Alternative, AnyOf
from trialmatch.domain.criteria.per_stratum import PerStratum
from trialmatch.domain.criteria.performance import PerformanceStatusRule
from trialmatch.domain.criteria.reading.lab_child_pugh import limit_class, score_class
from trialmatch.domain.criteria.reading.lab_gleason import GLEASON_SCORES
from trialmatch.domain.criteria.reading.text import word_set
from trialmatch.domain.criteria.registry import Rule
from trialmatch.domain.criteria.review import NeedsReview
from trialmatch.domain.criteria.sex import SexRule
from trialmatch.domain.criteria.stage import StageRule, parse_stage, stage_holds, stage_name
from trialmatch.domain.criteria.t_category import TCategoryRule, patient_category
from trialmatch.domain.criteria.temporal import (
    AGENT_CLASSES,
    BIOLOGIC,
    BRAND_NAMES,
    CAR_T,
    OTHER_DRUGS,
    REGIMENS,
    SMALL_MOLECULE,
    TemporalTherapyRule,
)
from trialmatch.domain.derived import ECOG_TO_KARNOFSKY
from trialmatch.domain.facts import PatientFacts, Reading
from trialmatch.domain.lexicon import ancestors, descendants, get_concept, resolve_finding
from trialmatch.domain.patient import TreatmentEntry
from trialmatch.domain.units import convert, format_number, format_quantity


@dataclass(frozen=True, slots=True)
class Assessment:
    """Whether a rule's statement holds for the patient, and the explanation."""

    truth: bool | None
    reason: str
    values_used: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    hint: str | None = None
    """What would change the answer ("platelets ≥ 100 × 10⁹/L required, patient 90"; a washout end date)."""
    applies: bool = True
    """False when the rule is not about this patient (a limit for the other sex): a combination that has other
    answers leaves this one's reason out."""


Input = tuple[str, str]
"""What a check reads from the patient: ("lab", "anc"), ("finding", "hiv"), ("age", ""), ..."""


_KNOWN_INPUTS: tuple[Input, ...] = ()
_KNOWN_LOCK = threading.Lock()


def register_inputs(inputs: Iterable[Input]) -> None:
    """Make inputs part of every patient-to-patient comparison (called as trials are planned)."""
    global _KNOWN_INPUTS
    with _KNOWN_LOCK:
        new = [i for i in inputs if i not in _KNOWN_INPUTS]
        if new:
            _KNOWN_INPUTS = (*_KNOWN_INPUTS, *dict.fromkeys(new))


class PatientView:
    """The facts plus what several checks derive from them once per patient (explicit findings), and the
    value of each input a check reads, so two patients (two keystrokes) can be compared input by input."""

    __slots__ = ("__weakref__", "_diffs", "_values", "explicit", "facts")

    def __init__(self, facts: PatientFacts) -> None:
        self.facts = facts
        found = set()
        for term, present in facts.patient.findings.items():
            concept = resolve_finding(term)
            if concept is not None and present:
                found.add(concept.id)
        self.explicit = frozenset(found)
        self._values: dict[Input, object] = {}
        self._diffs: dict[int, tuple[weakref.ref[PatientView], int, frozenset[Input]]] = {}

    def value(self, item: Input) -> object:
        """The patient's value for one input, as compared between keystrokes."""
        try:
            return self._values[item]
        except KeyError:
            found = self._read(item)
            self._values[item] = found
            return found

    def _read(self, item: Input) -> object:
        facts = self.facts
        kind, name = item
        if kind == "lab":
            return facts.lab(name)
        if kind == "finding":  # what the reason names ("on warfarin") belongs to the value compared
            return facts.finding(name), facts.evidence(name)
        if kind == "explicit":
            return self.explicit, self.facts.activity
        if kind == "age":
            return (facts.age, facts.age_derived)
        if kind == "sex":
            return facts.sex
        if kind == "ps":
            return (facts.ecog, facts.ecog_derived, facts.karnofsky, facts.karnofsky_derived)
        if kind == "stage":
            return (facts.stage, facts.diagnosis)
        if kind == "as_of":  # a draw window counts back from it
            return facts.as_of
        return (facts.treatments, facts.as_of)

    def changed_since(self, other: PatientView) -> frozenset[Input]:
        """The registered inputs whose value differs from ``other``'s: computed once per pair, so each trial
        then asks only whether its own inputs meet this set (one keystroke changes one or two inputs). The
        other patient is held weakly, so a session's keystrokes do not keep each other alive."""
        known = _KNOWN_INPUTS
        found = self._diffs.get(id(other))
        if found is not None and found[0]() is other and found[1] == len(known):
            return found[2]
        changed = frozenset(i for i in known if self.value(i) != other.value(i))
        self._diffs[id(other)] = (weakref.ref(other), len(known), changed)
        return changed


Check = Callable[[PatientView, str | None], Assessment]


def build_check(rule: Rule, inclusion: bool) -> Check:
    """The check for one rule (and its children), built once."""
    if isinstance(rule, LabThreshold | DerivedValueRule) and rule.timepoint:
        return _timepoint_check(rule)
    if isinstance(rule, LabThreshold):
        return _LabCheck(rule, inclusion)
    if isinstance(rule, DerivedValueRule):
        return _derived_check(rule, inclusion)
    if isinstance(rule, AgeRule):
        return _age_check(rule, inclusion)
    if isinstance(rule, SexRule):
        return _sex_check(rule, inclusion)
    if isinstance(rule, PerformanceStatusRule):
        return _performance_check(rule, inclusion)
    if isinstance(rule, FindingRule):
        return _finding_check(rule)
    if isinstance(rule, TemporalTherapyRule):
        return _therapy_check(rule, inclusion)
    if isinstance(rule, StageRule):
        return _stage_check(rule, inclusion)
    if isinstance(rule, TCategoryRule):
        return _t_category_check(rule, inclusion)
    if isinstance(rule, AnyOf | AllOf):
        return _logic_check(rule, inclusion)
    if isinstance(rule, Alternative):
        return build_check(rule.children[0], inclusion)  # the item alone; evaluation counts its siblings
    if isinstance(rule, PerStratum):
        return _per_stratum_check(rule, inclusion)
    return _review_check(rule)


# --- names and numbers ------------------------------------------------------------------------------------

_SHORT_NAMES = {
    "anc": "ANC",
    "wbc": "WBC",
    "ast": "AST",
    "alt": "ALT",
    "alp": "ALP",
    "ggt": "GGT",
    "ldh": "LDH",
    "inr": "INR",
    "pt": "PT",
    "ptt": "PTT",
    "crcl": "CrCl",
    "egfr": "eGFR",
    "bmi": "BMI",
    "psa": "PSA",
    "cea": "CEA",
    "afp": "AFP",
    "tsh": "TSH",
    "crp": "CRP",
    "bun": "BUN",
    "qtcf": "QTcF",
    "qtcb": "QTcB",
    "lvef": "LVEF",
    "sofa": "SOFA score",
    "news2": "NEWS2 score",
    "gleason": "Gleason score",
    "grade_group": "grade group",
    "gleason_primary": "primary Gleason pattern",
    "cd4": "CD4 count",
    "hba1c": "HbA1c",
    "spo2": "SpO2",
}


def short_name(analyte: Analyte) -> str:
    """ "ANC", "AST", "platelets": the name a clinician writes in a note."""
    return _SHORT_NAMES.get(analyte.id, analyte.label)


def _round(value: float) -> float:
    """Three significant figures for patient values in sentences (CrCl 71.4, not 71.4285...)."""
    if value == 0 or not math.isfinite(value):
        return value
    return round(value, max(0, 2 - math.floor(math.log10(abs(value)))))


def _quantity(value: float, unit: str) -> str:
    return format_quantity(_round(value), unit)


def _apart(value: float, threshold: float) -> float:
    """The patient's value rounded for a sentence, with as many more digits as it takes not to print the
    limit's own number for a value on the other side of it ("BMI 24.98 kg/m² is below the required 25",
    never "BMI 25 kg/m² is below the required 25 kg/m²")."""
    shown = _round(value)
    if value == 0 or not math.isfinite(value) or math.isclose(value, threshold, rel_tol=1e-9):
        return shown
    figures = 3
    while shown == _round(threshold) and figures < 7:
        figures += 1
        shown = round(value, max(0, figures - 1 - math.floor(math.log10(abs(value)))))
    return shown


def _ratio_text(ratio: float, limit: float) -> str:
    """ "2.2": one decimal, more when one decimal would print the limit ("0.99 × LLN", not "1.0 × LLN" under
    "< LLN")."""
    for decimals in (1, 2, 3):
        text = f"{ratio:.{decimals}f}"
        if math.isclose(ratio, limit, rel_tol=1e-9) or not math.isclose(float(text), limit):
            return text
    return text


# --- labs -------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Limit:
    """A threshold resolved for comparison: in the analyte's canonical unit, or as a multiple of a limit."""

    comparator: Comparator
    value: float
    lenient: float | None
    multiple_of: str | None
    text: str
    """As shown: "1.5 × 10⁹/L", "3 × ULN"."""
    inferred_unit: str | None
    plus: float | None = None
    """Seconds added to the multiple ("> ULN + 4 s")."""

    @classmethod
    def of(cls, fields: ThresholdFields, analyte: Analyte) -> _Limit:
        if fields.multiple_of:
            text = fields.describe()[2:]
            return cls(
                fields.comparator,
                fields.value,
                fields.lenient_value,
                fields.multiple_of,
                text,
                None,
                fields.plus_seconds,
            )
        unit = fields.unit or analyte.unit
        value = convert(fields.value, unit, analyte.unit, analyte)
        lenient = (
            convert(fields.lenient_value, unit, analyte.unit, analyte)
            if fields.lenient_value is not None
            else None
        )
        text = _quantity(value, analyte.unit) + limit_class(analyte.id, fields.comparator, value)
        return cls(fields.comparator, value, lenient, None, text, unit if fields.unit_inferred else None)


def _against(
    value: float, normal: float, limit: _Limit, multiple: float | None = None
) -> tuple[float, float]:
    """The value and what it is compared with for a limit on the normal limit ``normal``: the value's ratio
    to it and the multiple, or with seconds added ("ULN + 4 s") the value and the limit in seconds."""
    multiple = limit.value if multiple is None else multiple
    if limit.plus is not None:
        return value, normal * multiple + limit.plus
    return value / normal, multiple


def _wanted(comparator: Comparator, inclusion: bool) -> Comparator:
    """The comparison that meets the criterion: the printed one for an inclusion, its opposite for an
    exclusion ("PSA > 20 ng/mL" excludes, so "PSA ≤ 20 ng/mL required")."""
    return comparator if inclusion else comparator.opposite


def _phrase(limit: _Limit, holds: bool, inclusion: bool, equal: bool, decides: bool = True) -> str:
    """The comparison in words: "within ≤ 3 × ULN", "is below the required 1.5 × 10⁹/L"; a value that
    ``decides`` nothing (drawn before the trial's window) "would exclude"."""
    sign = limit.comparator.symbol
    if inclusion:
        if holds:
            return (
                f"meets {sign} {limit.text}"
                if limit.comparator.is_lower_bound
                else f"within {sign} {limit.text}"
            )
        if limit.comparator.is_lower_bound:
            return f"is {'not above' if equal else 'below'} the required {limit.text}"
        return f"is {'not below' if equal else 'above'} the allowed {limit.text}"
    if holds:
        return f"{sign} {limit.text}: {'excluded' if decides else 'would exclude'}"
    return f"not {sign} {limit.text}"


def _sentence(description: str, phrase: str) -> str:
    """ "ANC 1.2 × 10⁹/L is below ...", "AST 160 U/L is 4.0 × ULN (40 U/L), above the allowed 3 × ULN"."""
    if not phrase.startswith("is "):
        return f"{description}, {phrase}"
    if " is " in description:
        return f"{description}, {phrase[3:]}"
    return f"{description} {phrase}"


class _LabCheck:
    """A lab threshold with its exceptions and stratum variants, resolved once."""

    __slots__ = (
        "analyte",
        "base",
        "confirm_met",
        "exceptions",
        "inclusion",
        "name",
        "qualifier",
        "sex",
        "variants",
        "window",
    )

    def __init__(self, rule: LabThreshold, inclusion: bool) -> None:
        self.analyte = get_analyte(rule.analyte)
        self.name = short_name(self.analyte)
        self.inclusion = inclusion
        self.sex = rule.sex
        self.qualifier = rule.qualifier
        self.confirm_met = rule.confirm_when == "met"
        self.base = _Limit.of(rule, self.analyte)
        self.window = DrawWindowCheck.of(rule, self.name)
        self.exceptions = self._exceptions(rule.exceptions, rule.comparator)
        self.variants = {
            v.stratum: (_Limit.of(v, self.analyte), self._exceptions(v.exceptions, v.comparator))
            for v in rule.strata
        }

    def _exceptions(
        self, exceptions: Sequence[LabException], base: Comparator
    ) -> tuple[tuple[str | None, str, _Limit | None, str | None], ...]:
        """(concept or None, what to call it, the threshold it brings or None when it waives the limit, what
        the trial still asks of the patients it waives the limit for).

        An exception bounding the other side ("Bilirubin no greater than 3.0 mg/dL. Greater than 3 times
        normal if due to biliary obstruction ... stented") allows values past the limit: it waives it. Read as
        a new limit it would require bilirubin above 3 × ULN of the stented patient, and it left a patient
        within 3.0 mg/dL unknown."""
        return tuple(
            (
                e.concept,
                get_concept(e.concept).label if e.concept else f"'{e.text}'",
                None
                if e.waived or e.comparator.is_lower_bound != base.is_lower_bound
                else _Limit.of(e, self.analyte),
                e.requirement,
            )
            for e in exceptions
        )

    def __call__(self, view: PatientView, stratum: str | None) -> Assessment:
        """The limit for one sex holds only for patients of that sex; a requirement on how the value was
        obtained ("without transfusion support") leaves a value that meets the limit to the clinician, quoting
        the trial ("to confirm: no transfusion allowed within 7 days of enrollment"); the opposite of such a
        limit leaves a value that does not meet it."""
        sex = view.facts.sex
        other = _for_the_other_sex(self.name, self.sex, sex)
        if other is not None:
            return other
        found = self._assess(view, stratum)
        if self.sex is not None:
            found = replace(found, reason=f"{found.reason} (limit for {_SEX_PLURAL[self.sex]})")
            if sex is None and found.truth is not False:
                return replace(found, truth=None, reason=f"{found.reason}; sex not entered", missing=("sex",))
        if self.qualifier and found.truth is self.confirm_met:
            found = replace(found, truth=None, reason=f"{found.reason}; to confirm: {self.qualifier}")
        if self.window and found.applies:
            reading = view.facts.lab(self.analyte.id)
            if reading and self.window.before(reading, view.facts):
                return _undecided(found, self.window, found.truth == self.inclusion)
        return found

    def _assess(self, view: PatientView, stratum: str | None) -> Assessment:
        base, exceptions = self.base, self.exceptions
        if stratum is not None and stratum in self.variants:
            base, exceptions = self.variants[stratum]
        reading = view.facts.lab(self.analyte.id)
        if reading is None:
            derived = derived_score(self.analyte.id, view.facts.lab) if not exceptions else None
            if derived is not None:
                return self._derived_score(derived, base)
            return Assessment(None, f"{self.name} not entered", missing=(self.name,))
        when = self.window.date_of(reading, view.facts) if self.window else ""
        used = (f"{self.name} {reading.display}",)
        applied: list[str] = []
        limit = base
        pending: list[str] = []
        for concept_id, label, alternative, requirement in exceptions:
            present = view.facts.finding(concept_id) if concept_id else None
            if present and concept_id:
                if alternative is None:
                    return self._waived(view, reading, limit, concept_id, requirement, when)
                limit = alternative
                applied.append(
                    f"{label.lower()} present: {alternative.comparator.symbol} {alternative.text} applies"
                )
            elif present is None:
                pending.append(label)
        outcome = self._compare(reading, limit, when)
        if isinstance(outcome, Assessment):
            return outcome
        holds, description, equal = outcome
        reason = _sentence(description, _phrase(limit, holds, self.inclusion, equal, decides=not when))
        if pending and limit is base:
            relaxed = [alt for _, label, alt, _ in exceptions if label in pending]
            would_change = any(
                holds != self.inclusion if alt is None else self._possible(reading, alt) != {holds}
                for alt in relaxed
            )
            if would_change:
                recorded = [p for p in pending if not p.startswith("'")]
                unchecked = [p for p in pending if p.startswith("'")]
                notes = []
                if recorded:
                    notes.append(
                        f"another limit applies with {' or '.join(p.lower() for p in recorded)}, not recorded"
                    )
                notes += [f"the trial's exception {p} is not checked" for p in unchecked]
                missing = tuple(f"{p.lower()} (yes/no)" for p in recorded)
                return Assessment(None, "; ".join([reason, *notes]), used, missing)
        if not holds and limit.lenient is not None and self._holds(reading, limit, lenient=True):
            low, high = sorted((limit.value, limit.lenient))
            top = (
                f"{format_number(high)} × {limit_name(limit.multiple_of)}"
                if limit.multiple_of
                else _quantity(high, self.analyte.unit)
            )
            span = f"{format_number(_round(low) if not limit.multiple_of else low)}–{top}"
            return Assessment(
                None,
                f"{description}: within the printed range {span}, which bound applies is not stated",
                used,
            )
        notes = [*applied]
        if limit.inferred_unit:
            notes.append(f"unit not printed or misprinted, read as {limit.inferred_unit}")
        if limit.multiple_of == "uln" and reading.uln_assumed:
            notes.append(f"assumed ULN {_quantity(reading.uln or 0, self.analyte.unit)}")
        if limit.multiple_of == "lln" and reading.lln_assumed:
            notes.append(f"assumed LLN {_quantity(reading.lln or 0, self.analyte.unit)}")
        if notes:
            reason = f"{reason} ({'; '.join(notes)})"
        hint = None
        if holds != self.inclusion:
            patient = description[len(self.name) + 1 :]
            wanted = _wanted(limit.comparator, self.inclusion).symbol
            hint = f"{self.name} {wanted} {limit.text} required, patient {patient}"
        return Assessment(holds, reason, used, hint=hint)

    def _waived(
        self,
        view: PatientView,
        reading: Reading,
        limit: _Limit,
        concept_id: str,
        requirement: str | None,
        when: str,
    ) -> Assessment:
        """The patient has what waives the limit: a value past it is allowed, saying what allows it ("INR
        2.6 is above the allowed 1.5; waived: on warfarin (treatments)"); when the trial asks something else
        of such patients ("must have INR within the therapeutic range"), that is left to the clinician on
        either side of the limit (an INR of 1.0 on warfarin is within 1.5 but below a therapeutic range)."""
        used = (f"{self.name} {reading.display}",)
        label = get_concept(concept_id).label
        outcome = self._compare(reading, limit, when)
        if isinstance(outcome, Assessment):
            if requirement:
                return Assessment(None, f"{label} present: check '{requirement}'", used)
            return Assessment(self.inclusion, f"{label} present: the {self.name} limit does not apply", used)
        holds, description, equal = outcome
        if holds == self.inclusion:
            reason = _sentence(description, _phrase(limit, holds, self.inclusion, equal))
            if requirement:  # within the limit, yet below a therapeutic range the trial may ask
                return Assessment(
                    None, f"{reason}; {_lower_label(label)} present: check '{requirement}'", used
                )
            return Assessment(self.inclusion, reason, used)
        wanted = limit if self.inclusion else replace(limit, comparator=limit.comparator.opposite)
        because = view.facts.evidence(concept_id) or f"{_lower_label(label)} recorded"
        reason = f"{_sentence(description, _phrase(wanted, False, True, equal))}; waived: {because}"
        if requirement:
            return Assessment(None, f"{reason}; check '{requirement}'", used)
        return Assessment(self.inclusion, reason, used)

    def _derived_score(self, derived: DerivedScore, limit: _Limit) -> Assessment:
        """A Gleason measure known from another one as a range: decided where the whole range is."""
        description = f"{self.name} {derived.shown}"
        ends = {limit.comparator.holds(value, limit.value) for value in (derived.low, derived.high)}
        if len(ends) > 1:
            reason = f"{description}: {limit.comparator.symbol} {limit.text} not decided"
            return Assessment(None, reason, derived.used, (derived.decides,))
        holds = ends.pop()
        equal = derived.low == derived.high == limit.value
        hint = None
        if holds != self.inclusion:
            wanted = _wanted(limit.comparator, self.inclusion).symbol
            hint = f"{self.name} {wanted} {limit.text} required, patient {derived.shown}"
        return Assessment(
            holds,
            _sentence(description, _phrase(limit, holds, self.inclusion, equal)),
            derived.used,
            hint=hint,
        )

    def _compare(self, reading: Reading, limit: _Limit, when: str) -> tuple[bool, str, bool] | Assessment:
        """Whether the value holds, described ("AST 88 U/L is 2.2 × ULN (40 U/L)") with ``when`` it was
        drawn after the value if it is older than the trial asks (" of 2026-08-01"), and whether it equals
        the limit."""
        value = reading.value
        if limit.multiple_of is None:
            description = f"{self.name} {format_quantity(_apart(value, limit.value), self.analyte.unit)}"
            description += score_class(self.analyte.id, value) + when
            return limit.comparator.holds(value, limit.value), description, math.isclose(value, limit.value)
        if limit.multiple_of == "control":
            return self._against_control(reading, limit, when)
        normal = reading.uln if limit.multiple_of == "uln" else reading.lln
        which = limit_name(limit.multiple_of)
        if normal is None or normal <= 0:
            return Assessment(
                None,
                f"{self.name} {reading.display}{when}: {which} not known",
                (f"{self.name} {reading.display}",),
                (f"{self.name} {which}",),
            )
        if limit.plus is not None:
            _, threshold = _against(value, normal, limit)
            unit = self.analyte.unit
            description = (
                f"{self.name} {_quantity(value, unit)}{when} ({which} {_quantity(normal, unit)}"
                f" + {format_number(limit.plus)} s = {_quantity(threshold, unit)})"
            )
            return limit.comparator.holds(value, threshold), description, math.isclose(value, threshold)
        ratio = value / normal
        times = _ratio_text(ratio, limit.value)
        description = (
            f"{self.name} {_quantity(value, self.analyte.unit)}{when} is {times} × {which} "
            f"({_quantity(normal, self.analyte.unit)})"
        )
        return limit.comparator.holds(ratio, limit.value), description, math.isclose(ratio, limit.value)

    def _against_control(
        self, reading: Reading, limit: _Limit, when: str = ""
    ) -> tuple[bool, str, bool] | Assessment:
        """ "PT < 1.5 × control": the control lies somewhere in the laboratory's normal range, so the limit is
        decided only where it holds, or fails, at both ends of the range; between them it is left to the
        clinician. Clotting-time ranges depend on the reagent: a default range decides nothing."""
        shown = f"{self.name} {reading.display}{when}"
        low, high = reading.lln, reading.uln
        if low is None or high is None or low <= 0 or reading.lln_assumed or reading.uln_assumed:
            return Assessment(
                None,
                f"{shown}: the laboratory's normal range is not entered",
                (shown,),
                (f"{self.name} normal range",),
            )
        unit = self.analyte.unit
        band = f"{_quantity(low, unit)}–{_quantity(high, unit)}"
        description = f"{self.name} {_quantity(reading.value, unit)}{when} (normal range {band})"
        ends = {limit.comparator.holds(*_against(reading.value, normal, limit)) for normal in (low, high)}
        if len(ends) > 1:
            limit_text = f"{limit.comparator.symbol} {limit.text}"
            reason = f"{description}: {limit_text} depends on the control value, not recorded"
            return Assessment(None, reason, (shown,), (f"{self.name} control",))
        return ends.pop(), description, False

    def _possible(self, reading: Reading, limit: _Limit) -> set[bool]:
        """What the limit can decide: both answers for a multiple of a control the normal range brackets."""
        if limit.multiple_of != "control":
            return {self._holds(reading, limit)}
        outcome = self._against_control(reading, limit)
        return {True, False} if isinstance(outcome, Assessment) else {outcome[0]}

    def _holds(self, reading: Reading, limit: _Limit, lenient: bool = False) -> bool:
        threshold = limit.lenient if lenient and limit.lenient is not None else limit.value
        if limit.multiple_of is None:
            return limit.comparator.holds(reading.value, threshold)
        if limit.multiple_of == "control":  # only when it holds whatever the control (see _against_control)
            ends = (reading.lln, reading.uln)
            return all(
                n is not None
                and n > 0
                and limit.comparator.holds(*_against(reading.value, n, limit, threshold))
                for n in ends
            )
        normal = reading.uln if limit.multiple_of == "uln" else reading.lln
        return (
            normal is not None
            and normal > 0
            and limit.comparator.holds(*_against(reading.value, normal, limit, threshold))
        )


# --- derived values ---------------------------------------------------------------------------------------

_METHOD_OF_READING = {"Cockcroft-Gault": "cockcroft-gault", "CKD-EPI 2021": "ckd-epi"}
_METHOD_NAMES = {
    "cockcroft-gault": "Cockcroft-Gault",
    "ckd-epi": "CKD-EPI",
    "mdrd": "MDRD",
    "measured": "a measured clearance",
    "cystatin-c": "an equation with cystatin C",
    "ckd-epi-2009": "CKD-EPI 2009",
    "schwartz": "the Schwartz equation",
}
"""How a clinician writes the method a trial names."""
_NEEDS = {
    "crcl": "creatinine, weight, age and sex",
    "egfr": "creatinine, age and sex",
    "bmi": "weight and height",
}


def _derived_check(rule: DerivedValueRule, inclusion: bool) -> Check:
    analyte = get_analyte(rule.analyte)
    name = short_name(analyte)
    limit = _Limit.of(rule, analyte)
    window = DrawWindowCheck.of(rule, name)

    def check(view: PatientView, stratum: str | None) -> Assessment:
        reading = view.facts.lab(analyte.id)
        if reading is None:
            return Assessment(
                None, f"{name} not available (needs {_NEEDS.get(analyte.id, name)})", missing=(name,)
            )
        if window is None or not window.before(reading, view.facts):
            return judged(view, reading, "")
        found = judged(view, reading, window.date_of(reading, view.facts))
        return _undecided(found, window, found.truth == inclusion)

    def judged(view: PatientView, reading: Reading, when: str) -> Assessment:
        """The value against the limit, ``when`` it was drawn written after it if before the window."""
        holds = limit.comparator.holds(reading.value, limit.value)
        equal = math.isclose(reading.value, limit.value)
        shown = round(reading.value, 1)
        if shown == limit.value and not equal:
            shown = _apart(reading.value, limit.value)
        patient = format_quantity(shown, analyte.unit)
        if reading.derived_from:
            how = reading.derived_from.split(" from ")[0]
            how = f"{patient}{when}" if how == name else f"{how} {patient}{when}"
        else:
            how = f"{patient}{when} (entered)"
        reason = _sentence(f"{name} {how}", _phrase(limit, holds, inclusion, equal, decides=not when))
        used = (reading.derived_from or f"{name} {reading.display}",)
        method = next(
            (m for label, m in _METHOD_OF_READING.items() if reading.display.startswith(label)), None
        )
        if rule.method and reading.derived_from and method != rule.method and holds != inclusion:
            asked = _METHOD_NAMES.get(rule.method, rule.method)
            stated = _sentence(f"{name} {how}", _phrase(limit, holds, True, equal))
            return Assessment(
                None, f"{stated}; the trial asks for {asked}, which may give another value", used
            )
        if holds == inclusion and rule.analyte == "crcl" and not rule.method and reading.derived_from:
            other = view.facts.lab("egfr")
            if other and other.derived_from and limit.comparator.holds(other.value, limit.value) != holds:
                egfr = format_quantity(round(other.value, 1), get_analyte("egfr").unit)
                return Assessment(
                    None,
                    f"{reason}; eGFR CKD-EPI 2021 {egfr} says otherwise and the trial names no method",
                    (*used, other.derived_from),
                )
        if holds != inclusion and rule.waivers:
            return _derived_waived(rule.waivers, view, reason, used, inclusion)
        if not holds and limit.lenient is not None and limit.comparator.holds(reading.value, limit.lenient):
            low, high = sorted((limit.value, limit.lenient))
            span = f"{format_number(low)}–{_quantity(high, analyte.unit)}"
            return Assessment(
                None, f"{name} {how}: between the trial's limits {span}, judge which applies", used
            )
        if not holds and limit.lenient is not None:
            lowest = _quantity(limit.lenient, analyte.unit)
            reason = f"{reason} (and past {lowest}, the furthest limit the trial allows)"
        wanted = _wanted(limit.comparator, inclusion).symbol
        hint = f"{name} {wanted} {limit.text} required, patient {patient}"
        return Assessment(holds, reason, used, hint=hint if holds != inclusion else None)

    return check


def _derived_waived(
    waivers: Sequence[LabException], view: PatientView, reason: str, used: tuple[str, ...], inclusion: bool
) -> Assessment:
    """A value past the limit the trial lifts for some patients: allowed when the file records what lifts it,
    left to the clinician when it does not say (or the trial's words map to nothing the file records)."""
    for waiver in waivers:
        if waiver.concept and view.facts.finding(waiver.concept):
            because = (
                view.facts.evidence(waiver.concept)
                or f"{_lower_label(get_concept(waiver.concept).label)} recorded"
            )
            return Assessment(inclusion, f"{reason}; waived: {because}", used)
    notes = []
    for waiver in waivers:
        if waiver.concept is None:
            notes.append(f"the trial's exception '{waiver.text}' is not checked")
        elif view.facts.finding(waiver.concept) is None:
            notes.append(
                f"the limit is waived with {_lower_label(get_concept(waiver.concept).label)}, not recorded"
            )
    if not notes:
        return Assessment(not inclusion, reason, used)
    return Assessment(None, "; ".join([reason, *notes]), used)


# --- age, sex, performance --------------------------------------------------------------------------------


def _age_check(rule: AgeRule, inclusion: bool) -> Check:
    wanted = rule.describe()

    def check(view: PatientView, stratum: str | None) -> Assessment:
        facts = view.facts
        age = facts.age
        if age is None:
            return Assessment(None, "age not entered", missing=("age",))
        completed = math.floor(age)
        holds = True
        if rule.min is not None:
            entered_whole = not facts.age_derived and age == rule.min
            holds = age >= rule.min if rule.min_inclusive else (age > rule.min or entered_whole)
        if holds and rule.max is not None:
            holds = completed <= rule.max if rule.max_inclusive else age < rule.max
        shown = f"age {completed}"
        reason = f"{shown}, within {wanted}" if holds else f"{shown}, outside {wanted}"
        return Assessment(
            holds,
            _excluded(reason, holds, inclusion),
            (shown,),
            hint=None if holds else f"{wanted} required, patient {completed}",
        )

    return check


def _excluded(reason: str, holds: bool, inclusion: bool) -> str:
    """ "ECOG 1, within ECOG ≤ 1: excluded": an exclusion the patient meets says so, as a lab's does, rather
    than read like a pass."""
    return f"{reason}: excluded" if holds and not inclusion else reason


def _sex_check(rule: SexRule, inclusion: bool) -> Check:
    """An exclusion that names a sex ("Male.") excludes that sex: the sentence says so."""
    verb = "takes" if inclusion else "excludes"

    def check(view: PatientView, stratum: str | None) -> Assessment:
        if rule.sex == "any":
            return Assessment(True, "open to both sexes")
        sex = view.facts.sex
        if sex is None:
            return Assessment(None, "sex not entered", missing=("sex",))
        holds = sex == rule.sex
        return Assessment(holds, f"patient {sex}, trial {verb} {rule.sex} patients", (f"sex {sex}",))

    return check


def _performance_check(rule: PerformanceStatusRule, inclusion: bool) -> Check:
    wanted = rule.describe()
    low = rule.min if rule.min is not None else -1
    high = rule.max if rule.max is not None else 101

    def check(view: PatientView, stratum: str | None) -> Assessment:
        facts = view.facts
        if rule.scale == "karnofsky":
            if facts.karnofsky is None:
                return Assessment(None, "Karnofsky / ECOG not entered", missing=("performance status",))
            if facts.karnofsky_derived and facts.ecog is not None:
                first, last = ECOG_TO_KARNOFSKY[facts.ecog]
                shown = f"Karnofsky {first}–{last} (from ECOG {facts.ecog})"
                inside = [low <= k <= high for k in (first, last)]
                holds: bool | None = all(inside) if all(inside) or not any(inside) else None
            else:
                shown = f"Karnofsky {facts.karnofsky}"
                holds = low <= facts.karnofsky <= high
        else:
            if facts.ecog is None:
                return Assessment(None, "ECOG / Karnofsky not entered", missing=("performance status",))
            shown = f"ECOG {facts.ecog}" + (
                f" (from Karnofsky {facts.karnofsky})" if facts.ecog_derived else ""
            )
            holds = low <= facts.ecog <= high
        if holds is None:
            return Assessment(None, f"{shown} straddles {wanted}", (shown,))
        reason = f"{shown}, within {wanted}" if holds else f"{shown}, outside {wanted}"
        return Assessment(
            holds,
            _excluded(reason, holds, inclusion),
            (shown,),
            hint=None if holds else f"{wanted} required, patient {shown}",
        )

    return check


# --- findings ---------------------------------------------------------------------------------------------

_ONLY_FEMALE = frozenset({"pregnancy", "breastfeeding"})
_MAY_BE_PAST = word_set(
    """
    prior_malignancy hbv hcv viral_hepatitis liver_disease tuberculosis cns_disease primary_brain_tumour
    cns_metastases brain_metastases stable_brain_metastases autoimmune_disease rheumatoid_arthritis
    systemic_lupus inflammatory_bowel_disease multiple_sclerosis myasthenia_gravis vasculitis
    autoimmune_hepatitis psoriasis hypothyroidism hyperthyroidism pneumonitis interstitial_lung_disease
    idiopathic_pulmonary_fibrosis alcohol_abuse
    covid19 syphilis peptic_ulcer duodenal_ulcer graft_versus_host_disease seizures psychiatric_illness
    depression
    psychotic_disorder
    substance_abuse sarcoidosis uveitis pancreatitis myocarditis immune_related_adverse_event
    celiac_disease hemolytic_anemia immune_thrombocytopenia
    """
)
"""Findings a patient file records as present when the patient ever had them ("prior malignancy": breast
cancer 8 years ago; "hepatitis B": treated). "Active second malignancy", "no active hepatitis B" ask whether
it is active now, which a present finding does not say: unknown, never a fail on a cured condition."""


@cache
def _under(concept_id: str) -> frozenset[str]:
    return frozenset({concept_id, *descendants(concept_id)})


def _finding_check(rule: FindingRule) -> Check:
    concept = get_concept(rule.concept)
    label = concept.label
    qualifier = {"history": "history of ", "active": "active ", "any": ""}[rule.qualifier]
    said = _qualified(qualifier, label)

    def check(view: PatientView, stratum: str | None) -> Assessment:
        facts = view.facts
        value = facts.finding(concept.id)
        if value is None and concept.id in _ONLY_FEMALE and facts.sex == "male":
            return Assessment(not rule.present, f"{label}: not possible for a male patient", ("sex male",))
        inactive = rule.qualifier == "active" and facts.activity.get(concept.id) is False
        if inactive:
            return Assessment(not rule.present, f"{label} recorded as not active", (f"{label} not active",))
        if value is None:
            return Assessment(None, f"{said} not recorded", missing=(label,))
        used = (f"{label} {'present' if value else 'absent'}",)
        if not value and concept.id == "informed_consent" and facts.age is not None and facts.age < 18:
            why = f"{label} recorded as absent; for a minor a parent or guardian gives consent"
            return Assessment(None, why, used, missing=("consent of a parent or guardian",))
        if not value:
            return Assessment(not rule.present, f"{label} recorded as absent", used)
        excused, doubt = _exception_state(rule, view)
        if excused is not None:
            return Assessment(not rule.present, f"{label} present, but {excused}: accepted", used)
        if rule.qualifier == "active" and _maybe_past(concept.id, view.explicit, facts.activity):
            why = f"{label} present; whether it is active now is not recorded"
            return Assessment(None, why, used, missing=(f"whether {_lower_label(label)} is active",))
        if doubt is not None:
            return Assessment(
                None, f"{label} present; {doubt}", used, missing=() if "'" in doubt else (doubt,)
            )
        derived = facts.evidence(concept.id)
        how = f"present: {derived}" if derived else _how_present(concept.id, view.explicit)
        return Assessment(rule.present, f"{label} {how}", used)

    return check


def _how_present(concept_id: str, explicit: frozenset[str]) -> str:
    """ "recorded as present", or what was recorded when the finding is inferred from more specific ones
    ("Metastatic disease present (liver metastases recorded)"): the clinician sees which entry decided."""
    causes = sorted(explicit & _under(concept_id) - {concept_id})
    if concept_id in explicit or not causes:
        return "recorded as present"
    names = " and ".join(_lower_label(get_concept(c).label) for c in causes)
    return f"present ({names} recorded)"


def _lower_label(label: str) -> str:
    """ "liver metastases", "HIV infection": lower-case inside a sentence, an acronym kept."""
    return label if label[1:2].isupper() else f"{label[0].lower()}{label[1:]}"


def _qualified(qualifier: str, label: str) -> str:
    """ "active HIV infection", "history of CNS metastases", "active infection" (not "active active
    infection"): an acronym keeps its capitals and a label that already says the qualifier is not repeated."""
    if not qualifier or label.lower().startswith(qualifier):
        return label
    return f"{qualifier}{_lower_label(label)}"


def _maybe_past(concept_id: str, explicit: frozenset[str], activity: Mapping[str, bool]) -> bool:
    """Whether every recorded cause of the finding may be a past one (not "active brain metastases", not
    "active hepatitis B" recorded true)."""
    causes = explicit & _under(concept_id)
    if any(activity.get(cause) for cause in causes):
        return False
    return causes <= _MAY_BE_PAST if causes else concept_id in _MAY_BE_PAST


def _exception_state(rule: FindingRule, view: PatientView) -> tuple[str | None, str | None]:
    """(the exception that excuses the finding, or None; what is left to check, or None). An exception that
    could not excuse what the file records even if present (treated brain metastases accepted, active ones
    recorded) leaves nothing to check."""
    doubts = []
    for exception in rule.exceptions:
        if exception.concept is None:
            doubts.append(f"check '{exception.text}'")
            continue
        if not _only_excused(rule.concept, exception.concept, view.explicit):
            continue
        present = view.facts.finding(exception.concept)
        name = get_concept(exception.concept).label.lower()
        if present is None:
            doubts.append(f"whether {name} is not recorded")
        elif present:
            return name, None
    return None, "; ".join(doubts) if doubts else None


def _only_excused(concept_id: str, excused_id: str, explicit: frozenset[str]) -> bool:
    """Whether every recorded cause of the finding is the excused one (or more general than it)."""
    causes = explicit & _under(concept_id)
    allowed = _under(excused_id) | {concept_id} | (ancestors(excused_id) & _under(concept_id))
    return causes <= allowed


# --- therapies --------------------------------------------------------------------------------------------

_CLASS_CATEGORY = {
    "pd-1/pd-l1 inhibitor": "immunotherapy",
    "ctla-4 inhibitor": "immunotherapy",
    "lag-3 inhibitor": "immunotherapy",
    "immune checkpoint inhibitor": "immunotherapy",
    "anthracycline": "chemotherapy",
    "taxane": "chemotherapy",
    "platinum": "chemotherapy",
    CAR_T: "cell therapy",
}
_DRUG_CATEGORY = {drug: _CLASS_CATEGORY[cls] for cls, drugs in AGENT_CLASSES.items() for drug in drugs}
_NAMED_CATEGORY = {**_DRUG_CATEGORY, **{drug: c for c, drugs in OTHER_DRUGS.items() for drug in drugs}}
"""The category of a treatment entered without one, from the drug it names."""


def _shift(day: dt.date, amount: int, unit: str, sign: int) -> dt.date:
    """``day`` moved by a calendar amount ("6 months" before 31 August is 28/29 February)."""
    if unit == "days":
        return day + dt.timedelta(days=sign * amount)
    if unit == "weeks":
        return day + dt.timedelta(weeks=sign * amount)
    months = sign * amount * (12 if unit == "years" else 1)
    year, month = divmod(day.month - 1 + months, 12)
    year += day.year
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _therapy_check(rule: TemporalTherapyRule, inclusion: bool) -> Check:
    drugs = frozenset(d for agent in rule.agents for d in AGENT_CLASSES.get(agent, (agent,)))
    categories = frozenset(rule.categories)
    agent_categories = frozenset(
        c for a in rule.agents if (c := _CLASS_CATEGORY.get(a) or _DRUG_CATEGORY.get(a)) is not None
    )
    biologic = BIOLOGIC in rule.agents
    small_molecule = SMALL_MOLECULE in rule.agents
    what = rule.describe()
    window_words = f"{rule.window}-{rule.window_unit[:-1]}" if rule.window else ""
    # "No concurrent use of other anti-cancer therapies": ongoing castration in prostate cancer is not one of
    # them (mCRPC trials require it). Only washout and "no concurrent" readings of every anticancer therapy.
    broad = categories >= _ANY_ANTICANCER and (rule.relation != "prior" or rule.window is not None)
    # A treatment list is a record of cancer drugs first; one with no operation (radiotherapy) at all does
    # not say there was none: a required one ("Has undergone surgery within the past 8 weeks") or one at any
    # time ("Previous radiation therapy to the pelvis", "No prior radiotherapy") is unknown until the list
    # records one. A recent one ("Major surgery within 4 weeks") is part of the current care a clinician
    # enters, and its absence is read as none.
    local_only = bool(categories) and categories <= _LOCAL_THERAPY and not rule.agents
    unrecorded_is_unknown = local_only and (rule.window is None or (inclusion and rule.relation != "none"))

    def matches(entry: TreatmentEntry) -> bool | None:
        """Whether the entry is a therapy the rule names; None when its category holds a named agent but
        its name is no drug the engine knows ("Taxotere" under "no prior taxane" is known, "XYZ-123"
        is not)."""
        name = _generic_names(entry.name.lower())
        if any(drug in name for drug in drugs):
            return True
        # a regimen ("FOLFOX") has its drugs in ``name``, and they name its category
        category = entry.category or next((c for d, c in _NAMED_CATEGORY.items() if d in name), None)
        if category in categories:
            return True
        if biologic and category in ("immunotherapy", "cell therapy"):
            return True
        if biologic and category == "targeted therapy" and not _SMALL_MOLECULE.search(name):
            return True if _ANTIBODY.search(name) else None
        if small_molecule and category in ("targeted therapy", None):
            # "Targeted small molecule therapy" is not trastuzumab: an antibody is no small molecule
            if _SMALL_MOLECULE.search(name):
                return True
            if _ANTIBODY.search(name):
                return False
            return None
        if category in agent_categories and not any(known in name for known in _KNOWN_DRUGS):
            return None
        return None if category is None else False  # no category entered and a name the engine does not know

    def check(view: PatientView, stratum: str | None) -> Assessment:
        facts = view.facts
        if not facts.treatments:
            return Assessment(None, "no treatment history entered", missing=("treatment history",))
        as_of = facts.as_of
        cutoff = _shift(as_of, rule.window, rule.window_unit, -1) if rule.window is not None else None
        hits: list[tuple[TreatmentEntry, dt.date | None, bool]] = []
        undated: list[TreatmentEntry] = []
        uncertain: list[TreatmentEntry] = []
        for entry in facts.treatments:
            match = matches(entry)
            if match is False:
                continue
            if entry.start is not None and entry.start > as_of:
                continue
            ongoing = entry.end is None and entry.start is not None
            last = as_of if ongoing or (entry.end is not None and entry.end > as_of) else entry.end
            if last is None:
                if cutoff is not None or rule.relation == "current":
                    undated.append(entry)
                    continue
                inside = True  # ever received: "no prior chemotherapy" needs no dates
            elif rule.relation == "current":
                inside = ongoing or last >= as_of
            elif cutoff is None:
                inside = True
            else:
                inside = last >= cutoff if rule.window_inclusive else last > cutoff
            if inside and match is None:
                uncertain.append(entry)
            elif inside:
                hits.append((entry, None if ongoing else last, ongoing))
        if broad and hits and facts.diagnosis and "prostat" in facts.diagnosis.lower():
            castration = [h for h in hits if _CASTRATION.search(h[0].name.lower())]
            if len(castration) == len(hits):
                name = _treatment_text(castration[0][0])
                why = "castration for prostate cancer, which trials continue: judge whether it counts"
                return Assessment(None, f"{name}: {why}", (name,))
        used = tuple(_treatment_text(e) for e, _, _ in hits)
        if hits and rule.qualifier:
            return Assessment(
                None, f"{_treatment_text(hits[0][0])}: whether {rule.qualifier} is not recorded", used
            )
        received = bool(hits)
        if not hits and unrecorded_is_unknown and not any(matches(entry) for entry in facts.treatments):
            why = f"no {what} in the treatment list, which often leaves it out"
            return Assessment(None, why, missing=(what,))
        if not hits and uncertain:
            names = ", ".join(e.name for e in uncertain)
            return Assessment(None, f"{names}: whether it is {what} is not known", used)
        if not hits and undated:
            names = ", ".join(e.name for e in undated)
            return Assessment(None, f"{names}: dates not entered", missing=(f"dates of {names}",))
        statement = received if rule.relation != "none" else not received
        if received:
            reason = f"{_treatment_text(hits[0][0])}: {what}"
        elif rule.relation == "current":
            reason = f"no {what} at present"
        else:
            reason = f"no {what}" + (" on record" if cutoff is None else "")
        hint = None
        if received and rule.window and cutoff is not None:
            ends = [last for _, last, _ in hits if last is not None]
            if ends and len(ends) == len(hits):
                free = _shift(max(ends), rule.window, rule.window_unit, 1)
                free += dt.timedelta(days=1 if rule.window_inclusive else 0)
                hint = f"eligible from {free.isoformat()} once the {window_words} washout ends"
            else:
                hint = f"eligible once the {window_words} washout after the last dose ends (therapy ongoing)"
        return Assessment(statement, reason, used, hint=hint)

    return check


_ANY_ANTICANCER = frozenset({"chemotherapy", "immunotherapy", "targeted therapy", "hormone therapy"})
_LOCAL_THERAPY = frozenset({"surgery", "radiotherapy"})
_CASTRATION = re.compile(
    r"(?<![a-z])(?:leuprolide|leuprorelin|goserelin|triptorelin|histrelin|buserelin|degarelix|relugolix"
    r"|lhrh|gnrh|androgen\s+deprivation|adt|lupron|zoladex|eligard|firmagon|orgovyx|orchiectomy)(?![a-z])"
)
"""Castration kept up through later lines of prostate cancer treatment (GnRH agonists and antagonists)."""
_ANTIBODY = re.compile(r"mab(?![a-z])|cept(?![a-z])|antibod")
_SMALL_MOLECULE = re.compile(r"(?:nib|lib|sib|parib|stat)(?![a-z])|small[\s-]molecule|kinase\s+inhibitor|tki")
"""Drug-name stems: "-mab" and "-cept" are biologics (bevacizumab, aflibercept), "-nib", "-lib", "-parib" are
small molecules (erlotinib, palbociclib, olaparib)."""
_REGIMEN = re.compile(r"(?<![a-z])(?:" + "|".join(sorted(REGIMENS, key=len, reverse=True)) + r")(?![a-z])")
_BRAND = re.compile(r"(?<![a-z])(?:" + "|".join(sorted(BRAND_NAMES, key=len, reverse=True)) + r")(?![a-z])")
_KNOWN_DRUGS = frozenset(
    [
        *_DRUG_CATEGORY,
        *(d for drugs in REGIMENS.values() for d in drugs),
        *(d for ds in OTHER_DRUGS.values() for d in ds),
    ]
)


def _generic_names(name: str) -> str:
    """The treatment name with the drugs of the regimens and brands it names ("r-chop" gains
    "doxorubicin", "keytruda" gains "pembrolizumab")."""
    drugs = [d for regimen in _REGIMEN.findall(name) for d in REGIMENS[regimen]]
    drugs += [BRAND_NAMES[brand] for brand in _BRAND.findall(name)]
    return " ".join([name, *drugs])


def _treatment_text(entry: TreatmentEntry) -> str:
    dates = " to ".join(d.isoformat() for d in (entry.start, entry.end) if d is not None)
    ongoing = entry.end is None and entry.start is not None
    return f"{entry.name} ({dates}{', ongoing' if ongoing else ''})" if dates else entry.name


# --- stage --------------------------------------------------------------------------------------------------

_SEX_PLURAL = {"female": "women", "male": "men"}
_RELEVANT = 0.8
"""How well the patient's diagnosis must fit the disease a stage criterion names for its stage to decide."""


def _closed(text: str) -> str:
    """ "follicular lymphoma", not "follicular lymphoma (NHL": a name cut inside its parenthesis loses the
    unclosed part."""
    if text.count("(") > text.count(")"):
        return text[: text.rfind("(")].rstrip(" ,;") or text
    return text


_DISEASE_FAMILIES = {"lymphoma": ("lymphoma", "hodgkin"), "neuroblastoma": ("neuroblastoma",)}
"""Diseases whose every subtype carries one of these words ("diffuse large B-cell lymphoma", "Hodgkin
disease"): a word match, where a name-likeness score would miss the subtypes."""


def _stage_check(rule: StageRule, inclusion: bool) -> Check:
    wanted = rule.describe()
    disease = _closed(rule.disease or "")
    family = _DISEASE_FAMILIES.get((rule.disease or "").lower())

    def check(view: PatientView, stratum: str | None) -> Assessment:
        facts = view.facts
        if not facts.stage:
            return Assessment(None, "stage not entered", missing=("stage",))
        stage = parse_stage(facts.stage)
        if stage is None:
            shown = f"stage '{facts.stage.strip()}'"
            return Assessment(None, f"{shown}: not a stage 0-IV the engine compares", (shown,))
        shown = f"stage {stage_name(stage)}"
        if rule.disease:
            from trialmatch.domain.ranking import relevance  # ranking imports evaluation, which imports this

            if not facts.diagnosis:
                return Assessment(None, f"{wanted}: diagnosis not entered", (shown,), ("diagnosis",))
            if family:
                diagnosis = facts.diagnosis.lower()
                elsewhere = not any(word in diagnosis for word in family)
            else:
                elsewhere = relevance([rule.disease], facts.diagnosis) < _RELEVANT
            if elsewhere:
                return Assessment(
                    None, f"{shown} of {facts.diagnosis}; the criterion is about {disease}", (shown,)
                )
        holds = stage_holds(rule.stages, stage)
        if holds is None:
            return Assessment(None, f"{shown}: the sub-stage decides ({wanted})", (shown,), ("sub-stage",))
        reason = f"{shown}, {'within' if holds else 'not'} {wanted}"
        return Assessment(holds, _excluded(reason, holds, inclusion), (shown,))

    return check


def _t_category_check(rule: TCategoryRule, inclusion: bool) -> Check:
    wanted = rule.describe()

    def check(view: PatientView, stratum: str | None) -> Assessment:
        stage = view.facts.stage
        if not stage:
            return Assessment(None, "stage not entered", missing=("stage (TNM)",))
        shown = f"stage '{stage.strip()}'"
        found = patient_category(stage)
        if isinstance(found, str):
            return Assessment(None, f"{shown}: {found} ({wanted} asked)", (shown,), ("T category",))
        category, clinical = found
        if rule.clinical and not clinical:
            reason = f"{shown}: pathological {category}; the criterion asks the clinical category ({wanted})"
            return Assessment(None, reason, (shown,), ("clinical T category",))
        holds = rule.holds(category)
        if holds is None:
            return Assessment(
                None, f"{category}: the sub-category decides ({wanted})", (shown,), ("T sub-category",)
            )
        reason = f"{category}, {'within' if holds else 'not'} {wanted}"
        return Assessment(holds, _excluded(reason, holds, inclusion), (shown,))

    return check


# --- logic and review -------------------------------------------------------------------------------------


def _logic_check(rule: AnyOf | AllOf, inclusion: bool) -> Check:
    children = tuple(build_check(child, inclusion) for child in rule.children)
    any_of = isinstance(rule, AnyOf)
    partly_read = any(isinstance(child, NeedsReview) for child in rule.children)

    def check(view: PatientView, stratum: str | None) -> Assessment:
        if not children:
            return Assessment(not any_of, "no requirement stated")
        results = [child(view, stratum) for child in children]
        if any(r.applies for r in results):
            shown = [r for r in results if r.applies]
            results = shown + [replace(r, reason="") for r in results if not r.applies]
        decisive = [r for r in results if r.truth is any_of]
        truths = {r.truth for r in results}
        chosen: Sequence[Assessment]
        truth: bool | None
        if rule.read_both_ways and len(truths) > 1:
            chosen, truth = results, None
        elif decisive:
            chosen, truth = decisive[:1], any_of
        elif all(r.truth is (not any_of) for r in results):
            chosen, truth = results, not any_of
        else:
            chosen, truth = [r for r in results if r.truth is None], None
        told = chosen
        if truth is None and partly_read:  # the values read, then what is left to check
            told = [r for r in results if r.truth is not None] + list(chosen)
        reason = "; ".join(dict.fromkeys(r.reason for r in told if r.reason))
        if rule.read_both_ways and truth is None and truths >= {True, False}:
            reason += "; the sentence's 'and' may mean both or either: to confirm"
        if truth is False and any_of and inclusion:
            reason = "none met: " + reason
        used = tuple(dict.fromkeys(v for r in results for v in r.values_used))
        missing = tuple(dict.fromkeys(m for r in chosen for m in r.missing))
        hints = [r.hint for r in chosen if r.hint]
        hint = (" or " if any_of else "; ").join(hints) if hints else None
        return Assessment(truth, reason, used, missing, hint)

    return check


def _per_stratum_check(rule: PerStratum, inclusion: bool) -> Check:
    """The limit of the stratum asked about; in a stratum named with no limit, or one not named, the sentence
    does not concern the patient (met in an inclusion, not excluding in an exclusion)."""
    children = {s: build_check(c, inclusion) for s, c in zip(rule.strata, rule.children, strict=True)}
    named = ", ".join([*rule.strata, *rule.free])

    def check(view: PatientView, stratum: str | None) -> Assessment:
        child = children.get(stratum) if stratum is not None else None
        if child is not None:
            return child(view, stratum)
        if stratum in rule.free:
            return Assessment(inclusion, f"no limit in stratum {stratum}", applies=False)
        return Assessment(inclusion, f"limits for stratum {named} only", applies=False)

    return check


def review_assessment(rule: NeedsReview) -> Assessment:
    """A rule left for review decides nothing: unknown, with the reason it was not read."""
    return Assessment(None, f"needs review: {rule.why}")


def _timepoint_check(rule: LabThreshold | DerivedValueRule) -> Check:
    """A value at another time than now ("PSA < 10 ng/mL before prostatectomy") is never compared with
    today's: unknown, naming the value it needs."""
    name = short_name(get_analyte(rule.analyte))
    wanted = rule.value_at(name)
    limit = f"{name} {rule.comparator.symbol} {rule.value:g} × {wanted}" if rule.relative else rule.describe()
    confirm = f"; to confirm: {rule.qualifier}" if isinstance(rule, LabThreshold) and rule.qualifier else ""
    assessment = Assessment(
        None,
        f"needs {wanted} ({limit}){confirm}; the patient file holds current values only",
        missing=(wanted.removeprefix("the "),),
    )

    sex = rule.sex if isinstance(rule, LabThreshold) else None

    def check(view: PatientView, stratum: str | None) -> Assessment:
        return _for_the_other_sex(name, sex, view.facts.sex) or assessment

    return check


def _undecided(found: Assessment, window: DrawWindowCheck, met: bool) -> Assessment:
    """``found`` for a value drawn before the trial's window: unknown, the recent value missing."""
    return Assessment(
        None, window.asking(found.reason, met), found.values_used, (*found.missing, window.wanted)
    )


def _for_the_other_sex(name: str, limit_sex: str | None, patient_sex: str | None) -> Assessment | None:
    """A limit for women says nothing of a man ("QTcF limit for women: patient male")."""
    if limit_sex is None or patient_sex is None or patient_sex == limit_sex:
        return None
    reason = f"{name} limit for {_SEX_PLURAL[limit_sex]}: patient {patient_sex}"
    return Assessment(False, reason, (f"sex {patient_sex}",), applies=False)


def _review_check(rule: NeedsReview) -> Check:
    assessment = review_assessment(rule)

    def check(view: PatientView, stratum: str | None) -> Assessment:
        return assessment

    return check


def rule_inputs(rule: Rule) -> frozenset[Input]:
    """Everything the rule's check reads from the patient: its answer changes only when one of these does."""
    if isinstance(rule, LabThreshold | DerivedValueRule) and rule.timepoint:
        return frozenset({("sex", "")}) if isinstance(rule, LabThreshold) and rule.sex else frozenset()
    drawn = isinstance(rule, LabThreshold | DerivedValueRule) and rule.within_days is not None
    window = {("as_of", "")} if drawn else set()  # a draw window counts back from the judgement date
    if isinstance(rule, LabThreshold):
        concepts = {e.concept for e in rule.exceptions if e.concept} | {
            e.concept for v in rule.strata for e in v.exceptions if e.concept
        }
        sex = {("sex", "")} if rule.sex else set()
        scores = {("lab", a) for a in GLEASON_SCORES} if rule.analyte in GLEASON_SCORES else set()
        return frozenset({("lab", rule.analyte), *sex, *scores, *window, *(("finding", c) for c in concepts)})
    if isinstance(rule, DerivedValueRule):  # a clearance with no method named is held against eGFR too
        egfr = {("lab", "egfr")} if rule.analyte == "crcl" else set()
        waivers = {("finding", w.concept) for w in rule.waivers if w.concept}
        return frozenset({("lab", rule.analyte), *egfr, *window, *waivers})
    if isinstance(rule, AgeRule):
        return frozenset({("age", "")})
    if isinstance(rule, SexRule):
        return frozenset({("sex", "")})
    if isinstance(rule, PerformanceStatusRule):
        return frozenset({("ps", "")})
    if isinstance(rule, FindingRule):
        concepts = {rule.concept, *(e.concept for e in rule.exceptions if e.concept)}
        age = {("age", "")} if rule.concept == "informed_consent" else set()  # a minor's parents consent
        return frozenset({("sex", ""), ("explicit", ""), *age, *(("finding", c) for c in concepts)})
    if isinstance(rule, TemporalTherapyRule):  # the diagnosis tells castration for prostate cancer apart
        return frozenset({("treatments", ""), ("stage", "")})
    if isinstance(rule, StageRule | TCategoryRule):
        return frozenset({("stage", "")})
    if isinstance(rule, JOINING):
        return frozenset(i for child in rule.children for i in rule_inputs(child))
    return frozenset()


def rule_strata(rule: Rule) -> frozenset[str]:
    """Strata with their own thresholds inside the rule ("for Stratum D: ...", "(cohort 2)")."""
    if isinstance(rule, PerStratum):
        return frozenset([*rule.strata, *rule.free])
    if isinstance(rule, LabThreshold):
        return frozenset(v.stratum for v in rule.strata)
    if isinstance(rule, JOINING):
        return frozenset(s for child in rule.children for s in rule_strata(child))
    return frozenset()


def has_review(rule: Rule) -> bool:
    """Whether any part of the rule was left for review."""
    if isinstance(rule, NeedsReview):
        return True
    if isinstance(rule, JOINING):
        return any(has_review(child) for child in rule.children)
    return False
