"""A section heading run onto the last item's line still opens its section."""

from __future__ import annotations

from trialmatch.domain.segmentation import split_criteria
from trialmatch.domain.trial import Section

BLOCK = """Inclusion Criteria:

  -  Karnofsky 80-100%.

  -  At least 4 weeks since other prior immunotherapy. Exclusion Criteria

  -  Pregnancy or nursing.

  -  Diabetes mellitus requiring insulin.
"""


def test_exclusions_after_a_heading_printed_at_the_end_of_an_item_are_exclusions():
    criteria = [(c.section, c.text) for c in split_criteria(BLOCK)]
    assert criteria == [
        (Section.INCLUSION, "Karnofsky 80-100%."),
        (Section.INCLUSION, "At least 4 weeks since other prior immunotherapy."),
        (Section.EXCLUSION, "Pregnancy or nursing."),
        (Section.EXCLUSION, "Diabetes mellitus requiring insulin."),
    ]


def test_an_item_that_only_mentions_criteria_is_not_split():
    block = "Inclusion Criteria:\n\n  -  Meets the eligibility criteria; see the Exclusion Criteria below.\n"
    assert [c.text for c in split_criteria(block)] == [
        "Meets the eligibility criteria; see the Exclusion Criteria below."
    ]
