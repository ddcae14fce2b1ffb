"""Reader for therapy-timing rules: "wash-out period for prior anti-cancer regimens (i.e. chemotherapy,
immunotherapy, or radiation therapy) > 3 weeks", "No major surgery within 4 weeks prior Week 1 day 1",
"Prior PD-1/PDL-1 targeted therapy", "surgery or radiotherapy for cancer within the past 6 months".

The elapsed-time wording decides the window: "> 3 weeks" since a therapy means a therapy 21 days ago is
still inside the wash-out (inclusive); "at least 4 weeks since" means one 28 days ago is already outside.
"""

from __future__ import annotations

import re

from trialmatch.domain.criteria.base import Comparator
from trialmatch.domain.criteria.logic import AllOf
from trialmatch.domain.criteria.reading.numbers import Quantity, find_quantities, trie_alternation
from trialmatch.domain.criteria.reading.text import (
    Read,
    Segment,
    Span,
    leftover_words,
    may_hold_quantity,
    word_set,
)
from trialmatch.domain.criteria.reading.therapy_alternatives import (
    both_transplants,
    investigational_drug,
    with_investigational_drug,
)
from trialmatch.domain.criteria.reading.therapy_scope import bound_qualifier, scope_of_therapy, without
from trialmatch.domain.criteria.temporal import (
    AGENT_CLASSES,
    BIOLOGIC,
    CAR_T,
    SMALL_MOLECULE,
    Relation,
    TemporalTherapyRule,
    WindowUnit,
)

