"""How a pulmonary, blood-pressure or glucose value is taken: "pre-BD FEV1", "(without bronchodilator)",
"SBP on AOBPM", "non-fasting glucose" (how a QTc is taken is in ``lab_timing``, the headings of a list of
thresholds in ``lab_headings``). The patient file holds one value per test and the words do not change the
threshold printed, so the lab reader
claims them as read, and only beside the analytes they qualify.

What asks for more than one measurement ("improvement in FEV1 after a bronchodilator", "resting and exercise
saturation") keeps its other words, which send the sentence to review.
"""

from __future__ import annotations

import re

from trialmatch.domain.criteria.derived import RENAL_ANALYTES
from trialmatch.domain.criteria.lab import BLOOD_PRESSURES, GLUCOSES
from trialmatch.domain.criteria.reading.text import Segment, Span

_BRONCHODILATOR = re.compile(
    r"(?<![a-z])(?:pre|post)[\s-]*(?:bd|bronchodilat(?:or|ion))(?![a-z])"
    r"|[(\[]?\s*(?:(?:with\s+or\s+)?without|after|before|following|prior\s+to)\s+(?:(?:the\s+)?(?:use\s+of|using"
    r"|inhalation\s+of|administration\s+of)\s+)?(?:an?\s+|the\s+)?bronchodilat(?:ors?|ion)(?![a-z])\s*[)\]]?"
    r"|(?:after|following)\s+withholding\s+(?:saba|short[\s-]*acting\s+(?:beta|β)[\s-]*(?:2[\s-]*)?agonists?)"
    r"(?:\s*[(\[]\s*saba\s*[)\]])?(?:\s+(?:for\s+)?(?:≥|at\s+least)\s*\d+\s*(?:hours?|hrs?|h))?(?![a-z])"
)
""""Pre-BD FEV1 ≥ 40 %", "FEV1 ≥ 1000 cc (without bronchodilator)", "FEV1 ≥ 80 % after withholding SABA ≥ 8
hours": spirometry before or after a bronchodilator, the one value the file holds for the test."""
_SPIROMETRY = frozenset({"fev1", "fev1_volume", "fvc", "fev1_fvc", "vital_capacity"})

_OFFICE_BP = re.compile(
    r"(?<![a-z])(?:(?:on|by|using|with)\s+)?(?:(?:an?\s+)?automated\s+office\s+blood\s+pressure\s+"
    r"(?:measurements?|monitoring)\s*)?[(\[]?\s*aobpm\s*[)\]]?"
)
""""Mean seated SBP on AOBPM ≥ 135 mmHg": an automated office reading, the blood pressure the file holds."""


_OF_CREATININE = re.compile(r"(?:(?<=mg/g)|(?<=mg/gm))\s+of\s+(?:urine\s+|urinary\s+)?creatinine(?![a-z])")
""""albumin-to-creatinine ratio < 300 mg/g of creatinine": the unit's denominator named again, not a
creatinine threshold."""
_URINE_RATIOS = frozenset({"uacr", "upcr"})

_INSTITUTIONAL = re.compile(
    r"[(\[]?\s*(?:(?:creatinine\s+clearance|crcl|e?gfr)\s*(?:[(\[]\s*crcl\s*[)\]]\s*)?)?(?:may|should|can|must|will)\s+be\s+"
    r"(?:calculated|measured|estimated|determined)\s+(?:using|per|by|according\s+to|as\s+per)\s+(?:the\s+)?(?:local\s+)?"
    r"(?:institutional|laboratory|institution's)(?:\s*/\s*(?:institutional|laboratory))?\s+standards?"
    r"(?:\s+(?:method|formula|equation|practice))?(?![a-z])\s*[)\]]?"
)
""""(Creatinine clearance (CrCl) should be calculated per institutional standard)": the clearance the site
computes, the one the file holds; the clearance named again is its subject, not a second threshold."""
_RESTATED_SUBJECT = re.compile(
    r"(?<![a-z])(?:e?gfr|crcl|creatinine\s+clearance)\s+(?:is|will\s+be|should\s+be|must\s+be)\s+"
    r"(?=(?:calculated|estimated|measured|determined)\s+(?:by|using|with|per|based\s+on|according\s+to)(?![a-z]))"
)
""""(eGFR is calculated by central lab based on the CKD-EPI creatinine-cystatin C equation)": the GFR named
again as the subject of how it is obtained, not a second value; the method itself is read as a method."""
_NON_FASTING = re.compile(r"(?<![a-z])non[\s-]*(?=fasting(?![a-z]))")
""""non-fasting glucose": a random value, read as glucose like "random" and "fasting" are; the reader already
claims "fasting", this claims the "non-" before it."""
_OGTT = re.compile(
    r"(?<![a-z])(?:during|in|on|of|at|from)\s+(?:an?\s+|the\s+)?(?:(?:75[\s-]*g(?:rams?)?\s+)?oral\s+glucose"
    r"\s+tolerance\s+test(?:ing)?(?:\s*[(\[]\s*ogtt\s*[)\]])?|(?:75[\s-]*g\s+)?ogtt)(?![a-z])"
)
""""2-h plasma glucose ≥ 200 mg/dL during the oral glucose tolerance test (OGTT)": the test the 2-hour value
comes from, which its name already says."""

_ELECTROPHORESIS = re.compile(
    r"(?<![a-z])(?:(?:by|on|per|in|using|from)\s+)?(?:(?:an?|the)\s+)?(?:(?:serum|urine|urinary)\s+protein\s+"
    r"electrophoresis(?:\s*[(\[]\s*[su]pep\s*[)\]])?|[(\[]\s*[su]pep\s*[)\]]|[su]pep)(?![a-z])"
)
""""M-protein ≥ 0.5 g/dL by serum protein electrophoresis (sPEP)": the test an M-protein is measured by, the
one value the file holds; the unit printed says whether it is the serum or the urine value."""
_M_PROTEINS = frozenset({"m_protein_serum", "m_protein_urine"})

_METHODS: tuple[tuple[tuple[str, ...], frozenset[str], re.Pattern[str]], ...] = (
    (("bronchodilat", "bd", "withholding"), _SPIROMETRY, _BRONCHODILATOR),
    (("aobpm",), BLOOD_PRESSURES, _OFFICE_BP),
    (("of creatinine", "of urine creatinine", "of urinary creatinine"), _URINE_RATIOS, _OF_CREATININE),
    (("standard",), RENAL_ANALYTES, _INSTITUTIONAL),
    (
        ("is calculated", "be calculated", "is estimated", "is measured", "is determined"),
        RENAL_ANALYTES,
        _RESTATED_SUBJECT,
    ),
    (("non",), GLUCOSES, _NON_FASTING),
    (("glucose tolerance", "ogtt"), frozenset({"ogtt_2h_glucose"}), _OGTT),
    (("electrophoresis", "spep", "upep"), _M_PROTEINS, _ELECTROPHORESIS),
)
"""Each pattern with the words it needs, looked for first, and the analytes it may qualify."""


def method_note_spans(segment: Segment, analytes: frozenset[str]) -> list[Span]:
    """Where the segment says how a value of ``analytes`` is measured, in words that leave the threshold as
    printed."""
    window = segment.norm[segment.start : segment.end]
    spans: list[Span] = []
    for cues, qualified, pattern in _METHODS:
        if analytes & qualified and any(cue in window for cue in cues):
            spans += [m.span() for m in pattern.finditer(segment.norm, segment.start, segment.end)]
    return spans
