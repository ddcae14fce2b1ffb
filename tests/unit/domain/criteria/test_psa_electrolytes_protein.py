"""Urine protein by dipstick and by 24-hour collection, PSA, testosterone and electrolytes: the rule values
and verdicts a clinician checks, and what must stay for review."""

from __future__ import annotations

from typing import Any

from one_criterion import exclusion, inclusion, limits, outcome, patient, review

from trialmatch.domain.criteria import AllOf, AnyOf, LabThreshold, parse_criterion
from trialmatch.domain.criteria.base import Comparator
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

INC, EXC = Section.INCLUSION, Section.EXCLUSION
GE, GT, LE, LT = Comparator.GE, Comparator.GT, Comparator.LE, Comparator.LT
DIP = "urine_protein_dipstick"

AVASTIN_PROTEINURIA = (
    "Urine dipstick for proteinuria<2+. Patients discovered to have ≥2+ proteinuria on dipstick "
    "urinalysis at baseline should undergo a 24-hour urine collection and must demonstrate≤1 g of "
    "protein in 24 hours."
)
CHINESE_PROTEINURIA = (
    "Renal insufficiency: urine routine indicates urinary protein ≥ ++, or confirmed 24-hour urine "
    "protein ≥ 1.0g;"
)


def _labs(**values: float) -> list[dict[str, Any]]:
    names = {"dipstick": ("urine protein dipstick", None), "day": ("24-hour urine protein", "g/24h")}
    entries = []
    for key, value in values.items():
        test, unit = names[key]
        entries.append({"test": test, "value": value, **({"unit": unit} if unit else {})})
    return entries


def _outcome(section: Section, text: str, **values: float) -> Outcome:
    return outcome(section, text, patient(labs=_labs(**values)))


# --- the dipstick grade is its own analyte ------------------------------------------------------------------


def test_pluses_are_the_dipstick_grade():
    rule = exclusion("Urine routine test indicates urine protein ≥(++)")
    assert limits(rule) == [(DIP, GE, 2.0, "1")]
    assert limits(inclusion("Proteinuria less than 1+")) == [(DIP, LT, 1.0, "1")]
    assert limits(inclusion("Protein ≤ 1+ by urinalysis")) == [(DIP, LE, 1.0, "1")]
    assert limits(exclusion("Proteinuria of 2+ or greater")) == [(DIP, GE, 2.0, "1")]


def test_a_bare_number_is_a_grade_only_where_the_sentence_says_dipstick():
    assert limits(inclusion("Proteinuria no greater than 2.0 by dipstick")) == [(DIP, LE, 2.0, "1")]
    rule = inclusion("Urine protein < 2")
    assert not (isinstance(rule, LabThreshold) and rule.analyte == DIP)


def test_a_grade_is_never_read_as_grams_a_day():
    """ "> 1+" was read as "> 1 g/24 h": a 2+ dipstick is about 100 mg/dL, not a gram a day."""
    rule = parse_criterion("Proteinuria > 1+", EXC)
    assert isinstance(rule, LabThreshold)
    assert (rule.analyte, rule.value, rule.unit) == (DIP, 1.0, "1")


def test_dipstick_or_24_hour_protein_excludes_on_either():
    rule = parse_criterion(CHINESE_PROTEINURIA, EXC)
    assert isinstance(rule, AnyOf)
    assert limits(rule) == [(DIP, GE, 2.0, "1"), ("proteinuria", GE, 1.0, "g/24h")]
    assert _outcome(EXC, CHINESE_PROTEINURIA, dipstick=2) is Outcome.FAIL
    assert _outcome(EXC, CHINESE_PROTEINURIA, dipstick=1, day=0.2) is Outcome.PASS
    assert _outcome(EXC, CHINESE_PROTEINURIA, dipstick=1) is Outcome.UNKNOWN
    assert _outcome(EXC, CHINESE_PROTEINURIA) is Outcome.UNKNOWN


def test_dipstick_and_24_hour_protein_exclude_together():
    text = (
        "Urine routine suggests that urinary protein ≥++, and confirms that the quantitative amount of "
        "24-hour urinary protein >1.0g"
    )
    rule = parse_criterion(text, EXC)
    assert isinstance(rule, AllOf)
    assert limits(rule) == [(DIP, GE, 2.0, "1"), ("proteinuria", GT, 1.0, "g/24h")]
    assert _outcome(EXC, text, dipstick=3, day=0.5) is Outcome.PASS


def test_the_24_hour_amount_in_quantification_wordings():
    rule = parse_criterion("the 24-hour urine protein quantification greater than 1.0g", EXC)
    assert limits(rule) == [("proteinuria", GT, 1.0, "g/24h")]
    text = "Urine protein:creatinine ratio < 1.0 OR urine protein < 1.0 g by 24-hour urine collection"
    rule = parse_criterion(text, INC)
    assert limits(rule) == [("upcr", LT, 1.0, "mg/mg"), ("proteinuria", LT, 1.0, "g/24h")]


# --- the dipstick limit with its 24-hour way out -----------------------------------------------------------


