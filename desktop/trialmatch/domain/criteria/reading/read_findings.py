"""Reader for findings: "Known, active auto-immune disease", "Pregnancy or breast feeding", "Not pregnant or
nursing", "Active brain metastasis (treated and stable brain metastasis accepted)".

Concepts come from the lexicon. Around them the reader accepts negation ("no", "not", "negative for"),
qualifiers ("history of", "active") and narrowing words it cannot check ("uncontrolled", "within 6 months",
"with positive viral load"). A narrowing word can only make the statement rarer, so it is kept as an
unchecked exception: a present finding then goes to the clinician, an absent one is still decided. Any
other word left over means the sentence was not read, and the criterion goes to review.
"""

from __future__ import annotations

import re
from itertools import pairwise

from trialmatch.domain.anticoagulation import ANTICOAGULATION
from trialmatch.domain.criteria.finding import FindingException, FindingRule, Qualifier
from trialmatch.domain.criteria.logic import AllOf, AnyOf
from trialmatch.domain.criteria.reading.current_infection import marks_current_infection
from trialmatch.domain.criteria.reading.finding_alternatives import (
    another_group,
    another_state,
    childbearing_as_item,
    listed_group,
    whole_course,
)
from trialmatch.domain.criteria.reading.finding_earlier_episode import earlier_episode
from trialmatch.domain.criteria.reading.finding_grades import cardiac_grades, kidney_stages
from trialmatch.domain.criteria.reading.finding_item_qualifier import ACTIVE_WORDS as _ACTIVE
from trialmatch.domain.criteria.reading.finding_item_qualifier import HAD_BEFORE, item_qualifier, own_words
from trialmatch.domain.criteria.reading.finding_item_qualifier import HISTORY_WORDS as _HISTORY
from trialmatch.domain.criteria.reading.finding_unnamed import unnamed_alternative
from trialmatch.domain.criteria.reading.finding_wording import (
    about_treatment,
    reworded,
)
from trialmatch.domain.criteria.reading.text import (
    Read,
    Segment,
    Span,
    inside,
    leftover_words,
    parenthesised,
    word_set,
    words_of,
)
from trialmatch.domain.lexicon import Concept, ancestors, find_concepts, get_concept, resolve_finding
from trialmatch.domain.trial import Section

