"""Classes of errors fixed in extractor 1.2, each pinned by sentences written for the test (none is
taken from a corpus or the seeds): joint actors, unnamed attackers and devices, release verbs and
fronted places, numeric and anaphoric dates, "the city" references, bracketed other names."""
from __future__ import annotations

import datetime as dt

import pytest

from geo.articles import Article
from geo.extract import extract_events
from geo.extract.dates import find_dates

MORE = {
    "sarmin": ("Sarmin", 35.90, 36.72, "Idlib", "SY", None, "PPL"),
    "ariha": ("Ariha", 35.81, 36.61, "Idlib", "SY", None, "PPL"),
    "taftanaz": ("Taftanaz", 35.99, 36.78, "Idlib", "SY", None, "PPL"),
    "tafas": ("Tafas", 32.74, 36.07, "Daraa", "SY", None, "PPL"),
    "jarablus": ("Jarablus", 36.82, 38.01, "Aleppo", "SY", None, "PPL"),
    "manbij": ("Manbij", 36.53, 37.95, "Aleppo", "SY", None, "PPL"),
    "qusayr": ("Al Qusayr", 34.51, 36.58, "Homs", "SY", None, "PPL"),
    "kobani": ("Kobani", 36.89, 38.35, "Aleppo", "SY", None, "PPL"),
    "derik": ("Al Malikiyah", 37.17, 42.13, "Al-Hasakah", "SY", None, "PPL"),
    "tabqa": ("Tabqa", 35.83, 38.54, "Raqqa", "SY", None, "PPL"),
}


@pytest.fixture()
def gz2(gz):
    gz.places.update(MORE)
    return gz


def ev(text, gz, published="2019-05-15", **kw):
    return extract_events(Article(id="t", text=text, published=published, **kw), gz)


def keys(events):
    return {(e.actor, e.event_type, e.place) for e in events}


# -- 1. joint actors: one event per actor ---------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("Russian and Syrian warplanes bombed Ariha.",
     {("russia", "airstrike", "Ariha"), ("syrian_government", "airstrike", "Ariha")}),
    ("Russian jets and regime helicopters pounded Sarmin.",
     {("russia", "airstrike", "Sarmin"), ("syrian_government", "airstrike", "Sarmin")}),
    ("Hezbollah and regime forces retook Qusayr.",
     {("hezbollah", "ground_offensive", "Al Qusayr"), ("syrian_government", "ground_offensive", "Al Qusayr")}),
    ("Turkish soldiers and allied Syrian factions shelled Manbij.",
     {("turkey", "shelling", "Manbij"), ("rebels", "shelling", "Manbij")}),
    ("Turkish troops and the SNA stormed Afrin.",
     {("turkey", "ground_offensive", "Afrin"), ("rebels", "ground_offensive", "Afrin")}),
])
def test_joint_actors_make_one_event_each(gz2, text, expected):
    assert keys(ev(text, gz2)) == expected


def test_an_object_is_not_a_joint_actor(gz2):
    es = ev("Russian warplanes struck rebels and ISIS fighters in Ariha.", gz2)
    assert {e.actor for e in es} == {"russia"}


# -- 2. unnamed attackers and devices ---------------------------------------------------------------

@pytest.mark.parametrize("text,etype,place", [
    ("Unidentified gunmen shot dead a council member in Tafas.", "attack", "Tafas"),
    ("Masked gunmen gunned down a shopkeeper in Tafas.", "attack", "Tafas"),
    ("An IED went off in Jarablus, wounding three.", "bombing", "Jarablus"),
    ("A car bomb exploded near the market in Manbij.", "bombing", "Manbij"),
    ("A VBIED detonated at a checkpoint in Afrin.", "bombing", "Afrin"),
    ("A suicide bomber blew himself up in Jarablus.", "bombing", "Jarablus"),
])
def test_unnamed_attackers_are_unknown(gz2, text, etype, place):
    assert keys(ev(text, gz2)) == {("unknown", etype, place)}


@pytest.mark.parametrize("text", [
    "An IED hit a bus carrying regime soldiers near Palmyra, killing six.",
    "Regime soldiers were killed when a roadside bomb struck their bus near Palmyra.",
])
def test_victims_of_a_device_are_not_its_actor(gz2, text):
    assert {e.actor for e in ev(text, gz2)} == {"unknown"}


def test_a_device_does_not_borrow_an_earlier_actor(gz2):
    es = ev("Regime forces shelled Ariha on Monday. A car bomb exploded in Jarablus.", gz2)
    assert ("unknown", "bombing", "Jarablus") in keys(es)
    assert ("syrian_government", "bombing", "Jarablus") not in keys(es)


