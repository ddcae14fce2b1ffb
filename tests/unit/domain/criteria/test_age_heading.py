"""A heading lets a bare span of years be read as the age only when it names the age ("Age:"), not when "age"
is part of another word of it ("Stage IV disease", "Time since last dosage"): there "≤ 6 months" read as the
age would fail every patient older than six months."""

from __future__ import annotations

from one_criterion import outcome, patient

from trialmatch.domain.criteria import AgeRule, NeedsReview, parse_criterion
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

INC = Section.INCLUSION


def test_a_span_of_years_under_an_age_heading_is_the_age():
    rule = parse_criterion("≥ 18", INC, "Age")
    assert isinstance(rule, AgeRule)
    assert (rule.min, rule.min_inclusive, rule.max) == (18.0, True, None)
    assert outcome(INC, "≥ 18", patient(age=17), "Age") is Outcome.FAIL
    assert outcome(INC, "≥ 18", patient(age=62), "Age") is Outcome.PASS


def test_a_span_of_years_under_a_stage_or_dosage_heading_is_no_age():
    for text, heading in [
        ("≤ 6 months", "Time since last dosage"),
        ("At least 2 years", "Stage IV disease"),
        ("≥ 18", "Stage"),
    ]:
        rule = parse_criterion(text, INC, heading)
        assert isinstance(rule, NeedsReview), (text, heading, rule)
        assert "age" not in rule.why
        assert outcome(INC, text, patient(age=62), heading) is Outcome.UNKNOWN


def test_a_number_under_a_stage_heading_is_not_called_an_age_without_a_comparator():
    text = "Must undergo 1 induction regimen"
    rule = parse_criterion(text, INC, "Disease characteristics: histologically confirmed stage II disease")
    assert isinstance(rule, NeedsReview)
    assert rule.why == "not a criterion kind the engine reads"
