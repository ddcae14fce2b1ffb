"""Split a registry's eligibility block into the items a clinician judges one by one.

Registries print the same list in very different shapes: CT.gov v2 JSON uses markdown ``* `` bullets with
``\\>`` escapes, legacy CT.gov XML hard-wraps at ~90 columns and separates items by blank lines, scraped
pages keep one item per line but lose the nesting, and 2,000+ old NCI/PDQ records print requirements under
``DISEASE CHARACTERISTICS:`` / ``PATIENT CHARACTERISTICS:`` headings, often run together with no bullets at
all. Every shape is reduced to one stream of units (heading, item, paragraph) and one builder assigns
section, nesting context and whole-item stratum restrictions. Nothing is dropped: text that is not
recognised stays an item for the engine to mark ``needs_review``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from itertools import pairwise

from trialmatch.domain.criteria.reading.finding_permission_note import permits_narrower
from trialmatch.domain.criteria.reading.lab_anticoagulation import CLOTTING, about_anticoagulated
from trialmatch.domain.criteria.reading.parsing import about_other_people
from trialmatch.domain.criteria.reading.read_labs import named_analytes
from trialmatch.domain.criteria.reading.text import ALTERNATIVE_END, ALTERNATIVE_START, Segment, word_set
from trialmatch.domain.enrolment_subgroups import enrolment_subgroup
from trialmatch.domain.lead_in_count import stated_item_count
from trialmatch.domain.study_groups import assign_group_strata, study_stage
from trialmatch.domain.trial import Criterion, Section

__all__ = ["named_strata", "split_criteria"]

# --------------------------------------------------------------------------------------------- lines


_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>|~^&=])")
_PAGE_FOOTER = re.compile(r"^\d{1,3} - [^a-z]{10,}\.\.\.(?:\s+\d{1,2}-\d{1,2}-\d{4})?$")
"""A PDF page footer ("4 - PERSONALIZED IMMUNOTHERAPY IN SEPSIS: ... 2-05-2025"): page furniture, no text."""

_PLACEHOLDERS = frozenset(
    {
        "no eligibility criteria",
        "please contact site for information",
        "information not available",
        "this information currently is not available",
        "eligibility criteria not identified in protocol",
        "eligibility criteria not identified in the protocol",
        "please refer to specific studies for eligibility criteria",
        "see detailed description",
        "protocol-specific criteria are noted in the description above",
        "none provided - protocol is intended for one patient only",
        "this study has been terminated",
        "none",
        "n/a",
        "not applicable",
        "not available",
    }
)
"""Whole blocks that say there are no criteria: the record keeps the text but has no items."""

_BULLETS = "-–—*•·●○◦▪■□➢►✓✔"
_LINE = re.compile(
    r"""(?P<indent>[ ]*)
    (?:(?P<bullet>[-–—*•·●○◦▪■□➢►✓✔]|o(?=[ ]))(?:[ ]+|$|(?=[A-Z]))
        (?:(?P<bnum>\d{1,3})\\?(?P<bdelim>[.)])(?:[ ]+|$))?
      | (?P<label>
            \(\d{1,3}\)|\d{1,3}\\?[.)]
          | \d{1,2}(?:\.\d{1,2})+\.?(?=[ ]+[A-Z])
          | \([a-z]\)|[a-z][.)]
          | \((?:i|ii|iii|iv|v|vi|vii|viii|ix|x)\)|(?:ii|iii|iv|vi|vii|viii|ix)[.)]
          | \([A-Z]\)|[A-Z][.)](?=[ ]+[A-Z0-9(])
          | (?:II|III|IV|VI|VII|VIII|IX)[.)](?=[ ]+[A-Z0-9(])
          | [A-Z]{1,3}\d{1,2}[.):](?=[ ])
        )(?:[ ]+|$)
      | (?P<tight>\d{1,3}[.)])(?=[A-Z][a-z])
    )?
    (?P<text>.*)$""",
    re.VERBOSE,
)


@dataclass(slots=True)
class _Unit:
    """One printed item, paragraph or heading with its wrapped lines joined."""

    indent: int
    marker: str | None
    """None: plain paragraph; "": bullet; otherwise the printed label without its delimiter."""
    delim: str
    text: str
    heading: _SectionHeading | None = None
    pdq: re.Match[str] | None = None


def _prepare(text: str) -> list[str]:
    """The block's lines, without PDF page footers.

    Indentation is kept: only its differences between lines matter (nesting, continuation).
    """
    if "\t" in text:
        text = text.expandtabs(4)
    if "\xa0" in text:
        text = text.replace("\xa0", " ")
    lines = text.splitlines()
    if "..." in text:
        lines = [line for line in lines if not ("..." in line and _PAGE_FOOTER.match(line.strip()))]
    if "riteria" in text or "RITERIA" in text:
        lines = [part for line in lines for part in _split_trailing_heading(line)]
    return lines


_TRAILING_HEADING = re.compile(
    r"(?P<item>.*\S[.;])\s+(?P<heading>(?:Exclusion|Inclusion|EXCLUSION|INCLUSION)\s+(?:Criteria|CRITERIA))\s*:?\s*"
)
""""- At least 4 weeks since other prior immunotherapy. Exclusion Criteria": the next section's heading run
onto the last item's line; left there, every exclusion after it is read as a requirement."""


def _split_trailing_heading(line: str) -> list[str]:
    match = _TRAILING_HEADING.fullmatch(line) if "riteria" in line or "RITERIA" in line else None
    if match is None:
        return [line]
    return [match.group("item"), "", match.group("heading") + ":"]


def _may_head(low: str) -> bool:
    """Every section or PDQ heading has one of these words: other lines skip the heading parsers."""
    return (
        "clusion" in low
        or "eligib" in low
        or "entry" in low
        or "characteristics" in low
        or "current the" in low
    )


def _is_placeholder(lines: list[str]) -> bool:
    if sum(map(len, lines)) > 200:
        return False
    words = " ".join(" ".join(lines).split()).lower().rstrip(".").strip('"')
    return len(words) < 80 and words.replace('"', "") in _PLACEHOLDERS


def _hard_wrapped(lines: list[str]) -> bool:
    """Legacy CT.gov XML wraps at ~90 columns: there, a line break inside a paragraph is not an item break.

    Recognised by every line being short while the lines that run on into the next are nearly full
    (judged on the first 24 such lines).
    """
    if max(map(len, lines)) > 100:
        return False
    followed = full = 0
    for line, following in pairwise(lines):
        if line and following and not line.isspace() and not following.isspace():
            followed += 1
            full += len(line.strip()) >= 52
            if followed == 24:
                break
    return followed > 0 and full >= 0.8 * followed


def _parse(line: str, stripped: str) -> tuple[int, str | None, str, str]:
    """(indent, marker, delimiter, text) of one line; see ``_Unit.marker``."""
    first, second = stripped[0], stripped[1:2]
    if first.isalpha() and second.isalpha() and second.islower() and first not in "ivxo":
        return len(line) - len(stripped), None, "", stripped  # a word: no bullet or label can start here
    match = _LINE.match(line)
    assert match is not None  # the pattern accepts any line
    indent, bullet, number, bullet_delim, label, tight, text = match.group(
        "indent", "bullet", "bnum", "bdelim", "label", "tight", "text"
    )
    if bullet is not None:
        return len(indent), number or "", bullet_delim or "", text
    label = label or tight
    if label is None:
        return len(indent), None, "", text
    delim = label[-1] if label[-1] in ".):" else ""
    return len(indent), label.strip("().:\\"), delim, text


