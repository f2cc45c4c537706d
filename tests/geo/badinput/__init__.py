"""Test helpers for the store, pipeline and CLI tests: a fake extractor, fake maps, and corpora.

The fake extractor reads events from lines of the article text such as::

    EVENT russia airstrike Kafr_Zita 35.37 36.60 2015-10-07

(actor, type, place with ``_`` for spaces, lat, lon, optional date). A line ``RAISE``
makes it raise, a line ``SLEEP 0.2`` makes it sleep. ``write_bad_corpus`` writes the
bad-input corpus of issue 6 into a folder at test time (nothing large is committed).
"""
from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from geo.atomic import write_text_atomic
from geo.schema import Event
from geo.store import Versions

__all__ = [
    "VERSIONS",
    "fake_extract",
    "fake_render_maps",
    "event_line",
    "write_article",
    "write_bad_corpus",
    "BAD_CORPUS_FAILURES",
    "fakes",
]

VERSIONS = Versions("fake-1", "gaz-1")
HERE = Path(__file__).resolve().parent


def event_line(actor: str, typ: str, place: str, lat: float, lon: float, date: str | None = None) -> str:
    """One line the fake extractor turns into an event."""
    return " ".join(["EVENT", actor, typ, place.replace(" ", "_"), str(lat), str(lon)] + ([date] if date else []))


def fake_extract(article: Any, gazetteer: Any, date_override: Any = None) -> SimpleNamespace:
    """A deterministic stand-in for ``geo.extract.extract``."""
    events = []
    unresolved = []
    for line in article.text.splitlines():
        parts = line.split()
        if not parts:
            continue
        if parts[0] == "RAISE":
            raise RuntimeError("the fake extractor was told to fail")
        if parts[0] == "SLEEP":
            time.sleep(float(parts[1]))
        if parts[0] == "UNRESOLVED":
            unresolved.append(" ".join(parts[1:]))
        if parts[0] != "EVENT" or len(parts) < 6:
            continue
        actor, typ, place, lat, lon = parts[1], parts[2], parts[3].replace("_", " "), float(parts[4]), float(parts[5])
        date = parts[6] if len(parts) > 6 else (str(date_override) if date_override else None)
        key = "|".join([article.id, actor, typ, place, date or ""])
        events.append(Event(
            event_id=hashlib.sha1(key.encode()).hexdigest()[:16], article_id=article.id, actor=actor,
            event_type=typ, place_as_written=place, place=place, lat=lat, lon=lon, date=date,
            date_precision="day" if date else "unknown", admin1="Hama", geonameid=170017,
            confidence=0.8, evidence=line, title=article.title, url=article.url, source=article.source,
            published=article.published,
        ))
    return SimpleNamespace(events=events, unresolved_places=unresolved)


