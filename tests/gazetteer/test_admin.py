"""Governorates: names, codes, and hints read from context."""
from __future__ import annotations

import pytest

from gazetteer.admin import (
    ADMIN1_NAMES, admin1_from_code, admin1_hint, admin_mentions, country_mentions, governorate_for_name, governorates,
)


def test_fourteen_governorates_in_code_order():
    gs = governorates()
    assert [g.code for g in gs] == [f"{i:02d}" for i in range(1, 15)]
    assert tuple(g.admin1 for g in gs) == ADMIN1_NAMES
    assert admin1_from_code("SY.12") == "Idlib" and admin1_from_code("01") == "Al-Hasakah"
    assert admin1_from_code("12", "IQ") is None


@pytest.mark.parametrize(("spelling", "admin1"), [
    ("Idleb", "Idlib"), ("Hamah", "Hama"), ("Halab", "Aleppo"), ("Hims", "Homs"), ("Lattakia", "Latakia"),
    ("Tartous", "Tartus"), ("Dimashq", "Damascus"), ("Rural Damascus", "Rif Dimashq"), ("Deraa", "Daraa"),
    ("Dar'a", "Daraa"), ("Sweida", "As-Suwayda"), ("Quneitra", "Quneitra"), ("Dayr az Zawr", "Deir ez-Zor"),
    ("Ar-Raqqah", "Raqqa"), ("Hasakeh", "Al-Hasakah"), ("Al-Hasakah", "Al-Hasakah"),
])
def test_governorate_spellings(spelling, admin1):
    assert governorate_for_name(spelling) == admin1


@pytest.mark.parametrize(("text", "admin1"), [
    ("in the southern countryside of Idlib", "Idlib"),
    ("on the outskirts of Aleppo", "Aleppo"),
    ("in Hama province", "Hama"),
    ("in Idlib's southern countryside", "Idlib"),
    ("raids on the Damascus countryside", "Rif Dimashq"),
    ("in the city of Damascus", "Damascus"),
    ("shelling in rural Hama and in Latakia", "Hama"),
    ("Deir Ezzor", "Deir ez-Zor"),
])
def test_admin1_hint(text, admin1):
    assert admin1_hint(text) == admin1


def test_hint_none_and_strength():
    assert admin1_hint("Russia said on Monday") is None
    assert admin1_hint("") is None
    ms = admin_mentions("northern Hama and Homs")
    assert [(m.admin1, m.strength) for m in ms] == [("Hama", 2), ("Homs", 1)]


def test_country_mentions():
    assert country_mentions("a strike in Iraq") == ("IQ",)
    assert country_mentions("Turkey-backed factions") == ()
