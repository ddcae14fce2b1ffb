"""Partial readings: an item left for review whose opening thresholds are read, and whose unread rest can
only make the verdict less decisive, never wrong.

"Serum creatinine > 2.5 mg/dL or eGFR < 30 mL/min, or requires dialytic support" (exclusion) excludes a
patient with creatinine 3.1 mg/dL whatever "requires dialytic support" means; "Platelets ≥ 75,000/mm³ (unless
due to immune thrombocytopenic purpura)" admits one with 150,000. The item is split at its last connective
into a HEAD the other readers read fully (lab or derived thresholds only) and a TAIL kept for review with
its own text, joined as the connective says:

- "or", "and/or": another alternative, ``any_of`` in both sections;
- an exception ("unless", "except", "other than", "with the exception of"; "excluding" unless it names
  patients) or a condition on whom the head applies to ("if", "when", "for/in patients with", "in case
  of"): inclusion ``any_of`` (it can only admit more patients), exclusion ``all_of`` (it can only exclude
  fewer);
- "and" in an inclusion: ``all_of`` (both required). An exclusion's "and" may list things that each
  exclude: not read.

Only where the split cannot turn the verdict: the head opens the item, has balanced brackets, no unit the
parser had to infer and no word that turns it ("history of", "nadir", "previous"); the tail is one clause
(no comma, semicolon or sentence after it), holds no number that bounds the head's value or gives a subgroup
its own limit ("and < 80 %", "or ≤ 1.0 mg/dL in diabetics"), no time or subgroup word that could bear on
the head ("at diagnosis", "for cohort B"), and no further connective that could bind the head another way
("A unless B or C" in an exclusion may not exclude A with C). A bracket opened by the connective must close
the item. Anything else stays one review. Tried only on items otherwise left for review, at most two cuts
from the last: the parse cost is at its budget.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Literal

from trialmatch.domain.criteria.derived import DerivedValueRule
from trialmatch.domain.criteria.finding import FindingRule
from trialmatch.domain.criteria.lab import LabThreshold
from trialmatch.domain.criteria.logic import JOINING, AllOf, AnyOf, leaf_kinds
from trialmatch.domain.criteria.reading.read_blood_pressure import names_blood_pressure
from trialmatch.domain.criteria.reading.read_labs import analyte_mentions
from trialmatch.domain.criteria.reading.text import Segment, holds_digit, parenthesised
from trialmatch.domain.criteria.registry import Rule
from trialmatch.domain.criteria.review import NeedsReview
from trialmatch.domain.trial import Section

Cue = Literal["either", "exception", "condition", "both", "unread"]

_CUE = re.compile(
    r"(?<![a-z0-9/])(?:(?P<either>(?:and\s*/\s*)?or)"
    r"|(?P<exception>unless|except(?:\s+(?:for|in|if|when))?|excluding|other\s+than|with\s+the\s+exception\s+of)"
    r"|(?P<condition>if|when|in\s+case\s+of|(?:for|in)\s+(?:patients|subjects|participants|those)\s+(?:with|who))"
    r"|(?P<both>and))(?![a-z/])"
)
_CUT_TRIES = 2
"""Cuts tried, from the last: each costs one reading of the head, and the parse cost is at its budget."""
_CUES_SEEN = 4
"""Connectives looked at, from the last: a head before more of them is a list the join seldom suits."""
_LONGEST = 240
"""Longer items are lists and paragraphs, where a cut is seldom safe and scanning costs most."""
_COMPARING = re.compile(
    r"[<>≤≥]|\d\s*[-–]\s*\d"
    r"|(?<![a-z])(?:than|least|most|exceed\w*|below|above|under|over|up\s+to|between|uln|lln|normal)(?![a-z])"
)
"""A threshold's comparator or range: without one no head reads as a threshold (a cheap test first)."""
_TAIL_WORDS = 16
_TAIL_STOPS = re.compile(r"[;:]|,(?!\s*(?:and|or)(?![a-z]))|\.\s|\.$")
"""A comma (but one before a further "or"/"and"), colon, semicolon or sentence end in the tail may open a
new requirement the join would drop."""
_TURNING = re.compile(
    r"(?<![a-z])(?:history|historical|documented|diagnosis|diagnosed|prior|previous|previously|nadir|past|ever"
    r"|any\s+time|baseline|initial|onset|cohorts?|arms?|parts?|strat\w*|groups?|phases?|may|can|allowed"
    r"|permitted|eligible|acceptable|accepted|enrolled|included|then|but|however|whereas|while|where|which"
    r"|unless|except|if|when|provided)(?![a-z])"
)
"""Words that bar any tail: a time that may turn the head too ("WBC > 50,000/µL or CNS disease at
diagnosis"), a subgroup's own limit ("for cohort B"), words that relax the item or join a variant to it
("unless liver metastases, where ≤ 5 × ULN")."""
_QUALIFYING = re.compile(
    r"(?<![a-z])(?:not|no|non|without|never|within|during|after|before|following|since|last|recent|recently"
    r"|days?|weeks?|months?|years?|hours?|cycles?|doses?|transfus\w*|growth|g-?csf|support|supportive|measured"
    r"|calculated|estimated|obtained|repeat\w*|retest\w*|confirm\w*|fasting|off|stable|persistent|corrected"
    r"|method|formula|using|by|per|in|at|on)(?![a-z])"
)
"""Words that may say how or when the head's value counts ("if not transfused", "when off growth factor",
"in the absence of ..."): an inclusion's exception or condition is joined with ``any_of``, where the head
met decides alone, so its tail must be about whom the head applies to, nothing else."""
_BARE_LIMIT = re.compile(
    r"\s*(?:[<>≤≥=]|\d|(?:less|greater|more|higher|lower|at\s+least|at\s+most|up\s+to)(?![a-z]))"
)
_SUBGROUP = re.compile(
    r"(?<![a-z])(?:for|in|among|with|males?|females?|men|women|aged?|years|children|adults?|paediatric"
    r"|pediatric|boys|girls)(?![a-z])"
)
"""A number in the tail is one more limit only when it names its own value and no subgroup: "and < 80 %",
"or ≤ 1.0 mg/dL in diabetics", "(≤ 3 × ULN for subjects with Gilbert disease)" bound the head's value, or
give some patients their own limit, maybe a stricter one."""
_HEAD_TURNING = re.compile(
    r"(?<![a-z])(?:history|historical|nadir|diagnosis|diagnosed|previous|previously|ever|past|any\s+time"
    r"|unless|except|if|when|provided|without|exclusion|excluded"
    r"|(?:not|no)(?!\s+(?:more|less|greater|fewer|higher|lower|above|below|over|under|exceeding)(?![a-z])))(?![a-z])"
)
"""A head must be what the item requires now, and read without an exception or condition of its own: "A
unless B or C" read at "or" would exclude A even with C."""
_NAMES_PATIENTS = re.compile(r"\s*(?:the\s+)?(?:patients|subjects|participants|those|people|individuals)")
""""excluding patients with ITP" adds a requirement, where "excluding Gilbert's syndrome" is an exception."""
_COUNTED_HEADING = re.compile(
    r"(?<![a-z])(?P<count>more\s+than\s+(?:one|1)|(?:at\s+least\s+)?(?:two|three|2|3)(?:\s+or\s+more)?|all|both"
    r"|either)\s+of\s+(?:the\s+)?(?:following|these|below|them)(?![a-z])"
)