_NEGATION = re.compile(
    r"(?<![a-z])(?:no|not|non|without|absence\s+of|absent|free\s+of|negative(?:\s+(?:for|test\s+for))?|never|none|"
    r"must\s+not\s+(?:be|have)|may\s+not\s+(?:be|have)|cannot\s+be|is\s+not|are\s+not)(?![a-z])"
)
_NEGATION_WORDS = word_set("no not non without absence absent free negative never none cannot")
_NEGATIVE_AFTER = re.compile(r"\s*(?:-|\s)\s*(?:negative|seronegative|negativity)(?![a-z])")
_NOUN_BEFORE = re.compile(r"(?:infections?|infected|co-?infection)\s+(?:with|by|of)\s+(?:the\s+)?$")
_OF_WHAT = re.compile(r"\s+(?:with|by|of)\s+(?:the\s+)?")
_DEFINED_BY = re.compile(
    r"(?:as\s+)?(?:defined|assessed|measured|evaluated|determined)\s+(?:by|per|according\s+to|using)\s+(?:the\s+)?"
    r"recist(?:\s+(?:v(?:ersion)?\s*)?1\.1)?(?:\s+criteria)?|per\s+recist(?:\s+(?:v(?:ersion)?\s*)?1\.1)?"
)
_SECTION_WORDS = re.compile(
    r"(?<![a-z])(?:(?:are|is|will\s+be)\s+)?(?:(?:will\s+)?not\s+(?:be\s+)?eligible(?:\s+for\s+the\s+study)?|ineligible"
    r"|excluded(?:\s+from\s+(?:the\s+)?study(?![a-z\s]))?)(?![a-z])"
)
""""Pregnant or lactating females are excluded (from study)": in an exclusion item the words only repeat the
section; "excluded from study participation" says more, and is not taken for them."""
_SECTION_CUE = word_set("eligible ineligible excluded")
_NOUN_AFTER = re.compile(r"\s*(?:infections?|diseases?|disorders?|conditions?|syndrome)(?![a-z])")
""""HCV infection": a generic noun right after a concept belongs to it; elsewhere it may name another
condition ("or chronic infection") and must not be skipped as filler."""
_COUNT = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)[\s-]+"
""""Within the past three months", "in the last year": a count in words, or none (one)."""
_DURATION_BOUND = (
    r"(?:at\s+least|more\s+than|greater\s+than|longer\s+than|less\s+than|fewer\s+than|over|under|up\s+to"
    r"|(?:a\s+)?minimum\s+(?:of\s+)?|(?:a\s+)?maximum\s+(?:of\s+)?)"
)
"""The bound a duration may be given with: "for at least 3 months", "for less than 6 months"."""
_PLANNED_OR = (
    r"\sor\s+(?:(?:is|are)\s+)?(?:plans?|planned|planning|scheduled|still|anticipat\w*|expected|expects?|will)"
    r"(?![a-z])"
)
""""Major surgery within 3 months before the first dose or plans to undergo surgery during the study": the
surgery planned is an alternative the patient file does not hold, not part of the time window; swallowed into
the window, it was dropped and a patient with surgery planned passed."""
_NARROWING = re.compile(
    r"(?<![a-z])(?:uncontrolled|poorly\s+controlled|poor\s+control(?:led)?(?:\s+of)?|symptomatic|clinically\s+(?:significant|relevant|important|active)"
    r"|significant|severe|serious|unstable|untreated|progressive|progressing|chronic|acute|recent|recently"
    r"|recurrent|major|moderate|life[\s-]threatening|refractory|unresolved|persistent|decompensated|multifocal"
    r"|extensive|widespread|newly|unexplained"
    r"|malignant(?=\s+(?:(?:ventricular\s+)?(?:arrhythmias?|dysrhythmias?)|(?:pleural\s+|pericardial\s+)?(?:effusions?|ascites)))"
    r"|high[\s-]+risk(?=\s+(?!of\s|for\s)[a-z])"
    r"|(?:seen\s+)?on\s+(?:an?\s+)?(?:12[\s-]lead\s+)?(?:ecg|ekg|electrocardiogram)"
    r"|(?:that|which)\s+(?:is|are)\s+not\s+(?:adequately\s+|well\s+)?(?:rate[\s-])?controlled"
    r"|systemic|within\s+(?:the\s+)?(?:last\s+|past\s+|previous\s+|preceding\s+)?(?:\d+\s*|" + _COUNT + r")?"
    r"(?:hours?|days?|weeks?|months?|years?)"
    r"(?:\s+(?:prior\s+to|before|of|preceding)\s+(?:(?!"
    + _PLANNED_OR
    + r")[a-z0-9 ])*?(?=,|;|$|\)|"
    + _PLANNED_OR
    + r"))?"
    r"|in\s+the\s+(?:last|past|previous|preceding)\s+(?:\d+\s*|"
    + _COUNT
    + r")?(?:days?|weeks?|months?|years?)"
    r"|high[\s-]*dose(?=\s+(?:systemic\s+)?(?:cortico)?steroid))(?![a-z])"
)
_DURATION = re.compile(
    r"(?<![a-z])(?:(?:for|lasting)\s+(?:" + _DURATION_BOUND + r"\s+|[≥>≤<]\s*)?(?:\d+\s*|" + _COUNT + r")"
    r"(?:days?|weeks?|months?|years?)|(?:" + _DURATION_BOUND + r"\s+|[≥>]\s*)\d+\s*(?:days?|weeks?|months?)"
    r"(?:\s+(?:per|a)\s+(?:week|month))?)(?![a-z])"
)
""""ITP for ≥ 3 months", "diabetes for greater than 11 years", "dysphagia at least 2 days per week": how long
or how often the finding has lasted narrows it, as "within 6 months" does. A bare "≥ 18 years" is an age,
not read here."""
_DURATION_WORDS = word_set("day days week weeks month months year years")
_NYHA = re.compile(
    r"(?<![a-z])(?:new\s+york\s+heart\s+association|nyha)(?:\s*[(\[]\s*nyha\s*[)\]])?(?:\s+(?:functional\s+)?"
    r"(?:class(?:es)?|grade|stage))?\s*(?:(?:≥|>=|>)\s*(?:(?:class|grade)\s*)?)?(?:iv|i{1,3}|[1-4])(?![a-z0-9])"
    r"(?:\s*(?:-|–|to|,?\s*or|,?\s*and|/|,)\s*(?:iv|i{1,3}|[1-4])"
    r"(?![a-z0-9]))*(?:\s+or\s+(?:greater|higher|above|worse|more))?"
)
""""NYHA class III or IV heart failure", "heart failure NYHA grade ≥ 2": the class narrows the finding, which
the patient file records without it. The lexicon maps "NYHA class III" to heart failure (right for what a
patient file says), so the class is sought here even inside the concept's own words."""
_NYHA_WORDS = word_set("nyha york")
_FILLER_PHRASES = re.compile(
    r"(?<![a-z])(?:suffer(?:s|ing)?(?:\s+from)?|obtained\s+from\s+(?:the\s+)?(?:subject|patient|participant)s?)"
    r"(?![a-z])"
)
""""Suffering from claustrophobia", "suffering hypertension", "informed consent obtained from the subject":
filler. "From" alone is not: "graft-versus-host disease from allogeneic stem cell transplant" names the
cause, not a second finding."""
_NYHA_BELOW = re.compile(
    r"(?<![a-z])(?:new\s+york\s+heart\s+association|nyha)[^.;,]{0,30}?(?:<|≤|less\s+than|below|under"
    r"|lower\s+than|better\s+than|up\s+to|(?:no|not)\s+(?:more|higher|greater|worse)\s+than)\s*"
    r"(?:(?:class|grade)\s*)?(?:iv|i{1,3}|[1-4])(?![a-z0-9])"
)
""""NYHA class < III": a class below a limit admits patients with heart failure and patients without it; read
as the finding, it failed every patient without heart failure."""
# The lexicon also maps "unstable angina" and "serious infection" to the plain concept (right for a patient
# file); inside the concept's own words such a narrowing still narrows it, unless the concept is that narrower
# one ("untreated brain metastases" is active brain metastases).
_NARROWING_WORDS = word_set(
    """
    uncontrolled poorly poor symptomatic clinically significant severe serious unstable untreated progressive
    progressing chronic acute recent recently recurrent major moderate life refractory unresolved persistent
    decompensated systemic within last past previous preceding high multifocal extensive widespread newly
    malignant ecg ekg electrocardiogram controlled unexplained
    """
)
_POOR_CONTROL = re.compile(r"(?:poorly|inadequately|badly)\s+controlled|poor\s+control")


def _labelled(word: str, narrowing: str, label: str) -> bool:
    """Whether the concept's label already says the narrowing ("Poorly controlled hypertension" is the concept
    "Uncontrolled hypertension": read as a narrowing of it, a patient with it recorded was left unknown)."""
    lowered = label.lower()
    return word in lowered or (_POOR_CONTROL.match(narrowing) is not None and "uncontrolled" in lowered)


