import pytest

from trialmatch.domain.lexicon import (
    all_concepts,
    ancestors,
    descendants,
    find_concepts,
    get_concept,
    normalise_term,
    resolve_finding,
)

CONTRACT_IDS = [
    "hiv",
    "hbv",
    "hcv",
    "brain_metastases",
    "liver_metastases",
    "autoimmune_disease",
    "pregnancy",
    "breastfeeding",
    "organ_transplant",
    "stem_cell_transplant",
    "interstitial_lung_disease",
    "active_infection",
    "tuberculosis",
    "heart_failure",
]


def test_the_lexicon_holds_the_concepts_criteria_use():
    ids = {c.id for c in all_concepts()}
    assert len(ids) >= 60
    assert set(CONTRACT_IDS) <= ids
    for concept_id in [
        "leptomeningeal_disease",
        "bone_metastases",
        "pneumonitis",
        "allogeneic_stem_cell_transplant",
        "myocardial_infarction",
        "uncontrolled_hypertension",
        "diabetes",
        "prior_malignancy",
        "seizures",
        "psychiatric_illness",
        "covid19",
        "dialysis",
    ]:
        assert concept_id in ids


def test_every_concept_has_a_label_and_synonyms_in_normal_form():
    for concept in all_concepts():
        assert concept.label
        assert concept.synonyms, concept.id
        for synonym in concept.synonyms:
            assert synonym == normalise_term(synonym), (concept.id, synonym)


@pytest.mark.parametrize(
    ("term", "concept_id"),
    [
        ("HIV", "hiv"),
        ("HIV infection", "hiv"),
        ("human immunodeficiency virus", "hiv"),
        ("HIV-positive", "hiv"),
        ("hepatitis b", "hbv"),
        ("hbv", "hbv"),
        ("HBsAg positive", "hbv"),
        ("Hepatitis C", "hcv"),
        ("brain mets", "brain_metastases"),
        ("Brain metastasis", "brain_metastases"),
        ("untreated brain metastases", "active_brain_metastases"),
        ("carcinomatous meningitis", "leptomeningeal_disease"),
        ("liver metastases", "liver_metastases"),
        ("hepatic metastases", "liver_metastases"),
        ("Crohn’s disease", "inflammatory_bowel_disease"),
        ("breast-feeding", "breastfeeding"),
        ("allo-HSCT", "allogeneic_stem_cell_transplant"),
        ("SARS-CoV-2 infection", "covid19"),
        ("haemodialysis", "hemodialysis"),
        ("NYHA class III", "heart_failure"),
        ("HER2+", "her2_positive"),
    ],
)
def test_synonyms_resolve_exactly(term, concept_id):
    concept = resolve_finding(term)
    assert concept is not None
    assert concept.id == concept_id


@pytest.mark.parametrize(
    ("term", "concept_id"),
    [
        ("known brain metastases (treated)", "brain_metastases"),
        ("history of seizures", "seizures"),
        ("h/o myocardial infarction", "myocardial_infarction"),
        ("documented HIV infection", "hiv"),
    ],
)
def test_qualifiers_that_do_not_change_the_concept_are_dropped(term, concept_id):
    concept = resolve_finding(term)
    assert concept is not None
    assert concept.id == concept_id


@pytest.mark.parametrize(
    ("term", "concept_id"),
    [
        ("brian metastases", "brain_metastases"),  # ratio 93.8
        ("hepatits B", "hbv"),
        ("leptomeningal disease", "leptomeningeal_disease"),
        ("pnemonitis", "pneumonitis"),
        ("interstital lung disease", "interstitial_lung_disease"),
        ("myocardial infraction", "myocardial_infarction"),
        ("congestive heart faliure", "heart_failure"),
        ("Pregant", "pregnancy"),  # ratio 93.3
        ("untreted brain metastases", "active_brain_metastases"),
    ],
)
def test_typos_at_or_above_the_cutoff_resolve(term, concept_id):
    concept = resolve_finding(term)
    assert concept is not None
    assert concept.id == concept_id


