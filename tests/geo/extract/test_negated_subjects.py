"""A negated subject denies the act: "No unit of X has opened fire in Y" is no event (extractor 1.5).

The sentences are written for this test. Two of the denials (the first and the last) fail on
extractor 1.4, which read a negation only within four words of the event word; the other two
and the guards pin what must not change. The guards keep the events whose negated noun is a
victim, a passive or a claim ("No civilians were hurt when jets struck ..."), which 1.4 read right.
"""
from __future__ import annotations

import pytest

from geo.articles import Article
from geo.extract import extract_events


def ev(text, gz):
    return extract_events(Article(id="t", text=text, published="2020-03-04"), gz)


@pytest.mark.parametrize("text", [
    "No unit of the Turkish Armed Forces has opened fire in the Tal Rifaat area, the ministry said.",
    "\"No element of our naval forces has ever fired on Latakia,\" the spokesman said.",
    "None of the coalition aircraft taking part in the operation carried out strikes near Raqqa on Monday.",
    "The ministry insisted that not a single Russian warplane had bombed Saraqib on Tuesday.",
])
def test_a_negated_agent_denies_the_event(gz, text):
    assert ev(text, gz) == []


@pytest.mark.parametrize("text,actor,place", [
    ("No civilians were hurt when Russian jets struck Saraqib on Tuesday.", "russia", "Saraqib"),
    ("No casualties were reported after Turkish artillery shelled Tal Rifaat on Monday.", "turkey", "Tall Rif'at"),
    ("No one was killed in the Israeli strike near Damascus on Monday, state media said.", "israel", "Damascus"),
    ("No group has claimed the attack, but Russian jets bombed Douma on Tuesday.", "russia", "Douma"),
])
def test_a_negated_victim_or_claim_keeps_the_event(gz, text, actor, place):
    assert (actor, place) in {(e.actor, e.place) for e in ev(text, gz)}