def test_a_named_user_of_a_device_is_its_actor(gz2):
    assert {e.actor for e in ev("ISIS detonated a car bomb in Manbij.", gz2)} == {"isis"}
    assert {e.actor for e in ev("ISIS gunmen attacked a checkpoint near Palmyra.", gz2)} == {"isis"}


# -- 3. release verbs, a place before the event word -------------------------------------------------

@pytest.mark.parametrize("text,actor,etype", [
    ("Regime troops raided Tafas at dawn.", "syrian_government", "raid"),
    ("HTS fighters stormed Sarmin.", "hts_nusra", "ground_offensive"),
    ("ISIS militants overran army posts in Tabqa.", "isis", "ground_offensive"),
    ("ISIS fighters ambushed an army patrol near Tabqa.", "isis", "attack"),
    ("Turkish forces neutralised six terrorists near Manbij.", "turkey", "attack"),
    ("Regime helicopters dropped barrel bombs on Ariha.", "syrian_government", "airstrike"),
])
def test_release_and_monitor_verbs(gz2, text, actor, etype):
    es = ev(text, gz2)
    assert {(e.actor, e.event_type) for e in es} == {(actor, etype)}


def test_ministry_briefing_place_before_the_event(gz2):
    es = ev("Near the settlement of Taftanaz in Idlib province, a militant ammunition depot was destroyed.", gz2,
            source="Russian Defence Ministry", title="Briefing of the Russian Defence Ministry")
    assert keys(es) == {("russia", "airstrike", "Taftanaz")}


# -- 4. dates ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,date", [
    ("07/11/2018: regime shelling", dt.date(2018, 11, 7)),
    ("21.02.2020 - strikes", dt.date(2020, 2, 21)),
    ("On 9 January 2019, jets", dt.date(2019, 1, 9)),
])
def test_explicit_dates(text, date):
    assert find_dates(text, dt.date(2021, 1, 1))[0].date == date


def test_numeric_date_heads_a_monitor_note(gz2):
    es = ev("22/06/2019: Russian jets struck Ariha; 4 killed.\nRegime helicopters bombed Sarmin.", gz2, published=None)
    assert {(e.place, e.date) for e in es} == {("Ariha", "2019-06-22"), ("Sarmin", "2019-06-22")}


def test_same_day_carries_the_date_told(gz2):
    es = ev("On 9 January 2019, HTS fighters shelled Sarmin. On the same day, Russian jets struck Ariha.", gz2,
            published="2019-01-11")
    assert {(e.place, e.date) for e in es} == {("Sarmin", "2019-01-09"), ("Ariha", "2019-01-09")}


def test_weekday_forms(gz2):
    es = ev("Also on Sunday, Russian jets struck Sarmin. Thursday morning, regime artillery shelled Ariha.", gz2,
            published="2019-05-17")  # a Friday
    assert {(e.place, e.date) for e in es} == {("Sarmin", "2019-05-12"), ("Ariha", "2019-05-16")}


def test_background_sentence_date_beats_publication(gz2):
    es = ev("Fighting resumed on 2 April 2019 near Idlib.\nRussian jets struck Ariha, residents said.", gz2,
            published="2019-05-15")
    assert {(e.place, e.date) for e in es} == {("Ariha", "2019-04-02")}


def test_release_date_is_the_strike_day_not_the_dateline(gz2):
    es = ev("SOUTHWEST ASIA, June 4, 2017 - Coalition forces attacked ISIS in Syria on June 3. "
            "Near Tabqa, two strikes destroyed an ISIS vehicle.", gz2, published="2017-06-04")
    assert {(e.actor, e.place, e.date) for e in es} == {("us_coalition", "Tabqa", "2017-06-03")}


# -- 5. "the city" ----------------------------------------------------------------------------------

def test_the_city_is_the_city_named_in_the_sentence(gz2):
    es = ev("ISIS shelled Tabqa on Monday. Inside Raqqa, SDF fighters seized a district on the western side of the city.", gz2)
    assert ("sdf_ypg", "ground_offensive", "Ar Raqqah") in keys(es)
    assert ("sdf_ypg", "ground_offensive", "Tabqa") not in keys(es)


def test_the_town_and_its_name_make_one_event(gz2):
    es = ev("Regime forces shelled Sarmin on Monday, and regime tanks shelled the town again at night.", gz2)
    assert [(e.actor, e.place) for e in es] == [("syrian_government", "Sarmin")]


# -- 6. a bracketed other name does not end a list ----------------------------------------------------

def test_bracketed_other_name_in_a_list(gz2):
    es = ev("Turkish jets struck Ayn al-Arab (Kobani), Tal Rifaat and Derik.", gz2)
    assert {e.place for e in es} == {"Kobani", "Tall Rif'at", "Al Malikiyah"}
