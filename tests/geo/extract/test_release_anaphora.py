"""Releases that tell one operation in several sentences (extractor 1.5).

Sentences written for this test. The first three tests fail on extractor 1.4; the other three
are guards that keep what 1.4 read right (a generic word with no anaphor, the region of a
governorate, a region after a town):

* a group named only as a target or as what it aimed at ("bases of the YPG, which are used
  to attack our people") is not the article's actor, so the release's agentless sentences
  stay the author's;
* "In the operation, depots were destroyed" takes the type of the operation told before;
* "the region of Kobani" is the area around a town (precision 2), not a governorate, and is
  still a town's context when it stands after one ("Jinderes, a town in the Afrin region").
"""
from __future__ import annotations

from geo.articles import Article
from geo.extract import extract_events

RELEASE = ("The air operation was carried out on Sunday against the bases of the PKK/YPG terrorists, which are "
           "used to attack our people. In the operation, depots and shelters of the terrorists were destroyed "
           "in Tal Rifaat and Afrin. In addition, PKK/YPG terrorists preparing to attack our base were "
           "neutralised.")


def ev(text, gz, source=None):
    return extract_events(Article(id="t", text=text, published="2022-11-20", source=source), gz)


def test_a_target_or_an_aim_is_not_the_releases_actor(gz):
    es = ev(RELEASE, gz, source="Turkish Ministry of National Defence")
    assert {(e.actor, e.place) for e in es} == {("turkey", "Tall Rif'at"), ("turkey", "Afrin")}


def test_the_operation_keeps_the_type_it_was_told_with(gz):
    es = ev(RELEASE, gz, source="Turkish Ministry of National Defence")
    assert {e.event_type for e in es} == {"airstrike"}


def test_a_generic_word_without_an_anaphor_keeps_its_own_type(gz):
    text = ("Turkish jets carried out an air operation on Sunday against PKK/YPG bases. Separately, "
            "Turkish forces attacked positions in Tal Rifaat.")
    es = ev(text, gz)
    assert {(e.actor, e.event_type) for e in es if e.place == "Tall Rif'at"} == {("turkey", "attack")}


def test_the_region_of_a_town_is_the_area_around_it(gz):
    es = ev("Russian jets struck the region of Afrin and the Tal Rifaat region on Sunday.", gz)
    assert {(e.place, e.geo_precision) for e in es} == {("Afrin", 2), ("Tall Rif'at", 2)}


def test_the_region_of_a_governorate_is_the_governorate(gz):
    es = ev("Russian jets struck the region of Hama on Sunday.", gz)
    assert [(e.admin1, e.geo_precision) for e in es] == [("Hama", 3)]


def test_the_region_after_a_town_is_its_context(gz):
    es = ev("Turkish troops took control of Tal Rifaat, a town in the Afrin region, on Thursday.", gz)
    assert {e.place for e in es} == {"Tall Rif'at"}
