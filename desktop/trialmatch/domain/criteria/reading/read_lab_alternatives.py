"""Reader for lab thresholds with an alternative set of thresholds for patients with a condition: "Serum
bilirubin ≤ 1.5 × ULN; or total bilirubin ≤ 3 × ULN with direct bilirubin within the normal range in
patients with well documented Gilbert Syndrome", "Total bilirubin ≤ 1.5 × ULN (except in patients with
Gilbert's syndrome, who may be included if total bilirubin is ≤ 3.0 × ULN and direct bilirubin is ≤ 1.5 ×
ULN)".

An exception of a lab threshold carries one value for its own analyte; this alternative holds several, on
another analyte too. So the item is read as it says: the base thresholds hold, or the patient has the
condition and meets every threshold of the alternative. A patient who misses the base and whose condition is
not recorded is then unknown, not failed. Only in an inclusion (an exclusion's "or" adds reasons to
exclude), only when the condition is one finding and nothing else, and only when both sides read fully.
"""

from __future__ import annotations

import re

from trialmatch.domain.criteria.base import Comparator
from trialmatch.domain.criteria.finding import FindingRule
from trialmatch.domain.criteria.lab import LabThreshold
from trialmatch.domain.criteria.logic import AllOf, AnyOf, leaf_kinds, leaves
from trialmatch.domain.criteria.reading.read_labs import read_labs
from trialmatch.domain.criteria.reading.text import Read, Segment, masked
from trialmatch.domain.criteria.registry import Rule
from trialmatch.domain.lexicon import resolve_finding
from trialmatch.domain.trial import Section

_PATIENTS = r"(?:patients|participants|subjects)\s+with\s+(?:well[\s-]+)?"
_OR_IN_PATIENTS = re.compile(
    r"\s*(?P<base>[^;]+?)\s*[;,]?\s+or\s+(?P<alt>[^;()]+?)\s+(?:in|for)\s+"
    + _PATIENTS
    + r"(?P<cond>[^;,()]+?)[\s.;]*"
)
_EXCEPT_WHO_MAY = re.compile(
    r"\s*(?P<base>[^;()]+?(?:\s*[(\[][a-z\s]{1,8}[)\]])?)\s*[(\[]\s*except\s+(?:in\s+|for\s+)?"
    + _PATIENTS
    + r"(?P<cond>[^,;()]+?)\s*,\s*who\s+may\s+be\s+(?:included|enrolled|eligible)\s+if\s+"
    r"(?P<alt>[^()]+?)\s*[)\]]\s*[)\]]?[\s.;]*"
)
_EXCEPT_THEN = re.compile(
    r"\s*(?P<base>[^;()]+?)\s*[(\[]\s*except\s+(?:in\s+|for\s+)?(?:"
    + _PATIENTS
    + r")?(?P<cond>[^,;:()]+?)\s*[,:]\s*"
    r"(?:(?:this\s+kind\s+of|these|such)\s+(?:patients|participants|subjects)\s+(?:only\s+)?(?:need\s+to\s+|must\s+)?"
    r"(?:meet|satisfy)\s+the\s+requirements?\s+of\s+)?(?P<alt>[^()]+?)\s*[)\]][\s.;]*"
)
""""Total serum bilirubin ≤ 1.5 × ULN (except Gilbert syndrome, this kind of subjects only meet the
requirements of direct bilirubin ≤ 1.5 × ULN)": the condition, then the thresholds that hold for it instead
(read only when the condition is a finding, and the thresholds are not the base's own exception, which the
lab reader reads first)."""
_OR_WHEN = re.compile(
    r"\s*(?P<base>[^;()]+?)\s*[(\[]\s*or\s+(?P<alt>[^;()]+?)\s+(?:when|if)\s+(?P<cond>[^;()]+?)\s*[)\]][\s.;]*"
)
""""Serum bilirubin ≤ 1.5 x ULN (or direct bilirubin < 1.5 x ULN when total bilirubin is above ULN)"."""
_WITH = re.compile(r"(?<![a-z])with(?![a-z])")
""""total bilirubin ≤ 3 × ULN with direct bilirubin within the normal range": inside the alternative, "with"
joins its thresholds (a condition left after it is not read, so the item stays for review)."""


