"""Finding rule: a lexicon concept the patient has or has not (HIV, brain metastases, pregnancy...).

Exceptions are where a sentence turns: "Active brain metastasis (treated and stable brain metastasis
accepted)". An exception the parser could map to a concept is checked; one it could not map, or a qualifier
it could not read ("HIV with positive viral load"), leaves a present finding to the clinician instead of
failing the patient on half a sentence.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from trialmatch.domain.criteria.base import RuleBase, RuleModel

Qualifier = Literal["active", "history", "any"]


class FindingException(RuleModel):
    """With ``concept``: the finding does not count when the patient has that concept.

    Without one (``concept`` None): ``text`` narrows or excuses the finding in words the parser could not
    map, so a present finding is undecided and goes to the clinician.
    """

    concept: str | None
    text: str
    source_span: tuple[int, int]


class FindingRule(RuleBase):
    """The statement "the patient has ``concept``" (``present`` True) or "has not" (``present`` False)."""

    kind: Literal["finding"] = "finding"
    concept: str
    present: bool = True
    qualifier: Qualifier = "any"
    exceptions: list[FindingException] = Field(default_factory=list)
