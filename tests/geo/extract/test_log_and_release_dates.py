"""Dates of release items and log lines (extractor 1.6).

The texts are written for this test in the formats of coalition strike releases and conflict
monitors' logs. Every rule case fails on extractor 1.5, which dated release items more than two
sentences after the lead by the publication date, read no "June 12:" line head, resolved a day
of month under a log's dated heading against that heading (so a later day fell a year back), and
read no "Fri 21/01". The guards (marked so) pass on both.
"""
from __future__ import annotations

import datetime as dt

from geo.articles import Article
from geo.extract import extract_events
from geo.extract.dates import find_dates


def ev(text, gz, published="2017-06-21"):
    return extract_events(Article(id="t", text=text, published=published), gz)


RELEASE = """SOUTHWEST ASIA - On June 20, 2017, Coalition military forces conducted 24 strikes against ISIS targets.

Strikes in Syria

In Syria, Coalition military forces conducted 18 strikes consisting of 25 engagements against ISIS targets.
- Near Abu Kamal, one strike destroyed an ISIS oil wellhead.
- Near Raqqa, 14 strikes engaged 11 ISIS tactical units and destroyed 13 fighting positions.
"""


def test_every_item_of_a_release_has_the_date_of_its_lead(gz):
    es = ev(RELEASE, gz)
    assert {e.place for e in es} == {"Abu Kamal", "Ar Raqqah"}
    assert {e.date for e in es} == {"2017-06-20"}


def test_a_news_sentence_far_from_its_date_still_is_not_carried(gz):
    # guard: prose (not a release item) three paragraphs on keeps the publication date's week
    text = ("Russian jets struck Saraqib on Monday, activists said.\n\nTalks were due in Geneva.\n\n"
            "Aid groups warned of a crisis.\n\nRebels shelled army posts near Kafr Zita, the monitor said.")
    dates = {e.place: e.date for e in ev(text, gz, published="2020-03-05")}
    assert dates["Saraqib"] == "2020-03-02" and dates["Kafr Zita"] != "2020-03-02"


LOG = """26/04/2015: Regime helicopters dropped barrel bombs on Saraqib; 8 civilians reported killed.

18 May: A car bomb exploded near a checkpoint in Douma; 4 soldiers killed.

June 2: Rebels shelled army posts near Kafr Zita.
"""


def test_log_lines_headed_by_a_day_and_month(gz):
    dates = {e.place: e.date for e in ev(LOG, gz, published="2015-06-04")}
    assert dates == {"Saraqib": "2015-04-26", "Douma": "2015-05-18", "Kafr Zita": "2015-06-02"}


def test_month_day_with_a_colon_is_a_date_but_not_a_clock_time():
    ref = dt.date(2022, 6, 18)
    assert [str(d.date) for d in find_dates("June 12: ISIS cells attacked", ref)] == ["2022-06-12"]
    assert find_dates("at June 12:30 GMT", ref) == []  # guard


def test_a_weekday_with_a_numeric_day_and_month():
    ref = dt.date(2022, 1, 24)
    assert [str(d.date) for d in find_dates("Fri 21/01: coalition aircraft struck", ref)] == ["2022-01-21"]
    assert find_dates("the vote was 21/01 in favour", ref) == []  # guard: no weekday, no date


def test_a_heading_day_picks_the_year_nearest_the_heading_not_after_the_article():
    # a log published in June 2015 whose heading says 26 April: "18 May" is 2015, not 2014
    got = find_dates("18 May: a car bomb", dt.date(2015, 4, 26), latest=dt.date(2015, 6, 4))
    assert [str(d.date) for d in got] == ["2015-05-18"]
    # guard: without a heading the article's date decides, as before
    assert [str(d.date) for d in find_dates("18 May: a car bomb", dt.date(2015, 6, 4))] == ["2015-05-18"]


def test_the_month_may_is_no_modal(gz):
    es = ev("21 May 2015 - Strikes carried out by regime warplanes hit Saraqib at least 12 times.", gz,
            published="2015-05-22")
    assert [(e.actor, e.date) for e in es] == [("syrian_government", "2015-05-21")]
    # guard: the verb still is
    assert ev("Turkey may launch an offensive on Tal Rifaat in May.", gz) == []


def test_a_log_line_headed_by_an_abbreviated_weekday():
    ref = dt.date(2022, 1, 24)
    assert [str(d.date) for d in find_dates("Sun.: A car was hit by a Turkish drone near Tal Tamr.", ref)] == ["2022-01-23"]
    assert [str(d.date) for d in find_dates("- Sat - Turkish artillery shelled Ain Issa.", ref)] == ["2022-01-22"]
    # guard: not inside a line, nor a word that is no head
    assert find_dates("The Sun: a tabloid reported the strike.", ref) == []
    assert find_dates("Sun rose over Idlib as the strikes began.", ref) == []
