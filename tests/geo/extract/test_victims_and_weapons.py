"""The object of a killing is not who struck, and a weapon in the subject types the event
(extractor 1.5). Sentences written for this test; both fail on extractor 1.4, which read the
SDF (the victims) as the actor.
"""
from __future__ import annotations

from geo.articles import Article
from geo.extract import extract_events


def ev(text, gz):
    return extract_events(Article(id="t", text=text, published="2022-11-16"), gz)


def test_the_victims_of_a_killing_are_not_the_striker(gz):
    es = ev("Turkish drones killed three SDF commanders in a strike on a car near Qamishli on Tuesday.", gz)
    assert {(e.actor, e.event_type, e.place) for e in es} == {("turkey", "drone_strike", "Al Qamishli")}


def test_a_subject_with_no_weapon_keeps_the_generic_type(gz):
    es = ev("Turkish forces killed two SDF fighters in an attack near Qamishli on Tuesday.", gz)
    assert {(e.actor, e.event_type) for e in es} == {("turkey", "attack")}


def test_where_a_strike_came_from_does_not_cut_it_from_its_place(gz):
    # fails on extractor 1.4: "airspace" (a non-event context) stood between the strike and Homs
    es = ev("Israeli aircraft fired missiles from Lebanese airspace at targets near Homs overnight.", gz)
    assert {(e.actor, e.place) for e in es} == {("israel", "Homs")}


def test_a_helicopter_raid_by_special_forces_is_a_raid(gz):
    # fails on extractor 1.4, which read every raid with an aircraft in it as an air strike
    es = ev("American special forces killed an IS leader in a helicopter raid on a house near Saraqib overnight.", gz)
    assert {(e.actor, e.event_type) for e in es} == {("us_coalition", "raid")}


def test_helicopters_that_raided_a_town_struck_it_from_the_air(gz):
    # fails on extractor 1.4 ("raid")
    es = ev("Russian helicopters raided Saraqib on Monday.", gz)
    assert {(e.actor, e.event_type) for e in es} == {("russia", "airstrike")}
