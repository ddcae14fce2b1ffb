"""parse_criterion never raises, whatever the text: one odd sentence must not stop an import."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from trialmatch.domain.criteria import Rule, parse_criterion
from trialmatch.domain.trial import Section

INC, EXC = Section.INCLUSION, Section.EXCLUSION


def _spans(rule: Rule) -> list[tuple[int, int]]:
    found = [rule.source_span]
    for child in getattr(rule, "children", []):
        found += _spans(child)
    return found


@settings(max_examples=300, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.text(
        alphabet=st.sampled_from(list("ANC ≥≤<>=x×10^9/µlLdgmU.,;()-:%0123456789 ULNandorifliver")),
        max_size=120,
    ),
    st.sampled_from([INC, EXC]),
    st.one_of(st.none(), st.text(max_size=30)),
)
def test_never_raises_and_spans_stay_inside_the_text(text, section, context):
    rule = parse_criterion(text, section, context)
    for start, end in _spans(rule):
        assert 0 <= start <= end <= len(text)


@settings(max_examples=200, deadline=None, database=None)
@given(st.text(max_size=200), st.sampled_from([INC, EXC]))
def test_never_raises_on_any_text(text, section):
    assert parse_criterion(text, section).kind