CATEGORY_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        r"(?:systemic\s+)?anti[\s-]?(?:cancer|neoplastic|tumou?r)\s+(?:therapy|therapies|treatments?|regimens?|agents?"
        r"|drugs?|medications?)|antineoplastic\s+(?:therapy|therapies|treatments?|agents?)|systemic\s+(?:cancer\s+)?"
        r"(?:therapy|therapies|treatments?)|cancer[\s-]directed\s+therapy|cancer\s+(?:therapy|therapies|treatments?)",
        ("chemotherapy", "immunotherapy", "targeted therapy", "hormone therapy", "cell therapy"),
    ),
    (
        r"(?:cytotoxic\s+)?chemo(?:therapy|therapies|therapeutic\s+agents?)?|cytotoxic\s+(?:therapy|agents?)",
        ("chemotherapy",),
    ),
    (
        r"immuno[\s-]?therapy|immunotherapies",
        ("immunotherapy",),
    ),
    (
        r"targeted\s+(?:therapy|therapies|agents?)",
        ("targeted therapy",),
    ),
    (
        r"radio(?:therapy|therapies)|radiation(?:\s+therapy|\s+treatment)?|irradiation|radiosurgery|rt(?![a-z])",
        ("radiotherapy",),
    ),
    (r"surgery|surgical\s+(?:procedures?|resection|intervention)|operations?", ("surgery",)),
    (
        r"(?:hormonal|hormone|endocrine)\s+(?:therapy|therapies|treatments?)"
        r"|androgen[\s-]deprivation(?:\s+(?:therapy|therapies|treatments?))?",
        ("hormone therapy",),
    ),
    (
        r"(?:autologous\s+|allogeneic\s+|hematopoietic\s+|haematopoietic\s+)*(?:stem\s+cell|bone\s+marrow)"
        r"\s+transplant(?:ation)?s?|hsct",
        ("stem cell transplant",),
    ),
    (
        r"(?:adoptive\s+)?cell(?:ular)?\s+therapy",
        ("cell therapy",),
    ),
)
"""Wordings of therapy categories and the patient-file categories (patient format v1) each one means."""
_CATEGORY = re.compile(
    r"(?<![a-z])(?:" + "|".join(f"(?P<c{i}>{p})" for i, (p, _) in enumerate(CATEGORY_WORDS)) + r")(?![a-z])"
)
_AGENT_NAMES = {
    r"anti[\s-]?pd[\s-]?(?:l)?[\s-]?[12]|pd[\s-]?1\s*/\s*pd[\s-]?l[\s-]?1|pd[\s-]?l?[12]|pdl[\s-]?[12]"
    r"|(?:anti[\s-]*)?programmed\s+(?:cell\s+)?death(?:[\s-]*(?:protein|ligand|receptor))?[\s-]*[12]": (
        "pd-1/pd-l1 inhibitor"
    ),
    r"anti[\s-]?ctla[\s-]?4|ctla[\s-]?4"
    r"|(?:anti[\s-]*)?(?:cytotoxic\s+)?t[\s-]*lymphocyte[\s-]*associated\s+(?:protein|antigen)[\s-]*4": (
        "ctla-4 inhibitor"
    ),
    r"anti[\s-]?lag[\s-]?3|lag[\s-]?3|(?:anti[\s-]*)?lymphocyte[\s-]+activation[\s-]+gene[\s-]*3": (
        "lag-3 inhibitor"
    ),
    r"(?:immune\s+)?checkpoint\s+(?:inhibitors?|blockade|blockers?)(?:\s+(?:therapy|therapies))?": (
        "immune checkpoint inhibitor"
    ),
    r"biologic(?:al)?\s+(?:cancer\s+)?(?:therapy|therapies|agents?)|biologics?": BIOLOGIC,
    r"targeted\s+small[\s-]molecule\s+(?:therapy|therapies|agents?|inhibitors?)|small[\s-]molecule\s+(?:targeted\s+)?"
    r"(?:therapy|therapies|inhibitors?|agents?)|(?:tyrosine\s+)?kinase\s+inhibitors?|tkis?": SMALL_MOLECULE,
    r"anthracyclines?": "anthracycline",
    r"taxanes?": "taxane",
    r"platinum(?:[\s-]based)?": "platinum",
    r"car[\s-]?t(?:[\s-]cells?)?(?:\s+(?:cell\s+)?therapy)?"
    r"|chimeric\s+antigen\s+receptor(?:[\s-]t)?(?:[\s-]cells?)?": CAR_T,
}
_DRUGS = sorted({d for drugs in AGENT_CLASSES.values() for d in drugs}, key=len, reverse=True)
_AGENT = re.compile(
    r"(?<![a-z])(?:"
    + "|".join(f"(?P<a{i}>{p})" for i, p in enumerate(_AGENT_NAMES))
    + "|(?P<drug>"
    + trie_alternation(_DRUGS)
    + r"))(?![a-z])"
)
_CUE_STARTS = word_set(
    """
    anti systemic cancer cytotoxic chemo immun checkpoint biologic targeted tyrosine kinase tki small radi
    irradiation rt surg operation hormon endocrine androgen autologous allogeneic hematopoietic haematopoietic
    stem bone hsct car chimeric adoptive cell pd ctla lag programmed lymphocyte anthracycline taxane platinum
    """
)
_CUE = re.compile(
    r"(?<![a-z])"
    + trie_alternation([*_CUE_STARTS, *(re.split(r"[^a-z]", drug, maxsplit=1)[0] for drug in _DRUGS)])
)
"""The first letters of every category and agent wording: a segment without them names no therapy, and
this one pattern is cheaper than the two it stands in for."""
_AGENT_TAIL = re.compile(
    r"\s*(?:[\s-]*(?:targeted|directed|blocking|inhibitors?|antibod(?:y|ies)|agents?|therapy|therapies|"
    r"treatment|or|and|/|,))*"
)

