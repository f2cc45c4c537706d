"""Background told in a retrospective: security forces, "the southern city of X", "to help
troops storm X", and natural hazards (extractor 1.5).

Sentences written for this test. All fail on extractor 1.4 except the last, a guard.
"""
from __future__ import annotations

from geo.articles import Article
from geo.extract import extract_events


def ev(text, gz):
    return extract_events(Article(id="t", text=text, published="2021-03-15"), gz)


def keys(es):
    return {(e.actor, e.event_type, e.place, e.geo_precision) for e in es}


def test_security_forces_are_the_home_states_whoever_was_named_before(gz):
    es = ev("A ceasefire was brokered by Russia and Turkey a year ago. The uprising began in the southern city "
            "of Daraa, where security forces opened fire on protesters in March 2011.", gz)
    assert keys(es) == {("syrian_government", "attack", "Daraa", 1)}


def test_troops_helped_to_storm_a_town_stormed_it(gz):
    es = ev("In 2013, Hezbollah fighters crossed from Lebanon to help government troops storm Homs.", gz)
    assert ("syrian_government", "ground_offensive") in {(e.actor, e.event_type) for e in es}


def test_a_storm_that_hit_camps_is_weather(gz):
    assert ev("Russian jets struck Idlib on Monday. A winter storm hit camps near Saraqib on Tuesday.", gz) and \
        "Saraqib" not in {e.place for e in ev("Russian jets struck Idlib on Monday. A winter storm hit camps near "
                                               "Saraqib on Tuesday.", gz)}


def test_a_bare_governorate_name_is_still_the_city_or_the_province(gz):
    assert keys(ev("Russian jets struck Hama on Monday.", gz)) == {("russia", "airstrike", "Hama", 2)}
