"""A small fake gazetteer: the extractor's tests do not depend on the gazetteer's data."""
from __future__ import annotations

import re
from dataclasses import dataclass

# name -> (canonical, lat, lon, admin1, country, geonameid, feature_code)
PLACES = {
    "kafr zita": ("Kafr Zita", 35.37425, 36.6033, "Hama", "SY", 168620, "PPL"),
    "al latamneh": ("Al Lataminah", 35.3213, 36.6204, "Hama", "SY", None, "PPL"),
    "al lataminah": ("Al Lataminah", 35.3213, 36.6204, "Hama", "SY", None, "PPL"),
    "latamneh": ("Al Lataminah", 35.3213, 36.6204, "Hama", "SY", None, "PPL"),
    "kafr nabudah": ("Kafr Nabudah", 35.4322, 36.4908, "Hama", "SY", None, "PPL"),
    "khan shaykhun": ("Khan Shaykhun", 35.44208, 36.65095, "Idlib", "SY", 168325, "PPL"),
    "khan sheikhoun": ("Khan Shaykhun", 35.44208, 36.65095, "Idlib", "SY", 168325, "PPL"),
    "saraqib": ("Saraqib", 35.8644, 36.8006, "Idlib", "SY", 163915, "PPL"),
    "babila": ("Babila", 35.6999, 36.7295, "Idlib", "SY", None, "PPL"),
    "aleppo": ("Aleppo", 36.20124, 37.16117, "Aleppo", "SY", 170063, "PPLA"),
    "idlib": ("Idlib", 35.93062, 36.63393, "Idlib", "SY", 169389, "PPLA"),
    "hama": ("Hama", 35.13179, 36.75783, "Hama", "SY", 170017, "PPLA"),
    "homs": ("Homs", 34.72682, 36.72339, "Homs", "SY", 169577, "PPLA"),
    "raqqa": ("Ar Raqqah", 35.95283, 39.00788, "Raqqa", "SY", 172955, "PPLA"),
    "deir ez-zor": ("Deir ez-Zor", 35.33588, 40.14084, "Deir ez-Zor", "SY", 170794, "PPLA"),
    "deir ez zor": ("Deir ez-Zor", 35.33588, 40.14084, "Deir ez-Zor", "SY", 170794, "PPLA"),
    "palmyra": ("Tadmur", 34.5624, 38.28402, "Homs", "SY", 163808, "PPL"),
    "tadmur": ("Tadmur", 34.5624, 38.28402, "Homs", "SY", 163808, "PPL"),
    "damascus": ("Damascus", 33.5102, 36.29128, "Damascus", "SY", 170654, "PPLC"),
    "douma": ("Douma", 33.5722, 36.4026, "Rif Dimashq", "SY", 170592, "PPL"),
    "al-bab": ("Al Bab", 36.37051, 37.5157, "Aleppo", "SY", 173193, "PPL"),
    "al bab": ("Al Bab", 36.37051, 37.5157, "Aleppo", "SY", 173193, "PPL"),
    "afrin": ("Afrin", 36.5119, 36.8694, "Aleppo", "SY", 174448, "PPL"),
    "tal rifaat": ("Tall Rif'at", 36.4733, 37.0972, "Aleppo", "SY", 163510, "PPL"),
    "qamishli": ("Al Qamishli", 37.05215, 41.23142, "Al-Hasakah", "SY", 173811, "PPL"),
    "ras al-ain": ("Ras al-Ayn", 36.85, 40.0667, "Al-Hasakah", "SY", 173480, "PPL"),
    "ain issa": ("Ain Issa", 36.3858, 38.8603, "Raqqa", "SY", None, "PPL"),
    "abu kamal": ("Abu Kamal", 34.4506, 40.9171, "Deir ez-Zor", "SY", 174186, "PPL"),
    "beirut": ("Beirut", 33.89332, 35.50157, None, "LB", 276781, "PPLC"),
    "paris": ("Paris", 48.85341, 2.3488, None, "FR", 2988507, "PPLC"),
    "moscow": ("Moscow", 55.75222, 37.61556, None, "RU", 524901, "PPLC"),
    "latakia": ("Latakia", 35.53168, 35.79011, "Latakia", "SY", 173576, "PPLA"),
    "maarat al-numan": ("Ma'arrat an Nu'man", 35.64354, 36.67163, "Idlib", "SY", 167611, "PPL"),
    "jisr al-shughur": ("Jisr ash Shughur", 35.81258, 36.31842, "Idlib", "SY", 169304, "PPL"),
    "qaryatain": ("Al Qaryatayn", 34.22956, 37.24066, "Homs", "SY", 173361, "PPL"),
    "kafr nabl": ("Kafr Nabl", 35.6136, 36.5614, "Idlib", "SY", None, "PPL"),
    "daraa": ("Daraa", 32.6189, 36.10213, "Daraa", "SY", 170903, "PPLA"),
    "mayadin": ("Al Mayadin", 35.02, 40.45, "Deir ez-Zor", "SY", 166964, "PPL"),
    "al-mayadin": ("Al Mayadin", 35.02, 40.45, "Deir ez-Zor", "SY", 166964, "PPL"),
}


def _key(name: str) -> str:
    return re.sub(r"\s+", " ", name.replace("\u2019", "'").strip().lower())


@dataclass
class Resolution:
    query: str
    matched: bool
    name: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    admin1: str | None = None
    country_code: str | None = None
    feature_code: str | None = None
    score: float = 0.0
    geo_precision: int = 1
    note: str | None = None


class FakeGazetteer:
    """Same methods as gazetteer.Gazetteer over a dozen places."""

    version = "fake-1"

    def __init__(self, places: dict | None = None) -> None:
        self.places = dict(PLACES if places is None else places)
        self.calls = 0

    def lookup(self, name: str, country=None) -> list[Resolution]:
        k = _key(name)
        row = self.places.get(k)
        if row is None:
            return []
        wanted = None if country is None else ({country} if isinstance(country, str) else set(country))
        return [self._res(name, row)] if wanted is None or row[4] in wanted else []

    def geocode(self, name, *, context=None, country=None, near=None) -> Resolution:
        self.calls += 1
        k = _key(name)
        row = self.places.get(k) or self.places.get(re.sub(r"^(?:al|the)[ -]", "", k))
        if row is None or (country and row[4] != country):
            return Resolution(name, False)
        return self._res(name, row)

    def admin1_hint(self, text: str) -> str | None:
        for g in ("Idlib", "Hama", "Aleppo", "Homs", "Raqqa", "Latakia", "Daraa"):
            if g.lower() in (text or "").lower():
                return g
        return None

    @staticmethod
    def _res(q, row) -> Resolution:
        name, lat, lon, admin1, cc, gid, fc = row
        return Resolution(q, True, name, lat, lon, gid, admin1, cc, fc, 1.0, 1, None)


import pytest  # noqa: E402


@pytest.fixture()
def gz() -> FakeGazetteer:
    return FakeGazetteer()
