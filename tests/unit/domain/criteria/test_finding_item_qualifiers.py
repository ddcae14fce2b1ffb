"""A later item of a finding list that says its own time, and a finding named twice for two times: what
each alternative asks, and the verdicts a clinician checks for a patient with the finding past or now."""

from one_criterion import exclusion, finding_shape, outcome, patient, result

from trialmatch.domain.criteria.finding import FindingRule
from trialmatch.domain.criteria.logic import AnyOf
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

EXC = Section.EXCLUSION
PASS, FAIL, UNKNOWN = Outcome.PASS, Outcome.FAIL, Outcome.UNKNOWN


def _shapes(rule: object) -> list[tuple[str, bool, str, list[str]]]:
    assert isinstance(rule, AnyOf), rule
    return [finding_shape(child) for child in rule.children]


def test_an_item_saying_history_of_is_not_asked_only_whether_it_is_active():
    text = "Active hepatitis B or C, history of HIV infection, active syphilis;"
    assert _shapes(exclusion(text)) == [
        ("hbv", True, "active", []),
        ("hcv", True, "active", []),
        ("hiv", True, "history", []),
        ("syphilis", True, "active", []),
    ]
    meningeal = "Active brain metastases and history of leptomeningeal metastases."
    assert _shapes(exclusion(meningeal))[1] == ("leptomeningeal_disease", True, "history", [])
    treated = {
        "leptomeningeal disease": True,
        "active leptomeningeal disease": False,
        "brain metastases": False,
    }
    assert outcome(EXC, meningeal, patient(findings=treated)) is FAIL
    assert (
        outcome(
            EXC, meningeal, patient(findings={"leptomeningeal disease": False, "brain metastases": False})
        )
        is PASS
    )


SEMICOLONS = (
    "Known active tuberculosis (TB) history; Known active infection requiring systemic therapy; Any known or "
    "suspected autoimmune disease or immunodeficiency;"
)


def test_active_does_not_carry_past_a_semicolon_into_an_item_of_its_own():
    assert _shapes(exclusion(SEMICOLONS)) == [
        ("tuberculosis", True, "active", []),
        ("active_infection", True, "active", ["requiring systemic therapy"]),
        ("autoimmune_disease", True, "any", []),
        ("immunodeficiency", True, "any", []),
    ]
    clear = {"tuberculosis": False, "active infection": False, "immunodeficiency": False}
    quiet_lupus = {**clear, "autoimmune disease": True, "active autoimmune disease": False}
    assert outcome(EXC, SEMICOLONS, patient(findings=quiet_lupus)) is FAIL
    assert outcome(EXC, SEMICOLONS, patient(findings={**clear, "autoimmune disease": False})) is PASS
    vaccine = (
        "Active hepatitis B infection; Administration of live vaccines within 30 days before the first dose;"
    )
    rule = exclusion(vaccine)
    assert isinstance(rule, AnyOf)
    assert isinstance(rule.children[1], FindingRule)
    assert rule.children[1].qualifier == "any"


AUTOIMMUNE = (
    "Subjects who have an active autoimmune disease or have had an autoimmune disease with risk of "
    "recurrence."
)


def test_have_had_an_autoimmune_disease_is_an_alternative_about_the_past():
    assert _shapes(exclusion(AUTOIMMUNE)) == [
        ("autoimmune_disease", True, "active", ["with risk of recurrence"]),
        ("autoimmune_disease", True, "history", ["with risk of recurrence"]),
    ]
    past = {"autoimmune disease": True, "active autoimmune disease": False}
    assert outcome(EXC, AUTOIMMUNE, patient(findings=past)) is UNKNOWN  # was passed as "not active"
    assert outcome(EXC, AUTOIMMUNE, patient(findings={"autoimmune disease": False})) is PASS


PNEUMONITIS = (
    "Has a history of (non-infectious) pneumonitis that required steroids or has current pneumonitis."
)


def test_current_pneumonitis_excludes_whatever_its_treatment():
    assert _shapes(exclusion(PNEUMONITIS)) == [
        ("pneumonitis", True, "history", ["that required steroids"]),
        ("pneumonitis", True, "active", []),
    ]
    # A patient file says pneumonitis, not whether it is current: the clinician is asked that, not only
    # whether steroids were needed.
    judged = result(EXC, PNEUMONITIS, patient(findings={"pneumonitis": True}))
    assert judged.result is UNKNOWN
    assert "whether it is active now is not recorded" in judged.reason
    assert outcome(EXC, PNEUMONITIS, patient(findings={"pneumonitis": False})) is PASS
