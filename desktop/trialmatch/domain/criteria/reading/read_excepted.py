"""Reader for a threshold followed by a sentence that admits the patients with a finding at another limit:
"Total bilirubin ≤ 1.5 x ULN. Patients with known Gilbert's disease and a total bilirubin ≤ 3 x ULN may be
enrolled", "... Subjects with Gilbert's syndrome may be enrolled if total bilirubin is < 3 x ULN".

An item that is only such a sentence ("Patients with known Gilbert disease who have serum bilirubin ≤ 3 x ULN
may be enrolled") asks nothing of the other patients: any of "has not the finding" and the limit; unless the
finding may be what the trial is for ("Patients with liver metastases and AST ≤ 5 x ULN may be enrolled"),
which ``permissions`` leaves to the clinician.

The second sentence is the threshold's exception for the finding's concept, as "(≤ 3 x ULN for Gilbert's
syndrome)" would be: a patient with Gilbert's syndrome is held to the wider limit, every other patient to the
first. Read only when the finding is a plain lexicon concept and the first sentences hold exactly one
threshold for the same analyte, bounded the same way; anything else stays for review, since a permission read
as a requirement would fail the patients it admits. In an exclusion ("Total bilirubin > ULN. Subjects with
Gilbert's syndrome may be enrolled if total bilirubin < 2 × ULN") the exception excludes beyond the admitted
limit (≥ 2 × ULN); an exclusion item that is only the permission stays for review.
"""

from __future__ import annotations

import re

from trialmatch.domain.criteria.finding import FindingRule
from trialmatch.domain.criteria.lab import LabException, LabThreshold
from trialmatch.domain.criteria.logic import AllOf, AnyOf
from trialmatch.domain.criteria.reading.permissions import may_define_the_trial
from trialmatch.domain.criteria.reading.read_composite import ReadPart
from trialmatch.domain.criteria.reading.read_findings import read_findings
from trialmatch.domain.criteria.reading.read_labs import read_labs
from trialmatch.domain.criteria.reading.text import Read, Segment, sentences
from trialmatch.domain.criteria.registry import Rule
from trialmatch.domain.trial import Section

_WHO = r"(?:however,?\s+)?(?:the\s+)?(?:patients?|subjects?|participants?|individuals?)\s+with\s+"
_ADMITTED = (
    r"(?:may|can|could|will)\s+(?:also\s+)?(?:only\s+)?(?:be\s+)?(?:enrolled|included|eligible|allowed|permitted)"
    r"|(?:is|are)\s+(?:also\s+)?(?:eligible|allowed|permitted)"
)
_PERMISSION = re.compile(
    _WHO + r"(?P<finding>[^,;:()]+?)\s+(?:(?:and|with)\s+(?:an?\s+)?|who\s+(?:have|has)\s+(?:an?\s+)?)"
    r"(?P<limit>[^;:]+?)\s+(?:" + _ADMITTED + r")\W*"
    r"|" + _WHO + r"(?P<finding2>[^,;:()]+?)\s+(?:" + _ADMITTED + r")\s+if\s+(?P<limit2>[^;:]+?)\W*"
)
_CUES = ("enrol", "includ", "eligib", "allow", "permit")


def read_excepted(segment: Segment, section: Section, read_part: ReadPart) -> Read | None:
    """The first sentences' rule with the last sentence's limit as its exception for the finding; None when
    not read fully."""
    if not segment.contains(*_CUES) or " with " not in segment.text:
        return None
    exclusion = section is Section.EXCLUSION
    parts = sentences(segment)
    if not parts or (len(parts) == 1 and segment.span != segment.sub(0, len(segment.norm)).span):
        return None
    last = parts[-1]
    permission = _PERMISSION.fullmatch(last.norm, last.start, last.end)
    if permission is None or segment.norm[segment.end :].strip(" .;,"):
        return (
            None  # a permission cut from the rest of its item ("... if TBL ≤ 3 x ULN | or direct bilirubin")
        )
    which = "" if permission.group("finding") else "2"
    finding = read_findings(last.sub(*permission.span("finding" + which)), section)
    limit = read_labs(last.sub(*permission.span("limit" + which)), section)
    if finding is None or not isinstance(finding.rule, FindingRule) or limit is None:
        return None
    if isinstance(limit.rule, AnyOf) and len(parts) > 1 and not exclusion:
        return _with_direct_alternative(segment, parts, section, read_part, finding.rule, limit.rule)
    if not finding.rule.present or finding.rule.exceptions or not _plain(limit.rule):
        return None
    if len(parts) == 1:
        if exclusion or may_define_the_trial(finding.rule.concept):
            return None
        without = finding.rule.model_copy(update={"present": False})
        assert limit.rule is not None
        return Read(AnyOf(source_span=segment.span, children=[without, limit.rule]))
    base = read_part(segment.sub(segment.start, parts[-2].end), section)
    if base is None:
        return None
    assert isinstance(limit.rule, LabThreshold)
    exception = LabException(
        concept=finding.rule.concept,
        comparator=limit.rule.comparator.opposite if exclusion else limit.rule.comparator,
        value=limit.rule.value,
        unit=limit.rule.unit,
        multiple_of=limit.rule.multiple_of,
        source_span=last.span,
    )
    excepted = _with_exception(base, limit.rule, exception, exclusion)
    return Read(excepted) if excepted is not None else None


