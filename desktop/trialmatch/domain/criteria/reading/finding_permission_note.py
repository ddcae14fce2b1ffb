"""An item ruling out a finding, followed by one that admits a narrower or qualified form of it: "No CNS
metastases" / "Brain metastases previously treated with radiotherapy or surgical excision allowed if no
evidence of residual metastases on brain CT or MRI".

Read apart, the first fails the very patients the second admits, and the second, a permission, is its
own review item. ``permits_narrower`` tells the splitter to join them, both texts kept;
``read_permitted_narrower`` reads the joined item when the finding reader keeps the permission as an
exception it cannot check: the finding still rules out a patient whose finding the permission cannot cover
(active brain metastases beside treated ones admitted), and a patient it may cover (treated brain metastases
recorded, or brain metastases of unknown treatment status) is left to the clinician with the permission's own
conditions, never failed.

"Same or narrower" is the finding lexicon's: the permission's subject is the item's concept or one of its
descendants ("treated brain metastases" under CNS metastases).
"""

from __future__ import annotations

import re

from trialmatch.domain.criteria.finding import FindingException, FindingRule
from trialmatch.domain.criteria.logic import AllOf, AnyOf
from trialmatch.domain.criteria.reading.numbers import normalise
from trialmatch.domain.criteria.reading.permissions import states_permission
from trialmatch.domain.criteria.reading.text import Read, Segment, sentences, word_set
from trialmatch.domain.criteria.registry import Rule
from trialmatch.domain.criteria.review import NeedsReview
from trialmatch.domain.lexicon import Concept, descendants, find_concepts, resolve_finding
from trialmatch.domain.trial import Section

_CUES = ("allow", "permit", "eligib", "accept")
_NEGATED = re.compile(r"\W*(?:no|not|without|none|absence\s+of|free\s+of)(?![a-z])")
_SUBJECT_FILLER = word_set(
    """
    patients patient subjects subject participants participant individuals those with who have has had
    a an the any known documented history of however but also previously asymptomatic stable controlled
    inactive
    """
)
"""Words that may open a permission before the finding it admits ("Patients with a history of ..."); any
other ("Prior surgical resection of metastases allowed") makes the subject something else than the finding."""
_TREATED = r"(?:(?:previously|adequately|definitively|surgically|locally)\s+)?" + (
    r"(?:treated|irradiated|resected|excised)"
)
_TREATED_BEFORE = re.compile(_TREATED + r"\s+(?:and\s+stable\s+)?$")
_TREATED_AFTER = re.compile(
    r"\s+(?:(?:that|which)\s+(?:are|were|have\s+been|has\s+been)\s+|(?:are|were)\s+)?"
    + _TREATED
    + r"(?![a-z])"
)
""""Brain metastases previously treated with radiotherapy", "irradiated brain metastases": the treated form of
the finding, which the lexicon names on its own ("treated brain metastases")."""
_ALSO_UNTREATED = re.compile(
    r"untreated|not\s+(?:been\s+)?treated|treated\s*(?:,\s*)?(?:or|/)|with\s+or\s+without"
)
""""Brain metastases, treated or untreated, allowed if asymptomatic": not only the treated form."""


def permits_narrower(item: str, note: str, section: Section) -> bool:
    """Whether ``note`` admits the same or a narrower form of a finding ``item`` rules out (in an exclusion:
    names), so the two are one criterion."""
    low = note.lower()
    if not any(cue in low for cue in _CUES) or not states_permission(normalise(low)):
        return False
    item_low = normalise(item.lower())
    negated = _NEGATED.match(item_low) is not None
    if negated != (section is Section.INCLUSION) or states_permission(item_low):
        return False
    admitted = _admitted(note)
    if admitted is None:
        return False
    return any(admitted.id in _under(concept.id) for _, _, concept in find_concepts(item))


def read_permitted_narrower(segment: Segment, section: Section, read: Read | None) -> Read | None:
    """The joined item's rule, when the last sentence admits a strictly narrower form of the finding the
    sentences before it rule out, from the finding reader's ``read`` of the item; None otherwise (that
    reading stands)."""
    if read is None or not segment.contains(*_CUES):
        return None
    parts = sentences(segment)
    if len(parts) < 2:
        return None
    note = parts[-1]
    if not states_permission(note.text) or states_permission(segment.norm[segment.start : parts[-2].end]):
        return None
    rule = read.rule
    if not isinstance(rule, FindingRule) or rule.present is (section is Section.INCLUSION):
        return None
    unchecked = [
        e for e in rule.exceptions if e.concept is None and parts[-2].end <= e.source_span[0] <= note.start
    ]
    admitted = _admitted(note.quote())
    if (
        len(unchecked) != 1
        or admitted is None
        or admitted.id == rule.concept  # the unchecked exception already leaves a present finding to review
        or admitted.id not in _under(rule.concept)
    ):
        return None
    base = rule.model_copy(
        update={
            "exceptions": [e for e in rule.exceptions if e is not unchecked[0]],
            "source_span": (rule.source_span[0], parts[-2].end),
        }
    )
    review = NeedsReview(
        source_span=note.span,
        text=note.quote(),
        why="admitted back only on the conditions it states: judge them for a patient who has the finding",
    )
    return Read(_joined(base, admitted, review, note, section))


def _joined(
    base: FindingRule, admitted: Concept, review: NeedsReview, note: Segment, section: Section
) -> Rule:
    """Inclusion: without the finding, or with only its admitted form and the permission's conditions met.
    Exclusion: the finding beyond its admitted form, or the finding with the conditions not met."""
    span = (base.source_span[0], note.end)
    exception = FindingException(concept=admitted.id, text=note.quote(), source_span=note.span)
    excepted = base.model_copy(update={"exceptions": [*base.exceptions, exception]})
    if section is Section.INCLUSION:
        return AnyOf(source_span=span, children=[base, AllOf(source_span=span, children=[excepted, review])])
    return AnyOf(source_span=span, children=[excepted, AllOf(source_span=span, children=[base, review])])


def _admitted(note: str) -> Concept | None:
    """The finding the permission opens with, in its treated form when it says so; None when it opens with
    anything else."""
    found = find_concepts(note)
    if not found:
        return None
    start, end, concept = found[0]
    low = note.lower()
    before = low[:start]
    words = before.split()
    treated = _TREATED_BEFORE.search(before)
    if treated is not None:
        words = before[: treated.start()].split()
    if not set(words) <= _SUBJECT_FILLER:
        return None
    if (treated is not None or _TREATED_AFTER.match(low, end)) and not _ALSO_UNTREATED.search(low):
        narrower = resolve_finding(f"treated {note[start:end]}")
        if narrower is not None and narrower.id in _under(concept.id):
            return narrower
    return concept


def _under(concept_id: str) -> frozenset[str]:
    return frozenset({concept_id, *descendants(concept_id)})