_WHY = {
    "either": "another way the item is met, not read: check '{tail}'",
    "exception": "an exception the engine does not read: check '{tail}'",
    "condition": "whom the limit applies to is not read: check '{tail}'",
    "both": "a further requirement the engine does not read: check '{tail}'",
}

ReadHead = Callable[[Segment, Section], Rule | None]


def read_partial(whole: Segment, section: Section, context: str, read_head: ReadHead) -> Rule | None:
    """The item as its read head and its unread tail joined, or None when the split could turn the
    verdict. ``context`` is the item's heading (lower case, may be empty); ``read_head`` is the parser's
    full reading of a part (None when not read fully)."""
    if whole.end - whole.start > _LONGEST or not holds_digit(whole):
        return None
    if " of " in context and _counts_the_items(context, section):
        return None
    if not _COMPARING.search(whole.norm, whole.start, whole.end):
        return None
    cues = [(match, _kind(match, section)) for match in _CUE.finditer(whole.norm, whole.start, whole.end)]
    tries = 0
    for index in range(len(cues) - 1, max(len(cues) - _CUES_SEEN, 0) - 1, -1):
        match, cue = cues[index]
        if any(not _compatible(cue, later) for _, later in cues[index + 1 :]):
            break
        if tries == _CUT_TRIES:
            break
        if cue == "unread":
            continue
        split = _split(whole, match, cue, section)
        if split is None:
            continue
        head, tail = split
        tries += 1
        if not holds_digit(head) or not _COMPARING.search(head.text) or not _names_a_value(head):
            continue
        rule = read_head(head, section)
        if rule is None or not _plain_thresholds(rule):
            continue
        if cue in ("exception", "condition") and section is Section.INCLUSION and not _one_limit(rule):
            continue  # "Creatinine ≤ 1.5 mg/dL or ≤ 1.0 mg/dL for patients with diabetes": binds the last
        join = AllOf if cue == "both" or (cue != "either" and section is Section.EXCLUSION) else AnyOf
        rest = _read_tail(whole.sub(match.end(), tail.end), match, cue, rule, section, read_head)
        if rest is None:
            why = _WHY[cue].format(tail=tail.quote())
            rest = NeedsReview(source_span=tail.span, text=tail.quote(), why=why)
        return join(source_span=whole.span, children=[rule, rest])
    return None


