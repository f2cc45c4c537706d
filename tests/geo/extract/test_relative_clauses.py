"""A relative clause about an actor: "government troops, who recaptured X, pressed east"
(extractor 1.5). Sentences written for this test; the first fails on extractor 1.4 (the
article's main actor, ISIS, was read instead); the second is a guard.
"""
from __future__ import annotations

from geo.articles import Article
from geo.extract import extract_events


def ev(text, gz):
    return extract_events(Article(id="t", text=text, published="2017-06-10"), gz)


def test_who_refers_to_the_actor_before_it(gz):
    es = ev("ISIS fighters attacked Raqqa on Tuesday. ISIS also attacked Palmyra. Further west, government "
            "troops, who recaptured the town of Saraqib on June 3, pressed east.", gz)
    assert {(e.actor, e.place) for e in es if e.place == "Saraqib"} == {("syrian_government", "Saraqib")}


def test_an_actor_named_in_the_relative_clause_is_its_own(gz):
    es = ev("The town of Afrin, which Turkish forces captured on June 3, was quiet on Friday.", gz)
    assert {e.actor for e in es} == {"turkey"}
