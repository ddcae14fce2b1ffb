"""Headings inside an organ-function list, as registries translated from Chinese print them: "blood
routine check all meet the following criteria: A. Hb ≥ 90 g/L; ...", "b) Biochemical examination: ALT ...",
"c) Doppler ultrasound evaluation: LVEF ≥ 50 %", "The function of major organs is normal, the following
standards are met: ...".

A heading names the group of tests the thresholds after it belong to, and nothing the thresholds do not
say: the lab reader claims it. Only headings made of words that name a test group (and, before "meet the
following criteria", words saying the organs are normal, which the thresholds then define); one with any
other word, or a number, stays in the sentence and sends it to review.
"""

from __future__ import annotations

import re

from trialmatch.domain.criteria.reading.text import FILLER, Segment, Span, word_set

_GROUP_WORDS = word_set(
    """
    biochemical biochemistry biochemistries examination examinations exam exams inspection inspections check
    checks routine doppler ultrasound color colour echocardiography cardiac cardiovascular evaluation
    assessment indicators indices index coagulation hematology haematology hematological haematological
    hemogram haemogram major vital main relevant heart lung pulmonary thyroid electrolytes meet meets met
    """
)
_GROUP_NOUNS = word_set(
    """
    examination examinations exam exams inspection inspections check checks routine evaluation assessment
    biochemistry biochemical function functions indicators indices
    """
)
_NORMAL_WORDS = word_set("normal normally properly adequate good well work works working")
""""The main organs function properly, the following criteria are met": the organs are as the list says."""

_FOLLOWING = re.compile(
    r"(?:(?:all\s+)?(?:must\s+|should\s+|shall\s+|can\s+)?(?:meets?|met|fulfils?|fulfills?)\s+(?:all\s+)?(?:of\s+)?"
    r"the\s+following\s+(?:criteria|standards|requirements|conditions)(?:\s+are\s+met)?"
    r"|,?\s*the\s+following\s+(?:criteria|standards|requirements)\s+(?:are|is)\s+met"
    r"|(?:were|are|is)\s+consistent\s+with\s+the\s+following\s+conditions)\s*:?"
)
_MINIMUM = re.compile(
    r"(?<=following\s)minimum(?=\s+(?:labs?|laborator(?:y|ies)|values|requirements|criteria)(?![a-z]))"
)
""""Patient must have the following minimum labs: ANC > 1200/mm3; ...": the limits that follow are the
minimum; the word is no comparator of its own."""
_PURPOSE = re.compile(
    r"(?<![a-z])(?:function|functions|reserve)\s+(?P<purpose>for\s+(?:the\s+)?(?:planned\s+|study\s+)?"
    r"(?:lymphodeplet(?:ion|ing)\s+|conditioning\s+)?(?:chemotherapy|treatment|therapy))\s*(?=:)"
)
""""Adequate marrow function for lymphodepletion chemotherapy: ANC ≥ 1 x 10^9/L, ...": what the function must
be adequate for, ending the heading; the thresholds after the colon say what the trial takes as adequate."""
_BOUNDARY = re.compile(r"[;:.)\]①-⑩]")
_NOTE_BEFORE = re.compile(r"\s*(?:\([^()\[\]]*\)|\[[^()\[\]]*\])\s*$")
""""Blood routine [no blood transfusion or G-CSF within 14 days]: ANC ≥ ...": a bracket between the heading
and its colon is a note of its own (on support, read by ``lab_support``), left to be read or refused."""
_LIST_MARK = re.compile(r"(?<![\w)\]])[(\[]?\s*(?:\d{1,2}|[a-h])\s*[).\]]\s*$")
""""...;(2)Biochemical examinations must meet the following criteria:": the mark numbering the heading in its
list, which the boundary before the label leaves out."""
_GRADE_HEADING = re.compile(
    r",?\s*(?:with|at)\s+(?:(?:nci[\s-]*)?ctcae\s+(?:v(?:ersion)?\s*\d(?:\.\d)?\s+)?)?grade\s*"
    r"(?:≤\s*1|<=\s*1|<\s*2|0\s*(?:-|–|to|or)\s*1)(?![\d.])"
    r"(?:\s*\(\s*based\s+on\s+(?:the\s+)?normal\s+(?:values|ranges?|limits)\s+(?:of|at|in)\s+(?:each|the)\s+"
    r"(?:site's\s+|local\s+|institutional\s+)?(?:laboratory|lab|site)\s*\))?\s*(?=:)"
)
""""Baseline routine blood tests ... is normal, with CTCAE grade ≤1 (based on normal values at each site's
laboratory): a) ANC ≥ 1.5 × 10⁹/L; b) ...": a heading over the list, saying the values are near normal, which
the thresholds after it then define (as "is normal" before a list does); the grade is claimed only where it
ends a heading, so a grade bounding one analyte ("bilirubin ≤ grade 1") stays a threshold."""


def heading_spans(segment: Segment) -> list[Span]:
    """Headings of test groups in the segment ("Biochemical examination:", "blood routine check all meet the
    following criteria:")."""
    norm = segment.norm
    window = norm[segment.start : segment.end]
    found: list[Span] = []
    if "following" in window:
        for match in _FOLLOWING.finditer(norm, segment.start, segment.end):
            start = _label_start(segment, match.start())
            if _names_a_group(norm[start : match.start()], _NORMAL_WORDS, nouns=False):
                found.append((_numbered(segment, start), match.end()))
            else:  # the words before it stay to be read ("Patients with liver metastases must meet ...")
                found.append(match.span())
        found.extend(m.span() for m in _MINIMUM.finditer(norm, segment.start, segment.end))
    if ":" in window and "for" in window:
        found.extend(m.span("purpose") for m in _PURPOSE.finditer(norm, segment.start, segment.end))
    if ":" in window and "grade" in window:
        found.extend(m.span() for m in _GRADE_HEADING.finditer(norm, segment.start, segment.end))
    if ":" in window:
        for colon in (m.start() for m in re.finditer(":", window)):
            end = segment.start + colon
            note = _NOTE_BEFORE.search(norm, segment.start, end)
            label_end = note.start() if note else end
            start = _label_start(segment, label_end)
            if _names_a_group(norm[start:label_end], frozenset(), nouns=True):
                found.append((_numbered(segment, start), label_end))
                found.append((note.end() if note else end, end + 1))
    return found


def _label_start(segment: Segment, end: int) -> int:
    """Where the heading ending at ``end`` starts: after the last list mark or punctuation before it."""
    start = segment.start
    for mark in _BOUNDARY.finditer(segment.norm, segment.start, end):
        start = mark.end()
    return start


def _numbered(segment: Segment, start: int) -> int:
    """Where the heading starting at ``start`` starts with the list mark before it."""
    mark = _LIST_MARK.search(segment.norm, max(segment.start, start - 6), start)
    return mark.start() if mark else start


def _names_a_group(label: str, extra: frozenset[str], nouns: bool) -> bool:
    if any(c.isdigit() for c in label):
        return False
    words = set(re.findall(r"[a-z]+", label))
    if not words <= _GROUP_WORDS | FILLER | extra:
        return False
    return bool(words & _GROUP_NOUNS) if nouns else True
