"""Entering a named place, counter-attacks, expected offensives, "Turkish-backed SNA factions",
and a state named only as an object (extractor 1.5).

Sentences written for this test. All fail on extractor 1.4 except the two guards (an aid
convoy that entered a town, and "entered the city").
"""
from __future__ import annotations

import pytest

from geo.articles import Article
from geo.extract import extract_events


def ev(text, gz):
    return extract_events(Article(id="t", text=text, published="2019-10-14"), gz)


def keys(es):
    return {(e.actor, e.event_type, e.place) for e in es}


@pytest.mark.parametrize("text,want", [
    ("SNA fighters entered Afrin on Saturday.", ("rebels", "ground_offensive", "Afrin")),
    ("Government troops entered the town of Saraqib on Monday.", ("syrian_government", "ground_offensive", "Saraqib")),
    ("The SDF counter-attacked in Ras al-Ain on Saturday.", ("sdf_ypg", "ground_offensive", "Ras al-Ayn")),
    ("Turkish-backed Syrian National Army (SNA) factions began a ground push on villages near Tal Rifaat on "
     "Thursday.", ("rebels", "ground_offensive", "Tall Rif'at")),
])
def test_read(gz, text, want):
    assert keys(ev(text, gz)) == {want}


def test_entering_needs_an_actor(gz):
    es = ev("Russian jets struck Saraqib on Monday. An aid convoy entered Douma on Tuesday.", gz)
    assert "Douma" not in {e.place for e in es}


def test_entering_needs_a_named_place(gz):
    es = ev("Rebels attacked Saraqib on Monday, and opposition forces entered the city for the first time.", gz)
    assert keys(es) == {("rebels", "attack", "Saraqib")}


def test_an_offensive_that_is_widely_expected_is_no_event(gz):
    assert ev("Ankara has massed troops on the border, and an offensive on Tal Rifaat is widely expected.", gz) == []


def test_a_state_named_as_an_object_is_not_who_the_troops_are(gz):
    text = ("Government forces took control of Saraqib on Friday, leaving a Turkish observation post surrounded. "
            "The advance came days after troops entered Khan Sheikhoun.")
    assert ("syrian_government", "ground_offensive", "Khan Shaykhun") in keys(ev(text, gz))
