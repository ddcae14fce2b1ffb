"""Pulmonary function wording: "FEV1, FVC, and TLC greater than 60% predicted" names the total lung capacity,
not the total leukocyte count the abbreviation means beside a blood count ("TLC: > 4,000 per cumm")."""

from __future__ import annotations

import re

from trialmatch.domain.criteria.reading.text import Segment

_LUNG_FUNCTION = re.compile(
    r"(?<![a-z])(?:fev|fvc|dlco|vital\s+capacity|diffusi(?:ng|on)\s+capacity|spirometr|pulmonary\s+function"
    r"|lung\s+capacity|predicted)"
)


def lung_capacity(key: str, analytes: tuple[str, ...], segment: Segment) -> tuple[str, ...]:
    """The analytes a name means in the segment: "TLC" beside a lung function test or a percentage of
    predicted is the total lung capacity."""
    if key != "tlc" or not _LUNG_FUNCTION.search(segment.norm, segment.start, segment.end):
        return analytes
    return ("tlc_lung",)


CORRECTED_FOR_HB = (
    r"corrected(?:\s+for\s+(?:h(?:a)?emoglobin|hb|hgb)(?:\s+concentration)?"
    r"(?:\s+(?:and|or)\s+alveolar\s+(?:volume|ventilation))?)?"
)
""""corrected for hemoglobin (and alveolar volume)": how a DLCO is reported, and the file holds it."""
_CORRECTED = re.compile(r",?\s*[(\[]?\s*" + CORRECTED_FOR_HB + r"(?![a-z])\s*[)\]]?")


def dlco_correction_spans(segment: Segment, analytes: frozenset[str]) -> list[tuple[int, int]]:
    """ "DLCO < 50% (corrected)", "DLCO ≥ 45% (corrected for hemoglobin)": the DLCO is reported corrected for
    haemoglobin, which is how the patient file holds it; the words say how it is measured (the haemoglobin
    they name is no threshold of its own)."""
    if "dlco" not in analytes or not segment.contains("corrected"):
        return []
    return [m.span() for m in _CORRECTED.finditer(segment.norm, segment.start, segment.end)]


_ROOM_AIR = re.compile(r"(?<![a-z])ra(?=\s+(?:p|s|sp)a?o2(?![a-z]))|(?<![a-z])(?:on|at)\s+ra(?![a-z])")
_GASES = frozenset({"po2", "pco2", "spo2"})


def room_air_spans(segment: Segment, analytes: frozenset[str]) -> list[tuple[int, int]]:
    """ "RA pO2 less than 60", "SpO2 ≥ 92% on RA": RA is the room air the value is taken on, as "on room air"
    is (the usual way), and no rheumatoid arthritis beside a blood gas."""
    if not _GASES.intersection(analytes) or not segment.contains("ra"):
        return []
    return [m.span() for m in _ROOM_AIR.finditer(segment.norm, segment.start, segment.end)]


_MEASURED_BY = re.compile(
    r"(?<![a-z])(?:(?:has|have)\s+)?(?:an?\s+)?spirometry\s+or\s+peak\s+flow\s+(?:with\s+)?(?:(?:a|the)\s+)?"
    r"measurement\s+of(?=\s+(?:fev|forced\s+expiratory))"
)


def spirometry_spans(segment: Segment, analytes: frozenset[str]) -> list[tuple[int, int]]:
    """ "has a Spirometry or Peak Flow with Measurement of FEV1>=80% of predicted": the tests the FEV1 is
    measured by, the value the file holds; "spirometry" there names no FEV1 and FVC limit of its own."""
    if "fev1" not in analytes or not segment.contains("peak flow"):
        return []
    return [m.span() for m in _MEASURED_BY.finditer(segment.norm, segment.start, segment.end)]