_NONE = re.compile(
    r"(?<![a-z])(?:no|not|without|never|naive|naïve|free\s+of|wash[\s-]?out|washout|must\s+have\s+(?:been\s+)?"
    r"(?:completed|discontinued|stopped)|completed|discontinued|recovered)(?![a-z])"
)
_REQUIRED_COMPLETION = re.compile(
    r"(?<![a-z])(?:must|should|shall)\s+have\s+(?:been\s+)?(?:completed|finished)(?!\s+(?:all|any)(?![a-z]))"
)
""""Must have completed radiotherapy" asks for the therapy, given and over: a patient who never had it does
not meet it. "Must have completed all (any) prior therapy" is a wash-out, met without any."""
_NEVER = re.compile(r"(?<![a-z])(?:no|not|without|never|naive|naïve|free\s+of)(?![a-z])")
"""The words of :data:`_NONE` that deny the therapy; the others ("completed", "discontinued", "wash-out")
say it is over, which without a time span means only that it is not being received now."""
_CURRENT = re.compile(
    r"(?<![a-z])(?:current(?:ly)?|concurrent(?:ly)?|concomitant(?:ly)?|ongoing|receiving|on\s+treatment|"
    r"being\s+treated)(?![a-z])"
)
_SINCE = re.compile(r"(?<![a-z])(?:since|after|elapsed|from|between|period|wash[\s-]?out|washout)(?![a-z])")
_SINCE_NEXT = re.compile(r"\s*(?:since|after|from)(?![a-z])")
_WITHIN = re.compile(
    r"(?<![a-z])(?:within|in\s+the\s+(?:last|past|previous|preceding)|during\s+the\s+(?:last|past|previous|preceding)"
    r"|in\s+the)(?![a-z])"
)
_THERAPY_FILLER = word_set(
    """
    prior previous previously received receive receiving had undergone undergo underwent treatment treated
    therapy therapies regimen regimens with for of the a any other last past recent recently minimal minimum
    period wash out washout before prior since after elapsed from start first dose study drug week day days
    weeks months years cycle registration enrollment enrolment randomization randomisation entry inclusion
    initiation planned protocol investigational administration administered use used completed completion
    discontinued stopped course courses cancer its including i e eg e.g. such as or and is are must be been
    have has patient patients participant participants subject subjects who which anti agents agent
    drugs drug medication medications targeted directed blocking inhibitor inhibitors antibody antibodies
    concurrent concurrently concomitant concomitantly current currently ongoing on being no not without never
    wash-out washout naive these those such even does do did lesion lesions site sites
    """
)
_ANCHOR = re.compile(
    r"(?<![a-z])(?:week\s*1,?\s*day\s*1|cycle\s*1,?\s*day\s*1|day\s*1|c1\s*d1|w1\s*d1)(?![a-z0-9])"
)
""""Week 1 Day 1": the trial's anchor, for which the as-of date stands in; its numbers are not windows.
Every wording holds "day", "c1" or "w1"."""
_DEFINITION = re.compile(r"\(\s*(?:i\.?\s*e\.?|namely|that\s+is)[^)]*\)")
_QUALIFIERS = re.compile(
    r"(?<![a-z])(?:major|minor|palliative|curative|definitive|extensive|wide[\s-]field|total|complete|hepatic|liver"
    r"|allogeneic|autologous"
    r"|to\s+(?:the\s+)?(?:site|sites|lesions?|target|bone|brain|head|chest|pelvis|abdomen|field))(?![a-z])"
)
"""Words that narrow a therapy beyond what a patient file records ("major" surgery, "hepatic" surgery,
radiotherapy "to the site of treatment", an "allogeneic" transplant); FILLER holds some of them for other
readers."""
_AGENT_CATEGORY = re.compile(
    r"[\s-]*(?:(?:based|containing)[\s-]+)?(?:cytotoxic\s+)?(?:chemo(?:therapy|therapies)?|immuno[\s-]?therapy"
    r"|immunotherapies)(?![a-z])"
)
""""platinum-based chemotherapy", "anthracycline-containing chemotherapy": the category word says what the
agent is, not another therapy the sentence names (read as one, "≥ 6 months since platinum-based
chemotherapy" would fail a patient after any chemotherapy)."""
_NOT_READ = re.compile(
    r"(?<![a-z])(?:other\s+than|except|excluding|unless|with\s+the\s+exception\s+of|subject\s+to"
    r"|(?:after|following)\s+(?:the\s+)?(?:(?:completion|initiation|start|end)\s+of\s+(?:the\s+)?)?(?:study|protocol"
    r"|trial)|(?:after|following)\s+(?:the\s+)?(?:initiation|start)\s+of\s+treatment|(?:no|any)\s+planned"
    r"|(?:after|following)\s+(?:the\s+)?(?:randomi[sz]ation|registration|enrol?lment|study\s+entry))(?![a-z])"
)
""""Checkpoint inhibitors, other than durvalumab or pembrolizumab" (the named drugs are exempt, not
excluded), "prior radiation therapy subject to dose requirements" (a permission with conditions), "no
radiotherapy for 6 months after completion of study therapy", "no planned surgery within 8 weeks after
initiation of treatment", "start no more than 14 days after randomization and must be concurrent with
taxanes" (the future, which no treatment history shows): read literally each would fail
patients the trial accepts."""
_SINCE_ITS_START = re.compile(
    r"since\s+(?:the\s+)?(?:prior\s+|previous\s+|last\s+)?(?:initiation|start(?:ing)?|beginning|commencement)"
    r"\s+of(?![a-z])"
)
""""At least 2 months since prior initiation of hormonal therapy" counts from the first dose: read as a
washout after the last one it failed every patient still on the therapy, as a prostate cancer patient on
castration is."""
_INVESTIGATIONAL = re.compile(r"(?<![a-z])(?<!non\s)(?:investigational|experimental)\s+$")
""""No other concurrent investigational anticancer agents", "at least 28 days since prior investigational
biologic therapy": the word right before the therapy narrows it to drugs not yet approved, which a patient
file does not mark (trastuzumab is an approved biologic). Read as every such therapy, it failed a patient on
standard treatment. "Investigational drug or anticancer therapy" names two things, one of them unqualified."""
_NOT_READ_CUES = ("other", "except", "exclud", "unless", "subject", "after", "following", "planned")