def test_the_way_out_makes_the_24_hour_amount_the_alternative():
    rule = parse_criterion(AVASTIN_PROTEINURIA, INC)
    assert isinstance(rule, AnyOf)
    assert limits(rule) == [(DIP, LT, 2.0, "1"), ("proteinuria", LE, 1.0, "g/24h")]
    assert _outcome(INC, AVASTIN_PROTEINURIA, dipstick=2, day=0.4) is Outcome.PASS
    assert _outcome(INC, AVASTIN_PROTEINURIA, dipstick=3, day=1.5) is Outcome.FAIL
    assert _outcome(INC, AVASTIN_PROTEINURIA, dipstick=1) is Outcome.PASS
    assert _outcome(INC, AVASTIN_PROTEINURIA, dipstick=2) is Outcome.UNKNOWN


def test_an_if_sentence_naming_the_unmet_limit_is_its_alternative():
    """Read as one more requirement, "If ≥ 2, < 500 mg" beside "< 2+" would fail every 2+ patient."""
    text = (
        "Urine dipstick for proteinuria < 2+. If urine dipstick is ≥ 2, 24 hour urine must demonstrate "
        "< 500 mg of protein in 24 hours"
    )
    assert limits(parse_criterion(text, INC)) == [(DIP, LT, 2.0, "1"), ("proteinuria", LT, 500.0, "mg/24h")]
    assert _outcome(INC, text, dipstick=2, day=0.3) is Outcome.PASS


def test_an_if_sentence_after_other_limits_binds_only_the_grade():
    text = (
        "Serum creatinine ≤ 1.5 × Upper limit of normal value (ULN), and creatinine clearance ≥ 45 mL/min; "
        "If the urine protein is qualitative ≥ 2+, the 24-hour urine protein quantity shall be less "
        "than 3.5g;"
    )
    rule = parse_criterion(text, INC)
    assert isinstance(rule, AllOf)
    creatinine, clearance, protein = rule.children
    assert isinstance(protein, AnyOf)
    assert limits(protein) == [(DIP, LT, 2.0, "1"), ("proteinuria", LT, 3.5, "g/24h")]
    assert limits(AllOf(source_span=(0, 1), children=[creatinine, clearance])) == [
        ("creatinine", LE, 1.5, None),
        ("crcl", GE, 45.0, "mL/min"),
    ]


def test_an_exclusion_way_out_excludes_a_grade_with_too_much_protein_only():
    text = (
        "Proteinuria at screening as demonstrated by either Urine protein:creatinine (UPC) ratio ≥ 1.0 "
        "at screening OR Urine dipstick for proteinuria ≥ 2+ (patients discovered to have ≥2+ proteinuria "
        "on dipstick urinalysis at baseline should undergo a 24 hour urine collection and must "
        "demonstrate ≤ 1g of protein in 24 hours to be eligible)."
    )
    rule = parse_criterion(text, EXC)
    assert isinstance(rule, AnyOf)
    upcr, dipstick = rule.children
    assert limits(upcr) == [("upcr", GE, 1.0, "mg/mg")]
    assert isinstance(dipstick, AllOf)
    assert limits(dipstick) == [(DIP, GE, 2.0, "1"), ("proteinuria", GT, 1.0, "g/24h")]
    assert _outcome(EXC, text, dipstick=2, day=0.5) is Outcome.UNKNOWN  # the UPCR is not known
    facts = patient(labs=[*_labs(dipstick=2, day=0.5), {"test": "UPCR", "value": 0.3, "unit": "mg/mg"}])
    assert outcome(EXC, text, facts) is Outcome.PASS


def test_a_way_out_for_other_grades_than_the_limit_leaves_is_not_read():
    text = (
        "Urine dipstick for proteinuria < 2+. Patients discovered to have ≥3+ proteinuria on dipstick "
        "urinalysis should undergo a 24-hour urine collection and must demonstrate ≤ 1 g of protein in "
        "24 hours."
    )
    assert parse_criterion(text, INC).kind != "any_of"


def test_a_cut_way_out_stays_for_review():
    text = (
        "Proteinuria at screening as demonstrated by urine dipstick for proteinuria ≥ 2+ (patients "
        "discovered to have ≥2+ proteinuria on dipstick urinalysis at baseline should undergo a 24 hour"
    )
    assert review(text, EXC)


def test_the_ratio_named_around_its_abbreviation_is_one_analyte():
    """ "Urine protein:creatinine (UPC) ratio ≥ 1.0" was read as proteinuria ≥ 1 g/24 h or creatinine ≥ 1.0
    mg/dL, which excluded every patient with a creatinine of 1 mg/dL."""
    assert limits(exclusion("Urine protein:creatinine (UPC) ratio ≥ 1.0")) == [("upcr", GE, 1.0, "mg/mg")]
    assert limits(exclusion("urine protein to creatinine (UP/C) ratio <0.2")) == [("upcr", LT, 0.2, "mg/mg")]


def test_or_greater_after_a_grade_is_its_comparator_not_a_list():
    text = "Proteinuria of 2+ or greater and/or 24-hour urine protein of greater than 1."
    rule = parse_criterion(text, EXC)
    assert isinstance(rule, AnyOf)
    assert limits(rule) == [(DIP, GE, 2.0, "1"), ("proteinuria", GT, 1.0, "g/24h")]
