"""The words cardiac sentences print around an ejection fraction or a QTc threshold: which examination shows
the value ("cardiac color Doppler ultrasound examination indicates LVEF < 50%", "echocardiography check:
LVEF < 50%"), and words naming the interval again ("QTc interval duration > 480 msec", "long QTc interval
greater than 480 ms", "repeated demonstration of a QTc interval > 450 ms").

None of them changes the threshold printed, nor asks for a value the patient file does not hold (an
examination that shows the value is how the file got it): the lab reader claims them, and only beside the
analytes they qualify.
"""

from __future__ import annotations

import re

from trialmatch.domain.criteria.reading.lab_qt_correction import QT_ANALYTES
from trialmatch.domain.criteria.reading.text import Segment, Span

_EXAMINATION = re.compile(
    r"(?<![a-z])(?:cardiac\s+)?(?:colou?r\s+)?(?:doppler\s+)?(?:ultrasound|echocardiography|echocardiogram|echo)"
    r"(?:\s+(?:examination|evaluation|assessment|check))?\s*"
    r"(?:(?:indicates|indicated|reveals|revealed|shows|showed|showing|demonstrates|demonstrated)(?:\s+that)?"
    r"|(?<=check)\s*:)"
    r"|(?<![a-z])(?:as\s+)?(?:measured|determined|assessed)\s+by\s+(?:radionuclide\s+)?muga\s+scanning(?![a-z])"
    r"|(?<![a-z])gaited(?=\s+radionuclide(?![a-z]))"
)
""""cardiac color Doppler ultrasound examination reveals that the LVEF is less than 50%", "echocardiography
check: LVEF < 50%", "as measured by radionuclide MUGA scanning", "by echocardiogram or gaited radionuclide"
(gated, misspelt): the examination the ejection fraction is read from."""
_EJECTION = frozenset({"lvef", "fractional_shortening"})

_QT_RESTATED = re.compile(
    r"(?<=interval)\s+duration(?![a-z])"
    r"|(?<![a-z])(?:long|prolonged)(?=\s+qtc?f?\s+interval(?![a-z]))"
    r"|(?<![a-z])repeated\s+demonstration\s+of(?:\s+an?)?(?=\s+qtc)"
    r"|(?<![a-z])(?:an?\s+)?marked\s+(?:(?:screening|baseline)\s+(?:or\s+(?:screening|baseline)\s+)?)?"
    r"prolongation\s+of\s+(?:the\s+)?(?:qt\s*/\s*)?qtc\s+interval"
    r"(?:\s+using\s+(?:the\s+)?fr[ie]deri[cz]ia'?s?\s+(?:qt\s+correction\s+)?formula)?"
    r"\s*[(\[]\s*(?:(?:e\.?\s?g|i\.?\s?e)\.?\s*,?\s*)?(?=repeated\s+demonstration\s+of(?:\s+an?)?\s+qtc)"
    r"|(?<![a-z])(?:from|on|in)\s+(?:ecgs|ekgs|electrocardiograms)\s+(?:performed|taken|obtained|recorded)\s+"
    r"(?:at\s+least\s+)?\d+\s*(?:hours?|hrs?|minutes?|mins?)\s+apart(?![a-z])"
)
""""QTc interval duration > 480 msec", "long QTc interval greater than 480 ms": the interval named again, its
length being the threshold. "repeated demonstration of a QTc interval > 450 ms": the value confirmed on
repeated ECGs, as ``lab_timing`` reads "demonstrated by at least 2 ECGs"; "from ECGs performed at least 24
hours apart" says how far apart they are."""

_EJECTION_NOTES = re.compile(
    r"(?<![a-z])(?:measured|assessed|determined)\s+(?=(?:by\s+)?cardiac\s+mri\s+or\s+by\s+echocardiography(?![a-z]))"
    r"|[(\[]\s*(?:modified\s+)?(?:biplane\s+)?simpson'?s?\s+(?:biplane\s+)?(?:method|rule)\s*[)\]]"
    r"|(?<=[.;])\s*according\s+to\s+(?:the\s+)?[a-z]+\s+(?:smpc|spc)s?\s*[.;]?\s*$"
    r"|(?<=normal)\s+(?:for|of|at)\s+(?:the\s+)?(?:radiology|imaging|nuclear\s+medicine)\s+(?:facility|department|unit)"
    r"(?![a-z])"
    r"|[(\[]\s*if\s+(?:the\s+)?lvef\s+is\s*(?:>|greater\s+than)\s*\d{2}\s*%\s*,\s*the\s+investigator\s+should\s+"
    r"consider\s+[^()\[\]]*[)\]]\s*$"
    r"|(?<=[;.])\s*if\s+(?:the\s+)?lvef\s+is\s*(?:>|greater\s+than)\s*\d{2}\s*%\s*,\s*the\s+investigator\s+should\s+"
    r"consider\s+[^;.]*(?:;\s*such\s+re-?\s?reviews\s+or\s+repeat\s+[^;.]*\s+(?:are|is)\s+not\s+permitted\s+after\s+"
    r"(?:registration|randomi[sz]ation|enrol{1,2}ment))?\s*[.;]?\s*$"
    r"|(?<=[.;])\s*if\s+(?:the\s+)?patient'?s\s+lvef\s+(?:is\s+)?(?:<|less\s+than)\s*\d{2}\s*%\s*,?\s*"
    r"(?:they|it)\s+(?:can|may)\s+be\s+re-?\s?assessed\s*[.;]"
    r"|(?<=[.;])\s*if\s+an?\s+lvef\s+assessment\s+has\s+not\s+been\s+(?:completed|done|performed)\s+within\s+the\s+"
    r"(?:last\s+|past\s+)?\d{1,2}\s+(?:months|weeks)\s*,?\s*it\s+(?:would|will)\s+require\s+an?\s+(?:new\s+)?lvef\s+"
    r"assessment\s*[.;]?\s*$"
)
""""measured cardiac MRI or by echocardiography (Simpson's method) or MUGA scan" (the examinations are claimed
by ``lab_notes``), "According to HERCEPTIN SPCs." (the drug label the limit comes from): how and why the
ejection fraction is measured. "equal to or greater than the lower limit of normal for the radiology
facility": whose limit, the one the file's report gives. "(If LVEF is > 75%, the investigator should consider
having the LVEF determination reviewed ...)", "If Patient's LVEF <50% they can be re-assessed. If an LVEF
assessment has not been completed within the last 6 months it would require an LVEF assessment.": a high
value reviewed, a low one measured again, a missing one measured; the value then on record is the one the
limit judges, as ``lab_retest`` reads a repeat."""
_EJECTION_CUES = ("mri", "simpson", "spc", "facility", "department", "investigator should", "assess")