def fake_render_maps(gdf: Any, out: Path, *, maps: Any = None) -> list[Path]:
    """A stand-in for the maps: a small complete HTML page naming the event count."""
    path = Path(out) / "index.html"
    delay = float(os.environ.get("STRIKEMAP_TEST_MAP_DELAY", "0"))
    html = f"<!DOCTYPE html><html><body><p>{len(gdf)} events</p></body></html>\n"
    if delay:  # write half, wait (to be killed), write the rest: the rename must protect index.html
        from geo.atomic import atomic_write

        with atomic_write(path) as fh:
            fh.write(html[: len(html) // 2])
            fh.flush()
            Path(str(path) + ".writing").touch()
            time.sleep(delay)
            fh.write(html[len(html) // 2:])
        return [path]
    write_text_atomic(path, html)
    return [path]


@pytest.fixture
def fakes(monkeypatch: pytest.MonkeyPatch) -> SimpleNamespace:
    """Route the pipeline to the fake extractor, fixed versions and the fake maps."""
    import geo.pipeline

    monkeypatch.setattr(geo.pipeline, "default_extract", fake_extract)
    monkeypatch.setattr(geo.pipeline, "current_versions", lambda: VERSIONS)
    monkeypatch.setattr(geo.pipeline, "render_maps", fake_render_maps)
    return SimpleNamespace(extract=fake_extract, versions=VERSIONS)


def write_article(folder: Path, name: str, *lines: str, title: str | None = None, published: str | None = None) -> Path:
    """Write a ``.txt`` article with front matter and the given body lines."""
    folder.mkdir(parents=True, exist_ok=True)
    fm = ["---", f"title: {title or name}"] + ([f"published: {published}"] if published else []) + ["---"]
    path = folder / name
    path.write_text("\n".join(fm + ["Body of " + name + "."] + list(lines)) + "\n", encoding="utf-8")
    return path


#: File name -> the word its failure reason must contain (files in write_bad_corpus that fail).
BAD_CORPUS_FAILURES = {
    "empty.txt": "empty",
    "binary.txt": "binary",
    "lines.jsonl:2": "broken JSON",
    "dup_b.json": "duplicate article id",
}

ARABIC_TITLE = "غارات روسية على ريف حماة الشمالي"
LATIN1_TITLE = "Frappes aériennes près d'Alep, selon l'Observatoire"


def write_bad_corpus(folder: Path, *, big_mb: int = 10) -> Path:
    """Write the bad-input corpus into ``folder`` and return it.

    Fails (see :data:`BAD_CORPUS_FAILURES`): an empty file, a binary file, a broken
    JSON line among good ones, a duplicate article id. Read correctly: cp1256 and
    latin-1 text, a UTF-8 BOM, CRLF line ends, a ``big_mb`` MB article, an article
    without events, front matter with a bad date.
    """
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40 + b"\x00" * 100)
    (folder / "arabic_cp1256.txt").write_bytes(
        (ARABIC_TITLE + "\r\n\r\nقصفت الطائرات الروسية بلدة كفرزيتا.\r\n"
         + event_line("russia", "airstrike", "Kafr Zita", 35.37, 36.6, "2015-10-07") + "\r\n").encode("cp1256"))
    (folder / "latin1.txt").write_bytes(
        (LATIN1_TITLE + "\n\nLes frappes ont touché la ville à l'aube.\n"
         + event_line("russia", "airstrike", "Alep", 36.2, 37.16, "2015-10-08") + "\n").encode("latin-1"))
    (folder / "bom.txt").write_bytes(
        b"\xef\xbb\xbf" + "---\ntitle: With a BOM\npublished: 2015-10-09\n---\nText.\n".encode()
        + event_line("isis", "shelling", "Palmyra", 34.56, 38.28).encode() + b"\n")
    (folder / "crlf.txt").write_bytes(
        b"---\r\ntitle: CRLF lines\r\n---\r\nLine one.\r\n"
        + event_line("turkey", "shelling", "Afrin", 36.51, 36.87, "2018-01-20").encode() + b"\r\n")
    filler = ("Residents said the shelling continued through the night in the countryside. " * 13 + "\n")
    with open(folder / "big.txt", "w", encoding="utf-8") as fh:
        fh.write("A very long article\n\n")
        fh.write(event_line("syrian_government", "airstrike", "Douma", 33.57, 36.4, "2018-02-20") + "\n")
        line_bytes = len(filler.encode())
        for _ in range(big_mb * 1024 * 1024 // line_bytes + 1):
            fh.write(filler)
    good1 = {"id": "jl-1", "text": event_line("russia", "airstrike", "Idlib", 35.93, 36.63, "2016-01-01"), "title": "one"}
    good3 = {"id": "jl-3", "text": "Nothing happened here.", "title": "three"}
    (folder / "lines.jsonl").write_text(json.dumps(good1) + "\n{broken json\n" + json.dumps(good3) + "\n", encoding="utf-8")
    (folder / "dup_a.json").write_text(json.dumps({"id": "dup", "text": "first copy"}), encoding="utf-8")
    (folder / "dup_b.json").write_text(json.dumps({"id": "dup", "text": "second copy"}), encoding="utf-8")
    (folder / "noevents.txt").write_text("A quiet day\n\nNo strikes were reported today.\n", encoding="utf-8")
    (folder / "baddate.md").write_text("---\ntitle: Bad date\npublished: 2015-13-45\n---\nText.\n"
                                       + event_line("israel", "missile_strike", "Mezzeh", 33.5, 36.25) + "\n",
                                       encoding="utf-8")
    return folder