def _plain(rule: Rule | None) -> bool:
    return isinstance(rule, LabThreshold) and rule.is_plain


def _with_exception(base: Rule, limit: LabThreshold, exception: LabException, exclusion: bool) -> Rule | None:
    """The base rule with the exception on its one threshold for the limit's analyte; None when there is not
    exactly one such threshold, bounded as the exception is, directly required (not one of alternatives) or,
    in an exclusion, directly excluding (one of its reasons, not a part of one)."""
    joined = AnyOf if exclusion else AllOf
    leaves = base.children if isinstance(base, joined) else [base]
    same = [
        index
        for index, leaf in enumerate(leaves)
        if isinstance(leaf, LabThreshold) and leaf.analyte == limit.analyte
    ]
    if len(same) != 1:
        return None
    target = leaves[same[0]]
    assert isinstance(target, LabThreshold)
    if (
        target.comparator.is_lower_bound != exception.comparator.is_lower_bound
        or target.exceptions
        or target.strata
        or target.sex
    ):
        return None
    excepted = target.model_copy(update={"exceptions": [exception]})
    if not isinstance(base, joined):
        return excepted
    children = [excepted if index == same[0] else leaf for index, leaf in enumerate(leaves)]
    return base.model_copy(update={"children": children})


def _with_direct_alternative(
    segment: Segment,
    parts: list[Segment],
    section: Section,
    read_part: ReadPart,
    finding: FindingRule,
    limit: AnyOf,
) -> Read | None:
    """ "Total bilirubin < 3 x ULN; patients with Gilbert's syndrome may only be included if TBL ≤ 3.0 x ULN
    or direct bilirubin ≤ 1.5 x ULN": the total bilirubin limit with its Gilbert exception, or, for a patient
    with Gilbert's syndrome, the direct bilirubin limit instead. Only that pair (in Gilbert's syndrome the
    unconjugated fraction is what rises, so the direct one is the test the trial falls back on), in an
    inclusion; any other alternative in a permission stays for review."""
    total = [c for c in limit.children if isinstance(c, LabThreshold) and c.analyte == "bilirubin"]
    direct = [c for c in limit.children if isinstance(c, LabThreshold) and c.analyte == "direct_bilirubin"]
    if (
        finding.concept != "gilbert_syndrome"
        or not finding.present
        or finding.exceptions
        or len(total) != 1
        or len(direct) != 1
        or len(limit.children) != 2
        or not all(_plain(c) for c in limit.children)
    ):
        return None
    base = read_part(segment.sub(segment.start, parts[-2].end), section)
    if base is None:
        return None
    exception = LabException(
        concept=finding.concept,
        comparator=total[0].comparator,
        value=total[0].value,
        unit=total[0].unit,
        multiple_of=total[0].multiple_of,
        source_span=parts[-1].span,
    )
    excepted = _with_exception(base, total[0], exception, exclusion=False)
    if excepted is None:
        return None
    leaves = excepted.children if isinstance(excepted, AllOf) else [excepted]
    (target,) = [leaf for leaf in leaves if isinstance(leaf, LabThreshold) and leaf.analyte == "bilirubin"]
    via_direct = AllOf(source_span=parts[-1].span, children=[finding, direct[0]])
    either = AnyOf(source_span=target.source_span, children=[target, via_direct])
    if not isinstance(excepted, AllOf):
        return Read(either)
    children = [either if leaf is target else leaf for leaf in leaves]
    return Read(excepted.model_copy(update={"children": children}))
