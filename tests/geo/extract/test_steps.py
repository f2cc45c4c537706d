"""Unit tests of the steps: sentences, dates, actors, lexicons."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from geo.articles import Article
from geo.extract import EXTRACTOR_VERSION, infer_article_date
from geo.extract.dates import find_dates
from geo.extract.lexicon import DATA_DIR, load_lexicon
from geo.extract.sentences import split_sentences
from geo.schema import ACTORS, EVENT_TYPES


def test_sentences_survive_abbreviations_quotes_and_headlines():
    text = ('Russian jets strike Idlib\nU.S. officials said Gen. Smith and Capt. Davis agreed. "It was bad," he said. '
            'Another one.\n- a bullet item\nPhoto by: Reuters')
    assert [s.text for s in split_sentences(text)] == [
        "Russian jets strike Idlib", "U.S. officials said Gen. Smith and Capt. Davis agreed.",
        '"It was bad," he said.', "Another one.", "a bullet item", "Photo by: Reuters"]


def test_sentence_offsets_point_into_the_text():
    text = "First one. Second one!\nThird"
    for s in split_sentences(text):
        assert text[s.start:s.end] == s.text


@pytest.mark.parametrize("expr,date,precision", [
    ("on Wednesday", "2015-10-07", "day"),
    ("last Wednesday", "2015-09-30", "day"),
    ("last week on Wednesday", "2015-09-30", "day"),
    ("on Tuesday", "2015-10-06", "day"),
    ("yesterday", "2015-10-06", "day"),
    ("last week", "2015-09-28", "week"),
    ("on September 30", "2015-09-30", "day"),
    ("on 12 May", "2015-05-12", "day"),
    ("on October 7, 2015", "2015-10-07", "day"),
    ("in September", "2015-09-01", "month"),
    ("two days ago", "2015-10-05", "day"),
])
def test_date_expressions(expr, date, precision):
    ds = find_dates(f"Jets struck {expr}.", dt.date(2015, 10, 7))
    assert [(str(d.date), d.precision) for d in ds] == [(date, precision)]


def test_article_date_metadata_text_and_weekday():
    assert infer_article_date(Article(id="a", text="x", published="2019-01-02")) == (dt.date(2019, 1, 2), False)
    assert infer_article_date(Article(id="a", text="Hit on October 6, 2015. Taken October 7, 2015.")) == (dt.date(2015, 10, 7), True)
    assert infer_article_date(Article(id="a", text="Attacks in Paris on Friday 13th November.")) == (dt.date(2015, 11, 13), True)
    assert infer_article_date(Article(id="a", text="It happened on a Friday.")) == (None, False)


def test_lexicon_entries_use_schema_ids():
    lex = load_lexicon()
    assert {a.actor for a in lex.actor_aliases.values() if a.actor} <= set(ACTORS)
    assert {t["type"] for t in lex.triggers} <= set(EVENT_TYPES) | {"strike"}
    for name in ("actors.jsonl", "triggers.jsonl", "sources.jsonl"):
        for line in (DATA_DIR / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                json.loads(line)


def test_every_actor_has_aliases_and_a_profile():
    lex = load_lexicon()
    named = {a.actor for a in lex.actor_aliases.values() if a.actor and a.kind == "name"}
    assert named == set(ACTORS)
    assert set(lex.profiles) == set(ACTORS)


def test_extractor_version_names_code_and_lexicon():
    code, _, lex = EXTRACTOR_VERSION.partition("+")
    assert code and len(lex) == 12


def test_user_lexicon_folder(tmp_path):
    for f in DATA_DIR.iterdir():
        (tmp_path / f.name).write_bytes(f.read_bytes())
    with open(tmp_path / "actors.jsonl", "a", encoding="utf-8") as fh:
        fh.write(json.dumps({"actor": "rebels", "kind": "name", "aliases": ["Brigade of Testers"]}) + "\n")
    lex = load_lexicon(tmp_path)
    assert lex.actor_aliases["brigade of testers"].actor == "rebels"
    assert lex.version != load_lexicon().version


def test_fallback_places_in_one_governorate_keep_distinct_event_ids():
    """Regression: two unknown villages shown at the same governorate got the same event_id."""
    from geo.extract.assemble import Mention, merge_mentions

    def mention(name: str) -> Mention:
        return Mention(actor="rebels", event_type="shelling", place_as_written=name, place="Idlib", lat=35.75, lon=36.6,
                       geonameid=None, admin1="Idlib", country_code="SY", geo_precision=3, date=None,
                       date_precision="unknown", evidence=f"Rockets hit {name}.", reported_by=None, target=None,
                       actor_how="subject", specific_type=True, sentence_index=0, place_fallback=True)

    events = merge_mentions([mention("Qaryat Alif"), mention("Qaryat Ba")], article_id="a", title=None, url=None,
                            source=None, published=None, published_inferred=False)
    assert len(events) == 2
    assert len({e.event_id for e in events}) == 2