_TRAILING = re.compile(
    r"(?<![a-z])(?:with|requiring|(?:that|which)\s+(?:requires?|required)|needing|defined\s+as|as\s+defined\s+by"
    r"|with\s+evidence\s+of|(?:on|in|under)(?=\s+(?:active\s+)?(?:treatment|therapy)(?![a-z])))"
    r"\s+(?:(?!\s(?:or|and/or)\s(?!(?:greater|higher|more|above|worse)(?![a-z])))(?!\.\s)[^,;()])+"
    r"(?:\s*\(\s*(?:e\.?\s?g\.?|i\.?\s?e\.?|such\s+as|including|for\s+example)(?![a-z])[^()]*\))?"
)
"""A qualifier after a concept ("HIV with positive viral load", "hypothyroidism on treatment"); before the
first concept "with" is filler.
Its examples belong to it: in "autoimmune disease requiring systemic treatment (e.g., steroids or
immunosuppressants)" the drugs say what treatment, they are not conditions excluded on their own."""
_AND_BEFORE = re.compile(r"(?<![a-z])and\s+$")
""""Diagnosis of ITP ≥ 3 months, and with a platelet count of < 30 x 10^9/L": the platelet count is a second
requirement, read as a lab limit beside the finding, not a narrowing of it."""
_TRAILING_WORDS = word_set("with requiring requires require required needing defined treatment therapy")
_ANOTHER_GROUP = re.compile(
    r"(?<![a-z])or\s+(?:(?:those|patients|subjects|participants|individuals)\s+|(?:being\s+)?diagnosed\s+)?$"
)
""""Diabetes mellitus or those with an HbA1c ≥ 6.5%": a second way into the trial; read as what narrows the
diabetes, it failed a non-diabetic patient with an HbA1c of 7.1 %. "... coagulation disorders or with
hemoglobin of < 10.0 g/dL" likewise: read as a narrowing, a patient with haemoglobin 9 g/dL passed. So does
"Have a pacemaker or being diagnosed with a cardiac problem that ...": one without a pacemaker passed."""
_DRUG_CLASSES = frozenset({"immunosuppressive_therapy", "systemic_corticosteroids"})
_INDICATION = re.compile(
    r"\s+(?:for|to\s+(?:treat|control|manage|prevent))\s+(?:(?!\s(?:or|and/or)\s)(?!\.\s)[^,;()])+"
)
""""No concurrent immunosuppressive medications for graft versus host disease": what a drug class is given for
narrows it (a patient on dexamethasone for brain oedema is not refused), and the condition named there is not
refused on its own. Only a condition the lexicon knows is read so: "for more than 28 days" is a duration."""
_ACCEPTANCE = re.compile(
    r"(?<![a-z])(?:accepted|acceptable|allowed|permitted|eligible|except|excepted|excluding|unless|other\s+than"
    r"|with\s+the\s+exception\s+of|may\s+(?:participate|be\s+(?:included|enrolled|eligible))|can\s+be\s+included"
    r"|(?:are|is)\s+not\s+excluded)(?![a-z])"
)
_ACCEPTANCE_WORDS = word_set(
    """
    accepted acceptable allowed permitted eligible except excepted excluding unless other exception may can
    excluded
    """
)
_FINDING_FILLER = word_set(
    """
    known active history prior previous previously past ever current currently ongoing present presence
    diagnosis diagnosed evidence documented confirmed suspected positive test tested testing result for
    patients patient women
    woman men mothers subjects participants who are is was were or and with has have having of any personal
    clinical clinically signs diagnosed status existing concurrent concomitant serology serologic seropositive
    history known pregnant breast feeding lactating nursing note medical need needs required must should
    serum urine β hcg beta female females male males antibody antibodies surface antigen hbsag use intake
    received receiving administration administered carry carries
    """
)
_CONDITIONAL_FILLER = _FINDING_FILLER | {"if"}
""""If" when the pregnancy test applies only to women of childbearing potential."""
_CONSENT_FILLER = word_set(
    """
    able ability capable willing willingness agree agrees understand understands understanding read sign signs
    signed signing date dated give gives giving provide provides providing provided obtain obtained obtaining
    voluntarily voluntary written form forms document documents icf prior before any study related specific
    procedures procedure initiation start starting screening personally in person to the a an can will be
    """
)
"""How a sentence asks for the patient's own consent ("Capable of giving signed informed consent", "Ability to
understand and the willingness to sign a written informed consent document"). Not a representative's consent,
a language or compliance with the protocol: those stay for review."""
_EXCEPTION_FILLER = word_set(
    """
    accepted acceptable allowed permitted eligible except excepted excluding unless other than exception
    may participate included include enrolled can be are is not excluded patients with who have has
    subjects participants note those
    """
)
_EXCEPTION_AND_FINDING_FILLER = _EXCEPTION_FILLER | _FINDING_FILLER


