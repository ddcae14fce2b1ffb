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
    return spans