def _units(lines: list[str]) -> list[_Unit]:
    """Join wrapped lines into units; which line breaks are item breaks depends on the registry's shape.

    In hard-wrapped text a line inside a paragraph may begin with any word ("... in all eyes meeting" /
    "eligibility criteria"), so only a bullet can start something new there.
    """
    wrapped = _hard_wrapped(lines)
    units: list[_Unit] = []
    texts: list[list[str]] = []
    after_blank = True
    for raw in lines:
        stripped = raw.strip()
        if not stripped:
            after_blank = True
            continue
        if wrapped and units and not after_blank and stripped[0] not in _BULLETS:
            texts[-1].append(stripped)
            continue
        parsed = heading = pdq = None
        if _may_head(stripped[:100].lower()):
            heading = _section_heading(stripped)
            pdq = _pdq_heading(stripped) if heading is None else None
        if units and not after_blank and heading is None and pdq is None:
            last, pieces = units[-1], texts[-1]
            if wrapped:
                parsed = _parse(raw, stripped)
                joins = parsed[1] is None or parsed[0] > last.indent
            elif last.heading is not None or last.pdq is not None:
                joins = bool(pieces[-1])  # a heading with inline text runs on; a bare heading does not
            elif not pieces[-1]:
                parsed = _parse(raw, stripped)
                joins = parsed[1] is None  # a lone "-" or "1." carries its text on the next line
            elif last.marker is None and pieces[-1].endswith(":"):
                joins = False
            else:
                parsed = _parse(raw, stripped)
                joins = parsed[1] is None and (last.marker is not None or parsed[0] > last.indent)
            if joins:
                if pieces[-1]:
                    pieces.append(stripped)
                else:
                    pieces[-1] = stripped
                continue
        after_blank = False
        if heading is not None or pdq is not None:
            units.append(_Unit(len(raw) - len(raw.lstrip()), None, "", "", heading, pdq))
            texts.append([heading.rest if heading is not None else pdq.group("rest") if pdq else ""])
            continue
        indent, marker, delim, text = parsed or _parse(raw, stripped)
        text = text.strip() if marker is not None else stripped
        units.append(_Unit(indent, marker, delim, text))
        texts.append([text])
    for unit, pieces in zip(units, texts, strict=True):
        if len(pieces) > 1 or pieces[0] is not unit.text:
            unit.text = " ".join(filter(None, pieces))
    return _join_broken_items(units)


_DANGLING = word_set(
    "by of the a an to with for in at from than as that which who whose is are be been will must "
    "including such per on into within without under between via"
)


_CONNECTORS = frozenset({"or", "and", "and/or", "or:", "and:"})


def _join_broken_items(units: list[_Unit]) -> list[_Unit]:
    """An item cut mid-sentence onto a new bullet ("screened by" / "- a urine pregnancy test") is one item.

    So is a lone "OR" between two items: it belongs to the item before it ("... by echocardiogram OR").
    """
    kept: list[_Unit] = []
    for unit in units:
        last = kept[-1] if kept else None
        if (
            last is not None
            and last.text
            and last.heading is None
            and len(unit.text) <= 7
            and unit.text.lower() in _CONNECTORS
            and unit.indent >= last.indent - 4
        ):
            last.text = f"{last.text} {unit.text}"
            continue
        if (
            last is not None
            and unit.text[:1].islower()
            and unit.indent >= last.indent
            and not unit.marker  # "" bullet or plain paragraph, never a numbered item
            and last.text.rsplit(" ", 1)[-1].lower() in _DANGLING
            and last.heading is None
            and last.pdq is None
        ):
            last.text = f"{last.text} {unit.text}"
            continue
        if (
            last is not None
            and not unit.marker
            and _MULTIPLIER_START.match(unit.text)
            and _NUMBER_END.search(last.text)
        ):
            last.text = f"{last.text} {unit.text}"
            continue
        kept.append(unit)
    return kept


_MULTIPLIER_START = re.compile(
    r"[×x*]\s*(?:uln|upper|the\s+upper|institutional|normal)|times\s", re.IGNORECASE
)
_NUMBER_END = re.compile(r"\d\s*$")
""""Total bilirubin ≤ 1.5 × ULN if no liver metastases or < 3" / "× ULN in the presence of documented
Gilbert's syndrome": a line that starts with the multiplier of the number ending the line before is its
continuation (read apart, the first reads "< 3" without a unit and fails the very patients the second
admits)."""


# ------------------------------------------------------------------------------------------ headings

_SECTION = re.compile(
    r"""^(?:(?:\d+(?:\.\d+)*|[A-Z]|[IVX]+)[.)]?\s+)?
    (?P<pre>(?:[\w'’/-]+\s+){0,8}?)
    (?:(?P<kind>inclusion|exclusion|non[- ]?inclusion|eligibility|ineligibility|(?:protocol\s+)?entry)
         (?:\s*/\s*(?P<both>exclusion))?(?:\s+and\s+(?P<and>exclusion|inclusion))?
         (?P<crit>\s+criteri(?:a|on|as))
      |criteria\s+for\s+(?P<kind2>inclusion|exclusion|eligibility|entry)(?P<crit2>)
      |(?P<kind3>inclusion|exclusion)s?)
    \s*(?P<qual>(?:\([^)]{0,60}\)(?:\s*[-–]\s*[^:()]{1,30})?|(?:[-–]|for\s|in\s|include|are\s|were\s|is\s|as\s)[^:]{0,60})?)
    \s*(?P<colon>[:：.]?)\s*(?P<rest>.*)$""",
    re.IGNORECASE | re.VERBOSE,
)
_TITLED = re.compile(r"(?:[A-Z][\w'’/-]*)(?:\s+[A-Z][\w'’/-]*){0,2}")
""""Disease Related" after "Exclusion Criteria" on a line of its own: capitalised words naming a group."""
_QUANTIFIED = re.compile(r"^\([^)]*\)\s*[-–]\s*")
_SECTION_PREFIXES = word_set(
    "key main major general specific additional other study patient patients participant participants "
    "subject subjects donor recipient principal primary secondary angiographic clinical"
)
_FOR = re.compile(r"^(?:for|in)\s+", re.IGNORECASE)
_VERBAL_QUALIFIER = re.compile(r"^(?:are|were|is|as|include[sd]?|consists?)\b", re.IGNORECASE)


_PDQ_NAMES = (
    r"DISEASE\s+CHARACTERISTICS|PATIENT\s+CHARACTERISTICS|POPULATION\s+CHARACTERISTICS"
    r"|PRIOR\s*/?\s*CONCURRENT\s+THERAPY|PRIOR\s*/\s*CURRENT\s+THERAPY"
)
_PDQ = re.compile(rf"^(?:--\s*)?(?P<name>{_PDQ_NAMES})\s*(?:--|:)\s*(?P<rest>.*)$", re.IGNORECASE)
_PDQ_HINTS = ("CHARACTERISTICS", "Characteristics", "CURRENT THERAPY", "urrent Therapy", "urrent therapy")
_IS_PDQ = re.compile(rf"(?:{_PDQ_NAMES})\s*(?::|--)", re.IGNORECASE)

_PDQ_LABELS = (
    "Hormone receptor status",
    "Menopausal status",
    "Performance status",
    "Life expectancy",
    "Biologic therapy",
    "Endocrine therapy",
    "Hormonal therapy",
    "Radiation therapy",
    "Hematopoietic",
    "Hematologic",
    "Hepatic",
    "Renal",
    "Cardiovascular",
    "Cardiac",
    "Pulmonary",
    "Neurologic",
    "Neurological",
    "Gastrointestinal",
    "Immunologic",
    "Metabolic",
    "Endocrine",
    "Biologic",
    "Chemotherapy",
    "Radiotherapy",
    "Surgery",
    "Other",
    "Age",
    "Sex",
)
"""The sub-headings of NCI/PDQ records, longest first so "Endocrine therapy" wins over "Endocrine"."""

_PDQ_LABEL_NAMES = frozenset(name.lower() for name in _PDQ_LABELS)


def _by_last_word(names: frozenset[str]) -> dict[str, tuple[str, ...]]:
    """Sub-heading names by their last word, longest first ("endocrine therapy" before "therapy")."""
    found: dict[str, list[str]] = {}
    for name in names:
        found.setdefault(name.rsplit(" ", 1)[-1], []).append(name)
    return {last: tuple(sorted(group, key=len, reverse=True)) for last, group in found.items()}


_LABELS_BY_LAST_WORD = _by_last_word(_PDQ_LABEL_NAMES)
_FLAT_MAIN = re.compile(
    rf"--\s*(?P<m1>(?i:disease characteristics|patient characteristics|prior/concurrent therapy"
    rf"|population characteristics))\s*--"
    rf"|(?<![\w/])(?P<m2>{_PDQ_NAMES})\s*:"
)


def _flat_heads(text: str) -> list[tuple[int, int, str | None, str | None]]:
    """(start, end, main heading, sub-heading) of every PDQ heading printed inline in ``text``.

    Sub-headings are found from the colons (a regex alternation of 28 names at every position is slow).
    """
    heads: list[tuple[int, int, str | None, str | None]] = []
    if "CHARACTERISTICS" in text or "THERAPY" in text or "--" in text:
        heads = [
            (match.start(), match.end(), match.group("m1") or match.group("m2"), None)
            for match in _FLAT_MAIN.finditer(text)
        ]
    colon = text.find(":")
    while colon > 0:
        space = text.rfind(" ", 0, colon)
        for name in _LABELS_BY_LAST_WORD.get(text[space + 1 : colon].lower(), ()):
            start = colon - len(name)
            if (
                start >= 0
                and text[start].isupper()
                and text[start:colon].lower() == name
                and (start == 0 or text[start - 1] == " ")
                and (colon + 1 == len(text) or text[colon + 1] == " ")
            ):
                heads.append((start, colon + 1, None, text[start:colon]))
                break
        colon = text.find(":", colon + 1)
    heads.sort()
    return heads


