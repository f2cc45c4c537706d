"""Attacks that were averted ("found explosive devices", "foiled an attack"), and an actor named
as the object of the event verb ("attacked regime positions") (extractor 1.5).

Sentences written for this test. The first three fail on extractor 1.4; the last is a guard.
"""
from __future__ import annotations

import pytest

from geo.articles import Article
from geo.extract import extract_events


def ev(text, gz):
    return extract_events(Article(id="t", text=text, published="2020-11-18"), gz)


@pytest.mark.parametrize("text", [
    "Israeli troops found explosive devices planted near Daraa on Tuesday.",
    "Security forces foiled a car bomb attack on a checkpoint in Afrin on Monday.",
])
def test_an_averted_attack_is_no_event(gz, text):
    assert ev(text, gz) == []


def test_an_actor_named_as_the_object_is_not_read_back_as_the_attacker(gz):
    es = ev("Regime artillery shelled Saraqib on Monday. On Tuesday, unnamed fighters attacked regime positions "
            "in Kafr Zita.", gz)
    assert not any(e.actor == "syrian_government" and e.place == "Kafr Zita" for e in es)


def test_a_car_bomb_that_exploded_is_still_an_event(gz):
    es = ev("A car bomb exploded in Afrin on Monday, a day after police found another one.", gz)
    assert {(e.actor, e.event_type, e.place) for e in es} == {("unknown", "bombing", "Afrin")}


@pytest.mark.parametrize("text", [
    "A deal struck by Russia and Turkey in Sochi on Monday averted an offensive on Idlib.",
    "Russia and Turkey struck a deal on Idlib on Monday.",
])
def test_a_deal_struck_is_no_strike(gz, text):
    assert ev(text, gz) == []
