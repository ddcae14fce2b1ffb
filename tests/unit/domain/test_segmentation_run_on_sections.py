"""Items numbered on one line split by their own section's numbering, not the other section's."""

from __future__ import annotations

from trialmatch.domain.criteria import parse_criterion
from trialmatch.domain.segmentation import split_criteria
from trialmatch.domain.trial import Section

BLOCK = """Inclusion Criteria:

Male or female ≥18 and ≤65 years of age, willing and able to provide informed consent.

2. Body mass index ≥19 and ≤40 kg/m2 at the Screening Visit (Visit 1). 3. Subject must already have been
diagnosed with symptomatic gout.

4. Subject must have sUA levels ≥7.5 mg/dL at the Screening Visit (Visit 1).

Exclusion Criteria:

Subjects not previously diagnosed as having gout before the Screening Visit.

3. Subject was not compliant with taking placebo during the Run-in Period.

4. Serum creatinine level >1.5 mg/dL.
"""

SUB_LIST = """Inclusion Criteria:

1. Age ≥ 18 years old. 2. Participant must have brain metastasis and either

1. Advanced BRCA1/2m cancer 2. Advanced HRR-aberrant, non-BRCA1/2m cancer 3. Advanced small cell lung cancer

4. Participants must have had at least one prior line of systemic therapy.

Exclusion Criteria:

1. Pregnancy.

2. Known allergy to the study drug.

3. Active infection.
"""


def test_an_exclusion_numbered_3_does_not_keep_the_inclusions_run_on_3_whole():
    inclusion = [(c.number, c.text) for c in split_criteria(BLOCK) if c.section is Section.INCLUSION]
    assert inclusion[1:3] == [
        ("2", "Body mass index ≥19 and ≤40 kg/m2 at the Screening Visit (Visit 1)."),
        ("3", "Subject must already have been diagnosed with symptomatic gout."),
    ]


def test_the_split_off_body_mass_index_limits_are_read_in_full():
    bmi = next(c for c in split_criteria(BLOCK) if c.text.startswith("Body mass index"))
    rule = parse_criterion(bmi.text, bmi.section, bmi.context)
    assert rule.kind == "all_of"
    limits = [(r.analyte, r.comparator.value, r.value, r.unit) for r in rule.children]
    assert limits == [("bmi", ">=", 19.0, "kg/m2"), ("bmi", "<=", 40.0, "kg/m2")]


def test_a_restarted_sub_list_keeps_its_run_on_items_together():
    inclusion = [(c.number, c.text) for c in split_criteria(SUB_LIST) if c.section is Section.INCLUSION]
    assert inclusion == [
        ("1", "Age ≥ 18 years old."),
        ("2", "Participant must have brain metastasis and either"),
        (
            "1",
            "Advanced BRCA1/2m cancer 2. Advanced HRR-aberrant, non-BRCA1/2m cancer 3. Advanced small"
            " cell lung cancer",
        ),
        ("4", "Participants must have had at least one prior line of systemic therapy."),
    ]