_READ_TAILS = frozenset({"either", "both"})
_PATIENTS_WITH = re.compile(r"(?:for|in)\s")


def _read_tail(
    tail: Segment, match: re.Match[str], cue: Cue, head: Rule, section: Section, read_head: ReadHead
) -> Rule | None:
    """The tail read fully as an item of the section, when the join then says what the item says: "or
    symptomatic splenomegaly" one more alternative, an inclusion's "and ..." one more requirement, an
    exclusion's "in patients with diabetes" the finding of the patients its one limit excludes
    (after alternatives, "QTcF > 450 ms or ≥ 480 ms for participants with bundle branch block", it binds the
    last only). Not "if"/"when" ("TSH > 5.0 mU/L; ... may be re-tested if TSH is < 10 mU/L": a value as the
    condition of something else), nor an exception or an inclusion's condition, which need the opposite.
    ``cue``: the kind of ``match``, as ``_kind`` gave it."""
    if cue not in _READ_TAILS and not (
        cue == "condition"
        and section is Section.EXCLUSION
        and _PATIENTS_WITH.match(match.group(0))
        and _one_limit(head)
    ):
        return None
    negated = _NOT_ON.match(tail.norm, tail.start, tail.end) if cue == "condition" else None
    if negated is not None:
        return _without(read_head(tail.sub(negated.end(), tail.end), section))
    rule = read_head(tail, section)
    if rule is None:
        return None
    kinds = leaf_kinds(rule)
    if "review" in kinds:
        return None
    return rule if cue != "condition" or kinds == {"finding"} else None


_NOT_ON = re.compile(r"\s*(?:are|is)\s+not\s+(?:yet\s+|currently\s+)?(?=[a-z])")
"""'in patients who are not (yet) on dialysis': the subgroup the limit excludes is those without it."""


def _without(rule: Rule | None) -> Rule | None:
    """The finding a negated subgroup names, as its absence; None unless the words read as one plain
    finding (no exception, no time qualifier)."""
    if not isinstance(rule, FindingRule) or not rule.present or rule.exceptions or rule.qualifier != "any":
        return None
    return rule.model_copy(update={"present": False})


