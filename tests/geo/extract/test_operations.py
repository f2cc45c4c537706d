"""Named military operations, "drove X from Y", "cleared Y of terrorists", and a restatement
dated by when it was said (extractor 1.5).

Sentences written for this test. The first fails on extractor 1.4. The restatement passes on
1.4, which read no event word in "has been cleared of terrorists"; with 1.5's "cleared" it needs
the fold of a restatement dated by when it was said. People who fled from a town are a guard.
"""
from __future__ import annotations

from geo.articles import Article
from geo.extract import extract_events


def ev(text, gz):
    return extract_events(Article(id="t", text=text, published="2019-10-10"), gz)


def keys(es):
    return {(e.actor, e.event_type, e.place) for e in es}


def test_an_operation_names_its_army_and_driving_out_is_an_offensive(gz):
    es = ev("In 2016 Operation Euphrates Shield drove Daesh from Al-Bab, and in 2018 Operation Olive Branch "
            "cleared Afrin of terrorists.", gz)
    assert keys(es) == {("turkey", "ground_offensive", "Al Bab"), ("turkey", "ground_offensive", "Afrin")}


def test_people_who_fled_from_a_town_are_no_event_there(gz):
    es = ev("Turkish jets struck Tal Rifaat on Monday. Thousands fled from Afrin.", gz)
    assert "Afrin" not in {e.place for e in es}


def test_a_restatement_dated_by_when_it_was_said_is_the_same_event(gz):
    es = ev("Turkish troops took control of Afrin on Wednesday. \"Afrin has been cleared of terrorists,\" the "
            "General Staff said in a statement on Thursday.", gz)
    assert [(e.actor, e.place, e.date) for e in es] == [("turkey", "Afrin", "2019-10-09")]