_LEADING_LABEL = re.compile(
    "^(?P<label>" + "|".join(f"{name[0]}(?i:{re.escape(name[1:])})" for name in _PDQ_LABELS) + r"):\s"
)


@dataclass(frozen=True, slots=True)
class _SectionHeading:
    section: Section
    qualifier: str | None
    rest: str


def _section_heading(text: str) -> _SectionHeading | None:
    """ "Inclusion Criteria:", "Key exclusion criteria", "EXCLUSION CRITERIA", "Inclusion:", "Exclusion",
    "Criteria for inclusion", "Inclusion criteria were as follows:", "Inclusion criteria for donors:",
    "Erectile dysfunction cohort Inclusion Criteria:" (the cohort becomes context); not a sentence that
    merely starts with those words.
    """
    head = text[:96].lower()
    if not ("clusion" in head or "eligib" in head or "entry" in head):
        return None
    bare = text.strip().lstrip(_BULLETS).strip().strip("*_#").strip()
    match = _SECTION.match(bare)
    if match is None:
        return None
    kind = (match.group("kind") or match.group("kind2") or match.group("kind3") or "").lower()
    has_criteria = match.group("crit") is not None or match.group("crit2") is not None
    rest = match.group("rest").strip()
    colon = match.group("colon") in (":", "：")
    qualifier = match.group("qual").strip(" -–") or None
    pre = match.group("pre").strip()
    generic = all(word.lower() in _SECTION_PREFIXES for word in pre.split())
    if has_criteria and not colon and not qualifier and _TITLED.fullmatch(rest):
        qualifier, rest = rest, ""  # "Exclusion Criteria Disease Related", a heading line with its group
    if (rest or (qualifier and len(qualifier.split()) > 4 and qualifier[0] != "(")) and not colon:
        return None  # "Inclusion criteria for the extension are the same as ..." is a sentence
    if not has_criteria and (pre or qualifier or (rest and not colon) or "entry" in kind):
        return None  # a bare "Inclusion:" / "Exclusion" only
    if not generic:
        if not (colon and not rest and has_criteria):
            return None  # "No eligibility criteria", "... meet the inclusion criteria below"
        qualifier = _strip_colon(bare)  # "Healthy volunteer inclusion criteria", said in full
    exclusion = kind.startswith(("exclusion", "ineligib")) or "non" in kind
    if match.group("both") or match.group("and"):
        exclusion = False  # "Inclusion/Exclusion criteria:" opens a list that starts with requirements
    elif qualifier and _VERBAL_QUALIFIER.match(qualifier):
        qualifier = None
    elif qualifier:
        qualifier = _QUANTIFIED.sub("", qualifier)  # "(any of the following) - PATIENT"
        qualifier = _FOR.sub("", qualifier).strip("() ") or None  # "for healthy volunteers", "(OMON)"
    return _SectionHeading(Section.EXCLUSION if exclusion else Section.INCLUSION, qualifier, rest)


def _pdq_heading(text: str) -> re.Match[str] | None:
    """ "PATIENT CHARACTERISTICS:" / "--Prior/Concurrent Therapy--", possibly followed by its first items."""
    head = text[:40].upper()
    if "CHARACTERISTICS" not in head and "CURRENT THERAPY" not in head and "CURRENT  THERAPY" not in head:
        return None
    return _PDQ.match(text.strip().lstrip(_BULLETS).strip().strip("*_#").strip())


# ------------------------------------------------------------------------------------------- strata

_KIND = r"(?P<kind>strat(?:um|a)|cohorts?|arms?|parts?|groups?|phases?)"
_TAG = r"(?:[A-Z]\d?|\d{1,2}[a-z]?|[IVX]{1,4})"
_TAGS = rf"(?P<tags>{_TAG}(?:\s*(?:,\s*(?:and|or)\s+|,|/|&|\band\b|\bor\b)\s*{_TAG})*)"
_RESTRICTION = re.compile(
    rf"\(\s*(?P<only>only\s+)?(?P<for>(?:for|in)\s+)?(?:the\s+)?(?:patients\s+in\s+)?{_KIND}\s+{_TAGS}"
    rf"(?:\s+patients)?(?P<only2>\s+only)?\s*\)",
    re.IGNORECASE,
)
_HEADING_RESTRICTION = re.compile(
    rf"^(?P<only>only\s+)?(?P<for>(?:for|in)\s+)?(?:the\s+)?(?:patients\s+in\s+)?{_KIND}\s+{_TAGS}"
    rf"(?:\s+patients)?(?P<only2>\s+only)?$",
    re.IGNORECASE,
)
_TAG_SPLIT = re.compile(r"\s*(?:,\s*(?:and|or)\s+|,|/|&|\band\b|\bor\b)\s*", re.IGNORECASE)


def _tags(match: re.Match[str], heading: bool) -> str | None:
    """Normalised labels ("A, B, D") when the match is a restriction and not an incidental mention."""
    stratum = match.group("kind").lower().startswith("strat")
    explicit = match.group("only") or match.group("for") or match.group("only2")
    if not (stratum or explicit or heading):
        return None  # "(Group D)" alone may be a classification, "(only Group D)" is a restriction
    return ", ".join(tag for tag in _TAG_SPLIT.split(match.group("tags")) if tag)


def named_strata(text: str) -> frozenset[str]:
    """Every stratum an item restricts a part of itself to, where or however many: "... (Strata A, B, D) or
    who receives standard-of-care therapy (only for Stratum C)" keeps no stratum of its own, yet names C, a
    stratum no other item names; a trial whose strata were known only from the other items was closed once
    A, B and D were, with C still open."""
    if "(" not in text:
        return frozenset()
    return frozenset(
        tag
        for match in _RESTRICTION.finditer(text)
        if (tags := _tags(match, heading=False)) is not None
        for tag in tags.split(", ")
    )


def _names_a_group(text: str) -> bool:
    """A short item with no colon that may head the items indented under it ("For the fibromyalgia group",
    "Inclusion criteria Non stroke group."): its children belong to that group."""
    if len(text) > 60:
        return False
    low = text.lower()
    return "group" in low or "cohort" in low or "part " in low or "arm " in low or "phase " in low


def _item_stratum(text: str) -> str | None:
    """The strata a whole item is restricted to: one restriction, at the item's end.

    "Platelets ≥ 75.000/µl (for Stratum D: ≥ 100.000/µl)" is a variant, not a restriction, and
    "... (Strata A, B, D) or ... (only for Stratum C)" restricts two halves differently: both stay None.
    """
    if "(" not in text:
        return None
    if (subgroup := enrolment_subgroup(text)) is not None:
        return subgroup  # "(only for patient included before induction phase)"
    low = text.lower()
    if not any(kind in low for kind in ("strat", "cohort", "arm", "part", "group", "phase")):
        return None
    matches = list(_RESTRICTION.finditer(text))
    if len(matches) != 1:
        return None
    match = matches[0]
    if text[match.end() :].strip(" .;,") != "":
        return None
    return _tags(match, heading=False)


_LABELLED = re.compile(
    rf"(?P<for>for\s+)?(?:the\s+)?{_KIND}\s+{_TAGS}(?P<only>\s+only)?(?P<only2>)\s*:", re.IGNORECASE
)


def _labelled_stratum(text: str) -> str | None:
    """ "Phase 3: Presence of evaluable or measurable disease per RECIST", "Part B: ...": an item labelled
    with the part it is for. "Phase 2 and Phase 3: Prior systemic treatment ..." names every part: None."""
    match = _LABELLED.match(text)
    if match is None or about_other_people(text.lower()):
        return None  # "Cohorts 2 and 4: Matched Healthy Participants": see ``_heading_stratum``
    return _tags(match, heading=True)


def _heading_stratum(text: str) -> str | None:
    """Restriction carried by a heading: "Cohort A:", "Arm B patients:", "Laboratory values (Stratum D):",
    "Exclusion criteria specific to Cohort A2:", "Darolutamide monotherapy group:" (an arm named by its
    treatment: read for everyone, one arm's criterion would close the trial to patients another arm takes)."""
    bare = text.rstrip(": .").strip()
    low = bare.lower()
    if about_other_people(low):
        return None  # "For the Healthy Control group": a stratum every patient could stay eligible through
    if "criteria" in low or low.startswith("for ") or low.endswith(_GROUP_TAILS):
        bare = _GROUP_WORDING.sub("", bare).strip() or bare  # "Part 1 additional exclusion criteria"
    if ":" in bare:
        bare = bare.split(":", 1)[0].strip()  # "Group 1: Women with a history of postpartum depression"
    match = _HEADING_RESTRICTION.match(bare) or _SPECIFIC_TO.search(bare)
    if match is not None:
        return _tags(match, heading=True)
    named = _NAMED_ARM.fullmatch(bare)
    words = named.group("name").lower().split() if named is not None else []
    if named is not None and words[0] not in _NOT_ARM_NAMES and not _SENTENCE_WORDS & set(words):
        name = " ".join(named.group("name").replace("-", " ").split())  # "post- stroke", "post stroke"
        return f"{name} {named.group('kind2')}"
    return _item_stratum(bare) or study_stage(bare)