def read_lab_alternatives(segment: Segment, section: Section) -> Read | None:
    """AnyOf(base, AllOf(condition, alternative)); None when the segment is not so printed."""
    if section is not Section.INCLUSION:
        return None
    window = segment.text
    if "or " not in window and "except" not in window:
        return None
    match = next(
        (
            found
            for pattern in (_OR_IN_PATIENTS, _EXCEPT_WHO_MAY, _EXCEPT_THEN, _OR_WHEN)
            if (found := pattern.fullmatch(segment.norm, segment.start, segment.end))
        ),
        None,
    )
    if match is None:
        return None
    base = read_labs(segment.sub(*match.span("base")), section)
    alt_start, alt_end = match.span("alt")
    joined = masked(segment, [m.span() for m in _WITH.finditer(segment.norm, alt_start, alt_end)])
    alternative = read_labs(joined.sub(alt_start, alt_end), section)
    if base is None or alternative is None or base.rule is None or alternative.rule is None:
        return None
    concept = resolve_finding(segment.quote(*match.span("cond"))) if match.re is not _OR_WHEN else None
    if concept is None:
        if match.re is _EXCEPT_THEN:
            return None
        return _for_the_others(segment, match, base.rule, alternative.rule)
    has = FindingRule(source_span=match.span("cond"), concept=concept.id)
    alternatives = alternative.rule.children if isinstance(alternative.rule, AllOf) else [alternative.rule]
    condition = AllOf(source_span=(alt_start, match.end("cond")), children=[has, *alternatives])
    return Read(AnyOf(source_span=segment.span, children=[base.rule, condition]))


def _for_the_others(segment: Segment, match: re.Match[str], base: Rule, alternative: Rule) -> Read | None:
    """ "Total bilirubin ≤ 1.5 × ULN or direct bilirubin ≤ ULN for subjects with total bilirubin levels > 1.5
    × ULN": the condition is the base failing, which the "or" says already (A or (B and not A) is A or B),
    so the alternative is read without it; only when the condition covers every value the base fails."""
    if match.re is _EXCEPT_WHO_MAY or not isinstance(base, LabThreshold):
        return None
    condition = read_labs(segment.sub(*match.span("cond")), Section.INCLUSION)
    if (
        condition is None
        or not isinstance(condition.rule, LabThreshold)
        or not _covers_failing(condition.rule, base)
    ):
        return None
    return Read(AnyOf(source_span=segment.span, children=[base, alternative]))


def last_alternative_if(span: tuple[int, int], condition: Rule, requirement: AnyOf) -> Rule | None:
    """ "Ferritin < 100 ng/ml or TSAT < 20% in case of ferritin levels between 100 and 300 ng/ml": a condition
    after the last alternative binds to it only, which then counts only with it, "A, or (B and C)" in either
    section. Read only when the condition is thresholds on the analytes before the last alternative (none on
    its own), one of which takes every value that fails a threshold before it: the range of A the other
    alternative covers, which cannot be a condition on the whole item. A gap ("bilirubin < 1.5 × ULN or
    direct bilirubin ≤ ULN if bilirubin > 1.5 × ULN") or a finding ("A ≤ 3 × ULN or ≤ 5 × ULN if liver
    metastases") is not read here."""
    *others, last = requirement.children
    if not others or leaf_kinds(condition) != {"lab"} or not leaf_kinds(last) <= {"lab", "derived"}:
        return None
    bounds = [leaf for leaf in leaves(condition) if isinstance(leaf, LabThreshold)]
    before = [leaf for other in others for leaf in leaves(other) if isinstance(leaf, LabThreshold)]
    after = {getattr(leaf, "analyte", None) for leaf in leaves(last)}
    if not {b.analyte for b in bounds} <= {b.analyte for b in before} or after & {b.analyte for b in bounds}:
        return None
    if not any(_covers_failing(bound, base) for bound in bounds for base in before):
        return None
    both = AllOf(source_span=(last.source_span[0], span[1]), children=[last, condition])
    return AnyOf(source_span=span, children=[*others, both])


def _covers_failing(condition: LabThreshold, base: LabThreshold) -> bool:
    """Whether every value that fails ``base`` meets ``condition`` (same analyte, unit or multiple)."""
    plain = not (base.exceptions or base.strata or base.sex or base.qualifier or base.lenient_value)
    plain = plain and not (
        condition.exceptions or condition.strata or condition.sex or condition.lenient_value
    )
    same = (condition.analyte, condition.unit, condition.multiple_of) == (
        base.analyte,
        base.unit,
        base.multiple_of,
    )
    if not (plain and same) or condition.comparator.is_lower_bound == base.comparator.is_lower_bound:
        return False
    failing = base.comparator.opposite
    if condition.value == base.value:
        return condition.comparator in {failing, Comparator.GE, Comparator.LE}
    return (
        condition.value < base.value if condition.comparator.is_lower_bound else condition.value > base.value
    )