def read_findings(segment: Segment, section: Section) -> Read | None:
    """Finding rules for the concepts the segment names; None when it names none.

    "Women of childbearing potential must have a negative pregnancy test" is "not pregnant": childbearing
    potential only says to whom the test applies, and a patient without it is not pregnant either.
    """
    concepts = _concepts(segment)
    if not concepts:
        return None
    if any(c.id == "active_infection" for _, _, c in concepts):
        concepts = _without_infection_nouns(segment, concepts)
    conditional: list[Span] = []
    if any(c.id == "pregnancy" for _, _, c in concepts):
        if childbearing_as_item(segment, concepts):
            return Read.failed(
                "women of childbearing potential listed as a group of their own beside pregnancy"
            )
        conditional = [(s, e) for s, e, c in concepts if c.id == "childbearing_potential"]
        concepts = [x for x in concepts if x[2].id != "childbearing_potential"]
    exception_spans = _exception_clauses(segment, concepts)
    main = [c for c in concepts if not any(s <= c[0] and c[1] <= e for s, e in exception_spans)]
    if not main:
        return None
    own_examples = _own_examples(segment, main) if segment.contains("(") else []
    if own_examples:
        main = [c for c in main if not inside((c[0], c[1]), own_examples)]
    unread = (
        _unread_spread(segment, main) or another_state(segment, main) or unnamed_alternative(segment, main)
    )
    if not unread and segment.contains("treat", "therap"):
        unread = about_treatment(segment.norm, segment.start, main[0][0])
    if unread:
        return Read.failed(unread)
    narrowing = [
        m
        for m in _matches(_TRAILING, _TRAILING_WORDS, segment, main[0][1])
        if not any(s <= m.start() < e for s, e in exception_spans)
    ]
    if segment.contains(" or ") and any(
        _ANOTHER_GROUP.search(segment.norm, max(segment.start, m.start() - 24), m.start()) for m in narrowing
    ):
        return Read.failed(
            "'or (those) with ...' names another group of patients, not a narrowing of the finding"
        )
    if narrowing and listed_group(segment, narrowing):
        return Read.failed(
            "', <patients> with ...' names another group of patients, not a narrowing of the finding"
        )
    if narrowing and another_group(segment, narrowing):
        return Read.failed(
            "'and <patients> with ...' names another group of patients, not a narrowing of the finding"
        )
    if segment.contains("and with") and any(
        _AND_BEFORE.search(segment.norm, max(segment.start, m.start() - 6), m.start())
        and any(c.isdigit() for c in m.group(0))
        for m in narrowing
    ):
        return Read.failed("'and with' a threshold adds a requirement of its own, not a narrowing")
    if segment.contains(" for ", " to "):
        narrowing += [
            m
            for _, end, concept in main
            if concept.id in _DRUG_CLASSES
            and (m := _INDICATION.match(segment.norm, end, segment.end)) is not None
            and any(m.start() < s < m.end() for s, _, _ in concepts)
            and not any(s <= m.start() < e for s, e in exception_spans)
        ]
    narrowing += earlier_episode(segment, main)
    main = [c for c in main if not any(m.start() <= c[0] < m.end() for m in narrowing)]
    glued = _glued_status(segment, exception_spans, concepts, main) if exception_spans else None
    if glued:
        return Read.failed(f"an exception clause that states another finding's status: '{glued}'")
    exceptions = [_exception(segment, span, concepts) for span in exception_spans]
    main_concepts = _lift(main, exceptions)
    claimed: list[Span] = [(s, e) for s, e, _ in main] + list(exception_spans) + conditional + own_examples
    claimed += [m.span() for m in narrowing]
    for start, end, _ in main:
        noun = _NOUN_AFTER.match(segment.norm, end, segment.end)
        if noun:
            claimed.append(noun.span())
        infection = _NOUN_BEFORE.search(segment.norm, max(segment.start, start - 30), start)
        if infection:
            claimed.append(infection.span())
    if segment.contains("suffer", "obtained from"):
        claimed += [m.span() for m in _FILLER_PHRASES.finditer(segment.norm, segment.start, segment.end)]
    if segment.contains("recist"):
        claimed += [m.span() for m in _DEFINED_BY.finditer(segment.norm, segment.start, segment.end)]
    if section is Section.EXCLUSION:
        claimed += [m.span() for m in _matches(_SECTION_WORDS, _SECTION_CUE, segment, main[-1][1])]
    found = _matches(_NARROWING, _NARROWING_WORDS, segment) + _matches(_DURATION, _DURATION_WORDS, segment)
    words = [m for m in found if not any(s <= m.start() < e or m.start() <= s < m.end() for s, e in claimed)]
    classes = _matches(_NYHA, _NYHA_WORDS, segment)
    if _matches(_NYHA_BELOW, _NYHA_WORDS, segment):
        return Read.failed("a NYHA class below a limit: patients with heart failure and without it")
    nyha = [m.span() for m in classes]
    classes += [m for m in cardiac_grades(segment, [c for _, _, c in main]) if not inside(m.span(), nyha)]
    classes += kidney_stages(segment, [c for _, _, c in main])
    in_concept = [
        m
        for m in found
        for s, e, concept in main
        if m.end() <= e
        and (
            (s <= m.start() and not _labelled(m.group(0).split()[0], m.group(0), concept.label))
            or (m.start() < s < m.end() and not _labelled(m.group(0).split()[-1], m.group(0), concept.label))
        )
    ]
    # "Clinically significant pulmonary disease": a narrowing word overlapping the start of the concept's own
    # words ("significant pulmonary disease" is a synonym) still narrows it.
    # "Uncontrolled diabetes or hypertension": a narrowing word opening the first concept's own words narrows
    # the whole list, though "uncontrolled diabetes" is a concept of its own.
    # "Symptomatic pleural effusion, pericardial effusion, or ...": so does one inside a synonym of the first.
    leading = [m for m in found if len(main) > 1 and m.start() == main[0][0]]
    narrowing += words + classes + in_concept
    if segment.contains(" or", "/"):
        plain = {s for s, e, _ in main if segment.norm[s:e].split()[0] not in _NARROWING_WORDS}
        alternatives = whole_course(segment.norm, words + in_concept, plain)
        narrowing = [m for m in narrowing if m not in alternatives]
    claimed += [m.span() for m in words + classes]
    negations = [
        m
        for m in _matches(_NEGATION, _NEGATION_WORDS, segment)
        if not any(s <= m.start() < e for s, e in claimed)
    ]
    negatives_after = [
        m for s, e, _ in main if (m := _NEGATIVE_AFTER.match(segment.norm, e, segment.end)) is not None
    ]
    claimed += [m.span() for m in negations] + [m.span() for m in negatives_after]
    filler = _CONDITIONAL_FILLER if conditional else _FINDING_FILLER
    if all(concept.id == "informed_consent" for _, _, concept in main):
        filler = filler | _CONSENT_FILLER
    leftover = leftover_words(segment, claimed, filler)
    if leftover:
        return Read.failed(f"words not understood: {' '.join(leftover[:8])}")
    negated = _negated(main, negations, negatives_after)
    if negated is None:
        return Read.failed("negation covers only part of the list")
    qualifier = _qualifier(segment, main[0][1])
    if qualifier == "history" and (past := [c.id for c in main_concepts if c.id in _ONLY_CURRENT]):
        return Read.failed(_ONLY_CURRENT[past[0]])
    chunks = _chunks(segment)
    # "HIV infection, with CD4 < 200/µL": a narrowing in a stretch of its own narrows every concept, so its
    # words are never claimed and then dropped.
    opening = _opening_later_items(segment, narrowing, main)
    orphans = [m for m in narrowing if not any(_applies(m, s, main[0][0], chunks) for s, _, _ in main)]
    rules: list[FindingRule] = []
    seen: set[str] = set()
    own_active = False
    own_time: Qualifier | None = None
    for index, ((start, end, _), concept) in enumerate(zip(main, main_concepts, strict=True)):
        own_active = (
            bool(index)
            and qualifier != "active"
            and not concept.label.lower().startswith("active")
            and _own_activity(segment, main, index, own_active)
        )
        if index and qualifier == "active":
            own_time = item_qualifier(segment, main, index, own_time)
            if own_time == "history" and concept.id in _ONLY_CURRENT:
                return Read.failed(_ONLY_CURRENT[concept.id])
        shared = leading if index and _shares_opening(segment, main[: index + 1], found) else []
        narrower = _narrower(concept, shared, segment.norm[start:end])
        if narrower is not None:
            concept, shared = narrower, []
        asked = reworded(concept, segment.norm[start:end], qualifier == "history")
        if asked is not None:
            concept = asked[0]
        if concept.id in seen:
            if asked is not None:
                rules = [_asked_also(r, segment, end) if r.concept == concept.id else r for r in rules]
            elif (again := _repeated(segment, main, index, rules, concept.id, narrowing, chunks)) is not None:
                if concept.id in _ONLY_CURRENT:
                    return Read.failed(_ONLY_CURRENT[concept.id])
                rules.append(again)
            continue
        seen.add(concept.id)
        current = (own_time or qualifier) != "history" and marks_current_infection(
            concept.id, segment.norm[start:end]
        )
        unchecked = [
            FindingException(concept=None, text=segment.quote(m.start(), m.end()), source_span=m.span())
            for m in dict.fromkeys([*narrowing, *shared])
            if (_applies(m, start, main[0][0], chunks) or m in orphans or m in shared)
            and not (asked is not None and start <= m.start() < end)
            and not (start < m.start() and m.start() in opening)
        ]
        if asked is not None:
            unchecked.append(FindingException(concept=None, text=asked[1], source_span=(start, end)))
        rules.append(
            FindingRule(
                source_span=(start, end),
                concept=concept.id,
                present=not negated,
                qualifier="active" if own_active or current else (own_time or qualifier),
                exceptions=[*exceptions, *unchecked],
            )
        )
    if len(rules) == 1:
        return Read(rules[0].model_copy(update={"source_span": segment.span}))
    joiners = _joiners(segment, main)
    if negated:
        return Read(AllOf(source_span=segment.span, children=list(rules)))
    either = (
        "or" in joiners
        or "and/or" in joiners
        or (section is Section.EXCLUSION and (joiners != {"and"} or not _TOGETHER.search(segment.text)))
    )
    combined = (
        AnyOf(source_span=segment.span, children=list(rules))
        if either
        else AllOf(source_span=segment.span, children=list(rules))
    )
    return Read(combined)


