"""A waiver printed once at the end of a list of thresholds that it plainly covers beyond the last one.

"Total bilirubin > ULN, AST and ALT > 2.5 ULN (unless the participant has documented Gilbert's syndrome,
hepatocellular carcinoma, or hepatic metastases)": Gilbert's syndrome raises bilirubin only, so the waiver
is on the bilirubin limit too, not only on the transaminases it is printed after. "Serum creatinine > 2 mg%,
transaminases (ALT, AST) > 3 times upper normal value, direct bilirubin > 2 mg%, unless they result from tumor
involvement": "they" are all the values listed. Read on the last threshold alone, such a waiver fails the
very patients it names (a man with Gilbert's syndrome excluded on his bilirubin). "Uncontrolled hypertension
defined by SBP ≥ 160 mm Hg and/or DBP ≥ 100 mm Hg, unless controlled prior to first dose": "controlled" is
said of the blood pressure the list defines, systolic as much as diastolic.

The waiver is carried to an earlier threshold when it refers back to several values ("they", "these"), names
a condition known to raise that threshold's analyte, or says the values are brought under control and that
analyte is one a treatment controls (blood pressure, glycaemia). A waiver naming a condition that bears on no
earlier analyte ("ANC ≥ 1500, bilirubin ≤ 1.5 × ULN unless Gilbert's syndrome") stays where it is.

A waiver can also be printed outside the item: "Total Bilirubin ≤1.5 x ULN*", whose footnote ("*unless
considered due to leukemic organ involvement. NOTE: Subjects with Gilbert's Syndrome may have a total
bilirubin >1.5 x ULN") the registry glued to another item. The mark says the limits are qualified there:
they carry an unchecked waiver, so a patient past them is left to the clinician rather than failed.
"""

from __future__ import annotations

import functools
import re

from trialmatch.domain.criteria.lab import LabException, LabThreshold, ThresholdFields
from trialmatch.domain.criteria.logic import JOINING
from trialmatch.domain.criteria.reading.text import Segment, Span
from trialmatch.domain.criteria.registry import Rule
from trialmatch.domain.lexicon import find_concepts

_ANAPHORA = re.compile(
    r"(?<![a-z])(?:they|these|those|them|such\s+(?:abnormalities|elevations|values))(?![a-z])"
)
_WAIVING = re.compile(r"(?<![a-z])(?:unless|except|excluding)(?![a-z])")
_PRINTED = re.compile(r"[a-z0-9]")

RAISED_BY: dict[str, frozenset[str]] = {
    "gilbert_syndrome": frozenset({"bilirubin"}),
    "hemolytic_anemia": frozenset({"bilirubin"}),
    "liver_metastases": frozenset({"bilirubin", "ast", "alt", "alp", "ggt"}),
    "bone_metastases": frozenset({"alp"}),
    "bone_marrow_involvement": frozenset({"anc", "platelets", "hemoglobin", "wbc", "lymphocytes"}),
}
"""The analytes a finding is known to push past their limits, which a waiver naming it concerns."""
_CONTROLLED = re.compile(r"(?<![a-z])(?:controlled|under\s+control)(?![a-z])")
CONTROLLED_BY_TREATMENT = frozenset({"sbp", "dbp", "glucose", "fasting_glucose", "hba1c"})
"""The analytes a waiver "unless controlled" speaks of: the measures that define hypertension or diabetes."""


def covered_analytes(segment: Segment, start: int, end: int) -> frozenset[str] | None:
    """The earlier analytes a trailing waiver at ``start:end`` covers; None for every one ("unless they ...").

    Only a waiver without a threshold of its own that ends the item is considered; an empty set means it
    covers no earlier threshold.
    """
    norm = segment.norm
    if _PRINTED.search(norm, end, segment.end) or not _WAIVING.search(norm, start, end):
        return frozenset()
    if any(c.isdigit() for c in norm[start:end]):
        return frozenset()
    if _ANAPHORA.search(norm, start, end):
        return None
    raised: set[str] = set(CONTROLLED_BY_TREATMENT if _CONTROLLED.search(norm, start, end) else ())
    for _, _, concept in find_concepts(segment.printed[start:end]):
        raised |= RAISED_BY.get(concept.id, frozenset())
    return frozenset(raised)


