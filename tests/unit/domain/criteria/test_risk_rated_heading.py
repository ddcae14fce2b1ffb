"""A heading naming a risk group after the patients ("MDS and CMML patients rated as high-risk ...") bounds
its items to that group."""

from __future__ import annotations

from one_criterion import entered, limits_with_multiples, patient, result

from trialmatch.domain.criteria import NeedsReview, parse_criterion
from trialmatch.domain.evaluation import Outcome
from trialmatch.domain.trial import Section

HIGH_RISK = "MDS and CMML patients rated as high-risk or extremely high-risk according to IPSS-R"
PLATELETS = "Platelet > 30 × 10^9/L before screening；"


def test_the_limit_binds_only_the_high_risk_group() -> None:
    rule = parse_criterion(PLATELETS, Section.INCLUSION, HIGH_RISK)
    assert rule.kind == "any_of"
    assert limits_with_multiples(rule) == [("platelets", ">", 30.0, "10^9/L", None)]
    (review,) = [c for c in rule.children if isinstance(c, NeedsReview)]  # type: ignore[attr-defined]
    assert "applies only to the subgroup" in review.why
    assert "rated as high-risk or extremely high-risk according to ipss-r" in review.why


def test_the_line_above_the_lead_in_bounds_the_items_too() -> None:
    heading = f"{HIGH_RISK}: Adequate organ function"
    rule = parse_criterion("Serum creatinine ≤ 1.5 × ULN", Section.INCLUSION, heading)
    assert rule.kind == "any_of"


def test_low_platelets_are_left_to_the_clinician_not_failed() -> None:
    def outcome(*labs: tuple[str, float, str]) -> Outcome:
        return result(Section.INCLUSION, PLATELETS, patient(labs=entered(*labs)), HIGH_RISK).result

    assert outcome(("platelets", 20, "10^9/L")) is Outcome.UNKNOWN
    assert outcome(("platelets", 80, "10^9/L")) is Outcome.PASS


def test_a_heading_without_a_risk_group_binds_everyone() -> None:
    heading = "MDS and CMML patients rated according to IPSS-R"
    assert parse_criterion(PLATELETS, Section.INCLUSION, heading).kind == "lab"
