import pytest

from trialmatch.domain import geo


def test_a_clinic_location_resolves_offline_to_the_city():
    lyon = geo.locate_text("Lyon, France")
    assert lyon is not None
    assert (lyon.name, lyon.country) == ("Lyon", "France")
    assert lyon.latitude == pytest.approx(45.749, abs=0.01)


def test_country_narrows_homonyms_and_aliases_are_known():
    assert geo.locate("Frankfurt", "Germany").name == "Frankfurt am Main"
    assert geo.locate("Houston", "USA").country == "United States"
    assert geo.locate("Paris", "Nowhereland") is None


def test_small_towns_are_left_unplaced_rather_than_guessed():
    assert geo.locate("Pierre-Bénite", "France") is None
    assert geo.locate_text("   ") is None


def test_distance_lyon_bordeaux_is_436_km():
    lyon, bordeaux = geo.locate("Lyon", "France"), geo.locate("Bordeaux", "France")
    assert geo.distance_km(lyon.latitude, lyon.longitude, bordeaux.latitude, bordeaux.longitude) == (
        pytest.approx(436, abs=2)
    )


def test_completion_labels_are_city_and_country():
    labels = geo.city_labels(min_population=2_000_000)
    assert "Paris, France" in labels
    assert all(", " in label for label in labels)