_GROUP_TAILS = (" participants", " patients", " subjects", " specific", " criteria")
_GROUP_WORDING = re.compile(
    r"^(?:(?:inclusion|exclusion|non[- ]inclusion)\s+criteria\s+(?=\S+\s+\S))?"
    r"(?:for\s+(?:the\s+)?(?=\S+\s+\S))?"
    r"|\s+(?:participants|patients|subjects)$"
    r"|\s+(?:additional\s+|specific\s+)?(?:inclusion|exclusion)\s+criteria$"
    r"|\s+specific$",
    re.IGNORECASE,
)
""""For the fibromyalgia group", "Inclusion criteria post stroke group", "reference group participants",
"Part 2 additional inclusion criteria", "Part B specific": the wording around a group's name."""
_SPECIFIC_TO = re.compile(
    rf"(?P<for>(?:specific\s+to|only\s+for|applicable\s+to|applies\s+to))\s+(?:the\s+)?{_KIND}\s+{_TAGS}"
    rf"(?P<only>)(?P<only2>\s+only)?$",
    re.IGNORECASE,
)
_NAMED_ARM = re.compile(
    r"(?P<name>[A-Za-z][\w'’+-]*(?:\s+[\w'’+-]+){0,5}?)\s+(?P<kind2>group|cohort|arm)"
    r"(?:\s+(?:inclusion|exclusion)\s+criteria)?",
    re.IGNORECASE,
)
_NOT_ARM_NAMES = word_set(
    "all both each every any other the this study treatment patient patients age target"
)
_SENTENCE_WORDS = word_set("following in with who which that are is must will should may of for to")


# -------------------------------------------------------------------------------- run-together PDQ text

_JOIN_WORDS = word_set(
    """a an the of or and and/or nor but by with without within to for from in on at as than per via vs vs.
    versus plus minus including include includes excluding except unless if when where whether because due
    according see other any all no not prior previous concurrent concomitant current recent active known
    either both each every its their his her who which that whose is are was were be been being has have
    had must should may can will would after before since until during following under over between among
    into onto upon against about like such i.e. e.g. i.e., e.g., etc using new same first second third"""
)
_PROPER = word_set(
    """Karnofsky Lansky Zubrod Hodgkin Hodgkin's Burkitt Burkitt's Gilbert Gilbert's Kaposi Kaposi's Wilms
    Wilms' Wilm's Ewing Ewing's Crohn Crohn's Down Down's Cushing Cushing's Addison's Graves' Hashimoto's
    Sjogren's Sjögren's Paget's Barrett's Bowen's Waldenstrom's Waldenström's Castleman Castleman's
    Langerhans Fanconi Fanconi's Gleason Breslow Clark Clark's Dukes Dukes' Tanner Child-Pugh Child Pugh
    Ann Arbor Bence Jones Epstein-Barr Epstein Guillain-Barre Guillain-Barré Stevens-Johnson
    Creutzfeldt-Jakob Wegener's Raynaud's Parkinson's Alzheimer's Huntington's Whipple Whipple's
    Cockcroft-Gault Cockcroft Gault Jehovah's Witness Witnesses Western Southern Northern Doppler Pap
    Papanicolaou Coombs Coombs' Foley Hickman Broviac Ommaya Mediport Swan-Ganz Holter Bruce Kernohan
    Shimada Lugano Cotswolds Rai Binet Durie-Salmon Salmon Durie New York Heart Association Pneumocystis
    Mycobacterium Candida Cryptococcus Toxoplasma Helicobacter Streptococcus Staphylococcus Escherichia
    Pseudomonas Aspergillus Clostridium Listeria Legionella Salmonella Histoplasma Coccidioides Plasmodium
    January February March April May June July August September October November December Medicare
    Medicaid English Spanish French American African Asian Hispanic Caucasian European Chinese Japanese
    Grade Stage Class Type Phase Version Criteria Note Note: Appendix Section Table Protocol Study"""
)
_STARTS = word_set(
    """No Not At Creatinine See Histologically Bilirubin Platelet Platelets Fertile Prior Negative
    Absolute Must Concurrent Measurable Hemoglobin Recovered Patients Patient Alkaline More Diagnosis
    Greater Hormone Acute Age Any Granulocyte If Tumor Female Male Chronic Anaplastic Bone Performance
    Refractory Bidimensionally Under Life Over Recurrent Evidence Adequate Ejection Primary Other
    Metastatic Normal Ineligible Failed Diffuse Hepatitis Serum Neutrophil Previously Progressive
    One History Relapsed Less Evaluable Albumin Multiple Eligible All Complete Cardiac Carcinoma Malignant
    Clinical Positive Newly Clinically Relapse Effective Able Calcium Brain Total Transaminases Ascites
    Squamous For Adequately Postmenopausal Premenopausal Peripheral Locally Presence Glomerular Low Blood
    Liver Large Failure Shortening Severe Resectable Mixed Small Stable Clear Confirmed Active Documented
    Cytologically Pathologically Biopsy Biopsy-proven Women Men Pregnant Nursing Willing Prothrombin
    Leukocyte Leukocytes Lymphocyte Lymphocytes Electrolytes Transaminase Hematocrit Urine Proteinuria
    Uncontrolled Significant Ongoing Inclusion Exclusion Informed Signed Written Life Expectancy"""
)
_END_WORDS = word_set("normal uln lln allowed required specified permitted negative positive disease present")
_PREDICATES = word_set("must at less greater more above below within normal ≥ ≤ < > =")
_NOT_STARTS = word_set(
    "I II III IV V VI VII VIII IX X OR AND NOT NOR TO AND/OR ULN LLN IU U EL U/L IU/L CHARACTERISTICS"
)
_TNM = re.compile(r"[TNMG][0-4Xx][a-d]?(?:-[0-4])?\)?")
_COMPARISONS = word_set("greater more less higher lower above below exceeding")
_TITLE = re.compile(r"[A-Z][a-z][a-zA-Z'’\-]*")
_ACRONYM = re.compile(r"[A-Z][A-Z0-9/\-]*[A-Z0-9]")
_SHORT_STARTS = frozenset({"No", "At", "If", "In", "On", "An", "As"})


def _starts_item(previous: str, token: str, text: str, end: int) -> bool:
    """Whether a capitalised word (``token``, ending at ``end`` in ``text``) begins a new requirement.

    Those records lost their line breaks ("... 1,500/mm3 Platelet count at least 100,000/mm3 Hepatic:"),
    so a capital after a lowercase word, a number or a unit is the break, unless grammar or a proper name
    ("by Western blot", "ECOG 0-2 OR Karnofsky 60-100%", "No Gilbert's disease", "T1 N0 M0") says otherwise.
    An abbreviation starts one after a measured value or before a comparison ("... mg/dL AST no greater").
    """
    word = token.rstrip(",;:.)")
    if previous.lower() in _JOIN_WORDS or word in _PROPER or previous in _PROPER:
        return False
    previous_capital = previous[0].isupper()
    if _TITLE.fullmatch(word):
        if len(word) < 3 and word not in _SHORT_STARTS:
            return False
        return word in _STARTS if previous_capital else True
    if (
        not _ACRONYM.fullmatch(word)
        or word in _NOT_STARTS
        or _TNM.fullmatch(word)
        or _TNM.fullmatch(previous)
    ):
        return False
    if previous_capital:
        return previous.lower() in _END_WORDS or (previous[-1].isdigit() and _ends_item(previous))
    if _ends_item(previous):
        return True
    following, position = _next_word(text, end + 1)
    lowered = following.lower()
    if lowered in _PREDICATES:
        return True
    return lowered in ("no", "not") and _next_word(text, position)[0].lower() in _COMPARISONS


def _ends_item(word: str) -> bool:
    """A measured value ("1,500/mm3", "2.0", "100,000", "60%", "mg/dL") or "normal"/"ULN" closes a lab line.

    A bare small count does not: "No more than 1 HLA-A mismatch".
    """
    if word.isdigit():
        return len(word) >= 3
    return (
        word[-1].isdigit()
        or word[-1] in "%)]"
        or word.lower() in _END_WORDS
        or ("/" in word and word[-1].isalpha() and word[0].islower())
    )


