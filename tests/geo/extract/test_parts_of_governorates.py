"""Unknown villages placed by what the text says of where they are: the part of a governorate
("the western edge of the province"), an appositive ("X, a town ... in Hama province").

Written for these tests; the village names are invented, so that no gazetteer holds them and
only the wording can place them. Uses the real embedded gazetteer.
"""
from __future__ import annotations

import pytest

from geo.articles import Article
from geo.extract import extract_events


@pytest.fixture(scope="module")
def real_gz():
    from gazetteer import default_gazetteer

    return default_gazetteer()


def ev(text, gz, published="2021-03-10"):
    return extract_events(Article(id="t", text=text, published=published), gz)


def test_the_edge_of_the_province_named_before(real_gz):
    es = ev("Regime helicopters dropped barrel bombs on towns in Idlib province on Monday. "
            "Opposition factions fired rockets at army posts on the western edge of the province, towards Qurnat Zuhra.",
            real_gz)
    rebels = [e for e in es if e.actor == "rebels"]
    assert rebels and all(e.admin1 == "Idlib" and e.geo_precision == 3 for e in rebels)
    west = real_gz.governorate_point("Idlib", "west")
    assert {(e.place, e.lat, e.lon) for e in rebels} == {("western Idlib", west.lat, west.lon)}


def test_a_direction_of_the_countryside_places_an_unknown_village(real_gz):
    es = ev("Government artillery shelled the village of Umm Tuwaynat in the southern countryside of Aleppo "
            "on Tuesday, activists said.", real_gz)
    assert [(e.actor, e.place, e.admin1, e.geo_precision) for e in es] == [
        ("syrian_government", "southern Aleppo", "Aleppo", 3)]
    assert es[0].lat < real_gz.governorate_point("Aleppo", "north").lat


def test_an_appositive_says_which_governorate(real_gz):
    es = ev("Government forces shelled militants in the village of Qaryatain in Homs province, as well as "
            "Khirbat Umm Dhayl, a village to the north of the army's new positions in Hama province, on Sunday.",
            real_gz)
    by_place = {e.place_as_written: e for e in es}
    assert by_place["Khirbat Umm Dhayl"].admin1 == "Hama"
    assert by_place["Qaryatain"].admin1 == "Homs"


def test_a_village_shown_at_its_governorate_is_listed_as_not_in_the_gazetteer(real_gz):
    from geo.extract import extract

    res = extract(Article(id="t", text="Regime helicopters dropped barrel bombs on the village of Umm Tuwaynat "
                                       "in Hama province on Tuesday.", published="2021-03-10"), real_gz)
    assert [(e.place, e.geo_precision) for e in res.events] == [("Hama", 3)]
    assert res.unresolved_places == ["Umm Tuwaynat"]