def _repeated(
    segment: Segment,
    main: list[tuple[int, int, Concept]],
    index: int,
    rules: list[FindingRule],
    concept_id: str,
    narrowing: list[re.Match[str]],
    chunks: list[Span],
) -> FindingRule | None:
    """The second way a finding already read as active is named, when it is an alternative about the past:
    "Active inflammatory bowel disease requiring immunosuppressive medication or previous history of
    inflammatory bowel disease", "Active cardiac disease or history of cardiac dysfunction". Read as the
    first only, a patient with a past IBD passed. So the converse, a finding read as history named again as
    current: "a history of pneumonitis that required steroids or has current pneumonitis" excludes current
    pneumonitis whatever its treatment (read as the first only, it went to review). None for any other
    repeat (it adds nothing)."""
    (_, previous_end, _), (start, end, _) = main[index - 1], main[index]
    first = next(r for r in rules if r.concept == concept_id)
    if first.qualifier not in {"active", "history"} or not re.search(
        r"(?<![a-z])or(?![a-z])|/", segment.norm[previous_end:start]
    ):
        return None
    own = segment.norm[previous_end:end]
    own = own[max(own.rfind(mark, 0, start - previous_end) for mark in (",", ";", " or ", "/")) + 1 :]
    if first.qualifier == "active" and not (_HISTORY.search(own) or HAD_BEFORE.search(own)):
        return None
    if first.qualifier == "history" and (_HISTORY.search(own) or not _ACTIVE.search(own)):
        return None
    words = [
        m
        for m in narrowing
        if m.start() >= start and any(s <= m.start() < e and s <= start < e for s, e in chunks)
    ]
    unchecked = [
        FindingException(concept=None, text=segment.quote(m.start(), m.end()), source_span=m.span())
        for m in words
    ]
    exceptions = [e for e in first.exceptions if e.concept is not None or e.source_span[0] < main[0][0]]
    return FindingRule(
        source_span=(start, end),
        concept=concept_id,
        present=first.present,
        qualifier="history" if first.qualifier == "active" else "active",
        exceptions=[*exceptions, *unchecked],
    )


def _asked_also(rule: FindingRule, segment: Segment, end: int) -> FindingRule:
    """ "History of hypertensive crisis or hypertensive encephalopathy": the second wording the concept is
    checked against joins the first in what is left to check."""
    first = rule.exceptions[-1]
    joined = FindingException(
        concept=None, text=segment.quote(first.source_span[0], end), source_span=(first.source_span[0], end)
    )
    return rule.model_copy(update={"exceptions": [*rule.exceptions[:-1], joined]})


_ONLY_CURRENT = {
    ANTICOAGULATION: "past anticoagulation: the patient file says only whether it is current",
    "smoking": "a smoking history: the patient file says only whether the patient smokes now",
    "active_bleeding": "a past bleeding: the patient file says only whether the patient bleeds now",
    "active_infection": "a past infection: the patient file says only whether an infection is active now",
}
"""Findings a patient file records only as they are now: a sentence about their past is not read ("No
history of clinically significant bleeding" passed a patient not bleeding now after a major bleed)."""


_EXAMPLES_AFTER = re.compile(
    r"\s*(?:(?:infections?|diseases?|disorders?|conditions?|syndrome)\s*)?\(\s*(?:including|incl\.)(?![a-z])"
    r"[\s,:]*(?P<inner>[^()]+)\)"
)


def _own_examples(segment: Segment, main: list[tuple[int, int, Concept]]) -> list[Span]:
    """Brackets that only give examples of the concept before them: "chronic liver disease (including active
    hepatitis)". Each finding named inside is that concept or one below it in the lexicon, so the bracket
    says nothing the concept does not; a bracket with any other word ("(including hepatitis B carriers)")
    or finding stays to be read. An "e.g." bracket is read as findings of their own, which the lexicon's
    hierarchy judges alike."""
    found: list[Span] = []
    for _, end, concept in main:
        match = _EXAMPLES_AFTER.match(segment.norm, end, segment.end)
        if match is None:
            continue
        inner = [(s, e, c) for s, e, c in main if match.start("inner") <= s and e <= match.end("inner")]
        if inner and all(c.id == concept.id or concept.id in ancestors(c.id) for _, _, c in inner):
            words = segment.sub(match.start("inner"), match.end("inner"))
            if not leftover_words(words, [(s, e) for s, e, _ in inner], _FINDING_FILLER | _NARROWING_WORDS):
                found.append(match.span())
    return found


