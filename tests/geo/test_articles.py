"""Reading articles in every input form, with bad input reported by name."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from geo.articles import (
    decode_bytes,
    iter_articles,
    parse_json_articles,
    parse_published,
    parse_text_article,
    read_path,
)
from geo.errors import ArticleError, ArticleFormatError, ArticleReadError


def test_front_matter_fields():
    a = parse_text_article("---\ntitle: Strikes\npublished: 2015-10-07\nurl: https://x.test/a\nsource: Wire\n---\n\nBody text.\n", "a")
    assert (a.title, a.published, a.url, a.source, a.text) == ("Strikes", "2015-10-07", "https://x.test/a", "Wire", "Body text.")
    assert a.published_date == dt.date(2015, 10, 7)


def test_first_line_is_title_without_front_matter():
    a = parse_text_article("\n\nHeadline here\n\nFirst paragraph.", "a")
    assert a.title == "Headline here"
    assert a.published is None


def test_front_matter_with_bad_date_keeps_the_article_and_notes_it():
    a = parse_text_article("---\ntitle: T\npublished: 32/13/2015\n---\nText.", "a")
    assert a.published is None
    assert a.meta["published_invalid"] == "32/13/2015"


@pytest.mark.parametrize("value,expected", [
    ("2015-10-07", dt.date(2015, 10, 7)),
    ("2015-10-07T23:10:00+03:00", dt.date(2015, 10, 7)),
    ("2015-02-30", None),
    ("yesterday", None),
    (None, None),
])
def test_parse_published(value, expected):
    assert parse_published(value) == expected


def test_decode_utf8_bom_crlf():
    assert decode_bytes("\ufeffA line\r\nB line\r\n".encode("utf-8")) == "A line\nB line\n"


def test_decode_cp1256_arabic():
    text = "غارات على إدلب اليوم في ريف حماة الشمالي وقصف مدفعي"
    assert decode_bytes(text.encode("cp1256")) == text


def test_decode_latin1():
    text = "Frappes aériennes près de Alep, selon l'Observatoire syrien, à l'aube"
    assert decode_bytes(text.encode("latin-1")) == text


@pytest.mark.parametrize("data,reason", [(b"", "empty"), (b"  \n\t", "empty"), (b"\x00\x01\x02binary\x00" * 50, "binary")])
def test_decode_rejects_empty_and_binary(data, reason):
    with pytest.raises(ArticleReadError, match=reason):
        decode_bytes(data, "f.txt")


def test_jsonl_broken_line_loses_nothing_else(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_text('{"id": "1", "text": "one"}\n{broken\n{"id": "3", "text": "three"}\n{"id": "4"}\n', encoding="utf-8")
    arts, errs = read_path(p)
    assert [a.id for a in arts] == ["1", "3"]
    assert [e.path for e in errs] == [f"{p}:2", f"{p}:4"]
    assert "broken JSON" in errs[0].reason and "text" in errs[1].reason


def test_json_object_and_list():
    arts, errs = parse_json_articles(json.dumps({"id": 7, "text": "x", "title": "T"}), "f.json", lines=False)
    assert arts[0].id == "7" and arts[0].title == "T" and not errs
    arts, errs = parse_json_articles(json.dumps([{"id": "a", "text": "x"}, {"text": "no id"}]), "f.json", lines=False)
    assert [a.id for a in arts] == ["a"] and len(errs) == 1


def test_broken_json_file_is_one_error(tmp_path):
    p = tmp_path / "bad.json"
    p.write_text("{not json", encoding="utf-8")
    arts, errs = read_path(p)
    assert arts == [] and isinstance(errs[0], ArticleFormatError) and errs[0].path == str(p)


def test_html_main_text_and_metadata(tmp_path):
    p = tmp_path / "page.html"
    body = " ".join(["Russian warplanes struck the town of Kafr Zita in the northern countryside of Hama on Tuesday."] * 3)
    p.write_text(
        "<html><head><title>Strikes on Hama</title><meta property='article:published_time' content='2015-10-07'>"
        "<link rel='canonical' href='https://news.test/strikes'></head><body><nav>Home | World</nav>"
        f"<article><h1>Strikes on Hama</h1><p>{body}</p><p>{body}</p></article><footer>Contact</footer></body></html>",
        encoding="utf-8")
    (a,), errs = read_path(p)
    assert not errs
    assert a.id == "page" and "Kafr Zita" in a.text and "Contact" not in a.text
    assert a.title == "Strikes on Hama"
    assert a.published_date == dt.date(2015, 10, 7)


def test_iter_articles_reports_missing_bad_and_duplicates(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "one.txt").write_text("Title\n\nText one.", encoding="utf-8")
    (tmp_path / "d" / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "d" / "ignored.csv").write_text("a,b", encoding="utf-8")
    (tmp_path / "x.jsonl").write_text('{"id": "one", "text": "dup"}\n', encoding="utf-8")
    items = list(iter_articles([tmp_path / "d", tmp_path / "x.jsonl", tmp_path / "missing.txt"]))
    good = [i for i in items if not isinstance(i, ArticleError)]
    bad = {i.path: i.reason for i in items if isinstance(i, ArticleError)}
    assert [a.id for a in good] == ["one"]
    assert "empty" in bad[str(tmp_path / "d" / "empty.txt")]
    assert "duplicate article id" in bad[str(tmp_path / "x.jsonl")]
    assert "no such file" in bad[str(tmp_path / "missing.txt")]


def test_content_hash_changes_with_text():
    a = parse_text_article("T\n\nBody one.", "a")
    b = parse_text_article("T\n\nBody two.", "a")
    assert a.content_hash != b.content_hash
    assert a.content_hash == parse_text_article("T\n\nBody one.", "a").content_hash
