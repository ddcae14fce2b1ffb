"""'medical' beside a named finding is an alternative the lexicon cannot name, not filler."""

from one_criterion import exclusion, inclusion, outcome, patient, review

from trialmatch.domain.evaluation import Outcome

WHY = "a medical illness the lexicon cannot name is listed beside the finding: judge it"


def test_an_unstable_medical_or_psychiatric_disorder_is_not_only_a_psychiatric_one():
    # Read as the psychiatric disorder alone, the patient with an unstable medical illness and no
    # psychiatric one passed.
    text = "Unstable medical or psychiatric disorder."
    assert review(text, "exclusion") == WHY
    no_psychiatric = patient(findings={"psychiatric illness": False})
    assert outcome("exclusion", text, no_psychiatric) is Outcome.UNKNOWN
    assert outcome("exclusion", text, patient()) is Outcome.UNKNOWN


def test_no_serious_medical_or_psychiatric_illness_goes_to_the_clinician():
    text = "No serious medical or psychiatric illness"
    assert review(text, "inclusion") == WHY
    assert outcome("inclusion", text, patient(findings={"psychiatric illness": False})) is Outcome.UNKNOWN
    after = "Psychiatric illness or medical condition that would limit compliance"
    assert review(after, "exclusion") == WHY


def test_a_medical_history_of_named_findings_is_still_read():
    rule = exclusion("Medical history of stroke or psychiatric illness")
    assert rule.kind == "any_of"
    assert [(c.concept, c.present, c.qualifier) for c in rule.children] == [
        ("stroke", True, "history"),
        ("psychiatric_illness", True, "history"),
    ]
    plain = inclusion("No psychiatric illness")
    assert (plain.concept, plain.present) == ("psychiatric_illness", False)
    assert outcome(
        "inclusion", "No psychiatric illness", patient(findings={"psychiatric illness": False})
    ) is (Outcome.PASS)
