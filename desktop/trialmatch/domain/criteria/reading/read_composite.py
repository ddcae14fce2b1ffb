"""Reader for a finding named beside the thresholds that define or exemplify it: "Symptomatic congestive
heart failure (LVEF < 50% or NYHA class III or IV heart failure)", "Severe renal insufficiency (GFR < 20
mL/min or requiring dialysis)", "Significant arrhythmias (e.g. QTc > 470 ms)".

The bracket is read by the whole parser (it may join thresholds and findings), the words before it by the
finding reader, and the two are joined as the words between them say:

- a condition a threshold can define ("renal insufficiency", see ``read_defined``): the bracket is what the
  trial means by it, and is the criterion;
- any other finding with a defining bracket: the patient has the finding and meets the bracket. In an
  exclusion that is the narrowest reading (a patient with a low LVEF but no heart failure is not excluded on
  a guess), and a narrowing word on the finding ("symptomatic") leaves a present finding to the clinician;
- in an inclusion, words naming whom the bracket concerns ("Patients with HIV (CD4 > 350/µL)", "HIV-positive
  subjects are eligible (CD4 > 350/µL)") may ask it only of them, or be what the trial is for: not read;
- examples ("e.g.", "such as") in an exclusion: the finding or its example excludes. In an inclusion an
  example does not say what is required: not read.

A bracket listing its parts with bare commas ("creatinine > 2 mg/dL, on dialysis") does not say whether all
or any must hold: not read. Only where the bracket holds a threshold and nothing is left for review: a
bracket of findings alone is the finding reader's, and half a reading would be a guess.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from trialmatch.domain.criteria.finding import FindingRule
from trialmatch.domain.criteria.logic import AllOf, AnyOf, reads_with_threshold
from trialmatch.domain.criteria.reading.lab_child_pugh import admits_the_healthy
from trialmatch.domain.criteria.reading.lab_citations import before_citation
from trialmatch.domain.criteria.reading.lab_glycaemic_label import upper_limit_defines_high_glucose
from trialmatch.domain.criteria.reading.lab_notes import ALTERNATIVE
from trialmatch.domain.criteria.reading.permissions import asked_subject, states_permission
from trialmatch.domain.criteria.reading.read_defined import control_defined, defines, is_bare_list
from trialmatch.domain.criteria.reading.read_findings import read_findings
from trialmatch.domain.criteria.reading.text import Read, Segment, parenthesised
from trialmatch.domain.criteria.registry import Rule
from trialmatch.domain.trial import Section

ReadPart = Callable[[Segment, Section], Rule | None]
"""The whole parser on a part of the item (readers, then a top-level list): given by ``parsing``."""

_DEFINER = re.compile(
    r"\s*(?:(?:as\s+)?defined\s+(?:as|by)|i\.\s?e\.?|ie(?![a-z])|namely|that\s+is)\s*[,:]?\s*"
)
_EXAMPLE = re.compile(
    r"\s*(?:e\.\s?g\.?|eg(?![a-z])|such\s+as|for\s+example|for\s+instance|like|including(?!\s+but\s+not))\s*[,:]?\s*"
)

_TURNING = re.compile(
    r"(?<![a-z])(?:allowed|permitted|eligible|accept(?:ed|able)|unless|except|excluding|other\s+than|may|can|if"
    r"|not|no|without|regardless|irrespective|however)(?![a-z])"
)
""""Heart failure (LVEF ≥ 50% allowed)", "HIV (unless CD4 > 350/µL)": a bracket that turns the finding is not
its definition, and read as one it would exclude the very patients it admits."""
_WHO = re.compile(
    r"\s*(?:the\s+)?(?:patients?|subjects?|participants?|individuals?|those|people|persons?)\s+with(?![a-z])"
)
""""Patients with HIV (CD4 > 350/µL)" in an inclusion may ask something only of the patients with HIV, or be
the trial's requirement: not read."""


def read_composite(segment: Segment, section: Section, read_part: ReadPart) -> Read | None:
    """The finding and the thresholds in the bracket that ends the segment; None when not read fully."""
    if segment.end <= segment.start:
        return None
    if segment.norm[segment.end - 1] in ".;":  # "... (including QTc ≥ 480 ms)."
        segment = segment.sub(segment.start, len(segment.norm[: segment.end].rstrip(" .;")))
    if segment.end <= segment.start or segment.norm[segment.end - 1] not in ")]":
        return None
    groups = parenthesised(segment)
    if not groups or groups[-1][1] != segment.end or groups[-1][0] <= segment.start:
        return None
    start, end = groups[-1]
    head = segment.sub(segment.start, start)
    inner = segment.sub(start + 1, end - 1)
    example = _EXAMPLE.match(inner.norm, inner.start, inner.end)
    if example and section is not Section.EXCLUSION:
        return None
    # "Uncontrolled diabetes (or HbA1c > 7 %)": another way to meet the item, in either section
    alternative = None if example else ALTERNATIVE.match(inner.norm, inner.start, inner.end)
    definer = example or alternative or _DEFINER.match(inner.norm, inner.start, inner.end)
    if definer:
        inner = inner.sub(definer.end(), inner.end)
    if inner.start >= inner.end or _TURNING.search(inner.norm, inner.start, inner.end):
        return None
    if is_bare_list(before_citation(inner), with_findings=True):
        return None
    if not example and not alternative and defines(head):
        defined = _thresholds(read_part(inner, section))
        if defined is not None and defined.rule and upper_limit_defines_high_glucose(head.text, defined.rule):
            return None
        if defined is None or defined.rule is None or not admits_the_healthy(defined.rule):
            return defined
    if section is Section.INCLUSION and (
        _WHO.match(head.norm, head.start, head.end)
        or states_permission(segment.text)
        or asked_subject(segment.text)
    ):
        return None
    finding = read_findings(head, section)
    findings = present_findings(finding.rule if finding is not None else None, bool(example or alternative))
    if findings is None:
        return None
    thresholds = _thresholds(read_part(inner, section))
    if thresholds is None or thresholds.rule is None:
        return None
    if example and isinstance(thresholds.rule, AllOf):
        return None  # "(such as angina and QTcF > 470 ms)": never "both"; ``read_examples`` judges the list
    kind = AnyOf if example or alternative else AllOf
    if (
        kind is AllOf
        and isinstance(found := findings[0], FindingRule)
        and control_defined(found, thresholds.rule)
    ):
        findings = [found.model_copy(update={"exceptions": []})]  # "Uncontrolled T2DM (HbA1c > 9%)": defined
    return Read(kind(source_span=segment.span, children=[*findings, thresholds.rule]))


def present_findings(rule: Rule | None, example: bool) -> list[Rule] | None:
    """The finding the bracket is about; with an example (in an exclusion), also a list of findings any of
    which excludes ("myocardial infarction, poorly controlled arrhythmia (including QTc ≥ 450 ms)"): the
    example is one more way to be excluded, whichever finding it belongs to."""
    if isinstance(rule, FindingRule) and rule.present:
        return [rule]
    if (
        example
        and isinstance(rule, AnyOf)
        and all(isinstance(child, FindingRule) and child.present for child in rule.children)
    ):
        return list(rule.children)
    return None


def _thresholds(rule: Rule | None) -> Read | None:
    """The bracket's rule when it holds a threshold and nothing left for review."""
    return Read(rule) if rule is not None and reads_with_threshold(rule) else None