_CANDIDATE = re.compile(r"(?<![,;:(/\-–.&+=<>≤≥]) (?:([-–]) (?=[A-Z][a-z])|([A-Z][^ ]*))")
"""A capitalised word or a lone dash, not right after punctuation (which never ends a requirement)."""


def _next_word(text: str, start: int) -> tuple[str, int]:
    if start >= len(text):
        return "", start
    end = text.find(" ", start)
    return (text[start:], len(text)) if end < 0 else (text[start:end], end + 1)


def _split_run(text: str) -> list[str]:
    """Cut single-spaced run-together requirements where a word starts one (see ``_starts_item``).

    Never inside parentheses ("(initial WBC greater than 30,000/mm^3)"). An inline " - " before a
    capitalised word ("malignant glioma - Recurrent glioblastoma") is a lost bullet.
    """
    pieces: list[str] = []
    begin = scanned = depth = 0
    brackets = "(" in text
    for match in _CANDIDATE.finditer(text):
        space = match.start()
        if brackets:
            depth = max(0, depth + text.count("(", scanned, space) - text.count(")", scanned, space))
            scanned = space
            if depth:
                continue
        cut = text.rfind(" ", begin, space)
        previous = text[begin if cut < 0 else cut + 1 : space]
        if not previous:
            continue
        if match.group(1):
            if previous[-1].islower() or previous[-1] == ")":
                pieces.append(text[begin:space])
                begin = match.end()
            continue
        if _starts_item(previous, match.group(2), text, match.end()):
            pieces.append(text[begin:space])
            begin = space + 1
    pieces.append(text[begin:])
    return [piece for piece in pieces if piece]


# --------------------------------------------------------------------------------------------- builder


@dataclass(slots=True, eq=False)
class _Node:
    """An item before it becomes a Criterion: its section can still move and its children decide whether
    a lead-in ending with ":" is a criterion or only their context."""

    section: Section
    number: str | None
    text: str
    indent: int
    parent: _Node | None
    context: tuple[str, ...]
    stratum: str | None
    inherited: str | None
    """Restriction passed to children: the node's own or one it inherited."""
    children: int = 0
    top: bool = True


@dataclass(slots=True)
class _Label:
    """A heading printed on its own ("Hepatic:", "Concurrent Medication:"), context for what follows."""

    indent: int
    text: str
    stratum: str | None
    items: int = 0
    bullets: bool = False
    nested: bool = False
    printed: str = ""


@dataclass(slots=True)
class _Outer:
    """An item with headings printed inside it ("5. Patients must have one of the following:" / "Cohort A:"):
    the open items and lead-in to resume when the next item of its level ends those headings."""

    indent: int
    stack: list[_Node]
    scope: _Scope | None


@dataclass(slots=True)
class _Scope:
    """A lead-in ("Laboratory requirements:") whose sub-items are printed at its own level."""

    node: _Node
    lab: bool
    plain: bool
    last: _Node | None = None
    closed: bool = False
    flush: bool = False
    """Its sub-items were printed as paragraphs left of it (see ``_in_scope``)."""
    stated: int | None = None
    """How many items it says it heads ("the following 3 criteria:"), and how many it has taken."""
    taken: int = 0


def _descends(node: _Node, ancestor: _Node | None) -> bool:
    """Whether ``ancestor`` is None or one of ``node``'s ancestors (the lead-in is still open)."""
    if ancestor is None:
        return True
    parent = node.parent
    while parent is not None:
        if parent is ancestor:
            return True
        parent = parent.parent
    return False


def _lineage(node: _Node) -> list[_Node]:
    """The node and its ancestors, outermost first: the stack of open items while it is the last one."""
    lineage = [node]
    while lineage[-1].parent is not None:
        lineage.append(lineage[-1].parent)
    return lineage[::-1]


def _style(marker: str | None) -> str:
    """Numbering style of a label: a list nested in another changes style (1. -> a. / i. / -)."""
    if marker is None or marker == "":
        return "plain" if marker is None else "bullet"
    if marker.isdigit():
        return "digit"
    if marker.lower() in _ROMANS:
        return "roman" if marker.islower() else "ROMAN"
    if len(marker) == 1:
        return "alpha" if marker.islower() else "ALPHA"
    return "other"


_ROMANS = frozenset({"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"})
_FIRST_LABELS = frozenset({"", "1", "a", "A", "i", "I"})


def _in_scope(scope: _Scope, unit: _Unit) -> bool:
    """Whether a unit printed at (or left of) a lead-in's level is one of its sub-items.

    A list in another numbering style that starts right under a numbered lead-in is its sub-list even when
    the page lost the indentation ("2. Muscle biopsy abnormalities:" then "i. necrosis", "ii. ...").
    Otherwise: the first item, the bullets under a plain lead-in, lab lines under a lab heading, and items
    chained by ";" / ", or". A numbered or bulleted lead-in followed by paragraphs printed left of it ("-
    Contraindication to the use of the RobOtol®:" / "Patients wearing electronic devices ...") has them as
    its sub-items, up to the next numbered or bulleted item: read apart, the lead-in was a criterion of its
    own and the paragraphs lost what they list.
    """
    last = scope.last
    lead_style = _style(scope.node.number)
    unit_style = _style(unit.marker)
    if (
        scope.stated is not None
        and unit.indent >= scope.node.indent
        and unit_style == lead_style
        and (last is None or _style(last.number) == lead_style)
    ):
        return scope.taken < scope.stated  # "Meet at least 2 of the following 3 criteria:" heads three
    if scope.flush:
        return unit.marker is None
    if lead_style != "plain" and unit_style not in ("plain", lead_style):
        if last is None:
            return unit.marker in _FIRST_LABELS
        return _style(last.number) == unit_style
    if unit.indent < scope.node.indent:
        scope.flush = last is None and lead_style != "plain" and unit.marker is None
        return scope.flush
    return (
        last is None
        or (scope.plain and unit.marker is not None)
        or (scope.lab and _LAB_LINE.search(unit.text[:60]) is not None)
        or _SEPARATOR_END.search(last.text) is not None
    )


_LAB_HEADING = re.compile(
    r"laborator|ha?ematolog|hepatic|renal|organ|marrow|blood count|lab values|biochem|chemistr|coagulation",
    re.IGNORECASE,
)
_LAB_LINE = re.compile(
    r"\b(?:anc|neutrophils?|granulocytes?|leu[ck]ocytes?|wbc|white blood|lymphocytes?|platelets?|plt|"
    r"thrombocytes?|ha?emoglobin|hgb|hb|hematocrit|creatinine|crcl|e?gfr|clearance|bilirubin|ast|alt|"
    r"sgot|sgpt|transaminases?|aminotransferases?|alkaline phosphatase|alp|albumin|inr|a?ptt|prothrombin|"
    r"coagulation|serum chemistr\w*|electrolytes?|potassium|sodium|calcium|magnesium|phosphate|glucose|"
    r"ldh|lipase|amylase|urea|bun|proteinuria|urine protein|tsh|uric acid|cd4|absolute|liver function|"
    r"renal function|hepatic function|blood counts?)\b",
    re.IGNORECASE,
)
_SEPARATOR_END = re.compile(r"(?:[;,]|\b(?:or|and|and/or))$", re.IGNORECASE)
_RUN_ON = re.compile(r"(?<=\s)(\d{1,3})\\?([.)])\s+(?=[^\sa-z])")


def _strip_colon(text: str) -> str:
    return text.rstrip().rstrip(":：").rstrip()


