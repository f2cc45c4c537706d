"""A dateline names where a report was filed, not where its places are (extractor 1.5).

"AMMAN (Jordan Valley Courier) - Syrian warplanes pounded Ash Shajara": the country the
dateline names must not pull a place to a namesake there. Written for this test; it fails on
extractor 1.4. It needs the embedded gazetteer (a Syrian and a Jordanian Ash Shajara).
"""
from __future__ import annotations

import pytest

from geo.articles import Article
from geo.extract import extract_events


@pytest.fixture(scope="module")
def real_gz():
    from gazetteer import default_gazetteer

    return default_gazetteer()


def ev(text, gz):
    return extract_events(Article(id="t", text=text, published="2018-07-24"), gz)


def test_a_foreign_dateline_does_not_move_a_place_abroad(real_gz):
    es = ev("AMMAN (Jordan Valley Courier) - Syrian warplanes pounded the village of Ash Shajara on Monday, "
            "a war monitor said.", real_gz)
    assert [(e.country_code, e.admin1) for e in es] == [("SY", "Daraa")]


def test_a_country_named_in_the_sentence_still_counts(real_gz):
    es = ev("AMMAN (Jordan Valley Courier) - Syrian army shelling hit the village of Ash Shajara in northern "
            "Jordan on Monday, police said.", real_gz)
    assert [e.country_code for e in es] == ["JO"]
