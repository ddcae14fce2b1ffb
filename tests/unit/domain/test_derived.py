import datetime as dt

import pytest

from trialmatch.domain.derived import (
    age_at,
    bmi,
    ckd_epi_2021,
    cockcroft_gault,
    ecog_from_karnofsky,
    karnofsky_range,
)


def test_cockcroft_gault_woman_of_the_issue_example():
    # (140 - 62) × 68 / (72 × 1.1) × 0.85 = 5304 / 79.2 × 0.85 = 56.92
    assert cockcroft_gault(62, 68, 1.1, "female") == pytest.approx(56.9, abs=0.05)


def test_cockcroft_gault_man_has_no_sex_factor():
    # (140 - 71) × 92 / (72 × 1.3) = 6348 / 93.6 = 67.82
    assert cockcroft_gault(71, 92, 1.3, "male") == pytest.approx(67.8, abs=0.05)


def test_ckd_epi_2021_woman_above_kappa():
    # 142 × (1.1/0.7)^-1.200 × 0.9938^62 × 1.012 = 142 × 0.58134 × 0.68003 × 1.012 = 56.8
    assert ckd_epi_2021(62, 1.1, "female") == pytest.approx(56.8, abs=0.05)


def test_ckd_epi_2021_man_above_kappa():
    # 142 × (1.3/0.9)^-1.200 × 0.9938^71 = 142 × 0.64323 × 0.64304 = 58.7
    assert ckd_epi_2021(71, 1.3, "male") == pytest.approx(58.7, abs=0.05)


def test_ckd_epi_2021_woman_below_kappa_uses_alpha():
    # 142 × (0.6/0.7)^-0.241 × 0.9938^50 × 1.012 = 142 × 1.03785 × 0.73275 × 1.012 = 109.3
    assert ckd_epi_2021(50, 0.6, "female") == pytest.approx(109.3, abs=0.05)


def test_ckd_epi_2021_at_kappa_is_the_age_term_alone():
    # SCr = κ: both ratio terms are 1; 142 × 0.9938^40 = 142 × 0.77979 = 110.7
    assert ckd_epi_2021(40, 0.9, "male") == pytest.approx(110.7, abs=0.05)


def test_bmi():
    # 68 / 1.65² = 68 / 2.7225
    assert bmi(68, 165) == pytest.approx(24.98, abs=0.005)
    assert bmi(92, 175) == pytest.approx(30.04, abs=0.005)


def test_age_is_completed_years_plus_the_fraction_of_the_current_year():
    assert age_at(dt.date(2008, 11, 20), dt.date(2026, 11, 20)) == 18
    assert int(age_at(dt.date(2008, 11, 21), dt.date(2026, 11, 20))) == 17
    # 14 March 2026 -> 2 October 2026 is 202 of the 365 days to the next birthday
    assert age_at(dt.date(1958, 3, 14), dt.date(2026, 10, 2)) == pytest.approx(68 + 202 / 365)
    assert age_at(dt.date(2026, 5, 20), dt.date(2026, 11, 20)) == pytest.approx(184 / 365)


def test_a_leap_day_birthday_falls_on_28_february_in_common_years():
    assert age_at(dt.date(2008, 2, 29), dt.date(2026, 2, 28)) == 18
    assert int(age_at(dt.date(2008, 2, 29), dt.date(2026, 2, 27))) == 17
    assert age_at(dt.date(2008, 2, 29), dt.date(2028, 2, 29)) == 20


def test_age_before_birth_is_refused():
    with pytest.raises(ValueError, match="before birth date"):
        age_at(dt.date(2026, 1, 1), dt.date(2025, 12, 31))


@pytest.mark.parametrize(
    ("ecog", "karnofsky"),
    [(0, (90, 100)), (1, (70, 80)), (2, (50, 60)), (3, (30, 40)), (4, (10, 20)), (5, (0, 0))],
)
def test_ecog_and_karnofsky_correspond(ecog, karnofsky):
    assert karnofsky_range(ecog) == karnofsky
    for score in karnofsky:
        assert ecog_from_karnofsky(score) == ecog


def test_a_karnofsky_that_is_not_a_score_is_refused():
    with pytest.raises(ValueError, match="Karnofsky 85 is not a score"):
        ecog_from_karnofsky(85)
