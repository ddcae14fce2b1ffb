"""Needs review: text the engine could not read fully and safely, kept verbatim with the reason.

A half-read rule that could wrongly fail a patient is worse than an honest "needs review".
"""

from __future__ import annotations

from typing import Literal

from trialmatch.domain.criteria.base import RuleBase


class NeedsReview(RuleBase):
    kind: Literal["review"] = "review"
    text: str
    why: str
