"""An age, then "with" the requirement the patients of that age must meet: "Adults 18 years of age or greater
with left ventricular ejection fraction < 45%". Both hold (an exclusion excludes the patients of that age
with the value, an inclusion asks both), so the item is the age and the requirement together. Read as one lab
sentence, the age was a time span the lab reader could not place."""

from __future__ import annotations

import re
from collections.abc import Callable

from trialmatch.domain.criteria.logic import AllOf, leaf_kinds, reads_with_threshold
from trialmatch.domain.criteria.reading.read_people import read_age_and_sex
from trialmatch.domain.criteria.reading.text import Segment
from trialmatch.domain.criteria.registry import Rule
from trialmatch.domain.trial import Section

_WITH = re.compile(r",?\s+with\s+(?=\S)")


def read_age_with(
    whole: Segment, section: Section, heading: str, read_part: Callable[[Segment, Section, str], Rule | None]
) -> Rule | None:
    """The age and the requirement after its first "with", when the words before it read as an age (with a
    sex, if any) and the words after it read fully with a lab or derived limit; else None."""
    if not (whole.contains("year") and whole.contains(" with ")):
        return None
    joint = _WITH.search(whole.norm, whole.start, whole.end)
    if joint is None:
        return None
    age = read_age_and_sex(whole.sub(whole.start, joint.start()), heading)
    if age is None or age.rule is None or not leaf_kinds(age.rule) <= {"age", "sex"}:
        return None
    requirement = read_part(whole.sub(joint.end(), whole.end), section, heading)
    if requirement is None or not reads_with_threshold(requirement):
        return None
    ages = age.rule.children if isinstance(age.rule, AllOf) else [age.rule]
    required = requirement.children if isinstance(requirement, AllOf) else [requirement]
    return AllOf(source_span=whole.span, children=[*ages, *required])