_SPREAD_ONLY = re.compile(
    r"(?<![a-z])(?:(?:metasta\w*|mets|disease|lesions?)(?:\s*\(s\))?\s+only|only\s+site|[a-z]+\s*-\s*only)(?![a-z])"
)
_SITE_BEFORE = re.compile(r"(?<![a-z])(?:marrow|bone|osseous|renal|kidney|hepatic|organ)\s*-?\s*$")
_TREATMENT_FOR = re.compile(
    r"(?<![a-z])(?:treatments?|therapy|therapies|chemotherapy|treated)\s+(?:for|of)\s+(?:the\s+|their\s+)?$"
)


def _unread_spread(segment: Segment, main: list[tuple[int, int, Concept]]) -> str | None:
    """Why a sentence about metastases says more than the finding, which filler words would hide.

    "No bone metastases only" refuses bone-only disease, not bone metastases; "No bone marrow metastases" is
    about one site, not every metastasis ("bone marrow" is filler elsewhere); "No prior treatment for
    metastatic disease" refuses the treatment, not the disease. Read as the finding, each failed every
    patient with metastases.
    """
    metastatic = [
        (s, e, c) for s, e, c in main if c.id == "metastatic_disease" or c.id.endswith("_metastases")
    ]
    if not metastatic:
        return None
    if segment.contains("only") and _SPREAD_ONLY.search(segment.norm, segment.start, segment.end):
        return "a pattern of spread ('bone-only disease') the engine does not read"
    for start, _, concept in metastatic:
        before = segment.norm[max(segment.start, start - 40) : start]
        if concept.id == "metastatic_disease" and _SITE_BEFORE.search(before):
            return "metastases at a site the engine does not know"
        if _TREATMENT_FOR.search(before) and _NEGATION.search(segment.norm, segment.start, start):
            return "refuses a treatment for the disease, not the disease"
    return None


_CHUNK = re.compile(r"[,;]|(?<=[a-z0-9)])(?<!\.[a-z])\.\s")
"""Commas, semicolons and sentence ends ("Active hepatitis B or C. HIV with detectable viral load."), not the
dot of "e.g." or "i.e."."""
_TOGETHER = re.compile(
    r"(?<![a-z])(?:concurrent|concomitant|co-?infect\w*|co-?existing|both|combined|simultaneous\w*|together)(?![a-z])"
)
""""Pregnant and lactating women", "HIV and hepatitis B and C" in an exclusion name each excluded group;
"concurrent HBV and HCV infection" asks for both."""


def _without_infection_nouns(
    segment: Segment, concepts: list[tuple[int, int, Concept]]
) -> list[tuple[int, int, Concept]]:
    """ "Active infection with hepatitis B or hepatitis C" is about hepatitis B and C: "active infection" is
    their noun, not an infection of any kind (which would exclude a patient with pneumonia) nor a condition
    that hepatitis B narrows (which would drop it)."""
    starts = {s for s, _, _ in concepts}
    kept = []
    for start, end, concept in concepts:
        of_what = _OF_WHAT.match(segment.norm, end, segment.end)
        if concept.id == "active_infection" and of_what is not None and of_what.end() in starts:
            continue
        kept.append((start, end, concept))
    return kept


def _matches(
    pattern: re.Pattern[str], cue: frozenset[str], segment: Segment, start: int | None = None
) -> list[re.Match[str]]:
    """``pattern``'s matches in the segment (from ``start``). Each holds a word of ``cue``, so a segment
    without one is not searched: most are not, and these searches run on every sentence naming a finding."""
    if cue.isdisjoint(words_of(segment)):
        return []
    return list(pattern.finditer(segment.norm, segment.start if start is None else start, segment.end))


def _chunks(segment: Segment) -> list[Span]:
    """The comma-separated stretches of the list: a narrowing word applies within its own stretch."""
    bounds = [
        segment.start,
        *(m.end() for m in _CHUNK.finditer(segment.norm, segment.start, segment.end)),
        segment.end,
    ]
    return list(pairwise(bounds))


def _opening_later_items(
    segment: Segment, narrowing: list[re.Match[str]], main: list[tuple[int, int, Concept]]
) -> set[int]:
    """ "Type 1 diabetes or uncontrolled type 2 diabetes", "heart failure or symptomatic ischemic heart
    disease": where a word opening a later item starts. It narrows that item and the ones after it, never an
    item before it (read for it, a patient with type 1 diabetes went to review instead of being excluded).
    An item naming an earlier one again ("renal disease (stage 4 CKD)") is no later item: the stage narrows
    the disease."""
    return {
        m.start()
        for m in narrowing
        if m.start() > main[0][1]
        and not _TIME_WINDOW.search(m.group(0))
        and any(
            _opens(m, s, e, segment) and all(c.id != concept.id for _, _, c in main[:index])
            for index, (s, e, concept) in enumerate(main)
        )
    }


def _opens(narrowing: re.Match[str], start: int, end: int, segment: Segment) -> bool:
    """Whether the word is the opening of the item at ``start``: just before it, or its own first words
    ("recent myocardial infarction"); not a stage holding the item's name ("CKD stage 4 or greater")."""
    if narrowing.start() == start:
        return narrowing.end() <= end
    return narrowing.end() <= start and not segment.norm[narrowing.end() : start].strip()


_TIME_WINDOW = re.compile(r"(?<![a-z])(?:within|in\s+the\s+(?:last|past|previous|preceding))(?![a-z])")


def _applies(narrowing: re.Match[str], concept_start: int, first_concept: int, chunks: list[Span]) -> bool:
    """Words before the first concept and time windows cover the whole list; others their own stretch.

    Applying a narrowing word too widely is safe (a present finding goes to review); too narrowly is not. A
    qualifier holding a time window ("..., myocardial infarction, or arrhythmia requiring treatment within 6
    months") may bound every item: read for the last only, an infarction years ago excluded the patient.
    """
    if narrowing.start() < first_concept or _TIME_WINDOW.search(narrowing.group(0)):
        return True
    return any(s <= narrowing.start() < e and s <= concept_start < e for s, e in chunks)


