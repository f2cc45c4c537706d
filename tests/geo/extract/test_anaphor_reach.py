""""The jihadists" may refer to a group named several sentences before (extractor 1.5).

Written for this test; the first fails on extractor 1.4, which looked two sentences back, as for
"it"; the second is a guard.
"""
from __future__ import annotations

from geo.articles import Article
from geo.extract import extract_events


def test_the_jihadists_reach_four_sentences_back(gz):
    text = ("Syrian jets pounded Daraa on Monday, targeting the last pocket held by the Islamic State group.\n\n"
            "The pocket lies in the west of the province. It borders Jordan. Thousands have fled.\n\n"
            "On Saturday, the jihadists attacked government positions near Douma, killing seven soldiers.")
    es = extract_events(Article(id="t", text=text, published="2018-07-24"), gz)
    assert {(e.actor, e.place) for e in es if e.place == "Douma"} == {("isis", "Douma")}


def test_the_jihadists_are_the_group_named_last(gz):
    text = ("ISIS fighters attacked Palmyra on Monday. Nusra fighters attacked Saraqib on Tuesday. Aid groups "
            "said thousands had fled. On Saturday, the jihadists attacked government positions near Douma.")
    es = extract_events(Article(id="t", text=text, published="2018-07-24"), gz)
    assert {(e.actor, e.place) for e in es if e.place == "Douma"} == {("hts_nusra", "Douma")}
