"""Benchmark: ``update`` with one new article on a store of N articles (default 10,000).

Target (issue 6): the update rewrites the store, ``events.geojson`` and the maps in
under 1 s plus the time of the one new article's extraction.

The N synthetic articles (one JSON Lines file) and their events come from a fake
extractor (a few events per article, deterministic), so the benchmark measures the
store, the exports and the maps, not the extractor. The one new article is timed
with the fake extractor too and, when ``geo.extract`` is importable, with the real one.

Usage::

    .venv/bin/python bench/bench_update.py                 # 10,000 articles, real maps when installed
    .venv/bin/python bench/bench_update.py -n 2000 --fake-maps
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import shutil
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from geo import pipeline  # noqa: E402
from geo.schema import ACTORS, EVENT_TYPES, Event  # noqa: E402
from geo.store import STORE_NAME, Versions  # noqa: E402

VERSIONS = Versions("bench-1", "bench-gaz-1")
PLACES = [("Kafr Zita", 35.37, 36.60, "Hama"), ("Latamneh", 35.32, 36.62, "Hama"), ("Idlib", 35.93, 36.63, "Idlib"),
          ("Palmyra", 34.56, 38.28, "Homs"), ("Douma", 33.57, 36.40, "Rif Dimashq"), ("Aleppo", 36.20, 37.16, "Aleppo"),
          ("Raqqa", 35.95, 39.01, "Raqqa"), ("Deir ez-Zor", 35.33, 40.14, "Deir ez-Zor"), ("Afrin", 36.51, 36.87, "Aleppo")]


def synthetic_extract(article: Any, gazetteer: Any, date_override: Any = None) -> SimpleNamespace:
    """Two or three deterministic events per article, seeded by its id."""
    rnd = random.Random(article.id)
    events = []
    for k in range(rnd.choice((2, 2, 3))):
        place, lat, lon, admin1 = rnd.choice(PLACES)
        actor, typ = rnd.choice(list(ACTORS)), rnd.choice(EVENT_TYPES)
        date = f"20{rnd.randint(12, 24)}-{rnd.randint(1, 12):02}-{rnd.randint(1, 28):02}"
        key = f"{article.id}|{actor}|{typ}|{place}|{date}|{k}"
        events.append(Event(
            hashlib.sha1(key.encode()).hexdigest()[:16], article.id, actor, typ, place, place,
            lat + rnd.uniform(-0.05, 0.05), lon + rnd.uniform(-0.05, 0.05), date=date, date_precision="day",
            admin1=admin1, geonameid=rnd.randint(100000, 999999), confidence=round(rnd.random(), 2),
            evidence=article.text[:200], reported_by="SOHR", title=article.title, published=article.published,
        ))
    return SimpleNamespace(events=events, unresolved_places=[])


def fake_render_maps(gdf: Any, out: Path, *, maps: Any = None) -> list[Path]:
    from geo.atomic import write_text_atomic

    return [write_text_atomic(out / "index.html", f"<html><body>{len(gdf)} events</body></html>\n")]


def write_corpus(folder: Path, n: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "corpus.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            text = (f"Warplanes struck positions in the countryside on day {i}, activists said. "
                    "Residents reported heavy damage and several casualties. " * 4)
            fh.write(json.dumps({"id": f"syn-{i:06}", "title": f"Strikes report {i}", "published": "2016-02-01",
                                 "text": text}) + "\n")
    return path


class Timer:
    """Wall-clock and CPU seconds of each part (CPU time tells more on a machine shared with others)."""

    def __init__(self) -> None:
        self.parts: dict[str, float] = {}
        self.cpu: dict[str, float] = {}

    @contextmanager
    def part(self, name: str):
        t0, c0 = time.perf_counter(), time.process_time()
        try:
            yield
        finally:
            self.parts[name] = self.parts.get(name, 0.0) + time.perf_counter() - t0
            self.cpu[name] = self.cpu.get(name, 0.0) + time.process_time() - c0

    def wrap(self, obj: Any, attr: str, name: str) -> None:
        fn = getattr(obj, attr)

        def wrapped(*a: Any, **k: Any) -> Any:
            with self.part(name):
                return fn(*a, **k)

        setattr(obj, attr, wrapped)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", type=int, default=10_000, help="articles in the store (default 10000)")
    ap.add_argument("--fake-maps", action="store_true", help="a stub instead of maps.render_map")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = ap.parse_args()

    real_maps = not args.fake_maps
    if real_maps:
        try:
            import maps  # noqa: F401
        except ImportError:
            print("maps not importable: using a stub map writer")
            real_maps = False
    if not real_maps:
        pipeline.render_maps = fake_render_maps

    tmp = Path(tempfile.mkdtemp(prefix="strikemap-bench-"))
    inp, out = tmp / "in", tmp / "out"
    t0 = time.perf_counter()
    write_corpus(inp, args.n)
    t_corpus = time.perf_counter() - t0

    t0, c0 = time.perf_counter(), time.process_time()
    s = pipeline.build([inp], out, extract=synthetic_extract, versions=VERSIONS)
    t_build, c_build = time.perf_counter() - t0, time.process_time() - c0
    print(f"store: {args.n} articles, {s.events} events; corpus written in {t_corpus:.2f} s, "
          f"build in {t_build:.2f} s ({c_build:.2f} s CPU); store {(out / STORE_NAME).stat().st_size / 1e6:.1f} MB")

    new = inp / "breaking.txt"
    new.write_text("---\ntitle: Breaking\npublished: 2016-02-02\n---\n"
                   "Russian warplanes struck Kafr Zita in the northern Hama countryside on Tuesday, "
                   "the Syrian Observatory for Human Rights said.\n", encoding="utf-8")

    timer = Timer()
    # (older trees read with read_inputs / events_frame: the bench times either, for comparisons)
    timer.wrap(pipeline, "scan_inputs" if hasattr(pipeline, "scan_inputs") else "read_inputs", "read + hash inputs")
    timer.wrap(pipeline, "_process_into", "extract + store the new article")
    timer.wrap(pipeline.Store, "event_table" if hasattr(pipeline.Store, "event_table") else "events_frame",
               "read events from store")
    import geo.export

    timer.wrap(geo.export, "write_geojson", "write events.geojson")
    timer.wrap(pipeline, "render_maps", "render maps" + ("" if real_maps else " (stub)"))

    def extract_one(article: Any, gazetteer: Any, date_override: Any = None) -> SimpleNamespace:
        with timer.part("extractor (the one article)"):
            return synthetic_extract(article, gazetteer, date_override)

    import os

    t0, c0 = time.perf_counter(), time.process_time()
    s = pipeline.update([inp], out, extract=extract_one, versions=VERSIONS)
    total, cpu = time.perf_counter() - t0, time.process_time() - c0
    if (s.articles_new, s.articles_unchanged) != (1, args.n) or s.articles_failed:
        sys.exit(f"unexpected update: new {s.articles_new}, unchanged {s.articles_unchanged}, "
                 f"failed {len(s.articles_failed)} (first: {s.articles_failed[:1]})")
    extractor = timer.parts.get("extractor (the one article)", 0.0)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"\nupdate with 1 new article on {args.n} articles ({s.events} events): {total:.3f} s total "
          f"({cpu:.3f} s CPU; load average {load:.1f} on {os.cpu_count()} CPUs)")
    print(f"  {'part':<36} {'wall':>7}   {'CPU':>7}")
    for name, secs in timer.parts.items():
        print(f"  {name:<36} {secs:7.3f} s {timer.cpu[name]:7.3f} s")
    rest = total - sum(timer.parts.values())
    rest_cpu = cpu - sum(timer.cpu.values())
    print(f"  {'(the rest of the update)':<36} {rest:7.3f} s {rest_cpu:7.3f} s")
    overhead = total - extractor
    print(f"  {'=> everything but the extractor':<36} {overhead:7.3f} s {cpu - timer.cpu.get('extractor (the one article)', 0.0):7.3f} s"
          f"   target < 1 s: {'MET' if overhead < 1.0 else 'NOT MET'} (wall)")

    # a second update with nothing new: the floor of an update
    t0, c0 = time.perf_counter(), time.process_time()
    pipeline.update([inp], out, extract=synthetic_extract, versions=VERSIONS)
    print(f"\nupdate with nothing new: {time.perf_counter() - t0:.3f} s ({time.process_time() - c0:.3f} s CPU)")

    # exports from the store
    from geo.export import export_store

    for fmt in ("geojson", "gpkg", "csv"):
        t0, c0 = time.perf_counter(), time.process_time()
        res = export_store(out, fmt)
        print(f"export {fmt:<7}: {time.perf_counter() - t0:.3f} s ({time.process_time() - c0:.3f} s CPU; {res.events} events, "
              f"{res.path.stat().st_size / 1e6:.1f} MB)")

    # the one article with the real extractor, when there is one
    try:
        from geo.articles import read_path
        from geo.extract import extract as real_extract

        art = read_path(new)[0][0]
        real_extract(art, None)  # warm the gazetteer and lexicons
        t0 = time.perf_counter()
        real_extract(art, None)
        print(f"\nthe real extractor on the one new article (warm): {time.perf_counter() - t0:.3f} s")
    except ImportError:
        print("\ngeo.extract not importable: real extractor not timed")

    if args.keep:
        print(f"\nkept {tmp}")
    else:
        shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