class _Builder:
    """Walks the units once, keeping the headings and open lead-ins that give each item its place."""

    def __init__(self, pdq: bool, taken: list[frozenset[int]]) -> None:
        self.pdq = pdq
        self.taken = taken[0]
        """Item numbers printed on their own in the current section (see ``_numbers_per_section``)."""
        self.taken_after = iter(taken[1:])
        self.printed: set[int] = set()
        """Item numbers met so far in the current section: one met again starts a sub-list."""
        self.nodes: list[_Node] = []
        self.section = Section.INCLUSION
        self.group: _Label | None = None
        """Heading of a population whose own inclusion/exclusion lists follow ("Healthy volunteers:")."""
        self.qualifier: _Label | None = None
        """Qualifier printed in the section heading ("Inclusion criteria for healthy volunteers")."""
        self.main: str | None = None
        self.opened_at = 0
        """How many nodes there were when the current section opened."""
        self.labels: list[_Label] = []
        self.stack: list[_Node] = []
        self.scope: _Scope | None = None
        self.base: tuple[tuple[str, ...], str | None] | None = None
        self.outer: _Outer | None = None
        """The item the open headings are printed inside, if any."""

    # -- headings

    def open_section(self, heading: _SectionHeading, rest: str, indent: int) -> None:
        if self.qualifier is not None and len(self.nodes) == self.opened_at:
            # "Eligibility criteria for healthy volunteers:" then "Inclusion criteria": a population heading.
            self.group = self.qualifier
        elif self.labels and not any(label.items for label in self.labels):
            # "Pediatric patients with bipolar disorder:" then "INCLUSION CRITERIA:": a population heading.
            self.group = _Label(indent, ": ".join(label.text for label in self.labels), None)
            self.group.stratum = next((lb.stratum for lb in reversed(self.labels) if lb.stratum), None)
            self.labels.clear()
        self.section = heading.section
        qualifier = heading.qualifier
        self.qualifier = _Label(indent, qualifier, _heading_stratum(qualifier)) if qualifier else None
        self._reset()
        self.opened_at = len(self.nodes)
        if rest and _is_title(_Unit(indent, None, "", rest)):
            self.open_label(rest, indent)  # "INCLUSION CRITERIA: DDD Pacemaker Therapy" names a population
        elif rest:
            self.item(_Unit(indent, None, "", rest))

    def open_main(self, name: str) -> None:
        """PDQ headings list requirements, all read as inclusion (the engine reads "No prior ..." itself)."""
        self.section = Section.INCLUSION
        self.group = self.qualifier = None
        self._reset()
        self.main = " ".join(name.split()).upper()

    def open_label(self, text: str, indent: int, grouped: bool = False) -> None:
        """Headings nest while nothing is printed under them ("Concurrent Medication:" / "Allowed:").

        A heading after items replaces the last one; one that opens a new group of headings after items
        ("Genetic Relatives of Patients:" / "Genetic relatives must:") replaces the whole group; PDQ
        sub-headings ("Hepatic:", "Renal:") never nest.
        """
        name = _strip_colon(text)
        while self.labels and self.labels[-1].indent > indent:
            self._close(self.labels.pop())
        if grouped and self.labels and self.labels[-1].items:
            while self.labels and self.labels[-1].indent == indent:
                self._close(self.labels.pop())
        elif self.labels and self.labels[-1].indent == indent:
            top = self.labels[-1]
            if top.items or (top.text.lower() in _PDQ_LABEL_NAMES and name.lower() in _PDQ_LABEL_NAMES):
                self._close(self.labels.pop())
        if self.labels:
            self.labels[-1].nested = True
        stratum = None if name.lower() in _PDQ_LABEL_NAMES else _heading_stratum(text)
        self.labels.append(_Label(indent, name, stratum, printed=text))
        if self.outer is not None and indent <= self.outer.indent:
            self.outer = None
        elif self.outer is None and self.stack and self.stack[-1].indent < indent:
            self.outer = _Outer(self.stack[-1].indent, list(self.stack), self.scope)
        self.stack.clear()
        self.scope = None
        self.base = None

    def _close(self, label: _Label) -> None:
        """A heading nothing was printed under is text like any other: it stays, as an item.

        Empty PDQ sub-headings ("Cardiovascular:" followed by "Pulmonary:") state nothing and are left out.
        """
        self.base = None
        if label.items or label.nested or label.text.lower() in _PDQ_LABEL_NAMES:
            return
        self._add(_Unit(label.indent, None, "", label.printed), None, label.printed, None)
        self.stack.clear()
        self.scope = None

    def _reset(self) -> None:
        while self.labels:
            self._close(self.labels.pop())
        self.stack.clear()
        self.scope = None
        self.outer = None
        self.main = None
        self.base = None

    def finish(self) -> list[_Node]:
        self._reset()
        return self.nodes

    # -- items

    def _base(self) -> tuple[tuple[str, ...], str | None]:
        if self.base is None:
            parts: list[str] = []
            stratum: str | None = None
            for label in (self.group, self.qualifier):
                if label is not None:
                    parts.append(label.text)
                    stratum = label.stratum or stratum
            if self.main:
                parts.append(self.main)
            for label in self.labels:
                parts.append(label.text)
                stratum = label.stratum or stratum
            self.base = tuple(parts), stratum
        return self.base

    def item(self, unit: _Unit) -> None:
        outer = self.outer
        if outer is not None and unit.indent <= outer.indent:
            self._leave(outer, unit)
        parent = self._parent(unit)
        scope = self.scope
        if scope is not None and scope.flush and parent is scope.node:
            # Printed left of its lead-in, it is nested at the lead-in's level: the items printed there
            # after it are the lead-in's siblings, not its own sub-items.
            self.stack = _lineage(parent)
            unit = replace(unit, indent=parent.indent)
        elif unit.marker is None and self.labels and self.labels[-1].bullets:
            # A plain paragraph after the bullets of "Patients must have:" is no longer under it.
            self.labels.pop()
            self.base = None
        numbered = int(unit.marker) if unit.marker and unit.marker.isdigit() and unit.delim in ".)" else None
        if numbered is not None and numbered not in self.printed:
            # a number met again starts a sub-list whose lead-in may be lost ("2. ... and either" / "1. BRCA
            # cancer 2. HRR-aberrant cancer"): its run-on items stay whole rather than read as each required
            self.printed.add(numbered)
            for number, text in self._run_on(unit):
                self._add(unit, number, text, parent)
        else:
            self._add(unit, unit.marker, unit.text, parent)

    def _leave(self, outer: _Outer, unit: _Unit) -> None:
        """The next item of the level of an item with headings inside it: those headings end there.

        Read on, "Cohort B:" inside item 5 made items 6 to 12 (performance status, labs) apply to cohort B
        only. Headings nothing was printed under yet head the items of that level ("3. ..." / "Eosinophilic
        Patients only:" / "4. ...", "5. ..."): they stay open.
        """
        self.outer = None
        inner = [label for label in self.labels if label.indent > outer.indent]
        if unit.marker is None or not any(label.items for label in inner):
            return
        while self.labels and self.labels[-1].indent > outer.indent:
            self._close(self.labels.pop())
        self.base = None
        self.stack = outer.stack
        scope = outer.scope
        # a lead-in the headings filled is closed with them
        self.scope = None if scope is None or scope.node is outer.stack[-1] else scope

    def _parent(self, unit: _Unit) -> _Node | None:
        while self.stack and self.stack[-1].indent >= unit.indent:
            self.stack.pop()
        top = self.stack[-1] if self.stack else None
        scope = self.scope
        if scope is None or scope.closed or not _descends(scope.node, top):
            return top
        if _in_scope(scope, unit):
            return scope.node
        scope.closed = True
        return top

    def _run_on(self, unit: _Unit) -> Iterator[tuple[str | None, str]]:
        """Items printed on one line ("22. ... 23. Any previous ... 24. Past history") are separate items.

        Only numbers that continue the item's own sequence split, and only when the next number is not
        printed as an item of its own in the section, so "1) are stable ... 2) have no evidence" stays whole.
        """
        number = unit.marker
        expected = int(number or 0) + 1
        start = 0
        text = unit.text
        for match in _RUN_ON.finditer(text):
            if int(match.group(1)) != expected or match.group(2) != unit.delim or expected in self.taken:
                continue
            yield number, text[start : match.start()].strip()
            number, start = match.group(1), match.end()
            expected += 1
        yield number, text[start:].strip()

    def _add(self, unit: _Unit, number: str | None, text: str, parent: _Node | None) -> None:
        if not text:
            return
        if parent is not None:
            context = (*parent.context, _strip_colon(parent.text))
            inherited = parent.inherited
            parent.children += 1
        else:
            context, inherited = self.base or self._base()
            if self.main and (match := _LEADING_LABEL.match(text)) and context[-1:] != (match["label"],):
                context = (*context, match["label"])
        own = _item_stratum(text) if "(" in text else None
        if own is None and inherited is None and ":" in text[:24]:
            own = _labelled_stratum(text)
        lead_in = text[-1] in ":："
        node = _Node(
            self.section,
            number,
            text,
            unit.indent,
            parent,
            context,
            own or inherited,
            own or inherited or (_heading_stratum(text) if lead_in or _names_a_group(text) else None),
            0,
            parent is None,
        )
        self.nodes.append(node)
        self.stack.append(node)
        if self.labels:
            label = self.labels[-1]
            label.items += 1
            label.bullets = unit.marker is not None
        scope = self.scope
        if scope is not None and parent is scope.node:
            scope.last = node
            scope.taken += 1
        if lead_in:
            self.scope = _Scope(node, _LAB_HEADING.search(text) is not None, unit.marker is None)
            self.scope.stated = stated_item_count(text)

    def flat(self, unit: _Unit) -> None:
        """A PDQ paragraph: headings and sub-headings inline, requirements run together."""
        text = " ".join(unit.text.split())
        position = 0
        label: str | None = None
        for start, end, main, sub in _flat_heads(text):
            if start < position:
                continue  # a sub-heading inside a main heading's own words
            self._flat_items(text[position:start], label, unit.indent)
            if sub is not None:
                label = sub
                self.open_label(sub, unit.indent)
                position = start
            else:
                label = None
                self.open_main(main or "")
                position = end
        self._flat_items(text[position:], label, unit.indent)

    def _flat_items(self, segment: str, label: str | None, indent: int) -> None:
        """Requirements of one run-together segment; an inline label stays on the item it is printed with.

        They are never lead-ins: nothing is nested under a run-together requirement.
        """
        segment = segment.strip()
        if label is not None and segment == f"{label}:":
            return
        if not segment:
            return
        context, inherited = self._base()
        section = self.section
        nodes = [
            _Node(section, None, piece, indent, None, context, _item_stratum(piece) or inherited, None)
            for piece in _split_run(segment)
        ]
        self.nodes.extend(nodes)
        if self.labels:
            self.labels[-1].items += len(nodes)
            self.labels[-1].bullets = False
        self.stack.clear()
        self.scope = None

    # -- the walk

    def run(self, units: list[_Unit]) -> list[_Node]:
        for index, unit in enumerate(units):
            if unit.heading is not None:
                self.taken = next(self.taken_after)
                self.printed.clear()
                self.open_section(unit.heading, unit.text, unit.indent)
                continue
            if unit.pdq is not None:
                self.open_main(unit.pdq.group("name"))
                if unit.text:
                    self.flat(unit)
                continue
            following = units[index + 1] if index + 1 < len(units) else None
            if self._is_label(unit) or (
                following is not None
                and unit.marker is None
                and (
                    (_heads(unit) and (self._is_label(following) or following.heading is not None))
                    or (_is_title(unit) and _heads(following))
                )
            ):
                grouped = following is not None and (self._is_label(following) or _heads(following))
                self.open_label(unit.text, unit.indent, grouped)
            elif self.pdq and unit.marker is None and not _leads_a_list(unit, following):
                self.flat(unit)
            else:
                self.item(unit)
        return self.finish()

    def _is_label(self, unit: _Unit) -> bool:
        """A short plain line ending with ":" ("Hepatic:", "Concurrent Medication:") heads what follows.

        In PDQ records the sub-headings are also printed without the colon ("Performance status").
        """
        if unit.marker is not None or unit.heading is not None or unit.pdq is not None:
            return False
        text = unit.text
        if self.pdq and _strip_colon(text).lower() in _PDQ_LABEL_NAMES:
            return True
        if not text.endswith(":") or len(text) > 60:
            return False
        words = text[:-1].split()
        return 0 < len(words) <= 6 and ". " not in text


