"""A nationality that names an actor only with the noun it shares ("Syrian and Russian
warplanes"), and natural areas named with their suffix ("the Yarmouk basin") (extractor 1.5).

Sentences written for this test. The shared head and the basin fail on extractor 1.4; the
others are guards.
"""
from __future__ import annotations

from geo.articles import Article
from geo.extract import extract_events
from tests.geo.extract.conftest import PLACES, FakeGazetteer


def ev(text, gz):
    return extract_events(Article(id="t", text=text, published="2018-07-24"), gz)


def test_syrian_and_russian_warplanes_are_both_actors(gz):
    es = ev("Syrian and Russian warplanes pounded Daraa and Saraqib on Monday.", gz)
    assert {(e.actor, e.place) for e in es if e.place == "Saraqib"} == {("syrian_government", "Saraqib"),
                                                                        ("russia", "Saraqib")}


def test_a_capitalised_word_that_names_no_actor_with_the_head_adds_none(gz):
    es = ev("Moscow and Russian warplanes pounded Saraqib on Monday.", gz)
    assert {e.actor for e in es} == {"russia"}


def _with_area() -> FakeGazetteer:
    places = dict(PLACES)
    places["yarmouk basin"] = ("Yarmouk Basin", 32.74, 35.95, "Daraa", "SY", None, "RGN")
    places["yarmouk"] = ("al-Yarmuk", 33.47, 36.30, "Damascus", "SY", None, "PPL")
    return FakeGazetteer(places)


def test_an_area_known_by_its_suffixed_name_is_that_area():
    es = ev("Syrian jets struck the Yarmouk basin on Monday.", _with_area())
    assert [(e.place, e.admin1, e.geo_precision) for e in es] == [("Yarmouk Basin", "Daraa", 2)]


def test_an_area_the_gazetteer_lacks_is_read_by_its_name(gz):
    es = ev("Syrian jets struck the Saraqib valley on Monday.", gz)
    assert [(e.place, e.geo_precision) for e in es] == [("Saraqib", 2)]


def test_an_area_after_villages_is_their_context():
    es = ev("Syrian jets pounded Daraa and Douma in the Yarmouk basin on Monday.", _with_area())
    assert {e.place for e in es} == {"Daraa", "Douma"}