def read_therapy(segment: Segment) -> Read | None:
    """A therapy-timing rule; None when no therapy category or agent is named."""
    if not _CUE.search(segment.norm, segment.start, segment.end):
        return None
    claimed: list[Span] = []
    if segment.contains("day", "c1", "w1"):
        claimed += [m.span() for m in _ANCHOR.finditer(segment.norm, segment.start, segment.end)]
    agents: list[str] = []
    named_at: list[tuple[int, frozenset[str]]] = []
    for match in _AGENT.finditer(segment.norm, segment.start, segment.end):
        name = next(n for n, v in match.groupdict().items() if v)
        agent = match.group("drug") if name == "drug" else list(_AGENT_NAMES.values())[int(name[1:])]
        named_at.append((match.start(), frozenset((agent,))))
        if agent not in agents:
            agents.append(agent)
        end = match.end()
        category = _AGENT_CATEGORY.match(segment.norm, end, segment.end)
        end = category.end() if category else end
        tail = _AGENT_TAIL.match(segment.norm, end, segment.end)
        claimed.append((match.start(), tail.end() if tail else end))
    named: list[tuple[re.Match[str], tuple[str, ...]]] = []
    for match in _CATEGORY.finditer(segment.norm, segment.start, segment.end):
        if any(s <= match.start() < e for s, e in claimed):
            continue
        index = int(next(name for name, value in match.groupdict().items() if value)[1:])
        named.append((match, CATEGORY_WORDS[index][1]))
        claimed.append(match.span())
    categories = _categories(segment, named)
    if not categories and not agents:
        return None
    investigational = partly = False
    if segment.contains("investigational", "experimental"):
        named_at += [(m.start(), frozenset(names)) for m, names in named]
        narrowed: dict[bool, frozenset[str]] = {True: frozenset(), False: frozenset()}
        for at, what in named_at:
            key = bool(_INVESTIGATIONAL.search(segment.norm, max(segment.start, at - 20), at))
            narrowed[key] |= what
        investigational = not narrowed[False]
        # "anticancer therapy or investigational anticancer agents": the plain wording already names them all
        partly = bool(narrowed[True]) and not investigational and not narrowed[True] <= narrowed[False]
    if segment.contains("initiat", "start", "beginning", "commence") and segment.contains("since"):
        begun = _SINCE_ITS_START.search(segment.norm, segment.start, segment.end)
        if begun:
            return Read.failed("time since the therapy began, not since its last dose")
    if segment.contains(*_NOT_READ_CUES):
        unread = _NOT_READ.search(segment.norm, segment.start, segment.end)
        if unread:
            return Read.failed(f"'{unread.group(0)}': an exception, condition or the future, not read")
    found = (
        find_quantities(segment.norm[: segment.end], segment.printed) if may_hold_quantity(segment) else []
    )
    quantities = [
        q for q in found if q.start >= segment.start and not any(s <= q.start < e for s, e in claimed)
    ]
    if any(q.time_unit is None for q in quantities):
        return Read.failed("a number that is not a time span (lines of therapy, doses?)")
    if len(quantities) > 1:
        return Read.failed("several time spans in one therapy sentence")
    if quantities and quantities[0].upper is not None:
        return Read.failed("a range of times ('within the past 12-48 months'): between them, not within one")
    qualifier = _QUALIFIERS.search(segment.norm, segment.start, segment.end)
    both = both_transplants(segment) if qualifier else None
    if both:  # "allogeneic or autologous": every transplant, no narrowing
        claimed.append(both)
        qualifier = _QUALIFIERS.search(segment.norm, both[1], segment.end)
    if qualifier:
        claimed.append(qualifier.span())
    scope = scope_of_therapy(segment, named)
    if scope and qualifier:
        return Read.failed(f"'{qualifier.group(0)}' and '{scope.group(0)}' narrow the therapy together")
    if scope:
        claimed.append(scope.span())
        qualifier = scope
    drug = investigational_drug(segment, claimed, categories)
    if drug:
        claimed.append(drug)
    relation, window, unit, inclusive = _timing(
        without(segment, scope.span()) if scope else segment, quantities
    )
    if relation is None:
        return Read.failed("how the therapy relates to the trial (before, now, never) is not stated")
    claimed += [(q.start, q.end) for q in quantities]
    leftover = leftover_words(segment, claimed, _THERAPY_FILLER)
    if leftover:
        return Read.failed(f"words not understood: {' '.join(leftover[:8])}")
    if partly:
        return Read.failed("'investigational' narrows some of the therapies named, not all")
    if investigational and qualifier:
        return Read.failed(f"'investigational' and '{qualifier.group(0)}' narrow the therapy together")
    rule = TemporalTherapyRule(
        source_span=segment.span,
        categories=categories,
        agents=agents,
        relation=relation,
        window=window,
        window_unit=unit,
        window_inclusive=inclusive,
        qualifier="investigational" if investigational else qualifier.group(0) if qualifier else None,
    )
    if not quantities and relation == "none" and window == 0 and _REQUIRED_COMPLETION.search(segment.text):
        if drug:
            return Read.failed("investigational drugs among therapies that must have been completed")
        received = rule.model_copy(update={"relation": "prior", "window": None})
        return Read(AllOf(source_span=segment.span, children=[received, rule]))
    if drug:
        return Read(with_investigational_drug(rule))
    return Read(bound_qualifier(rule, qualifier, named) if qualifier else rule)