def _heads(unit: _Unit) -> bool:
    """A plain line ending with ":" opens a list (a label or a lead-in such as "Patients must have:")."""
    return unit.marker is None and unit.heading is None and unit.pdq is None and unit.text.endswith(":")


def _leads_a_list(unit: _Unit, following: _Unit | None) -> bool:
    """A PDQ line ending with ":" above bullets ("At least one of the following indications for treatment:"
    / "- Neutropenia (ANC <1000 cells/µL)") is their lead-in, not a run-together requirement: read apart,
    each option became a requirement. Not a line with run-together requirements before its lead-in: read as a
    lead-in, they would only be its items' heading."""
    return (
        following is not None
        and following.marker is not None
        and _heads(unit)
        and not _flat_heads(unit.text)
        and len(_split_run(unit.text)) == 1
    )


def _is_title(unit: _Unit) -> bool:
    """A bare title line ("Patients", "Healthy Volunteers") printed above a heading of its own group."""
    text = unit.text
    return (
        unit.marker is None
        and len(text) <= 40
        and text[:1].isupper()
        and len(text.split()) <= 4
        and not any(ch.isdigit() or ch in ".,;:()" for ch in text)
    )


# ------------------------------------------------------------------------------------ whole-list fixes


def _restore_carried_numbering(nodes: list[_Node]) -> None:
    """Items printed under "Exclusion Criteria" that carry on the inclusion numbering are inclusion.

    Some pages put the heading too early: inclusion 2, 3, then "Exclusion Criteria", then 6 ... 12 and a
    restart at 1. A numbered run that continues the inclusion list and is followed by a restart at 1
    belongs to the inclusion list; everything from the restart on is exclusion.
    """
    inclusion = [n for n in nodes if n.top and n.section is Section.INCLUSION and _numeric(n.number)]
    exclusion = [n for n in nodes if n.top and n.section is Section.EXCLUSION]
    if not inclusion or not exclusion or not _numeric(exclusion[0].number):
        return
    last_inclusion = int(inclusion[-1].number or 0)
    run: list[_Node] = []
    for node in exclusion:
        if not _numeric(node.number):
            return
        value = int(node.number or 0)
        if value == 1:
            break
        if run and value <= int(run[-1].number or 0):
            return
        run.append(node)
    else:
        return
    if not run or int(run[0].number or 0) <= last_inclusion:
        return
    moved = set(map(id, run))
    for node in nodes:
        ancestor: _Node | None = node
        while ancestor is not None and id(ancestor) not in moved:
            ancestor = ancestor.parent
        if ancestor is not None:
            node.section = Section.INCLUSION


def _numeric(number: str | None) -> bool:
    return number is not None and number.isdigit()


def _unescape(text: str) -> str:
    return _MD_ESCAPE.sub(r"\1", text) if "\\" in text else text


# ------------------------------------------------------------------------------------------------ api


_OPEN_ALTERNATIVE = re.compile(ALTERNATIVE_END, re.IGNORECASE)
_LEADING_ALTERNATIVE = re.compile(ALTERNATIVE_START, re.IGNORECASE)


def _join_alternatives(nodes: list[_Node]) -> list[_Node]:
    """Inclusion items printed as "Creatinine ≤ 1.5 mg/dL OR" / "Creatinine clearance ≥ 60 mL/min" are one
    criterion: read apart, the second would fail every patient who meets the first. Exclusion items stay
    apart, since any one of them excludes on its own either way."""
    kept: list[_Node] = []
    for node in nodes:
        last = kept[-1] if kept else None
        if (
            last is not None
            and node.section is Section.INCLUSION
            and last.section is Section.INCLUSION
            and node.parent is last.parent
            and node.context == last.context
            and node.stratum == last.stratum
            and not last.children
            and not node.children
            and (_OPEN_ALTERNATIVE.search(last.text) or _LEADING_ALTERNATIVE.match(node.text))
        ):
            last.text = f"{last.text} {node.text}"
            continue
        kept.append(node)
    return kept


_WIDENING_NOTE = re.compile(
    r"(?<![a-z])(?:may\s+(?:also\s+)?be\s+(?:enrolled|included|eligible|allowed|permitted)|(?:is|are)\s+"
    r"(?:also\s+)?(?:eligible|allowed|permitted|acceptable)|allowed|permitted|unless|except"
    r"|(?:for|in)\s+(?:patients|subjects|participants)\s+with)(?![a-z])",
    re.IGNORECASE,
)


_BARE_BOUND = re.compile(
    r"\s*(?:(?:no|not)\s+(?:greater|more|higher|less|lower)\s+than|(?:greater|more|higher|less|lower)\s+than"
    r"|up\s+to|at\s+(?:least|most)|[<>≤≥]=?)\s*\d[^;]*?(?<![a-z])(?:if|when|for|in\s+(?:the\s+)?presence)(?![a-z])",
    re.IGNORECASE,
)
""""SGOT no greater than 3 times normal" / "No greater than 5 times normal if liver metastases present": a
sub-item that is only another bound, under a condition, is the item's analyte's limit for those patients."""