_QT_PROCEDURE = re.compile(
    r"(?:by\s+)?fr[ie]deri[cz]ia'?s?(?:\s+(?:criteria|formula|correction|method))?\s*[(\[]\s*qtcf\s*[)\]]"
    r"|(?<![a-z])documentation\s*,?\s*(?:during\s+the\s+screening\s+(?:process|period)\s*,?\s*)?of(?:\s+an?)?(?=\s+qtc)"
    r"|(?<![a-z])taken(?=\s+(?:approximately\s+|about\s+)?\d+\s*(?:minutes?|mins?)\s+apart)"
    r"|(?<=apart)\s+and\s+all\s+within\s+\d+\s*(?:minutes?|mins?)\s+of\s+each\s+other"
    r"|(?<=[.;])\s*the\s+(?:patient|participant|subject)\s+should\s+(?:be\s+)?(?:reclining|supine|resting|lying)\s+"
    r"for\s+(?:at\s+least\s+)?\d+\s*(?:minutes?|mins?)\s+(?:prior\s+to|before)\s+(?:the\s+)?(?:ecgs?|ekgs?)\s*[.;]"
    r"|(?<=[.;])\s*local\s+(?:ecg\s+)?(?:readings|reads)\s+may\s+be\s+used(?:\s+for\s+this\s+(?:exclusion\s+|inclusion\s+)?"
    r"criterion)?\s*[.;]?\s*$"
    r"|(?<=[.;])\s*(?:patients|subjects|participants)\s+with\s+(?:grade\s+1\s+)?prolonged\s+qtc\s*"
    r"(?:[(\[]\s*\d{3}\s*-\s*\d{3}\s*(?:msec|ms)\s*[)\]])?\s*(?:at\s+(?:the\s+)?time\s+of\s+(?:study\s+)?"
    r"(?:enrol{1,2}ment|registration)\s+)?should\s+have\s+(?:the\s+)?correctable\s+causes\s+of\s+(?:the\s+)?prolonged\s+qtc\s+"
    r"addressed(?:\s+if\s+possible)?\s*(?:[(\[]\s*i\.\s?e\.\s*,?\s*electrolytes\s*,\s*medications\s*[)\]])?\s*[.;]?\s*$"
)
""""by Fredericia criteria (QTcF)": the correction named, and the QTcF it gives. "Documentation, during the
screening process, of a QTc > 470 milliseconds ... taken approximately 1 minute apart and all within 10
minutes of each other. The patient should be reclining for 5 minutes prior to ECGs. Local readings may be used
for this exclusion criterion.": how the ECGs are taken and read, the resting QTc the file holds. "Patients
with Grade 1 prolonged QTc (450-480 msec) at time of study enrollment should have correctable causes of
prolonged QTc addressed if possible (i.e., electrolytes, medications).": advice on the care of a patient the
limit admits, not another limit (the grade's range is inside the limit read)."""
_QT_PROCEDURE_CUES = (
    "deric",
    "deriz",
    "documentation",
    "apart",
    "reclining",
    "supine",
    "local",
    "correctable",
)

_CUES = ("echo", "ultrasound", "muga", "gaited")
_QT_CUES = ("duration", "long", "prolonged", "repeated", "apart")
"""("marked" comes with "repeated": "A marked baseline prolongation of QT/QTc interval (e.g. repeated
demonstration of a QTc interval > 450 ms)", the standard wording whose example is the limit meant.)"""


def cardiac_note_spans(segment: Segment, analytes: frozenset[str]) -> list[Span]:
    """Where the segment names the examination an ejection fraction comes from, or names the QT interval again
    around its threshold."""
    spans: list[Span] = []
    if analytes & _EJECTION and segment.contains(*_CUES):
        spans += [m.span() for m in _EXAMINATION.finditer(segment.norm, segment.start, segment.end)]
    if analytes & QT_ANALYTES and segment.contains(*_QT_CUES):
        spans += [m.span() for m in _QT_RESTATED.finditer(segment.norm, segment.start, segment.end)]
    if analytes & QT_ANALYTES and segment.contains(*_QT_PROCEDURE_CUES):
        spans += [m.span() for m in _QT_PROCEDURE.finditer(segment.norm, segment.start, segment.end)]
    if "lvef" in analytes and segment.contains(*_EJECTION_CUES):
        spans += [m.span() for m in _EJECTION_NOTES.finditer(segment.norm, segment.start, segment.end)]
    return spans
