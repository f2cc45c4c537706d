"""Monitor logs: hyphenated numeric dates, abbreviated weekdays, and a clause that goes on
with the actor of the one before it (extractor 1.5).

Sentences written for this test. The hyphenated date, the abbreviated weekday against an
earlier reference and the semicolon fail on extractor 1.4; the others are guards.
"""
from __future__ import annotations

import datetime as dt

import pytest

from geo.articles import Article
from geo.extract import extract_events
from geo.extract.dates import find_dates


@pytest.mark.parametrize("text,ref,want", [
    ("05-11-2015 | Morek, Hama | Nusra fighters captured Morek", dt.date(2015, 11, 18), dt.date(2015, 11, 5)),
    # the weekday picks the year, even against a reference date weeks before it
    ("Wed 18 Nov | Deir ez-Zor | Regime aircraft struck the city", dt.date(2015, 9, 30), dt.date(2015, 11, 18)),
    ("Thurs. 7 Jan: shelling on Douma", dt.date(2016, 1, 10), dt.date(2016, 1, 7)),
    ("Tuesday 18 November: shelling on Douma", dt.date(2014, 11, 20), dt.date(2014, 11, 18)),
])
def test_log_dates(text, ref, want):
    assert [d.date for d in find_dates(text, ref)][:1] == [want]


def test_a_year_first_date_is_not_read_day_first():
    assert [d.date for d in find_dates("the report of 2015-11-05", None)] == [dt.date(2015, 11, 5)]


def ev(text, gz):
    return extract_events(Article(id="t", text=text, published="2015-10-02"), gz)


def test_a_clause_after_a_semicolon_goes_on_with_the_actor_before_it(gz):
    es = ev("ISIS fighters attacked Raqqa on Monday. ISIS militants also attacked Palmyra. First Russian air "
            "strikes reported on Wednesday; strikes on Aleppo and Homs killed 36, activists said.", gz)
    assert {(e.actor, e.place) for e in es if e.place in ("Aleppo", "Homs")} == {("russia", "Aleppo"), ("russia", "Homs")}


def test_a_contrast_names_someone_else(gz):
    es = ev("Regime forces shelled Kafr Zita on Wednesday, while unnamed fighters fired rockets at Hama.", gz)
    assert ("syrian_government", "Hama") not in {(e.actor, e.place) for e in es}