_FIELDS = tuple(ThresholdFields.model_fields)
_DANGLING_MARK = re.compile(r"(?:\*\s*){1,3}[.;,]?\s*$")
FOOTNOTE_ELSEWHERE = "a footnote (*) printed outside this item qualifies the limit"


def footnote_elsewhere(segment: Segment) -> Span | None:
    """The footnote mark ending the item when its note is not in the item ("Total Bilirubin ≤1.5 x ULN*",
    "SGOT less than 60 IU/mL* *", the second of a trial's footnotes)."""
    printed = segment.printed
    mark = _DANGLING_MARK.search(printed) if printed.endswith(("*", " ", ".", ";", ",")) else None
    if mark is None or printed.count("*") != printed.count("*", mark.start()):
        return None
    return mark.span()


def with_waiver(
    rule: Rule,
    text: str,
    span: Span,
    analytes: frozenset[str] | None = None,
    concept: str | None = None,
    requirement: str | None = None,
) -> Rule | None:
    """``rule`` with a waiver ``text`` on each lab limit (of ``analytes`` only, when given): checked against
    ``concept`` when given, else left to the clinician; None when it has no such limit. ``requirement``: what
    the trial still asks of the patients with ``concept`` (see ``LabException``)."""
    if isinstance(rule, JOINING):
        children = [with_waiver(child, text, span, analytes, concept, requirement) for child in rule.children]
        if all(child is None for child in children):
            return None
        kept = [new if new is not None else old for new, old in zip(children, rule.children, strict=True)]
        return rule.model_copy(update={"children": kept})
    if not isinstance(rule, LabThreshold) or (analytes is not None and rule.analyte not in analytes):
        return None
    fields = {name: getattr(rule, name) for name in _FIELDS}
    waiver = LabException(
        concept=concept, text=text, waived=True, source_span=span, requirement=requirement, **fields
    )
    return rule.model_copy(update={"exceptions": [*rule.exceptions, waiver]})


_HEADING_WAIVER = re.compile(
    r"(?<![a-z])(?:unless|except\s+(?:when|if|where)|(?:are\s+)?(?:allowed|acceptable|permitted)\s+if)(?![a-z])"
    r"[^():;]{0,80}?(?<![a-z])(?:due\s+to|attribut\w+\s+to|secondary\s+to|caused\s+by|related\s+to"
    r"|result(?:s|ing)?\s+(?:of|from))(?![a-z])"
    r"[^():;]{0,80}?(?<![a-z])(?:disease|involvement|infiltration|leuka?emi\w*|lymphoma|myeloma|tumou?rs?"
    r"|malignanc\w*|cancer|marrow)(?![a-z])[^():;,.]*"
)


def with_heading_waiver(rule: Rule, context: str) -> Rule:
    """``rule`` with the waiver its heading prints for the whole list: "Bone marrow function as evidenced by
    the following (unless directly attributable to disease within the bone marrow)", "Laboratory tests
    (unless impairment due to respective organ involvement by tumor)". The items under such a heading are
    bare limits ("ANC ≥ 750/mm³"); read without it, they fail the very patients with leukaemic marrow the
    trial admits. A waiver naming a finding known to raise the limit is checked against it; one naming none
    (the tumour's own organ involvement) leaves a patient past the limit to the clinician."""
    found = _heading_waiver(context)
    if found is None:
        return rule
    text, named = found
    if not named:
        return with_waiver(rule, text, (0, 0)) or rule
    for concept in named:
        rule = with_waiver(rule, text, (0, 0), RAISED_BY[concept], concept) or rule
    return rule


@functools.lru_cache(maxsize=256)
def _heading_waiver(context: str) -> tuple[str, tuple[str, ...]] | None:
    """The heading's waiver text and the findings it names that raise a limit, once per heading: every item
    under it asks the same."""
    low = context.lower()
    if not any(cue in low for cue in ("unless", "except", " if ")):
        return None
    waiver = _HEADING_WAIVER.search(low.rstrip(" :").rsplit(":", 1)[-1])
    if waiver is None:
        return None
    named = {concept.id for _, _, concept in find_concepts(waiver.group())}
    if "marrow" in waiver.group():
        named.add("bone_marrow_involvement")
    named &= RAISED_BY.keys()
    return f"(heading) {waiver.group().strip()}", tuple(sorted(named))