@pytest.mark.parametrize(
    "term",
    [
        "xyzzy",
        "",
        "lung cancer",
        "bone marrow",
        "hepatitis d",  # ratio 90.9 to "hepatitis b": one meaningful letter
        "hdv infection",  # ratio 92.3 to "hbv infection"
        "type 3 diabetes",
        "diabetis",  # ratio 87.5: below the cutoff, reported as unknown rather than guessed
        "no brain metastases",  # a negation is a false value, not a term
    ],
)
def test_unrelated_or_too_distant_terms_do_not_resolve(term):
    assert resolve_finding(term) is None


def test_hierarchy_runs_both_ways():
    assert ancestors("brain_metastases") == {
        "cns_metastases",
        "distant_metastases",
        "metastatic_disease",
        "cns_disease",
    }
    # A primary brain tumour is CNS disease, never a metastasis.
    assert ancestors("primary_brain_tumour") == {"cns_disease"}
    assert ancestors("liver_metastases") == {"distant_metastases", "metastatic_disease"}
    # Peritoneal spread is regional in ovarian cancer (FIGO III) and distant in colorectal cancer (M1c).
    assert ancestors("peritoneal_metastases") == {"metastatic_disease"}
    assert ancestors("hiv") == frozenset()
    assert {"brain_metastases", "leptomeningeal_disease", "active_brain_metastases"} <= descendants(
        "cns_metastases"
    )
    assert "allogeneic_stem_cell_transplant" in descendants("stem_cell_transplant")
    # Commonly allowed exceptions are not children of autoimmune disease, so they never exclude by themselves.
    assert "autoimmune_disease" not in ancestors("type1_diabetes")
    assert "autoimmune_disease" not in ancestors("hypothyroidism")
    assert "autoimmune_disease" not in ancestors("psoriasis")


def test_unknown_concept_id_raises_key_error():
    with pytest.raises(KeyError):
        get_concept("nonsense")


# Exclusion criteria of NCT05689853 (ClinicalTrials.gov), verbatim.
CRITERIA_NCT05689853 = [
    (
        "Presence of spinal cord compression or active brain metastases",
        [
            ("spinal cord compression", "spinal_cord_compression"),
            ("active brain metastases", "active_brain_metastases"),
        ],
    ),
    (
        "Uncontrolled pleural effusion, pericardial effusion or ascites requiring repeated drainage",
        [
            ("pleural effusion", "pleural_effusion"),
            ("pericardial effusion", "pericardial_effusion"),
            ("ascites", "ascites"),
        ],
    ),
    (
        "Active autoimmune disease that has required systemic treatment in past 2 years",
        [("Active autoimmune disease", "autoimmune_disease")],
    ),
    (
        "History of interstitial lung disease or noninfectious pneumonitis",
        [
            ("interstitial lung disease", "interstitial_lung_disease"),
            ("noninfectious pneumonitis", "pneumonitis"),
        ],
    ),
    (
        "History of immunodeficiency, human immunodeficiency virus infection (HIV)",
        [
            ("immunodeficiency", "immunodeficiency"),
            ("human immunodeficiency virus infection", "hiv"),
            ("HIV", "hiv"),
        ],
    ),
    (
        "Active tuberculosis or syphilis infection",
        [("Active tuberculosis", "tuberculosis"), ("syphilis", "syphilis")],
    ),
    (
        "History of organ transplantation or allogeneic haematopoietic stem cell\n"
        "             transplantation",
        [
            ("organ transplantation", "organ_transplant"),
            (
                "allogeneic haematopoietic stem cell\n             transplantation",
                "allogeneic_stem_cell_transplant",
            ),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CRITERIA_NCT05689853)
def test_mentions_in_real_criteria(text, expected):
    found = [(text[start:end], concept.id) for start, end, concept in find_concepts(text)]
    assert found == expected


def test_short_abbreviations_count_only_in_capitals():
    text = "Hearing aids are allowed. Patients with AIDS or a prior MI are excluded; mi and tb are not."
    found = [(text[start:end], concept.id) for start, end, concept in find_concepts(text)]
    assert found == [("AIDS", "aids"), ("MI", "myocardial_infarction")]