def _categories(segment: Segment, named: list[tuple[re.Match[str], tuple[str, ...]]]) -> list[str]:
    """Categories named, where "anti-cancer regimens (i.e. chemotherapy, ...)" means only those listed."""
    defined = _DEFINITION.search(segment.norm, segment.start, segment.end)
    generic = CATEGORY_WORDS[0][1]
    categories: list[str] = []
    for _, names in named:
        if (
            defined
            and names == generic
            and any(defined.start() <= m.start() < defined.end() for m, _ in named)
        ):
            continue
        categories.extend(c for c in names if c not in categories)
    return categories


def _timing(
    segment: Segment, quantities: list[Quantity]
) -> tuple[Relation | None, int | None, WindowUnit, bool]:
    """Relation and window from the wording around the (at most one) time span."""
    text = segment.text
    negated = bool(_NONE.search(text))
    never = negated and bool(_NEVER.search(text))
    over = negated and not never  # "completed", "discontinued", "wash-out": received, and ended
    current = bool(_CURRENT.search(text))
    if not quantities:
        if over:
            return "none", 0, "days", True  # "must have completed prior chemotherapy": not now, not never
        if current and not re.search(r"(?<![a-z])(?:prior|previous|previously|received)(?![a-z])", text):
            return ("none", 0, "days", True) if negated else ("current", None, "days", True)
        if negated:
            return "none", None, "days", True
        if re.search(
            r"(?<![a-z])(?:prior|previous|previously|received|had|undergone|underwent)(?![a-z])", text
        ):
            return "prior", None, "days", True
        return None, None, "days", True
    q = quantities[0]
    amount = q.number.value
    unit: WindowUnit = "days" if q.time_unit == "hours" else q.time_unit  # type: ignore[assignment]
    if q.time_unit == "hours":
        amount = -(-amount // 24)
    if amount != int(amount):
        return None, None, "days", True
    window = int(amount)
    before = segment.norm[segment.start : q.start]
    within = bool(_WITHIN.search(before[-25:]) or _WITHIN.match(segment.norm, q.start, q.end))
    elapsed = (bool(_SINCE.search(text)) or over) and not within
    if (
        elapsed
        and q.comparator is None
        and (over or (not negated and _SINCE_NEXT.match(segment.norm, q.end, segment.end)))
    ):
        # "Four weeks after major surgery", "radiotherapy completed 7 days prior": that much time has passed
        return "none", window, unit, False
    if elapsed and q.comparator is not None:
        if q.comparator in (Comparator.GT, Comparator.GE):
            return "none", window, unit, q.comparator is Comparator.GT
        return "prior", window, unit, q.comparator is Comparator.LE
    if _WITHIN.search(before[-30:]) or q.comparator in (Comparator.LE, Comparator.LT, None):
        inclusive = q.comparator is not Comparator.LT
        return ("none" if never else "prior"), window, unit, inclusive
    if q.comparator in (Comparator.GT, Comparator.GE) and negated:
        return "none", window, unit, q.comparator is Comparator.GT
    return None, None, "days", True