_HEPATITIS_B_OR_C = re.compile(r"hepatitis\s+b\s*(?:,|or|and/or|and|/)\s*(?:hepatitis\s+)?(?P<c>c)(?![a-z])")
""""Hepatitis B or C": C shares the noun."""
_ELLIPSIS = re.compile(
    r"(?<![a-z])(?P<first>[a-z]+)\s+(?:or|and|and/or|/)\s+(?:[a-z-]+\s+)?(?P<noun>metastases|metastasis|mets|diseases?"
    r"|disorders?|dysfunction|impairment|insufficiency|failure)(?![a-z])"
)
""""Cerebral or leptomeningeal metastases": the first adjective shares the noun ("cerebral metastases"), as
in "hepatic or renal dysfunction" (hepatic dysfunction) and "hematologic or coagulation disorders"
(hematologic disorders, which the filler word "hematologic" alone would have dropped unread), and "severe
liver and renal failure" (liver failure: read as renal failure alone, a patient in liver failure passed)."""
_TYPE_1_OR_2 = re.compile(
    r"(?<![a-z])(?P<first>type[\s-]*(?:1|i))\s*(?:,|or|and/or|and|/)\s*(?:(?:un|poorly\s+)controlled\s+)?"
    r"(?P<second>(?:type[\s-]*)?(?:2|ii)[\s-]+diabet[a-z]*(?:\s+mellitus)?)"
)
""""Type 1 or type 2 diabetes", "type 1 or 2 diabetes", "type I or uncontrolled type II diabetes mellitus":
the first type shares the noun (the control word narrows the second only)."""


def _concepts(segment: Segment) -> list[tuple[int, int, Concept]]:
    """Concept mentions with absolute spans; "bone or liver metastases" names both."""
    text = segment.text
    printed = segment.printed[segment.start : segment.end]
    found = [(s + segment.start, e + segment.start, c) for s, e, c in find_concepts(printed)]
    if "hepatitis" in text:
        for match in _HEPATITIS_B_OR_C.finditer(segment.norm, segment.start, segment.end):
            if not any(c.id == "hcv" for _, _, c in found):
                found.append((match.start("c"), match.end("c"), get_concept("hcv")))
    if "diabet" in text:
        for match in _TYPE_1_OR_2.finditer(segment.norm, segment.start, segment.end):
            if not any(s <= match.start("first") < e for s, e, _ in found):
                found.append((match.start("first"), match.end("first"), get_concept("type1_diabetes")))
            if not any(s == match.start("second") for s, _, _ in found):
                inside = match.span("second")
                found = [f for f in found if not inside[0] <= f[0] < inside[1]]
                found.append((match.start("second"), match.end("second"), get_concept("type2_diabetes")))
    if (
        "metastas" in text
        or "mets" in text
        or "disease" in text
        or "disorder" in text
        or "dysfunction" in text
        or "insufficien" in text
        or "impairment" in text
        or "failure" in text
    ):
        for match in _ELLIPSIS.finditer(segment.norm, segment.start, segment.end):
            if any(s <= match.start("first") < e for s, e, _ in found):
                continue
            concept = resolve_finding(f"{match.group('first')} {match.group('noun')}")
            if concept is not None:
                found.append((match.start("first"), match.end("first"), concept))
    return sorted(found, key=lambda x: x[0])


def _exception_clauses(segment: Segment, concepts: list[tuple[int, int, Concept]]) -> list[Span]:
    """Brackets and trailing clauses that accept some patients back ("treated and stable ... accepted")."""
    clauses: list[Span] = []
    if _ACCEPTANCE_WORDS.isdisjoint(words_of(segment)):
        return clauses
    for start, end in parenthesised(segment):
        if _ACCEPTANCE.search(segment.norm, start, end):
            clauses.append((start, end))
    first_concept_end = concepts[0][1]
    for match in _ACCEPTANCE.finditer(segment.norm, segment.start, segment.end):
        if match.start() <= first_concept_end or any(s <= match.start() < e for s, e in clauses):
            continue
        if match.group(0) == "eligible" and _NOT_BEFORE.search(segment.norm, segment.start, match.start()):
            continue
        leading = _LEADING_ACCEPTANCE.match(match.group(0))
        clause_start = max(
            match.start() if leading else _sentence_start(segment, match.start()), first_concept_end
        )
        if _CONTRACEPTION.match(segment.norm, match.start()) and any(
            s >= clause_start for s, _, _ in concepts
        ):
            continue
        clauses.append((clause_start, segment.end))
        break
    return clauses


_CONTRACEPTION = re.compile(
    r"accept(?:ed|able)\s+(?:[a-z-]+\s+){0,2}(?:methods?|means|forms?|contracept|birth)"
)
"""An "acceptable method of contraception" accepts no one back: taken for an exception clause, "Pregnancy or
breastfeeding, patient with childbearing potential that refused acceptable contraceptive method" lost the
breastfeeding it names into the clause, and a breastfeeding patient passed."""


_STATUS = re.compile(r"\s*(?:negative|positive|seronegative|seropositive)(?![a-z])")


def _glued_status(
    segment: Segment,
    exception_spans: list[Span],
    concepts: list[tuple[int, int, Concept]],
    main: list[tuple[int, int, Concept]],
) -> str | None:
    """An exception clause stating the status of an unrelated finding ("No prior malignancy except basal
    cell carcinoma of the skin or carcinoma in situ of the cervix HIV negative"): another criterion glued on
    by the registry's lost line breaks. Kept as the exception, it let a patient without cancer pass
    whatever her HIV status. A status of the finding itself ("HCV antibody positive but RNA negative")
    is the exception."""
    related = set()
    for _, _, concept in main:
        related |= {concept.id, *ancestors(concept.id)}
    for start, end in exception_spans:
        for s, e, concept in concepts:
            if (
                start <= s
                and e <= end
                and _STATUS.match(segment.norm, e, end)
                and concept.id not in related
                and related.isdisjoint(ancestors(concept.id))
            ):
                return segment.quote(start, end).strip("()[] ,;.")
    return None


