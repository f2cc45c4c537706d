""""Eastern Aleppo" in a sentence about a city is the east of the city; "besieged" as an
adjective is no siege; "forces besieged X" is (extractor 1.5).

Sentences written for this test. All fail on extractor 1.4 except the guard (southern Idlib's
villages, a part of a governorate).
"""
from __future__ import annotations

from geo.articles import Article
from geo.extract import extract_events


def ev(text, gz):
    return extract_events(Article(id="t", text=text, published="2016-12-20"), gz)


def keys(es):
    return {(e.actor, e.event_type, e.place, e.geo_precision) for e in es}


def test_eastern_aleppo_besieged_is_the_east_of_the_city(gz):
    es = ev("Russian jets pounded besieged eastern Aleppo on Saturday.", gz)
    assert keys(es) == {("russia", "airstrike", "Aleppo", 2)}


def test_villages_of_southern_idlib_are_a_part_of_the_governorate(gz):
    es = ev("Russian jets struck villages in southern Idlib on Monday.", gz)
    assert {(e.admin1, e.geo_precision) for e in es} == {("Idlib", 3)}


def test_forces_that_besieged_a_town_are_their_own_actor(gz):
    es = ev("Russian jets pounded Saraqib on Saturday. Government forces besieged Douma on Sunday.", gz)
    assert ("syrian_government", "ground_offensive", "Douma", 1) in keys(es)


def test_a_held_east_or_west_of_a_city_is_the_citys(gz):
    es = ev("On 24 September, rebel factions fired rockets at government-held western Aleppo.", gz)
    assert keys(es) == {("rebels", "shelling", "Aleppo", 2)}
