"""Wordings where the lexicon's concept for a criterion's words says more, or other, than the words.

The lexicon maps a patient's or a registry's term to the concept a patient file records ("acute coronary
syndrome" as angina). Read back from a criterion, some of those terms ask for something the recorded concept
does not say, and a present finding must then go to the clinician rather than decide:

- an acute coronary syndrome is unstable angina or a myocardial infarction, not angina alone;
- "previous treatment for latent TB" refuses those treated, not those with the infection.

(Symptomatic brain metastases and a hypertensive crisis are concepts of their own in the lexicon; HBsAg and
detectable HCV RNA mark an infection now, ``current_infection``.)
"""

from __future__ import annotations

import re

from trialmatch.domain.lexicon import Concept, get_concept

_CORONARY_SYNDROME = re.compile(r"(?<![a-z])(?:acute\s+)?coronary\s+syndromes?(?![a-z])")
_TREATMENT_FOR = re.compile(
    r"(?<![a-z])(?<!study\s)(?:treatments?|therapy|therapies|treated)\s+(?:for|of)\s+(?:the\s+|their\s+|a\s+)?$"
)
""""Previous treatment for LTBI", "No concurrent treatment for congestive cardiac failure": the words before a
finding that make the criterion about its treatment."""


def about_treatment(norm: str, start: int, concept_start: int) -> str | None:
    """Why a sentence whose first finding is named as what a treatment was for is not read as the finding:
    read so, "Previous treatment for LTBI" failed every patient with latent TB, whom the trial enrols."""
    if _TREATMENT_FOR.search(norm, max(start, concept_start - 40), concept_start):
        return "a treatment for the finding, not the finding"
    return None


def reworded(concept: Concept, words: str, history: bool) -> tuple[Concept, str] | None:
    """(the concept the criterion's ``words`` can be checked against, what is left to check) when the
    lexicon's concept for them says more than they do; None when it says what they say. ``history``: the
    criterion asks about the past ("prior history of hypertensive crisis")."""
    if concept.id == "angina" and (found := _CORONARY_SYNDROME.search(words)):
        return get_concept("coronary_artery_disease"), found.group(0)
    return None