_NOT_BEFORE = re.compile(r"(?<![a-z])not\s+(?:be\s+)?$")
""""... or a history of congestive heart failure will not be eligible": who is refused, not accepted back;
read as an exception clause, the heart failure it names was dropped and a patient with it passed."""
_LEADING_ACCEPTANCE = re.compile(r"except|excluding|unless|other\s+than|with\s+the\s+exception\s+of")


def _sentence_start(segment: Segment, position: int) -> int:
    """Back from a trailing acceptance word ("... are eligible") to the start of its sentence or note."""
    for i in range(position - 1, segment.start, -1):
        if segment.norm[i] in ";(:" or (segment.norm[i] == "." and segment.norm[i + 1 : i + 2] == " "):
            return i
    return segment.start


def _exception(segment: Segment, span: Span, concepts: list[tuple[int, int, Concept]]) -> FindingException:
    """One exception: its concept when the clause is just "<concept> accepted", else the text unchecked."""
    start, end = span
    inner = [(s, e, c) for s, e, c in concepts if start <= s and e <= end]
    text = segment.quote(start, end).strip("()[] ,;.")
    named = _ACCEPTANCE.sub(" ", segment.norm[start:end])
    named = " ".join(w for w in re.findall(r"[a-z0-9']+", named) if w not in _JOINING)
    concept = resolve_finding(named) if named else None
    if concept is not None:
        return FindingException(concept=concept.id, text=text, source_span=span)
    if len(inner) == 1:
        clause = Segment(segment.printed, segment.norm, start, end)
        claimed = [(inner[0][0], inner[0][1])]
        claimed += [m.span() for m in _ACCEPTANCE.finditer(segment.norm, start, end)]
        if not leftover_words(clause, claimed, _EXCEPTION_AND_FINDING_FILLER):
            return FindingException(concept=inner[0][2].id, text=text, source_span=span)
    return FindingException(concept=None, text=text, source_span=span)


_JOINING = frozenset(
    {"and", "or", "are", "is", "be", "the", "with", "patients", "subjects", "participants", "who", "have"}
)


def _lift(main: list[tuple[int, int, Concept]], exceptions: list[FindingException]) -> list[Concept]:
    """ "Active brain metastasis (treated and stable accepted)": when the exception is a sibling of the named
    concept, the sentence is about their common parent (brain metastases), minus the exception."""
    lifted = []
    for _, _, concept in main:
        for exception in exceptions:
            if exception.concept in {None, concept.id} or exception.concept in ancestors(concept.id):
                continue  # "hypercalcaemia (treated hypercalcaemia allowed)" stays hypercalcaemia
            shared = set(get_concept(exception.concept).parents) & set(concept.parents)
            if shared and concept.id not in ancestors(exception.concept):
                concept = get_concept(sorted(shared)[0])
        lifted.append(concept)
    return lifted


_BARE_JOINER = re.compile(r"\s*(?:,\s*(?:(?:and\s*/\s*or|or|and)\s+)?|(?:and\s*/\s*or|or|and|/)\s*)")


def _shares_opening(
    segment: Segment, main: list[tuple[int, int, Concept]], found: list[re.Match[str]]
) -> bool:
    """Whether the last of ``main`` shares the narrowing word opening the first: each joined to the one before
    by a bare "or" / "and" / comma, and it without a narrowing word of its own."""
    for (_, end, _), (start, _, _) in pairwise(main):
        if _BARE_JOINER.fullmatch(segment.norm, end, start) is None:
            return False
    start, end, _ = main[-1]
    return not any(start <= m.start() < end for m in found)


def _narrower(concept: Concept, leading: list[re.Match[str]], words: str) -> Concept | None:
    """ "Uncontrolled ... hypertension": the narrower concept the shared word makes of this one, if any."""
    for match in leading:
        found = resolve_finding(f"{match.group(0)} {words}")
        if found is not None and concept.id in ancestors(found.id):
            return found
    return None


def _negated(
    main: list[tuple[int, int, Concept]], negations: list[re.Match[str]], after: list[re.Match[str]]
) -> bool | None:
    """Whether the list is negated as a whole; None when the negation covers only some of it."""
    if after:
        return True if len(after) == len(main) or after[-1].start() >= main[-1][1] else None
    if not negations:
        return False
    if negations[0].start() < main[0][0]:
        return True
    return None


def _qualifier(segment: Segment, first_concept_end: int) -> Qualifier:
    """ "History of X" or "active X": the words up to the end of the first concept say which, its own words
    too ("active hepatitis B", "other active malignancy" are synonyms in the lexicon)."""
    before = segment.norm[segment.start : first_concept_end]
    if _HISTORY.search(before):
        return "history"
    if _ACTIVE.search(before):
        return "active"
    return "any"


def _own_activity(
    segment: Segment, main: list[tuple[int, int, Concept]], index: int, previous_active: bool
) -> bool:
    """ "HIV, hepatitis C, and/or active hepatitis B": "active" before a later item bounds that item (and one
    sharing its noun by a bare joiner, "active hepatitis B or C"); read with the list's qualifier "any", a
    resolved hepatitis B excluded the patient. So after "history of": in "a known history of HIV infection or
    active hepatitis B or C infection, active tuberculosis" a treated tuberculosis does not exclude."""
    (_, previous_end, _), (start, _, _) = main[index - 1], main[index]
    own = own_words(segment, main, index)
    if _ACTIVE.search(own) and not _HISTORY.search(own):
        return True
    return previous_active and _BARE_JOINER.fullmatch(segment.norm, previous_end, start) is not None


def _joiners(segment: Segment, main: list[tuple[int, int, Concept]]) -> set[str]:
    found = set()
    for (_, end, _), (start, _, _) in pairwise(main):
        between = segment.norm[end:start]
        if re.search(r"and\s*/\s*or", between):
            found.add("and/or")
        elif re.search(r"(?<![a-z])or(?![a-z])|/", between):
            found.add("or")
        elif re.search(r"(?<![a-z])and(?![a-z])", between):
            found.add("and")
        else:
            found.add(",")
    return found