def _join_widening_notes(nodes: list[_Node]) -> list[_Node]:
    """A sub-item that relaxes the threshold of the item above it ("Total bilirubin ≤ 1.5 x ULN" / "However,
    patients with known Gilbert disease who have serum bilirubin up to 3 mg/dl may be enrolled") is part of
    that item: read apart, the item fails the very patients its note admits. Only a note on an analyte the
    item itself bounds, or one admitting anticoagulated patients under clotting-time limits, is joined, as the
    sentence after it (the bullet ended one); other sub-items keep the item as their context, as do the items
    under a lead-in ("The following only need to be assessed if the mean QTc > 480 msec").

    So is a sub-item or next sibling item admitting a narrower form of a finding the item rules out ("No CNS
    metastases" / "Brain metastases previously treated with radiotherapy allowed if ..."), for the same reason
    (see ``finding_permission_note``)."""
    kept: list[_Node] = []
    for node in nodes:
        parent = node.parent
        last = kept[-1] if kept else None
        if (
            parent is not None
            and parent in kept
            and node.section is parent.section
            and not parent.text.endswith((":", "："))
            and (
                (
                    _WIDENING_NOTE.search(node.text)
                    and "following" not in parent.text
                    and _widens(node.text, named_analytes(parent.text))
                )
                or (_BARE_BOUND.match(node.text) and named_analytes(parent.text))
                or permits_narrower(parent.text, node.text, node.section)
            )
        ):
            _append(parent, node)
            continue
        if last is not None and _sibling_permission(last, node):
            _append(last, node)
            continue
        kept.append(node)
    return kept


def _append(item: _Node, note: _Node) -> None:
    head = item.text.rstrip()
    item.text = f"{head}{'' if head.endswith(('.', ';')) else '.'} {note.text.lstrip()}"


def _sibling_permission(item: _Node, note: _Node) -> bool:
    """Whether ``note`` is the next item beside ``item`` (same section, parent, heading and stratum, neither
    with sub-items) and admits a narrower form of the finding it rules out."""
    return (
        note.section is item.section
        and note.parent is item.parent
        and note.context == item.context
        and note.stratum == item.stratum
        and not item.children
        and not note.children
        and not item.text.endswith((":", "："))
        and permits_narrower(item.text, note.text, note.section)
    )


_COMPLETION = re.compile(
    r"\s*(?:[<>≤≥]|(?:greater|more|higher|less|lower)\s+than|at\s+(?:least|most)|(?:no|not)\s+(?:greater|more"
    r"|higher|less|lower)\s+than)",
    re.IGNORECASE,
)


def _join_completions(nodes: list[_Node]) -> list[_Node]:
    """A lead-in naming analytes whose only sub-item is the bound it lacks ("Hepatic function: serum
    transaminases (either ALT or AST) or bilirubin:" / "≥ Grade 2, unless bilirubin is due to Gilbert's
    disease") is one sentence: read apart, the bound had no analyte and the lead-in no bound."""
    kept: list[_Node] = []
    for node in nodes:
        parent = node.parent
        if (
            parent is not None
            and parent.children == 1
            and parent.text.endswith((":", "："))
            and node.section is parent.section
            and not node.children
            and _COMPLETION.match(node.text)
            and parent in kept
            and named_analytes(parent.text)
        ):
            parent.text = f"{parent.text} {node.text.lstrip()}"
            parent.children = 0
            continue
        kept.append(node)
    return kept


def _widens(note: str, bounded: frozenset[str]) -> bool:
    """Whether a widening note is about the item's limits: it names one of its analytes, or it admits
    anticoagulated patients under clotting-time limits ("INR ≤ 1.5 and aPTT within normal limits" /
    "Anticoagulation therapy (e.g., warfarin or heparin) allowed")."""
    if named_analytes(note) & bounded:
        return True
    return bool(bounded & CLOTTING) and about_anticoagulated(Segment.of(note))


_GLUED_ALTERNATIVES = re.compile(
    r"(?P<head>.*?(?<![a-z])(?:with|meeting|having|has|have)\s+(?:at\s+least\s+)?(?:one|1|any)\s+"
    r"(?:or\s+more\s+)?of\s+the\s+following(?:\s+[a-z-]+){0,3})\s*:\s*(?P<rest>[^,;:]+?)\s*",
    re.IGNORECASE,
)
""""AML, ALL or MDS with at least one of the following high risk criteria: T-cell depleted stem cells": a
lead-in run together with its first alternative, the others printed as the items after it."""
_GLUED_NOTE = re.compile(
    r"(?P<head>(?:laboratory|lab)\s+(?:tests?|values?|results?|parameters?)|laboratory)\s*:\s*"
    r"\((?P<note>[^()]+)\)\s*\.?",
    re.IGNORECASE,
)
""""Laboratory test: (Abnormalities are allowed if due to organ involvement by lymphoma)." printed as an item:
a heading over the lab items after it, with the note that widens them."""


_OWN_REQUIREMENT = re.compile(
    r"^\W*(?:no|not|none|must|patients?|participants?|subjects?|prior|previously|history)(?![a-z])"
    r"|(?<![a-z])(?:must|required|requires?|allowed|permitted|eligible|ineligible|excluded?|excludes|defined)"
    r"(?![a-z])|\d",
    re.IGNORECASE,
)
"""An item that states its own requirement, note or number ("No stage III or IV melanoma", "PSA must be
greater than 8 if ..."): where a flattened list printed no end, the list of alternatives ends before it."""


@dataclass(slots=True)
class _GluedHead:
    node: _Node
    context: tuple[str, ...]
    label: str
    note: str | None
    """The note a "Laboratory test: (...)" item carries, added to each lab item after it."""


def _glued_headings(nodes: list[_Node]) -> list[_Node]:
    """A lead-in printed as an item, or run into one, heads the sibling items after it (same section, parent
    and context): read apart, each alternative became a requirement, and the lab items lost the abnormal
    values a note allows. The alternatives get the lead-in as context, up to an item stating its own
    requirement; each lab item gets the note in brackets, and the note alone is no criterion."""
    kept: list[_Node] = []
    head: _GluedHead | None = None
    for node in nodes:
        glued = (
            _GLUED_ALTERNATIVES.fullmatch(node.text)
            if not node.children and "follow" in node.text.lower()  # the cheap test: "... of the following"
            else None
        )
        note = None if node.children or glued else _GLUED_NOTE.fullmatch(node.text)
        if glued:
            head = _GluedHead(node, node.context, glued["head"], None)
            node.context = (*node.context, glued["head"])
            node.text = glued["rest"]
        elif note:
            head = _GluedHead(node, node.context, note["head"], note["note"].strip())
            continue
        elif head is not None and _under_glued(node, head):
            if head.note is None:
                node.context = (*node.context, head.label)
            elif named_analytes(node.text):
                node.text = f"{node.text.rstrip().rstrip('.')} ({head.note})."
        else:
            head = None
        kept.append(node)
    return kept


def _under_glued(node: _Node, head: _GluedHead) -> bool:
    return (
        (head.note is not None or not _OWN_REQUIREMENT.search(node.text))
        and node.section is head.node.section
        and node.parent is head.node.parent
        and node.context == head.context
        and not node.children
        and not node.text.endswith((":", "："))
    )


def split_criteria(text: str | None) -> list[Criterion]:
    """The eligibility block as criteria, in printed order; [] when there is no block or it says "none"."""
    if text is None or not text.strip():
        return []
    lines = _prepare(text)
    if not lines or _is_placeholder(lines):
        return []
    units = _units(lines)
    taken = _numbers_per_section(units)
    pdq = any(word in text for word in _PDQ_HINTS) and _IS_PDQ.search(text) is not None
    nodes = _Builder(pdq=pdq, taken=taken).run(units)
    _restore_carried_numbering(nodes)
    nodes = _glued_headings(_join_completions(_join_widening_notes(_join_alternatives(nodes))))
    assign_group_strata(nodes)
    return [
        Criterion(
            section=node.section,
            number=node.number or None,
            text=_unescape(node.text),
            stratum=node.stratum,
            context=_unescape(": ".join(node.context)) or None,
        )
        for node in nodes
        if not (node.children and (node.text.endswith((":", "：")) or _heads_a_groups_exclusions(node)))
    ]


def _numbers_per_section(units: list[_Unit]) -> list[frozenset[int]]:
    """The item numbers printed on their own before the first section heading and under each one.

    Each section numbers its items afresh, so an exclusion's own "3." does not keep an inclusion's run-on
    "2. Body mass index ≥19 kg/m2 at screening. 3. Subject must have gout ..." whole (see ``_run_on``).
    """
    sections: list[set[int]] = [set()]
    for unit in units:
        if unit.heading is not None:
            sections.append(set())
        elif unit.marker and unit.marker.isdigit():
            sections[-1].add(int(unit.marker))
    return [frozenset(numbers) for numbers in sections]


def _heads_a_groups_exclusions(node: _Node) -> bool:
    """ "Cohorts 1 and 3: Participants with Severe or Moderate Renal Impairment" over the exclusions of those
    cohorts names whom they exclude from, and read as an exclusion it would exclude the cohorts' own patients:
    like a lead-in, it is its items' context."""
    return (
        node.section is Section.EXCLUSION
        and node.stratum is not None
        and node.stratum == _labelled_stratum(node.text)
    )
