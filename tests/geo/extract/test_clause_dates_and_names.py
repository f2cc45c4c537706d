"""A date at the end of a clause dates that clause's event; an event word inside a group's name
is no event; "Assad militias" (extractor 1.5).

Sentences written for this test; the name and the alias fail on extractor 1.4 (the clause date
was right there by luck: the raids were the nearest group); the date test guards the new rule.
"""
from __future__ import annotations

from geo.articles import Article
from geo.extract import extract_events


def ev(text, gz):
    return extract_events(Article(id="t", text=text, published="2021-06-14"), gz)


def test_a_date_before_a_comma_dates_the_clause_before_it(gz):
    es = ev("Russian warplanes carried out four raids on the outskirts of Saraqib yesterday evening, in the first "
            "such strikes on the area in months.", gz)
    assert [(e.place, e.date) for e in es] == [("Saraqib", "2021-06-13")]


def test_an_event_word_in_a_groups_name_is_no_event(gz):
    es = ev("On Sunday, factions of the National Front for Liberation shelled positions near Saraqib.", gz)
    assert {(e.actor, e.event_type) for e in es} == {("rebels", "shelling")}


def test_assad_militias_are_the_government(gz):
    es = ev("A child was killed on Monday in an artillery bombardment by Assad militias on the town of Saraqib.", gz)
    assert {e.actor for e in es} == {"syrian_government"}
