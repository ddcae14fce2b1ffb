"""Temporal therapy rule: a therapy category or agent, and when it was given relative to the as-of date.

The as-of date stands in for the trial's anchor ("first dose", "registration", "Week 1 Day 1"), which is not
known before referral; reasons say so by giving dates.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from trialmatch.domain.criteria.base import RuleBase

Relation = Literal["prior", "current", "none"]
WindowUnit = Literal["days", "weeks", "months", "years"]

BIOLOGIC = "biologic agent"
""""Prior biologic therapy": immunotherapy, cell therapy and the antibodies among targeted therapies, not the
small molecules (a patient file's "targeted therapy" holds both, so the drug name decides)."""
SMALL_MOLECULE = "small-molecule targeted therapy"
""""Targeted small molecule therapy", "tyrosine kinase inhibitor": the small molecules among targeted
therapies, not the antibodies (trastuzumab, bevacizumab), which the drug name tells apart."""
_PD1_PDL1 = (
    "pembrolizumab",
    "nivolumab",
    "cemiplimab",
    "dostarlimab",
    "retifanlimab",
    "spartalizumab",
    "tislelizumab",
    "toripalimab",
    "sintilimab",
    "camrelizumab",
    "atezolizumab",
    "durvalumab",
    "avelumab",
)
_CTLA4 = ("ipilimumab", "tremelimumab")
CAR_T = "car-t cell therapy"
_CAR_T = (
    "car-t",
    "car t-cell",
    "car t cell",
    "chimeric antigen receptor",
    "tisagenlecleucel",
    "axicabtagene",
    "brexucabtagene",
    "lisocabtagene",
    "idecabtagene",
    "ciltacabtagene",
    "obecabtagene",
    "relmacabtagene",
)
"""What a patient file calls a CAR-T cell therapy: the wording or one of the licensed products. Other cell
therapies (tumour-infiltrating lymphocytes, TCR-T, NK cells) are not CAR-T: "no prior CAR-T" read as any cell
therapy failed the melanoma patient after TIL."""
AGENT_CLASSES: dict[str, tuple[str, ...]] = {
    "pd-1/pd-l1 inhibitor": _PD1_PDL1,
    "ctla-4 inhibitor": _CTLA4,
    "lag-3 inhibitor": ("relatlimab", "fianlimab"),
    "immune checkpoint inhibitor": (*_PD1_PDL1, *_CTLA4, "relatlimab", "fianlimab"),
    "anthracycline": ("doxorubicin", "epirubicin", "daunorubicin", "idarubicin", "mitoxantrone"),
    "taxane": ("paclitaxel", "docetaxel", "cabazitaxel", "nab-paclitaxel"),
    "platinum": ("cisplatin", "carboplatin", "oxaliplatin"),
    CAR_T: _CAR_T,
}
"""Agent classes registries name ("prior PD-1/PD-L1 targeted therapy") with the drugs a patient file lists."""

REGIMENS: dict[str, tuple[str, ...]] = {
    "folfox": ("oxaliplatin", "fluorouracil", "leucovorin"),
    "folfiri": ("irinotecan", "fluorouracil", "leucovorin"),
    "folfirinox": ("oxaliplatin", "irinotecan", "fluorouracil", "leucovorin"),
    "folfoxiri": ("oxaliplatin", "irinotecan", "fluorouracil", "leucovorin"),
    "capox": ("capecitabine", "oxaliplatin"),
    "xelox": ("capecitabine", "oxaliplatin"),
    "flot": ("fluorouracil", "leucovorin", "oxaliplatin", "docetaxel"),
    "chop": ("cyclophosphamide", "doxorubicin", "vincristine", "prednisone"),
    "abvd": ("doxorubicin", "bleomycin", "vinblastine", "dacarbazine"),
    "beacopp": ("bleomycin", "etoposide", "doxorubicin", "cyclophosphamide", "vincristine", "procarbazine"),
}
"""Chemotherapy regimens a patient file names by acronym ("FOLFOX"), with their drugs: "no prior oxaliplatin"
or "prior platinum-based chemotherapy required" is about the FOLFOX a patient received."""
BRAND_NAMES: dict[str, str] = {
    "keytruda": "pembrolizumab",
    "opdivo": "nivolumab",
    "libtayo": "cemiplimab",
    "jemperli": "dostarlimab",
    "tecentriq": "atezolizumab",
    "imfinzi": "durvalumab",
    "bavencio": "avelumab",
    "yervoy": "ipilimumab",
    "imjudo": "tremelimumab",
    "adriamycin": "doxorubicin",
    "doxil": "doxorubicin",
    "caelyx": "doxorubicin",
    "ellence": "epirubicin",
    "taxol": "paclitaxel",
    "abraxane": "nab-paclitaxel",
    "taxotere": "docetaxel",
    "jevtana": "cabazitaxel",
    "platinol": "cisplatin",
    "paraplatin": "carboplatin",
    "eloxatin": "oxaliplatin",
    "kymriah": "tisagenlecleucel",
    "yescarta": "axicabtagene",
    "tecartus": "brexucabtagene",
    "breyanzi": "lisocabtagene",
    "abecma": "idecabtagene",
    "carvykti": "ciltacabtagene",
    "aucatzyl": "obecabtagene",
}
"""Brand names a patient file may hold for the drugs of the agent classes."""
OTHER_DRUGS: dict[str, tuple[str, ...]] = {
    "chemotherapy": (
        "fluorouracil",
        "5-fu",
        "capecitabine",
        "leucovorin",
        "gemcitabine",
        "irinotecan",
        "topotecan",
        "etoposide",
        "cyclophosphamide",
        "ifosfamide",
        "pemetrexed",
        "vincristine",
        "vinblastine",
        "vinorelbine",
        "methotrexate",
        "temozolomide",
        "cytarabine",
        "bleomycin",
        "dacarbazine",
        "trifluridine",
        "eribulin",
        "bendamustine",
        "fludarabine",
        "mitomycin",
        "procarbazine",
    ),
    "immunotherapy": ("interferon", "interleukin", "aldesleukin", "bcg", "sipuleucel", "talimogene"),
    "cell therapy": (
        "lifileucel",
        "tumor-infiltrating lymphocyte",
        "tumour-infiltrating lymphocyte",
        "afamitresgene",
    ),
}
"""Common drugs of a category that belong to none of the agent classes: a patient's "gemcitabine" is known
not to be a taxane, while an unrecognised chemotherapy name may be one, and is left to the clinician."""


_AGENT_DISPLAY = {
    "pd-1/pd-l1 inhibitor": "PD-1/PD-L1 inhibitor",
    "ctla-4 inhibitor": "CTLA-4 inhibitor",
    CAR_T: "CAR-T cell therapy",
}
"""Agent classes kept lower-case as data, written as a clinician writes them."""


class TemporalTherapyRule(RuleBase):
    """The statement about therapies matching ``categories`` or ``agents``.

    ``relation``: ``prior`` — received before the as-of date (within the window when one is given);
    ``current`` — being received on the as-of date; ``none`` — not received within the window (ever, when no
    window): the wash-out and treatment-naive wording. A window of 0 days with ``none`` reads "not currently
    receiving".
    ``window_inclusive``: whether a therapy given exactly ``window`` ago still counts as within it ("wash-out
    > 3 weeks": 21 days ago is still within, so inclusive; "at least 4 weeks since": 28 days ago is outside).
    ``qualifier``: a narrowing word the patient file cannot show ("major" surgery); a matching therapy is
    then left to the clinician rather than counted.
    """

    kind: Literal["therapy"] = "therapy"
    categories: list[str] = Field(default_factory=list)
    agents: list[str] = Field(default_factory=list)
    relation: Relation = "prior"
    window: int | None = None
    window_unit: WindowUnit = "days"
    window_inclusive: bool = True
    qualifier: str | None = None

    def describe(self) -> str:
        """ "chemotherapy or immunotherapy within 6 months": what the rule looks for."""
        what = " or ".join([*self.categories, *(_AGENT_DISPLAY.get(a, a) for a in self.agents)]) or "therapy"
        if self.qualifier:
            what = (
                f"{what} {self.qualifier}"
                if self.qualifier.startswith(("to ", "for "))
                else f"{self.qualifier} {what}"
            )
        if self.window is None:
            return what
        if self.window == 0:
            return f"{what} at present"
        unit = self.window_unit if self.window != 1 else self.window_unit[:-1]
        return f"{what} within {self.window} {unit}"
