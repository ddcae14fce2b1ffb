"""Matching one patient against 4,500 and 10,000 compiled trials: p50/p95 in milliseconds.

Matching runs on every keystroke, so it must stay under 100 ms for 4,500 trials and 250 ms for 10,000.
Trials are real registry records (criteria split by ``segmentation.split_criteria``, parsed once as at
import); 10,000 is reached by repeating them as independent copies under new ids. Each timed run uses a new
``PatientFacts`` whose ANC changes, as after a keystroke, so no answer is reused from the previous run;
the first (cold) run, which also builds every trial's plan, is reported on its own.

Run: .venv/bin/python bench/match_speed.py [RUNS]
"""

from __future__ import annotations

import gc
import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from registry_criteria import load_records

from trialmatch.domain.compiled import CompiledTrial, compile_trial
from trialmatch.domain.evaluation import evaluate, prepare
from trialmatch.domain.facts import PatientFacts
from trialmatch.domain.patient import Patient, load_patient
from trialmatch.domain.ranking import RankInput, rank
from trialmatch.domain.segmentation import split_criteria
from trialmatch.domain.trial import Trial, normalise_sex, parse_age_years

PATIENT = Path(__file__).resolve().parents[1] / "tests" / "data" / "patients" / "example_melanoma.json"


def _age(raw: str | None) -> float | None:
    try:
        return parse_age_years(raw)
    except ValueError:
        return None


def compiled_trials(count: int) -> tuple[list[tuple[CompiledTrial, tuple[str, ...]]], float, int]:
    records = load_records()[:count]
    started = time.perf_counter()
    compiled = []
    criteria = 0
    for record in records:
        trial = Trial(
            id=record.nct_id,
            registry="ctgov",
            title=record.nct_id,
            criteria=split_criteria(record.eligibility),
            min_age=_age(record.min_age),
            max_age=_age(record.max_age),
            sex=normalise_sex(record.sex),
            conditions=list(record.conditions),
        )
        criteria += len(trial.criteria)
        compiled.append((compile_trial(trial), record.conditions))
    return compiled, time.perf_counter() - started, criteria


def replicate(
    trials: list[tuple[CompiledTrial, tuple[str, ...]]], count: int
) -> list[tuple[CompiledTrial, tuple[str, ...]]]:
    """Independent copies (own objects, own plans) under new ids until ``count`` trials."""
    out = list(trials)
    copy = 0
    while len(out) < count:
        copy += 1
        for compiled, conditions in trials[: count - len(out)]:
            clone = CompiledTrial.model_validate(
                compiled.model_dump() | {"trial_id": f"{compiled.trial_id}-{copy}"}
            )
            out.append((clone, conditions))
    return out


def match_once(trials: list[tuple[CompiledTrial, tuple[str, ...]]], patient: Patient, anc: float) -> float:
    """One keystroke: a new ANC value, new facts, every trial evaluated and ranked. CPU milliseconds (the
    machine is shared, so wall time would measure the neighbours)."""
    labs = [lab.model_copy(update={"value": anc}) if lab.test == "ANC" else lab for lab in patient.labs]
    changed = patient.model_copy(update={"labs": labs})
    started = time.process_time()
    facts = PatientFacts(changed, date(2026, 11, 20))
    inputs = [RankInput(evaluate(c, facts), conditions, True, None) for c, conditions in trials]
    rank(inputs, changed.diagnosis)
    return (time.process_time() - started) * 1000


def measure(trials: list[tuple[CompiledTrial, tuple[str, ...]]], patient: Patient, runs: int) -> None:
    started = time.process_time()
    for compiled, _ in trials:
        prepare(compiled)
    plans = (time.process_time() - started) * 1000
    first = match_once(trials, patient, 1.9)
    times = sorted(match_once(trials, patient, 1.0 + 0.01 * i) for i in range(runs))
    p50 = statistics.median(times)
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    print(
        f"{len(trials):>6} trials: plans {plans:7.0f} ms   first match {first:6.0f} ms   "
        f"keystroke p50 {p50:5.1f} ms   p95 {p95:5.1f} ms   max {times[-1]:5.1f} ms   ({runs} runs)"
    )


def main(runs: int) -> None:
    patient = load_patient(PATIENT.read_text(encoding="utf-8"))
    base, seconds, criteria = compiled_trials(4500)
    print(f"compiled {len(base)} real trials ({criteria} criteria) in {seconds:.1f} s")
    measure(base, patient, runs)
    everything = replicate(base, 10_000)
    measure(everything, patient, runs)
    gc.collect()
    gc.freeze()
    print("after gc.freeze() (what a loader can do once the catalogue is in memory):")
    measure(everything, patient, runs)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 30)
