"""The extractor never raises: arbitrary Unicode, empty text, a 1 MB article."""
from __future__ import annotations

import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo.articles import Article
from geo.extract import extract, extract_events, infer_article_date
from geo.extract.sentences import split_sentences

WORDS = st.sampled_from(["Russian", "jets", "struck", "the", "town", "of", "Kafr", "Zita", "in", "Hama", "province",
                         "on", "Wednesday", ",", ".", "and", "near", "Idlib", "regime", "shelled", "may", "not",
                         "'s", "SOHR", "said", "\n", "U.S.", "Gen.", "\"", "(", ")", "13th", "November", "2015"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=400))
def test_never_raises_on_arbitrary_unicode(gz, text):
    extract_events(Article(id="h", text=text), gz)
    split_sentences(text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(WORDS, max_size=80).map(" ".join), st.one_of(st.none(), st.just("2015-10-07")))
def test_never_raises_on_report_like_text(gz, text, published):
    r = extract(Article(id="h", text=text, published=published), gz)
    for e in r.events:
        assert -90 <= e.lat <= 90 and -180 <= e.lon <= 180
        assert 0 <= e.confidence <= 1
        assert e.geo_precision in (1, 2, 3)


def test_empty_and_blank_text(gz):
    assert extract_events(Article(id="e", text=""), gz) == []
    assert extract_events(Article(id="e", text="   \n\n  "), gz) == []
    assert infer_article_date(Article(id="e", text="")) == (None, False)


def test_one_megabyte_article(gz):
    para = ("Russian warplanes struck the towns of Kafr Zita and Al Latamneh in the northern countryside of Hama "
            "on Wednesday, SOHR said. Talks continued in Geneva without progress.\n")
    text = para * (1_000_000 // len(para) + 1)
    t0 = time.perf_counter()
    es = extract_events(Article(id="big", text=text, published="2015-10-07"), gz)
    assert {e.place for e in es} == {"Kafr Zita", "Al Lataminah"}
    assert time.perf_counter() - t0 < 60
