"""An attack nobody claimed, and the humanitarian names of the government (extractor 1.5).

Sentences written for this test; both fail on extractor 1.4.
"""
from __future__ import annotations

from geo.articles import Article
from geo.extract import extract_events


def ev(text, gz):
    return extract_events(Article(id="t", text=text, published="2023-10-09"), gz)


def test_an_unclaimed_attack_is_by_an_unknown_actor(gz):
    es = ev("Russian jets struck Idlib on Monday.\n\nOn Thursday, a drone attack on a ceremony in Homs killed dozens. "
            "No group has claimed responsibility.", gz)
    assert {(e.actor, e.place) for e in es if e.place == "Homs"} == {("unknown", "Homs")}


def test_government_of_syria_forces_are_the_government(gz):
    es = ev("Since Thursday, Government of Syria (GoS) forces have intensified shelling on Saraqib, according to "
            "local sources.", gz)
    assert {e.actor for e in es} == {"syrian_government"}


def test_a_claim_in_the_next_sentence_names_the_attacker(gz):
    # fails on extractor 1.4 ("unknown": the bombers were generic "terrorists")
    es = ev("Dozens were killed on Monday when terrorist suicide bombers and car bombs struck Latakia.\n\n"
            "Daesh terrorist organization claimed responsibility for the crimes through its websites.", gz)
    assert {(e.actor, e.event_type, e.place) for e in es} == {("isis", "bombing", "Latakia")}


def test_a_claim_does_not_reach_an_attack_with_a_named_actor(gz):
    es = ev("Russian jets struck Saraqib on Monday. ISIS claimed responsibility for a bombing in Raqqa.", gz)
    assert ("russia", "Saraqib") in {(e.actor, e.place) for e in es}
