from trialmatch.domain.trial import (
    Sex,
    TrialStatus,
    normalise_phase,
    normalise_sex,
    normalise_status,
    parse_age_years,
)


def test_status_wordings_of_every_registry_map_to_one_vocabulary():
    assert normalise_status("ACTIVE_NOT_RECRUITING") is TrialStatus.ACTIVE_NOT_RECRUITING
    assert normalise_status("Active, not recruiting") is TrialStatus.ACTIVE_NOT_RECRUITING
    assert normalise_status("Not yet recruiting") is TrialStatus.NOT_YET_RECRUITING
    assert normalise_status("TERMINATED") is TrialStatus.TERMINATED
    assert normalise_status("Unknown status") is TrialStatus.UNKNOWN
    assert normalise_status("something new") is TrialStatus.UNKNOWN
    assert normalise_status(None) is TrialStatus.UNKNOWN


def test_only_recruiting_like_statuses_are_open():
    assert TrialStatus.RECRUITING.is_open
    assert TrialStatus.NOT_YET_RECRUITING.is_open
    assert not TrialStatus.COMPLETED.is_open
    assert not TrialStatus.SUSPENDED.is_open


def test_phases_read_in_any_spelling():
    assert normalise_phase("PHASE1, PHASE2") == "Phase 1/Phase 2"
    assert normalise_phase("Phase 1/Phase 2") == "Phase 1/Phase 2"
    assert normalise_phase("Phase I/II") == "Phase 1/Phase 2"
    assert normalise_phase("PHASE2") == "Phase 2"
    assert normalise_phase("EARLY_PHASE1") == "Early Phase 1"
    assert normalise_phase("N/A") == "N/A"
    assert normalise_phase("") is None


def test_ages_become_years_and_missing_means_no_limit():
    assert parse_age_years("18 Years") == 18.0
    assert parse_age_years("6 Months") == 0.5
    assert parse_age_years("N/A") is None
    assert parse_age_years(None) is None


def test_sex_defaults_to_all():
    assert normalise_sex("FEMALE") is Sex.FEMALE
    assert normalise_sex("All") is Sex.ALL
    assert normalise_sex(None) is Sex.ALL


def test_official_roles_keep_chairs_and_directors_apart_from_investigators():
    from trialmatch.domain.trial import ContactRole, official_role

    assert official_role("Study Chair") is ContactRole.STUDY_CHAIR
    assert official_role("STUDY_DIRECTOR") is ContactRole.STUDY_DIRECTOR
    assert official_role("Principal Investigator") is ContactRole.PRINCIPAL_INVESTIGATOR
    assert official_role(None) is ContactRole.PRINCIPAL_INVESTIGATOR