def _counts_the_items(context: str, section: Section) -> bool:
    """ "NOT eligible if more than ONE of the following", "high risk as determined by either of the
    following": an item under such a heading does not decide alone, and the parser does not count them
    (but an inclusion's "all of the following", each required)."""
    counted = _COUNTED_HEADING.search(context)
    return counted is not None and not (
        section is Section.INCLUSION and counted.group("count") in ("all", "both")
    )


def _kind(match: re.Match[str], section: Section) -> Cue:
    """The connective's kind; "unread" for one never cut at, which binds the words around it unknown ways
    (an exclusion's "and", "excluding patients with")."""
    cue = match.lastgroup
    if cue == "both":
        return "both" if section is Section.INCLUSION else "unread"
    if (
        cue == "exception"
        and match.group(0) == "excluding"
        and _NAMES_PATIENTS.match(match.string, match.end())
    ):
        return "unread"
    return cue  # type: ignore[return-value]


def _compatible(cut: Cue, later: Cue) -> bool:
    """Whether a connective after the cut leaves the join's verdict standing: one more alternative after an
    "or", one more requirement after an inclusion's "and"; any other may bind the head another way."""
    return later == cut and cut in ("either", "both")


def _split(
    whole: Segment, match: re.Match[str], cue: Cue, section: Section
) -> tuple[Segment, Segment] | None:
    """(head, tail) at the connective, when both are of the shape the join is safe for.

    An inclusion's exception or condition, where the head met admits alone, must say whom the head applies
    to and nothing else: no number, no word on how the value counts. Elsewhere a number is one more limit
    only with its own value named and no subgroup."""
    start = match.start()
    before = whole.norm[whole.start : start].rstrip()
    if before.endswith(("(", "[")):
        groups = parenthesised(whole)
        opened = whole.start + len(before) - 1
        if not groups or groups[-1][0] != opened or whole.norm[groups[-1][1] : whole.end].strip(" .;"):
            return None  # the bracket the connective opens must close the item
        before = before[:-1].rstrip()
        tail_end = groups[-1][1] - 1
    else:
        tail_end = whole.end
    head = whole.sub(whole.start, whole.start + len(before))
    tail = whole.sub(match.end(), tail_end)
    if head.end <= head.start or tail.end <= tail.start or len(tail.text.split()) > _TAIL_WORDS:
        return None
    if not _balanced(head.text) or not _balanced(tail.text) or _HEAD_TURNING.search(head.text):
        return None
    if _TAIL_STOPS.search(tail.text) or _TURNING.search(tail.text):
        return None
    if holds_digit(tail):
        if cue != "either" and cue != "both" and section is Section.INCLUSION:
            return None  # an exception with a number may state a subgroup's own limit, maybe a stricter one
        if _BARE_LIMIT.match(tail.text) or _SUBGROUP.search(tail.text):
            return None
    if cue in ("exception", "condition") and section is Section.INCLUSION and _QUALIFYING.search(tail.text):
        return None
    return head, whole.sub(start, tail_end)


def _names_a_value(head: Segment) -> bool:
    """Whether the head names a lab, derived value or blood pressure: a cheap test before reading it."""
    return bool(analyte_mentions(head)) or names_blood_pressure(head)


def _one_limit(rule: Rule) -> bool:
    """Thresholds that must all hold, none a printed range: what an exception or condition can only relax."""
    if isinstance(rule, AllOf):
        return all(_one_limit(child) for child in rule.children)
    if isinstance(rule, LabThreshold):
        return rule.lenient_value is None and not rule.strata
    return isinstance(rule, DerivedValueRule) and rule.lenient_value is None


def _balanced(text: str) -> bool:
    depth = 0
    for char in text:
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def _plain_thresholds(rule: Rule) -> bool:
    """Lab or derived-value thresholds only, none with a unit the parser inferred or left for review."""
    if isinstance(rule, JOINING):
        return bool(rule.children) and all(_plain_thresholds(child) for child in rule.children)
    if isinstance(rule, LabThreshold):
        return not rule.unit_inferred and not any(
            part.unit_inferred for part in [*rule.exceptions, *rule.strata]
        )
    return isinstance(rule, DerivedValueRule) and not rule.unit_inferred
