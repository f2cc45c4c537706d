"""Headlines that restate the body, and actors named only as what was hit (extractor 1.5).

Sentences written for this test. All but the two guards (a headline with its own place, a list of
places in a headline) fail on extractor 1.4.
"""
from __future__ import annotations

from geo.articles import Article
from geo.extract import extract_events


def ev(text, gz, title=None):
    return extract_events(Article(id="t", text=text, title=title, published="2023-10-07"), gz)


def keys(es):
    return {(e.actor, e.event_type, e.place, e.date) for e in es}


def test_an_actor_named_as_the_target_is_not_the_attacker(gz):
    text = ("Regime forces shelled Saraqib on Monday. Armed drones struck a parade ground in Homs on Thursday, "
            "in one of the deadliest attacks on the army in years.")
    assert ("unknown", "drone_strike", "Homs", "2023-10-05") in keys(ev(text, gz))
    assert not any(e.actor == "syrian_government" and e.place == "Homs" for e in ev(text, gz))


def test_a_headline_naming_a_governorate_folds_into_the_bodys_events_there(gz):
    es = ev("On Friday, government artillery shelled Saraqib and Khan Sheikhoun in Idlib province, activists said.",
            gz, title="Army pounds Idlib")
    assert keys(es) == {("syrian_government", "shelling", "Saraqib", "2023-10-06"),
                        ("syrian_government", "shelling", "Khan Shaykhun", "2023-10-06")}


def test_a_folded_headline_gives_evidence_not_its_guessed_actor_or_day(gz):
    text = ("Regime forces shelled Saraqib on Monday. Armed drones struck a parade ground in Homs on Thursday, "
            "in one of the deadliest attacks on the army in years.")
    es = [e for e in ev(text, gz, title="Drone attack on Homs kills dozens") if e.place == "Homs"]
    assert [(e.actor, e.date) for e in es] == [("unknown", "2023-10-05")]
    assert es[0].evidence.startswith("Drone attack on Homs kills dozens")


def test_a_headline_with_its_own_place_stays(gz):
    es = ev("On Friday, government artillery shelled Saraqib in Idlib province, activists said.", gz,
            title="Russian jets strike Homs")
    assert ("russia", "airstrike", "Homs", "2023-10-07") in keys(es)


def test_a_comma_parts_the_items_of_a_headline(gz):
    es = ev("Talks stalled on Friday, diplomats said.", gz, title="Week in review: talks stall, Israel strikes, fighting "
                                                               "around Saraqib")
    assert es == []


def test_a_list_of_places_in_a_headline_stays_one_item(gz):
    es = ev("Talks stalled on Friday, diplomats said.", gz, title="Russian jets pound Saraqib, Ariha and Idlib")
    assert {e.place for e in es} >= {"Saraqib", "Idlib"}
