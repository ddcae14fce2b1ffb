"""Stage rule: the cancer stages a criterion names ("Any stage IV malignancy", "Stage III or IV melanoma",
"stage IIIB/IV NSCLC") and, when it names one, the disease they are stages of.

Stages are kept as the criterion names them, roman with an optional sub-stage letter ("IV", "IIIB"): a stage
without a letter covers all its sub-stages (patient IVA is in "stage IV"), one with a letter covers only
itself, so a patient recorded as "III" is undecided against "IIIB or higher".
"""

from __future__ import annotations

import re
from typing import Literal

from trialmatch.domain.criteria.base import RuleBase

ROMAN = ("0", "I", "II", "III", "IV")
"""Stage numbers 0-4 as stages are printed."""

_STAGE = re.compile(r"\s*(?:stage\s*)?(?P<main>iv|iii|ii|i|[0-4])(?P<sub>[a-d])?\s*", re.IGNORECASE)
_NUMERALS = {"iv": 4, "iii": 3, "ii": 2, "i": 1}

Stage = tuple[int, str | None]
"""(stage number 0-4, sub-stage letter or None)."""


def parse_stage(text: str) -> Stage | None:
    """ "IV", "IIIB", "stage 3", "Stage IVa", "3b" -> (number, letter); None for anything else ("limited")."""
    match = _STAGE.fullmatch(text)
    if match is None:
        return None
    main = match.group("main").lower()
    number = int(main) if main.isdigit() else _NUMERALS[main]
    sub = match.group("sub")
    return number, sub.upper() if sub else None


def stage_name(stage: Stage) -> str:
    """(3, "B") -> "IIIB"."""
    number, sub = stage
    return ROMAN[number] + (sub or "")


def stage_holds(named: list[str], patient: Stage) -> bool | None:
    """Whether the patient's stage is one of ``named``; None when only a sub-stage the patient's record does
    not give would tell ("III" against "IIIB")."""
    stages = [s for s in (parse_stage(n) for n in named) if s is not None]
    number, sub = patient
    if any(s == (number, None) for s in stages):
        return True
    letters = {s[1] for s in stages if s[0] == number}
    if not letters:
        return False
    if sub is None:
        return None
    return sub in letters


class StageRule(RuleBase):
    """The statement "the patient's cancer is at one of ``stages``" (of ``disease`` when it names one)."""

    kind: Literal["stage"] = "stage"
    stages: list[str]
    disease: str | None = None

    def describe(self) -> str:
        """ "stage III or IV", "stage IIIA, IIIB or IV melanoma"."""
        names = self.stages
        listed = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"
        return f"stage {listed}" + (f" {self.disease}" if self.disease else "")
